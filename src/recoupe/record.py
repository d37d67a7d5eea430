"""The Article record: the one schema of recoupe's output.

Every stage reads or writes these models; the CLI prints them, tests validate against them,
and `recoupe schema` exports them as JSON Schema. Offsets are character offsets into `text`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect"]
Modality = Literal["asserted", "reported", "hypothetical", "negated"]
Granularity = Literal["day", "month", "year"]
# Where a date points from the day it is counted from: "past"/"future" include that day,
# "before"/"after" do not ("samedi dernier"), "any" is the nearest.
Direction = Literal["past", "future", "before", "after", "any"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of the article; `field` says whether offsets point into `text` or `title`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    field: Literal["text", "title"] = "text"


class Source(Model):
    path: str | None = None
    url: str | None = None
    outlet: str | None = None


class Entity(Model):
    id: str
    name: str
    type: EntityType
    mentions: list[Span]


class Speaker(Model):
    """Who said something or who a fact is attributed to: an entity of the article, and/or
    the words that name them ("une source proche du dossier")."""

    entity: str | None = None
    text: str | None = None


class Quote(Span):
    id: str
    kind: QuoteKind
    speaker: Speaker
    cue: str | None = None
    key: str | None = None


class Amount(Span):
    id: str
    value: float
    currency: str | None
    approximate: bool = False


class Count(Span):
    id: str
    value: float
    object: str | None
    approximate: bool = False


class DateMention(Span):
    id: str
    value: str
    granularity: Granularity


class DateReading(Model):
    """How a date written without its year or its day of reference points at a day, once
    that day is known: 'samedi' (a weekday), 'le 26 janvier' (a day of a month), 'en mars'
    (a month), 'hier' (days from it), 'le mois dernier' (months), 'l'an passé' (years),
    'l'été dernier' (a season, by the month it starts)."""

    kind: Literal["weekday", "day_of_month", "month", "days", "months", "years", "season"]
    direction: Direction = "any"
    weekday: int | None = Field(default=None, ge=0, le=6)  # 0 is Monday
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    offset: int | None = None  # days, months or years from the day of reference


class RelativeDate(Span):
    """A date of an article with no publication date, which only a day of reference places:
    a story gives its articles one (see stories/claims.py)."""

    id: str
    reading: DateReading


class Age(Span):
    """A person's age as the range of years the article allows: '45 ans' is 45-45, 'une
    cinquantaine d'années' 47-53, 'quadragénaire' 40-49."""

    id: str
    low: int
    high: int
    person: Speaker


class Harm(Span):
    """Harm done to a named person ('Antonio, lui-même blessé par une grenade GLI-F4',
    'Jérôme Rodrigues, gravement blessé à l'œil droit le 26 janvier'): who, whether hurt or
    killed, with what (`weapon`), where on the body (`wound`) and when (the id of a date or
    of a relative date). The span runs from the participle to the end of its phrase."""

    id: str
    person: Speaker
    outcome: Literal["injured", "killed"]
    weapon: str | None = None
    wound: str | None = None
    date: str | None = None
    relative_date: str | None = None


# The source an event is attributed to ("selon le ministère") is named like a speaker.
EventSource = Speaker


class RoleFiller(Model):
    """One filler of a role: the id of an entity, amount, count, date or relative date, or a
    text."""

    entity: str | None = None
    amount: str | None = None
    count: str | None = None
    date: str | None = None
    relative_date: str | None = None
    text: str | None = None

    @model_serializer(mode="wrap")
    def named_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, str]:
        """`{"entity": "e1"}`, as the contract shows it, not every other key as null."""
        return {key: value for key, value in handler(self).items() if value is not None}


class Event(Model):
    id: str
    type: str
    modality: Modality = "asserted"
    source: EventSource = Field(default_factory=EventSource)
    trigger: Span
    roles: dict[str, list[RoleFiller]] = Field(default_factory=dict)


class ArticleRecord(Model):
    id: str
    source: Source
    language: str
    title: str | None
    authors: list[str]
    published: str | None
    text: str
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    # Only where `published` is unknown: the dates that need a day of reference to be placed.
    relative_dates: list[RelativeDate] = Field(default_factory=list)
    ages: list[Age] = Field(default_factory=list)
    harms: list[Harm] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


def json_schema() -> dict[str, object]:
    """The Article record as JSON Schema, for consumers in other languages."""
    return ArticleRecord.model_json_schema()
