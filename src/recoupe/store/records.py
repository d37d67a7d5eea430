"""Writing an Article record into the tables and reading it back: entities are linked to
the entities of other articles by type and folded name."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import delete, insert, select, tuple_, update
from sqlalchemy.orm import Session

from recoupe.folding import fold
from recoupe.record import Amount, ArticleRecord, Count, DateMention, Entity, Event, RoleFiller
from recoupe.store.schema import (
    ArticleRow,
    EntityNameRow,
    EntityRow,
    EventRow,
    FigureRow,
    MentionRow,
    QuoteRow,
)
from recoupe.store.search import index_record, unindex_article

Row = dict[str, Any]


def entity_key(entity_type: str, name: str) -> str:
    """The id of an entity across articles: the same type and folded name are one entity."""
    digest = hashlib.sha1(f"{entity_type}|{fold(name)}".encode()).hexdigest()[:16]
    return f"E{digest}"


def linked_ids(record: ArticleRecord) -> dict[str, str]:
    """The article's entity ids -> the ids of those entities across articles."""
    return {e.id: entity_key(e.type, e.name) for e in record.entities}


def store_record(session: Session, row: ArticleRow, record: ArticleRecord) -> None:
    """Add the article and what it holds, in bulk statements."""
    session.add(row)
    session.flush()
    link_entities(session, record.entities)
    linked = linked_ids(record)
    for table, rows in (
        (MentionRow, mention_rows(record, linked)),
        (QuoteRow, quote_rows(record, linked)),
        (FigureRow, figure_rows(record)),
        (EventRow, event_rows(record, linked)),
    ):
        if rows:
            session.execute(insert(table), rows)
    index_record(session, record)


def remove_article(session: Session, row: ArticleRow) -> None:
    """Drop an article and what it holds, and its share of its entities' names."""
    record = ArticleRecord.model_validate(row.record)
    for entity in record.entities:
        name_row = session.get(EntityNameRow, (entity_key(entity.type, entity.name), entity.name))
        if name_row is not None:
            name_row.articles -= 1
    for table in (MentionRow, QuoteRow, FigureRow, EventRow):
        session.execute(delete(table).where(table.article_id == row.id))
    unindex_article(session, row.id)
    session.delete(row)
    session.flush()


def link_entities(session: Session, entities: list[Entity]) -> None:
    """Create the entities not seen before and count this article in each name's tally."""
    names = {(entity_key(e.type, e.name), e.name): e.type for e in entities}
    keys = {key for key, _ in names}
    known = set(session.scalars(select(EntityRow.id).where(EntityRow.id.in_(keys))))
    new_entities = {key: (kind, name) for (key, name), kind in names.items() if key not in known}
    if new_entities:
        session.execute(
            insert(EntityRow),
            [{"id": k, "type": t, "name": n} for k, (t, n) in sorted(new_entities.items())],
        )
    counted = {
        (key, name)
        for key, name in session.execute(
            select(EntityNameRow.entity_id, EntityNameRow.name).where(
                EntityNameRow.entity_id.in_(keys)
            )
        )
    }
    again = sorted(pair for pair in names if pair in counted)
    if again:
        session.execute(
            update(EntityNameRow)
            .where(tuple_(EntityNameRow.entity_id, EntityNameRow.name).in_(again))
            .values(articles=EntityNameRow.articles + 1)
        )
    fresh = [
        {"entity_id": k, "name": n, "folded": fold(n), "articles": 1}
        for k, n in sorted(names)
        if (k, n) not in counted
    ]
    if fresh:
        session.execute(insert(EntityNameRow), fresh)


def mention_rows(record: ArticleRecord, linked: dict[str, str]) -> list[Row]:
    seen: set[tuple[str, int]] = set()
    rows = []
    for entity in record.entities:
        for mention in entity.mentions:
            if (mention.field, mention.start) in seen:
                continue  # a span claimed by two entities keeps the first
            seen.add((mention.field, mention.start))
            rows.append(
                dict(
                    article_id=record.id,
                    field=mention.field,
                    start=mention.start,
                    end=mention.end,
                    text=mention.text,
                    local_id=entity.id,
                    entity_id=linked[entity.id],
                )
            )
    return rows


