"""initial schema

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "entities",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("first_day", sa.String(length=10), nullable=True),
        sa.Column("last_day", sa.String(length=10), nullable=True),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("identity", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("day", sa.String(length=10), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.Column("story_id", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("identity"),
        sa.UniqueConstraint("seq"),
    )
    op.create_index(op.f("ix_articles_day"), "articles", ["day"], unique=False)
    op.create_index(op.f("ix_articles_story_id"), "articles", ["story_id"], unique=False)
    op.create_table(
        "claims",
        sa.Column("story_id", sa.String(length=255), nullable=False),
        sa.Column("key", sa.String(length=1024), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("story_id", "key"),
    )
    op.create_table(
        "entity_names",
        sa.Column("entity_id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
        ),
        sa.PrimaryKeyConstraint("entity_id", "name"),
    )
    op.create_table(
        "events",
        sa.Column("article_id", sa.String(length=255), nullable=False),
        sa.Column("local_id", sa.String(length=16), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_entity_id", sa.String(length=255), nullable=True),
        sa.Column("trigger_field", sa.String(length=8), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["source_entity_id"],
            ["entities.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "local_id"),
    )
    op.create_index(op.f("ix_events_type"), "events", ["type"], unique=False)
    op.create_table(
        "figures",
        sa.Column("article_id", sa.String(length=255), nullable=False),
        sa.Column("local_id", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("field", sa.String(length=8), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("number", sa.Float(), nullable=True),
        sa.Column("value", sa.String(length=64), nullable=True),
        sa.Column("unit", sa.String(length=128), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "local_id"),
    )
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.String(length=255), nullable=False),
        sa.Column("field", sa.String(length=8), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("local_id", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "field", "start"),
    )
    op.create_index(op.f("ix_mentions_entity_id"), "mentions", ["entity_id"], unique=False)
    op.create_table(
        "quotes",
        sa.Column("article_id", sa.String(length=255), nullable=False),
        sa.Column("local_id", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=8), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=True),
        sa.Column("cue", sa.String(length=128), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("speaker_entity_id", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["speaker_entity_id"],
            ["entities.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "local_id"),
    )
    op.create_index(
        op.f("ix_quotes_speaker_entity_id"), "quotes", ["speaker_entity_id"], unique=False
    )


def downgrade() -> None:

    op.drop_index(op.f("ix_quotes_speaker_entity_id"), table_name="quotes")
    op.drop_table("quotes")
    op.drop_index(op.f("ix_mentions_entity_id"), table_name="mentions")
    op.drop_table("mentions")
    op.drop_table("figures")
    op.drop_index(op.f("ix_events_type"), table_name="events")
    op.drop_table("events")
    op.drop_table("entity_names")
    op.drop_table("claims")
    op.drop_index(op.f("ix_articles_story_id"), table_name="articles")
    op.drop_index(op.f("ix_articles_day"), table_name="articles")
    op.drop_table("articles")
    op.drop_table("stories")
    op.drop_table("entities")
