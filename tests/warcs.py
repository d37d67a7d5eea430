"""WARC files for the tests, written with warcio's own writer."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import SHARED

HTML_CORPUS = SHARED / "corpora" / "html"
CRAWL_DATE = "2024-05-01T10:00:00Z"


@dataclass(frozen=True)
class Response:
    url: str | None
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str = CRAWL_DATE
    truncated: str | None = None  # why the crawler cut the page short, if it did


def write_warc(path: Path, responses: list[Response], requests: bool = False) -> Path:
    """One response record for each; with `requests`, a request record before each (as
    crawlers write them), which readers must pass over."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        for response in responses:
            if requests and response.url:
                request = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
                )
                writer.write_record(
                    writer.create_warc_record(response.url, "request", http_headers=request)
                )
            headers = StatusAndHeaders(
                response.status, [("Content-Type", response.content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                response.url,
                "response",
                payload=BytesIO(response.body),
                http_headers=headers,
                warc_headers_dict={
                    "WARC-Date": response.date,
                    **({"WARC-Truncated": response.truncated} if response.truncated else {}),
                },
            )
            writer.write_record(record)
    return path


@dataclass(frozen=True)
class Page:
    path: Path
    language: str
    response: Response


def corpus_pages() -> list[Page]:
    """Every page of the HTML corpus, with the URL its manifest gives (a made-up one where
    it gives none), in the order of the file names."""
    pages = []
    for line in (HTML_CORPUS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        path = HTML_CORPUS / entry["file"]
        url = entry["url"] or f"https://pages.example.org/{entry['id']}"
        response = Response(url, gzip.decompress(path.read_bytes()))
        pages.append(Page(path, entry["lang"], response))
    return sorted(pages, key=lambda page: page.path.name)
