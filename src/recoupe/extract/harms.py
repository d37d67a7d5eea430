"""Harm done to named people: who was hurt or killed, with what, where on the body, when.

French news tells it with a participle: set beside the name after a comma ('Jérôme
Rodrigues, gravement blessé à l'œil droit le 26 janvier', 'Antonio, un des organisateurs,
lui-même blessé par une grenade GLI-F4'), in the passive with the name for subject ('Roger
a été tué par un camion'), or active with the name for object ('les policiers ont blessé
Paul Leroy à la jambe'). 'par' and a weapon noun give what hurt them, 'à' and a
part of the body where; a date inside the phrase, when. Outlets that tell one person's harm
differently (which grenade, which day) are then compared (stories/claims.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, cast

from spacy.tokens import Doc, Span, Token

from recoupe import lang as lang_data
from recoupe.extract.context import Context
from recoupe.nlp import text_of
from recoupe.record import DateMention, Entity, Harm, RelativeDate, Speaker

Outcome = Literal["injured", "killed"]
# How far before the participle its name may be, in tokens ('Antonio, un des organisateurs
# de la marche, lui-même blessé').
NAME_REACH = 12
# Tokens of a participle's phrase, at most.
PHRASE_WORDS = 20
# Tokens of a weapon's phrase kept after its noun ('grenade GLI-F4', 'tir de LBD').
WEAPON_WORDS = 5
# Marks that end the participle's phrase; a hyphen or an apostrophe does not.
PHRASE_ENDS = frozenset(',;.:!?()«»"“”[]—–')
SENTENCE_ENDS = frozenset(".!?")
PASSIVE_SUBJECT = "nsubj:pass"
# Words that go on a weapon's phrase after its noun ('grenade GLI-F4', 'tir de LBD').
WEAPON_TAIL = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X"})
WEAPON_LINKS = frozenset({"de", "d'", "d’", "-"})
# Words before a weapon's noun that are not it ('deux balles', 'une violente grenade').
NOT_HEADS = frozenset({"DET", "NUM", "ADJ"})
PERSON_TYPES = frozenset({"PER", "MISC"})


@dataclass(frozen=True)
class HarmLexicon:
    verbs: dict[str, Outcome]
    needs_detail: frozenset[str]
    manner: frozenset[str]
    weapons: frozenset[str]
    body_parts: frozenset[str]
    wound_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]


@cache
def harm_lexicon(lang: str) -> HarmLexicon:
    data = lang_data.load(lang, "harms")
    return HarmLexicon(
        verbs={k: cast(Outcome, v) for k, v in data["verbs"].items()},
        needs_detail=frozenset(data["needs_detail"]),
        manner=frozenset(data["manner"]),
        weapons=frozenset(data["weapons"]),
        body_parts=frozenset(data["body_parts"]),
        wound_prepositions=frozenset(data["wound_prepositions"]),
        agent_prepositions=frozenset(data["agent_prepositions"]),
    )


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str


def extract_harms(
    doc: Doc,
    ctx: Context,
    entities: list[Entity],
    dates: list[DateMention],
    relative_dates: list[RelativeDate],
) -> list[Harm]:
    reader = HarmReader(doc, harm_lexicon(ctx.lang), entities, dates, relative_dates)
    found = [harm for token in doc if (harm := reader.harm(token))]
    return [h.model_copy(update={"id": f"h{i}"}) for i, h in enumerate(found, 1)]


class HarmReader:
    def __init__(
        self,
        doc: Doc,
        lex: HarmLexicon,
        entities: list[Entity],
        dates: list[DateMention],
        relative_dates: list[RelativeDate],
    ) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.lex = lex
        # Named people, by every mention of theirs ('le gendarme' once named too), in text
        # order: 'Antonio' is often typed MISC, 'gilets jaunes' must not be a person.
        self.people = sorted(
            (
                Mention(m.start, m.end, e.id)
                for e in entities
                if e.type in PERSON_TYPES and all(w[:1].isupper() for w in e.name.split())
                for m in e.mentions
            ),
            key=lambda m: m.start,
        )
        self.non_people = [
            (m.start, m.end) for e in entities if e.type not in PERSON_TYPES for m in e.mentions
        ]
        self.dates = [(d.start, d.end, d.id, "date") for d in dates]
        self.dates += [(d.start, d.end, d.id, "relative_date") for d in relative_dates]

    def harm(self, token: Token) -> Harm | None:
        outcome = self.outcome(token)
        if outcome is None:
            return None
        person = self.harmed(token)
        if person is None:
            return None
        phrase = self.phrase(token)
        weapon, wound = self.weapon(phrase), self.wound(phrase)
        when = next((d for d in self.dates if phrase.start_char <= d[0] < phrase.end_char), None)
        # 'touché par ce geste', 'blessé dans son orgueil': a hurt with nothing of a wound.
        told = weapon or wound or (when and token.lemma_ not in self.lex.needs_detail)
        if outcome == "injured" and not told:
            return None
        return Harm(
            id="",
            start=token.idx,
            end=phrase.end_char,
            text=self.text[token.idx : phrase.end_char],
            person=Speaker(entity=person.entity, text=self.text[person.start : person.end]),
            outcome=outcome,
            weapon=weapon,
            wound=wound,
            date=when[2] if when and when[3] == "date" else None,
            relative_date=when[2] if when and when[3] == "relative_date" else None,
        )

    def outcome(self, token: Token) -> Outcome | None:
        """The outcome a past participle of harm says ('blessé', 'a été tué', 'ont blessé
        Paul Leroy')."""
        if "Part" not in token.morph.get("VerbForm", []) and token.pos_ != "ADJ":
            return None
        if "Pres" in token.morph.get("Tense", []):
            return None  # 'touchant un homme à une jambe': the harm is someone else's
        return self.lex.verbs.get(token.lemma_) or self.lex.verbs.get(token.lower_)

    def harmed(self, token: Token) -> Mention | None:
        """Who the participle says was harmed: the object of an active verb ('les policiers
        ont blessé Paul Leroy'), the subject of a passive, or the name it is set beside."""
        active = any(c.dep_ == "aux:tense" for c in token.children) and not self.passive(token)
        harmed = next((c for c in token.children if c.dep_ == "obj"), None)
        if active or harmed is not None:
            return self.name_in(harmed)
        if "Plur" in token.morph.get("Number", []):
            return None  # 'les personnes blessées à l'œil': not the one person named before
        return self.passive_subject(token) or self.named_before(token)

    def name_in(self, noun: Token | None) -> Mention | None:
        """A name in the phrase of this noun ('le gendarme Arnaud Beltrame')."""
        if noun is None:
            return None
        span = self.doc[noun.left_edge.i : noun.right_edge.i + 1]
        return next((m for m in self.people if span.start_char <= m.start < span.end_char), None)

    def passive(self, token: Token) -> bool:
        return any(c.dep_ in ("aux:pass", PASSIVE_SUBJECT) for c in token.children)

    def passive_subject(self, token: Token) -> Mention | None:
        """The name the passive says was harmed: its subject, or where the parser found none
        ('Roger, 50 ans, a été tué'), the last name before the auxiliaries with no verb
        between."""
        subject = next((c for c in token.children if c.dep_ == PASSIVE_SUBJECT), None)
        if subject is not None:
            return self.name_in(subject)
        auxiliaries = [c.i for c in token.children if c.dep_.startswith("aux")]
        if not auxiliaries or not self.passive(token):
            return None
        start = self.doc[self.reach_start(token)].idx
        names = [m for m in self.people if start <= m.start < self.doc[min(auxiliaries)].idx]
        if not names:
            return None
        first_auxiliary = self.doc[min(auxiliaries)].idx
        between = self.doc.char_span(names[-1].end, first_auxiliary, alignment_mode="expand")
        return None if between is None or has_verb(between) else names[-1]

    def named_before(self, token: Token) -> Mention | None:
        """The name a participle is set beside: after a comma (or 'et') and only words of
        manner ('lui-même', 'gravement'), the closest name before it, unless a place or an
        organisation is named closer."""
        before = token.i - 1
        sentence_start = self.reach_start(token)
        while before >= sentence_start and self.doc[before].lower_ in self.lex.manner:
            if self.doc[before].lower_ == "et":
                break
            before -= 1
        if before < sentence_start or self.doc[before].text not in (",", "et"):
            return None
        first = sentence_start
        limit = self.doc[before].idx
        names = [m for m in self.people if self.doc[first].idx <= m.start < limit]
        others = [s for s, _ in self.non_people if self.doc[first].idx <= s < limit]
        if not names or (others and max(others) > names[-1].start):
            return None
        # 'Macron a rendu hommage au gendarme, tué': a verb between says someone else.
        between = self.doc.char_span(names[-1].end, limit, alignment_mode="expand")
        return None if between is None or has_verb(between) else names[-1]

    def reach_start(self, token: Token) -> int:
        """The first token a name of this participle may be at: at most NAME_REACH tokens
        back, in its sentence (the parser may end a sentence after a lone first name)."""
        first = max(0, token.i - NAME_REACH)
        ends = [t.i for t in self.doc[first : token.i] if t.text in SENTENCE_ENDS]
        return ends[-1] + 1 if ends else first

    def phrase(self, token: Token) -> Span:
        """From the participle to the first mark that ends its phrase (the parser may end a
        sentence inside 'GLI-F4')."""
        last = min(len(self.doc), token.i + PHRASE_WORDS)
        end = token.i + 1
        while end < last and self.doc[end].text not in PHRASE_ENDS:
            end += 1
        return self.doc[token.i : end]

    def weapon(self, phrase: Span) -> str | None:
        """'par une grenade GLI-F4': the weapon noun and the words after it in the phrase,
        up to a date."""
        for token in phrase[1:]:
            if token.lower_ not in self.lex.agent_prepositions:
                continue
            after = self.doc[token.i + 1 : phrase.end]
            noun = next((t for t in after if t.pos_ not in NOT_HEADS), None)
            if noun is None or noun.lemma_.lower() not in self.lex.weapons:
                continue  # 'blessé par des policiers, par un tir de LBD'
            last = noun
            for following in self.doc[noun.i + 1 : min(phrase.end, noun.i + 1 + WEAPON_WORDS)]:
                if self.in_date(following.idx) or following.lower_ in self.lex.agent_prepositions:
                    break
                if following.pos_ not in WEAPON_TAIL and following.lower_ not in WEAPON_LINKS:
                    break  # 'une balle de revolver tandis que', 'un projectile alors qu'il
                last = following
            return self.text[noun.idx : last.idx + len(last.text)]
        return None

    def wound(self, phrase: Span) -> str | None:
        """'à l'œil droit', 'au visage': the part of the body and the adjectives after it."""
        for token in phrase[1:]:
            if token.lemma_.lower() not in self.lex.body_parts:
                continue
            lead = self.doc[max(phrase.start, token.i - 2) : token.i]
            if not any(t.lower_ in self.lex.wound_prepositions for t in lead):
                continue
            last = token
            while last.i + 1 < phrase.end and self.doc[last.i + 1].pos_ == "ADJ":
                last = self.doc[last.i + 1]
            return self.text[token.idx : last.idx + len(last.text)]
        return None

    def in_date(self, char: int) -> bool:
        return any(start <= char < end for start, end, _, _ in self.dates)


def has_verb(span: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in span)
