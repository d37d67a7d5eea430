"""Trigger words of events, found on the lemma and lower-case arrays of the Doc.

A trigger is a token whose lemma or form the event table lists, with the words that must
follow it ('offre' + 'achat', 'garde' + 'vue'); those words belong to the trigger and are
never triggers themselves ('rachat' in 'offre de rachat').
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from recoupe.extract.event_lexicon import TriggerSpec, event_lexicon
from recoupe.extract.speakers import inverted_clitic

# A companion word this close to the trigger is shown as part of it ("offre d'achat").
SHOWN_COMPANION_REACH = 3


@dataclass(frozen=True)
class Trigger:
    token: Token
    spec: TriggerSpec
    companions: tuple[Token, ...]

    @property
    def end_char(self) -> int:
        shown = [t for t in self.companions if 0 < t.i - self.token.i <= SHOWN_COMPANION_REACH]
        last = shown[-1] if shown else self.token
        return last.idx + len(last.text)


@cache
def specs_by_word(code: str) -> dict[str, tuple[TriggerSpec, ...]]:
    lex = event_lexicon(code)
    table: dict[str, list[TriggerSpec]] = {}
    for spec in lex.triggers:
        for word in spec.words:
            table.setdefault(word, []).append(spec)
    return {word: tuple(specs) for word, specs in table.items()}


def find_triggers(doc: Doc, code: str) -> list[Trigger]:
    """Every trigger of the Doc, in text order."""
    table = specs_by_word(code)
    wanted = numpy.array([doc.vocab.strings.add(word) for word in table], dtype="uint64")
    words = doc.to_array([LEMMA, LOWER])
    hits = numpy.flatnonzero(numpy.isin(words, wanted).any(axis=1))
    found = [t for i in hits if (t := trigger_at(doc[int(i)], table)) is not None]
    taken = {c.i for t in found for c in t.companions}
    return [t for t in found if t.token.i not in taken]


def trigger_at(token: Token, table: dict[str, tuple[TriggerSpec, ...]]) -> Trigger | None:
    specs = table.get(token.lemma_, ()) + table.get(token.lower_, ())
    for spec in specs:
        if not spec.is_noun and not is_verb_trigger(token, spec):
            continue
        if not spec.companions:
            return Trigger(token, spec, ())
        companions = following(token, spec)
        if companions:
            return Trigger(token, spec, companions)
    return None


def following(token: Token, spec: TriggerSpec) -> tuple[Token, ...]:
    """The first word of `spec.companions` within its window, in the same sentence, or the
    subject of the verb in the passive ('le Conseil a été saisi par')."""
    end = min(token.i + 1 + spec.window, token.sent.end)
    after = token.doc[token.i + 1 : end]
    subjects = [c for c in token.children if c.dep_ == "nsubj:pass"] if is_passive(token) else []
    for other in [*after, *subjects]:
        if other.lemma_ in spec.companions or other.lower_ in spec.companions:
            return (other,)
    return ()


def is_verb_trigger(token: Token, spec: TriggerSpec) -> bool:
    """Not an order ('arrêtez de ...'), and passive where the table asks for it."""
    if "Imp" in token.morph.get("Mood", []):
        return False
    return is_passive(token) or not spec.passive_only


def is_passive(verb: Token) -> bool:
    """'a été évaluée', 'une startup lancée en 2023'; not '», a-t-il poursuivi', whose
    inverted pronoun the parser often takes for a passive subject."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    if inverted_clitic(verb) is not None:
        return False
    if "Pass" in verb.morph.get("Voice", []):
        return True
    participle = "Part" in verb.morph.get("VerbForm", [])
    return participle and verb.dep_ in ("acl", "amod")
