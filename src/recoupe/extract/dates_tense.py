"""Whether the verb governing a date expression speaks of the past or the future.

"Lundi, il a manifesté" is the last Monday, "lundi, il manifestera" the next one. The verb is
found by walking up the dependency tree from the expression; its tense comes from the verb
and its auxiliaries.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from recoupe.extract.dates_calendar import Direction

VERB_POS = {"VERB", "AUX"}
TENSE_AUX_DEPS = {"aux", "aux:tense"}
PASSIVE_AUX_DEP = "aux:pass"
PAST_TENSES = {"Imp", "Past"}
# Steps up the tree before giving up (dates usually hang right under their verb).
MAX_CLIMB = 4


def governing_verb(token: Token) -> Token | None:
    for _ in range(MAX_CLIMB):
        if token.pos_ in VERB_POS:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return token if token.pos_ in VERB_POS else None


def feature(token: Token, name: str) -> list[str]:
    values: list[str] = token.morph.get(name, [])
    return values


def tenses(token: Token) -> set[str]:
    return set(feature(token, "Tense"))


def verb_direction(verb: Token) -> Direction:
    tense_aux = [c for c in verb.children if c.dep_ in TENSE_AUX_DEPS]
    passive_aux = [c for c in verb.children if c.dep_ == PASSIVE_AUX_DEP]
    forms = [verb, *tense_aux, *passive_aux]
    if any("Fut" in tenses(t) for t in forms):
        return "future"
    if tense_aux and "Part" in feature(verb, "VerbForm"):
        return "past"  # passé composé, plus-que-parfait, conditionnel passé
    if any("Cnd" in feature(t, "Mood") for t in forms):
        return "future"  # "il devrait se rendre lundi"
    finite = passive_aux or [verb]  # "est organisée" takes the tense of "est"
    if any(tenses(t) & PAST_TENSES and "Fin" in feature(t, "VerbForm") for t in finite):
        return "past"
    return None


def direction_at(doc: Doc, start: int, end: int, future_lemmas: Collection[str]) -> Direction:
    """The direction given by the tense of the verb that governs doc.text[start:end].

    `future_lemmas` are verbs whose present with an infinitive announces the future
    ("va manifester", "doit se rendre").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    if verb is None:
        return None
    if "Inf" in feature(verb, "VerbForm") and verb.head.i != verb.i:
        above = governing_verb(verb.head)
        if above is None:
            return None
        if above.lemma_ in future_lemmas and "Pres" in tenses(above):
            return "future"
        verb = above
    return verb_direction(verb)
