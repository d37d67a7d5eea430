"""Compose decoding, HTML or scraped-text cleaning and language identification."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from recoupe.clean.encoding import decode
from recoupe.clean.html import extract_html
from recoupe.clean.language import identify_language
from recoupe.clean.text import clean_scraped_text
from recoupe.errors import DocumentError, NotSelected
from recoupe.read import RawDoc

SUPPORTED_LANGUAGES = {"fr"}


@dataclass(frozen=True)
class Article:
    """An article's clean body text with its metadata, ready for NLP."""

    id: str
    text: str
    language: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    path: str | None = None
    # What identification found, even when the input or the caller forced `language`.
    detected_language: str | None = None


def clean(
    raw: RawDoc,
    published: str | None = None,
    language: str | None = None,
    only_languages: frozenset[str] | None = None,
) -> Article:
    """Clean one raw document; raises DocumentError when nothing usable is left, and
    NotSelected when its language is not among `only_languages`.

    Metadata given with the input wins over what is inferred from the page, which wins over
    what the crawler recorded; `published` is the fallback date for inputs that carry none.
    """
    content = decode(raw.content) if isinstance(raw.content, bytes) else raw.content
    if raw.is_html:
        page = extract_html(content, url=raw.url or raw.crawl_url)
    else:
        page = clean_scraped_text(content, title=raw.title)
    if not page.text.strip():
        raise DocumentError("no article text found")
    detected = identify_language(page.text)
    lang = raw.language or language or detected
    if only_languages is not None and lang not in only_languages:
        raise NotSelected(f"language '{lang}' not selected")
    if lang not in SUPPORTED_LANGUAGES:
        supported = ", ".join(sorted(SUPPORTED_LANGUAGES))
        raise DocumentError(f"unsupported language '{lang}' (supported: {supported})")
    return Article(
        id=raw.id or content_id(page.text),
        text=page.text,
        language=lang,
        title=raw.title or page.title,
        authors=page.authors,
        published=raw.published or page.published or raw.crawl_date or published,
        url=raw.url or page.url or raw.crawl_url,
        outlet=raw.outlet or page.outlet,
        path=raw.path,
        detected_language=detected,
    )


def content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
