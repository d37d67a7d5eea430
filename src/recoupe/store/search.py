"""Full-text search over articles and quotes, French words matched by their stem.

Both backends index the same thing: the text reduced to Snowball French stems, folded, so
that "manifestants" finds "manifestation" and "Élysée" finds "elysee" on SQLite (FTS5) as
on PostgreSQL (text search with the 'simple' configuration over those stems). Stemming
once in Python keeps the two backends answering alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import snowballstemmer
from spacy.lang.fr.stop_words import STOP_WORDS
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from recoupe.folding import fold
from recoupe.record import ArticleRecord

Kind = Literal["article", "quote"]
WORD = re.compile(r"[^\W_]+")
STEMMER = snowballstemmer.stemmer("french")
STOP = frozenset(STOP_WORDS)
ARTICLE = ""  # the quote_id of the row that indexes the article itself
MAX_QUERY_WORDS = 12
STEM_CACHE = 200_000

SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE search_index USING "
    "fts5(body, article_id UNINDEXED, quote_id UNINDEXED, tokenize = 'unicode61')"
)
POSTGRESQL_TABLE = (
    "CREATE TABLE search_index ("
    " article_id VARCHAR(255) NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    " quote_id VARCHAR(16) NOT NULL,"
    " body TEXT NOT NULL,"
    " body_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)"
)
POSTGRESQL_INDEXES = (
    "CREATE INDEX ix_search_index_vector ON search_index USING GIN (body_vector)",
    "CREATE INDEX ix_search_index_article ON search_index (article_id)",
)


@dataclass(frozen=True)
class Hit:
    article_id: str
    quote_id: str | None  # None: the article itself


# News repeats its words: a word met before is not stemmed again.
@lru_cache(maxsize=STEM_CACHE)
def stem(word: str) -> str:
    return fold(STEMMER.stemWord(word.lower()))


def stems(words: str) -> str:
    return " ".join(stem(w) for w in WORD.findall(words))


def query_stems(query: str) -> list[str]:
    """The stems a query asks for: its words less the stop words, unless that leaves none."""
    words = WORD.findall(query)[:MAX_QUERY_WORDS]
    content = [w for w in words if w.lower() not in STOP] or words
    return list(dict.fromkeys(s for s in (stem(w) for w in content) if s))


def create_search_table(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        for statement in (POSTGRESQL_TABLE, *POSTGRESQL_INDEXES):
            connection.execute(text(statement))
    else:
        connection.execute(text(SQLITE_TABLE))


def index_record(connection: Connection | Session, record: ArticleRecord) -> None:
    rows = [{"body": stems(f"{record.title or ''}\n{record.text}"), "quote": ARTICLE}]
    rows += [{"body": stems(q.text), "quote": q.id} for q in record.quotes]
    connection.execute(
        text("INSERT INTO search_index (article_id, quote_id, body) VALUES (:id, :quote, :body)"),
        [{"id": record.id, **row} for row in rows],
    )


def unindex_article(session: Session, article_id: str) -> None:
    session.execute(text("DELETE FROM search_index WHERE article_id = :id"), {"id": article_id})


def search(
    session: Session, query: str, kind: Kind, offset: int, limit: int
) -> tuple[int, list[Hit]]:
    """How many articles (or quotes) hold every content word of `query`, and a page of
    them, the best matches first."""
    wanted = query_stems(query)
    if not wanted:
        return 0, []
    postgresql = session.get_bind().dialect.name == "postgresql"
    if postgresql:
        match = "body_vector @@ to_tsquery('simple', :terms)"
        rank = "ts_rank(body_vector, to_tsquery('simple', :terms)) DESC"
        terms = " & ".join(wanted)
    else:
        match, rank = "search_index MATCH :terms", "rank"
        terms = " AND ".join(f'"{s}"' for s in wanted)
    quotes = "quote_id <> ''" if kind == "quote" else "quote_id = ''"
    where = f"FROM search_index WHERE {match} AND {quotes}"
    values = {"terms": terms, "offset": offset, "limit": limit}
    total = session.execute(text(f"SELECT count(*) {where}"), values).scalar_one()
    rows = session.execute(
        text(
            f"SELECT article_id, quote_id {where} ORDER BY {rank}, article_id, quote_id "
            "LIMIT :limit OFFSET :offset"
        ),
        values,
    )
    return int(total), [Hit(article, quote or None) for article, quote in rows]


def first_match(words: str, query: str) -> tuple[int, int] | None:
    """Where in `words` the first word matching the query is, for a snippet."""
    wanted = set(query_stems(query))
    for match in WORD.finditer(words):
        if stem(match.group()) in wanted:
            return match.start(), match.end()
    return None
