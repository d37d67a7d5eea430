"""The web UI end to end in a real headless Chromium (Debian's chromium and chromium-driver,
which .ci/run installs) against the real server: the demo story and its dispute, an
article and the speaker of a quote, a search for a name, an analysis of pasted text, a
hostile article that must not run, a phone-sized screen. Each page is saved as a
screenshot in $RECOUPE_SCREENSHOTS (default: test-screenshots/)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from web import HOSTILE, Server, sqlite_server  # noqa: F401  (fixture)

# .ci/run names the browser, and then these tests must run; elsewhere they run when
# Debian's chromium and chromium-driver are installed.
REQUIRED = os.environ.get("RECOUPE_TEST_CHROMIUM")
CHROMIUM = REQUIRED or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOTS = Path(
    os.environ.get("RECOUPE_SCREENSHOTS", Path(__file__).resolve().parents[1] / "test-screenshots")
)
# Without the network flags Chromium keeps calling home, which this closed network refuses.
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        if REQUIRED:
            pytest.fail(
                f"RECOUPE_TEST_CHROMIUM names {REQUIRED}, but it or chromedriver is missing"
            )
        pytest.skip("Chromium and its driver are not installed (.ci/run installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(1280, 900)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def base(sqlite_server: Server) -> str:  # noqa: F811
    return sqlite_server.url


def screenshot(browser: WebDriver, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    width = browser.get_window_size()["width"]
    browser.set_window_size(width, min(max(height, 600), 6000))
    assert browser.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    browser.set_window_size(width, 900)


def open_demo_story(browser: WebDriver, base: str) -> None:
    browser.get(base + "/")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Vénissieux : les salariés de Valrhône").click()
    assert "/stories/" in browser.current_url


def test_demo_story_shows_a_disputed_fact_with_its_sources(browser: WebDriver, base: str) -> None:
    browser.get(base + "/")
    screenshot(browser, "01-home")
    open_demo_story(browser, base)
    disputed = browser.find_element(By.CSS_SELECTOR, "section.disputed")
    assert "Disputed" in disputed.find_element(By.TAG_NAME, "h2").text
    rows = disputed.find_elements(By.CSS_SELECTOR, "tr.disputed")
    values = {row.find_element(By.CSS_SELECTOR, "td.value").text: row for row in rows}
    assert {"450 000 000 EUR", "540 000 000 EUR"} <= set(values)
    assert "Le Courrier du Rhône" in values["450 000 000 EUR"].text
    assert "La Gazette de l'industrie" in values["540 000 000 EUR"].text
    # Highlighted at a glance: the disputed rows are tinted, the agreed ones are not.
    tint = rows[0].find_element(By.CSS_SELECTOR, "td").value_of_css_property("background-color")
    assert tint not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    by_source = browser.find_element(By.CSS_SELECTOR, "section.by-source")
    assert "selon" not in by_source.text and "according to" in by_source.text
    screenshot(browser, "02-story")


def test_open_an_article_and_hover_a_quote(browser: WebDriver, base: str) -> None:
    open_demo_story(browser, base)
    browser.find_element(
        By.CSS_SELECTOR, "section.disputed tr.disputed td a.badge"
    ).click()  # the first outlet stating the disputed amount
    assert "/articles/" in browser.current_url
    quote = next(
        q
        for q in browser.find_elements(By.CSS_SELECTOR, ".quote-direct")
        if "Nous ne laisserons pas fermer" in q.text
    )
    speaker = quote.find_element(By.CSS_SELECTOR, ".speaker")
    assert not speaker.is_displayed()
    ActionChains(browser).move_to_element(quote).perform()
    assert speaker.is_displayed()
    assert "Sophie Marchand" in speaker.text
    marks = browser.find_elements(By.CSS_SELECTOR, ".article-text .mark")
    assert {m.get_attribute("class").split()[-1] for m in marks} >= {
        "mark-entity",
        "mark-amount",
        "mark-count",
        "mark-date",
    }
    screenshot(browser, "03-article-quote-hovered")


def test_a_quote_shows_its_speaker_from_the_keyboard(browser: WebDriver, base: str) -> None:
    open_demo_story(browser, base)
    browser.find_element(By.CSS_SELECTOR, "ul.sources a").click()
    quote = browser.find_element(By.CSS_SELECTOR, ".article-text .quote")
    browser.execute_script("arguments[0].focus()", quote)
    assert quote.find_element(By.CSS_SELECTOR, ".speaker").is_displayed()


def test_search_for_a_name_and_open_the_entity(browser: WebDriver, base: str) -> None:
    browser.get(base + "/")
    box = browser.find_element(By.ID, "site-search")
    box.send_keys("Sophie Marchand", Keys.ENTER)
    # Submitting by the keyboard does not wait for the next page, as a click does.
    WebDriverWait(browser, 10).until(expected_conditions.url_contains("/search"))
    screenshot(browser, "04-search")
    hits = browser.find_elements(By.CSS_SELECTOR, "ol.hits li")
    assert len(hits) >= 3
    browser.find_element(By.LINK_TEXT, "Sophie Marchand").click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Sophie Marchand")
    assert browser.find_elements(By.CSS_SELECTOR, "figure.chart rect.bar")
    quotes = browser.find_element(By.CSS_SELECTOR, "ul.found-quotes").text
    assert "fermer" in quotes
    screenshot(browser, "05-entity")


def test_analyse_pasted_text(browser: WebDriver, base: str) -> None:
    browser.get(base + "/analyze")
    text = (
        "À Bordeaux, le maire Pierre Hurmic a annoncé lundi 3 mars 2025 un plan de "
        "40 millions d'euros. « Nous devons agir vite », a-t-il déclaré devant 200 habitants."
    )
    browser.find_element(By.ID, "content").send_keys(text)
    browser.find_element(By.CSS_SELECTOR, "form.analyze button").click()
    result = browser.find_element(By.CSS_SELECTOR, "section.result")
    found = {m.text for m in result.find_elements(By.CSS_SELECTOR, ".article-text .mark")}
    assert {"Pierre Hurmic", "Bordeaux", "200 habitants", "lundi 3 mars 2025"} <= found
    assert "40 millions d'euros" in found
    quote = result.find_element(By.CSS_SELECTOR, ".quote-direct")
    ActionChains(browser).move_to_element(quote).perform()
    assert "Pierre Hurmic" in quote.find_element(By.CSS_SELECTOR, ".speaker").text
    assert browser.find_element(By.ID, "content").get_attribute("value") == text
    screenshot(browser, "06-analyze")


def test_a_hostile_article_runs_nothing(browser: WebDriver, base: str) -> None:
    browser.get(base + "/articles/hostile")
    text = browser.find_element(By.CSS_SELECTOR, ".article-text").text
    assert "<script>window.pwned=4</script>" in text
    assert HOSTILE["title"] == browser.find_element(By.TAG_NAME, "h1").text
    for element in browser.find_elements(By.CSS_SELECTOR, "main a, main mark, main span"):
        ActionChains(browser).move_to_element(element).perform()
    assert browser.execute_script("return window.pwned") is None
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018  (reading it is the check)
    links = [a.get_attribute("href") or "" for a in browser.find_elements(By.TAG_NAME, "a")]
    assert not any(link.startswith("javascript:") for link in links)
    screenshot(browser, "07-hostile-article")


def test_pages_fit_a_phone(browser: WebDriver, base: str) -> None:
    browser.set_window_size(390, 844)
    try:
        open_demo_story(browser, base)
        fits_the_screen(browser, "08-phone-story")
        browser.find_element(By.CSS_SELECTOR, "ul.sources a").click()
        fits_the_screen(browser, "09-phone-article")
    finally:
        browser.set_window_size(1280, 900)


def fits_the_screen(browser: WebDriver, name: str) -> None:
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 0, f"{name}: {overflow}px wider than the screen"
    screenshot(browser, name)


def test_every_field_has_a_label(browser: WebDriver, base: str) -> None:
    for path in ("/", "/analyze", "/search?q=Lyon"):
        browser.get(base + path)
        for field in browser.find_elements(By.CSS_SELECTOR, "input:not([type=radio]), textarea"):
            labels = browser.find_elements(
                By.CSS_SELECTOR, f"label[for='{field.get_attribute('id')}']"
            )
            assert labels, f"{path}: a field without a label"


# WCAG contrast of an element's text against the first opaque background behind it.
CONTRAST_OF = """
const luminance = (rgb) => {
  const [r, g, b] = rgb.map((c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const channels = (css) => css.match(/[\\d.]+/g).map(Number);
let element = arguments[0];
const colour = channels(getComputedStyle(element).color);
let background = [255, 255, 255];
for (let node = element; node; node = node.parentElement) {
  const found = channels(getComputedStyle(node).backgroundColor);
  if (found.length < 4 || found[3] > 0) { background = found.slice(0, 3); break; }
}
const [high, low] = [luminance(colour.slice(0, 3)), luminance(background)].sort((a, b) => b - a);
return (high + 0.05) / (low + 0.05);
"""


def test_text_keeps_a_readable_contrast(browser: WebDriver, base: str) -> None:
    open_demo_story(browser, base)
    story_page = browser.current_url
    checked = 0
    for url in (story_page, base + "/search?q=Marchand"):
        browser.get(url)
        for selector in ("h1", "h2", ".meta", "td.value", ".badge", ".cited", ".tag", "a"):
            for element in browser.find_elements(By.CSS_SELECTOR, selector)[:5]:
                ratio = browser.execute_script(CONTRAST_OF, element)
                assert ratio >= 4.5, f"{selector} on {url}: contrast {ratio:.2f}"
                checked += 1
    browser.find_element(By.CSS_SELECTOR, "ol.hits a").click()
    for element in browser.find_elements(By.CSS_SELECTOR, ".article-text .mark")[:20]:
        assert browser.execute_script(CONTRAST_OF, element) >= 4.5, element.text
        checked += 1
    assert checked > 30
