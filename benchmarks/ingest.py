"""Ingestion throughput against `analyze` alone on the same articles, in one run, and the
time to rebuild every story and claim of a database.

    python benchmarks/ingest.py [--corpus PATH] [--limit 300] [--rounds 2] [--rebuild-db URL]

Ingestion stores each article in its own transaction and keeps stories and claims up to
date; the target is >= 0.8 of `analyze` alone. Rounds alternate the two, each ingestion
into a fresh SQLite file; the best round of each is kept. With --rebuild-db (a database
already filled, the whole corpus say), it also times `rebuild_stories` on it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from pathlib import Path

from sqlalchemy.orm import Session

from recoupe.analyze import Failure, Options, analyze_stream
from recoupe.ingest import Ingestion
from recoupe.read import RawDoc
from recoupe.store import open_database
from recoupe.stories.upkeep import rebuild_stories

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "fr-news.jsonl.gz"


def load_docs(path: Path, limit: int) -> list[RawDoc]:
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            if row.get("text"):
                docs.append(
                    RawDoc(
                        name=row["id"],
                        content=row["text"],
                        is_html=False,
                        id=row["id"],
                        title=row.get("title"),
                        url=row.get("url"),
                        outlet=row.get("outlet"),
                        published=row.get("published"),
                    )
                )
            if len(docs) == limit:
                break
    return docs


def analyze_rate(docs: list[RawDoc]) -> float:
    started = time.perf_counter()
    results = list(analyze_stream(docs, Options()))
    if any(isinstance(r, Failure) for r in results):
        raise SystemExit("a document failed")
    return len(results) / (time.perf_counter() - started)


def ingest_rate(docs: list[RawDoc]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        started = time.perf_counter()
        outcomes = [done.outcome for done in Ingestion(engine).run(docs)]
        elapsed = time.perf_counter() - started
        engine.dispose()
    if set(outcomes) != {"stored"}:
        raise SystemExit(f"unexpected outcomes: {set(outcomes)}")
    return len(outcomes) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--rebuild-db", help="a filled database to time a full rebuild on")
    args = parser.parse_args()

    docs = load_docs(args.corpus, args.limit)
    analyze_rate(docs[:5])  # load the model and lexicons outside the timing
    best = {"analyze": 0.0, "ingest": 0.0}
    for round_number in range(1, args.rounds + 1):
        for name, run in (("analyze", analyze_rate), ("ingest", ingest_rate)):
            rate = run(docs)
            best[name] = max(best[name], rate)
            print(f"round {round_number}: {name:8s} {rate:6.2f} articles/s")
    print(f"articles: {len(docs)}")
    print(f"ingest / analyze: {best['ingest'] / best['analyze']:.2f} (target >= 0.8)")
    if args.rebuild_db:
        engine = open_database(args.rebuild_db)
        started = time.perf_counter()
        with Session(engine) as session, session.begin():
            stories = rebuild_stories(session)
        print(f"rebuild: {stories} stories in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
