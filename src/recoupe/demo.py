"""`recoupe demo`: one sample article analysed, then four outlets' articles on one story
stored and cross-checked, showing what they agree on and where they differ."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from pathlib import Path

from rich.console import Console
from sqlalchemy.orm import Session

from recoupe.analyze import analyze_stream
from recoupe.ingest import Ingestion
from recoupe.read import RawDoc, read_inputs
from recoupe.record import ArticleRecord
from recoupe.render import render_record, render_story
from recoupe.store import open_database
from recoupe.stories.views import story_list, story_view


def story_samples(folder: Path) -> list[RawDoc]:
    """The sample story's articles with their outlet, URL and publication date."""
    metadata = json.loads((folder / "outlets.json").read_text(encoding="utf-8"))
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    return [
        replace(raw, **metadata[Path(raw.name).name])
        for raw in read_inputs(paths)
        if isinstance(raw, RawDoc)
    ]


def run_demo(db_url: str, console: Console) -> int:
    """Show the demo; return the number of documents that failed."""
    samples = resources.files("recoupe").joinpath("samples").joinpath("story")
    with resources.as_file(samples) as folder:
        articles = story_samples(Path(folder))
    first = next(analyze_stream(articles[:1]))
    if not isinstance(first, ArticleRecord):
        return 1
    console.rule("One article, analysed")
    render_record(first, console)
    console.rule(f"{len(articles)} articles stored and cross-checked")
    engine = open_database(db_url)
    failed = sum(1 for done in Ingestion(engine).run(articles) if done.outcome == "failed")
    with Session(engine) as session:
        for summary in story_list(session):
            view = story_view(session, summary["id"])
            if view is not None and view["articles"] > 1:
                render_story(view, console)
    return failed
