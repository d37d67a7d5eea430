"""Shared fixtures: the real French pipeline and the shared data beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.analyze import Options, analyze_stream
from recoupe.read import RawDoc
from recoupe.record import ArticleRecord
from recoupe.store.records import linked_ids
from recoupe.stories.claims import Claim, Source, StoryArticle, Value

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_47b9b8c3e1646891.txt"


def analyze_text(
    text: str, published: str | None = None, title: str | None = None
) -> ArticleRecord:
    """Analyse one text through the whole pipeline, as `recoupe analyze` does."""
    raw = RawDoc(name="test", content=text, is_html=False, title=title, published=published)
    (result,) = analyze_stream([raw], Options())
    assert isinstance(result, ArticleRecord), result
    return result


def stated(figure: float, *articles: str, by: str | None = None, when: str | None = None) -> Value:
    """A figure as these articles state it, cited to `by`, given at the time of day `when`."""
    return Value(f"{figure:g}", figure, sources=[Source(a, None, by, when=when) for a in articles])


def claim_of(*values: Value, label: str = "participants") -> Claim:
    """One slot's claim, as the values come."""
    claim = Claim(f"figure|{label}", "event", label)
    for value in values:
        claim.add(value)
    return claim


def dated_story(*texts: tuple[str, str | None]) -> list[StoryArticle]:
    """Texts with their publication dates (None: undated), analysed as one story's articles,
    with ids a0, a1, …"""
    articles = []
    for number, (text, published) in enumerate(texts):
        record = analyze_text(text, published=published).model_copy(update={"id": f"a{number}"})
        linked = linked_ids(record)
        articles.append(
            StoryArticle(record, linked, {linked[e.id]: e.name for e in record.entities})
        )
    return articles


def story_of(texts: list[str]) -> list[StoryArticle]:
    """The texts analysed as the articles of one story, with ids a0, a1, …"""
    articles = []
    for number, text in enumerate(texts):
        record = analyze_text(text).model_copy(update={"id": f"a{number}"})
        linked = linked_ids(record)
        names = {linked[e.id]: e.name for e in record.entities}
        articles.append(StoryArticle(record, linked, names))
    return articles


@pytest.fixture(scope="session")
def seed_record() -> ArticleRecord:
    raw = RawDoc(name=str(SEED), content=SEED.read_bytes(), is_html=False, path=str(SEED))
    (result,) = analyze_stream([raw], Options(published="2025-02-11"))
    assert isinstance(result, ArticleRecord), result
    return result
