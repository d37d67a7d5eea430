"""Language identification of a clean body text, with py3langid.

The classifier is made robust for news text: names, quotes, links and handles are mostly
English-looking noise in any language, so they are left out when enough text remains; a
short text is classified among widely used languages only, where a full model guesses
wildly ("Elon Musk rachète Twitter" would come out as Walloon).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# langid is as sure on a couple of paragraphs as on the whole article, and cost grows with length.
SAMPLE_CHARS = 1500
# Below this many letters a text is "short"; below that confidence the full model is unsure.
SHORT_TEXT_LETTERS = 200
# Quotes and names are left out only when this many letters remain.
MIN_CORE_LETTERS = 25
MIN_CONFIDENCE = 0.5
# Languages a short text is told apart from: the news languages seen in practice.
COMMON_LANGUAGES = ("fr", "en", "de", "es", "it", "nl", "pt", "ar", "ru", "tr", "pl", "ro")
NOISE = re.compile(r"https?://\S+|www\.\S+|[@#]\w+|\d+")
QUOTED = re.compile(r"«[^»]{0,400}»|“[^”]{0,400}”|\"[^\"]{0,400}\"")
CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]*")
LETTER = re.compile(r"[^\W\d_]")


@cache
def identifier(common_only: bool) -> Any:
    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if common_only:
        model.set_languages(list(COMMON_LANGUAGES))
    return model


def identify_language(text: str) -> str:
    """The ISO 639-1 code of the text's language ("fr", "en", ...)."""
    core = language_core(text[:SAMPLE_CHARS])
    if letters(core) >= SHORT_TEXT_LETTERS:
        language, confidence = identifier(common_only=False).classify(core)
        if confidence >= MIN_CONFIDENCE:
            return str(language)
    language, _confidence = identifier(common_only=True).classify(core)
    return str(language)


def language_core(text: str) -> str:
    """The text without what says little about its language, when enough remains."""
    core = NOISE.sub(" ", text)
    for noise in (QUOTED, CAPITALISED):
        thinner = noise.sub(" ", core)
        if letters(thinner) >= MIN_CORE_LETTERS:
            core = thinner
    return core


def letters(text: str) -> int:
    return len(LETTER.findall(text))
