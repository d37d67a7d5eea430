"""The date lexicon of a language (lang/<lang>/dates.json) and the patterns compiled from it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from recoupe import lang
from recoupe.extract.dates_calendar import Direction

SPACE = r"[\s\u00a0\u202f]"
APOSTROPHES = "'’"
# How dates.json names directions; "any" lets the nearest date win whatever the tense.
DIRECTIONS: dict[str, Direction] = {"past": "past", "future": "future", "any": None}


def key(phrase: str) -> str:
    """How lexicon entries and matched text are compared: lower case, one apostrophe, one space."""
    folded = phrase.lower().replace("’", "'")
    return " ".join(folded.split())


def alternation(phrases: Iterable[str]) -> str:
    """A regex group matching any phrase, longest first, with flexible spaces and apostrophes."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(w).replace("'", f"[{APOSTROPHES}]") for w in phrase.split()]
        parts.append(f"{SPACE}+".join(words))
    return "(?:" + "|".join(parts) + ")"


def connectors(words: Iterable[str]) -> str:
    """Connector words must end at a word boundary; punctuation connectors need not."""
    parts = [re.escape(w) + (r"(?!\w)" if w[-1].isalpha() else "") for w in words]
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Patterns:
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    day_month: re.Pattern[str]
    day_item: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_day: re.Pattern[str]
    period: re.Pattern[str]
    season: re.Pattern[str]
    previous_word: re.Pattern[str]
    preposition_before: re.Pattern[str]


@dataclass(frozen=True)
class Period:
    unit: str  # "year" or "month"
    offset: int
    needs_position: bool


@dataclass(frozen=True)
class DateLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    first_day: frozenset[str]
    relative_days: dict[str, int]
    periods: dict[str, Period]
    seasons: dict[str, int]
    this: frozenset[str]
    past_markers: frozenset[str]
    future_markers: frozenset[str]
    month_positions: frozenset[str]
    month_cues: frozenset[str]
    month_name_joiners: frozenset[str]
    month_names_in_capitals: frozenset[str]
    weekday_blockers: frozenset[str]
    year_cues: frozenset[str]
    year_blockers: frozenset[str]
    quantity_before_de: frozenset[str]
    year_connectors: re.Pattern[str]
    future_verb_lemmas: frozenset[str]
    preposition_directions: dict[str, Direction]
    patterns: Patterns


