"""Selecting documents by the host of their URL, as a user picks French news sites out of a
general crawl. A host in a list stands for itself and its subdomains (`lemonde.fr` keeps
`www.lemonde.fr`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from recoupe.read.raw import RawDoc, ReadItem


@dataclass(frozen=True)
class HostSelection:
    keep: frozenset[str] | None = None  # None: every host not excluded
    exclude: frozenset[str] = frozenset()

    def admits(self, doc: RawDoc) -> bool:
        host = host_of(doc.url or doc.crawl_url)
        if host is None:
            return self.keep is None
        if matches(host, self.exclude):
            return False
        return self.keep is None or matches(host, self.keep)

    def select(self, items: Iterable[ReadItem]) -> Iterator[ReadItem]:
        """The items it admits; read errors always pass, so that they are reported."""
        for item in items:
            if not isinstance(item, RawDoc) or self.admits(item):
                yield item


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.rstrip(".") if host else None


def matches(host: str, listed: frozenset[str]) -> bool:
    parts = host.split(".")
    return any(".".join(parts[i:]) in listed for i in range(len(parts)))


def read_host_list(path: Path) -> frozenset[str]:
    """One host per line; blank lines and `#` comments are ignored; case does not matter."""
    hosts = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            hosts.add(host_of(entry if "//" in entry else f"//{entry}") or entry)
    return frozenset(hosts)
