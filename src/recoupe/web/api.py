"""The JSON API: analyse an article without storing it, ingest articles (with the token),
and read stories, articles, entities and search results, a page at a time."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from recoupe.analyze import analyze_stream
from recoupe.ingest import Ingestion
from recoupe.read import RawDoc
from recoupe.record import ArticleRecord
from recoupe.store import browse
from recoupe.store.browse import (
    ArticleSummary,
    ArticleView,
    EntitySummary,
    EntityView,
    EventView,
    MentionView,
    Page,
    QuoteView,
    SearchHit,
)
from recoupe.store.schema import EntityRow
from recoupe.store.search import Kind
from recoupe.stories.views import story_view
from recoupe.web.deps import DB, Pages
from recoupe.web.guard import require_token

MAX_ARTICLES_PER_REQUEST = 100
router = APIRouter(prefix="/api")


def existing_entity(entity_id: str, session: DB) -> str:
    if session.get(EntityRow, entity_id) is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return entity_id


KnownEntity = Annotated[str, Depends(existing_entity)]


class ArticleInput(BaseModel):
    """One article, as a line of a JSONL input: `text` or `html`, and what is known of it."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, max_length=255)
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = Field(None, max_length=8)

    @model_validator(mode="after")
    def has_content(self) -> ArticleInput:
        if not (self.text or "").strip() and not (self.html or "").strip():
            raise ValueError("an article needs a non-empty 'text' or 'html'")
        return self

    def raw(self, name: str) -> RawDoc:
        html = bool((self.html or "").strip())
        return RawDoc(
            name=self.id or name,
            content=(self.html if html else self.text) or "",
            is_html=html,
            id=self.id,
            title=self.title,
            url=self.url,
            outlet=self.outlet,
            published=self.published,
            language=self.language,
        )


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleInput] = Field(min_length=1, max_length=MAX_ARTICLES_PER_REQUEST)


class IngestResult(BaseModel):
    name: str
    outcome: str  # stored, replaced, skipped or failed
    story_id: str | None
    message: str | None


class Health(BaseModel):
    status: str
    articles: int
    stories: int


@router.get("/health")
def health(session: DB) -> Health:
    articles = browse.articles(session, 1, 1).total
    return Health(status="ok", articles=articles, stories=browse.stories(session, 1, 1).total)


@router.post("/analyze")
def analyze(article: ArticleInput, request: Request) -> ArticleRecord:
    """Analyse one article and return its record; nothing is stored."""
    with request.app.state.pipeline:
        (result,) = analyze_stream([article.raw("article")])
    if not isinstance(result, ArticleRecord):
        raise HTTPException(422, result.message)
    return result


@router.post("/articles", dependencies=[Depends(require_token)])
def ingest(body: IngestRequest, request: Request) -> list[IngestResult]:
    """Analyse and store articles (the token is needed); say what became of each."""
    raws = [a.raw(f"articles[{i}]") for i, a in enumerate(body.articles)]
    with request.app.state.pipeline:
        done = list(current_ingestion(request).run(raws))
    return [IngestResult(**vars(d)) for d in done]


def current_ingestion(request: Request) -> Ingestion:
    """The server's ingestion run, read anew from the database when another process (a
    `recoupe ingest`, a `recoupe rebuild`) has changed it meanwhile."""
    kept: Ingestion | None = request.app.state.ingestion
    if kept is None or not kept.in_step():
        kept = request.app.state.ingestion = Ingestion(request.app.state.settings.engine)
    return kept


@router.get("/stories")
def stories(session: DB, paging: Pages) -> Page[dict[str, Any]]:
    return browse.stories(session, paging.page, paging.per_page)


@router.get("/stories/{story_id}")
def story(story_id: str, session: DB) -> dict[str, Any]:
    """A story: its sources, agreed and disputed facts, quotes, names and timeline."""
    view = story_view(session, story_id)
    if view is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return view


@router.get("/articles")
def articles(
    session: DB, paging: Pages, story: Annotated[str | None, Query()] = None
) -> Page[ArticleSummary]:
    return browse.articles(session, paging.page, paging.per_page, story)


@router.get("/articles/{article_id}")
def article(article_id: str, session: DB) -> ArticleView:
    """An article's record, with every span, and its entities' ids across articles."""
    view = browse.article(session, article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return view


@router.get("/entities")
def entities(
    session: DB, paging: Pages, q: Annotated[str, Query(min_length=1, max_length=200)]
) -> Page[EntitySummary]:
    """Entities one of whose names holds `q`."""
    return browse.find_entities(session, q, paging.page, paging.per_page)


@router.get("/entities/{entity_id}")
def entity(entity_id: str, session: DB) -> EntityView:
    """An entity across articles: its names, and per day the articles naming and quoting it."""
    view = browse.entity(session, entity_id)
    if view is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return view


@router.get("/entities/{entity_id}/articles")
def entity_articles(entity_id: KnownEntity, session: DB, paging: Pages) -> Page[ArticleSummary]:
    return browse.entity_articles(session, entity_id, paging.page, paging.per_page)


@router.get("/entities/{entity_id}/mentions")
def entity_mentions(entity_id: KnownEntity, session: DB, paging: Pages) -> Page[MentionView]:
    """Every place the entity is named, with its article and offsets."""
    return browse.entity_mentions(session, entity_id, paging.page, paging.per_page)


@router.get("/entities/{entity_id}/quotes")
def entity_quotes(entity_id: KnownEntity, session: DB, paging: Pages) -> Page[QuoteView]:
    return browse.entity_quotes(session, entity_id, paging.page, paging.per_page)


@router.get("/entities/{entity_id}/events")
def entity_events(entity_id: KnownEntity, session: DB, paging: Pages) -> Page[EventView]:
    return browse.entity_events(session, entity_id, paging.page, paging.per_page)


@router.get("/search")
def search(
    session: DB,
    paging: Pages,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    kind: Kind = "article",
) -> Page[SearchHit]:
    """Articles, or quotes, holding every word of `q` (French words match by their stem)."""
    return browse.search_page(session, q, kind, paging.page, paging.per_page)
