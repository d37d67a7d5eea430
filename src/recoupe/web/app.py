"""The web application: the JSON API under /api, the pages for people everywhere else, one
database, errors said plainly (JSON for the API, a page for people)."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException

from recoupe.web import api, pages
from recoupe.web.guard import Guard

TOKEN_VARIABLE = "RECOUPE_API_TOKEN"
MAX_BODY_BYTES = 5_000_000
logger = logging.getLogger("recoupe.web")


@dataclass(frozen=True)
class Settings:
    engine: Engine  # on a database already migrated (store.open_database)
    token: str | None = None  # needed by write endpoints; none: writing is disabled
    max_body: int = MAX_BODY_BYTES


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(
        title="recoupe",
        summary="Structured, sourced facts from news articles, cross-checked across outlets.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive pages load scripts from elsewhere, which CSP forbids
        redoc_url=None,
    )
    app.state.settings = settings
    # One analysis or ingestion at a time: the pipeline and the grouping index are shared.
    app.state.pipeline = threading.Lock()
    app.state.ingestion = None  # kept between requests: reading the grouping index is slow
    app.include_router(api.router)
    app.include_router(pages.router)
    static = Path(str(resources.files("recoupe.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.add_exception_handler(HTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, unexpected_error)
    app.add_middleware(Guard, max_body=settings.max_body)
    return app


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


async def http_error(request: Request, error: HTTPException) -> Response:
    if wants_json(request):
        return JSONResponse({"error": error.detail}, error.status_code, error.headers)
    return pages.error_page(request, error.status_code, str(error.detail))


async def invalid_request(request: Request, error: RequestValidationError) -> Response:
    problems = error.errors()
    if any(p["type"] == "json_invalid" for p in problems):
        message = "malformed JSON: " + "; ".join(
            str(p.get("ctx", {}).get("error", p["msg"])) for p in problems
        )
        status = 400
    else:
        message = "; ".join(describe(p) for p in problems)
        status = 422
    if wants_json(request):
        return JSONResponse({"error": message}, status)
    return pages.error_page(request, status, message)


def describe(problem: dict[str, object]) -> str:
    where = ".".join(str(part) for part in problem.get("loc", ()) if part != "body")  # type: ignore[attr-defined]
    return f"{where or 'body'}: {problem['msg']}"


async def unexpected_error(request: Request, error: Exception) -> Response:
    logger.exception("%s %s failed", request.method, request.url.path, exc_info=error)
    if wants_json(request):
        return JSONResponse({"error": "internal error"}, 500)
    return pages.error_page(request, 500, "internal error")
