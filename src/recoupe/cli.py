"""The `recoupe` command line."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from recoupe.analyze import Failure, Options, analyze_stream
from recoupe.demo import run_demo
from recoupe.ingest import Ingestion
from recoupe.published import parse_published
from recoupe.read import read_inputs
from recoupe.record import ArticleRecord, json_schema
from recoupe.render import render_record, render_stories, render_story
from recoupe.store import database_url, open_database
from recoupe.store.database import describe
from recoupe.stories.upkeep import rebuild_stories
from recoupe.stories.views import story_list, story_view

app = typer.Typer(help="Read news articles and turn them into structured, sourced facts.")
stderr = Console(stderr=True)

T = TypeVar("T")
# Below this many documents a progress bar is only noise.
PROGRESS_AFTER = 5


PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date for inputs that carry none.")
]
LangOption = Annotated[str | None, typer.Option(help="Force the language (default: identify).")]


def check_published(published: str | None) -> None:
    if published is not None and parse_published(published) is None:
        raise typer.BadParameter(f"not a date: {published!r}", param_hint="--published")


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="jsonl, json or pretty.")
    ] = OutputFormat.jsonl,
    published: PublishedOption = None,
    lang: LangOption = None,
) -> None:
    """Analyse articles and print one record per article."""
    check_published(published)
    options = Options(published=published, language=lang)
    failures = emit(analyze_stream(read_inputs(inputs), options), output_format)
    raise typer.Exit(code=1 if failures else 0)


@app.command()
def demo(
    db: Annotated[
        str | None, typer.Option("--db", help="Keep the demo's database here (default: temporary).")
    ] = None,
) -> None:
    """Analyse a sample article, then store four outlets' articles on one story and show
    what they agree on and where they differ."""
    with tempfile.TemporaryDirectory() as folder:
        url = db or f"sqlite:///{Path(folder) / 'demo.db'}"
        failures = run_demo(url, Console(highlight=False))
    raise typer.Exit(code=1 if failures else 0)


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $RECOUPE_DB, else sqlite:///recoupe.db)."),
]


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOption = None,
    published: PublishedOption = None,
    lang: LangOption = None,
) -> None:
    """Analyse articles and store them, grouped into stories; already stored ones are skipped."""
    check_published(published)
    url = database_url(db)
    engine = connect(url)
    ingestion = Ingestion(engine, Options(published=published, language=lang))
    started = time.perf_counter()
    outcomes: Counter[str] = Counter()
    for done in with_rate(ingestion.run(read_inputs(inputs)), "ingesting"):
        outcomes[done.outcome] += 1
        if done.message is not None:
            kind = "error" if done.outcome == "failed" else "note"
            sys.stderr.write(f"{kind}: {done.name}: {one_line(done.message)}\n")
    elapsed = time.perf_counter() - started
    counts = ", ".join(f"{outcomes[k]} {k}" for k in ("stored", "replaced", "skipped", "failed"))
    stderr.print(f"{counts} in {elapsed:.1f} s · {describe(url)}{database_size(url)}")
    raise typer.Exit(code=1 if outcomes["failed"] else 0)


@app.command()
def rebuild(db: DbOption = None) -> None:
    """Group every stored article into stories anew and rebuild all claims."""
    started = time.perf_counter()
    with Session(connect(db)) as session, session.begin():
        count = rebuild_stories(session)
    stderr.print(f"{count} stories rebuilt in {time.perf_counter() - started:.1f} s")


@app.command()
def stories(
    db: DbOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="pretty, json or jsonl.")
    ] = OutputFormat.pretty,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """List the stories: title, outlets, number of articles, days."""
    with Session(connect(db)) as session:
        found = story_list(session, limit)
    if output_format is OutputFormat.pretty:
        render_stories(found, Console(highlight=False))
    else:
        print_data(found, output_format)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="A story id, as `recoupe stories` lists.")],
    db: DbOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="pretty or json.")
    ] = OutputFormat.pretty,
) -> None:
    """One story: agreed facts, disputed facts with each value's sources, quotes, timeline."""
    with Session(connect(db)) as session:
        view = story_view(session, story_id)
    if view is None:
        sys.stderr.write(f"error: {story_id}: no such story\n")
        raise typer.Exit(code=1)
    if output_format is OutputFormat.pretty:
        render_story(view, Console(highlight=False))
    else:
        print_data(view, output_format)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option(help="File holding the API token (default: $RECOUPE_API_TOKEN)."),
    ] = None,
) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /api/openapi.json). Writing through
    the API needs the token; without one, the API only reads and analyses."""
    # Imported here: the other commands start faster without the web stack.
    import uvicorn

    from recoupe.web import Settings, create_app
    from recoupe.web.app import TOKEN_VARIABLE

    token = os.environ.get(TOKEN_VARIABLE)
    if token_file is not None:
        token = token_file.read_text(encoding="utf-8").strip()
    url = database_url(db)
    web = create_app(Settings(engine=connect(url), token=token or None))
    writes = "writes need the token" if token else "no token: the API does not write"
    stderr.print(f"recoupe on http://{host}:{port} · {describe(url)} · {writes}")
    uvicorn.run(web, host=host, port=port, log_level="warning")


def connect(db: str | None) -> Engine:
    """The database, migrated; or one line saying why it cannot be opened, and exit 2."""
    url = database_url(db)
    try:
        return open_database(url)
    except (SQLAlchemyError, OSError) as error:
        reason = str(error.orig) if isinstance(error, DBAPIError) else str(error)
        sys.stderr.write(f"error: database {describe(url)}: {one_line(reason)}\n")
        raise typer.Exit(code=2) from None


def print_data(data: object, output_format: OutputFormat) -> None:
    if output_format is OutputFormat.jsonl and isinstance(data, list):
        for item in data:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def database_size(url: str) -> str:
    path = make_url(url).database
    if make_url(url).get_backend_name() != "sqlite" or not path or not Path(path).exists():
        return ""
    return f" ({Path(path).stat().st_size / 1e6:.1f} MB)"


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Article record."""
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def emit(results: Iterable[ArticleRecord | Failure], output_format: OutputFormat) -> int:
    """Print records as they come, errors on stderr; return the number of failures."""
    failures = 0
    collected: list[dict[str, object]] = []
    out = Console(highlight=False)
    for result in with_rate(results, "analysing"):
        if isinstance(result, Failure):
            failures += 1
            # Plain write: one line per failure, never wrapped, so scripts can grep it.
            sys.stderr.write(f"error: {result.name}: {one_line(result.message)}\n")
        elif output_format is OutputFormat.jsonl:
            sys.stdout.write(result.model_dump_json() + "\n")
            sys.stdout.flush()
        elif output_format is OutputFormat.json:
            collected.append(result.model_dump(mode="json"))
        else:
            render_record(result, out)
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    return failures


def one_line(message: str) -> str:
    return " ".join(message.split())


def with_rate(items: Iterable[T], verb: str) -> Iterator[T]:
    """A progress bar with the rate on stderr, once the run proves longer than a few
    documents."""
    progress = Progress(
        TextColumn(verb),
        BarColumn(),
        TextColumn("{task.completed} documents · {task.fields[rate]} /s"),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
    )
    task = progress.add_task(verb, total=None, rate="…")
    started = time.perf_counter()
    try:
        for done, item in enumerate(items, start=1):
            if done == PROGRESS_AFTER + 1 and stderr.is_terminal:
                progress.start()
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, completed=done, rate=f"{rate:.1f}")
            yield item
    finally:
        progress.stop()
