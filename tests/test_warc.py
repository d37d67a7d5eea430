"""Reading WARC files: HTML responses only, the crawl's URL and date kept, damaged files
reported after what could be read; choosing documents by host."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from recoupe.read import HostSelection, RawDoc, ReadError, read_host_list, read_inputs
from warcs import CRAWL_DATE, Response, write_warc

PAGE = b"<html><head><title>Un titre</title></head><body><p>Bonjour.</p></body></html>"


def mixed_responses() -> list[Response]:
    return [
        Response("https://www.lemonde.fr/a.html", PAGE),
        Response("https://www.lemonde.fr/logo.png", b"\x89PNG...", content_type="image/png"),
        Response("https://www.lemonde.fr/absent", b"<html>404</html>", status="404 Not Found"),
        Response("https://www.liberation.fr/b.html", PAGE.replace(b"Bonjour", b"Salut")),
        Response(
            "https://example.com/c", PAGE, content_type="text/html", date="2023-01-02T03:04:05Z"
        ),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_documents_with_the_crawl_url_and_date(
    tmp_path: Path, name: str
) -> None:
    path = write_warc(tmp_path / name, mixed_responses(), requests=True)
    items = list(read_inputs([str(path)]))
    assert all(isinstance(item, RawDoc) for item in items)
    docs = [item for item in items if isinstance(item, RawDoc)]
    assert [doc.crawl_url for doc in docs] == [
        "https://www.lemonde.fr/a.html",
        "https://www.liberation.fr/b.html",
        "https://example.com/c",
    ]
    assert [doc.crawl_date for doc in docs] == [CRAWL_DATE, CRAWL_DATE, "2023-01-02T03:04:05Z"]
    assert docs[1].content == PAGE.replace(b"Bonjour", b"Salut")
    assert all(doc.is_html and doc.path == str(path) and doc.url is None for doc in docs)
    # Each document is named by its file and offset, so an error says where to look.
    assert docs[0].name.startswith(f"{path}@") and docs[0].name.endswith(
        "(https://www.lemonde.fr/a.html)"
    )
    assert len({doc.name for doc in docs}) == 3


def test_partial_pages_are_not_taken_for_whole_ones(tmp_path: Path) -> None:
    responses = [
        Response("https://www.lemonde.fr/a.html", PAGE, status="206 Partial Content"),
        Response("https://www.lemonde.fr/b.html", PAGE, truncated="length"),
        Response("https://www.lemonde.fr/c.html", PAGE),
    ]
    items = list(read_inputs([str(write_warc(tmp_path / "crawl.warc.gz", responses))]))
    assert len(items) == 2
    assert isinstance(items[0], ReadError) and "b.html" in items[0].name
    assert items[0].message == "page cut short by the crawler (WARC-Truncated: length)"
    assert isinstance(items[1], RawDoc) and items[1].crawl_url == "https://www.lemonde.fr/c.html"


def test_a_cut_file_gives_what_came_before_and_one_error(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", mixed_responses() * 20)
    complete = [item for item in read_inputs([str(whole)]) if isinstance(item, RawDoc)]
    cut = tmp_path / "cut.warc.gz"
    # Past the middle, inside a record (the middle itself falls between two records here,
    # and a file cut between records is a well-formed, shorter archive).
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2 + 25])
    items = list(read_inputs([str(cut)]))
    *docs, last = items
    assert isinstance(last, ReadError) and last.name == str(cut)
    assert "broken WARC file" in last.message
    assert 0 < len(docs) < len(complete)
    assert [d.content for d in docs] == [d.content for d in complete[: len(docs)]]


def test_garbage_and_an_empty_file_do_not_stop_the_next_input(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(gzip.compress(b"this is not a web archive\r\n\r\n" * 10))
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    good = write_warc(tmp_path / "good.warc", mixed_responses()[:1])
    items = list(read_inputs([str(garbage), str(empty), str(good)]))
    assert isinstance(items[0], ReadError) and items[0].name == str(garbage)
    assert isinstance(items[-1], RawDoc) and items[-1].crawl_url == "https://www.lemonde.fr/a.html"
    assert len(items) == 2  # an empty archive holds no document and is no error


def test_a_folder_of_archives_is_read_in_name_order(tmp_path: Path) -> None:
    write_warc(tmp_path / "b.warc.gz", mixed_responses()[3:4])
    write_warc(tmp_path / "a.warc", mixed_responses()[:1])
    (tmp_path / "notes.md").write_text("not an input")
    docs = list(read_inputs([str(tmp_path)]))
    assert [d.crawl_url for d in docs if isinstance(d, RawDoc)] == [
        "https://www.lemonde.fr/a.html",
        "https://www.liberation.fr/b.html",
    ]


def test_hosts_are_kept_with_their_subdomains(tmp_path: Path) -> None:
    listing = tmp_path / "hosts.txt"
    listing.write_text(
        "# French outlets\nlemonde.fr\nhttps://www.liberation.fr/\n\nLeFigaro.FR  # case\n"
    )
    keep = read_host_list(listing)
    assert keep == {"lemonde.fr", "www.liberation.fr", "lefigaro.fr"}
    selection = HostSelection(keep=keep, exclude=frozenset({"abonnes.lemonde.fr"}))

    def doc(url: str | None, crawl_url: str | None = None) -> RawDoc:
        return RawDoc(name="d", content="x", is_html=True, url=url, crawl_url=crawl_url)

    assert selection.admits(doc(None, "https://www.lemonde.fr/a"))
    assert selection.admits(doc("http://lemonde.fr:8080/b"))
    assert selection.admits(doc("https://madame.lefigaro.fr/c"))
    assert not selection.admits(doc("https://abonnes.lemonde.fr/d"))
    assert not selection.admits(doc("https://liberation.fr/e"))  # only www. was listed
    assert not selection.admits(doc("https://notlemonde.fr/f"))
    assert not selection.admits(doc(None))  # a listed host cannot be checked without a URL
    assert not selection.admits(doc("http://[broken"))
    everything_but = HostSelection(exclude=frozenset({"example.com"}))
    assert everything_but.admits(doc(None)) and not everything_but.admits(
        doc("https://example.com")
    )
    errors = [ReadError("x", "broken")]
    assert list(selection.select(errors)) == errors  # errors are always reported
