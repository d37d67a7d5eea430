"""The event table of a language (`lang/<code>/events.json`) as typed Python objects."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from recoupe import lang


@dataclass(frozen=True)
class TriggerSpec:
    """One way of naming an event: a verb or noun, perhaps with words that must follow."""

    type: str
    is_noun: bool
    words: frozenset[str]  # lemmas and lower-case forms
    companions: frozenset[str]  # one of these must follow within `window` tokens
    window: int
    requires: tuple[str, ...]
    count_role: str | None
    passive_only: bool
    slots: dict[str, tuple[str, ...]]  # readings that differ from the type's


@dataclass(frozen=True)
class TypeSpec:
    """How the slots around a trigger of one type fill its roles."""

    roles: tuple[str, ...]
    slots: dict[str, tuple[str, ...]]
    agent: str | None
    amount_role: str | None
    required: tuple[tuple[str, ...], ...]
    keys: tuple[str, ...]
    inherit_from: str | None
    inherited_roles: dict[str, str]
    inherit_in_sentence: tuple[str, ...]


@dataclass(frozen=True)
class Retyping:
    type: str
    governors: frozenset[str]


@dataclass(frozen=True)
class Companion:
    lemmas: frozenset[str]
    slots: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class TitleRole:
    type: str
    role: str
    prepositions: frozenset[str]
    nouns: frozenset[str]


@dataclass(frozen=True)
class EventLexicon:
    triggers: tuple[TriggerSpec, ...]
    types: dict[str, TypeSpec]
    absorbed_by: dict[str, frozenset[str]]
    retyping: dict[str, Retyping]
    support_verbs: frozenset[str]
    role_entity_types: dict[str, frozenset[str]]
    location_role: str
    date_role: str
    loose_types: frozenset[str]
    title: TitleRole
    count_objects_excluded: frozenset[str]
    companions: dict[str, Companion]
    organization_descriptions: frozenset[str]
    person_descriptions: frozenset[str]
    representatives: frozenset[str]
    definite_determiners: frozenset[str]
    hypothetical_lemmas: frozenset[str]
    hypothetical_marks: frozenset[str]
    purpose_marks: frozenset[str]
    negations: frozenset[str]
    future_is_hypothetical: bool


def slot_map(data: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {slot: tuple(roles) for slot, roles in data.items()}


def trigger_spec(data: dict[str, Any]) -> TriggerSpec:
    return TriggerSpec(
        type=data["type"],
        is_noun=data["kind"] == "noun",
        words=frozenset(data["lemmas"]) | frozenset(data["forms"]),
        companions=frozenset(data.get("with", [])),
        window=int(data.get("window", 0)),
        requires=tuple(data.get("requires", [])),
        count_role=data.get("count_role"),
        passive_only=bool(data.get("passive_only", False)),
        slots=slot_map(data.get("slots", {})),
    )


def type_spec(data: dict[str, Any]) -> TypeSpec:
    inherit = data.get("inherit", {})
    return TypeSpec(
        roles=tuple(data["roles"]),
        slots=slot_map(data["slots"]),
        agent=data.get("agent"),
        amount_role=data.get("amount_role"),
        required=tuple(tuple(alternative) for alternative in data["required"]),
        keys=tuple(data["keys"]),
        inherit_from=inherit.get("from"),
        inherited_roles=dict(inherit.get("roles", {})),
        inherit_in_sentence=tuple(data.get("inherit_in_sentence", [])),
    )


@cache
def event_lexicon(code: str) -> EventLexicon:
    data = lang.load(code, "events")
    title = data["title_role"]
    return EventLexicon(
        triggers=tuple(trigger_spec(t) for t in data["triggers"]),
        types={name: type_spec(spec) for name, spec in data["types"].items()},
        absorbed_by={k: frozenset(v) for k, v in data["absorbed_by"].items()},
        retyping={
            k: Retyping(type=v["type"], governors=frozenset(v["lemmas"]))
            for k, v in data["retyping_governors"].items()
        },
        support_verbs=frozenset(data["support_verbs"]),
        role_entity_types={k: frozenset(v) for k, v in data["role_entity_types"].items()},
        location_role=data["location_role"],
        loose_types=frozenset(data["loose_types"]),
        date_role=data["date_role"],
        title=TitleRole(
            type=title["type"],
            role=title["role"],
            prepositions=frozenset(title["prepositions"]),
            nouns=frozenset(title["nouns"]),
        ),
        count_objects_excluded=frozenset(data["count_objects_excluded"]),
        companions={
            k: Companion(lemmas=frozenset(v["lemmas"]), slots=slot_map(v["slots"]))
            for k, v in data["companions"].items()
        },
        organization_descriptions=frozenset(data["organization_descriptions"]),
        person_descriptions=frozenset(data["person_descriptions"]),
        representatives=frozenset(data["representatives"]),
        definite_determiners=frozenset(data["definite_determiners"]),
        hypothetical_lemmas=frozenset(data["hypothetical_lemmas"]),
        hypothetical_marks=frozenset(data["hypothetical_marks"]),
        purpose_marks=frozenset(data["purpose_marks"]),
        negations=frozenset(data["negations"]),
        future_is_hypothetical=bool(data["future_is_hypothetical"]),
    )
