"""The tables: articles and everything found in them, entities across articles, stories and
their claims. Every row found in an article points back to it and to its offsets."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import JSON, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID = String(255)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class ArticleRow(Base):
    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    # What identifies the document across versions: its id, else its URL, else its path.
    identity: Mapped[str] = mapped_column(Text, unique=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    published: Mapped[str | None] = mapped_column(Text)
    # The day the article reports on: its publication date, else inferred from its dates.
    day: Mapped[str | None] = mapped_column(String(10), index=True)
    text: Mapped[str] = mapped_column(Text)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    story_id: Mapped[str | None] = mapped_column(ForeignKey("stories.id"), index=True)


class EntityRow(Base):
    """An entity across articles, identified by its type and folded name."""

    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    type: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(Text)


class EntityNameRow(Base):
    """A way an entity is written, and in how many articles."""

    __tablename__ = "entity_names"
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(512), primary_key=True)
    # The name without case, accents or punctuation: what a search for it compares.
    folded: Mapped[str] = mapped_column(Text, index=True, server_default="")
    articles: Mapped[int] = mapped_column(Integer)


class MentionRow(Base):
    __tablename__ = "mentions"
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    field: Mapped[str] = mapped_column(String(8), primary_key=True)
    start: Mapped[int] = mapped_column(Integer, primary_key=True)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    local_id: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)


class QuoteRow(Base):
    __tablename__ = "quotes"
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    local_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(8))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    key: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(String(128))
    speaker_text: Mapped[str | None] = mapped_column(Text)
    speaker_entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"), index=True)


class FigureRow(Base):
    """An amount, a count or a date found in an article."""

    __tablename__ = "figures"
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    local_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # amount, count or date
    field: Mapped[str] = mapped_column(String(8))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    number: Mapped[float | None] = mapped_column(Float)
    value: Mapped[str | None] = mapped_column(String(64))  # a date's value
    unit: Mapped[str | None] = mapped_column(String(128))  # currency, counted object, granularity
    approximate: Mapped[bool] = mapped_column(default=False)


class EventRow(Base):
    __tablename__ = "events"
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    local_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    modality: Mapped[str] = mapped_column(String(16))
    source_text: Mapped[str | None] = mapped_column(Text)
    source_entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"))
    trigger_field: Mapped[str] = mapped_column(String(8))
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(Text)
    # role -> fillers, each resolved: {"entity": global id} or {"number": ..} or {"date": ..}
    roles: Mapped[dict[str, Any]] = mapped_column(JSON)


class StoryRow(Base):
    __tablename__ = "stories"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    first_day: Mapped[str | None] = mapped_column(String(10))
    last_day: Mapped[str | None] = mapped_column(String(10))
    articles: Mapped[int] = mapped_column(Integer)
    outlets: Mapped[list[Any]] = mapped_column(JSON)


class ClaimRow(Base):
    """One fact of a story (a slot of an event, a quote, a name) with every value stated
    for it and the articles that state each."""

    __tablename__ = "claims"
    story_id: Mapped[str] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(1024), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # event, quote, name
    label: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(
        String(16)
    )  # agreed, disputed, by_source, by_time, alongside, single, variants
    values: Mapped[list[Any]] = mapped_column(JSON)
