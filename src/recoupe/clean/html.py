"""HTML pages -> body and metadata, with trafilatura."""

from __future__ import annotations

import trafilatura

from recoupe.clean.page import CleanPage
from recoupe.errors import DocumentError


def extract_html(html: str, url: str | None = None) -> CleanPage:
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if result is None:
        raise DocumentError("no article content found in the HTML")
    data = result if isinstance(result, dict) else result.as_dict()
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    return CleanPage(
        text=data.get("text") or "",
        title=data.get("title"),
        authors=authors,
        published=data.get("date"),
        url=data.get("url") or url,
        outlet=data.get("sitename"),
    )
