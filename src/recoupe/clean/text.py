"""Plain text scraped from the web -> body, title and authors, debris removed."""

from __future__ import annotations

from recoupe.clean.page import CleanPage


def clean_scraped_text(text: str, title: str | None = None) -> CleanPage:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    paragraphs = [line for line in lines if line]
    if title is None and paragraphs and looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)
    return CleanPage(text="\n\n".join(paragraphs), title=title)


def looks_like_title(line: str) -> bool:
    return len(line) < 200 and not line.endswith((".", ":"))
