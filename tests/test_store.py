"""Ingestion into a real database (SQLite file and PostgreSQL server): idempotent, updates
replace, bad input is reported and skipped, and a killed run resumes to the same result."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.orm import Session

from conftest import SHARED
from db import count, db_url, dump  # noqa: F401  (db_url is a fixture)
from recoupe.ingest import Ingestion
from recoupe.read import read_inputs
from recoupe.store import browse, open_database
from recoupe.stories.views import story_list

CORPUS = SHARED / "corpora" / "fr-news.jsonl.gz"


def corpus_rows(n: int, skip: int = 0) -> list[dict[str, object]]:
    rows = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as stream:
        for i, line in enumerate(stream):
            if i >= skip:
                rows.append(json.loads(line))
            if len(rows) == n:
                break
    return rows


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return path


def ingest(url: str, *paths: Path) -> list[str]:
    ingestion = Ingestion(open_database(url))
    return [done.outcome for done in ingestion.run(read_inputs([str(p) for p in paths]))]


def test_second_run_stores_nothing_new(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    batch = write_jsonl(tmp_path / "batch.jsonl", corpus_rows(4))
    assert ingest(db_url, batch) == ["stored"] * 4
    before = dump(open_database(db_url))
    assert ingest(db_url, batch) == ["skipped"] * 4
    assert dump(open_database(db_url)) == before
    engine = open_database(db_url)
    assert count(engine, "articles") == 4
    assert count(engine, "mentions") > 0 and count(engine, "figures") > 0
    with Session(engine) as session:
        assert sum(s["articles"] for s in story_list(session)) == 4


def test_updated_version_replaces_the_old_one(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    row = corpus_rows(1)[0]
    ingest(db_url, write_jsonl(tmp_path / "v1.jsonl", [row]))
    changed = dict(row, text=str(row["text"]) + "\n\nMise à jour : le cortège s'est dispersé.")
    assert ingest(db_url, write_jsonl(tmp_path / "v2.jsonl", [changed])) == ["replaced"]
    engine = open_database(db_url)
    assert count(engine, "articles") == 1
    with engine.connect() as connection:
        (stored,) = connection.exec_driver_sql("SELECT text FROM articles").scalars()
    assert stored.endswith("le cortège s'est dispersé.")


def test_bad_documents_are_reported_and_the_rest_stored(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    good = corpus_rows(2)
    batch = tmp_path / "mixed.jsonl"
    lines = [json.dumps(good[0]), "{not json", json.dumps({"id": "empty", "text": ""})]
    batch.write_text("\n".join([*lines, json.dumps(good[1])]) + "\n")
    proc = subprocess.run(
        [sys.executable, "-m", "recoupe", "ingest", "--db", db_url, str(batch)],
        capture_output=True,
        check=False,
    )
    errors = [line for line in proc.stderr.decode().splitlines() if line.startswith("error: ")]
    assert proc.returncode == 1
    assert len(errors) == 2 and any(f"{batch}:2" in e for e in errors)
    assert count(open_database(db_url), "articles") == 2


def test_killed_ingestion_resumes_to_the_same_database(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    batch = write_jsonl(tmp_path / "batch.jsonl", corpus_rows(14, skip=40))
    command = [sys.executable, "-m", "recoupe", "ingest", "--db", db_url, str(batch)]
    subprocess.run(command, capture_output=True, check=True)
    uninterrupted = dump(open_database(db_url))
    reset(db_url, tmp_path)

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    engine = open_database(db_url)
    deadline = time.monotonic() + 300
    while count(engine, "articles") < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    interrupted = count(engine, "articles")
    assert 5 <= interrupted < 14
    engine.dispose()
    subprocess.run(command, capture_output=True, check=True)
    assert dump(open_database(db_url)) == uninterrupted


def reset(url: str, tmp_path: Path) -> None:
    if url.startswith("sqlite"):
        for path in tmp_path.glob("recoupe.db*"):
            path.unlink()
    else:
        from db import empty_postgresql

        empty_postgresql(url)


def test_the_same_article_under_two_names_is_stored_once(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    text = "Le maire de Lyon a inauguré lundi la nouvelle ligne de tramway, attendue depuis 2019."
    first, copy = tmp_path / "article.txt", tmp_path / "copy.txt"
    first.write_text(text)
    copy.write_text(text)
    assert ingest(db_url, first, copy) == ["stored", "skipped"]
    assert count(open_database(db_url), "articles") == 1


def test_replacements_across_restarts_end_as_in_one_run(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    rows = corpus_rows(6, skip=80)
    changed = [dict(r, text=str(r["text"]) + "\n\nCet article a été mis à jour.") for r in rows]
    first = write_jsonl(tmp_path / "v1.jsonl", rows)
    second = write_jsonl(tmp_path / "v2.jsonl", changed)
    ingest(db_url, first)
    assert ingest(db_url, second) == ["replaced"] * 6
    in_one_run = dump(open_database(db_url))
    reset(db_url, tmp_path)
    ingest(db_url, first)
    ingest(db_url, write_jsonl(second, changed[:3]))  # stopped half-way, same file
    assert ingest(db_url, write_jsonl(second, changed)) == ["skipped"] * 3 + ["replaced"] * 3
    assert dump(open_database(db_url)) == in_one_run


def test_jsonl_lines_without_id_are_separate_articles(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    rows = [{"text": str(r["text"])} for r in corpus_rows(2, skip=20)]
    batch = write_jsonl(tmp_path / "no-ids.jsonl", rows)
    assert ingest(db_url, batch) == ["stored", "stored"]
    assert ingest(db_url, batch) == ["skipped", "skipped"]
    assert count(open_database(db_url), "articles") == 2


def test_the_same_article_twice_in_one_input_is_stored_once(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    first, second = corpus_rows(2, skip=30)
    batch = write_jsonl(tmp_path / "twice.jsonl", [first, second, first])
    assert ingest(db_url, batch) == ["stored", "stored", "skipped"]
    assert ingest(db_url, batch) == ["skipped"] * 3


def test_an_article_the_database_refuses_fails_alone(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    good = corpus_rows(2, skip=50)
    refused = dict(good[0], id="nul-byte", text=str(good[0]["text"]) + "\x00 fin.")
    batch = write_jsonl(tmp_path / "mixed.jsonl", [refused, good[1]])
    outcomes = ingest(db_url, batch)
    # PostgreSQL text cannot hold a NUL byte; SQLite takes it. Either way the batch goes on.
    assert outcomes[1] == "stored" and outcomes[0] in ("stored", "failed")


def test_a_database_from_before_search_is_indexed_when_migrated(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    batch = write_jsonl(tmp_path / "batch.jsonl", corpus_rows(6))
    assert ingest(db_url, batch) == ["stored"] * 6
    engine = open_database(db_url)
    with Session(engine) as session:
        searched = browse.search_page(session, "manifestants", "article", 1, 20)
        named = browse.find_entities(session, "macron", 1, 20)
    assert searched.total > 0 and named.total > 0
    config = Config()
    config.set_main_option("script_location", str(resources.files("recoupe.store") / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")  # the schema before search existed
    engine.dispose()
    with Session(open_database(db_url)) as session:
        assert browse.search_page(session, "manifestants", "article", 1, 20) == searched
        assert browse.find_entities(session, "macron", 1, 20) == named
