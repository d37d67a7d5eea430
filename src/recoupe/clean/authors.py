"""Who wrote the article: bylines, end-of-article signatures and author biographies.

Each finder looks at one paragraph and answers the author names it gives, or None when the
paragraph is not of its kind; the caller drops paragraphs that gave names.
"""

from __future__ import annotations

import re

from recoupe.clean.debris import NAME, NAME_RE, Debris

# Longest paragraph taken for a byline or a signature, and for an author biography.
MAX_BYLINE = 120
MAX_BIO = 1200
# "…, Radouan Kourak est un passionné": the subject of a biography after its apposition.
BIO_SUBJECT = re.compile(
    rf"[,:]\s*(?:(?:le|la|notre|votre)\s+)?({NAME})\s*,?\s*"
    r"(?:est|était|a|avait|travaille|collabore|couvre|signe|rejoint|anime|officie|écrit|"
    r"intervient|suit|se\b|s['’]|vit|habite|partage)\b"
)
# "Radouan Kourak est journaliste…": a biography that opens with its subject.
BIO_SUBJECT_FIRST = re.compile(rf"({NAME})\s*,?\s+(?:est|était)\s+")
FIRST_SENTENCE = re.compile(r"[^.!?]*")


def byline_authors(paragraph: str, debris: Debris) -> list[str] | None:
    if len(paragraph) > MAX_BYLINE:
        return None
    for pattern in debris.bylines:
        if match := pattern.match(paragraph):
            return names_in(match, debris)
    return None


def signature_authors(paragraph: str, debris: Debris) -> list[str] | None:
    """A last line that is only a name ("Lyès Menacer", "R. I./Agences", "HAMID BAALI")."""
    if len(paragraph) > MAX_BYLINE:
        return None
    if paragraph.strip(" .").lower() in debris.agencies:
        return []
    match = debris.signature.match(paragraph)
    if match is None or match.group(1).split()[0] in debris.sentence_openers:
        return None
    return names_in(match, debris)


def names_in(match: re.Match[str], debris: Debris) -> list[str]:
    names = (group for group in match.groups() if group)
    return [tidy_name(n) for n in names if n.strip(" .").lower() not in debris.agencies]


def tidy_name(name: str) -> str:
    """'HAMID BAALI' -> 'Hamid Baali'; initials and mixed case are kept as written."""
    words = name.split()
    if words and len(words[-1].rstrip(".")) > 1:
        words[-1] = words[-1].rstrip(".")  # a full stop ends the byline, not the name
    return " ".join(w.title() if w.isupper() and not w.endswith(".") else w for w in words)


def split_byline(byline: str, debris: Debris) -> list[str]:
    """The names of a byline: "Par X (avec Y et Z)" -> [X, Y, Z]."""
    text = byline.strip()
    if prefix := debris.byline_prefix.match(text):
        text = text[prefix.end() :]
    parts = (part.strip(" .") for part in debris.author_separator.split(text))
    return [tidy_name(part) for part in parts if part and is_name(part)]


def bio_subject(paragraph: str, body_before: str, debris: Debris) -> str | None:
    """The person an author biography describes, or None when the paragraph is not one.

    A biography opens with a profession ("Journaliste, chroniqueur…", "Diplômé de…" about
    the media) or with "Name est journaliste…", and its subject is never named in the
    article itself: an article about a journalist keeps its paragraphs.
    """
    if len(paragraph) > MAX_BIO:
        return None
    first = FIRST_SENTENCE.match(paragraph)
    sentence = first.group() if first else paragraph
    subject = None
    if debris.bio_profession.match(paragraph) or (
        debris.bio_opener.match(paragraph) and debris.bio_context.search(sentence)
    ):
        found = BIO_SUBJECT.search(sentence)
        subject = found.group(1) if found else None
    elif found := BIO_SUBJECT_FIRST.match(paragraph):
        rest = sentence[found.end() :]
        if debris.bio_profession.search(" ".join(rest.split()[:5])):
            subject = found.group(1)
    if subject is None or mentioned(subject, body_before):
        return None
    return tidy_name(subject)


def mentioned(name: str, text: str) -> bool:
    surname = name.split()[-1]
    return surname.lower() in text.lower()


def is_name(text: str) -> bool:
    return NAME_RE.fullmatch(text.strip()) is not None
