"""Plain text scraped from the web -> body, title and authors, debris removed.

Scrapers keep what surrounds an article: the headline (often twice), image captions that
copy it, bylines, "À lire aussi" links, share and newsletter lines, photo credits, embedded
posts and the author's biography. Removal is conservative: a paragraph goes only when it
matches a debris pattern and is short, or when its position (top, bottom) and its form
(byline, signature, biography) both say so. Paragraphs are separated by blank lines.
"""

from __future__ import annotations

import re

from recoupe.clean.authors import bio_subject, byline_authors, signature_authors
from recoupe.clean.debris import Debris, debris_lexicon
from recoupe.clean.inline import remove_post_duplicates, remove_related_links
from recoupe.clean.page import CleanPage
from recoupe.folding import fold

PARAGRAPH_SEPARATOR = "\n\n"
# A headline is one short line without a final full stop.
MAX_TITLE = 250
# Bylines sit among the first paragraphs; signatures and biographies among the last ones.
BYLINE_ZONE = 3
TAIL_ZONE = 3
# "Title | Section | Site": what pages put after a headline they repeat.
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
MAX_TITLE_TRAILER = 80
SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def clean_scraped_text(
    text: str, title: str | None = None, language: str = "fr", infer_title: bool = True
) -> CleanPage:
    """Clean scraped text; `title` is the known headline (then none is inferred)."""
    debris = debris_lexicon(language)
    text = debris.glued_sentence.sub(lambda m: m.group(1) + PARAGRAPH_SEPARATOR, text)
    paragraphs = split_paragraphs(remove_post_duplicates(text))
    paragraphs = [p for p in (clean_paragraph(p, debris) for p in paragraphs) if p]
    authors = take_bylines(paragraphs, debris)
    if title is None and infer_title and len(paragraphs) > 1 and looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)
    if title:
        paragraphs = [p for p in paragraphs if not repeats_title(p, title, debris)]
    authors += take_tail_authors(paragraphs, debris)
    return CleanPage(
        text=PARAGRAPH_SEPARATOR.join(paragraphs), title=title, authors=unique(authors)
    )


def split_paragraphs(text: str) -> list[str]:
    lines = (SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return [line for line in lines if line]


def clean_paragraph(paragraph: str, debris: Debris) -> str:
    """The paragraph without inline debris, or "" when it is debris as a whole."""
    paragraph = remove_related_links(paragraph, debris)
    return "" if is_debris_line(paragraph, debris) else paragraph


def is_debris_line(paragraph: str, debris: Debris) -> bool:
    if len(paragraph) > debris.max_debris_length:
        return False
    return bool(debris.debris_line.match(paragraph) or debris.caption_end.search(paragraph))


def take_bylines(paragraphs: list[str], debris: Debris) -> list[str]:
    """Remove byline paragraphs at the top or the bottom; answer their authors."""
    authors: list[str] = []
    zone = set(range(BYLINE_ZONE)) | set(range(len(paragraphs) - BYLINE_ZONE, len(paragraphs)))
    for index in sorted(i for i in zone if 0 <= i < len(paragraphs))[::-1]:
        names = byline_authors(paragraphs[index], debris)
        if names is not None and len(paragraphs) > 1:
            authors[:0] = names
            del paragraphs[index]
    return authors


def take_tail_authors(paragraphs: list[str], debris: Debris) -> list[str]:
    """Remove trailing credits, signatures and author biographies; answer the authors."""
    authors: list[str] = []
    for _ in range(TAIL_ZONE):
        if len(paragraphs) < 2:
            break
        last = paragraphs[-1]
        if debris.trailing_credit.match(last):
            paragraphs.pop()
            continue
        names = signature_authors(last, debris)
        if names is None:
            subject = bio_subject(last, " ".join(paragraphs[:-1]), debris)
            names = [subject] if subject else None
        if names is None:
            break
        authors[:0] = names
        paragraphs.pop()
    return authors


def looks_like_title(line: str) -> bool:
    words = line.split()
    return len(line) <= MAX_TITLE and len(words) >= 2 and not line.endswith((".", ":", ";", ","))


def repeats_title(paragraph: str, title: str, debris: Debris) -> bool:
    """A copy of the headline, maybe with a caption suffix ("-1", " (2)", "- photo") or
    with the page's section and site name ("Title | Environnement | DW")."""
    text, head = fold(paragraph), fold(title)
    if not head or not text.startswith(head):
        return False
    rest = text[len(head) :].strip()
    if not rest or debris.caption_suffix.fullmatch(rest) is not None:
        return True
    first_segment = TITLE_SEPARATOR.split(paragraph, maxsplit=1)[0]
    return len(rest) <= MAX_TITLE_TRAILER and fold(first_segment) == head


def unique(names: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(fold(name), name)
    return list(seen.values())
