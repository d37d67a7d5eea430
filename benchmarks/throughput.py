"""Throughput of `analyze` against bare spaCy parsing of the same articles, in one run.

    python benchmarks/throughput.py [--corpus PATH] [--limit 500] [--rounds 2]

Prints documents/s of each, their ratio (the extractors may not cost more than the parse:
target >= 0.7) and the peak resident memory. Rounds alternate the two so that a noisy
machine penalises both alike; the best round of each is kept.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from collections.abc import Callable
from pathlib import Path

from recoupe import nlp
from recoupe.analyze import Failure, Options, analyze_stream
from recoupe.read import RawDoc

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "fr-news.jsonl.gz"


def load_articles(path: Path, limit: int) -> list[dict[str, str]]:
    articles = []
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            article = json.loads(line)
            if article.get("text"):
                articles.append(article)
            if len(articles) == limit:
                break
    return articles


def bare_spacy(articles: list[dict[str, str]]) -> int:
    return sum(1 for _ in nlp.pipe((a["text"] for a in articles), "fr"))


def recoupe_analyze(articles: list[dict[str, str]]) -> int:
    raws = [
        RawDoc(name=a["id"], content=a["text"], is_html=False, id=a["id"], title=a.get("title"))
        for a in articles
    ]
    results = list(analyze_stream(raws, Options(language="fr")))
    failures = [r for r in results if isinstance(r, Failure)]
    if failures:
        raise SystemExit(f"{len(failures)} documents failed, first: {failures[0]}")
    return len(results)


def docs_per_second(
    run: Callable[[list[dict[str, str]]], int], articles: list[dict[str, str]]
) -> float:
    started = time.perf_counter()
    done = run(articles)
    return done / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    articles = load_articles(args.corpus, args.limit)
    words = sum(len(a["text"].split()) for a in articles)
    nlp.load("fr")
    recoupe_analyze(articles[:5])  # load lexicons and gazetteers outside the timing
    best = {"spacy": 0.0, "analyze": 0.0}
    for round_number in range(1, args.rounds + 1):
        for name, run in (("spacy", bare_spacy), ("analyze", recoupe_analyze)):
            rate = docs_per_second(run, articles)
            best[name] = max(best[name], rate)
            print(f"round {round_number}: {name:8s} {rate:6.2f} docs/s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)} ({words} words)")
    print(f"bare spaCy nlp.pipe: {best['spacy']:6.2f} docs/s")
    print(f"recoupe analyze:     {best['analyze']:6.2f} docs/s")
    print(f"ratio analyze/spaCy: {best['analyze'] / best['spacy']:.3f}  (target >= 0.7)")
    print(f"peak memory:         {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
