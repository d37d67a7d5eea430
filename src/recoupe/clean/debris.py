"""The debris lexicon of a language (lang/<lang>/debris.json), compiled once.

The JSON holds the phrasings a linguist edits; this module only turns them into regular
expressions. `{name}` in a pattern stands for a person's name (see NAME).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from recoupe import lang

# A capitalised word of a name: "Radouan", "KOURAK", "Jean-Pierre", an initial "R.".
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*\.?"
# Lower-case particles inside names: "Dorian de Meeûs", "Valéry d'Estaing".
_PARTICLE = r"(?:de|du|des|del|della|van|von|der|den|da|di|dos|ben|bin|el|al|le|la)"
# Two to four capitalised words, case-sensitive even inside case-insensitive patterns.
NAME = rf"(?-i:{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*(?:d['’])?{_NAME_WORD}){{1,3}})"
NAME_RE = re.compile(NAME)


@dataclass(frozen=True)
class Debris:
    max_debris_length: int
    debris_line: re.Pattern[str]
    caption_end: re.Pattern[str]
    related_marker: re.Pattern[str]
    trailing_credit: re.Pattern[str]
    bylines: tuple[re.Pattern[str], ...]
    byline_prefix: re.Pattern[str]
    author_separator: re.Pattern[str]
    signature: re.Pattern[str]
    agencies: frozenset[str]
    bio_profession: re.Pattern[str]
    bio_opener: re.Pattern[str]
    bio_context: re.Pattern[str]
    caption_suffix: re.Pattern[str]
    sentence_openers: frozenset[str]
    # A sentence glued to the end of the previous paragraph ("semainesLes manifestants").
    glued_sentence: re.Pattern[str]


def any_of(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def with_names(pattern: str) -> str:
    return pattern.replace("{name}", f"({NAME})")


def words_pattern(words: list[str]) -> str:
    # Longest first so that "rédacteur en chef" wins over "rédacteur".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def debris_lexicon(language: str = "fr") -> Debris:
    data = lang.load(language, "debris")
    flags = re.IGNORECASE
    suffixes = words_pattern(data["caption_suffixes"])
    return Debris(
        max_debris_length=int(data["max_debris_length"]),
        debris_line=re.compile(any_of(data["debris_lines"]), flags),
        caption_end=re.compile(data["caption_end"], flags),
        related_marker=re.compile(any_of(data["related_markers"]), flags),
        trailing_credit=re.compile(any_of(data["trailing_credits"]), flags),
        bylines=tuple(re.compile(with_names(p), flags) for p in data["bylines"]),
        byline_prefix=re.compile(data["byline_prefix"], flags),
        author_separator=re.compile(data["author_separator"], flags),
        signature=re.compile(with_names(data["signature"]), flags),
        agencies=frozenset(a.lower() for a in data["agencies"]),
        bio_profession=re.compile(rf"(?:{words_pattern(data['bio_professions'])})\b", flags),
        bio_opener=re.compile(rf"(?:{words_pattern(data['bio_openers'])})\b", flags),
        bio_context=re.compile(data["bio_context"], flags),
        caption_suffix=re.compile(rf"(?:\d{{1,2}}|(?:{suffixes})(?: \d{{1,2}})?)", flags),
        sentence_openers=frozenset(data["sentence_openers"]),
        glued_sentence=glued_sentence_pattern(data["sentence_openers"]),
    )


def glued_sentence_pattern(openers: list[str]) -> re.Pattern[str]:
    """Two lower-case letters (and a closing mark) directly followed by a sentence opener,
    or by a figure after a full stop.

    Case-sensitive on purpose: the capital after a lower-case letter with no space between
    is what shows a lost line break; names like "iPhone" or "LaLibre" have no opener word.
    """
    elided = [re.escape(o) for o in openers if o.endswith(("'", "’"))]
    whole = [re.escape(o) for o in openers if not o.endswith(("'", "’"))]
    opener = rf"(?:(?:{'|'.join(whole)})\s|(?:{'|'.join(elided)})\w)"
    # A sentence may also open on a figure ("de deux mois.27 000 personnes défilaient").
    return re.compile(rf"(?<=[a-zà-ÿœ]{{2}})([.!?»”)]?(?={opener})|[.!?](?=\d))")
