"""The claims of a story: every slot of every event its articles report, every quote and
every name, with each value stated and who states it, agreed or disputed."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz

from recoupe.folding import fold
from recoupe.record import ArticleRecord, Event
from recoupe.stories.agreement import dates_agree, numbers_agree

# Two wordings of one quote by one speaker are at least this alike (rapidfuzz, 0-100).
SAME_QUOTE = 80
# Two spellings of one name are at least this alike, and differ.
SAME_NAME = 88
FACTUAL = ("asserted", "reported")
# How many characters after a count may say what the counted people are ('placées en garde à vue').
WHAT_FOLLOWS = 40
SENTENCE_BREAK = re.compile(r"[.!?…](?=\s)|\n")
ACCORDING_TO = re.compile(r"(?:[Ss]elon|[Dd]['’]après)\s+([^,.;:()«»\n]{2,60})")


@dataclass
class Source:
    article: str
    outlet: str | None
    attributed_to: str | None = None
    text: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class Value:
    shown: str
    number: float | None = None
    approximate: bool = False
    date: str | None = None
    entity: str | None = None
    sources: list[Source] = field(default_factory=list)

    def agrees(self, other: Value) -> bool:
        if self.number is not None and other.number is not None:
            return numbers_agree(self.number, self.approximate, other.number, other.approximate)
        if self.date is not None and other.date is not None:
            return dates_agree(self.date, other.date)
        if self.entity is not None or other.entity is not None:
            return self.entity == other.entity
        return fold(self.shown) == fold(other.shown)

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.shown, "sources": [s.as_dict() for s in self.sources]}


@dataclass
class Claim:
    key: str
    kind: str  # event, quote, name
    label: str
    values: list[Value] = field(default_factory=list)

    def add(self, value: Value) -> None:
        for known in self.values:
            if known.agrees(value):
                known.sources.extend(value.sources)
                if known.approximate and not value.approximate:
                    known.shown, known.number, known.approximate = (
                        value.shown,
                        value.number,
                        False,
                    )
                return
        self.values.append(value)

    @property
    def status(self) -> str:
        articles = {s.article for v in self.values for s in v.sources}
        if self.kind != "event":
            return "variants" if len(self.values) > 1 else "agreed"
        if len(self.values) == 1:
            return "agreed" if len(articles) > 1 else "single"
        # Each figure from its own source (the ministry's count, the organisers'): no dispute.
        attributions = [{s.attributed_to for s in v.sources} - {None} for v in self.values]
        if all(attributions) and all(a.isdisjoint(b) for a, b in combinations(attributions, 2)):
            return "by_source"
        return "disputed"


@cache
def identity_data() -> dict[str, Any]:
    text = resources.files("recoupe.stories").joinpath("identity.json").read_text()
    return dict(json.loads(text))


def identity_roles() -> dict[str, list[str]]:
    data = identity_data()
    return {k: v for k, v in data.items() if not k.startswith("_") and k != "figures"}


@cache
def figure_groups() -> dict[str, str]:
    """Folded singular counted object -> its group ('manifestant' -> 'participants')."""
    groups: dict[str, list[str]] = identity_data()["figures"]
    return {word: group for group, words in groups.items() for word in words}


@dataclass(frozen=True)
class StoryArticle:
    record: ArticleRecord
    linked: dict[str, str]  # local entity id -> entity id across articles
    names: dict[str, str]  # entity id across articles -> its name


def story_claims(articles: list[StoryArticle]) -> list[Claim]:
    claims: dict[str, Claim] = {}
    for group in event_groups(articles):
        add_event_claims(group, claims)
    for article in articles:
        add_figure_claims(article, claims)
    quote_claims(articles, claims)
    name_claims(articles, claims)
    return sorted(claims.values(), key=lambda c: c.key)


@dataclass
class EventGroup:
    """The events of a story that report one fact: same type, and identifying roles that
    share a filler where both articles name one."""

    type: str
    key: str
    identity: dict[str, dict[str, str]]  # role -> filler key -> how it is shown
    events: list[tuple[StoryArticle, Event]] = field(default_factory=list)

    def accepts(self, event_type: str, identity: dict[str, dict[str, str]]) -> bool:
        return event_type == self.type and all(
            not theirs or not self.identity[role] or theirs.keys() & self.identity[role].keys()
            for role, theirs in identity.items()
        )

    def absorb(
        self, identity: dict[str, dict[str, str]], events: list[tuple[StoryArticle, Event]]
    ) -> None:
        for role, shown in identity.items():
            self.identity[role].update(shown)
        self.events.extend(events)

    @property
    def label(self) -> str:
        named = "".join(
            f" — {role}: {', '.join(shown.values())}"
            for role, shown in self.identity.items()
            if shown
        )
        return self.type.replace("_", " ") + named


def event_groups(articles: list[StoryArticle]) -> list[EventGroup]:
    groups: list[EventGroup] = []
    for article in articles:
        for event in article.record.events:
            if event.modality not in FACTUAL:
                continue
            identity = {
                role: {filler_key(v): v.shown for v in map(partial(shown_filler, article), fs)}
                for role in identity_roles().get(event.type, [])
                for fs in [event.roles.get(role, [])]
            }
            group = next((g for g in groups if g.accepts(event.type, identity)), None)
            if group is None:
                key = (
                    event.type
                    + "|"
                    + "|".join(
                        f"{role}={','.join(sorted(keys)) or '?'}" for role, keys in identity.items()
                    )
                )
                group = EventGroup(event.type, key, {r: {} for r in identity})
                groups.append(group)
            group.absorb(identity, [(article, event)])
    return merged_groups(groups)


def merged_groups(groups: list[EventGroup]) -> list[EventGroup]:
    """Groups that a later event showed to share their identity become one."""
    merged: list[EventGroup] = []
    for group in groups:
        host = next((m for m in merged if m.accepts(group.type, group.identity)), None)
        if host is None:
            merged.append(group)
        else:
            host.absorb(group.identity, group.events)
    return merged


def filler_key(value: Value) -> str:
    return value.entity or fold(value.shown)


def add_event_claims(group: EventGroup, claims: dict[str, Claim]) -> None:
    for article, event in group.events:
        record = article.record
        attributed = event.source.text or article.names.get(
            article.linked.get(event.source.entity or "", "")
        )
        for role, fillers in event.roles.items():
            if role in group.identity:
                continue
            key = f"{group.key}|{role}"
            claim = claims.setdefault(key, Claim(key, "event", f"{group.label} — {role}"))
            for filler in fillers:
                value = shown_filler(article, filler)
                value.sources = [Source(record.id, record.source.outlet, attributed, value.shown)]
                claim.add(value)


def shown_filler(article: StoryArticle, filler: Any) -> Value:
    record = article.record
    if filler.entity is not None:
        entity_id = article.linked[filler.entity]
        return Value(article.names.get(entity_id, entity_id), entity=entity_id)
    if filler.amount is not None:
        amount = next(a for a in record.amounts if a.id == filler.amount)
        shown = f"{figure(amount.value)} {amount.currency or ''}".strip()
        return Value(shown, number=amount.value, approximate=amount.approximate)
    if filler.count is not None:
        count = next(c for c in record.counts if c.id == filler.count)
        return Value(figure(count.value), number=count.value, approximate=count.approximate)
    if filler.date is not None:
        day = next(d for d in record.dates if d.id == filler.date)
        return Value(day.value, date=day.value)
    return Value(filler.text or "")


def add_figure_claims(article: StoryArticle, claims: dict[str, Claim]) -> None:
    """Counts that no event holds ('81 000 gilets jaunes recensés en France'), keyed by what
    they count and the place named beside them."""
    record = article.record
    held = {f.count for e in record.events for fs in e.roles.values() for f in fs if f.count}
    places = [
        (m.start, m.end, e.name)
        for e in record.entities
        if e.type == "LOC"
        for m in e.mentions
        if m.field == "text"
    ]
    for count in record.counts:
        group = figure_group(count.object, record.text[count.end : count.end + WHAT_FOLLOWS])
        if count.id in held or group is None or count.field != "text":
            continue
        start, end = sentence_bounds(record.text, count.start)
        near = [p for p in places if start <= p[0] and p[1] <= end]
        place = min(near, key=lambda p: abs(p[0] - count.start))[2] if near else None
        key = f"figure|{group}|{fold(place) if place else '?'}"
        label = f"{group}" + (f" — place: {place}" if place else "")
        claim = claims.setdefault(key, Claim(key, "event", label))
        source = Source(record.id, record.source.outlet, attribution(record.text[start:end]))
        source.text = count.text
        claim.add(
            Value(
                figure(count.value),
                number=count.value,
                approximate=count.approximate,
                sources=[source],
            )
        )


def figure_group(counted: str | None, after: str) -> str | None:
    """The group of what a count counts; people are put in the group the words right after
    them name ('130 personnes placées en garde à vue' are in custody, not marching)."""
    group = figure_groups().get(singular(fold(counted or "")))
    if group != "participants":
        return group
    following = singular(fold(after))
    named = [g for word, g in figure_groups().items() if g != group and word in following]
    return named[0] if named else group


def singular(words: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words.split())


def sentence_bounds(text: str, char: int) -> tuple[int, int]:
    starts = [m.end() for m in SENTENCE_BREAK.finditer(text, 0, char)]
    following = SENTENCE_BREAK.search(text, char)
    return (starts[-1] if starts else 0), (following.start() + 1 if following else len(text))


def attribution(sentence: str) -> str | None:
    """'selon la préfecture', "d'après les organisateurs": who the sentence cites."""
    found = ACCORDING_TO.search(sentence)
    return found.group(1).strip() if found else None


def figure(value: float) -> str:
    """'450 000 000', '1 200', '2,5': French grouping, as the articles write them."""
    if value == int(value):
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",")


def quote_claims(articles: list[StoryArticle], claims: dict[str, Claim]) -> None:
    """The same words of the same speaker across articles, with each wording."""
    groups: list[tuple[str, list[tuple[str, StoryArticle, Any]]]] = []
    for article in articles:
        for quote in article.record.quotes:
            if quote.kind != "direct" or not quote.key or len(quote.key.split()) < 4:
                continue
            speaker = article.linked.get(quote.speaker.entity or "") or fold(
                quote.speaker.text or ""
            )
            group = next(
                (
                    g
                    for s, g in groups
                    if s == speaker and fuzz.token_set_ratio(g[0][0], quote.key) >= SAME_QUOTE
                ),
                None,
            )
            if group is None:
                groups.append((speaker, [(quote.key, article, quote)]))
            else:
                group.append((quote.key, article, quote))
    for speaker, group in groups:
        if len({a.record.id for _, a, _ in group}) < 2:
            continue
        first_article, first = group[0][1], group[0][2]
        who = first_article.names.get(speaker, first.speaker.text or "?")
        key = f"quote|{speaker}|{group[0][0][:60]}"
        claim = claims.setdefault(key, Claim(key, "quote", f"quote of {who}"))
        for quote_key, article, quote in group:
            value = Value(quote.text)
            value.sources = [Source(article.record.id, article.record.source.outlet, who)]
            known = next((v for v in claim.values if fold(v.shown) == quote_key), None)
            if known is None:
                claim.values.append(value)
            else:
                known.sources.extend(value.sources)


def name_claims(articles: list[StoryArticle], claims: dict[str, Claim]) -> None:
    """One name written differently by different articles ('Ludovsky', 'Ludosky')."""
    spellings: dict[tuple[str, str], list[StoryArticle]] = {}
    for article in articles:
        for entity in article.record.entities:
            if entity.type in ("PER", "ORG"):
                spellings.setdefault((entity.type, entity.name), []).append(article)
    names = sorted(spellings, key=lambda n: (-len(spellings[n]), n))
    taken: set[tuple[str, str]] = set()
    for name in names:
        if name in taken:
            continue
        variants = [
            other
            for other in names
            if other not in taken
            and other[0] == name[0]
            and fold(other[1]) != fold(name[1])
            and fuzz.ratio(fold(other[1]), fold(name[1])) >= SAME_NAME
        ]
        if not variants:
            continue
        taken.update([name, *variants])
        key = f"name|{name[0]}|{fold(name[1])}"
        claim = Claim(key, "name", f"spelling of {name[1]}")
        for spelling in [name, *variants]:
            sources = [Source(a.record.id, a.record.source.outlet) for a in spellings[spelling]]
            claim.values.append(Value(spelling[1], sources=sources))
        claims[key] = claim
