"""The claims of a story: every slot of every event its articles report, every quote and
every name, with each value stated and who states it, agreed or disputed."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, partial
from importlib import resources
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz

from recoupe.extract import dates_lexicon
from recoupe.extract.ages import age_lexicon
from recoupe.extract.dates_calendar import place
from recoupe.extract.event_lexicon import event_lexicon
from recoupe.folding import fold
from recoupe.record import Age, ArticleRecord, Event, Harm, Quote
from recoupe.stories.agreement import dates_agree, numbers_agree
from recoupe.stories.features import (
    SHINGLE_WORDS,
    STOP,
    published_day,
    shingles,
    text_words,
)
from recoupe.stories.figures import (
    EARLIER,
    NATIONAL,
    PREVIOUS_OCCASION,
    RUNNING_TOTAL,
    UNDATED,
    UNPLACED,
    Figure,
    article_figures,
    country_names,
    sentence_bounds,
    story_country,
)
from recoupe.stories.figures import lexicon as figure_lexicon
from recoupe.stories.grouping import NEAR_COPY

# Two wordings of one quote are at least this alike (rapidfuzz, 0-100).
SAME_QUOTE = 80
# Two spellings of one name are at least this alike, and differ.
SAME_NAME = 88
FACTUAL = ("asserted", "reported")
# A noun set beside a name describes that person: 'Roger, le gilet jaune', 'le gendarme X'.
NOUN_AFTER_NAME = re.compile(r"\s*,\s*(?:(?:le|la|un|une)\s+|l['’]\s*)(\w+)")
NOUN_BEFORE_NAME = re.compile(r"\b(?:(?:le|la)\s+|l['’]\s*)(\w+)\s+$", re.IGNORECASE)
# An unnamed person known already: 'le', 'ce' ..., or an apposition to 'la victime, '.
DEFINITE = re.compile(r"(?:(?:le|la|les|ce|cet|cette)\s|l['’])", re.IGNORECASE)
DEFINITE_BEFORE = re.compile(r"\b(?:(?:le|la)\s+|l['’]\s*)(\w+)\s*,\s*$", re.IGNORECASE)
WEEK = 7
# A moment of the day, by its hour ('à 14 heures', 'vers 14h' are 14:00; midi is 12:00), on
# its side of it ('avant 18h' is not 'après 18h').
NOON = re.compile(r"\bmidi\b|\bmi.journee\b")
SIDE_OF_HOUR = re.compile(r"\b(avant|apres)\b")
HOUR = re.compile(r"(?P<h>\d{1,2})\s?h(?:eures?)?\s?(?P<m>\d{2})?", re.IGNORECASE)
# Two articles describing an unnamed person with this many words in common speak of one.
SAME_PERSON_WORDS = 2
# Figures of one slot this far apart or further count different things ('200 soldats'
# kept in Syria, of '2 000').
OTHER_THINGS = 10


# What a source knows of itself that claims weigh but do not show.
INTERNAL = ("written_out", "place_said", "context", "places")


@dataclass
class Source:
    article: str
    outlet: str | None
    attributed_to: str | None = None
    text: str | None = None
    when: str | None = None  # the time of day a figure was given ('vers midi')
    # A date it gives with its day of the month or its year ('le 3 mars'), not a weekday.
    written_out: bool = False
    # A figure's place is the one its article says, not the story's taken for it.
    place_said: bool = True
    # The words of its sentence that describe who or what it is of, for a person its
    # article does not name.
    context: frozenset[str] = frozenset()
    # For a figure its article places nowhere: the places (not countries) the article names.
    places: frozenset[str] = frozenset()

    def as_dict(self) -> dict[str, Any]:
        shown = {k: v for k, v in self.__dict__.items() if k not in INTERNAL}
        return {k: v for k, v in shown.items() if v is not None}


@dataclass
class Value:
    shown: str
    number: float | None = None
    approximate: bool = False
    date: str | None = None
    entity: str | None = None
    years: tuple[int, int] | None = None  # an age, as the range of years it allows
    # A description ('grenade GLI-F4') by its words: one that says less agrees with it.
    words: frozenset[str] | None = None
    sources: list[Source] = field(default_factory=list)
    # Every figure merged into it, as stated: a new one must agree with each, so that
    # 'plus de 80 000' does not join '80 000' and 'quelque 84 000' into one value.
    figures: list[tuple[float, bool]] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.figures = [] if self.number is None else [(self.number, self.approximate)]

    def agrees(self, other: Value) -> bool:
        if self.words is not None and other.words is not None:
            return self.words <= other.words or other.words <= self.words
        if self.years is not None and other.years is not None:
            return self.years[0] <= other.years[1] and other.years[0] <= self.years[1]
        if self.figures and other.figures:
            return all(
                numbers_agree(one, one_loose, two, two_loose)
                for one, one_loose in self.figures
                for two, two_loose in other.figures
            )
        if self.date is not None and other.date is not None:
            return dates_agree(self.date, other.date)
        # Entities by name: the recogniser may type one company a person in one article and
        # an organisation in the next.
        return fold(self.shown) == fold(other.shown)

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.shown, "sources": [s.as_dict() for s in self.sources]}


@dataclass
class Claim:
    key: str
    kind: str  # event, quote, name
    label: str
    values: list[Value] = field(default_factory=list)
    # Its values are days of an event that recurs at one place: each is an occasion (two
    # Saturdays of protest, the arrests of two days) unless two articles write out days
    # less than a week apart, two accounts of one.
    occasions: bool = False
    # Its values are figures no article places, of another magnitude than the figures
    # articles give for the place the story counts them for: counts of places left unnamed
    # ('4 personnes ont été interpellées' after a paragraph on Toulon), not that place's.
    place_unsaid: bool = False
    # Pairs of its story's articles that are versions of one dispatch: a figure that differs
    # between them was updated, not disputed.
    versions: frozenset[frozenset[str]] = frozenset()
    # Its values change with the moment they are given: a toll grows as the day goes (arrests,
    # the injured), sign-ups change in the days before ('ont annoncé leur participation sur
    # Facebook'). Figures given with no time are of no one moment.
    grows: bool = False
    # Its values are ages of someone no article names ('une femme de 63 ans'): one person
    # only where two articles describe them alike.
    unnamed: bool = False

    def add(self, value: Value) -> None:
        agreeing = [v for v in self.values if v.agrees(value)]
        if not agreeing:
            self.values.append(value)
            return
        known = agreeing[0]
        if value.number is not None:
            # A figure that agrees with two values joins the nearer: 'plus de 80 000' is
            # 80 000, not 84 000, where both are stated.
            known = min(agreeing, key=lambda v: abs((v.number or 0.0) - (value.number or 0.0)))
        known.figures.extend(value.figures)
        stated = {s.article for s in known.sources}
        known.sources.extend(s for s in value.sources if s.article not in stated)
        if known.approximate and not value.approximate:
            known.shown, known.number, known.approximate = value.shown, value.number, False
        if known.years and value.years and span(value.years) < span(known.years):
            known.shown, known.years = value.shown, value.years
        if known.words is not None and value.words and value.words > known.words:
            known.shown, known.words = value.shown, value.words

    @property
    def status(self) -> str:
        articles = {s.article for v in self.values for s in v.sources}
        if self.kind != "event":
            return "variants" if len(self.values) > 1 else "agreed"
        if len(self.values) == 1:
            return "agreed" if len(articles) > 1 else "single"
        # One article giving two figures for one slot speaks of two moments or two things:
        # a dispute is between sources.
        if len(articles) == 1:
            return "single"
        if self.unnamed and not self.described_alike():
            return "alongside"  # 'un homme' of one article is not another's
        if self.occasions and not self.one_occasion_told_twice():
            return "alongside"
        if self.place_unsaid or self.of_other_places():
            return "alongside"
        # Each figure from its own source (the ministry's count, the organisers') or its own
        # time of day (the count at noon, the evening's): no dispute.
        if self.apart(lambda s: s.attributed_to):
            return "by_source"
        one_moment = self.of_one_moment()
        if len(one_moment) < 2:
            return "by_time"
        if contradicted(one_moment, self.versions):
            return "disputed"
        if contradicted(one_moment):
            return "by_time"  # versions of one dispatch, the later one updated
        # Articles that share a value, each giving others beside it from sources the other
        # does not cite, speak of more moments or things, as one article's two figures do;
        # and values of other times of day differ by their time.
        return "alongside" if len(one_moment) == len(self.values) else "by_time"

    def of_other_places(self) -> bool:
        """Whether figures no article places come from articles naming no place in common:
        'une cinquantaine' at Namur's march, 'plus de 200' at Charleroi's."""
        named = [frozenset().union(*(s.places for s in v.sources)) for v in self.values]
        return all(named) and all(a.isdisjoint(b) for a, b in combinations(named, 2))

    def of_one_moment(self) -> list[Value]:
        """The values given for a moment another value is given for: the same time of day,
        or none. A count with a time ('à 14 heures, 3 000 à Paris') is an interim one,
        which the day's count given without one ('5 000 à Paris') and a count at another
        time do not contradict. A toll or a sign-up given with no time is of no moment
        known: '18 interpellations' and '52 interpellations' are two stages of it, as often
        as two accounts of one."""
        said = [moments(v) - {None} if self.grows else moments(v) for v in self.values]
        return [
            value
            for value, moment in zip(self.values, said, strict=True)
            if sum(bool(moment & other) for other in said) > 1
        ]

    def one_occasion_told_twice(self) -> bool:
        """Whether two articles write out ('le 3 mars', '2014') days less than a week apart.
        A weekday or 'hier' is read from a publication day, which is often the report's
        ('selon un bilan dimanche'), not the occasion's: across the corpus such days made
        nearly all date disputes of recurring events."""
        days = [
            (s.article, first_day(v.date))
            for v in self.values
            if v.date
            for s in v.sources
            if s.written_out
        ]
        return any(
            one != other and a != b and abs((a - b).days) < WEEK
            for (one, a), (other, b) in combinations(days, 2)
        )

    def described_alike(self) -> bool:
        """Whether two articles giving different values describe their person alike ('une
        jeune femme de 19 ans, fille de fromagers' and 'une jeune femme de 18 ans, fille
        d'un couple de fromagers'): they share SAME_PERSON_WORDS words of description."""
        described = [
            (index, source.article, source.context)
            for index, value in enumerate(self.values)
            for source in value.sources
        ]
        return any(
            one != other and a != b and len(mine & theirs) >= SAME_PERSON_WORDS
            for (one, a, mine), (other, b, theirs) in combinations(described, 2)
        )

    def apart(self, aspect: Callable[[Source], str | None]) -> bool:
        """Whether every value has sources that say this aspect, none shared by two values."""
        said = [{aspect(s) for s in v.sources} - {None} for v in self.values]
        return all(said) and all(a.isdisjoint(b) for a, b in combinations(said, 2))


def contradicted(values: list[Value], versions: frozenset[frozenset[str]] = frozenset()) -> bool:
    """Whether two articles, not `versions` of one dispatch, state values of which they share
    none, or each states a value the other does not, cited to the same source (or to none):
    'selon la CGT, 27 000' against 'selon la CGT, 40 000'."""
    stated: dict[str, dict[int, set[str | None]]] = {}
    for index, value in enumerate(values):
        for source in value.sources:
            cited = stated.setdefault(source.article, {}).setdefault(index, set())
            cited.add(source.attributed_to)
    for (one_id, one), (other_id, other) in combinations(stated.items(), 2):
        if frozenset((one_id, other_id)) in versions:
            continue
        if one.keys().isdisjoint(other.keys()):
            return True
        own = [one[i] for i in one.keys() - other.keys()]
        others = [other[i] for i in other.keys() - one.keys()]
        if any(a & b for a in own for b in others):
            return True
    return False


def moments(value: Value) -> set[str | None]:
    """When in the day the sources give a value ('14:00' for 'à 14 heures' and 'vers 14h'),
    None for none; an article that leaves out the time others give it says no other."""
    said = {moment(s.when) for s in value.sources}
    return said - {None} or said


def moment(when: str | None) -> str | None:
    if when is None:
        return None
    words = fold(when).lower()
    hour = HOUR.search(words)
    if hour is None and NOON.search(words) is None:
        return words  # 'en fin de journée'
    at = f"{int(hour['h']):02d}:{hour['m'] or '00'}" if hour else "12:00"
    side = SIDE_OF_HOUR.search(words)
    return f"{side.group(1)} {at}" if side else at


def first_day(value: str) -> date:
    """The first day of an ISO day, month ('2019-01') or year ('2019')."""
    year, month, day = ([int(part) for part in value.split("-")] + [1, 1])[:3]
    return date(year, month, day)


@cache
def identity_data() -> dict[str, Any]:
    text = resources.files("recoupe.stories").joinpath("identity.json").read_text()
    return dict(json.loads(text))


def identity_roles() -> dict[str, list[str]]:
    return dict(identity_data()["roles"])


def recurring_types() -> frozenset[str]:
    return frozenset(identity_data()["recurring"])


@dataclass(frozen=True)
class StoryArticle:
    record: ArticleRecord
    linked: dict[str, str]  # local entity id -> entity id across articles
    names: dict[str, str]  # entity id across articles -> its name
    # The day its relative dates ('samedi', 'le 26 janvier') are placed from, where it has
    # no publication date: its story's (`story_day`).
    reference: date | None = None


def story_claims(articles: list[StoryArticle]) -> list[Claim]:
    claims: dict[str, Claim] = {}
    day = story_day([a.record for a in articles])
    articles = [replace(a, reference=day) for a in articles]
    placed = add_figure_claims(articles, claims)
    for group in event_groups(articles):
        add_event_claims(group, placed, claims)
    age_claims(articles, claims)
    harm_claims(articles, claims)
    quote_claims(articles, claims)
    name_claims(articles, claims)
    versions = dispatch_versions(articles)
    return sorted((replace(c, versions=versions) for c in claims.values()), key=lambda c: c.key)


def dispatch_versions(articles: list[StoryArticle]) -> frozenset[frozenset[str]]:
    """The pairs of articles that are versions of one dispatch: texts that share NEAR_COPY
    of their runs of words (a wire story reprinted by two outlets at two hours). A text too
    short to have one run is no version of anything."""
    words = {a.record.id: text_words(a.record.text) for a in articles}
    runs = {id_: shingles(w) for id_, w in words.items() if len(w) >= SHINGLE_WORDS}
    return frozenset(
        frozenset((one, other))
        for (one, mine), (other, theirs) in combinations(runs.items(), 2)
        if len(mine & theirs) >= NEAR_COPY * len(mine | theirs)
    )


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
                role: {filler_key(v): v.shown for v in map(partial(shown_filler, article), fs) if v}
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
    """An identifying filler by its name, whatever type the recogniser gave it."""
    return fold(value.shown)


def add_event_claims(
    group: EventGroup, placed: set[tuple[str, str]], claims: dict[str, Claim]
) -> None:
    """Each slot of the group's events that does not identify it; counts of people are
    claims of their own (`add_figure_claims`)."""
    stated_values: list[tuple[Claim, Value]] = []
    for article, event in group.events:
        record = article.record
        attributed = event.source.text or article.names.get(
            article.linked.get(event.source.entity or "", "")
        )
        for role, fillers in event.roles.items():
            stated = [f for f in fillers if (record.id, f.count or "") not in placed]
            values = [(f, v) for f in stated if (v := shown_filler(article, f))]
            if role in group.identity or not values:
                continue
            key = f"{group.key}|{role}"
            date_role = event_lexicon(record.language).date_role
            occasions = role == date_role and group.type in recurring_types()
            claim = claims.setdefault(
                key, Claim(key, "event", f"{group.label} — {role}", occasions=occasions)
            )
            for filler, value in values:
                said = written_date(record, filler)
                in_full = said is not None and is_written_out(said, record.language)
                value.sources = [
                    Source(
                        record.id,
                        record.source.outlet,
                        attributed,
                        said or value.shown,
                        written_out=in_full,
                    )
                ]
                stated_values.append((claim, value))
    # Exact figures first: an approximate one then joins the value it is nearest.
    for claim, value in sorted(stated_values, key=lambda pair: pair[1].approximate):
        claim.add(value)


def shown_filler(article: StoryArticle, filler: Any) -> Value | None:
    """How a filler is shown and compared; None for a relative date with nothing to place it
    from."""
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
    if filler.relative_date is not None:
        placed = relative_day(article, filler.relative_date)
        return Value(placed, date=placed) if placed else None
    return Value(filler.text or "")


def is_written_out(words: str, language: str) -> bool:
    """'mardi 3 mars 2026', '30/05/2014', 'en 2014'; not 'dimanche' nor 'il y a 10 jours'."""
    patterns = dates_lexicon.lexicon(language).patterns
    return any(p.search(words) for p in (patterns.day_month, patterns.numeric, patterns.year))


def written_date(record: ArticleRecord, filler: Any) -> str | None:
    """A date filler as the article writes it ('mardi 3 mars 2026', 'dimanche')."""
    if filler.date is not None:
        return next(d.text for d in record.dates if d.id == filler.date)
    if filler.relative_date is not None:
        return next(d.text for d in record.relative_dates if d.id == filler.relative_date)
    return None


def relative_day(article: StoryArticle, relative_id: str) -> str | None:
    """One of the article's relative dates placed from its story's day as from a publication
    day: copies of one dispatch, dated and undated, then place 'samedi dernier' alike."""
    relative = next(d for d in article.record.relative_dates if d.id == relative_id)
    placed = place(relative.reading, article.reference) if article.reference else None
    return placed[0] if placed else None


def story_day(records: list[ArticleRecord]) -> date | None:
    """The day a story's undated articles count their relative dates from: the middle one of
    its articles' publication days, else the day its articles name most. Articles on one
    story come out the day of its event or the next, so a weekday or a day of a month lands
    where they meant it."""
    published = sorted(day for r in records if (day := published_day(r)))
    if published:
        return date.fromisoformat(published[(len(published) - 1) // 2])
    named = Counter(d.value for r in records for d in r.dates if d.granularity == "day")
    return date.fromisoformat(named.most_common(1)[0][0]) if named else None


def add_figure_claims(
    articles: list[StoryArticle], claims: dict[str, Claim]
) -> set[tuple[str, str]]:
    """Counts, keyed by what they count, where and on what day; return the (article id,
    count id) pairs that made them, which no event claim repeats. A count with no place said
    is the whole country's when the story gives such counts of its group, as national
    coverage does; else it is of the one place the story gives such counts for ('dix
    personnes interpellées' beside '39 interpellations à Paris'), if there is one."""
    country = story_country([a.record for a in articles])
    day = event_day(articles)
    lexicon = figure_lexicon(articles[0].record.language) if articles else None
    # What befell people grows through the day; who is expected changes in the days before.
    changing = lexicon.outcomes if lexicon else frozenset()
    read = [
        (article, found)
        for article in articles
        for found in article_figures(
            article.record, article.linked, article.names, country, article.reference, day
        )
    ]
    read = with_earlier_days_named(read, day)
    read = with_running_totals_apart(read)
    placed: dict[tuple[str, str | None], GroupPlaces] = {}
    for article, found in read:
        if found.place_key != UNPLACED:
            alike = placed.setdefault((found.group, found.day), GroupPlaces())
            alike.places[found.place_key] = found.place
            alike.articles.add(article.record.id)
    figures: dict[str, Claim] = {}
    # Exact figures first: an approximate one then joins the value it is nearest.
    for article, found in sorted(read, key=lambda pair: pair[1].count.approximate):
        alike = placed.get((found.group, found.day), GroupPlaces())
        place_key, place = place_of(found, article.record.id, alike, country)
        key = f"figure|{found.group}|{place_key}|{found.day or ''}"
        label = found.group + (f" — place: {place}" if place else "")
        label += f" — day: {found.day}" if found.day else ""
        grows = found.group in changing
        claim = figures.setdefault(key, Claim(key, "event", label, grows=grows))
        record, count = article.record, found.count
        source = Source(
            record.id,
            record.source.outlet,
            found.attributed_to,
            count.text,
            found.when,
            place_said=found.place_key != UNPLACED,
            places=article_places(article) if place_key == UNPLACED else frozenset(),
        )
        claim.add(Value(figure(count.value), count.value, count.approximate, sources=[source]))
    for claim in figures.values():
        claims.update((c.key, c) for c in by_magnitude(claim))
    return {(a.record.id, f.count.id) for a, f in read}


def event_day(articles: list[StoryArticle]) -> date | None:
    """The day a story's figures are of, unless they say otherwise: its first publication day
    within a day of the middle one (the event's, or the closest to it; a preview two days
    before is not), else the story's day."""
    published = sorted(
        date.fromisoformat(day) for a in articles if (day := published_day(a.record))
    )
    if not published:
        return articles[0].reference if articles else None
    middle = published[(len(published) - 1) // 2]
    return min(d for d in published if (middle - d).days <= 1)


def with_earlier_days_named(
    read: list[tuple[StoryArticle, Figure]], story: date | None
) -> list[tuple[StoryArticle, Figure]]:
    """A figure of the occasion before the story's, its day unnamed ('comme la semaine
    précédente'), is of the day about a week before that its group's figures name, as the
    articles that name it give their figures for."""
    named: dict[str, str] = {}
    for _, found in read:
        if story is None or found.day is None or found.day in UNDATED:
            continue
        if (story - date.fromisoformat(found.day)).days in PREVIOUS_OCCASION:
            named[found.group] = max(found.day, named.get(found.group, found.day))
    return [
        (article, replace(found, day=named[found.group]))
        if found.day == EARLIER and found.group in named
        else (article, found)
        for article, found in read
    ]


def with_running_totals_apart(
    read: list[tuple[StoryArticle, Figure]],
) -> list[tuple[StoryArticle, Figure]]:
    """A running total ('1 400 blessés depuis le 17 novembre') stands apart from the counts
    of its group and place given with no start only when it is larger than each, as a whole
    is than the day's part. One no larger ('plus d'une vingtaine de personnes auditionnées
    depuis fin juillet' against '40 personnes entendues') is a total as they are, told at
    another time. An article that gives a running total gives it so wherever it repeats it
    (a headline's '1 400 blessés')."""
    running = {
        (article.record.id, found.group, found.count.value)
        for article, found in read
        if found.day == RUNNING_TOTAL
    }
    read = [
        (article, replace(found, day=RUNNING_TOTAL))
        if found.day is None and (article.record.id, found.group, found.count.value) in running
        else (article, found)
        for article, found in read
    ]
    plain: dict[tuple[str, str], float] = {}
    for _, found in read:
        if found.day is None:
            slot = (found.group, found.place_key)
            plain[slot] = max(plain.get(slot, 0.0), found.count.value)
    return [
        (article, replace(found, day=None))
        if found.day == RUNNING_TOTAL
        and found.count.value <= plain.get((found.group, found.place_key), 0.0)
        else (article, found)
        for article, found in read
    ]


def by_magnitude(claim: Claim) -> list[Claim]:
    """The claim, or one claim for each run of its figures less than OTHER_THINGS apart,
    around the run's best-sourced figure: 'huit personnes' and '136 000 personnes' in one
    country are not two counts of one crowd, while a count at noon and the evening's, or
    the police's and the organisers', differ by less."""
    runs = magnitude_runs(claim.values)
    if len(runs) == 1:
        return [claim]
    said = [any(s.place_said for v in run for s in v.sources) for run in runs]
    return [
        replace(
            claim,
            key=f"{claim.key}|{run[0].shown}",
            values=run,
            place_unsaid=not placed and any(said),
        )
        for run, placed in zip(runs, said, strict=True)
    ]


def magnitude_runs(values: list[Value]) -> list[list[Value]]:
    """From the figure the most articles state, the nearest figures while the run spans
    less than OTHER_THINGS; then the same among the rest. Anchored so, small figures read
    into the slot by mistake do not chain a run across magnitudes (60, 200, 2 000, 30 000),
    nor split true neighbours."""
    if not values:
        return []
    anchor = max(values, key=lambda v: (len(v.sources), magnitude(v)))
    run: list[Value] = []
    for value in sorted(
        values, key=lambda v: (abs(math.log(magnitude(v) / magnitude(anchor))), magnitude(v))
    ):
        within = [magnitude(v) for v in [*run, value]]
        if max(within) < OTHER_THINGS * min(within):
            run.append(value)
    rest = [v for v in values if all(v is not taken for taken in run)]
    return [sorted(run, key=magnitude), *magnitude_runs(rest)]


def magnitude(value: Value) -> float:
    return max(value.number or 0.0, 1.0)


@dataclass
class GroupPlaces:
    """The places a story gives figures of one group and day for, and the articles giving
    them."""

    places: dict[str, str | None] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)


def article_places(article: StoryArticle) -> frozenset[str]:
    countries = country_names(article.record.language)
    return frozenset(
        article.linked.get(e.id, e.id)
        for e in article.record.entities
        if e.type == "LOC" and fold(e.name) not in countries
    )


def place_of(
    found: Figure, article: str, alike: GroupPlaces, country: str | None
) -> tuple[str, str | None]:
    """Where a figure is of: where its article says, else where the story's figures of its
    group and day are, when that is the whole country or one place its own article does not
    give apart ('50 000 manifestants, dont 8 000 à Paris': the 50 000 are not Paris's)."""
    if found.place_key != UNPLACED:
        return found.place_key, found.place
    if NATIONAL in alike.places:
        return NATIONAL, country
    if len(alike.places) == 1 and article not in alike.articles:
        return next(iter(alike.places.items()))
    return UNPLACED, None


def figure(value: float) -> str:
    """'450 000 000', '1 200', '2,5': French grouping, as the articles write them."""
    if value == int(value):
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",")