def keys(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(key(p) for p in phrases)


def read_periods(entries: list[dict[str, Any]]) -> dict[str, Period]:
    periods = {}
    for entry in entries:
        period = Period(entry["unit"], entry["offset"], entry.get("needs_position", False))
        periods.update({key(p): period for p in entry["phrases"]})
    return periods


@cache
def lexicon(language: str) -> DateLexicon:
    data = lang.load(language, "dates")
    months = {key(k): v for k, v in data["months"].items()}
    abbreviated = {key(k): v for k, v in data["months_abbreviated"].items()}
    return DateLexicon(
        months=months | abbreviated,
        weekdays={key(k): v for k, v in data["weekdays"].items()},
        first_day=keys(data["first_day"]),
        relative_days={key(k): v for k, v in data["relative_days"].items()},
        periods=read_periods(data["relative_periods"]),
        seasons={key(k): v for k, v in data["seasons"].items()},
        this=keys(data["this"]),
        past_markers=keys(data["past_markers"]),
        future_markers=keys(data["future_markers"]),
        month_positions=keys(data["month_positions"]),
        month_cues=keys(data["month_cues"]),
        month_name_joiners=keys(data["month_name_joiners"]),
        month_names_in_capitals=keys(data["month_names_in_capitals"]),
        weekday_blockers=keys(data["weekday_blockers"]),
        year_cues=keys(data["year_cues"]),
        year_blockers=keys(data["year_blockers"]),
        quantity_before_de=keys(data["quantity_before_de"]),
        year_connectors=re.compile(
            rf"{SPACE}*{connectors(data['year_connectors'])}{SPACE}*", re.IGNORECASE
        ),
        future_verb_lemmas=frozenset(data["future_verb_lemmas"]),
        preposition_directions={key(k): v for k, v in data["preposition_directions"].items()},
        patterns=compile_patterns(data, list(months), list(abbreviated)),
    )


def compile_patterns(data: dict[str, Any], months: list[str], abbreviated: list[str]) -> Patterns:
    weekday = alternation(data["weekdays"])
    day = rf"(?:{alternation(data['first_day'])}|\d{{1,2}})(?![\w,.]\d|\w)"
    day_item = rf"(?:(?P<wd>{weekday}){SPACE}+)?(?P<day>{day})"
    weekday_day = rf"(?:{weekday}{SPACE}+)?{day}"
    link = rf"{SPACE}*{connectors(data['day_list_connectors'])}{SPACE}*"
    day_list = rf"{weekday_day}(?:{link}{weekday_day})*"
    # A two-digit year only where nothing can follow it ("octobre 98.", "mai '68").
    year = rf"(?P<year>\d{{4}}(?!\d)|['’]\d{{2}}(?!\d)|\d{{2}}(?={SPACE}*(?:[,.;:)»]|$)))"
    relative = alternation([*data["past_markers"], *data["future_markers"]])
    tail = rf"(?:{SPACE}+{year})?(?:{SPACE}+(?P<rel>{relative})(?!\w))?"
    all_months = alternation(months + abbreviated)
    positions = (
        "(?:"
        + "|".join(
            alternation([p]) + ("" if p.endswith("-") else f"{SPACE}+")
            for p in sorted(data["month_positions"], key=len, reverse=True)
        )
        + ")"
    )
    period_phrases = [p for entry in data["relative_periods"] for p in entry["phrases"]]
    flags = re.IGNORECASE
    return Patterns(
        numeric=re.compile(
            r"(?<![\w/.])(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)"
        ),
        iso=re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])"),
        day_month=re.compile(
            rf"(?<![\w,.])(?P<days>{day_list}){SPACE}+(?P<mon>{all_months})(?!\w){tail}", flags
        ),
        day_item=re.compile(day_item, flags),
        month=re.compile(
            rf"(?<![\w-])(?P<pos>{positions})?(?P<mon>{alternation(months)})(?!\w){tail}", flags
        ),
        year=re.compile(
            rf"(?<![\w.,])(?<!\d{SPACE})(?P<year>1\d{{3}}|20\d{{2}})"
            rf"(?!\w|[.,]\d|{SPACE}?[%€$£]|{SPACE}\d{{3}}(?!\d))"
        ),
        weekday=re.compile(
            rf"(?<![\w-])(?:(?P<this>{alternation(data['this'])}){SPACE}+)?(?P<wd>{weekday})(?![\w-])"
            rf"(?:{SPACE}+(?P<part>{alternation(data['parts_of_day'])})(?![\w-]))?"
            rf"(?:{SPACE}+(?P<rel>{relative})(?!\w))?",
            flags,
        ),
        relative_day=re.compile(
            rf"(?<![\w-])(?P<rel>{alternation(data['relative_days'])})(?![\w-])", flags
        ),
        period=re.compile(
            rf"(?<![\w'’-])(?:(?P<pos>{alternation(data['period_positions'])}){SPACE}*)?"
            rf"(?P<core>{alternation(period_phrases)})(?![\w-])",
            flags,
        ),
        season=re.compile(
            rf"(?<![\w-])(?P<det>{alternation(data['season_determiners'])}){SPACE}*"
            rf"(?P<season>{alternation(data['seasons'])})(?![\w-])(?:{SPACE}+(?P<rel>{relative})(?!\w))?",
            flags,
        ),
        preposition_before=re.compile(
            rf"(?<!\w)(?P<prep>{alternation(data['preposition_directions'])})"
            rf"(?:{SPACE}+{alternation(data['preposition_articles'])})?{SPACE}*$",
            flags,
        ),
        previous_word=re.compile(r"(?P<word>[^\W\d_][\w'’°]*|n°)[\s\u00a0\u202f(-]*$"),
    )
