"""Turn command-line inputs into raw documents, one per article.

A reader never decides what a document means: it only says where the bytes come from and
which metadata the input gave. Problems that concern one document (a broken JSONL line, an
unreadable file) are yielded as `ReadError` so that the batch goes on.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from recoupe.read.raw import MAX_DOCUMENT_BYTES, RawDoc, ReadError, ReadItem, too_large
from recoupe.read.warc import WARC_SUFFIXES, read_warc

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
METADATA_FIELDS = ("title", "url", "outlet", "published", "language")


def read_inputs(inputs: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[ReadItem]:
    """Yield a RawDoc or a ReadError for every article named by `inputs` (paths or "-")."""
    for spec in inputs:
        if spec == "-":
            yield from read_stream(stdin or sys.stdin.buffer, "<stdin>")
            continue
        for path in input_files(spec):
            yield from read_file(path) if isinstance(path, Path) else [path]


def input_files(spec: str) -> Iterator[Path | ReadError]:
    """The files a path names: itself, or the supported files under a directory, sorted."""
    path = Path(spec)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and is_supported(p))
    elif path.exists():
        yield path
    else:
        yield ReadError(spec, "no such file or directory")


def is_supported(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    known = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
    return bool(suffixes) and suffixes[-1] in known


def read_file(path: Path) -> Iterator[ReadItem]:
    name = str(path)
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    kind = suffixes[-2] if compressed and len(suffixes) == 2 else (suffixes or [""])[-1]
    if kind in WARC_SUFFIXES:
        yield from read_warc(path)
        return
    try:
        if kind in JSONL_SUFFIXES:
            opener = gzip.open if compressed else open
            with opener(path, "rb") as stream:
                yield from read_jsonl(stream, name)
            return
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES and not compressed:
            yield ReadError(name, too_large(size))
            return
        data = read_bytes(path, compressed)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        yield ReadError(name, f"cannot read: {error}")
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield ReadError(name, too_large(len(data)))
        return
    is_html = kind in HTML_SUFFIXES or (kind not in TEXT_SUFFIXES and looks_like_html(data))
    yield RawDoc(name=name, content=data, is_html=is_html, path=name)


def read_bytes(path: Path, compressed: bool) -> bytes:
    if not compressed:
        return path.read_bytes()
    with gzip.open(path, "rb") as stream:
        return stream.read(MAX_DOCUMENT_BYTES + 1)


def looks_like_html(data: bytes | str) -> bool:
    head = data[:2048].lstrip().lower()
    if isinstance(head, bytes):
        head = head.decode("ascii", errors="ignore")
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def read_stream(stream: IO[bytes], name: str) -> Iterator[ReadItem]:
    """Standard input: JSONL when it starts with an object, else one plain-text article."""
    first = stream.read(1)
    while first and first.isspace():
        first = stream.read(1)
    if first == b"{":
        yield from read_jsonl(prepend(first, stream), name)
        return
    data = first + stream.read(MAX_DOCUMENT_BYTES)
    if len(data) > MAX_DOCUMENT_BYTES:
        yield ReadError(name, too_large(len(data)))
        return
    yield RawDoc(name=name, content=data, is_html=looks_like_html(data))


def prepend(first: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    rest = stream.readline()
    yield first + rest
    yield from stream


def read_jsonl(lines: Iterable[bytes], name: str) -> Iterator[ReadItem]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        if len(line) > MAX_DOCUMENT_BYTES:
            yield ReadError(where, too_large(len(line)))
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            yield ReadError(where, f"broken JSON line ({error.__class__.__name__}: {error})")
            continue
        yield from jsonl_document(obj, where, name)


def jsonl_document(obj: Any, where: str, path: str) -> Iterator[ReadItem]:
    if not isinstance(obj, dict):
        yield ReadError(where, "a JSONL line must be an object with 'text' or 'html'")
        return
    doc_id = obj.get("id")
    label = f"{where} (id {doc_id})" if doc_id is not None else where
    html, text = obj.get("html"), obj.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str):
        yield ReadError(label, "no 'text' or 'html' string in this line")
        return
    meta = {key: str(obj[key]) for key in METADATA_FIELDS if obj.get(key) not in (None, "")}
    yield RawDoc(
        name=label,
        content=content,
        is_html=content is html,
        id=str(doc_id) if doc_id is not None else None,
        path=None if path == "<stdin>" else path,
        **meta,
    )
