"""Scaling out, end to end with the real pipeline: a WARC built from the HTML corpus gives
the same records as the HTML files, in this process, on a pool of workers and on a local
Ray cluster of two workers; a worker killed mid-run costs no record and duplicates none;
a rerun finishes what a run left; ingestion through workers or Ray stores what one process
stores; exports hold what was stored."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import psutil
import pyarrow.parquet as pq
import pytest

from conftest import SEED
from db import db_url, dump  # noqa: F401  (db_url is a fixture)
from recoupe.export import TABLES
from recoupe.record import ArticleRecord
from recoupe.store import open_database
from test_store import corpus_rows, reset, write_jsonl
from warcs import HTML_CORPUS, corpus_pages, write_warc

Record = dict[str, Any]


def recoupe(
    *args: str, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "recoupe", *args]
    environment = {**os.environ, **(env or {})}
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, env=environment)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def records_of(jsonl: str) -> list[Record]:
    return [json.loads(line) for line in jsonl.splitlines() if line.strip()]


def parts(folder: Path) -> list[Record]:
    return [
        r
        for part in sorted(folder.glob("records/part-*.jsonl"))
        for r in records_of(part.read_text())
    ]


def without_source(records: list[Record]) -> list[Record]:
    return [{key: value for key, value in r.items() if key != "source"} for r in records]


@pytest.fixture(scope="module")
def corpus_warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("warc")
    pages = [page.response for page in corpus_pages()]
    return write_warc(folder / "corpus.warc.gz", pages, requests=True)


@pytest.fixture(scope="module")
def from_html() -> list[Record]:
    """The French pages of the corpus, analysed from their HTML files in this process."""
    done = recoupe("analyze", str(HTML_CORPUS / "pages"), "--only-lang", "fr", "--workers", "1")
    return records_of(done.stdout)


@pytest.fixture(scope="module")
def french_warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The French pages, and two others to skip: a short run, for the kill tests."""
    pages = corpus_pages()
    french = [page.response for page in pages if page.language == "fr"]
    others = [page.response for page in pages if page.language != "fr"][:2]
    folder = tmp_path_factory.mktemp("french")
    return write_warc(folder / "french.warc", others[:1] + french + others[1:])


# Ports a Ray head takes for its own parts unless told otherwise: the cluster's port must
# not be one of them (a free port drawn at random was once 52365, the dashboard agent's).
RAY_DEFAULT_PORTS = frozenset({6379, 8265, 10001, 52365})


def free_port() -> int:
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port: int = probe.getsockname()[1]
        if port not in RAY_DEFAULT_PORTS:
            return port


@pytest.fixture(scope="module")
def ray_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A local Ray cluster of two worker CPUs, started as a user would start one."""
    ray = str(Path(sys.executable).parent / "ray")
    port = free_port()
    temp = tmp_path_factory.mktemp("ray")
    start = [ray, "start", "--head", f"--port={port}", "--num-cpus=2", f"--temp-dir={temp}",
             "--include-dashboard=false", "--disable-usage-stats"]  # fmt: skip
    # The cluster's token, for it and for the runs that join it (they inherit it).
    token = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}
    saved = {name: os.environ.get(name) for name in token}
    os.environ.update(token)
    try:
        subprocess.run(start, capture_output=True, check=True, timeout=300)
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([ray, "stop", "--force"], capture_output=True, timeout=300)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def test_a_warc_gives_the_records_of_its_html_files(
    corpus_warc: Path, from_html: list[Record], ray_address: str, tmp_path: Path
) -> None:
    assert len(from_html) >= 20
    pooled = recoupe("analyze", str(corpus_warc), "--only-lang", "fr", "--workers", "2")
    assert "181 documents skipped" in pooled.stderr
    records = records_of(pooled.stdout)
    assert without_source(records) == without_source(from_html)
    for warc_record, html_record in zip(records, from_html, strict=True):
        # The page's own URL wins; the crawl's stands in where the page gives none.
        assert warc_record["source"]["url"].startswith("http")
        if html_record["source"]["url"]:
            assert warc_record["source"]["url"] == html_record["source"]["url"]
        assert warc_record["source"]["path"] == str(corpus_warc)

    out = tmp_path / "ray"
    recoupe("analyze", str(corpus_warc), "--only-lang", "fr", "--executor", "ray",
            "--ray-address", ray_address, "--out", str(out), "--shard-size", "40")  # fmt: skip
    assert parts(out) == records
    assert len(list((out / "done").glob("part-*.json"))) == 6  # 206 pages, 40 a shard


def kill_when_working(run: subprocess.Popen[str], is_worker: Any, ready: Any) -> int:
    """SIGKILL one worker process, busy on a task, once `ready()`; its pid."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and run.poll() is None:
        if ready():
            for process in psutil.process_iter(["cmdline"]):
                try:
                    if is_worker(process):
                        process.send_signal(signal.SIGKILL)
                        return int(process.pid)
                except psutil.Error:  # a process that ended while we looked
                    continue
        time.sleep(0.05)
    raise AssertionError("the run ended before a worker could be killed")


