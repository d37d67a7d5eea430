"""Where records live once analysed: a SQL database (SQLite by default, PostgreSQL when
shared), its schema kept by Alembic migrations."""

from recoupe.store.database import DEFAULT_URL, database_url, open_database

__all__ = ["DEFAULT_URL", "database_url", "open_database"]
