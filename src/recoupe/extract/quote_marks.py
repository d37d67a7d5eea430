"""Quoted segments of a text: what stands between quotation marks, nesting and paragraphs included.

French typography opens a quote with « and closes it with »; a quote running over several
paragraphs reopens with « at the start of each; inner quotes use “ ” or « » again. Outlets
also use “ ”, „ “, ‹ › or straight double quotes. This module knows only characters, not
language: it returns the outermost segments and leaves deciding what is a quote to others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> closing marks. "“" closes „ (German style) but opens “ ” (English style).
PAIRS = {"«": "»", "“": "”", "„": "“”", "‹": "›"}
STRAIGHT = '"'
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class QuotedSegment:
    """Content offsets (marks excluded) and the offsets of the marks around it."""

    start: int
    end: int
    open_at: int
    close_at: int


def quoted_segments(text: str) -> list[QuotedSegment]:
    """The outermost quoted segments of `text`, in order; multi-paragraph quotes as one."""
    segments: list[QuotedSegment] = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char in PAIRS:
            segment = typographic_segment(text, i)
        elif char == STRAIGHT:
            segment = straight_segment(text, i)
        else:
            i += 1
            continue
        if segment is None:
            i += 1
            continue
        segment = trimmed(text, segment)
        if segment.end > segment.start:
            segments.append(segment)
        i = segment.close_at + 1
    return segments


def typographic_segment(text: str, open_at: int) -> QuotedSegment | None:
    opening = text[open_at]
    closing = PAIRS[opening]
    depth = 1
    i = open_at + 1
    n = len(text)
    while i < n:
        char = text[i]
        if char in closing:
            depth -= 1
            if depth == 0:
                return QuotedSegment(open_at + 1, i, open_at, i)
        elif char == opening:
            depth += 1
        elif char == "\n" and (brk := PARAGRAPH_BREAK.match(text, i)):
            # A quote goes on into the next paragraph only when that paragraph reopens it.
            after = brk.end()
            if after < n and text[after] == opening:
                i = after + 1
                continue
            return None
        i += 1
    return None


def straight_segment(text: str, open_at: int) -> QuotedSegment | None:
    """Straight quotes pair within a paragraph; an opening one is not followed by a space."""
    if open_at + 1 >= len(text) or text[open_at + 1].isspace():
        return None
    paragraph_end = text.find("\n", open_at)
    limit = len(text) if paragraph_end < 0 else paragraph_end
    close_at = text.find(STRAIGHT, open_at + 1, limit)
    if close_at < 0:
        return None
    return QuotedSegment(open_at + 1, close_at, open_at, close_at)


def trimmed(text: str, segment: QuotedSegment) -> QuotedSegment:
    """Content offsets without the spaces typography puts inside the marks ("« Non »")."""
    start, end = segment.start, segment.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSegment(start, end, segment.open_at, segment.close_at)
