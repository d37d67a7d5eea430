"""The databases the store tests run against: a fresh SQLite file, and the PostgreSQL
server that `.ci/run` starts (its URL in RECOUPE_TEST_PG), emptied before each test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, inspect, select, text
from sqlalchemy.engine import Engine

from recoupe.store import database_url

BACKENDS = ["sqlite", "postgresql"]


def empty_postgresql(url: str) -> None:
    engine = create_engine(database_url(url))
    with engine.begin() as connection:
        metadata = MetaData()
        metadata.reflect(connection)
        metadata.drop_all(connection)
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'recoupe.db'}"
        return
    url = os.environ.get("RECOUPE_TEST_PG")
    if not url:
        pytest.skip("RECOUPE_TEST_PG is not set (.ci/run starts a PostgreSQL server)")
    empty_postgresql(url)
    yield url
    empty_postgresql(url)


def dump(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: what two databases must share to be equal."""
    tables = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
    metadata = MetaData()
    metadata.reflect(engine, only=tables)
    with engine.connect() as connection:
        return {
            name: sorted(
                (tuple(row) for row in connection.execute(select(metadata.tables[name]))),
                key=repr,
            )
            for name in tables
        }


def count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
