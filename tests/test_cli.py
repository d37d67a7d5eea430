"""The command line as a user runs it: real files, real model, real exit codes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from conftest import SEED
from recoupe.read import MAX_DOCUMENT_BYTES


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "recoupe", *args], input=stdin, capture_output=True, check=False
    )


def records(proc: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]


def error_lines(proc: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [line for line in proc.stderr.decode().splitlines() if line.startswith("error: ")]


FRENCH = (
    "Le gouvernement a présenté mercredi son projet de loi sur l'énergie. Le ministre a "
    "défendu devant les députés une réforme qui doit entrer en vigueur l'an prochain."
)


def test_seed_through_the_cli() -> None:
    proc = run("analyze", "--published", "2025-02-11", str(SEED))
    assert proc.returncode == 0, proc.stderr.decode()
    (record,) = records(proc)
    assert record["title"] == (
        "Elon Musk propose 97 milliards de dollars pour racheter OpenAI, Sam Altman décline l’offre"
    )
    assert record["published"] == "2025-02-11"


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.html"
    binary.write_bytes(bytes(range(256)) * 64)
    english = tmp_path / "english.txt"
    english.write_text(
        "The government presented its energy bill on Wednesday. The minister defended "
        "before members of parliament a reform that is due to take effect next year.",
        encoding="utf-8",
    )
    truncated = tmp_path / "truncated.html"
    truncated.write_text(
        f"<html><head><title>Réforme</title></head><body><article><p>{FRENCH}</p><p>Le te",
        encoding="utf-8",
    )
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(("Dépêche : " + FRENCH).encode("cp1252"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(MAX_DOCUMENT_BYTES * 5)
    lines = tmp_path / "lines.jsonl.gz"
    with gzip.open(lines, "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "ok-1", "text": FRENCH}) + "\n")
        stream.write('{"id": "broken", "text": "Le gouv\n')
        stream.write(json.dumps({"id": "ok-2", "text": FRENCH, "published": "2024-03-01"}) + "\n")

    proc = run("analyze", str(tmp_path))
    assert proc.returncode == 1
    got = {str(r["id"]) for r in records(proc)}
    assert {"ok-1", "ok-2"} <= got
    assert len(got) == 5  # good, latin1, truncated html, and the two good JSONL lines
    errors = error_lines(proc)
    assert len(errors) == 5, errors
    text = "\n".join(errors)
    for name in ("empty.txt", "binary.html", "english.txt", "huge.txt", "lines.jsonl.gz:2"):
        assert name in text
    assert "unsupported language 'en'" in text
    assert "too large" in text


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    proc = run("analyze", str(path))
    assert proc.returncode == 0
    (record,) = records(proc)
    assert "présenté" in str(record["text"])


def test_stdin_plain_text_and_jsonl() -> None:
    proc = run("analyze", "-", stdin=FRENCH.encode())
    assert proc.returncode == 0
    assert len(records(proc)) == 1
    lines = "".join(json.dumps({"id": f"d{i}", "text": FRENCH}) + "\n" for i in range(3))
    proc = run("analyze", "-", stdin=lines.encode())
    assert [r["id"] for r in records(proc)] == ["d0", "d1", "d2"]


def test_missing_file_and_bad_date() -> None:
    proc = run("analyze", "no-such-file.txt")
    assert proc.returncode == 1
    assert error_lines(proc) == ["error: no-such-file.txt: no such file or directory"]
    proc = run("analyze", "--published", "not-a-date", str(SEED))
    assert proc.returncode == 2


def test_json_and_pretty_formats() -> None:
    proc = run("analyze", "--format", "json", str(SEED))
    parsed = json.loads(proc.stdout)
    assert isinstance(parsed, list) and len(parsed) == 1
    proc = run("analyze", "--format", "pretty", str(SEED))
    assert "Elon Musk" in proc.stdout.decode()


def test_demo_runs() -> None:
    proc = run("demo")
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "Valrhône" in out
    assert "Disputed" in out and "540 000 000 EUR" in out and "Ludovic Perreault" in out


def test_schema_is_the_record() -> None:
    proc = run("schema")
    schema = json.loads(proc.stdout)
    assert schema["title"] == "ArticleRecord"
    assert {"entities", "amounts", "counts", "dates", "quotes", "events"} <= set(
        schema["properties"]
    )


def test_a_database_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    missing = f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'x.db'}"
    for command in (["stories"], ["rebuild"], ["serve", "--port", "1"], ["ingest", str(SEED)]):
        proc = run(*command, "--db", missing)
        assert proc.returncode == 2, command
        (line,) = proc.stderr.decode().strip().splitlines()
        assert line.startswith("error: database sqlite:///") and "unable to open" in line
