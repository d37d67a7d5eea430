"""Alembic's entry point: migrations run on the connection recoupe hands over."""

from __future__ import annotations

from alembic import context

from recoupe.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
