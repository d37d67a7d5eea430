"""The record items an event may point at (entity mentions, amounts, counts, dates, relative
dates), indexed by their Doc character offsets so that a sentence finds its own quickly."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from recoupe.record import Amount, Count, DateMention, Entity, RelativeDate, RoleFiller

ItemKind = Literal["entity", "amount", "count", "date"]


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    kind: ItemKind
    ref: str  # the id of the entity, amount, count, date or relative date
    entity_type: str | None = None
    value: float | str | None = None
    counted: str | None = None  # what a count counts

    def filler(self) -> RoleFiller:
        return RoleFiller(**{self.field: self.ref})

    def key(self) -> tuple[str, float | str]:
        """What makes two fillers the same thing: the entity, or the value."""
        if self.kind == "entity" or self.value is None:
            return (self.field, self.ref)
        return (self.kind, self.value)

    @property
    def field(self) -> str:
        """The filler's key: a date with no value yet is one of the relative dates."""
        return "relative_date" if self.kind == "date" and self.value is None else self.kind


class ArticleItems:
    """Every item of the article, outer mentions only ('PDG d'OpenAI' hides 'OpenAI')."""

    def __init__(
        self,
        doc: Doc,
        entities: list[Entity],
        amounts: list[Amount],
        counts: list[Count],
        dates: list[DateMention],
        relative_dates: list[RelativeDate],
    ) -> None:
        self.doc = doc
        mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions),
            key=lambda m: (m[0], -m[1]),
        )
        self.mentions = [(s, e, entity.id, entity.type) for s, e, entity in mentions]
        items = outermost(
            [Item(s, e, "entity", eid, entity_type=etype) for s, e, eid, etype in self.mentions]
        )
        items += [Item(a.start, a.end, "amount", a.id, value=a.value) for a in amounts]
        items += [
            Item(c.start, c.end, "count", c.id, value=c.value, counted=c.object) for c in counts
        ]
        items += [Item(d.start, d.end, "date", d.id, value=d.value) for d in dates]
        items += [Item(d.start, d.end, "date", d.id) for d in relative_dates]
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]
        self.mention_starts = [m[0] for m in self.mentions]
        self.organizations = [m[0] for m in self.mentions if m[3] == "ORG"]
        self.organization_ids = [m[2] for m in self.mentions if m[3] == "ORG"]
        self.people = [m[0] for m in self.mentions if m[3] == "PER"]
        self.person_ids = [m[2] for m in self.mentions if m[3] == "PER"]
        self.types = {e.id: e.type for e in entities}

    def between(self, start: int, end: int) -> list[Item]:
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return self.items[first:last]

    def entity_covering(self, char: int) -> str | None:
        """The entity of the longest mention covering this character ('PDG d'OpenAI' over
        'OpenAI': a relative clause after it is about the person)."""
        i = bisect.bisect_right(self.mention_starts, char)
        best: tuple[int, str] | None = None
        for start, end, entity_id, _ in self.mentions[max(0, i - 8) : i]:
            if start <= char < end and (best is None or end - start > best[0]):
                best = (end - start, entity_id)
        return best[1] if best else None

    def organization_before(self, char: int) -> str | None:
        """The organisation named last before this character ('l'entreprise')."""
        i = bisect.bisect_left(self.organizations, char)
        return self.organization_ids[i - 1] if i else None

    def person_before(self, char: int) -> str | None:
        """The person named last before this character ('l'homme le plus riche')."""
        i = bisect.bisect_left(self.people, char)
        return self.person_ids[i - 1] if i else None

    def token_of(self, item: Item) -> Token | None:
        span = self.doc.char_span(item.start, item.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None


def outermost(items: list[Item]) -> list[Item]:
    """Items sorted by start, longest first, without those inside the previous one kept."""
    kept: list[Item] = []
    for item in items:
        if kept and item.end <= kept[-1].end and item.start >= kept[-1].start:
            continue
        kept.append(item)
    return kept