def harm_claims(articles: list[StoryArticle], claims: dict[str, Claim]) -> None:
    """What hurt each named person, where on the body and on what day, as each article
    tells it: 'une grenade GLI-F4' against 'une grenade assourdissante'."""
    for article in articles:
        record = article.record
        for harm in record.harms:
            if harm.person.entity is None:
                continue
            person = article.linked[harm.person.entity]
            name = article.names.get(person, harm.person.text or person)
            day = harm_day(article, harm)
            slots = {
                "weapon": harm.weapon and description(harm.weapon),
                "wound": harm.wound and description(harm.wound),
                "date": day and Value(day, date=day),
            }
            for slot, value in slots.items():
                if not value:
                    continue
                # One person hurt on one day and killed on another: two harms, not a dispute.
                key = f"harm|{person}|{harm.outcome}|{slot}"
                label = f"{harm.outcome} — {name} — {slot}"
                claim = claims.setdefault(key, Claim(key, "event", label))
                value.sources = [Source(record.id, record.source.outlet, text=value.shown)]
                claim.add(value)


def harm_day(article: StoryArticle, harm: Harm) -> str | None:
    record = article.record
    if harm.date is not None:
        return next(d.value for d in record.dates if d.id == harm.date)
    if harm.relative_date is not None:
        return relative_day(article, harm.relative_date)
    return None


