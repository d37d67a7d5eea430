"""Publication dates given by inputs, in the formats news metadata uses."""

from __future__ import annotations

from datetime import date, datetime

DAY_FIRST_FORMATS = ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d")


def parse_published(value: str | None) -> date | None:
    """The calendar day of a publication date, or None when it cannot be read."""
    if not value:
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    for fmt in DAY_FIRST_FORMATS:
        try:
            return datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    return None
