"""Who did what to whom: the roles of an event mention, read off the dependency parse.

Each mention has anchors: its trigger, the words that complete it ('offre d'achat'), the verb
that carries a noun trigger ('a formulé une offre'), the verb that retypes it ('propose de
racheter'), and verbs that say who acts in its sentence ('Musk reprochant à OpenAI'). An
item of the sentence belongs to the first anchor above it in the tree, and the way it hangs
on that anchor (subject, object, a preposition) gives its slot; the event table maps slots
to roles. Subjects are found as speakers are: through verb chains, relative clauses and
pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Literal

from spacy.tokens import Span, Token

from recoupe.extract.event_items import ArticleItems, Item
from recoupe.extract.event_lexicon import EventLexicon, TypeSpec
from recoupe.extract.event_triggers import Trigger, is_passive
from recoupe.extract.speakers import SpeakerResolver, cue_lemma, subject_of
from recoupe.record import EventSource, Modality, RoleFiller

AnchorKind = Literal["verb", "noun", "support", "companion"]

SUBJECT_DEPS = frozenset({"nsubj", "expl:subj", "nsubj:caus"})
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "parataxis", "acl:relcl", "csubj"})
# Hops that stay inside one noun phrase: an item reached only through them is the phrase.
PHRASE_DEPS = frozenset({"flat:name", "flat", "appos", "conj", "compound", "fixed", "nummod"})
CASE_FORMS = {"d'": "de", "d’": "de", "du": "de", "des": "de", "au": "à", "aux": "à"}
MAX_HOPS = 8
DATE_HOPS = 3
LOOSE_REACH = 15  # tokens between a loose place or date and the trigger it goes to
MAX_TITLE_TOKENS = 6


@dataclass
class Filler:
    role: str
    filler: RoleFiller
    key: tuple[str, float | str]

    @property
    def placed(self) -> bool:
        """False for a date that waits for a day of reference (an undated article's): it
        rides along with an event, but neither makes one stand nor keeps two apart."""
        return self.key[0] != "relative_date"


@dataclass
class Mention:
    """One mention of an event in one sentence, before mentions of one event are merged."""

    type: str
    trigger: Trigger
    anchors: dict[int, AnchorKind]
    fillers: list[Filler] = field(default_factory=list)
    modality: Modality = "asserted"
    source: EventSource | None = None

    def has(self, role: str) -> bool:
        return any(f.role == role and f.placed for f in self.fillers)

    def add(self, role: str, filler: RoleFiller, key: tuple[str, float | str]) -> None:
        if not any(f.role == role and f.key == key for f in self.fillers):
            self.fillers.append(Filler(role, filler, key))


@dataclass(frozen=True)
class Placement:
    """Where an item hangs: the anchor, the slot, and whether it is the phrase itself."""

    anchor: int
    slot: str
    direct: bool
    hops: int


class RoleReader:
    def __init__(self, items: ArticleItems, lex: EventLexicon, resolver: SpeakerResolver) -> None:
        self.items = items
        self.lex = lex
        self.resolver = resolver
        self.doc = items.doc

    def read(self, sentence: Span, mentions: list[Mention]) -> None:
        owners = {i: m for m in mentions for i in m.anchors}
        for item in self.items.between(sentence.start_char, sentence.end_char):
            token = self.items.token_of(item)
            if token is not None:
                self.place(item, token, owners, mentions)
        for mention in mentions:
            self.read_subjects(mention)
            self.read_descriptions(mention, sentence, owners)
            if mention.type == self.lex.title.type:
                self.read_title(mention)

    def place(
        self, item: Item, token: Token, owners: dict[int, Mention], mentions: list[Mention]
    ) -> None:
        placement = self.placement(token, owners)
        if placement is None:
            if not self.of_report(token):
                self.place_loose(item, token, mentions)
            return
        mention = owners[placement.anchor]
        role = self.role_for(item, mention, placement)
        if role is not None:
            mention.add(role, item.filler(), item.key())

    def role_for(self, item: Item, mention: Mention, placement: Placement) -> str | None:
        spec = self.lex.types[mention.type]
        if item.kind == "amount":
            return spec.amount_role
        if item.kind == "date":
            return self.lex.date_role if placement.hops <= DATE_HOPS else None
        if item.kind == "count":
            return self.count_role(item, mention)
        slots = self.slots(mention, placement)
        assert item.entity_type is not None
        return self.entity_role(item.entity_type, slots, spec, placement)

    def count_role(self, item: Item, mention: Mention) -> str | None:
        counted = (item.counted or "").lower().split()
        if counted and counted[0] in self.lex.count_objects_excluded:
            return None
        return mention.trigger.spec.count_role

    def slots(self, mention: Mention, placement: Placement) -> tuple[str, ...]:
        kind = mention.anchors[placement.anchor]
        spec = self.lex.types[mention.type]
        if kind == "support":
            # The support verb's object is the trigger itself; its subject is the agent.
            if placement.slot in ("subject", "par"):
                return (spec.agent,) if spec.agent else ()
            return () if placement.slot == "object" else spec.slots.get(placement.slot, ())
        if kind == "companion":
            return self.lex.companions[mention.type].slots.get(placement.slot, ())
        own = mention.trigger.spec.slots.get(placement.slot)
        return own if own is not None else spec.slots.get(placement.slot, ())

    def entity_role(
        self, entity_type: str, roles: tuple[str, ...], spec: TypeSpec, placement: Placement
    ) -> str | None:
        if placement.direct or placement.slot == "title_of":
            for role in roles:
                if entity_type in self.lex.role_entity_types.get(role, frozenset()):
                    return role
        if entity_type == "LOC" and self.lex.location_role in spec.roles:
            return self.lex.location_role
        return None

    def placement(self, token: Token, owners: dict[int, Mention]) -> Placement | None:
        """The first anchor above `token` (or a participle hanging on it: 'quatre personnes
        blessées'), and the slot of the branch that leads there."""
        below: Token | None = None
        current = token
        direct = True
        for hops in range(MAX_HOPS):
            if current.i in owners:
                anchor_kind = owners[current.i].anchors[current.i]
                return Placement(current.i, self.slot(below, current, anchor_kind), direct, hops)
            # What hangs on a verb of saying tells of the report: 'placé en garde à vue mardi
            # soir, a indiqué mercredi le parquet de Paris' puts neither mercredi nor Paris
            # on the custody.
            if self.reports(current):
                return None
            if below is not None and not inside_phrase(below):
                direct = False
            below = current
            if current.head.i == current.i:
                break
            current = current.head
        for child in token.children:
            if child.i in owners and child.dep_ in ("acl", "amod"):
                return Placement(child.i, "object", True, 0)
        return None

    def reports(self, token: Token) -> bool:
        """A verb of saying in the active ('a annoncé dimanche la préfecture'): passive, it
        tells of the thing itself ('un rassemblement est prévu place de la Monnaie', 'une
        startup lancée en 2023')."""
        return (
            token.pos_ == "VERB"
            and cue_lemma(token, self.resolver.lex) is not None
            and not is_passive(token)
        )

    def of_report(self, token: Token) -> bool:
        """Whether the token tells when or where a verb of saying was said ('a déclaré
        dimanche'): it hangs on the verb, not through its subject, whose words may name
        the event ('un manifestant à la marche de Paris a résumé'), and comes before the
        verb's object: after it, it tells of what is reported ('a dénoncé l'interpellation
        de 12 militants mardi à Lyon')."""
        below = token
        for current in islice(token.ancestors, MAX_HOPS):
            if self.reports(current):
                return below.dep_ not in SUBJECT_DEPS and not after_object(token, current)
            below = current
        return False

    def slot(self, below: Token | None, anchor: Token, kind: AnchorKind) -> str:
        if below is None:
            return "self"
        if below.lemma_ in self.lex.title.nouns or below.lower_ in self.lex.title.nouns:
            return "title_of"
        case = case_of(below)
        dep = below.dep_
        if dep == "obl:agent" or case == "par":
            return "par"
        if case:
            return case
        if dep == "nsubj:pass":
            return "object"
        if dep in SUBJECT_DEPS:
            return "object" if is_passive(anchor) else "subject"
        if dep in ("obj", "iobj"):
            return "object"
        if dep in CLAUSE_DEPS or kind == "noun":
            return "other"
        # A misparsed name next to its verb ('cofonde OpenAI' as an adverb): its position says.
        if below.i < anchor.i:
            return "object" if is_passive(anchor) else "subject"
        return "object"

    def place_loose(self, item: Item, token: Token, mentions: list[Mention]) -> None:
        """A place or date of the sentence hanging on no trigger: 'À Paris, la mobilisation
        ne faiblit pas'."""
        is_place = item.kind == "entity" and item.entity_type == "LOC"
        if not (is_place or item.kind == "date"):
            return
        loose = [
            m
            for m in mentions
            if m.type in self.lex.loose_types and abs(m.trigger.token.i - token.i) <= LOOSE_REACH
        ]
        if not loose:
            return
        nearest = min(loose, key=lambda m: abs(m.trigger.token.i - token.i))
        role = self.lex.location_role if is_place else self.lex.date_role
        nearest.add(role, item.filler(), item.key())

    def read_subjects(self, mention: Mention) -> None:
        """Subjects the items miss: pronouns, relative 'qui', groups ('un consortium dirigé
        par Elon Musk'), descriptions ('l'entreprise'); and pronoun complements ('une
        plainte contre lui')."""
        for i, kind in mention.anchors.items():
            anchor = self.doc[i]
            for pronoun in anchor.children:
                if pronoun.pos_ == "PRON" and pronoun.dep_ not in SUBJECT_DEPS:
                    slot = self.slot(pronoun, anchor, kind)
                    self.add_entity(mention, self.entity_of(pronoun), Placement(i, slot, True, 1))
            if kind == "noun":
                continue
            subject = self.subject(anchor)
            if subject is None:
                continue
            slot = "object" if is_passive(anchor) else "subject"
            for conjunct in (subject, *(c for c in subject.children if c.dep_ == "conj")):
                self.add_entity(mention, self.entity_of(conjunct), Placement(i, slot, True, 1))

    def add_entity(self, mention: Mention, entity_id: str | None, placement: Placement) -> None:
        if entity_id is None:
            return
        role = self.entity_role(
            self.items.types[entity_id],
            self.slots(mention, placement),
            self.lex.types[mention.type],
            placement,
        )
        if role is not None and role != self.lex.location_role:
            mention.add(role, RoleFiller(entity=entity_id), ("entity", entity_id))

    def subject(self, verb: Token) -> Token | None:
        relative = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if relative is not None and relative.lower_ == "qui":
            return antecedent(relative)
        return subject_of(verb)

    def entity_of(self, token: Token) -> str | None:
        """The entity a subject phrase names."""
        if token.pos_ == "PRON":
            speaker = self.resolver.speaker_from(token)
            return speaker.entity if speaker is not None else None
        covering = self.items.entity_covering(token.idx)
        if covering is not None:
            return covering
        named = self.named_inside(token)
        if named is not None:
            return named
        if self.is_description(token, self.lex.organization_descriptions):
            return self.introduced_as(token) or self.items.organization_before(token.idx)
        if self.stands_for_person(token):
            return self.items.person_before(token.idx)
        return None

    def stands_for_person(self, token: Token) -> bool:
        """'l'homme le plus riche de la planète', 'ses avocats'."""
        if self.is_description(token, self.lex.person_descriptions):
            return True
        return token.lower_ in self.lex.representatives and any(
            "Yes" in c.morph.get("Poss", []) for c in token.children
        )

    def named_inside(self, head: Token) -> str | None:
        """A person or organisation named in the phrase: its apposition, or the leader of a
        group ('un consortium dirigé par Elon Musk')."""
        for token in head.subtree:
            if token.i != head.i and (token.dep_ == "obl:agent" or inside_phrase(token)):
                entity_id = self.items.entity_covering(token.idx)
                if entity_id is not None and self.items.types[entity_id] in ("PER", "ORG"):
                    return entity_id
        return None

    def introduced_as(self, description: Token) -> str | None:
        """'Le groupe grenoblois' after 'le groupe grenoblois Serrandis': the organisation
        last introduced by the same noun and adjectives, whatever was named since. A bare
        'le groupe' says too little to tell which."""
        adjectives = modifiers(description)
        if not adjectives:
            return None
        for earlier in reversed(self.doc[: description.i]):
            if earlier.lemma_ == description.lemma_ and adjectives <= modifiers(earlier):
                named = self.name_of(earlier)
                if named is not None:
                    return named
        return None

    def name_of(self, noun: Token) -> str | None:
        """The name a noun introduces ('le groupe grenoblois Serrandis'), whatever type the
        recogniser gave it, but a place."""
        for token in noun.children:
            if inside_phrase(token):
                entity_id = self.items.entity_covering(token.idx)
                if entity_id is not None and self.items.types[entity_id] != "LOC":
                    return entity_id
        return None

    def is_description(self, token: Token, nouns: frozenset[str]) -> bool:
        return token.lemma_ in nouns and any(
            c.dep_ == "det" and c.lower_ in self.lex.definite_determiners for c in token.children
        )

    def read_descriptions(
        self, mention: Mention, sentence: Span, owners: dict[int, Mention]
    ) -> None:
        """'avant de quitter l'entreprise': a definite description of an organisation
        stands for the organisation named last."""
        for i in mention.anchors:
            for child in self.doc[i].children:
                if not self.is_description(child, self.lex.organization_descriptions):
                    continue
                if self.items.entity_covering(child.idx):
                    continue
                entity_id = self.introduced_as(child) or self.items.organization_before(child.idx)
                placement = self.placement(child, owners)
                if (
                    entity_id is None
                    or placement is None
                    or owners[placement.anchor] is not mention
                ):
                    continue
                role = self.entity_role(
                    "ORG", self.slots(mention, placement), self.lex.types[mention.type], placement
                )
                if role is not None:
                    mention.add(role, RoleFiller(entity=entity_id), ("entity", entity_id))

    def read_title(self, mention: Mention) -> None:
        """'est nommé directeur général', 'au poste de directrice': the position, as text."""
        for i in mention.anchors:
            title = self.title_noun(self.doc[i])
            if title is not None:
                text = title_text(title, self.items)
                mention.add(self.lex.title.role, RoleFiller(text=text), ("text", text.lower()))
                return

    def title_noun(self, anchor: Token) -> Token | None:
        titles = self.lex.title
        for child in anchor.children:
            if child.lower_ in titles.nouns or child.lemma_ in titles.nouns:
                return child
            if child.lemma_ in titles.prepositions or case_of(child) in titles.prepositions:
                nested = [c for c in child.children if c.lower_ in titles.nouns]
                return nested[0] if nested else child
        return None


def title_text(noun: Token, items: ArticleItems) -> str:
    """The position named by `noun` with its modifiers, up to the organisation it is in."""
    doc = noun.doc
    end = noun.i + 1
    limit = min(noun.right_edge.i + 1, noun.i + MAX_TITLE_TOKENS)
    while end < limit:
        token = doc[end]
        if token.is_punct or items.entity_covering(token.idx) is not None:
            break
        after = doc[end + 1] if end + 1 < len(doc) else None
        if token.pos_ in ("ADP", "DET") and after and items.entity_covering(after.idx):
            break
        end += 1
    return doc[noun.i : end].text


def modifiers(noun: Token) -> frozenset[str]:
    """The adjectives that qualify a noun ('grenoblois' of 'le groupe grenoblois')."""
    return frozenset(c.lower_ for c in noun.children if c.dep_ == "amod")


def inside_phrase(token: Token) -> bool:
    """A hop inside one noun phrase: a name, an apposition, 'le syndicat CGT'."""
    return token.dep_ in PHRASE_DEPS or (token.dep_ == "nmod" and case_of(token) is None)


def case_of(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "case" and child.i < token.i:
            lower = child.lower_
            return CASE_FORMS.get(lower, lower)
    return None


def antecedent(relative: Token) -> Token:
    """What a relative 'qui' stands for: the word just before it ('Sam Altman, PDG d'OpenAI,
    qui ...' -> 'PDG'), which the parse often hangs elsewhere."""
    i = relative.i - 1
    doc = relative.doc
    while i > relative.sent.start and doc[i].is_punct:
        i -= 1
    return doc[i]


def after_object(token: Token, verb: Token) -> bool:
    """Whether the token follows the verb's object. A speaker set after the verb ('a ajouté
    l'ex-président de la Polynésie') is often parsed as its object: only a verb with a
    subject of its own is taken to have one."""
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return any(c.dep_ == "obj" and c.i < token.i for c in verb.children)
