"""A real recoupe server for the API and browser tests: `recoupe serve` started on a free
loopback port over a database holding the demo story and a hostile article, stopped after."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from db import empty_postgresql

TOKEN = "test-token-not-secret"
START_SECONDS = 60

# An article written to attack the pages that show it: markup in its text, title, outlet
# and URL, which must all come out as text.
HOSTILE = {
    "id": "hostile",
    "title": 'Alerte <img src=x onerror="window.pwned=1"> à Lyon',
    "outlet": '<b onmouseover="window.pwned=2">Le Canard</b>',
    "url": "javascript:window.pwned=3",
    "published": "2026-03-05",
    "text": (
        "Le militant Paul Martin a écrit « <script>window.pwned=4</script> » sur le mur "
        "de la mairie de Lyon, a indiqué la police.\n\n"
        'Selon la préfecture, 300 personnes ont manifesté <a href="javascript:window.pwned=5">'
        "ici</a> mardi.\n\n"
        '« Nous ne céderons pas <img src=x onerror="window.pwned=6"> », a déclaré Paul Martin.'
    ),
}


@dataclass(frozen=True)
class Server:
    url: str
    db_url: str

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def recoupe(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "recoupe", *args], check=True, capture_output=True)


def start_server(db_url: str, folder: Path) -> Iterator[Server]:
    """A server over the demo story and the hostile article, taking TOKEN."""
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    recoupe("demo", "--db", db_url)  # stores the sample story with its outlets
    recoupe("ingest", "--db", db_url, str(hostile))
    yield from serve(db_url, folder, {"RECOUPE_API_TOKEN": TOKEN})


def serve(db_url: str, folder: Path, env: dict[str, str], *options: str) -> Iterator[Server]:
    """`recoupe serve` over db_url with these environment variables and options."""
    port = free_port()
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "recoupe", "serve", "--db", db_url, "--port", str(port), *options],
        env={**{k: v for k, v in os.environ.items() if k != "RECOUPE_API_TOKEN"}, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(f"http://127.0.0.1:{port}", db_url)
    try:
        wait_until_up(server, process)
        yield server
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def wait_until_up(server: Server, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"recoupe serve exited with {process.returncode}")
        try:
            if httpx.get(f"{server.url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"recoupe serve did not answer within {START_SECONDS} s")


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("server")
    yield from start_server(f"sqlite:///{folder / 'recoupe.db'}", folder)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The server over each backend: the SQLite one is shared with the browser tests."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_server")
        return
    url = os.environ.get("RECOUPE_TEST_PG")
    if not url:
        pytest.skip("RECOUPE_TEST_PG is not set (.ci/run starts a PostgreSQL server)")
    empty_postgresql(url)
    yield from start_server(url, tmp_path_factory.mktemp("pg-server"))
    empty_postgresql(url)