def test_a_ray_worker_killed_mid_run_loses_and_repeats_nothing(
    french_warc: Path, from_html: list[Record], ray_address: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = [sys.executable, "-m", "recoupe", "analyze", str(french_warc), "--only-lang", "fr",
            "--executor", "ray", "--ray-address", ray_address, "--out", str(out),
            "--shard-size", "3", "--format", "jsonl"]  # fmt: skip
    run = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def is_task(process: psutil.Process) -> bool:
        return bool((process.info["cmdline"] or [""])[0].startswith("ray::run_step"))

    kill_when_working(run, is_task, lambda: any((out / "done").glob("part-*.json")))
    _, errors = run.communicate(timeout=900)
    assert run.returncode == 0, errors
    records = parts(out)
    assert len({r["id"] for r in records}) == len(records)
    assert without_source(records) == without_source(from_html)

    # A rerun finds everything done, even on another executor: the plan is the output's.
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("part-*")}
    again = recoupe("analyze", str(french_warc), "--only-lang", "fr", "--out", str(out),
                    "--shard-size", "3", "--workers", "1")  # fmt: skip
    assert f"{len(from_html) + 2} documents done by an earlier run" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in out.rglob("part-*")} == stamps

    # A shard whose mark is gone (its run stopped before the end) is done again, alone.
    (out / "done" / "part-00002.json").unlink()
    (out / "records" / "part-00002.jsonl").unlink()
    recoupe("analyze", str(french_warc), "--only-lang", "fr", "--out", str(out),
            "--shard-size", "3", "--workers", "1")  # fmt: skip
    assert parts(out) == records
    changed = {p.name for p, stamp in stamps.items() if p.stat().st_mtime_ns != stamp}
    assert changed == {"part-00002.json", "part-00002.jsonl"}

    other = recoupe("analyze", str(french_warc), "--out", str(out), check=False)
    assert other.returncode == 2 and "other settings" in other.stderr


def test_a_pool_worker_killed_mid_run_loses_and_repeats_nothing(
    corpus_warc: Path, from_html: list[Record], tmp_path: Path
) -> None:
    # Seven batches of 32 documents: one alone would run in the calling process.
    args = [sys.executable, "-m", "recoupe", "analyze", str(corpus_warc), "--only-lang", "fr",
            "--workers", "2"]  # fmt: skip
    output = tmp_path / "records.jsonl"
    with output.open("w") as stdout:
        run = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE, text=True)
        main = psutil.Process(run.pid)

        def is_pool_worker(process: psutil.Process) -> bool:
            # The pool's workers are forked by its fork server, a child of the run.
            servers = main.children()
            return any(process.pid in {c.pid for c in s.children()} for s in servers)

        kill_when_working(run, is_pool_worker, lambda: output.stat().st_size > 0)
        _, errors = run.communicate(timeout=900)
    assert run.returncode == 0, errors
    records = records_of(output.read_text())
    assert without_source(records) == without_source(from_html)


def test_hosts_choose_the_documents_of_a_crawl(from_html: list[Record], tmp_path: Path) -> None:
    french = [page for page in corpus_pages() if page.language == "fr"][:4]
    crawled_at = ["https://www.lemonde.fr/a", "https://abonnes.lemonde.fr/b",
                  "https://www.liberation.fr/c", "https://www.example.com/d"]  # fmt: skip
    responses = [replace(p.response, url=url) for p, url in zip(french, crawled_at, strict=True)]
    crawl = write_warc(tmp_path / "crawl.warc.gz", responses)
    (tmp_path / "keep.txt").write_text("lemonde.fr\nliberation.fr\n")
    (tmp_path / "exclude.txt").write_text("abonnes.lemonde.fr\n")
    done = recoupe("analyze", str(crawl), "--hosts", str(tmp_path / "keep.txt"),
                   "--exclude-hosts", str(tmp_path / "exclude.txt"), "--workers", "1")  # fmt: skip
    by_file = {Path(r["source"]["path"]).name: r["id"] for r in from_html}
    expected = [by_file[french[0].path.name], by_file[french[2].path.name]]
    assert [r["id"] for r in records_of(done.stdout)] == expected


