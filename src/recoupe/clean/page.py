"""What a cleaner returns: body text and the metadata it found."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CleanPage:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
