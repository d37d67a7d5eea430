"""The seed article, the first thing recoupe must read perfectly (issue acceptance)."""

from __future__ import annotations

from recoupe.record import ArticleRecord

TITLE = "Elon Musk propose 97 milliards de dollars pour racheter OpenAI, Sam Altman décline l’offre"


def test_title_body_and_author(seed_record: ArticleRecord) -> None:
    assert seed_record.title == TITLE
    assert seed_record.text.startswith("Un consortium dirigé par Elon Musk")
    assert seed_record.text.rstrip().endswith("au sommet de la tech mondiale.")
    assert TITLE not in seed_record.text
    assert "offre-1" not in seed_record.text and "offre-2" not in seed_record.text
    assert "Journaliste, chroniqueur" not in seed_record.text
    assert seed_record.authors == ["Radouan Kourak"]
    assert seed_record.language == "fr"
    assert seed_record.published == "2025-02-11"


def test_amounts_in_dollars(seed_record: ArticleRecord) -> None:
    values = sorted({(a.value, a.currency) for a in seed_record.amounts})
    assert values == [
        (9.74e9, "USD"),
        (97e9, "USD"),
        (97.4e9, "USD"),
        (157e9, "USD"),
        (300e9, "USD"),
    ]
    headline = [a for a in seed_record.amounts if a.field == "title"]
    assert [a.value for a in headline] == [97e9]


def test_dates_resolved_against_publication(seed_record: ArticleRecord) -> None:
    values = {d.value for d in seed_record.dates}
    assert values == {"2025-02-10", "2015", "2018", "2023"}
    monday = next(d for d in seed_record.dates if d.value == "2025-02-10")
    assert monday.text == "ce lundi" and monday.granularity == "day"


def test_every_span_points_into_its_field(seed_record: ArticleRecord) -> None:
    spans = [
        *seed_record.amounts,
        *seed_record.dates,
        *seed_record.counts,
        *(m for e in seed_record.entities for m in e.mentions),
    ]
    for span in spans:
        source = seed_record.title if span.field == "title" else seed_record.text
        assert source is not None
        assert source[span.start : span.end] == span.text


def test_ids_are_stable_and_ordered(seed_record: ArticleRecord) -> None:
    assert [e.id for e in seed_record.entities] == [
        f"e{i}" for i in range(1, len(seed_record.entities) + 1)
    ]
    assert [a.id for a in seed_record.amounts] == [
        f"a{i}" for i in range(1, len(seed_record.amounts) + 1)
    ]
