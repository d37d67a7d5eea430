"""What every extractor may know besides the Doc."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Context:
    lang: str
    published: date | None = None
    # Characters of the Doc before this offset belong to the headline (see analyze.py).
    body_start: int = 0
