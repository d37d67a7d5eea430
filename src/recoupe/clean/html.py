"""HTML pages -> body and metadata, with trafilatura, then the scraped-text cleaner.

trafilatura finds the content container; what it keeps inside that container (author
biographies, "À lire aussi" blocks, photo credits) is removed by the same rules as for
scraped plain text. Titles lose the site-name suffix that pages append ("… - Gala").
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from recoupe.clean.authors import split_byline
from recoupe.clean.debris import Debris, debris_lexicon
from recoupe.clean.page import CleanPage
from recoupe.clean.text import PARAGRAPH_SEPARATOR, clean_scraped_text
from recoupe.errors import DocumentError
from recoupe.folding import fold

# Elements that hold the byline on most news sites.
BYLINE_XPATH = (
    '//*[@itemprop="author" or @rel="author" or contains(@class, "author")'
    ' or contains(@class, "auteur") or contains(@class, "byline") or contains(@class, "signature")]'
)
MAX_BYLINE = 200
# "Title - Site", "Title | Site | 23.05.2011": separators before a site name.
TITLE_SEPARATOR = re.compile(r"\s+[-|–—:•·]{1,2}\s+")
# trafilatura writes table cells between pipes: "| | text | |".
TABLE_BORDER = re.compile(r"^[|\s]+|[|\s]+$")
DATE_LIKE = re.compile(r"[\d./\- ]+")
DOMAIN_SUFFIX = re.compile(r"\.(?:com|fr|ch|be|ca|net|org|info|eu|co\.uk|de)$", re.IGNORECASE)


def extract_html(html: str, url: str | None = None, language: str = "fr") -> CleanPage:
    tree = trafilatura.load_html(html)
    if tree is None:
        raise DocumentError("unreadable HTML")
    bylines = byline_texts(tree)
    result = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    if result is None:
        raise DocumentError("no article content found in the HTML")
    data: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    site = data.get("sitename")
    title = strip_site_name(data.get("title"), site, data.get("hostname"))
    body = PARAGRAPH_SEPARATOR.join(
        TABLE_BORDER.sub("", line) for line in (data.get("text") or "").split("\n")
    )
    page = clean_scraped_text(body, title=title, language=language, infer_title=False)
    authors = page_authors(data.get("author"), bylines, debris_lexicon(language)) + page.authors
    return CleanPage(
        text=page.text,
        title=title,
        authors=list(dict.fromkeys(authors)),
        published=data.get("date"),
        url=data.get("url") or url,
        outlet=site,
    )


def byline_texts(tree: Any) -> list[str]:
    texts = (" ".join(element.text_content().split()) for element in tree.xpath(BYLINE_XPATH))
    return [text for text in texts if 0 < len(text) <= MAX_BYLINE]


def page_authors(declared: str | None, bylines: list[str], debris: Debris) -> list[str]:
    """trafilatura's authors, with the co-authors of a byline that names the first one.

    Bylines such as "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)" give the
    co-authors that the page metadata leaves out.
    """
    authors = [without_prefix(part, debris) for part in (declared or "").split(";")]
    authors = [author for author in authors if author]
    if not authors:
        return []
    lead = fold(authors[0])
    for byline in bylines:
        names = split_byline(byline, debris)
        if any(fold(name) == lead for name in names):
            return list(dict.fromkeys(authors + names))
    return authors


def without_prefix(author: str, debris: Debris) -> str:
    """'Par Stefan Häne' -> 'Stefan Häne'."""
    author = author.strip()
    prefix = debris.byline_prefix.match(author)
    return author[prefix.end() :] if prefix else author


def strip_site_name(title: str | None, site: str | None, hostname: str | None) -> str | None:
    """Drop trailing " - Site" and date segments when they name the site."""
    if not title:
        return title
    title = title.strip()
    brands = {brand_key(name) for name in (site, hostname) if name}
    end = len(title)
    for separator in reversed(list(TITLE_SEPARATOR.finditer(title))):
        if not is_site_segment(title[separator.end() : end], brands):
            break
        end = separator.start()
    return title[:end]


def is_site_segment(segment: str, brands: set[str]) -> bool:
    return brand_key(segment) in brands or DATE_LIKE.fullmatch(segment) is not None


def brand_key(name: str) -> str:
    bare = DOMAIN_SUFFIX.sub("", name.strip().removeprefix("www."))
    return fold(bare).replace(" ", "")
