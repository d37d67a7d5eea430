"""Reading the store for people who browse it: pages of stories, articles, entities, quotes
and events, an article with everything found in it, an entity across articles, and search.
What the HTTP API returns and the web pages show."""

from __future__ import annotations

from collections import Counter
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import Select, Text, cast, func, select
from sqlalchemy.orm import Session

from recoupe.folding import fold
from recoupe.record import ArticleRecord
from recoupe.store.records import linked_ids
from recoupe.store.schema import (
    ArticleRow,
    EntityNameRow,
    EntityRow,
    EventRow,
    MentionRow,
    QuoteRow,
    StoryRow,
)
from recoupe.store.search import Kind, first_match, search
from recoupe.stories.views import summary

T = TypeVar("T")
SNIPPET_CHARS = 90


class Page(BaseModel, Generic[T]):
    items: list[T]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    day: str | None
    story_id: str | None


class ArticleView(ArticleSummary):
    record: ArticleRecord
    # The article's entity ids -> the ids of those entities across articles.
    entities: dict[str, str]


class EntitySummary(BaseModel):
    id: str
    type: str
    name: str
    articles: int


class EntityName(BaseModel):
    name: str
    articles: int


class DayCount(BaseModel):
    day: str
    articles: int
    quotes: int


class EntityView(EntitySummary):
    names: list[EntityName]
    quotes: int
    timeline: list[DayCount]


class MentionView(BaseModel):
    article: ArticleSummary
    field: str  # "text" or "title": where the offsets point
    start: int
    end: int
    text: str


class QuoteView(BaseModel):
    article: ArticleSummary
    id: str
    kind: str
    text: str
    speaker: str | None
    speaker_entity: str | None
    cue: str | None


class EventView(BaseModel):
    article: ArticleSummary
    id: str
    type: str
    modality: str
    trigger: str
    roles: dict[str, list[dict[str, Any]]]


class Snippet(BaseModel):
    before: str
    match: str
    after: str


class SearchHit(BaseModel):
    kind: Kind
    article: ArticleSummary
    quote: QuoteView | None = None
    snippet: Snippet | None = None


def paged(
    session: Session, query: Select[*tuple[Any, ...]], page: int, per_page: int
) -> tuple[int, list[Any]]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = session.execute(query.offset((page - 1) * per_page).limit(per_page)).all()
    return int(total or 0), list(rows)


def article_summary(row: ArticleRow) -> ArticleSummary:
    return ArticleSummary(
        id=row.id,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        day=row.day,
        story_id=row.story_id,
    )


def stories(session: Session, page: int, per_page: int) -> Page[dict[str, Any]]:
    """Stories, the latest first."""
    query = select(StoryRow).order_by(
        StoryRow.last_day.desc().nulls_last(), StoryRow.articles.desc(), StoryRow.id
    )
    total, rows = paged(session, query, page, per_page)
    return Page(items=[summary(s) for (s,) in rows], page=page, per_page=per_page, total=total)


def articles(
    session: Session, page: int, per_page: int, story_id: str | None = None
) -> Page[ArticleSummary]:
    """Articles, the latest stored first, or those of one story in the order they came."""
    query = select(ArticleRow).order_by(ArticleRow.seq.desc())
    if story_id is not None:
        query = select(ArticleRow).where(ArticleRow.story_id == story_id).order_by(ArticleRow.seq)
    total, rows = paged(session, query, page, per_page)
    items = [article_summary(a) for (a,) in rows]
    return Page(items=items, page=page, per_page=per_page, total=total)


def article(session: Session, article_id: str) -> ArticleView | None:
    row = session.get(ArticleRow, article_id)
    if row is None:
        return None
    record = ArticleRecord.model_validate(row.record)
    return ArticleView(
        **article_summary(row).model_dump(), record=record, entities=linked_ids(record)
    )


def entity(session: Session, entity_id: str) -> EntityView | None:
    row = session.get(EntityRow, entity_id)
    if row is None:
        return None
    names = session.execute(
        select(EntityNameRow.name, EntityNameRow.articles)
        .where(EntityNameRow.entity_id == entity_id)
        .order_by(EntityNameRow.articles.desc(), EntityNameRow.name)
    ).all()
    timeline = entity_timeline(session, entity_id)
    return EntityView(
        id=row.id,
        type=row.type,
        name=names[0].name if names else row.name,
        articles=entity_article_count(session, entity_id),
        names=[EntityName(name=n, articles=a) for n, a in names],
        quotes=sum(d.quotes for d in timeline),
        timeline=timeline,
    )


def entity_article_count(session: Session, entity_id: str) -> int:
    query = select(func.count(func.distinct(MentionRow.article_id)))
    return int(session.scalar(query.where(MentionRow.entity_id == entity_id)) or 0)


def entity_timeline(session: Session, entity_id: str) -> list[DayCount]:
    """For each day its articles report on, how many name the entity and quote it."""
    naming = (
        select(ArticleRow.day, func.count(func.distinct(ArticleRow.id)))
        .join(MentionRow, MentionRow.article_id == ArticleRow.id)
        .where(MentionRow.entity_id == entity_id, ArticleRow.day.is_not(None))
        .group_by(ArticleRow.day)
    )
    quoting = (
        select(ArticleRow.day, func.count())
        .join(QuoteRow, QuoteRow.article_id == ArticleRow.id)
        .where(QuoteRow.speaker_entity_id == entity_id, ArticleRow.day.is_not(None))
        .group_by(ArticleRow.day)
    )
    named = Counter({day: n for day, n in session.execute(naming).tuples() if day})
    quoted = Counter({day: n for day, n in session.execute(quoting).tuples() if day})
    return [
        DayCount(day=day, articles=named[day], quotes=quoted[day])
        for day in sorted(set(named) | set(quoted))
    ]


