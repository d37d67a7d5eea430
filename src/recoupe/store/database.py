"""Opening the database: the URL from the command line, the environment or the default
SQLite file, brought to the latest schema by Alembic before use."""

from __future__ import annotations

import os
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_URL = "sqlite:///recoupe.db"
ENV_VARIABLE = "RECOUPE_DB"


def database_url(given: str | None = None) -> str:
    """`--db`, else $RECOUPE_DB, else `recoupe.db` in the working directory. A plain
    'postgresql://' URL is given the psycopg driver."""
    url = given or os.environ.get(ENV_VARIABLE) or DEFAULT_URL
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def open_database(url: str | None = None) -> Engine:
    """An engine on the database, migrated to the latest schema."""
    engine = create_engine(database_url(url))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", sqlite_pragmas)
    migrate(engine)
    return engine


def sqlite_pragmas(connection: object, _record: object) -> None:
    # Foreign keys are off by default in SQLite; WAL keeps readers going during ingestion.
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def migrate(engine: Engine) -> None:
    config = Config()
    folder = resources.files("recoupe.store").joinpath("migrations")
    config.set_main_option("script_location", str(folder))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)
