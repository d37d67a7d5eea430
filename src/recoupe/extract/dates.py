"""Calendar dates, absolute and relative, resolved against the publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.extract.context import Context
from recoupe.record import DateMention


def extract_dates(doc: Doc, ctx: Context) -> list[DateMention]:
    return []
