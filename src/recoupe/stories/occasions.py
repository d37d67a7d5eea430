"""Numbered occasions of a recurring event ("le douzième samedi de mobilisation", "l'acte
XII", "la 8e journée de grève"): the number says which day's events an article reports,
where wording and figures differ from one outlet to the next."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from text_to_num import alpha2digit

from recoupe import lang
from recoupe.folding import fold

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# One L or C before "e" is "Le", "Ce", not fifty or a hundred.
ROMAN = r"(?:[IVX]|[IVXLC]{2,})"
ORDINAL_SUFFIX = r"(?:e|è|ème|eme|ième|ieme)"
ORDINAL_DIGITS = re.compile(rf"^(\d+){ORDINAL_SUFFIX}$")
ORDINAL_ROMAN = re.compile(rf"^({ROMAN}){ORDINAL_SUFFIX}$")


@dataclass(frozen=True)
class OccasionLexicon:
    ordinal: re.Pattern[str]  # an ordinal word before an occasion noun
    numbered: re.Pattern[str]  # an occasion noun before its number
    kinds: dict[str, str]  # folded occasion noun -> its kind of occasion
    named_ordinals: dict[str, int]
    language: str


@cache
def lexicon(language: str) -> OccasionLexicon:
    data = lang.load(language, "occasions")
    ordinal_nouns = "|".join(re.escape(n) for n in data["ordinal_nouns"])
    numbered_nouns = "|".join(re.escape(n) for n in data["numbered_nouns"])
    kinds = data["ordinal_nouns"] | data["numbered_nouns"]
    return OccasionLexicon(
        ordinal=re.compile(rf"(?<![\w-])([\w-]+)\s+((?i:{ordinal_nouns}))s?(?![\w-])"),
        numbered=re.compile(rf"(?<![\w-])((?i:{numbered_nouns}))\s+({ROMAN}|\d+)(?![\w-])"),
        kinds={fold(noun): kind for noun, kind in kinds.items()},
        named_ordinals={fold(k): v for k, v in data["named_ordinals"].items()},
        language=language,
    )


def occasion_numbers(text: str, language: str) -> Counter[tuple[str, int]]:
    """How often the text names each (kind of occasion, number)."""
    words = lexicon(language)
    found: Counter[tuple[str, int]] = Counter()
    for match in words.ordinal.finditer(text):
        if (number := ordinal_value(match.group(1), words)) is not None:
            found[words.kinds[fold(match.group(2))], number] += 1
    for match in words.numbered.finditer(text):
        written = match.group(2)
        number = int(written) if written.isdigit() else roman_value(written)
        found[words.kinds[fold(match.group(1))], number] += 1
    return found


def ordinal_value(word: str, words: OccasionLexicon) -> int | None:
    if (named := words.named_ordinals.get(fold(word))) is not None:
        return named
    if roman := ORDINAL_ROMAN.match(word):
        return roman_value(roman.group(1))
    # Threshold 0: 'deuxième' too, which the converter leaves in words by default.
    digits = ORDINAL_DIGITS.match(alpha2digit(word, words.language, threshold=0))
    return int(digits.group(1)) if digits else None


def roman_value(numeral: str) -> int:
    values = [ROMAN_VALUES[letter] for letter in numeral]
    # A smaller numeral before a larger one is taken away from it (IX, XL).
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
