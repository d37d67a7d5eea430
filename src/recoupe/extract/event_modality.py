"""Whether an event is said to have happened, and who says so.

Negated: a negation on the verb that carries it ('n'a pas quitté'). Hypothetical: a
conditional or future verb, a 'si' clause, or a word of possibility, plan, demand or forecast
above it in its clause ('pourrait fusionner', 'prévisions de valorisation', 'un
rassemblement est prévu'). Reported: attributed to a source ('selon X', or inside the words a
quote gives to someone).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from recoupe.extract.event_lexicon import EventLexicon
from recoupe.extract.event_roles import Mention
from recoupe.extract.speakers import SpeakerResolver, SpeechLexicon
from recoupe.record import Count, EventSource, Modality, Quote, Speaker

# A clause of its own: its modality is not that of the clause it hangs on.
CLAUSE_BOUNDARIES = frozenset({"acl:relcl", "advcl", "ccomp", "parataxis", "conj", "ROOT"})
MAX_CLIMB = 5
MAX_SOURCE_WORDS = 6
# How many words after a figure its own 'selon X' may begin ('1 200 manifestants selon').
FIGURE_SOURCE_REACH = 3


def top_anchor(mention: Mention) -> Token:
    """The anchor highest in the tree: the verb that carries the event."""
    doc = mention.trigger.token.doc
    return min((doc[i] for i in mention.anchors), key=lambda t: sum(1 for _ in t.ancestors))


def is_negated(mention: Mention, lex: EventLexicon) -> bool:
    top = top_anchor(mention)
    carriers = [top, mention.trigger.token]
    if mention.trigger.spec.is_noun and top.i == mention.trigger.token.i:
        carriers.append(top.head)
    return any(c.lower_ in lex.negations for t in carriers for c in t.children)


def is_hypothetical(mention: Mention, lex: EventLexicon) -> bool:
    top = top_anchor(mention)
    if any(c.dep_ == "mark" and c.lower_ in lex.purpose_marks for c in top.children):
        return True
    token = top
    for _ in range(MAX_CLIMB):
        if token.i not in mention.anchors and token.lemma_ in lex.hypothetical_lemmas:
            return True
        if is_unreal(token, lex):
            return True
        if token.dep_ in CLAUSE_BOUNDARIES or token.head.i == token.i:
            return False
        token = token.head
    return False


def is_unreal(verb: Token, lex: EventLexicon) -> bool:
    """A conditional or future verb (or auxiliary), or a verb under 'si'."""
    for token in (verb, *(c for c in verb.children if c.dep_.startswith("aux"))):
        if "Cnd" in token.morph.get("Mood", []):
            return True
        if lex.future_is_hypothetical and "Fut" in token.morph.get("Tense", []):
            return True
    # 'Si la mobilisation a décliné samedi, ...' grants a fact; 'si l'offre venait à' does not.
    granted = any(c.dep_ == "aux:tense" for c in verb.children)
    marked = any(c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks for c in verb.children)
    return marked and not granted


class Attribution:
    """Who the article attributes what it says to: 'selon X' in the sentence, or the speaker
    of a quote that holds the trigger."""

    def __init__(
        self, quotes: list[Quote], resolver: SpeakerResolver, speech: SpeechLexicon
    ) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]
        self.resolver = resolver
        self.speech = speech

    def source_of(self, mention: Mention) -> EventSource | None:
        token = mention.trigger.token
        return self.according_to(token) or self.quoted_by(token.idx)

    def according_to(self, token: Token) -> EventSource | None:
        for word in token.sent:
            named = word.head.pos_ in ("NOUN", "PROPN")
            if word.lower_ in self.speech.source_prepositions and word.dep_ == "case" and named:
                speaker = self.resolver.speaker_from(word.head)
                if speaker is not None:
                    return EventSource(entity=speaker.entity, text=speaker.text)
        return None

    def figure_source(self, doc: Doc, count: Count) -> EventSource | None:
        """'1 200 manifestants selon la préfecture, 3 000 selon l'intersyndicale': the
        source given right after a figure, for that figure alone."""
        span = doc.char_span(count.start, count.end, alignment_mode="expand")
        if span is None:
            return None
        for token in doc[span.end : min(span.end + FIGURE_SOURCE_REACH, span.sent.end)]:
            if token.lower_ in self.speech.source_prepositions and token.dep_ == "case":
                speaker = self.resolver.speaker_from(token.head)
                if speaker is None:
                    return None
                return EventSource(entity=speaker.entity, text=speaker.text)
            if token.is_punct or token.like_num:
                return None
        return None

    def quoted_by(self, char: int) -> EventSource | None:
        i = bisect.bisect_right(self.starts, char)
        for quote in self.quotes[max(0, i - 4) : i]:
            if quote.start <= char < quote.end and names_someone(quote.speaker):
                return EventSource(entity=quote.speaker.entity, text=quote.speaker.text)
        return None


def names_someone(speaker: Speaker) -> bool:
    """A speaker resolved to an entity, or a short phrase ('une source proche du dossier');
    a long one is more likely a misreading than a source."""
    if speaker.entity is not None:
        return True
    return speaker.text is not None and len(speaker.text.split()) <= MAX_SOURCE_WORDS


def modality_of(mention: Mention, lex: EventLexicon) -> Modality:
    if is_negated(mention, lex):
        return "negated"
    if is_hypothetical(mention, lex):
        return "hypothetical"
    return "reported" if mention.source is not None else "asserted"
