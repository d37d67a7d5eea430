"""Folding text for comparison: the same words whatever their case, accents or punctuation."""

from __future__ import annotations

import re
import unicodedata

NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """'L’État, « vraiment » !' -> "l etat vraiment"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return NON_WORD.sub(" ", bare).strip()
