"""Calendar arithmetic that places partial dates ("le 17 novembre", "lundi") near a reference day.

A `Direction` says where the expression points from the publication date: "past" and "future"
include the reference day itself, "before" and "after" exclude it ("lundi dernier",
"samedi prochain"), None means the text gives no clue.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from recoupe.record import DateReading, Granularity

Direction = Literal["past", "future", "before", "after"] | None

# News mostly reports the recent past or announces the near future: candidate years for a
# day or month written without one.
YEAR_WINDOW = (-1, 0, 1)
# Years searched for a weekday that agrees with a day and month ("mardi 5 mai").
WEEKDAY_YEAR_WINDOW = range(-6, 7)


def accepts(delta: int, direction: Direction) -> bool:
    """Whether a candidate `delta` units away from the reference fits `direction`."""
    if direction == "past":
        return delta <= 0
    if direction == "future":
        return delta >= 0
    if direction == "before":
        return delta < 0
    if direction == "after":
        return delta > 0
    return True


def closest(deltas: list[int], direction: Direction) -> int | None:
    """The fitting delta nearest to zero, the past one on a tie; None when none fits."""
    fitting = [d for d in deltas if accepts(d, direction)]
    if not fitting:
        return None
    return min(fitting, key=lambda d: (abs(d), d > 0))


def weekday_date(reference: date, weekday: int, direction: Direction) -> date:
    """The day with this weekday (0 = Monday) in the week around `reference`.

    Without a direction it is the nearest one: a bare weekday in news is the current week.
    """
    back = (reference.weekday() - weekday) % 7
    deltas = [-back - 7, -back, 7 - back]
    delta = closest(deltas, direction)
    assert delta is not None  # every direction has a fitting weekday within a week
    return reference + timedelta(days=delta)


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_month_date(reference: date, month: int, day: int, direction: Direction) -> date | None:
    """The date with this day and month nearest to `reference` that fits `direction`."""
    candidates = [make_date(reference.year + y, month, day) for y in YEAR_WINDOW]
    by_delta = {(c - reference).days: c for c in candidates if c is not None}
    delta = closest(list(by_delta), direction)
    return None if delta is None else by_delta[delta]


def weekday_day_month_date(
    reference: date, weekday: int, month: int, day: int, direction: Direction
) -> date | None:
    """For "lundi 10 février", the year where the weekday agrees, else as without it."""
    candidates = [make_date(reference.year + y, month, day) for y in WEEKDAY_YEAR_WINDOW]
    agreeing = {(c - reference).days: c for c in candidates if c and c.weekday() == weekday}
    delta = closest(list(agreeing), None)
    if delta is not None:
        return agreeing[delta]
    return day_month_date(reference, month, day, direction)


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def year_month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def month_date(reference: date, month: int, direction: Direction) -> tuple[int, int] | None:
    """(year, month) of this month name nearest to the reference month that fits."""
    here = month_index(reference.year, reference.month)
    deltas = [month_index(reference.year + y, month) - here for y in YEAR_WINDOW]
    delta = closest(deltas, direction)
    return None if delta is None else year_month(here + delta)


def shifted_month(reference: date, offset: int) -> tuple[int, int]:
    return year_month(month_index(reference.year, reference.month) + offset)


# A season is taken as over three months after it starts.
SEASON_LENGTH = 3


def season_year(reference: date, start_month: int, direction: Direction) -> int:
    """Year of "l'été dernier" (last one over), "l'été prochain" (next to start), "cet été"."""
    if direction in ("before", "past"):
        over = reference.month >= start_month + SEASON_LENGTH
        return reference.year if over else reference.year - 1
    if direction in ("after", "future"):
        return reference.year if reference.month < start_month else reference.year + 1
    return reference.year


def place(reading: DateReading, reference: date) -> tuple[str, Granularity] | None:
    """The ISO value and granularity a reading gives from this day of reference."""
    direction: Direction = None if reading.direction == "any" else reading.direction
    if reading.kind == "weekday" and reading.weekday is not None:
        return weekday_date(reference, reading.weekday, direction).isoformat(), "day"
    if reading.kind == "day_of_month" and reading.month and reading.day:
        month, day = reading.month, reading.day
        placed = (
            day_month_date(reference, month, day, direction)
            if reading.weekday is None
            else weekday_day_month_date(reference, reading.weekday, month, day, direction)
        )
        return None if placed is None else (placed.isoformat(), "day")
    if reading.kind == "month" and reading.month:
        found = month_date(reference, reading.month, direction)
        return None if found is None else (f"{found[0]:04d}-{found[1]:02d}", "month")
    if reading.kind == "season" and reading.month:
        return f"{season_year(reference, reading.month, direction):04d}", "year"
    offset = reading.offset or 0
    if reading.kind == "days":
        return (reference + timedelta(days=offset)).isoformat(), "day"
    if reading.kind == "months":
        year, month = shifted_month(reference, offset)
        return f"{year:04d}-{month:02d}", "month"
    if reading.kind == "years":
        return f"{reference.year + offset:04d}", "year"
    return None  # a reading that lacks the field its kind needs
