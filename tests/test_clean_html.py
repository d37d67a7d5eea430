"""Cleaning real HTML pages: trafilatura, then debris removal and better titles."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from recoupe.clean.html import extract_html, strip_site_name
from recoupe.clean.page import CleanPage

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
HTML = SHARED / "corpora" / "html"
# trafilatura alone on the 25 French pages (score_html.py trafilatura --lang fr).
TRAFILATURA_FR = {"body": 0.829, "with": 0.962, "without": 0.870, "title": 0.739}


def manifest(lang: str) -> list[dict[str, Any]]:
    with open(HTML / "manifest.jsonl", encoding="utf-8") as stream:
        pages = [json.loads(line) for line in stream]
    return [page for page in pages if page["lang"] == lang]


def page_html(entry: dict[str, Any]) -> str:
    return gzip.decompress((HTML / entry["file"]).read_bytes()).decode("utf-8", "replace")


def extract(page_id: str) -> CleanPage:
    (entry,) = [p for p in manifest("fr") if p["id"] == page_id]
    return extract_html(page_html(entry), url=entry.get("url"))


def test_le_monde_page_body_title_and_all_authors() -> None:
    page = extract("readability-lemonde-1")
    assert page.title == "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée"
    assert page.authors == ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
    assert page.text.startswith("Les députés ont, sans surprise, adopté à une large majorité")
    assert "cookies" not in page.text
    assert "\n\n" in page.text


def test_a_headline_repeated_with_section_and_site_name_leaves_the_body() -> None:
    page = extract("trafilatura-dw.com-elephants")
    assert page.title == "La perte des terres fertiles et les éléphants en Guinée-Conakry"
    assert not page.text.startswith("La perte des terres fertiles")


def test_photo_credits_go_and_embedded_post_attributions_stay() -> None:
    assert "Image illustrative" not in extract("trafilatura-soundofscience.fr.1927").text
    bondy = extract("trafilatura-bondyblog.fr.paris-8")
    assert "Solidaires Étudiant-e-s Saint-Denis" in bondy.text
    assert bondy.title == "A Paris-8, un peu de tension, beaucoup d'actions"


@pytest.mark.parametrize(
    ("title", "site", "host", "expected"),
    [
        ("Caisse de solidarité financière - Info'Com-CGT", "Info'Com-CGT", None, None),
        ("Jean-Paul Delevoye : un surnom peu flatteur - Gala", "Gala.fr", "gala.fr", None),
        ("Titre | Environnement | DW | 23.05.2011", "DW.COM", "dw.com", "Titre | Environnement"),
        ("Libre cours : Raoult, les nazis et moi", "dalloz-actualite.fr", None, None),
    ],
)
def test_site_names_leave_titles(
    title: str, site: str, host: str | None, expected: str | None
) -> None:
    cut = title.rsplit(" - ", 1)[0] if expected is None and " - " in title else expected or title
    assert strip_site_name(title, site, host) == cut


def test_french_pages_score_at_least_as_well_as_trafilatura_alone() -> None:
    sys.path.insert(0, str(SHARED / "eval"))
    from score_html import evaluate  # type: ignore[import-not-found]

    entries = manifest("fr")
    predictions = []
    for entry in entries:
        page = extract_html(page_html(entry), url=entry.get("url"))
        predictions.append({"id": entry["id"], "title": page.title, "text": page.text})
    scores = evaluate(entries, predictions)
    assert scores["body"]["f"] >= TRAFILATURA_FR["body"]
    assert scores["with"]["accuracy"] >= TRAFILATURA_FR["with"]
    assert scores["without"]["accuracy"] > TRAFILATURA_FR["without"]
    assert scores["title"]["accuracy"] > TRAFILATURA_FR["title"]
