"""A load check of the web pages: concurrent clients on loopback ask for story and article
pages for a bounded time; it prints requests per second, latency percentiles and errors.

    python benchmarks/load.py [--url http://127.0.0.1:8000] [--db URL] [--clients 50]
                              [--seconds 30]

Without --url it starts `recoupe serve` on a free loopback port over --db, or over a
temporary database holding the demo story, and stops it after. The target is zero errors.
The figures are the machine's of the moment: compare runs made on one machine, side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

START_SECONDS = 120
PAGES_OF_EACH_KIND = 50


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(db_url: str | None) -> Iterator[str]:
    """A `recoupe serve` of its own over db_url, or over a new database with the demo story."""
    with tempfile.TemporaryDirectory() as folder:
        if db_url is None:
            db_url = f"sqlite:///{Path(folder) / 'load.db'}"
            command = [sys.executable, "-m", "recoupe", "demo", "--db", db_url]
            subprocess.run(command, check=True, capture_output=True)
        port = free_port()
        command = [sys.executable, "-m", "recoupe", "serve", "--db", db_url, "--port", str(port)]
        server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit(f"no server answered at {url}")


def pages_to_ask(url: str) -> list[tuple[str, str]]:
    """(kind, path) of the latest stories' pages and of their articles' pages."""
    with httpx.Client(base_url=url, timeout=60) as client:
        stories = client.get("/api/stories", params={"per_page": PAGES_OF_EACH_KIND}).json()
        articles = client.get("/api/articles", params={"per_page": PAGES_OF_EACH_KIND}).json()
    pages = [("story", f"/stories/{s['id']}") for s in stories["items"]]
    pages += [("article", f"/articles/{a['id']}") for a in articles["items"]]
    if not pages:
        raise SystemExit("the database holds no story: ingest articles first")
    return pages


async def client_loop(
    client: httpx.AsyncClient,
    pages: Iterator[tuple[str, str]],
    until: float,
    latencies: dict[str, list[float]],
    errors: Counter[str],
) -> None:
    while time.monotonic() < until:
        kind, path = next(pages)
        started = time.perf_counter()
        try:
            response = await client.get(path)
            if response.status_code != 200:
                errors[f"{kind}: HTTP {response.status_code}"] += 1
                continue
        except httpx.HTTPError as error:
            errors[f"{kind}: {type(error).__name__}"] += 1
            continue
        latencies[kind].append(time.perf_counter() - started)


async def load(url: str, clients: int, seconds: float) -> None:
    pages = pages_to_ask(url)
    latencies: dict[str, list[float]] = {"story": [], "article": []}
    errors: Counter[str] = Counter()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        started = time.monotonic()
        until = started + seconds
        # Each client walks the pages from its own starting point.
        walks = [itertools.cycle(pages[n % len(pages) :] + pages) for n in range(clients)]
        await asyncio.gather(*(client_loop(client, w, until, latencies, errors) for w in walks))
        elapsed = time.monotonic() - started
    report(latencies, errors, clients, elapsed, len(pages))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def report(
    latencies: dict[str, list[float]],
    errors: Counter[str],
    clients: int,
    elapsed: float,
    pages: int,
) -> None:
    every = [t for times in latencies.values() for t in times]
    done = len(every) + sum(errors.values())
    print(f"{clients} clients for {elapsed:.1f} s over {pages} pages")
    print(f"requests {done}  ·  {done / elapsed:.1f} requests/s  ·  errors {sum(errors.values())}")
    for kind, times in [("all", every), *latencies.items()]:
        print(
            f"  {kind:8s} n {len(times):6d}  p50 {percentile(times, 0.5) * 1000:7.1f} ms"
            f"  p99 {percentile(times, 0.99) * 1000:7.1f} ms"
        )
    for what, count in errors.most_common():
        print(f"  error: {what} ×{count}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a server already running (default: start one)")
    parser.add_argument("--db", help="database for the server this starts (default: demo)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    if args.url:
        asyncio.run(load(args.url, args.clients, args.seconds))
        return
    with served(args.db) as url:
        asyncio.run(load(url, args.clients, args.seconds))


if __name__ == "__main__":
    main()
