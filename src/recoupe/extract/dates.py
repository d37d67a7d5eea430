"""Calendar dates, absolute and relative, resolved against the publication date.

A handful of compiled patterns (built from lang/<lang>/dates.json) scan the Doc text; where
matches overlap the longest wins. Each match is then resolved to zero or more ISO values:
absolute dates as written, partial and relative ones ("le 17 novembre", "lundi", "hier")
read as a `DateReading` (which day of which month, in which direction given by
"dernier"/"prochain" or by the tense of the governing verb) and placed from the publication
date. Without a publication date only dates that carry their year get a value; the others
are kept with their reading, for a story to place from its own day.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from recoupe.extract.context import Context
from recoupe.extract.dates_calendar import Direction, make_date, place
from recoupe.extract.dates_lexicon import DateLexicon, key, lexicon
from recoupe.extract.dates_tense import direction_at
from recoupe.nlp import text_of
from recoupe.record import DateMention, DateReading, Granularity, RelativeDate


@dataclass(frozen=True, order=True)
class Item:
    start: int
    end: int
    value: str
    granularity: Granularity


@dataclass(frozen=True)
class Reading:
    """A date that needs a day of reference: the publication date, or a story's day."""

    start: int
    end: int
    reading: DateReading


Found = Item | Reading


def reading_of(start: int, end: int, kind: str, direction: Direction, **fields: int) -> Reading:
    written = "any" if direction is None else direction
    return Reading(
        start, end, DateReading.model_validate(dict(kind=kind, direction=written, **fields))
    )


def day_item(start: int, end: int, day: date) -> Item:
    return Item(start, end, day.isoformat(), "day")


def month_item(start: int, end: int, year: int, month: int) -> Item:
    return Item(start, end, f"{year:04d}-{month:02d}", "month")


def year_item(start: int, end: int, year: int) -> Item:
    return Item(start, end, f"{year:04d}", "year")


# Characters after which a capitalised word starts a sentence (or the body after the headline).
SENTENCE_ENDS = ".!?:;\n…"
WORD = re.compile(r"\w+")
OPENING_MARKS = " \t\u00a0\u202f«\"“'‘(—–-"
# Four-digit numbers taken as years without any cue word: the years news talks about.
BARE_YEARS = range(1900, 2100)
NOT_AFTER_BARE_YEAR = {"NOUN", "PROPN", "NUM"}
NOT_BEFORE_BARE_YEAR = {"DET", "NUM", "PROPN"}
MAX_DAY = 31
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


Resolver = Callable[[Scan, re.Match[str], int], list[Found]]


def resolve_numeric(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Found]:
    year = full_year(match["y"], scan.published)
    day = None if year is None else make_date(year, int(match["m"]), int(match["d"]))
    return [] if day is None else [day_item(match.start(), match.end(), day)]


def resolve_day_month(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Found]:
    month = scan.lex.months[key(match["mon"])]
    year = full_year(match["year"], scan.published) if match["year"] else None
    if match["year"] and year is None:
        return []  # a two-digit year with nothing to complete it
    direction = None if year else scan.direction(match.start(), match.end(), match["rel"])
    offset = match.start("days")
    days = list(scan.lex.patterns.day_item.finditer(match["days"]))
    found: list[Found] = []
    for number, item in enumerate(days):
        day = 1 if key(item["day"]) in scan.lex.first_day else int(item["day"])
        if not 1 <= day <= MAX_DAY:
            continue  # '45 janvier' is no day
        start = offset + item.start()
        end = match.end() if number == len(days) - 1 else offset + item.end()
        if year is not None:
            resolved = make_date(year, month, day)
            found += [day_item(start, end, resolved)] if resolved else []
        elif item["wd"]:
            weekday = scan.lex.weekdays[key(item["wd"])]
            found.append(
                reading_of(
                    start, end, "day_of_month", direction, month=month, day=day, weekday=weekday
                )
            )
        else:
            found.append(reading_of(start, end, "day_of_month", direction, month=month, day=day))
    return found


def resolve_month(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Found]:
    month = scan.lex.months[key(match["mon"])]
    if not is_month_name(scan, match):
        return []
    year = full_year(match["year"], scan.published) if match["year"] else None
    if year is not None:
        return [month_item(match.start(), match.end(), year, month)]
    if match["year"]:
        return []
    direction = scan.direction(match.start(), match.end(), match["rel"])
    return [reading_of(match.start(), match.end(), "month", direction, month=month)]


