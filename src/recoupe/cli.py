"""The `recoupe` command line."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from recoupe.analyze import Failure, Options, Result, Skipped, analyze_stream
from recoupe.demo import run_demo
from recoupe.execute import Executor, ExecutorError, ExecutorKind, make_executor
from recoupe.export import PartFormat, write_part
from recoupe.ingest import Ingestion
from recoupe.published import parse_published
from recoupe.read import HostSelection, read_host_list, read_inputs
from recoupe.record import json_schema
from recoupe.render import render_record, render_stories, render_story
from recoupe.shards import DEFAULT_SHARD_SIZE, PlanMismatch, ShardJob, run_sharded
from recoupe.store import database_url, open_database
from recoupe.store.database import describe
from recoupe.store.records import stored_records
from recoupe.stories.upkeep import rebuild_stories
from recoupe.stories.views import story_list, story_view

app = typer.Typer(help="Read news articles and turn them into structured, sourced facts.")
stderr = Console(stderr=True)

T = TypeVar("T")
# Below this many documents a progress bar is only noise.
PROGRESS_AFTER = 5
# Articles in one part of an export: a few hundred megabytes of memory at most.
EXPORT_PART_SIZE = 2000


PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date for inputs that carry none.")
]
LangOption = Annotated[str | None, typer.Option(help="Force the language (default: identify).")]
OnlyLangOption = Annotated[
    str | None,
    typer.Option(
        "--only-lang",
        help="Keep documents in these languages (comma-separated codes); skip the others.",
    ),
]
HostsOption = Annotated[
    Path | None,
    typer.Option(help="Keep documents whose URL host is listed in this file (one a line)."),
]
ExcludeHostsOption = Annotated[
    Path | None, typer.Option(help="Leave out documents whose URL host is listed in this file.")
]
WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", "-w", min=1, help="Worker processes (default: the number of cores)."),
]
ExecutorOption = Annotated[
    ExecutorKind, typer.Option(help="local: processes on this machine; ray: a Ray cluster.")
]
RayAddressOption = Annotated[
    str | None,
    typer.Option(
        envvar="RAY_ADDRESS",
        help="The Ray cluster to join (default: start a local one of --workers CPUs).",
    ),
]


def check_published(published: str | None) -> None:
    if published is not None and parse_published(published) is None:
        raise typer.BadParameter(f"not a date: {published!r}", param_hint="--published")


def selection(
    published: str | None,
    lang: str | None,
    only_lang: str | None,
    hosts: Path | None,
    exclude_hosts: Path | None,
) -> tuple[Options, HostSelection]:
    """What the run analyses, from the options that choose it."""
    check_published(published)
    languages = {code.strip().lower() for code in (only_lang or "").split(",") if code.strip()}
    options = Options(published, lang, frozenset(languages) if languages else None)
    try:
        keep = read_host_list(hosts) if hosts is not None else None
        exclude = read_host_list(exclude_hosts) if exclude_hosts is not None else frozenset()
    except (OSError, UnicodeDecodeError) as error:
        raise typer.BadParameter(f"cannot read the host list: {error}") from None
    return options, HostSelection(keep, exclude)


@contextmanager
def executor_for(
    kind: ExecutorKind, workers: int | None, address: str | None
) -> Iterator[Executor]:
    """The executor the options ask for, closed at the end; one line and exit 2 when it
    cannot start."""
    try:
        executor = make_executor(kind, workers, address)
    except ExecutorError as error:
        sys.stderr.write(f"error: executor {kind}: {one_line(str(error))}\n")
        raise typer.Exit(code=2) from None
    try:
        yield executor
    finally:
        executor.close()


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"
    parquet = "parquet"


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="jsonl, json or pretty; with --out, jsonl or parquet."),
    ] = OutputFormat.jsonl,
    out: Annotated[
        Path | None,
        typer.Option(help="Write parts to this folder, shard by shard; a rerun resumes."),
    ] = None,
    shard_size: Annotated[
        int, typer.Option(min=1, help="Documents in a shard (with --out).")
    ] = DEFAULT_SHARD_SIZE,
    published: PublishedOption = None,
    lang: LangOption = None,
    only_lang: OnlyLangOption = None,
    hosts: HostsOption = None,
    exclude_hosts: ExcludeHostsOption = None,
    workers: WorkersOption = None,
    executor: ExecutorOption = "local",
    ray_address: RayAddressOption = None,
) -> None:
    """Analyse articles (files, folders, JSONL, WARC) and print one record per article, or
    write them as parts to a folder."""
    options, host_selection = selection(published, lang, only_lang, hosts, exclude_hosts)
    if out is not None:
        analyze_to_folder(
            inputs,
            out,
            output_format,
            shard_size,
            options,
            host_selection,
            (executor, workers, ray_address),
        )
        return
    if output_format is OutputFormat.parquet:
        raise typer.BadParameter(
            "parquet is written to a folder: give --out", param_hint="--format"
        )
    with executor_for(executor, workers, ray_address) as running:
        documents = host_selection.select(read_inputs(inputs))
        failures = emit(analyze_stream(documents, options, running), output_format)
    raise typer.Exit(code=1 if failures else 0)


def analyze_to_folder(
    inputs: list[str],
    out: Path,
    output_format: OutputFormat,
    shard_size: int,
    options: Options,
    hosts: HostSelection,
    run: tuple[ExecutorKind, int | None, str | None],
) -> None:
    if output_format not in (OutputFormat.jsonl, OutputFormat.parquet):
        raise typer.BadParameter("with --out: jsonl or parquet", param_hint="--format")
    if "-" in inputs:
        raise typer.BadParameter("standard input cannot be cut into shards", param_hint="--out")
    # Absolute: workers on other machines, or started elsewhere, find the same files.
    inputs = [str(Path(spec).resolve()) for spec in inputs]
    job = ShardJob(out.resolve(), PartFormat(output_format.value), options, hosts)
    started = time.perf_counter()
    totals: Counter[str] = Counter()
    with executor_for(*run) as running:
        try:
            shards = run_sharded(inputs, job, running, shard_size)
            for done in with_rate(shards, "analysing", size=lambda done: done.documents):
                totals.update(
                    records=done.records,
                    skipped=done.skipped,
                    failed=len(done.failures),
                    earlier=done.documents if done.earlier else 0,
                )
                for failure in done.failures:
                    sys.stderr.write(f"error: {failure.name}: {one_line(failure.message)}\n")
        except PlanMismatch as error:
            sys.stderr.write(f"error: {error}\n")
            raise typer.Exit(code=2) from None
    elapsed = time.perf_counter() - started
    stderr.print(
        f"{totals['records']} records, {totals['skipped']} skipped, {totals['failed']} failed"
        f" ({totals['earlier']} documents done by an earlier run) in {elapsed:.1f} s · {out}"
    )
    raise typer.Exit(code=1 if totals["failed"] else 0)


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
    only_lang: OnlyLangOption = None,
    hosts: HostsOption = None,
    exclude_hosts: ExcludeHostsOption = None,
    workers: WorkersOption = None,
    executor: ExecutorOption = "local",
    ray_address: RayAddressOption = None,
) -> None:
    """Analyse articles and store them, grouped into stories; already stored ones are skipped.
    Analysis runs on the workers; storing, in input order, here."""
    options, host_selection = selection(published, lang, only_lang, hosts, exclude_hosts)
    url = database_url(db)
    engine = connect(url)
    started = time.perf_counter()
    outcomes: Counter[str] = Counter()
    with executor_for(executor, workers, ray_address) as running:
        ingestion = Ingestion(engine, options, running)
        stored = ingestion.run(host_selection.select(read_inputs(inputs)))
        for done in with_rate(stored, "ingesting"):
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
def export(
    out: Annotated[Path, typer.Argument(help="Folder to write the tables to.")],
    db: DbOption = None,
    output_format: Annotated[
        PartFormat, typer.Option("--format", "-f", help="parquet (tables) or jsonl (records).")
    ] = PartFormat.parquet,
) -> None:
    """Write the stored articles as Parquet tables (articles, mentions, quotes, amounts,
    counts, dates, events) or as JSONL records, in parts of a few thousand articles."""
    if out.exists() and any(out.iterdir()):
        sys.stderr.write(f"error: {out} is not empty: export into a new folder\n")
        raise typer.Exit(code=2)
    started = time.perf_counter()
    total = 0
    with Session(connect(db)) as session:
        # An empty database still gives every table, with no rows.
        parts = chain(stored_records(session, EXPORT_PART_SIZE), [[]])
        for part, records in enumerate(parts):
            if records or part == 0:
                write_part(records, out, part, output_format)
            total += len(records)
    stderr.print(f"{total} articles exported in {time.perf_counter() - started:.1f} s · {out}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Article record."""
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def emit(results: Iterable[Result], output_format: OutputFormat) -> int:
    """Print records as they come, errors on stderr; return the number of failures."""
    failures = skipped = 0
    collected: list[dict[str, object]] = []
    out = Console(highlight=False)
    for result in with_rate(results, "analysing"):
        if isinstance(result, Failure):
            failures += 1
            # Plain write: one line per failure, never wrapped, so scripts can grep it.
            sys.stderr.write(f"error: {result.name}: {one_line(result.message)}\n")
        elif isinstance(result, Skipped):
            skipped += 1
        elif output_format is OutputFormat.jsonl:
            sys.stdout.write(result.model_dump_json() + "\n")
            sys.stdout.flush()
        elif output_format is OutputFormat.json:
            collected.append(result.model_dump(mode="json"))
        else:
            render_record(result, out)
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    if skipped:
        stderr.print(f"{skipped} documents skipped (--only-lang)")
    return failures


def one_line(message: str) -> str:
    return " ".join(message.split())


def with_rate(
    items: Iterable[T], verb: str, size: Callable[[T], int] = lambda _item: 1
) -> Iterator[T]:
    """A progress bar with the rate on stderr, once the run proves longer than a few
    documents; each item stands for `size(item)` documents."""
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
    done = 0
    try:
        for item in items:
            done += size(item)
            if done > PROGRESS_AFTER and stderr.is_terminal and not progress.live.is_started:
                progress.start()
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, completed=done, rate=f"{rate:.1f}")
            yield item
    finally:
        progress.stop()
