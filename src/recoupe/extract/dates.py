"""Calendar dates, absolute and relative, resolved against the publication date.

A handful of compiled patterns (built from lang/<lang>/dates.json) scan the Doc text; where
matches overlap the longest wins. Each match is then resolved to zero or more ISO values:
absolute dates as written, partial and relative ones ("le 17 novembre", "lundi", "hier")
against the publication date, in the direction given by "dernier"/"prochain" or by the tense
of the governing verb. Without a publication date only dates that carry their year come out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from recoupe.extract.context import Context
from recoupe.extract.dates_calendar import (
    Direction,
    day_month_date,
    make_date,
    month_date,
    season_year,
    shifted_month,
    weekday_date,
    weekday_day_month_date,
)
from recoupe.extract.dates_lexicon import DateLexicon, key, lexicon
from recoupe.extract.dates_tense import direction_at
from recoupe.nlp import text_of
from recoupe.record import DateMention, Granularity


@dataclass(frozen=True, order=True)
class Item:
    start: int
    end: int
    value: str
    granularity: Granularity


def day_item(start: int, end: int, day: date) -> Item:
    return Item(start, end, day.isoformat(), "day")


def month_item(start: int, end: int, year: int, month: int) -> Item:
    return Item(start, end, f"{year:04d}-{month:02d}", "month")


def year_item(start: int, end: int, year: int) -> Item:
    return Item(start, end, f"{year:04d}", "year")


# Characters after which a capitalised word starts a sentence (or the body after the headline).
SENTENCE_ENDS = ".!?:;\n…"
OPENING_MARKS = " \t\u00a0\u202f«\"“'‘(—–-"
# Four-digit numbers taken as years without any cue word: the years news talks about.
BARE_YEARS = range(1900, 2100)
NOT_AFTER_BARE_YEAR = {"NOUN", "PROPN", "NUM"}
NOT_BEFORE_BARE_YEAR = {"DET", "NUM", "PROPN"}
# Two-digit years ("octobre 98") belong to the century that puts them at most this far ahead.
TWO_DIGIT_YEAR_LEAD = 10


def starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 8) : start].rstrip(OPENING_MARKS)
    return not before or before[-1] in SENTENCE_ENDS


def full_year(written: str, reference: date | None) -> int | None:
    """The year as written, or a two-digit one completed near the publication date."""
    digits = written.lstrip("'’")
    year = int(digits)
    if len(digits) == 4:
        return year
    if reference is None:
        return None
    pivot = reference.year + TWO_DIGIT_YEAR_LEAD
    century = pivot // 100 * 100
    return century + year if century + year <= pivot else century - 100 + year


@dataclass(frozen=True)
class Scan:
    """One document being scanned: its Doc, publication date and language data."""

    doc: Doc
    text: str  # doc.text, which spaCy rebuilds from the tokens at every access
    published: date | None
    lex: DateLexicon

    def direction(self, start: int, end: int, marker: str | None) -> Direction:
        """Where a date points: a written "dernier"/"prochain", a preposition, else the tense."""
        if marker is not None:
            return "before" if key(marker) in self.lex.past_markers else "after"
        window = max(0, start - 30)
        preposition = self.lex.patterns.preposition_before.search(self.text, window, start)
        if preposition is not None:
            return self.lex.preposition_directions[key(preposition["prep"])]
        return direction_at(self.doc, start, end, self.lex.future_verb_lemmas)

    def previous_word(self, start: int) -> tuple[str, int] | None:
        """The word before `start` (in key form) and where it starts."""
        window = max(0, start - 40)
        found = self.lex.patterns.previous_word.search(self.text, window, start)
        if found is None:
            return None
        return key(found["word"]), found.start()

    def word_after(self, end: int) -> Token | None:
        """The next word or number token (punctuation says nothing about a year)."""
        span = self.doc.char_span(max(0, end - 1), end, alignment_mode="expand")
        if span is None or span.end >= len(self.doc):
            return None
        following: Token = self.doc[span.end]
        return following if following.is_alpha or following.like_num else None

    def token_before(self, start: int) -> Token | None:
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        return self.doc[span.start - 1]


Resolver = Callable[[Scan, re.Match[str], int], list[Item]]


def resolve_numeric(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Item]:
    year = full_year(match["y"], scan.published)
    day = None if year is None else make_date(year, int(match["m"]), int(match["d"]))
    return [] if day is None else [day_item(match.start(), match.end(), day)]


def resolve_day_month(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Item]:
    month = scan.lex.months[key(match["mon"])]
    year = full_year(match["year"], scan.published) if match["year"] else None
    if year is None and scan.published is None:
        return []
    direction = None if year else scan.direction(match.start(), match.end(), match["rel"])
    offset = match.start("days")
    days = list(scan.lex.patterns.day_item.finditer(match["days"]))
    items = []
    for number, found in enumerate(days):
        day = 1 if key(found["day"]) in scan.lex.first_day else int(found["day"])
        weekday = scan.lex.weekdays[key(found["wd"])] if found["wd"] else None
        resolved = place_day(scan, year, month, day, weekday, direction)
        if resolved is None:
            continue
        end = match.end() if number == len(days) - 1 else offset + found.end()
        items.append(day_item(offset + found.start(), end, resolved))
    return items


def place_day(
    scan: Scan, year: int | None, month: int, day: int, weekday: int | None, direction: Direction
) -> date | None:
    if year is not None:
        return make_date(year, month, day)
    assert scan.published is not None
    if weekday is not None:
        return weekday_day_month_date(scan.published, weekday, month, day, direction)
    return day_month_date(scan.published, month, day, direction)


def resolve_month(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Item]:
    month = scan.lex.months[key(match["mon"])]
    if not is_month_name(scan, match):
        return []
    year = full_year(match["year"], scan.published) if match["year"] else None
    if year is not None:
        return [month_item(match.start(), match.end(), year, month)]
    if scan.published is None:
        return []
    direction = scan.direction(match.start(), match.end(), match["rel"])
    placed = month_date(scan.published, month, direction)
    return [] if placed is None else [month_item(match.start(), match.end(), *placed)]


def is_month_name(scan: Scan, match: re.Match[str]) -> bool:
    """A capitalised "Mars" or "Avril" inside a sentence is a name unless a date word is near."""
    name = match["mon"]
    if name.islower() or match["pos"] or match["year"] or match["rel"]:
        return True
    if starts_sentence(scan.text, match.start()):
        return True
    previous = scan.previous_word(match.start())
    return previous is not None and previous[0] in scan.lex.month_cues


def resolve_year(scan: Scan, match: re.Match[str], previous_end: int) -> list[Item]:
    if not is_year(scan, match, previous_end):
        return []
    return [year_item(match.start(), match.end(), int(match["year"]))]


def is_year(scan: Scan, match: re.Match[str], previous_end: int) -> bool:
    """A four-digit number is a year after a date word, in a range of years, or standing alone."""
    text, lex = scan.text, scan.lex
    start, end = match.span()
    following = scan.word_after(end)
    follows_noun = following is not None and following.pos_ == "NOUN"
    if previous_end >= 0 and lex.year_connectors.fullmatch(text, previous_end, start):
        return not follows_noun  # "de 2015 à 2018", "2018-2019"
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True
    previous = scan.previous_word(start)
    if previous is not None:
        word, word_start = previous
        elided = word.split("'")[-1]
        if word in lex.year_blockers or is_quantity_de(scan, word, word_start):
            return False
        if word in lex.year_cues or elided in lex.year_cues:
            return not follows_noun
    return is_bare_year(scan, match, following)


def is_quantity_de(scan: Scan, word: str, word_start: int) -> bool:
    """A number after a quantity word and "de" ("plus de 2000", "près de 1950")."""
    if word not in ("de", "d'"):
        return False
    before = scan.previous_word(word_start)
    return before is not None and before[0] in scan.lex.quantity_before_de


def is_bare_year(scan: Scan, match: re.Match[str], following: Token | None) -> bool:
    if int(match["year"]) not in BARE_YEARS:
        return False
    if following is not None and following.pos_ in NOT_AFTER_BARE_YEAR:
        return False
    preceding = scan.token_before(match.start())
    if preceding is None or starts_sentence(scan.text, match.start()):
        return True
    return preceding.pos_ not in NOT_BEFORE_BARE_YEAR


def resolve_weekday(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Item]:
    if scan.published is None or not is_single_weekday(scan, match):
        return []
    weekday = scan.lex.weekdays[key(match["wd"])]
    direction = scan.direction(match.start(), match.end(), match["rel"])
    day = weekday_date(scan.published, weekday, direction)
    return [day_item(match.start(), match.end(), day)]


def is_single_weekday(scan: Scan, match: re.Match[str]) -> bool:
    """Not "le lundi" (habitual), "du lundi au vendredi", nor a name ("Journal du Dimanche")."""
    if match["this"]:
        return True
    if match["wd"][0].isupper() and not starts_sentence(scan.text, match.start()):
        return False
    previous = scan.previous_word(match.start())
    return previous is None or previous[0] not in scan.lex.weekday_blockers


def resolve_relative_day(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Item]:
    if scan.published is None:
        return []
    offset = scan.lex.relative_days[key(match["rel"])]
    day = scan.published + timedelta(days=offset)
    return [day_item(match.start(), match.end(), day)]


def resolve_period(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Item]:
    period = scan.lex.periods[key(match["core"])]
    if scan.published is None or (period.needs_position and not match["pos"]):
        return []
    if period.unit == "month":
        year, month = shifted_month(scan.published, period.offset)
        return [month_item(match.start(), match.end(), year, month)]
    return [year_item(match.start(), match.end(), scan.published.year + period.offset)]


def resolve_season(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Item]:
    """The year of a season: "cet été", "l'été dernier", "au printemps prochain"."""
    this = key(match["det"]) in scan.lex.this
    if scan.published is None or not (this or match["rel"]):
        return []
    start_month = scan.lex.seasons[key(match["season"])]
    direction = scan.direction(match.start(), match.end(), match["rel"]) if match["rel"] else None
    year = season_year(scan.published, start_month, direction)
    return [year_item(match.start(), match.end(), year)]


@dataclass(frozen=True)
class Candidate:
    match: re.Match[str]
    resolve: Resolver
    rank: int  # among equally long overlapping matches, the lower rank wins

    @property
    def length(self) -> int:
        return self.match.end() - self.match.start()


def candidates(scan: Scan) -> Iterator[Candidate]:
    patterns = scan.lex.patterns
    ordered: list[tuple[re.Pattern[str], Resolver]] = [
        (patterns.iso, resolve_numeric),
        (patterns.numeric, resolve_numeric),
        (patterns.day_month, resolve_day_month),
        (patterns.period, resolve_period),
        (patterns.month, resolve_month),
        (patterns.relative_day, resolve_relative_day),
        (patterns.weekday, resolve_weekday),
        (patterns.season, resolve_season),
        (patterns.year, resolve_year),
    ]
    for rank, (pattern, resolve) in enumerate(ordered):
        for match in pattern.finditer(scan.text):
            yield Candidate(match, resolve, rank)


def without_overlaps(found: Iterator[Candidate]) -> list[Candidate]:
    """Longest matches first; a match that overlaps one already kept is dropped."""
    kept: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (-c.length, c.rank, c.match.start())):
        start, end = candidate.match.span()
        if all(end <= k.match.start() or start >= k.match.end() for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.match.start())


def extract_dates(doc: Doc, ctx: Context) -> list[DateMention]:
    scan = Scan(doc, text_of(doc), ctx.published, lexicon(ctx.lang))
    items: list[Item] = []
    previous_end = -1  # end of the last date found, to read "de 2015 à 2018" as two years
    for candidate in without_overlaps(candidates(scan)):
        found = candidate.resolve(scan, candidate.match, previous_end)
        if found:
            items.extend(found)
            previous_end = candidate.match.end()
    return [
        DateMention(
            id=f"d{number}",
            start=item.start,
            end=item.end,
            text=scan.text[item.start : item.end],
            value=item.value,
            granularity=item.granularity,
        )
        for number, item in enumerate(sorted(items), start=1)
    ]
