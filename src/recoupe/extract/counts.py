"""Counts of people and things with the counted noun."""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.extract.context import Context
from recoupe.record import Amount, Count


def extract_counts(doc: Doc, ctx: Context, amounts: list[Amount]) -> list[Count]:
    return []