def quote_rows(record: ArticleRecord, linked: dict[str, str]) -> list[Row]:
    return [
        dict(
            article_id=record.id,
            local_id=q.id,
            kind=q.kind,
            field=q.field,
            start=q.start,
            end=q.end,
            text=q.text,
            key=q.key,
            cue=q.cue,
            speaker_text=q.speaker.text,
            speaker_entity_id=linked.get(q.speaker.entity or ""),
        )
        for q in record.quotes
    ]


def figure_rows(record: ArticleRecord) -> list[Row]:
    amounts = [
        figure_row(record.id, a, "amount", number=a.value, unit=a.currency, approx=a.approximate)
        for a in record.amounts
    ]
    counts = [
        figure_row(record.id, c, "count", number=c.value, unit=c.object, approx=c.approximate)
        for c in record.counts
    ]
    dates = [
        figure_row(record.id, d, "date", value=d.value, unit=d.granularity) for d in record.dates
    ]
    return amounts + counts + dates


def figure_row(
    article_id: str,
    item: Amount | Count | DateMention,
    kind: str,
    number: float | None = None,
    value: str | None = None,
    unit: str | None = None,
    approx: bool = False,
) -> Row:
    return {
        "article_id": article_id,
        "local_id": item.id,
        "kind": kind,
        "field": item.field,
        "start": item.start,
        "end": item.end,
        "text": item.text,
        "number": number,
        "value": value,
        "unit": unit,
        "approximate": approx,
    }


def event_rows(record: ArticleRecord, linked: dict[str, str]) -> list[Row]:
    return [
        dict(
            article_id=record.id,
            local_id=event.id,
            type=event.type,
            modality=event.modality,
            source_text=event.source.text,
            source_entity_id=linked.get(event.source.entity or ""),
            trigger_field=event.trigger.field,
            trigger_start=event.trigger.start,
            trigger_end=event.trigger.end,
            trigger_text=event.trigger.text,
            roles=resolved_roles(record, event, linked),
        )
        for event in record.events
    ]


def resolved_roles(
    record: ArticleRecord, event: Event, linked: dict[str, str]
) -> dict[str, list[dict[str, object]]]:
    """Role fillers with what they point at, so that a row reads without its article."""
    return {
        role: [resolve(record, filler, linked) for filler in fillers]
        for role, fillers in event.roles.items()
    }


def resolve(record: ArticleRecord, filler: RoleFiller, linked: dict[str, str]) -> dict[str, object]:
    if filler.entity is not None:
        return {"entity": linked[filler.entity]}
    if filler.amount is not None:
        amount = next(a for a in record.amounts if a.id == filler.amount)
        return {"number": amount.value, "unit": amount.currency, "text": amount.text}
    if filler.count is not None:
        count = next(c for c in record.counts if c.id == filler.count)
        return {"number": count.value, "unit": count.object, "text": count.text}
    if filler.date is not None:
        day = next(d for d in record.dates if d.id == filler.date)
        return {"date": day.value, "text": day.text}
    if filler.relative_date is not None:
        relative = next(d for d in record.relative_dates if d.id == filler.relative_date)
        return {"reading": relative.reading.model_dump(), "text": relative.text}
    return {"text": filler.text}


def identities(session: Session) -> dict[str, tuple[str, str]]:
    """Every stored article's identity -> (content hash, article id)."""
    rows = session.execute(select(ArticleRow.identity, ArticleRow.content_hash, ArticleRow.id))
    return {identity: (digest, article_id) for identity, digest, article_id in rows}


def stored_records(session: Session, size: int) -> Iterator[list[ArticleRecord]]:
    """Every stored record, in the order they were stored, `size` at a time."""
    last = 0
    while True:
        query = (
            select(ArticleRow.seq, ArticleRow.record)
            .where(ArticleRow.seq > last)
            .order_by(ArticleRow.seq)
            .limit(size)
        )
        rows = session.execute(query).all()
        if not rows:
            return
        last = rows[-1].seq
        yield [ArticleRecord.model_validate(row.record) for row in rows]
