"""entity names folded, for searching them without case or accents

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from recoupe.folding import fold

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAMES = sa.table(
    "entity_names",
    sa.column("entity_id", sa.String),
    sa.column("name", sa.String),
    sa.column("folded", sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table("entity_names") as table:
        table.add_column(sa.Column("folded", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(sa.select(NAMES.c.entity_id, NAMES.c.name)).all()
    for entity_id, name in rows:
        connection.execute(
            NAMES.update()
            .where(NAMES.c.entity_id == entity_id, NAMES.c.name == name)
            .values(folded=fold(name))
        )
    op.create_index("ix_entity_names_folded", "entity_names", ["folded"])


def downgrade() -> None:
    op.drop_index("ix_entity_names_folded", "entity_names")
    with op.batch_alter_table("entity_names") as table:
        table.drop_column("folded")
