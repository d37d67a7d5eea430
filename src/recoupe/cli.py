"""The `recoupe` command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from recoupe.analyze import Failure, Options, analyze_stream
from recoupe.published import parse_published
from recoupe.read import read_inputs
from recoupe.record import ArticleRecord, json_schema
from recoupe.render import render_record

app = typer.Typer(help="Read news articles and turn them into structured, sourced facts.")
stderr = Console(stderr=True)

# Below this many documents a progress bar is only noise.
PROGRESS_AFTER = 5


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
    published: Annotated[
        str | None, typer.Option(help="Publication date for inputs that carry none.")
    ] = None,
    lang: Annotated[
        str | None, typer.Option(help="Force the language (default: identify).")
    ] = None,
) -> None:
    """Analyse articles and print one record per article."""
    if published is not None and parse_published(published) is None:
        raise typer.BadParameter(f"not a date: {published!r}", param_hint="--published")
    options = Options(published=published, language=lang)
    failures = emit(analyze_stream(read_inputs(inputs), options), output_format)
    raise typer.Exit(code=1 if failures else 0)


@app.command()
def demo() -> None:
    """Analyse the sample articles shipped with recoupe and show what it finds."""
    samples = resources.files("recoupe").joinpath("samples")
    with resources.as_file(samples) as folder:
        paths = sorted(str(p) for p in Path(folder).glob("*.txt"))
        failures = emit(analyze_stream(read_inputs(paths)), OutputFormat.pretty)
    raise typer.Exit(code=1 if failures else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Article record."""
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def emit(results: Iterable[ArticleRecord | Failure], output_format: OutputFormat) -> int:
    """Print records as they come, errors on stderr; return the number of failures."""
    failures = 0
    collected: list[dict[str, object]] = []
    out = Console(highlight=False)
    for result in with_progress(results):
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


def with_progress(
    results: Iterable[ArticleRecord | Failure],
) -> Iterator[ArticleRecord | Failure]:
    """A progress bar on stderr once the run proves longer than a few documents."""
    progress = Progress(
        TextColumn("analysing"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
    )
    task = progress.add_task("analyse", total=None)
    try:
        for done, result in enumerate(results, start=1):
            if done == PROGRESS_AFTER + 1 and stderr.is_terminal:
                progress.start()
            progress.update(task, completed=done)
            yield result
    finally:
        progress.stop()
