"""The pages people read: latest stories, a story's claims, an article highlighted, an
entity across articles, search, and an analysis of pasted text. Rendered on the server;
every value from an article goes through Jinja's escaping."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from recoupe.analyze import analyze_stream
from recoupe.read import RawDoc
from recoupe.read.inputs import looks_like_html
from recoupe.record import ArticleRecord
from recoupe.store import browse
from recoupe.store.search import Kind
from recoupe.stories.views import story_view
from recoupe.web.deps import DB, Pages
from recoupe.web.highlight import passages

MAX_PASTED_CHARS = 200_000
SEARCH_ENTITIES = 10
router = APIRouter(default_response_class=HTMLResponse)
templates = Jinja2Templates(
    directory=Path(str(resources.files("recoupe.web").joinpath("templates")))
)
# The templates ship with the package and never change under a running server.
templates.env.auto_reload = False


def safe_link(url: str | None) -> str | None:
    """An article's URL as a link only when it is a web address: never `javascript:`."""
    try:
        scheme = urlsplit(url or "").scheme
    except ValueError:  # "http://[" and the like: shown as text, never linked
        return None
    return url if scheme in ("http", "https") else None


templates.env.filters["safe_link"] = safe_link


def page(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    return page(request, "error.html", status, status_code=status, message=message)


@router.get("/")
def home(request: Request, session: DB, paging: Pages) -> Response:
    stories = browse.stories(session, paging.page, paging.per_page)
    return page(request, "home.html", stories=stories)


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str, session: DB) -> Response:
    view = story_view(session, story_id)
    if view is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return page(request, "story.html", story=view)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, session: DB) -> Response:
    view = browse.article(session, article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return page(
        request,
        "article.html",
        article=view,
        record=view.record,
        passages=passages(view.record, view.entities),
    )


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: str, session: DB, paging: Pages) -> Response:
    view = browse.entity(session, entity_id)
    if view is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return page(
        request,
        "entity.html",
        entity=view,
        quotes=browse.entity_quotes(session, entity_id, paging.page, paging.per_page),
        events=browse.entity_events(session, entity_id, paging.page, paging.per_page),
        articles=browse.entity_articles(session, entity_id, paging.page, paging.per_page),
        busiest=max((d.articles for d in view.timeline), default=1),
    )


@router.get("/search")
def search(
    request: Request, session: DB, paging: Pages, q: str = "", kind: Kind = "article"
) -> Response:
    query = q.strip()[:200]
    if not query:
        return page(request, "search.html", query="", kind=kind)
    return page(
        request,
        "search.html",
        query=query,
        kind=kind,
        entities=browse.find_entities(session, query, 1, SEARCH_ENTITIES),
        hits=browse.search_page(session, query, kind, paging.page, paging.per_page),
    )


@router.get("/analyze")
def analyze_form(request: Request) -> Response:
    return page(request, "analyze.html", content="", published="", kind="auto")


@router.post("/analyze")
def analyze(
    request: Request,
    content: Annotated[str, Form(max_length=MAX_PASTED_CHARS)],
    published: Annotated[str, Form(max_length=40)] = "",
    kind: Annotated[str, Form(pattern="^(auto|text|html)$")] = "auto",
) -> Response:
    """Analyse pasted text or HTML and show it highlighted; nothing is stored."""
    form: dict[str, Any] = {"content": content, "published": published, "kind": kind}
    if not content.strip():
        return page(request, "analyze.html", 422, error="Paste some text or HTML.", **form)
    raw = RawDoc(
        name="pasted text",
        content=content,
        is_html=kind == "html" or (kind == "auto" and is_markup(content)),
        published=published.strip() or None,
    )
    with request.app.state.pipeline:
        (result,) = analyze_stream([raw])
    if not isinstance(result, ArticleRecord):
        return page(request, "analyze.html", 422, error=result.message, **form)
    # Its entities are not stored: nothing to link them to.
    return page(request, "analyze.html", record=result, passages=passages(result, {}), **form)


def is_markup(content: str) -> bool:
    return content.lstrip().startswith("<") or looks_like_html(content)
