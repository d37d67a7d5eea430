"""Keeping stories and their claims in the database in step with the articles: the
grouping index rebuilt from what is stored, story rows and claims rebuilt when a story
gains, loses or absorbs articles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy
from datasketch import MinHash
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from recoupe.record import ArticleRecord
from recoupe.store.records import linked_ids
from recoupe.store.schema import ArticleRow, ClaimRow, StoryRow
from recoupe.stories.claims import StoryArticle, story_claims
from recoupe.stories.features import (
    MINHASH_PERMUTATIONS,
    MINHASH_SCHEME,
    ArticleFeatures,
    features_of,
)
from recoupe.stories.grouping import Decision, StoryIndex

TITLE_CHARS = 120


def load_index(session: Session) -> StoryIndex:
    """The grouping index as the stored articles left it, in the order they came."""
    index = StoryIndex()
    rows = session.execute(
        select(ArticleRow.record, ArticleRow.story_id, ArticleRow.minhash).order_by(ArticleRow.seq)
    )
    for record_json, story_id, minhash in rows:
        index.add(stored_features(record_json, minhash), Decision(story_id))
    return index


def stored_features(record_json: dict[str, object], minhash: bytes) -> ArticleFeatures:
    record = ArticleRecord.model_validate(record_json)
    return replace(features_of(record, linked_ids(record)), minhash=stored_minhash(minhash))


def stored_minhash(data: bytes) -> MinHash:
    values = numpy.frombuffer(data, dtype="<u8").astype(numpy.uint64)
    return MinHash(num_perm=MINHASH_PERMUTATIONS, seed=1, hashvalues=values, scheme=MINHASH_SCHEME)


def replace_story(session: Session, decision: Decision) -> None:
    """Make the story row exist and fold the stories it absorbs into it."""
    if session.get(StoryRow, decision.story_id) is None:
        session.add(StoryRow(id=decision.story_id, articles=0, outlets=[]))
        session.flush()
    for other in decision.merged:
        moved = update(ArticleRow).where(ArticleRow.story_id == other)
        session.execute(moved.values(story_id=decision.story_id))
        session.execute(delete(ClaimRow).where(ClaimRow.story_id == other))
        session.execute(delete(StoryRow).where(StoryRow.id == other))


def refresh_story(session: Session, story_id: str) -> None:
    """Recompute a story's summary and claims from its articles; drop it if it has none."""
    rows = session.scalars(
        select(ArticleRow).where(ArticleRow.story_id == story_id).order_by(ArticleRow.seq)
    ).all()
    session.execute(delete(ClaimRow).where(ClaimRow.story_id == story_id))
    story = session.get(StoryRow, story_id)
    if story is None:
        return
    if not rows:
        session.delete(story)
        session.flush()
        return
    days = sorted(r.day for r in rows if r.day)
    story.title = next((r.title for r in rows if r.title), rows[0].text[:TITLE_CHARS])
    story.first_day = days[0] if days else None
    story.last_day = days[-1] if days else None
    story.articles = len(rows)
    story.outlets = sorted({r.outlet for r in rows if r.outlet})
    articles = story_articles(rows)
    session.add_all(
        ClaimRow(
            story_id=story_id,
            key=claim.key,
            kind=claim.kind,
            label=claim.label,
            status=claim.status,
            values=[v.as_dict() for v in claim.values],
        )
        for claim in story_claims(articles)
    )


def story_articles(rows: Sequence[ArticleRow]) -> list[StoryArticle]:
    records = [ArticleRecord.model_validate(r.record) for r in rows]
    names: dict[str, Counter[str]] = {}
    linked_all = [linked_ids(record) for record in records]
    for record, linked in zip(records, linked_all, strict=True):
        for entity in record.entities:
            names.setdefault(linked[entity.id], Counter())[entity.name] += 1
    common = {key: counts.most_common(1)[0][0] for key, counts in names.items()}
    return [
        StoryArticle(record, linked, common)
        for record, linked in zip(records, linked_all, strict=True)
    ]


def rebuild_stories(session: Session) -> int:
    """Group every stored article anew, in the order they came, and rebuild every story's
    claims; return the number of stories."""
    session.execute(update(ArticleRow).values(story_id=None))
    session.execute(delete(ClaimRow))
    session.execute(delete(StoryRow))
    index = StoryIndex()
    rows = session.execute(
        select(ArticleRow.record, ArticleRow.minhash).order_by(ArticleRow.seq)
    ).all()
    for record_json, minhash in rows:
        features = stored_features(record_json, minhash)
        decision = index.decide(features)
        index.add(features, decision)
    for story_id in dict.fromkeys(index.story_of.values()):
        session.add(StoryRow(id=story_id, articles=0, outlets=[]))
    session.flush()
    for article_id, story_id in index.story_of.items():
        session.execute(
            update(ArticleRow).where(ArticleRow.id == article_id).values(story_id=story_id)
        )
    for story_id in index.members:
        refresh_story(session, story_id)
    return len(index.members)
