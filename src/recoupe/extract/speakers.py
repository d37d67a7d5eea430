"""Who speaks: the cue verb of a quote, its subject, and the entity that subject refers to.

The subject of a speech verb is found on the dependency parse: the ordinary subject ("Musk a
répliqué"), the inverted one ("a déclaré le ministre", "a-t-il ajouté"), the antecedent of a
relative "qui". Pronouns are resolved to the most recent person of the same gender; names
and descriptions to the entity holding that mention.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.tokens import Doc, Span, Token

from recoupe import lang
from recoupe.extract.dates_tense import governing_verb
from recoupe.record import Entity, Speaker

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
# Verb chains through which a subject is shared: "a tenu à préciser", "..., estimant que".
SUBJECT_SHARING_DEPS = ("xcomp", "advcl")
COMPLEMENT_DEPS = ("obj", "iobj", "obl", "obl:mod", "obl:arg", "nmod")
# "a-t-il ajouté": spaCy attaches the inverted pronoun with varying labels.
INVERTED_CLITICS = frozenset({"-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on"})
MAX_SPEAKER_TOKENS = 12
# Words a speaker's phrase does not end on: a determiner, a preposition, a conjunction.
DANGLING_POS = frozenset({"DET", "ADP", "CCONJ"})
# How far back a pronoun looks for a person who was the subject of a sentence.
SUBJECT_REACH = 1500
# Present-tense endings of first-group verbs, stripped to guess an infinitive.
FIRST_GROUP_ENDINGS = re.compile(r"(e|es|ent)$")
OF = frozenset({"de", "d'", "d’", "du", "des"})
CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "«", "»", '"', "“", "”"})


@dataclass(frozen=True)
class SpeechLexicon:
    cue_lemmas: frozenset[str]
    speech_lemmas: frozenset[str]
    object_content_lemmas: frozenset[str]
    infinitive_content_lemmas: frozenset[str]
    quotative_lemmas: frozenset[str]
    naming_lemmas: frozenset[str]
    determiners: frozenset[str]
    time_nouns: frozenset[str]
    source_prepositions: frozenset[str]
    speaker_phrase_ends: frozenset[str]
    learned_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    anonymous_pronouns: frozenset[str]
    definite_determiners: frozenset[str]
    indefinite_subjects: frozenset[str]
    masculine_pronouns: frozenset[str]
    feminine_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    personal_pronouns: frozenset[str]
    feminine_markers: frozenset[str]
    masculine_markers: frozenset[str]
    max_label_words: int


@cache
def speech_lexicon(code: str) -> SpeechLexicon:
    data = lang.load(code, "speech")
    return SpeechLexicon(
        cue_lemmas=frozenset(data["speech_verbs"]) | frozenset(data["cognition_verbs"]),
        speech_lemmas=frozenset(data["speech_verbs"]),
        object_content_lemmas=frozenset(data["object_content_verbs"]),
        infinitive_content_lemmas=frozenset(data["infinitive_content_verbs"]),
        quotative_lemmas=frozenset(data["quotative_verbs"]),
        naming_lemmas=frozenset(data["naming_verbs"]),
        determiners=frozenset(data["determiners"]),
        time_nouns=frozenset(data["time_nouns"]),
        source_prepositions=frozenset(data["source_prepositions"]),
        speaker_phrase_ends=frozenset(data["speaker_phrase_ends"]),
        learned_verbs=frozenset(data["learned_verbs"]),
        speech_nouns=frozenset(data["speech_nouns"]),
        anonymous_pronouns=frozenset(data["anonymous_pronouns"]),
        definite_determiners=frozenset(data["definite_determiners"]),
        indefinite_subjects=frozenset(data["indefinite_subjects"]),
        masculine_pronouns=frozenset(data["masculine_pronouns"]),
        feminine_pronouns=frozenset(data["feminine_pronouns"]),
        plural_pronouns=frozenset(data["plural_pronouns"]),
        personal_pronouns=frozenset(
            data["masculine_pronouns"] + data["feminine_pronouns"] + data["plural_pronouns"]
        ),
        feminine_markers=frozenset(data["feminine_markers"]),
        masculine_markers=frozenset(data["masculine_markers"]),
        max_label_words=int(data["max_label_words"]),
    )


def cue_tokens(doc: Doc, lex: SpeechLexicon) -> list[Token]:
    """Verbs of speech or thought, found on the lemma array rather than token by token;
    verbs the lemmatiser left as they are ('indique') are looked up by their infinitive."""
    wanted = [doc.vocab.strings.add(lemma) for lemma in lex.cue_lemmas]
    lemmas = doc.to_array("LEMMA")
    hits = numpy.isin(lemmas, wanted) | (lemmas == doc.to_array("LOWER"))
    return [
        doc[int(i)]
        for i in numpy.flatnonzero(hits)
        if is_active_verb(doc[int(i)]) and cue_lemma(doc[int(i)], lex) is not None
    ]


def cue_lemma(token: Token, lex: SpeechLexicon) -> str | None:
    """The cue lemma of a verb, or None. The French lemmatiser often returns a present-tense
    form unchanged ('indique', 'estiment'): the first-group infinitive is tried then."""
    if token.lemma_ in lex.cue_lemmas:
        return token.lemma_
    if token.lemma_ != token.lower_:
        return None
    stem = FIRST_GROUP_ENDINGS.sub("", token.lower_)
    infinitive = stem + "er"
    return infinitive if stem != token.lower_ and infinitive in lex.cue_lemmas else None


def is_active_verb(token: Token) -> bool:
    """A verb in the active voice: not passive ('a été demandé') nor a past participle used
    as an adjective ('une arme accusée d'avoir éborgné'), whose noun is not the speaker."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [c for c in token.children if c.dep_.startswith("aux")]
    if any(c.dep_ == "aux:pass" for c in auxiliaries):
        return False
    past_participle = "Part" in token.morph.get("VerbForm", []) and "Past" in token.morph.get(
        "Tense", []
    )
    return not (past_participle and not auxiliaries)


def cue_text(verb: Token) -> str:
    """'a répliqué', 'a ajouté' (for 'a-t-il ajouté'), 'précise'."""
    auxiliaries = [
        t
        for t in verb.children
        if t.dep_.startswith("aux") and verb.i - 4 < t.i < verb.i and not t.text.startswith("-")
    ]
    return " ".join(t.text for t in [*auxiliaries, verb])


def speaker_resolver(doc: Doc, entities: list[Entity], lex: SpeechLexicon) -> SpeakerResolver:
    """The resolver of this Doc and its entities, built once and shared by the extractors
    that need it (quotes, events): building it reads every person's mentions."""
    key = f"recoupe.speakers.{id(entities)}"
    resolver = doc.user_data.get(key)
    if not isinstance(resolver, SpeakerResolver):
        resolver = doc.user_data[key] = SpeakerResolver(doc, entities, lex)
    return resolver


class SpeakerResolver:
    """Maps subjects to entities of the article and resolves pronouns."""

    def __init__(self, doc: Doc, entities: list[Entity], lex: SpeechLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.entities = {e.id: e for e in entities}
        spans = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        self.span_starts = [s[0] for s in spans]
        self.spans = spans
        self.person_mentions = sorted(
            (m.start, e.id, self.is_subject_at(m.start))
            for e in entities
            if e.type == "PER"
            for m in e.mentions
        )
        self.genders = {e.id: self.gender(e) for e in entities if e.type == "PER"}
        self.speaking_nouns = sorted(
            (subject.idx, subject)
            for cue in cue_tokens(doc, lex)
            if (subject := subject_of(cue)) is not None
            and subject.pos_ == "NOUN"
            and self.entity_at(subject.idx) is None
            and (subject.i < cue.i or is_incise(cue))
        )
        self.roles = self.role_words(entities)

    def entity_at(self, char: int) -> str | None:
        """The entity whose mention covers this character, the shortest mention first."""
        i = bisect.bisect_right(self.span_starts, char)
        best: tuple[int, str] | None = None
        for start, end, entity_id in self.spans[max(0, i - 8) : i]:
            if start <= char < end and (best is None or end - start < best[0]):
                best = (end - start, entity_id)
        return best[1] if best else None

    def gender(self, entity: Entity) -> str | None:
        """'f', 'm' or None, from honorifics, articles and roles next to its mentions."""
        feminine = masculine = 0
        for mention in entity.mentions:
            words = self.words_before(mention.start) + mention.text.lower().split()[:1]
            feminine += sum(w in self.lex.feminine_markers for w in words)
            masculine += sum(w in self.lex.masculine_markers for w in words)
        if feminine > masculine:
            return "f"
        if masculine > feminine:
            return "m"
        return None

    def words_before(self, char: int) -> list[str]:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            return []
        start = max(0, span.start - 2)
        return [t.lower_ for t in self.doc[start : span.start]]

    def speaker_of(self, verb: Token, quoted: tuple[int, int] | None = None) -> Speaker | None:
        """The speaker of a cue verb, or None when the text gives none ('on', no subject).

        `quoted` is the character range of the quote being attributed: a subject found
        inside it is a misparse, and after a quote the subject follows the verb.
        """
        if verb.lemma_ in self.lex.learned_verbs:
            source = learned_source(verb)
            if source is not None:
                return self.speaker_from(source)
        if is_narrative_infinitive(verb):
            # "Et d'ajouter : « ... »": the speaker is whoever spoke just before.
            return None
        if not has_own_subject(verb):
            named = self.person_just_before(verb)
            if named is not None:
                return named
        subject = subject_of(verb)
        if subject is not None and quoted and quoted[0] <= subject.idx < quoted[1]:
            subject = None
        after_quote = quoted is not None and verb.idx > quoted[1] and is_incise(verb)
        if after_quote and (subject is None or not is_inverted(subject, verb)):
            subject = self.inverted_subject(verb) or subject
        if subject is None and verb.dep_ == "advcl" and cue_lemma(verb.head, self.lex):
            # "s'est réjouie Caroline Izambert, soulignant que ...": the head's inverted
            # subject; not after a verb that reports nothing ("ont défilé des grilles du site
            # pour réclamer que": the grilles say nothing).
            subject = self.inverted_subject(verb.head)
        if subject is None:
            return None
        return self.speaker_from(subject)

    def person_just_before(self, verb: Token) -> Speaker | None:
        """'..., M. Devaux attend également « ... »' parsed without a subject of its own: a
        person named right before the verb (auxiliaries and adverbs aside) is who speaks."""
        i = verb.i - 1
        while i > verb.sent.start and self.doc[i].pos_ in ("AUX", "ADV"):
            i -= 1
        entity_id = self.entity_at(self.doc[i].idx) if i >= 0 else None
        if entity_id is None or not self.is_person(entity_id):
            return None
        return Speaker(entity=entity_id, text=self.entities[entity_id].name)

    def inverted_subject(self, verb: Token) -> Token | None:
        """'», a expliqué à l'AFP Denis Collinet', '», affirmait récemment, à Lourdes, le
        cardinal', '», appelle un autre': the first noun after the verb outside prepositional
        phrases and time words, up to the end of the clause. A prepositional phrase ends at
        a new determiner or at a person's name ('sur la chaîne LCI Olivier Dussopt')."""
        limit = min(verb.i + 1 + 2 * MAX_SPEAKER_TOKENS, verb.sent.end)
        complement: list[Token] | None = None  # the nouns of the current prepositional phrase
        for token in self.doc[verb.i + 1 : limit]:
            if token.lower_ in INVERTED_CLITICS:
                return token
            if token.text in CLAUSE_ENDS or token.pos_ == "SCONJ":
                return None
            if token.pos_ == "ADP":
                complement = []
            elif token.is_punct or (token.pos_ == "DET" and complement):
                complement = None
            elif (
                complement is None
                and token.pos_ != "DET"
                and token.lower_ in self.lex.indefinite_subjects
            ):
                return token
            elif token.pos_ in ("NOUN", "PROPN") and token.lower_ not in self.lex.time_nouns:
                if complement is None or self.names_another_person(token, complement):
                    return token
                complement.append(token)
        return None

    def names_another_person(self, token: Token, complement: list[Token]) -> bool:
        """Whether `token` starts a person's name after the nouns of a complement."""
        entity_id = self.entity_at(token.idx)
        if not complement or entity_id is None or not self.is_person(entity_id):
            return False
        return all(self.entity_at(t.idx) != entity_id for t in complement)

    def speaker_from(self, token: Token) -> Speaker | None:
        lower = token.lower_.lstrip("-")
        if lower in self.lex.anonymous_pronouns:
            return None
        if lower == "qui":
            antecedent = relative_antecedent(token)
            return self.speaker_from(antecedent) if antecedent is not None else None
        if token.pos_ == "PRON" and lower in self.lex.personal_pronouns:
            return self.resolve_pronoun(token)
        author = words_author(token, self.lex)
        if author is not None:
            return self.speaker_from(author)
        start, end = noun_phrase_bounds(token, self.lex)
        phrase = token.doc[start:end]
        entity_id = (
            self.entity_at(token.idx)
            or self.apposed_entity(token)
            or self.entity_in(phrase)
            or self.name_after(end)
            or self.described_entity(token)
        )
        return Speaker(entity=entity_id, text=phrase.text)

    def role_words(self, entities: list[Entity]) -> dict[str, list[tuple[int, str]]]:
        """The nouns that stand before or in apposition to a person's name ('le cardinal
        Philippe Barbarin', 'Jean-Luc Marx, préfet du Bas-Rhin'), with where they stand."""
        roles: dict[str, list[tuple[int, str]]] = {}
        for entity in entities:
            if entity.type != "PER":
                continue
            for mention in entity.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                before = self.doc[span.start - 1] if span.start > 0 else None
                after = self.doc[span.end + 1] if span.end + 1 < len(self.doc) else None
                if after is not None and self.doc[span.end].text != ",":
                    after = None
                for word in (before, after):
                    if word is not None and word.pos_ == "NOUN":
                        roles.setdefault(word.lower_, []).append((mention.start, entity.id))
        return roles

    def name_after(self, end: int) -> str | None:
        """'un avocat du cardinal, Me Jean Dupont': a person named right after a comma,
        possibly behind a title."""
        if end >= len(self.doc) or self.doc[end].text != ",":
            return None
        for token in self.doc[end + 1 : end + 3]:
            entity_id = self.entity_at(token.idx)
            if entity_id is not None:
                return entity_id if self.is_person(entity_id) else None
        return None

    def described_entity(self, head: Token) -> str | None:
        """'le cardinal' after 'le cardinal Philippe Barbarin': the person last described
        by that role, for a definite singular description."""
        determiner = next((c for c in head.children if c.dep_ == "det"), None)
        if determiner is None or determiner.lower_ not in self.lex.definite_determiners:
            return None
        earlier = [m for m in self.roles.get(head.lower_, []) if m[0] < head.idx]
        return earlier[-1][1] if earlier else None

    def apposed_entity(self, head: Token) -> str | None:
        """'l'avocate d'Alexandre Benalla, Me Jacqueline Laffont': the name in apposition."""
        for child in head.children:
            if child.dep_ == "appos":
                entity_id = self.entity_at(child.idx)
                if entity_id is not None:
                    return entity_id
        return None

    def is_person(self, entity_id: str) -> bool:
        return self.entities[entity_id].type == "PER"

    def people(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == "PER"]

    def can_speak(self, entity_id: str) -> bool:
        """People and organisations speak; places and works do not."""
        return self.entities[entity_id].type in ("PER", "ORG")

    def entity_in(self, phrase: Span) -> str | None:
        """The entity named inside a speaker phrase ('le ministre Bruno Le Maire')."""
        # Names after a preposition belong to a complement ("l'avocate d'Alexandre Benalla").
        before_complement = phrase[: first_adp(phrase)]
        found = [self.entity_at(t.idx) for t in before_complement if t.pos_ == "PROPN"]
        people = [e for e in found if e is not None and self.entities[e].type == "PER"]
        named: list[str] = [e for e in found if e is not None]
        if people:
            return people[0]
        return named[0] if named else None

    def resolve_pronoun(self, pronoun: Token) -> Speaker | None:
        """'il', 'elle', 'ils': the last person of that gender who was a subject, else the
        last one named, unless a described speaker spoke since ('Un jeune homme a expliqué
        ... Il a ajouté')."""
        lower = pronoun.lower_
        if lower in self.lex.plural_pronouns:
            antecedent = plural_subject_before(pronoun, lower in self.lex.feminine_pronouns)
            return self.speaker_from(antecedent) if antecedent is not None else None
        wanted = "f" if lower in self.lex.feminine_pronouns else "m"
        if lower not in self.lex.feminine_pronouns | self.lex.masculine_pronouns:
            return None
        speaking = self.speaking_noun_before(pronoun, wanted)
        i = bisect.bisect_left(self.person_mentions, (pronoun.idx, "", False))
        agreeing = [
            (start, entity_id, subject)
            for start, entity_id, subject in self.person_mentions[:i]
            if self.genders.get(entity_id) in (wanted, None)
        ]
        # A subject pronoun most often continues the last person who was a subject, not the
        # last person named ("Il sera accompagné par Raymond Arevalo, ..., a-t-il précisé").
        recent_subjects = [m for m in agreeing if m[2] and pronoun.idx - m[0] <= SUBJECT_REACH]
        candidates = recent_subjects or agreeing
        if speaking is not None and (not candidates or candidates[-1][0] < speaking.idx):
            return self.speaker_from(speaking)
        if not candidates:
            return None
        entity = self.entities[candidates[-1][1]]
        return Speaker(entity=entity.id, text=entity.name)

    def speaking_noun_before(self, pronoun: Token, gender: str) -> Token | None:
        """The last noun subject of a speech verb before `pronoun`, if it agrees with it."""
        i = bisect.bisect_left(self.speaking_nouns, (pronoun.idx,), key=lambda m: (m[0],))
        if i == 0:
            return None
        start, noun = self.speaking_nouns[i - 1]
        if pronoun.idx - start > SUBJECT_REACH:
            return None
        genders = noun.morph.get("Gender", [])
        agrees = not genders or genders == ["Fem" if gender == "f" else "Masc"]
        return noun if agrees and noun.morph.get("Number", []) == ["Sing"] else None

    def is_subject_at(self, char: int) -> bool:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return False
        token = span[0]
        while token.dep_ in ("flat:name", "appos", "nmod") and token.head.i != token.i:
            token = token.head
        return token.dep_ in SUBJECT_DEPS


def relative_antecedent(relative: Token) -> Token | None:
    """The noun a relative 'qui' stands for: the first of a coordination just before it
    ('le syndicat CGT et la Ligue des droits de l'Homme (LDH) qui demandaient ...')."""
    doc = relative.doc
    i = relative.i - 1
    while i >= relative.sent.start and (doc[i].is_punct or doc[i].pos_ not in ("NOUN", "PROPN")):
        if doc[i].pos_ in ("VERB", "AUX"):
            return None
        i -= 1
    if i < relative.sent.start:
        return None
    noun = doc[i]
    while noun.dep_ in ("conj", "appos", "flat:name", "nmod") and noun.head.i < noun.i:
        noun = noun.head
    return noun


def first_adp(phrase: Span) -> int:
    return next((i for i, t in enumerate(phrase) if t.pos_ == "ADP"), len(phrase))


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb: an inverted clitic ('a-t-il dit'), the parsed subject, or the
    subject of the verb it depends on ('a tenu à préciser', '..., estimant que');
    a relative 'qui' gives its antecedent."""
    token = verb
    for _ in range(3):
        clitic = inverted_clitic(token)
        if clitic is not None:
            return clitic
        subject = next(
            (c for c in token.children if c.dep_ in SUBJECT_DEPS and c.lower_ != "-t"), None
        )
        if subject is not None:
            if subject.lower_ == "qui" and token.dep_ == "acl:relcl":
                return token.head
            return subject
        if hangs_on_complement(token):
            # "a exprimé sa honte face à ces incidents, dénonçant ...": the clause's subject.
            token = governing_verb(token.head) or token.head
            continue
        if token.head.i == token.i or not shares_subject(token):
            return None
        if describes_noun_before(token):
            # "Me Laffont, annonçant qu'elle ...": the verb hangs on its speaker.
            return token.head
        token = token.head
    return None


def hangs_on_complement(verb: Token) -> bool:
    """A participle set off by a comma that the parse hangs on an object or a noun after a
    preposition ('face à ces incidents, dénonçant', 'son soutien à Emmanuelle Praet,
    estimant'): it tells what the clause's subject did, not what the noun did. Not without
    the comma ('un groupe turc défendant l'islam'), nor after a source ('selon une source
    proche du dossier, confirmant'), nor when the clause's verb has no
    subject of its own: its object is then most often its subject set after it ('a relevé
    le procureur Hestrin, soulignant')."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and "Pres" in verb.morph.get("Tense", [])
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < verb.i
        and (head.dep_ in COMPLEMENT_DEPS or bool(case_words(head)))
        and case_words(head) not in speech_lexicon(verb.doc.lang_).source_prepositions
        and (verb_of_head := governing_verb(head)) is not None
        and has_own_subject(verb_of_head)
    )


def case_words(noun: Token) -> str:
    """The preposition a noun phrase opens with, as written ('à', "d'après")."""
    return "".join(c.lower_ for c in noun.children if c.dep_ == "case" and c.i < noun.i)


def inverted_clitic(verb: Token) -> Token | None:
    """'-il' in 'a-t-il dit' or 'dit-il': next to the verb or its auxiliary, however parsed."""
    doc = verb.doc
    for token in doc[max(verb.i - 3, verb.sent.start) : min(verb.i + 3, verb.sent.end)]:
        if token.lower_ in INVERTED_CLITICS:
            between = doc[min(token.i, verb.i) + 1 : max(token.i, verb.i)]
            if all(t.pos_ in ("AUX", "PRON") or t.dep_.startswith("aux") for t in between):
                return token
    return None


def words_author(token: Token, lex: SpeechLexicon) -> Token | None:
    """'les propos du ministre', 'les écrits d'un manifestant': whose words these are."""
    if token.lemma_ not in lex.speech_nouns:
        return None
    return next(
        (
            child
            for child in token.children
            if child.dep_ == "nmod"
            and any(c.dep_ == "case" and c.lower_ in OF for c in child.children)
        ),
        None,
    )


def plural_subject_before(pronoun: Token, feminine: bool) -> Token | None:
    """'Des « gilets jaunes » ont rendu hommage ... Ils ont écrit': the last plural noun
    subject in the pronoun's sentence or the one before, agreeing in gender."""
    sentence = pronoun.sent
    start = pronoun.doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    wanted = ["Fem"] if feminine else ["Masc"]
    for token in reversed(pronoun.doc[start : pronoun.i]):
        if (
            token.dep_ == "nsubj"
            and token.pos_ == "NOUN"
            and token.morph.get("Number", []) == ["Plur"]
            and token.morph.get("Gender", []) in (wanted, [])
        ):
            return token
    return None


def has_own_subject(verb: Token) -> bool:
    return inverted_clitic(verb) is not None or any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def is_narrative_infinitive(verb: Token) -> bool:
    """'Et d'ajouter', 'Et de conclure': a narrative infinitive, whose subject is the
    previous speaker."""
    doc = verb.doc
    if "Inf" not in verb.morph.get("VerbForm", []) or verb.i < 2:
        return False
    return doc[verb.i - 1].lower_ in ("de", "d'", "d’") and doc[verb.i - 2].lower_ == "et"


def is_incise(verb: Token) -> bool:
    """'», a déclaré le ministre': a verb set off by a comma or a closing quote."""
    i = verb.i - 1
    while i > 0 and verb.doc[i].pos_ in ("AUX", "ADV", "PRON"):
        i -= 1
    return verb.doc[i].is_punct


def is_inverted(subject: Token, verb: Token) -> bool:
    return subject.i > verb.i or subject.lower_ in INVERTED_CLITICS


def describes_noun_before(verb: Token) -> bool:
    """A verb the parse hangs on a preceding noun ('l'avocate, annonçant que',
    'Majorelle, ..., espère que'): that noun is who speaks."""
    head = verb.head
    return (
        verb.dep_ in ("acl", "advmod", "amod", "appos")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < verb.i
    )


def shares_subject(token: Token) -> bool:
    """Whether `token` takes its subject from its head: a verb chain ('a tenu à préciser',
    '..., estimant que'), a coordinated verb ('démentent ... et trouvent que') or a verb
    hanging on a noun (see describes_noun_before)."""
    coordinated = token.dep_ == "conj" and any(c.dep_ == "cc" for c in token.children)
    return token.dep_ in SUBJECT_SHARING_DEPS or coordinated or describes_noun_before(token)


def learned_source(verb: Token) -> Token | None:
    """'a-t-on appris de sources proches du dossier' -> 'sources'."""
    for child in verb.children:
        if child.dep_.startswith("obl") and any(
            c.lower_ in ("de", "d'", "d’", "auprès") for c in child.children
        ):
            return child
    return None


def after_noun(token: Token) -> bool:
    """Whether a word follows a noun: 'une cliente du supermarché sur la radio', not 'un
    chercheur spécialisé sur les mouvements sociaux' nor 'sept Français sur dix'."""
    return (
        token.i > 0
        and token.nbor(-1).pos_ in ("NOUN", "PROPN")
        and not (token.i + 1 < len(token.doc) and token.nbor(1).like_num)
    )


def is_gerund(token: Token) -> bool:
    """'en' opening a gerund ('en pointant'), not a complement ('chercheur en sociologie')."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "en" and following is not None and following.pos_ == "VERB"


def noun_phrase_bounds(token: Token, lex: SpeechLexicon) -> tuple[int, int]:
    """The noun phrase headed by `token` with its complements and participles ('un
    manifestant portant un gilet jaune'), without relative clauses, asides, preposition,
    where or how it was said ('une cliente sur la radio Franceinfo', 'en pointant'), nor a
    dangling word where it is cut ('la secrétaire d'État à l'Égalité entre les')."""
    tokens = list(token.subtree)
    start = token.i
    for t in reversed([t for t in tokens if t.i < token.i]):
        if t.is_punct or t.dep_ == "case":
            break
        start = t.i
    relative = {t.i for child in token.children if child.dep_ == "acl:relcl" for t in child.subtree}
    end = token.i + 1
    for t in (t for t in tokens if t.i > token.i):
        if t.i != end or t.is_punct or t.i in relative or t.pos_ in ("AUX", "PRON", "SCONJ"):
            break
        if is_gerund(t) or (t.lower_ in lex.speaker_phrase_ends and after_noun(t)):
            break
        end += 1
    end = min(end, start + MAX_SPEAKER_TOKENS)
    while end - 1 > token.i and token.doc[end - 1].pos_ in DANGLING_POS:
        end -= 1
    return start, end
