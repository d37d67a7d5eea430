"""The pages as HTML from the real server: article text, titles, outlets and URLs are
hostile input and come out escaped; errors are pages; the pages that exist answer."""

from __future__ import annotations

import re

import httpx
import pytest

from web import HOSTILE, TOKEN, Server, sqlite_server  # noqa: F401  (fixture)

# Markup an article carried, as it would read if it came out unescaped.
LIVE_MARKUP = re.compile(r"<script>window|<img src=x|<b onmouseover|href=\"javascript:", re.I)


@pytest.fixture(scope="module")
def site(sqlite_server: Server) -> httpx.Client:  # noqa: F811
    return sqlite_server.client()


def page(site: httpx.Client, path: str) -> str:
    response = site.get(path)
    assert response.status_code == 200, path
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_hostile_article_is_shown_as_text(site: httpx.Client) -> None:
    html = page(site, "/articles/hostile")
    assert not LIVE_MARKUP.search(html)
    assert "&lt;script&gt;window.pwned=4&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html  # in the title and the text
    assert "&lt;b onmouseover=" in html  # the outlet
    # The javascript: URL is shown, never linked.
    assert "javascript:window.pwned=3" in html
    assert 'href="javascript:' not in html


def test_hostile_article_stays_text_in_its_story_and_in_search(site: httpx.Client) -> None:
    story_id = site.get("/api/articles/hostile").json()["story_id"]
    for path in (f"/stories/{story_id}", "/search?q=pwned", "/search?q=céderons&kind=quote", "/"):
        assert not LIVE_MARKUP.search(page(site, path)), path


def test_pasted_markup_is_analysed_not_run(site: httpx.Client) -> None:
    response = site.post("/analyze", data={"content": HOSTILE["text"], "kind": "text"})
    assert response.status_code == 200
    assert not LIVE_MARKUP.search(response.text)
    assert 'class="mark mark-entity"' in response.text  # Paul Martin, Lyon
    assert "&lt;script&gt;" in response.text


def test_a_malformed_url_is_shown_not_linked(site: httpx.Client) -> None:
    article = {"id": "bad-url", "url": "http://[::1", "text": "Un article de Lyon, mardi."}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    stored = site.post("/api/articles", json={"articles": [article]}, headers=headers).json()
    assert [r["outcome"] for r in stored] == ["stored"]
    html = page(site, "/articles/bad-url")
    assert "http://[::1" in html and 'href="http://[' not in html


def test_search_query_is_echoed_escaped(site: httpx.Client) -> None:
    html = page(site, '/search?q="><script>alert(1)</script>')
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_missing_pages_are_pages(site: httpx.Client) -> None:
    for path in ("/stories/nope", "/articles/nope", "/entities/nope", "/nowhere"):
        response = site.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "nope" in response.text or "Not Found" in response.text


def test_empty_or_oversized_pastes_are_refused_with_a_message(site: httpx.Client) -> None:
    empty = site.post("/analyze", data={"content": "   "})
    assert empty.status_code == 422 and "Paste some text" in empty.text
    long = site.post("/analyze", data={"content": "mot " * 60_000})
    assert long.status_code == 422 and "content" in long.text
