"""Debris glued inside paragraphs: "Lire aussi: <headline>" links and embedded social posts.

Scraped text often loses paragraph breaks, so a related-article link sits between two body
sentences ("...apaisée.Lire aussi: Le ras-le-bol fiscal, un rituel françaisImpossible
d'avoir..."). The link headline is cut out only where its end can be found; otherwise only
the marker goes, so that no body text is ever lost.
"""

from __future__ import annotations

import re

from recoupe.clean.debris import Debris

# Longest headline a related-article link is allowed to have; a headline that ends with no
# visible boundary is searched for a sentence opener over a shorter span only.
MAX_HEADLINE = 220
MAX_GUESSED_HEADLINE = 130
# Where a headline glued to the next sentence ends: a lower-case letter (or closing quote,
# "?", "!") directly followed by a capital or a digit, with no space between.
GLUED_BOUNDARY = re.compile(
    r"(?<=[a-zà-öø-ÿ»”\"?!…)])(?=[«“\"]?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’ ])|(?<=[a-zà-öø-ÿ]{3})(?=\d)"
)
# Headlines seldom end with a full stop; a text that does holds a sentence.
SENTENCE_END = (".", "!", "…")
# Several spaces in a row are where the page had a block break.
BLOCK_BREAK = re.compile(r"\s{2,}")
# A capitalised word after a word (not after punctuation): a candidate sentence start,
# unless a capitalised word follows it ("La Stampa", "Le Pen" are names, not sentences).
WORD_AFTER_WORD = re.compile(
    r"(?<=[\wÀ-ÿ»”\"’)]) ([A-ZÀ-ÖØ-Þ](?>[\wÀ-ÿ]*)(?:['’])?)(?! ?[A-ZÀ-ÖØ-Þ])"
)
# "— Emmanuel Macron (@EmmanuelMacron) 5 janvier 2019": the attribution of an embedded post.
POST_ATTRIBUTION = re.compile(
    r"\s*[—–]\s*[^\n()—–]{1,80}?\s*\(@\w{1,30}\)\s*"
    r"(?:\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
)
# Length of the text used to find the second copy of an embedded post.
POST_SEED = 12
MAX_POST = 2000


def remove_related_links(paragraph: str, debris: Debris) -> str:
    """Cut "À lire aussi: headline" links out of a paragraph."""
    position = 0
    while match := debris.related_marker.search(paragraph, position):
        if not starts_capitalised(match.group()):
            position = match.end()
            continue
        end = headline_end(paragraph, match.end(), debris)
        before = paragraph[: match.start()].rstrip()
        after = paragraph[end:].lstrip()
        paragraph = f"{before} {after}".strip() if before and after else before or after
        position = len(before)
    return paragraph


def starts_capitalised(marker: str) -> bool:
    """Markers are capitalised ("Lire aussi", "À LIRE"), unlike "documents à lire, etc."."""
    letters = [c for c in marker if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def headline_end(paragraph: str, start: int, debris: Debris) -> int:
    """Where the linked headline that starts at `start` ends (`start` when unsure)."""
    window = paragraph[start : start + MAX_HEADLINE].rstrip()
    lead = len(window) - len(window.lstrip())
    # Boundaries are searched after the headline's first word ('"Mehdi' opens it).
    first_word_end = max(window.find(" ", lead), lead + 1)
    if found := GLUED_BOUNDARY.search(window, first_word_end):
        return start + found.start()
    rest = paragraph[start:].rstrip()
    if len(rest) <= MAX_GUESSED_HEADLINE and not rest.endswith(SENTENCE_END):
        return len(paragraph)  # a headline, with no sentence after it, ends the paragraph
    if found := BLOCK_BREAK.search(window, first_word_end):
        return start + found.start()
    for found in WORD_AFTER_WORD.finditer(window[:MAX_GUESSED_HEADLINE], first_word_end):
        if found.group(1) in debris.sentence_openers:
            return start + found.start()
    return len(paragraph) if len(rest) <= MAX_GUESSED_HEADLINE else start


def remove_post_duplicates(text: str) -> str:
    """Keep one copy of an embedded post that a page shows twice, with its attribution.

    Scraped embeds read "<post> — Name (@handle) date <post again>": the second copy goes,
    and the post and its attribution are set apart as "\n\n<post>\n— Name (@handle) date\n\n"
    so that later stages can tell who posted it. An attribution that no copy follows is
    kept as it is.
    """
    pieces: list[str] = []
    position = 0
    while match := POST_ATTRIBUTION.search(text, position):
        before = text[position : match.start()].rstrip()
        copy = duplicate_length(before, text[match.end() :])
        if not copy:
            pieces.append(text[position : match.end()])
            position = match.end()
            continue
        post = text[match.end() : match.end() + copy].strip()
        body = before[: len(before) - len(post)].rstrip()
        attribution = match.group(0).strip()
        pieces.append(f"{body}\n\n{post}\n{attribution}\n\n")
        position = match.end() + copy
    pieces.append(text[position:])
    return "".join(pieces)


def duplicate_length(before: str, after: str) -> int:
    """Length of the start of `after` that repeats the end of `before` (0 if none)."""
    stripped = after.lstrip()
    seed = stripped[:POST_SEED]
    if len(seed) < POST_SEED:
        return 0
    tail = before[-MAX_POST:].rstrip()
    found = tail.find(seed)
    while found >= 0:  # the earliest valid start gives the longest copy
        if stripped.startswith(tail[found:]):
            return len(after) - len(stripped) + len(tail) - found
        found = tail.find(seed, found + 1)
    return 0
