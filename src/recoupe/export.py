"""Article records as tables, written as Parquet or JSONL parts, for people who go on in
pandas, Polars, DuckDB or Spark.

A part is one file per table: `DIR/<table>/part-NNNNN.parquet`, every row carrying the id
of its article, so a whole folder reads as one table (`read_parquet('DIR/quotes/*.parquet')`).
JSONL parts hold the records whole, one per line, as `recoupe analyze` prints them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from recoupe.record import ArticleRecord, Span


class PartFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


SPAN = [
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("field", pa.string()),
    ("text", pa.string()),
]
FILLER_KEYS = ("entity", "amount", "count", "date", "relative_date", "text")
ROLE = pa.struct([(key, pa.string()) for key in ("role", *FILLER_KEYS)])

TABLES: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", pa.string()),
            ("outlet", pa.string()),
            ("url", pa.string()),
            ("path", pa.string()),
            ("language", pa.string()),
            ("title", pa.string()),
            ("authors", pa.list_(pa.string())),
            ("published", pa.string()),
            ("text", pa.string()),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_id", pa.string()),
            ("entity_id", pa.string()),
            ("entity_name", pa.string()),
            ("entity_type", pa.string()),
            *SPAN,
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("kind", pa.string()),
            ("speaker_entity", pa.string()),
            ("speaker_name", pa.string()),
            ("speaker_text", pa.string()),
            ("cue", pa.string()),
            *SPAN,
        ]
    ),
    "amounts": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("value", pa.float64()),
            ("currency", pa.string()),
            ("approximate", pa.bool_()),
            *SPAN,
        ]
    ),
    "counts": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("value", pa.float64()),
            ("object", pa.string()),
            ("approximate", pa.bool_()),
            *SPAN,
        ]
    ),
    "dates": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("value", pa.string()),
            ("granularity", pa.string()),
            *SPAN,
        ]
    ),
    "relative_dates": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("kind", pa.string()),
            ("direction", pa.string()),
            ("weekday", pa.int32()),
            ("month", pa.int32()),
            ("day", pa.int32()),
            ("offset", pa.int32()),
            *SPAN,
        ]
    ),
    "ages": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("person_entity", pa.string()),
            ("person_name", pa.string()),
            ("person_text", pa.string()),
            ("low", pa.int32()),
            ("high", pa.int32()),
            *SPAN,
        ]
    ),
    "harms": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("person_entity", pa.string()),
            ("person_name", pa.string()),
            ("person_text", pa.string()),
            ("outcome", pa.string()),
            ("weapon", pa.string()),
            ("wound", pa.string()),
            ("date", pa.string()),
            ("relative_date", pa.string()),
            *SPAN,
        ]
    ),
    "events": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("type", pa.string()),
            ("modality", pa.string()),
            ("source_entity", pa.string()),
            ("source_text", pa.string()),
            *[(f"trigger_{name}", kind) for name, kind in SPAN],
            ("roles", pa.list_(ROLE)),
        ]
    ),
}

Row = dict[str, Any]


def table_rows(record: ArticleRecord) -> dict[str, list[Row]]:
    """One record flattened: a row for the article and one for each thing found in it."""
    article = record.id
    names = {entity.id: entity.name for entity in record.entities}
    source = record.source
    return {
        "articles": [
            {
                "id": article,
                "outlet": source.outlet,
                "url": source.url,
                "path": source.path,
                "language": record.language,
                "title": record.title,
                "authors": record.authors,
                "published": record.published,
                "text": record.text,
            }
        ],
        "mentions": [
            {
                "article_id": article,
                "entity_id": entity.id,
                "entity_name": entity.name,
                "entity_type": entity.type,
                **span(mention),
            }
            for entity in record.entities
            for mention in entity.mentions
        ],
        "quotes": [
            {
                "article_id": article,
                "id": quote.id,
                "kind": quote.kind,
                "speaker_entity": quote.speaker.entity,
                "speaker_name": names.get(quote.speaker.entity or ""),
                "speaker_text": quote.speaker.text,
                "cue": quote.cue,
                **span(quote),
            }
            for quote in record.quotes
        ],
        "amounts": found_values(article, record.amounts),
        "counts": found_values(article, record.counts),
        "dates": found_values(article, record.dates),
        "relative_dates": [
            {"article_id": article, "id": d.id, **d.reading.model_dump(), **span(d)}
            for d in record.relative_dates
        ],
        "ages": [
            {
                "article_id": article,
                "id": age.id,
                "person_entity": age.person.entity,
                "person_name": names.get(age.person.entity or ""),
                "person_text": age.person.text,
                "low": age.low,
                "high": age.high,
                **span(age),
            }
            for age in record.ages
        ],
        "harms": [
            {
                "article_id": article,
                "id": harm.id,
                "person_entity": harm.person.entity,
                "person_name": names.get(harm.person.entity or ""),
                "person_text": harm.person.text,
                **harm.model_dump(include={"outcome", "weapon", "wound", "date", "relative_date"}),
                **span(harm),
            }
            for harm in record.harms
        ],
        "events": [
            {
                "article_id": article,
                "id": event.id,
                "type": event.type,
                "modality": event.modality,
                "source_entity": event.source.entity,
                "source_text": event.source.text,
                **{f"trigger_{key}": value for key, value in span(event.trigger).items()},
                "roles": [
                    {"role": role, **{key: getattr(filler, key) for key in FILLER_KEYS}}
                    for role, fillers in event.roles.items()
                    for filler in fillers
                ],
            }
            for event in record.events
        ],
    }


def found_values(article: str, items: Sequence[Span]) -> list[Row]:
    """Amounts, counts or dates: their own fields beside the span's."""
    own = {"start", "end", "field", "text"}
    return [{"article_id": article, **item.model_dump(exclude=own), **span(item)} for item in items]


def span(item: Span) -> Row:
    return {"start": item.start, "end": item.end, "field": item.field, "text": item.text}


def write_part(
    records: Iterable[ArticleRecord], folder: Path, part: int, part_format: PartFormat
) -> None:
    """Write one part of every table under `folder`, each file complete or absent: it is
    written aside and renamed into place."""
    name = f"part-{part:05d}.{part_format.value}"
    if part_format is PartFormat.jsonl:
        lines = (record.model_dump_json() + "\n" for record in records)
        write_atomically(folder / "records" / name, lines)
        return
    rows: dict[str, list[Row]] = {table: [] for table in TABLES}
    for record in records:
        for table, found in table_rows(record).items():
            rows[table].extend(found)
    for table, schema in TABLES.items():
        with written_aside(folder / table / name) as aside:
            pq.write_table(pa.Table.from_pylist(rows[table], schema=schema), aside)


def write_atomically(target: Path, lines: Iterator[str]) -> None:
    with written_aside(target) as aside, aside.open("w", encoding="utf-8") as stream:
        stream.writelines(lines)


@contextmanager
def written_aside(target: Path) -> Iterator[Path]:
    """A file of its own to write `target` into, moved into place once written and on disk:
    readers and a second writer (a task that Ray runs again) never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(handle)
    aside = Path(name)
    try:
        yield aside
        with aside.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(aside, target)
    finally:
        aside.unlink(missing_ok=True)
