"""full-text search index over articles and quotes

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from recoupe.record import ArticleRecord
from recoupe.store.search import create_search_table, index_record

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    create_search_table(connection)
    # Articles stored before search existed are indexed from their records.
    for (record,) in connection.execute(sa.text("SELECT record FROM articles ORDER BY seq")):
        loaded = json.loads(record) if isinstance(record, str) else record
        index_record(connection, ArticleRecord.model_validate(loaded))


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