def description(text: str) -> Value:
    """A weapon or a wound, compared by its words ('œil droit' and 'oeil' agree)."""
    folded = fold(text).replace("œ", "oe").replace("æ", "ae")
    return Value(text, words=frozenset(re.findall(r"\w+", folded)))


def age_claims(articles: list[StoryArticle], claims: dict[str, Claim]) -> None:
    """Each person's age, keyed by the person named, or by the noun that stands for someone
    unnamed ('l'homme de 45 ans', 'l'homme, âgé d'une cinquantaine d'années'); a noun that
    one article gives two ages is no one in particular, and is left out."""
    nouns = described_persons(articles)
    read = [
        (article, age, age_holder(article, age))
        for article in articles
        for age in article.record.ages
    ]
    ambiguous = {
        holder
        for holder, ranges in group_ranges(read).items()
        if any(len(r) > 1 for r in ranges.values()) and not holder[0]
    }
    for article, age, (named, holder) in read:
        if (named, holder) in ambiguous:
            continue
        if not named and holder in nouns and refers_back(article.record, age):
            named, holder = True, nouns[holder]
        label = article.names.get(holder, holder) if named else holder
        key = f"age|{holder}"
        claim = claims.setdefault(key, Claim(key, "event", f"age of {label}", unnamed=not named))
        record = article.record
        context = frozenset() if named else described_as(record, age, holder)
        source = Source(record.id, record.source.outlet, text=age.text, context=context)
        claim.add(Value(age.text, years=(age.low, age.high), sources=[source]))


