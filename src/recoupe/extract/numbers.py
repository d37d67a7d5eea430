"""Numbers as news text writes them: digits with French, Swiss, Belgian, Canadian or English
separators ("51'400", "1 000", "80.000", "97,4", "1,000,000.5"), number words ("deux cents"),
scale words and abbreviations ("milliards", "Mds", "bn") and approximators ("près de").

The vocabulary lives in `lang/<lang>/numbers.json`; this module turns it into regex sources
that the money and count extractors compose, and parses what those regexes match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from recoupe import lang as lang_data

# Characters that separate thousands or words inside one figure. Newlines never do.
SPACES = " \u00a0\u202f\u2009\u200a"
APOSTROPHES = "'’"
SPACE = f"[{SPACES}]"
THOUSANDS = f"[{SPACES}{APOSTROPHES}.,]"

# A figure in digits. Groups of exactly three digits after a separator belong to the figure;
# anything else ends it, so "en 2018, 300" stays two figures.
NUMERAL = (
    r"(?<![\d.,])"
    rf"(?:\d{{1,3}}(?:{THOUSANDS}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d])"
)
NUMERAL_RE = re.compile(NUMERAL)


# A range "de 10 à 12 millions" is read as such only when its bounds are this close.
RANGE_MAX_RATIO = 20.0


@dataclass(frozen=True)
class NumberLexicon:
    """Regex sources and value tables built from one language's numbers.json."""

    words: str
    scale_words: str
    scale_abbreviations: str
    english_scale_words: str
    half: str
    approximator: str
    approximate_noun: str
    range_joiner: str
    scales: dict[str, float]
    english_scales: dict[str, float]
    abbreviations: dict[str, float]
    approximate_nouns: dict[str, float]


@cache
def lexicon(lang: str) -> NumberLexicon:
    data = lang_data.load(lang, "numbers")
    word = alternation(data["number_words"])
    return NumberLexicon(
        words=rf"(?i:\b{word}(?:[{SPACES}-](?:et[{SPACES}-])?{word})*\b)",
        scale_words=rf"(?i:{alternation(data['scales'])}\b)",
        scale_abbreviations=alternation(data["case_sensitive_scales"], whole_words=False),
        english_scale_words=rf"(?i:{alternation(data['english_scales'])}\b)",
        half=rf"(?i:{alternation(data['half'])}\b)",
        approximator=rf"(?i:(?<!\w){alternation(data['approximators'])})",
        approximate_noun=rf"(?i:{alternation(data['approximate_nouns'])})",
        range_joiner=alternation(data["range_joiners"]),
        scales={k.lower(): float(v) for k, v in data["scales"].items()},
        english_scales={k.lower(): float(v) for k, v in data["english_scales"].items()},
        abbreviations={k: float(v) for k, v in data["case_sensitive_scales"].items()},
        approximate_nouns={k.lower(): float(v) for k, v in data["approximate_nouns"].items()},
    )


def alternation(phrases: Iterable[str], whole_words: bool = True) -> str:
    """A non-capturing regex group matching any phrase, longest first (so "dollars
    canadiens" wins over "dollars"); apostrophes and spaces match their typographic twins.
    With `whole_words`, a phrase ending in a letter must end at a word boundary."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        part = re.sub(r"\\? |['’]", lambda m: typographic_class(m.group()), re.escape(phrase))
        if whole_words and phrase[-1].isalpha():
            part += r"\b"
        parts.append(part)
    return "(?:" + "|".join(parts) + ")"


def typographic_class(char: str) -> str:
    return f"[{APOSTROPHES}]" if char in APOSTROPHES else SPACE


def parse_numeral(text: str, english: bool = False) -> float:
    """The value of a figure matched by NUMERAL.

    One "," or "." followed by exactly three digits is ambiguous: French text writes "80.000"
    for eighty thousand and "2,500" for two and a half; English text the reverse.
    """
    compact = re.sub(f"[{SPACES}{APOSTROPHES}]", "", text)
    mark = decimal_mark(compact, english)
    if mark is None:
        return float(re.sub(r"[.,]", "", compact))
    integer, _, fraction = compact.rpartition(mark)
    return float(re.sub(r"[.,]", "", integer) + "." + fraction)


def decimal_mark(compact: str, english: bool) -> str | None:
    marks = [c for c in compact if c in ".,"]
    if not marks:
        return None
    last = marks[-1]
    if len(set(marks)) == 2:
        return last
    if len(marks) > 1:
        return None
    digits_after = len(compact) - compact.rindex(last) - 1
    if digits_after != 3:
        return last
    thousands_mark = "," if english else "."
    return None if last == thousands_mark else last


def parse_words(text: str, lang: str) -> float | None:
    """The value of number words ("deux cents", "vingt et un"), None when they do not form
    one number ("trois deux")."""
    phrase = re.sub(SPACE + "+", " ", text.lower())
    try:
        return float(text2num(phrase, lang))
    except ValueError:
        return None


def parse_number(text: str, lang: str, english: bool = False) -> float | None:
    """A figure in digits or in words."""
    if text[0].isdigit():
        return parse_numeral(text, english)
    return parse_words(text, lang)


def scale_value(word: str, lex: NumberLexicon, english: bool = False) -> float:
    """The multiplier of a scale word or abbreviation (1 when there is none)."""
    if not word:
        return 1.0
    if word in lex.abbreviations:
        return lex.abbreviations[word]
    if english and word.lower() in lex.english_scales:
        return lex.english_scales[word.lower()]
    return lex.scales[word.lower()]


def range_lower_bound(
    first: float, first_scale: float, upper: float, upper_scale: float
) -> float | None:
    """The value of the first figure of "entre 10 et 12 millions" / "de 500 000 à 1 million":
    without a scale of its own it borrows the upper bound's when that gives a plausible range.
    None when the two figures are too far apart to be a range ("en 2018 et 5 millions")."""
    readings = [first * upper_scale, first] if first_scale == 1 else [first]
    for reading in readings:
        if reading > 0 and 1 / RANGE_MAX_RATIO <= upper / reading <= RANGE_MAX_RATIO:
            return reading
    return None
