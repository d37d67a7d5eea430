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
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from recoupe.analyze import Failure, Options, Skipped, analyze_stream
from recoupe.execute import Executor
from recoupe.read import RawDoc, ReadError
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
    """What makes two versions the same document: its id, else its URL (given, or where the
    crawler fetched it), else the file it is (not the file a JSONL line or a WARC record
    comes from), else its content."""
    whole_file = raw.path if raw.path == raw.name else None
    return raw.id or raw.url or raw.crawl_url or whole_file or content_hash(raw, Options())


def content_hash(raw: RawDoc, options: Options) -> str:
    """Everything the stored record depends on: the content, its metadata, the options."""
    digest = hashlib.sha1()
    content = raw.content if isinstance(raw.content, bytes) else raw.content.encode()
    metadata = (raw.title, raw.published, raw.url, raw.outlet, raw.language)
    # Only when there is one: the digests of documents stored before crawl dates stay valid.
    crawl = (raw.crawl_date,) if raw.crawl_date else ()
    settings = (options.published, options.language)
    for part in (content, *(str(x).encode() for x in (*metadata, *settings, *crawl))):
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()


class Ingestion:
    """One ingestion run over a database."""

    def __init__(
        self, engine: Engine, options: Options | None = None, executor: Executor | None = None
    ) -> None:
        self.engine = engine
        self.options = options or Options()
        self.executor = executor  # where analysis runs; storing stays here, in input order
        with Session(engine) as session:
            self.known = identities(session)
            self.index = load_index(session)

    def in_step(self) -> bool:
        """Whether the database still holds what this run knows of it: no other process has
        stored, replaced or regrouped an article since (a long-lived run, as the web server
        keeps, checks this before each batch rather than reading every record again)."""
        with Session(self.engine) as session:
            rows = session.execute(select(ArticleRow.id, ArticleRow.story_id))
            grouped = {article: story for article, story in rows}
            return grouped == self.index.story_of and identities(session) == self.known

    def run(self, items: Iterable[RawDoc | ReadError]) -> Iterator[Ingested]:
        """Store each item and say what became of it, in input order."""
        # Each input in order: what became of a skipped one, or one waiting for analysis.
        queue: deque[Ingested | RawDoc | ReadError] = deque()

        def to_analyse() -> Iterator[RawDoc | ReadError]:
            for item in items:
                if isinstance(item, RawDoc) and self.unchanged(item):
                    queue.append(Ingested(item.name, "skipped"))
                else:
                    queue.append(item)
                    yield item

        for result in analyze_stream(to_analyse(), self.options, self.executor):
            while isinstance(head := queue[0], Ingested):
                queue.popleft()
                yield head
            item = queue.popleft()
            if isinstance(result, Failure):
                yield Ingested(result.name, "failed", message=result.message)
            elif isinstance(result, Skipped):  # left out by the run's selection: quietly
                yield Ingested(result.name, "skipped")
            elif isinstance(item, RawDoc):
                yield self.store_new(item, result)
        while queue:
            done = queue.popleft()
            if isinstance(done, Ingested):
                yield done

    def unchanged(self, raw: RawDoc) -> bool:
        known = self.known.get(identity_of(raw))
        return known is not None and known[0] == content_hash(raw, self.options)

    def store_new(self, raw: RawDoc, record: ArticleRecord) -> Ingested:
        """Store the record unless it came in earlier in this input, or came in under
        another name (a copy of a file): one article is stored once. A database error
        fails this article only."""
        if self.unchanged(raw):
            return Ingested(raw.name, "skipped")
        identity = identity_of(raw)
        with Session(self.engine) as session:
            stored = session.get(ArticleRow, record.id)
            twin = stored.identity if stored is not None else None
        if twin is not None and twin != identity:
            return Ingested(raw.name, "skipped", message=f"same article as {twin}, stored once")
        try:
            return self.store(raw, record)
        except SQLAlchemyError as error:
            with Session(self.engine) as session:  # what the rolled-back attempt changed
                self.known = identities(session)
                self.index = load_index(session)
            reason = str(error.orig) if isinstance(error, DBAPIError) else str(error)
            return Ingested(raw.name, "failed", message=f"not stored: {reason}")

    def store(self, raw: RawDoc, record: ArticleRecord) -> Ingested:
        identity, digest = identity_of(raw), content_hash(raw, self.options)
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
