"""A readable rendering of article records for people (`--format pretty`, `recoupe demo`)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
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
            escape(record.text[:600] + ("…" if len(record.text) > 600 else "")),
            title=escape(record.title or record.id),
            subtitle=escape(meta),
        )
    )
    if record.entities:
        table = Table("entity", "type", "mentions", title="Entities")
        for entity in record.entities:
            names = sorted({m.text for m in entity.mentions} - {entity.name})
            table.add_row(escape(entity.name), entity.type, escape(", ".join(names)))
        console.print(table)
    if record.amounts or record.counts:
        table = Table("figure", "value", "unit", title="Sums and counts")
        for amount in record.amounts:
            value = f"{'~' if amount.approximate else ''}{amount.value:,.0f}".replace(",", " ")
            table.add_row(escape(amount.text), value, amount.currency or "?")
        for count in record.counts:
            value = f"{'~' if count.approximate else ''}{count.value:,.0f}".replace(",", " ")
            table.add_row(escape(count.text), value, escape(count.object or ""))
        console.print(table)
    if record.dates:
        table = Table("date", "value", title="Dates")
        for mention in record.dates:
            table.add_row(escape(mention.text), mention.value)
        console.print(table)
    if record.quotes:
        table = Table("quote", "speaker", "cue", title="Quotes")
        for quote in record.quotes:
            table.add_row(escape(quote.text), escape(quote.speaker.text or ""), quote.cue or "")
        console.print(table)


def render_stories(stories: list[dict[str, Any]], console: Console) -> None:
    table = Table("story", "title", "articles", "outlets", "days", title="Stories")
    for story in stories:
        days = " – ".join(dict.fromkeys(d for d in (story["first_day"], story["last_day"]) if d))
        table.add_row(
            escape(story["id"]),
            escape((story["title"] or "")[:80]),
            str(story["articles"]),
            escape(", ".join(story["outlets"])),
            days,
        )
    console.print(table)


def render_story(story: dict[str, Any], console: Console) -> None:
    outlets = ", ".join(story["outlets"]) or "no outlet named"
    console.print(
        Panel(escape(f"{story['articles']} articles · {outlets}"), title=escape(story["title"]))
    )
    sections = (
        ("Disputed", story["disputed"], "red"),
        ("Figures that differ with their sources", story["by_source"], "yellow"),
        ("Figures that differ by when they were given", story["by_time"], "yellow"),
        ("Figures the same articles give side by side", story["alongside"], "yellow"),
        ("Agreed", story["agreed"], "green"),
        ("Stated by one source", story["single"], "white"),
        ("Quotes", story["quotes"], "cyan"),
        ("Names written differently", story["names"], "magenta"),
    )
    for title, claims, colour in sections:
        if not claims:
            continue
        table = Table("fact", "value", "sources", title=title, title_style=colour)
        for claim in claims:
            for i, value in enumerate(claim["values"]):
                table.add_row(
                    escape(claim["fact"]) if i == 0 else "",
                    escape(value["value"]),
                    escape(", ".join(source_label(s) for s in value["sources"])),
                )
        console.print(table)
    if story["timeline"]:
        table = Table("date", "fact", title="Timeline")
        for entry in story["timeline"]:
            table.add_row(escape(entry["date"]), escape(entry["fact"]))
        console.print(table)


def source_label(source: dict[str, Any]) -> str:
    """'Le Devoir (selon la préfecture, vers midi)': the outlet, whom it cites and when."""
    said = ", ".join(
        filter(
            None,
            [
                source.get("attributed_to") and f"selon {source['attributed_to']}",
                source.get("when"),
            ],
        )
    )
    label = str(source.get("outlet") or source["article"])
    return f"{label} ({said})" if said else label