def described_as(record: ArticleRecord, age: Age, noun: str) -> frozenset[str]:
    """The distinctive words of the sentence that gives an unnamed person's age, but the
    noun that stands for them: what tells one 'femme' from another."""
    text = (record.title or "") if age.field == "title" else record.text
    start, end = sentence_bounds(text, age.start)
    said = text_words(f"{age.text} {age.person.text or ''}")
    return (
        frozenset(text_words(text[start:end]))
        - STOP
        - aged_words(record.language)
        - {
            noun,
            *said,
        }
    )


def age_holder(article: StoryArticle, age: Age) -> tuple[bool, str]:
    """(named, key): the person's entity across articles, else the noun without its
    determiner."""
    if age.person.entity is not None:
        return True, article.linked[age.person.entity]
    return False, re.split(r"[\s'’]", fold(age.person.text or ""))[-1]


def refers_back(record: ArticleRecord, age: Age) -> bool:
    """Whether the unnamed person of an age is someone the reader knows already: 'le gilet
    jaune', 'ce militant', or 'un gilet jaune' set beside 'la victime'; 'un gendarme de 29
    ans' is someone new, and so is one after 'Dans la soirée, '."""
    text = (record.title or "") if age.field == "title" else record.text
    words = age.person.text or ""
    start = text.rfind(words, 0, age.start) if words else -1
    if start < 0:
        return False
    if DEFINITE.match(words):
        return True
    head = DEFINITE_BEFORE.search(text, 0, start)
    return head is not None and fold(head.group(1)) in person_nouns(record.language)


