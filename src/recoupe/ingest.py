"""`recoupe ingest`: analyse articles and store them, each in its own transaction, with
its story and the story's claims brought up to date in that same transaction.

Idempotent and resumable: an article whose identity and content are already stored is
skipped before analysis; an updated version replaces the old one; killed at any point, a
rerun continues after the last committed article and ends with the same database.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from recoupe.analyze import Failure, Options, analyze_stream
from recoupe.read.inputs import RawDoc, ReadError
from recoupe.record import ArticleRecord
from recoupe.store.records import identities, linked_ids, remove_article, store_record
from recoupe.store.schema import ArticleRow
from recoupe.stories.features import ArticleFeatures, features_of, minhash_bytes, reported_day
from recoupe.stories.upkeep import load_index, refresh_story, replace_story

Outcome = Literal["stored", "replaced", "skipped", "failed"]


@dataclass(frozen=True)
class Ingested:
    name: str
    outcome: Outcome
    story_id: str | None = None
    message: str | None = None  # why it failed, or why it was skipped


def identity_of(raw: RawDoc) -> str:
    """What makes two versions the same document: its id, else its URL, else its path."""
    return raw.id or raw.url or raw.path or content_hash(raw)


def content_hash(raw: RawDoc) -> str:
    digest = hashlib.sha1()
    content = raw.content if isinstance(raw.content, bytes) else raw.content.encode()
    for part in (content, *(str(x).encode() for x in (raw.title, raw.published, raw.url))):
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()


class Ingestion:
    """One ingestion run over a database."""

    def __init__(self, engine: Engine, options: Options | None = None) -> None:
        self.engine = engine
        self.options = options or Options()
        with Session(engine) as session:
            self.known = identities(session)
            self.index = load_index(session)

    def run(self, items: Iterable[RawDoc | ReadError]) -> Iterator[Ingested]:
        """Store each item, in input order, and say what became of it."""
        pending: deque[RawDoc | ReadError] = deque()
        skipped: deque[Ingested] = deque()

        def to_analyse() -> Iterator[RawDoc | ReadError]:
            for item in items:
                if isinstance(item, RawDoc) and self.unchanged(item):
                    skipped.append(Ingested(item.name, "skipped"))
                else:
                    pending.append(item)
                    yield item

        for result in analyze_stream(to_analyse(), self.options):
            yield from drain(skipped)
            item = pending.popleft()
            if isinstance(result, Failure):
                yield Ingested(result.name, "failed", message=result.message)
            elif isinstance(item, RawDoc):
                yield self.store_new(item, result)
        yield from drain(skipped)

    def unchanged(self, raw: RawDoc) -> bool:
        known = self.known.get(identity_of(raw))
        return known is not None and known[0] == content_hash(raw)

    def store_new(self, raw: RawDoc, record: ArticleRecord) -> Ingested:
        """Store the record unless the same article came in under another name (a copy of a
        file, the same text without an id): one article is stored once."""
        identity = identity_of(raw)
        with Session(self.engine) as session:
            stored = session.get(ArticleRow, record.id)
            twin = stored.identity if stored is not None else None
        if twin is not None and twin != identity:
            return Ingested(raw.name, "skipped", message=f"same article as {twin}, stored once")
        return self.store(raw, record)

    def store(self, raw: RawDoc, record: ArticleRecord) -> Ingested:
        identity, digest = identity_of(raw), content_hash(raw)
        replaced = identity in self.known
        features = features_of(record, linked_ids(record))
        with Session(self.engine) as session, session.begin():
            if replaced:
                self.forget(session, self.known[identity][1])
            decision = self.index.decide(features)
            replace_story(session, decision)
            row = article_row(session, record, identity, digest, features)
            row.story_id = decision.story_id
            store_record(session, row, record)
            session.flush()
            refresh_story(session, decision.story_id)
        self.index.add(features, decision)
        self.known[identity] = (digest, record.id)
        return Ingested(raw.name, "replaced" if replaced else "stored", decision.story_id)

    def forget(self, session: Session, article_id: str) -> None:
        old = session.get(ArticleRow, article_id)
        if old is None:
            return
        story = self.index.remove(old.id)
        remove_article(session, old)
        if story is not None:
            refresh_story(session, story)


def drain(queue: deque[Ingested]) -> Iterator[Ingested]:
    while queue:
        yield queue.popleft()


def article_row(
    session: Session,
    record: ArticleRecord,
    identity: str,
    digest: str,
    features: ArticleFeatures,
) -> ArticleRow:
    last = session.scalar(select(func.max(ArticleRow.seq)))
    return ArticleRow(
        id=record.id,
        identity=identity,
        content_hash=digest,
        seq=(last or 0) + 1,
        outlet=record.source.outlet,
        url=record.source.url,
        path=record.source.path,
        title=record.title,
        language=record.language,
        published=record.published,
        day=reported_day(record),
        text=record.text,
        record=record.model_dump(mode="json"),
        minhash=minhash_bytes(features.minhash),
    )
