"""What `recoupe stories` and `recoupe story` show, as plain data: the list of stories, and
one story with its articles, agreed and disputed facts, quotes, names and timeline."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from recoupe.store.schema import ArticleRow, ClaimRow, StoryRow


def story_list(session: Session, limit: int | None = None) -> list[dict[str, Any]]:
    """Stories, the biggest and most recent first."""
    query = select(StoryRow).order_by(
        StoryRow.articles.desc(), StoryRow.last_day.desc().nulls_last(), StoryRow.id
    )
    if limit is not None:
        query = query.limit(limit)
    return [summary(story) for story in session.scalars(query)]


def summary(story: StoryRow) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": story.articles,
        "outlets": story.outlets,
        "first_day": story.first_day,
        "last_day": story.last_day,
    }


def story_view(session: Session, story_id: str) -> dict[str, Any] | None:
    story = session.get(StoryRow, story_id)
    if story is None:
        return None
    articles = session.scalars(
        select(ArticleRow).where(ArticleRow.story_id == story_id).order_by(ArticleRow.seq)
    ).all()
    claims = session.scalars(
        select(ClaimRow).where(ClaimRow.story_id == story_id).order_by(ClaimRow.key)
    ).all()
    events = [c for c in claims if c.kind == "event"]
    return {
        **summary(story),
        "sources": [
            {"id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url, "day": a.day}
            for a in articles
        ],
        "agreed": [claim_view(c) for c in events if c.status == "agreed"],
        "single": [claim_view(c) for c in events if c.status == "single"],
        "disputed": [claim_view(c) for c in events if c.status == "disputed"],
        "by_source": [claim_view(c) for c in events if c.status == "by_source"],
        "by_time": [claim_view(c) for c in events if c.status == "by_time"],
        "alongside": [claim_view(c) for c in events if c.status == "alongside"],
        "quotes": [claim_view(c) for c in claims if c.kind == "quote"],
        "names": [claim_view(c) for c in claims if c.kind == "name"],
        "timeline": timeline(events),
    }


def claim_view(claim: ClaimRow) -> dict[str, Any]:
    return {"fact": claim.label, "status": claim.status, "values": claim.values}


def timeline(claims: list[ClaimRow]) -> list[dict[str, Any]]:
    """Dated facts in order: the date slot of each event claim, with its first value."""
    dated = [
        {"date": c.values[0]["value"], "fact": c.label.rsplit(" — ", 1)[0], "status": c.status}
        for c in claims
        if c.key.endswith("|date") and c.values
    ]
    return sorted(dated, key=lambda d: d["date"])
