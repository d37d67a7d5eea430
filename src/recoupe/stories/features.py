"""What story grouping compares: an article's distinctive words, the entities it names, the
days, figures and numbered occasions it reports, its publication day, the weekdays its lead
names, and a MinHash of its text for near-identical copies."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass

from datasketch import MinHash
from spacy.lang.fr.stop_words import STOP_WORDS

from recoupe.extract import dates_lexicon
from recoupe.folding import fold
from recoupe.record import ArticleRecord
from recoupe.stories.occasions import occasion_numbers

WORD = re.compile(r"[a-z]{4,}")
TITLE_WORD = re.compile(r"[a-z0-9]{2,}")
STOP = frozenset(fold(w) for w in STOP_WORDS)
MINHASH_PERMUTATIONS = 64
# Named, so that signatures stored by one version of datasketch read back in another.
MINHASH_SCHEME = "affine32"
SHINGLE_WORDS = 5
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The lead is the text's first sentence: it ends at a full stop after a word, not after an
# initial ("M. Drouet"), before a capital or a quote.
LEAD_END = re.compile(r"(?<=\w\w[.!?])\s+(?=[A-ZÀ-Ý«\"“])")
LEAD_CHARS = 400
DAY_NUMBER = re.compile(r"\s+(?:1er|\d{1,2})\b")


@dataclass(frozen=True)
class ArticleFeatures:
    article_id: str
    terms: Counter[str]
    # The publication day only: a day the text names may be background (an earlier attack,
    # an anniversary), so it counts as a term but never keeps an article out of a story.
    day: str | None
    minhash: MinHash
    # The folded words of its title but stop words: a dispatch updated through the day keeps
    # its title.
    title: frozenset[str] = frozenset()
    # The weekdays (0 is Monday) its lead names: a lead tells on which day its event
    # happened, and a later episode of one affair names another ("requis vendredi" after
    # "interpellé mercredi").
    lead_weekdays: frozenset[int] = frozenset()


def features_of(record: ArticleRecord, linked: dict[str, str]) -> ArticleFeatures:
    words = text_words(f"{record.title or ''} {record.text}")
    terms: Counter[str] = Counter(w for w in words if w not in STOP)
    for entity in record.entities:
        terms[f"entity:{linked[entity.id]}"] += len(entity.mentions)
    for date in record.dates:
        if DAY.match(date.value):
            terms[f"day:{date.value}"] += 1
    for value in [c.value for c in record.counts] + [a.value for a in record.amounts]:
        terms[f"figure:{value:g}"] += 1
    full_text = f"{record.title or ''} {record.text}"
    for (kind, number), times in occasion_numbers(full_text, record.language).items():
        terms[f"occasion:{kind}:{number}"] += times
    title = frozenset(w for w in TITLE_WORD.findall(fold(record.title or "")) if w not in STOP)
    return ArticleFeatures(
        record.id,
        terms,
        published_day(record),
        text_minhash(words),
        title,
        lead_weekdays(record.text, record.language),
    )


def lead_weekdays(text: str, language: str) -> frozenset[int]:
    """The weekdays the first sentence names as one day: not "le samedi" (habitual) unless
    a date follows ("le samedi 12 janvier")."""
    lead = LEAD_END.split(text.strip(), maxsplit=1)[0][:LEAD_CHARS]
    words = dates_lexicon.lexicon(language)
    named = set()
    for match in words.patterns.weekday.finditer(lead):
        before = words.patterns.previous_word.search(
            lead, max(0, match.start() - 40), match.start()
        )
        habitual = (
            before is not None and dates_lexicon.key(before["word"]) in words.weekday_blockers
        )
        if not habitual or DAY_NUMBER.match(lead, match.end()):
            named.add(words.weekdays[dates_lexicon.key(match["wd"])])
    return frozenset(named)


def published_day(record: ArticleRecord) -> str | None:
    if record.published and DAY.match(record.published[:10]):
        return record.published[:10]
    return None


def reported_day(record: ArticleRecord) -> str | None:
    """The day the article is about, as lists and timelines show it: its publication day,
    else the day it names most."""
    if published := published_day(record):
        return published
    days = Counter(d.value for d in record.dates if DAY.match(d.value))
    return days.most_common(1)[0][0] if days else None


def text_minhash(words: list[str]) -> MinHash:
    return set_minhash(shingles(words))


def shingles(words: list[str]) -> set[str]:
    """The runs of SHINGLE_WORDS words of a text: near-identical texts share most."""
    return {
        " ".join(words[i : i + SHINGLE_WORDS])
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }


def text_words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def set_minhash(items: Set[str]) -> MinHash:
    minhash = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=1, scheme=MINHASH_SCHEME)
    minhash.update_batch([item.encode() for item in sorted(items)])
    return minhash


def minhash_bytes(minhash: MinHash) -> bytes:
    return bytes(minhash.hashvalues.astype("<u8").tobytes())
