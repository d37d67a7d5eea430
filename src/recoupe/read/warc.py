"""WARC files (web archives, as crawlers such as Common Crawl write them): each HTML
response becomes a raw document, read as a stream so that memory stays flat however large
the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from recoupe.read.raw import MAX_DOCUMENT_BYTES, RawDoc, ReadError, ReadItem, too_large

WARC_SUFFIXES = {".warc"}


def read_warc(path: Path) -> Iterator[ReadItem]:
    """One RawDoc per successful HTML response; a broken file ends with one ReadError that
    says where, after the documents read before the damage."""
    name = str(path)
    last, end = "its start", 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                content = read_payload(record) if is_html_response(record) else None
                records.read_to_end(record)  # what the body reader left, in chunks
                if record.raw_stream.limit > 0:
                    # warcio ends a cut file quietly, mid-record: say so, keep nothing of it.
                    raise EOFError(f"{record.raw_stream.limit} bytes missing from a record")
                offset = records.get_record_offset()
                end = offset + records.get_record_length()
                last = f"the record at byte {offset}"
                if content is not None:
                    yield document(record, content, f"{name}@{offset}", name)
            # warcio also stops quietly at a cut compressed record: whatever follows the
            # last record it read, but the blank lines that close a record, is damage.
            stream.seek(end)
            if stream.read(64).strip():
                raise EOFError(f"unreadable bytes from byte {end} on")
    # warcio meets damage in many ways (some as plain AttributeError on a missing header):
    # whatever it raises ends this file only.
    except Exception as error:
        yield ReadError(name, f"broken WARC file after {last}: {' '.join(str(error).split())}")


def is_html_response(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    # 206 is a part of a page; other 2xx answers carry the page whole.
    return (
        status.startswith("2") and status != "206" and ("html" in content_type or not content_type)
    )


def read_payload(record: ArcWarcRecord) -> bytes:
    """The HTTP body, decoded from its transfer and content encodings, up to one byte past
    the size limit, so that a larger one can be refused without being held."""
    content: bytes = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    return content


def document(record: ArcWarcRecord, content: bytes, where: str, path: str) -> ReadItem:
    url = record.rec_headers.get_header("WARC-Target-URI")
    label = f"{where} ({url})" if url else where
    truncated = record.rec_headers.get_header("WARC-Truncated")
    if truncated:
        # The crawler kept only the start of the page (Common Crawl stops at 1 MiB).
        return ReadError(label, f"page cut short by the crawler (WARC-Truncated: {truncated})")
    if len(content) > MAX_DOCUMENT_BYTES:
        return ReadError(label, too_large(len(content)))
    return RawDoc(
        name=label,
        content=content,
        is_html=True,
        path=path,
        crawl_url=url,
        crawl_date=record.rec_headers.get_header("WARC-Date"),
    )