def is_month_name(scan: Scan, match: re.Match[str]) -> bool:
    """A capitalised "Mars" or "Avril" inside a sentence is a month after a date word ("en
    Mars", "fin de Mars"), but a name after anything else ("la planète Mars") and after "de"
    that follows a name ("le Champ de Mars")."""
    name = match["mon"]
    if name.islower() or match["pos"] or match["year"] or match["rel"]:
        return True
    if starts_sentence(scan.text, match.start()):
        return True
    previous = scan.previous_word(match.start())
    if previous is None or previous[0] not in scan.lex.month_cues:
        return False
    in_capitals = name.isupper() and key(name) not in scan.lex.month_names_in_capitals
    joins_name = previous[0] in scan.lex.month_name_joiners and follows_name(scan, previous[1])
    return in_capitals or not joins_name


def follows_name(scan: Scan, start: int) -> bool:
    """Whether the word before `start` is a name's: capitalised, not opening its sentence,
    and no date word ("Fin de Mars", "FIN DE MARS")."""
    before = scan.previous_word(start)
    if before is None:
        return False
    found = WORD.match(scan.text, before[1])
    word = found.group() if found else ""
    return (
        word[:1].isupper()
        and not starts_sentence(scan.text, before[1])
        and before[0] not in scan.lex.month_cues | scan.lex.month_positions
    )


def resolve_year(scan: Scan, match: re.Match[str], previous_end: int) -> list[Found]:
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


def resolve_weekday(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Found]:
    if not is_single_weekday(scan, match):
        return []
    weekday = scan.lex.weekdays[key(match["wd"])]
    direction = scan.direction(match.start(), match.end(), match["rel"])
    return [reading_of(match.start(), match.end(), "weekday", direction, weekday=weekday)]


def is_single_weekday(scan: Scan, match: re.Match[str]) -> bool:
    """Not "le lundi" (habitual), "du lundi au vendredi", nor a name ("Journal du Dimanche")."""
    if match["this"]:
        return True
    if match["wd"][0].isupper() and not starts_sentence(scan.text, match.start()):
        return False
    previous = scan.previous_word(match.start())
    return previous is None or previous[0] not in scan.lex.weekday_blockers


def resolve_relative_day(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Found]:
    offset = scan.lex.relative_days[key(match["rel"])]
    return [reading_of(match.start(), match.end(), "days", None, offset=offset)]


def resolve_period(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Found]:
    period = scan.lex.periods[key(match["core"])]
    if period.needs_position and not match["pos"]:
        return []
    kind = "months" if period.unit == "month" else "years"
    return [reading_of(match.start(), match.end(), kind, None, offset=period.offset)]


def resolve_season(scan: Scan, match: re.Match[str], _previous_end: int) -> list[Found]:
    """The year of a season: "cet été", "l'été dernier", "au printemps prochain"."""
    this = key(match["det"]) in scan.lex.this
    if not (this or match["rel"]):
        return []
    start_month = scan.lex.seasons[key(match["season"])]
    direction = scan.direction(match.start(), match.end(), match["rel"]) if match["rel"] else None
    return [reading_of(match.start(), match.end(), "season", direction, month=start_month)]


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


def extract_dates(doc: Doc, ctx: Context) -> tuple[list[DateMention], list[RelativeDate]]:
    """The article's dates with their values, and, where the publication date is unknown,
    those that need a day of reference to get one."""
    scan = Scan(doc, text_of(doc), ctx.published, lexicon(ctx.lang))
    items: list[Item] = []
    readings: list[Reading] = []
    previous_end = -1  # end of the last date found, to read "de 2015 à 2018" as two years
    for candidate in without_overlaps(candidates(scan)):
        found = [
            placed(f, scan.published)
            for f in candidate.resolve(scan, candidate.match, previous_end)
        ]
        items += [f for f in found if isinstance(f, Item)]
        readings += [f for f in found if isinstance(f, Reading)]
        if any(isinstance(f, Item) for f in found):
            previous_end = candidate.match.end()
    dates = [
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
    relative = [
        RelativeDate(
            id=f"r{number}",
            start=found.start,
            end=found.end,
            text=scan.text[found.start : found.end],
            reading=found.reading,
        )
        for number, found in enumerate(readings, start=1)
    ]
    return dates, relative


def placed(found: Found, reference: date | None) -> Found | None:
    """An item as found, or a reading placed from the day of reference where there is one."""
    if isinstance(found, Item) or reference is None:
        return found
    value = place(found.reading, reference)
    return None if value is None else Item(found.start, found.end, *value)
