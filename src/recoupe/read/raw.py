"""What readers produce: a raw document, or an error naming the document that could not be
read. No reading and no NLP here."""

from __future__ import annotations

from dataclasses import dataclass

# A news article is a few hundred kilobytes of HTML at most; anything far larger is a dump
# or a mistake, and parsing it would stall the whole batch.
MAX_DOCUMENT_BYTES = 20_000_000


@dataclass(frozen=True)
class RawDoc:
    """One article as read, before any cleaning."""

    name: str  # how errors name this document: a path, "path:line" or an id
    content: str | bytes
    is_html: bool
    id: str | None = None
    path: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    # Where and when a crawler fetched the page: used when the page itself says nothing.
    crawl_url: str | None = None
    crawl_date: str | None = None


@dataclass(frozen=True)
class ReadError:
    name: str
    message: str


ReadItem = RawDoc | ReadError


def too_large(size: int) -> str:
    return f"document too large ({size / 1e6:.1f} MB, limit {MAX_DOCUMENT_BYTES / 1e6:.0f} MB)"
