"""Shared fixtures: the real French pipeline and the shared data beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.analyze import Options, analyze_stream
from recoupe.read import RawDoc
from recoupe.record import ArticleRecord

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


@pytest.fixture(scope="session")
def seed_record() -> ArticleRecord:
    raw = RawDoc(name=str(SEED), content=SEED.read_bytes(), is_html=False, path=str(SEED))
    (result,) = analyze_stream([raw], Options(published="2025-02-11"))
    assert isinstance(result, ArticleRecord), result
    return result