def described_persons(articles: list[StoryArticle]) -> dict[str, str]:
    """The nouns the story's articles put beside one person's name and no other's ('Roger,
    le gilet jaune', 'le gendarme Arnaud Beltrame'): noun -> the person across articles."""
    persons: dict[str, set[str]] = {}
    for article in articles:
        text = article.record.text
        for entity in article.record.entities:
            if entity.type != "PER":
                continue
            for mention in entity.mentions:
                if mention.field != "text":
                    continue
                after = NOUN_AFTER_NAME.match(text, mention.end)
                before = NOUN_BEFORE_NAME.search(text[max(0, mention.start - 40) : mention.start])
                for found in (after, before):
                    noun = fold(found.group(1)) if found else ""
                    if noun and noun not in anyone_nouns(article.record.language):
                        persons.setdefault(noun, set()).add(article.linked[entity.id])
    return {noun: next(iter(ids)) for noun, ids in persons.items() if len(ids) == 1}


@cache
def aged_words(language: str) -> frozenset[str]:
    return frozenset(fold(w) for w in age_lexicon(language).aged)


@cache
def anyone_nouns(language: str) -> frozenset[str]:
    return frozenset(map(fold, age_lexicon(language).anyone_nouns))


@cache
def person_nouns(language: str) -> frozenset[str]:
    return frozenset(map(fold, age_lexicon(language).person_nouns))


