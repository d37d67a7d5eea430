"""An article's text cut into pieces for display: quotes as passages, and inside and between
them the entities, amounts, counts and dates found, each piece saying what it is. The
pieces hold plain text; the templates escape it."""

from __future__ import annotations

from dataclasses import dataclass, field

from recoupe.record import ArticleRecord, Quote

MarkKind = str  # "entity", "amount", "count" or "date"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: MarkKind
    note: str  # what was read there: the entity's type, the value
    entity: str | None = None  # the entity across articles, for a link


@dataclass(frozen=True)
class Piece:
    text: str
    mark: Mark | None = None


@dataclass(frozen=True)
class Passage:
    """Plain text, or a quote (with who said it) holding its pieces."""

    pieces: list[Piece] = field(default_factory=list)
    quote: Quote | None = None
    speaker: str | None = None


def marks_of(record: ArticleRecord, entities: dict[str, str]) -> list[Mark]:
    """Spans of the body to mark, the longest kept where two overlap."""
    found = [
        Mark(m.start, m.end, "entity", e.type, entities.get(e.id))
        for e in record.entities
        for m in e.mentions
        if m.field == "text"
    ]
    found += [
        Mark(a.start, a.end, "amount", f"{a.value:,.0f} {a.currency or ''}".strip())
        for a in record.amounts
        if a.field == "text"
    ]
    found += [
        Mark(c.start, c.end, "count", f"{c.value:,.0f} {c.object or ''}".strip())
        for c in record.counts
        if c.field == "text"
    ]
    found += [Mark(d.start, d.end, "date", d.value) for d in record.dates if d.field == "text"]
    kept: list[Mark] = []
    for mark in sorted(found, key=lambda m: (m.start, m.start - m.end)):
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return kept


def passages(record: ArticleRecord, entities: dict[str, str]) -> list[Passage]:
    text, marks = record.text, marks_of(record, entities)
    names = {e.id: e.name for e in record.entities}
    result, at = [], 0
    for quote in shown_quotes(record):
        if quote.start > at:
            result.append(Passage(pieces_between(text, marks, at, quote.start)))
        speaker = names.get(quote.speaker.entity or "") or quote.speaker.text
        pieces = pieces_between(text, marks, quote.start, quote.end)
        result.append(Passage(pieces, quote, speaker or "speaker unknown"))
        at = quote.end
    if at < len(text):
        result.append(Passage(pieces_between(text, marks, at, len(text))))
    return result


def shown_quotes(record: ArticleRecord) -> list[Quote]:
    """The body's quotes that do not overlap, in order; words between quotation marks win
    over a reported speech around them."""
    kept: list[Quote] = []
    in_body = (q for q in record.quotes if q.field == "text")
    for quote in sorted(in_body, key=lambda q: (q.kind != "direct", q.start)):
        if all(quote.end <= k.start or quote.start >= k.end for k in kept):
            kept.append(quote)
    return sorted(kept, key=lambda q: q.start)


def pieces_between(text: str, marks: list[Mark], start: int, end: int) -> list[Piece]:
    """The text from start to end, marks cut where the stretch cuts them."""
    pieces, at = [], start
    for mark in marks:
        if mark.end <= start or mark.start >= end:
            continue
        left, right = max(mark.start, start), min(mark.end, end)
        if left > at:
            pieces.append(Piece(text[at:left]))
        pieces.append(Piece(text[left:right], mark))
        at = right
    if at < end:
        pieces.append(Piece(text[at:end]))
    return pieces
