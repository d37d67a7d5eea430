"""A readable rendering of article records for people (`--format pretty`, `recoupe demo`)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from recoupe.record import ArticleRecord


def render_record(record: ArticleRecord, console: Console) -> None:
    meta = " · ".join(
        part
        for part in (
            record.source.outlet,
            record.published,
            ", ".join(record.authors) or None,
            record.language,
        )
        if part
    )
    console.print(
        Panel(
            record.text[:600] + ("…" if len(record.text) > 600 else ""),
            title=record.title or record.id,
            subtitle=meta,
        )
    )
    if record.entities:
        table = Table("entity", "type", "mentions", title="Entities")
        for entity in record.entities:
            names = sorted({m.text for m in entity.mentions} - {entity.name})
            table.add_row(entity.name, entity.type, ", ".join(names))
        console.print(table)
    if record.amounts or record.counts:
        table = Table("figure", "value", "unit", title="Sums and counts")
        for amount in record.amounts:
            value = f"{'~' if amount.approximate else ''}{amount.value:,.0f}".replace(",", " ")
            table.add_row(amount.text, value, amount.currency or "?")
        for count in record.counts:
            value = f"{'~' if count.approximate else ''}{count.value:,.0f}".replace(",", " ")
            table.add_row(count.text, value, count.object or "")
        console.print(table)
    if record.dates:
        table = Table("date", "value", title="Dates")
        for mention in record.dates:
            table.add_row(mention.text, mention.value)
        console.print(table)
    if record.quotes:
        table = Table("quote", "speaker", "cue", title="Quotes")
        for quote in record.quotes:
            table.add_row(quote.text, quote.speaker.text or "", quote.cue or "")
        console.print(table)