def entity_articles(
    session: Session, entity_id: str, page: int, per_page: int
) -> Page[ArticleSummary]:
    naming = select(MentionRow.article_id).where(MentionRow.entity_id == entity_id)
    query = select(ArticleRow).where(ArticleRow.id.in_(naming)).order_by(ArticleRow.seq.desc())
    total, rows = paged(session, query, page, per_page)
    items = [article_summary(a) for (a,) in rows]
    return Page(items=items, page=page, per_page=per_page, total=total)


def entity_mentions(
    session: Session, entity_id: str, page: int, per_page: int
) -> Page[MentionView]:
    """Every place the entity is named, the latest articles first."""
    query = (
        select(MentionRow, ArticleRow)
        .join(ArticleRow, MentionRow.article_id == ArticleRow.id)
        .where(MentionRow.entity_id == entity_id)
        .order_by(ArticleRow.seq.desc(), MentionRow.field, MentionRow.start)
    )
    total, rows = paged(session, query, page, per_page)
    items = [
        MentionView(
            article=article_summary(a), field=m.field, start=m.start, end=m.end, text=m.text
        )
        for m, a in rows
    ]
    return Page(items=items, page=page, per_page=per_page, total=total)


def quote_view(quote: QuoteRow, article_row: ArticleRow) -> QuoteView:
    return QuoteView(
        article=article_summary(article_row),
        id=quote.local_id,
        kind=quote.kind,
        text=quote.text,
        speaker=quote.speaker_text,
        speaker_entity=quote.speaker_entity_id,
        cue=quote.cue,
    )


def entity_quotes(session: Session, entity_id: str, page: int, per_page: int) -> Page[QuoteView]:
    query = (
        select(QuoteRow, ArticleRow)
        .join(ArticleRow, QuoteRow.article_id == ArticleRow.id)
        .where(QuoteRow.speaker_entity_id == entity_id)
        .order_by(ArticleRow.seq.desc(), QuoteRow.start)
    )
    total, rows = paged(session, query, page, per_page)
    items = [quote_view(q, a) for q, a in rows]
    return Page(items=items, page=page, per_page=per_page, total=total)


def entity_events(session: Session, entity_id: str, page: int, per_page: int) -> Page[EventView]:
    """Events in which the entity fills a role, the latest articles first."""
    # An entity id is found in the roles' JSON only where the entity fills a role.
    filled = cast(EventRow.roles, Text).contains(f'"{entity_id}"', autoescape=True)
    query = (
        select(EventRow, ArticleRow)
        .join(ArticleRow, EventRow.article_id == ArticleRow.id)
        .where(filled)
        .order_by(ArticleRow.seq.desc(), EventRow.trigger_start)
    )
    total, rows = paged(session, query, page, per_page)
    items = [
        EventView(
            article=article_summary(a),
            id=e.local_id,
            type=e.type,
            modality=e.modality,
            trigger=e.trigger_text,
            roles=e.roles,
        )
        for e, a in rows
    ]
    return Page(items=items, page=page, per_page=per_page, total=total)


def find_entities(session: Session, query: str, page: int, per_page: int) -> Page[EntitySummary]:
    """Entities one of whose names holds `query` (case, accents and punctuation aside), the
    most written about first."""
    written = func.sum(EntityNameRow.articles).label("written")
    found = (
        select(EntityRow.id, EntityRow.type, EntityRow.name, written)
        .join(EntityNameRow, EntityNameRow.entity_id == EntityRow.id)
        .where(EntityNameRow.folded.contains(fold(query), autoescape=True))
        .group_by(EntityRow.id, EntityRow.type, EntityRow.name)
        .order_by(written.desc(), EntityRow.id)
    )
    total, rows = paged(session, found, page, per_page)
    items = [EntitySummary(id=i, type=t, name=n, articles=w) for i, t, n, w in rows]
    return Page(items=items, page=page, per_page=per_page, total=total)


def search_page(
    session: Session, query: str, kind: Kind, page: int, per_page: int
) -> Page[SearchHit]:
    total, hits = search(session, query, kind, (page - 1) * per_page, per_page)
    found = select(ArticleRow).where(ArticleRow.id.in_({h.article_id for h in hits}))
    rows = {a.id: a for a in session.scalars(found)}
    quotes = {
        (q.article_id, q.local_id): q
        for hit in hits
        if hit.quote_id is not None
        for q in [session.get(QuoteRow, (hit.article_id, hit.quote_id))]
        if q is not None
    }
    items = []
    for hit in hits:
        row = rows[hit.article_id]
        quote = quotes.get((hit.article_id, hit.quote_id or ""))
        items.append(
            SearchHit(
                kind=kind,
                article=article_summary(row),
                quote=quote_view(quote, row) if quote is not None else None,
                snippet=snippet(row.text, query) if quote is None else None,
            )
        )
    return Page(items=items, page=page, per_page=per_page, total=total)


def snippet(text: str, query: str) -> Snippet:
    """The words around the first match of the query in the text."""
    found = first_match(text, query)
    if found is None:
        return Snippet(before="", match="", after=text[: 2 * SNIPPET_CHARS])
    start, end = found
    before = text[max(0, start - SNIPPET_CHARS) : start]
    return Snippet(before=before, match=text[start:end], after=text[end : end + SNIPPET_CHARS])