def group_ranges(
    read: list[tuple[StoryArticle, Age, tuple[bool, str]]],
) -> dict[tuple[bool, str], dict[str, set[tuple[int, int]]]]:
    """For each holder, the ranges each article gives it."""
    grouped: dict[tuple[bool, str], dict[str, set[tuple[int, int]]]] = {}
    for article, age, holder in read:
        grouped.setdefault(holder, {}).setdefault(article.record.id, set()).add((age.low, age.high))
    return grouped


def span(years: tuple[int, int]) -> int:
    return years[1] - years[0]


def quote_claims(articles: list[StoryArticle], claims: dict[str, Claim]) -> None:
    """The same words across articles, with each wording and who each article says spoke
    them: outlets resolve one speaker differently ('Donald Trump', 'le locataire de la
    Maison Blanche'), so the words alone decide."""
    groups: list[list[tuple[str, StoryArticle, Quote]]] = []
    for article in articles:
        for quote in article.record.quotes:
            if quote.kind != "direct" or not quote.key or len(quote.key.split()) < 4:
                continue
            group = next(
                (g for g in groups if fuzz.token_set_ratio(g[0][0], quote.key) >= SAME_QUOTE),
                None,
            )
            if group is None:
                groups.append([(quote.key, article, quote)])
            else:
                group.append((quote.key, article, quote))
    for group in groups:
        if len({a.record.id for _, a, _ in group}) < 2:
            continue
        speakers = Counter(speaker_name(article, quote) for _, article, quote in group)
        key = f"quote|{group[0][0][:60]}"
        claim = claims.setdefault(
            key, Claim(key, "quote", f"quote of {speakers.most_common(1)[0][0]}")
        )
        for quote_key, article, quote in group:
            source = Source(
                article.record.id, article.record.source.outlet, speaker_name(article, quote)
            )
            known = next((v for v in claim.values if fold(v.shown) == quote_key), None)
            if known is None:
                claim.values.append(Value(quote.text, sources=[source]))
            else:
                known.sources.append(source)


def speaker_name(article: StoryArticle, quote: Quote) -> str:
    linked = article.linked.get(quote.speaker.entity or "")
    return article.names.get(linked or "", quote.speaker.text or "?")


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