@pytest.mark.parametrize("executor", ["local", "ray"])
def test_ingesting_through_workers_stores_what_one_process_stores(
    executor: str,
    db_url: str,  # noqa: F811
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    batch = write_jsonl(tmp_path / "batch.jsonl", corpus_rows(40, skip=100))
    recoupe("ingest", "--db", db_url, "--workers", "1", str(batch))
    alone = dump(open_database(db_url))
    reset(db_url, tmp_path)
    if executor == "ray":
        workers = ["--executor", "ray", "--ray-address", request.getfixturevalue("ray_address")]
    else:
        workers = ["--workers", "2"]
    recoupe("ingest", "--db", db_url, *workers, str(batch))
    assert dump(open_database(db_url)) == alone

    recoupe("export", str(tmp_path / "jsonl"), "--db", db_url, "--format", "jsonl")
    recoupe("export", str(tmp_path / "tables"), "--db", db_url, "--format", "parquet")
    stored = [ArticleRecord.model_validate(r) for r in parts(tmp_path / "jsonl")]
    assert sorted(r.id for r in stored) == sorted(row["id"] for row in corpus_rows(40, skip=100))
    holds_the_records(tmp_path / "tables", stored)


def holds_the_records(tables: Path, records: list[ArticleRecord]) -> None:
    """The Parquet tables say what the records say, read back by pyarrow."""

    def read(table: str) -> list[Record]:
        return list(pq.read_table(tables / table).to_pylist())

    assert [(a["id"], a["title"], a["text"]) for a in read("articles")] == [
        (r.id, r.title, r.text) for r in records
    ]
    mentions = {(m["article_id"], m["entity_name"], m["start"], m["end"]) for m in read("mentions")}
    assert mentions == {
        (r.id, e.name, m.start, m.end) for r in records for e in r.entities for m in e.mentions
    }
    quotes = {(q["article_id"], q["id"], q["text"], q["speaker_entity"]) for q in read("quotes")}
    assert quotes == {(r.id, q.id, q.text, q.speaker.entity) for r in records for q in r.quotes}
    amounts = {(a["article_id"], a["value"], a["currency"]) for a in read("amounts")}
    assert amounts == {(r.id, a.value, a.currency) for r in records for a in r.amounts}
    events = {(v["article_id"], v["id"], v["type"], len(v["roles"])) for v in read("events")}
    assert events == {
        (r.id, v.id, v.type, sum(len(f) for f in v.roles.values()))
        for r in records
        for v in r.events
    }
    assert len(read("counts")) == sum(len(r.counts) for r in records)
    assert len(read("dates")) == sum(len(r.dates) for r in records)
    relative = {(d["article_id"], d["id"], d["kind"], d["text"]) for d in read("relative_dates")}
    assert relative == {
        (r.id, d.id, d.reading.kind, d.text) for r in records for d in r.relative_dates
    }
    harms = {(h["article_id"], h["id"], h["outcome"], h["weapon"]) for h in read("harms")}
    assert harms == {(r.id, h.id, h.outcome, h.weapon) for r in records for h in r.harms}
    ages = {(a["article_id"], a["id"], a["low"], a["high"], a["text"]) for a in read("ages")}
    assert ages == {(r.id, a.id, a.low, a.high, a.text) for r in records for a in r.ages}


def test_ages_and_harms_are_exported_as_the_records_say(tmp_path: Path) -> None:
    rows = [
        {
            "id": "vise",
            "published": "2019-01-21",
            "text": "Roger, 50 ans, a été tué par un camion samedi à Visé, lors d'un blocage "
            "de gilets jaunes. Le chauffeur, âgé de 35 ans, a été entendu par la police.",
        },
        {
            "id": "marche",
            "text": "Antonio, 42 ans, organisateur de la marche, lui-même blessé par une "
            "grenade GLI-F4, a pris la parole devant le cortège.",
        },
    ]
    db = f"sqlite:///{tmp_path / 'harms.db'}"
    recoupe("ingest", "--db", db, "--workers", "1", str(write_jsonl(tmp_path / "b.jsonl", rows)))
    recoupe("export", str(tmp_path / "jsonl"), "--db", db, "--format", "jsonl")
    recoupe("export", str(tmp_path / "tables"), "--db", db, "--format", "parquet")
    stored = [ArticleRecord.model_validate(r) for r in parts(tmp_path / "jsonl")]
    assert all(r.ages and r.harms for r in stored)
    holds_the_records(tmp_path / "tables", stored)


def test_an_export_of_nothing_has_every_table_and_never_mixes_runs(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    recoupe("export", str(tmp_path / "tables"), "--db", db)
    assert {p.name for p in (tmp_path / "tables").iterdir()} == set(TABLES)
    assert all(pq.read_table(tmp_path / "tables" / t).num_rows == 0 for t in TABLES)
    again = recoupe("export", str(tmp_path / "tables"), "--db", db, check=False)
    assert again.returncode == 2 and "not empty" in again.stderr


def test_a_planned_run_refuses_inputs_that_changed(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    recoupe("analyze", str(inputs), "--out", str(out), "--workers", "1")
    assert len(parts(out)) == 1
    (inputs / "b.txt").write_text("Un autre article, arrivé après le plan.", encoding="utf-8")
    again = recoupe("analyze", str(inputs), "--out", str(out), "--workers", "1", check=False)
    assert again.returncode == 2 and "inputs changed" in again.stderr
    assert len(parts(out)) == 1


@pytest.mark.parametrize("named_by", ["option", "environment"])
def test_a_cluster_that_cannot_be_reached_is_one_line(named_by: str, tmp_path: Path) -> None:
    address = "127.0.0.1:9"
    option = ["--ray-address", address] if named_by == "option" else []
    env = {"RAY_ADDRESS": address} if named_by == "environment" else {}
    done = recoupe("analyze", str(tmp_path), "--executor", "ray", *option, check=False, env=env)
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("error: executor ray:") and address in last


def test_parquet_needs_a_folder() -> None:
    done = recoupe("analyze", "-", "--format", "parquet", check=False)
    assert done.returncode == 2 and "--out" in done.stderr
