"""Language identification of a clean body text."""

from __future__ import annotations

import py3langid


def identify_language(text: str) -> str:
    language, _score = py3langid.classify(text[:5000])
    return str(language)
