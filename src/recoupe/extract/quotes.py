"""Direct and reported speech, each with its cue verb and its speaker.

Direct quotes are the quoted segments that reproduce words: labels and scare quotes
("«gilets jaunes»") are left out; a quote cut by an incise ("..., a-t-il ajouté, ...") gives
two quotes. Reported speech is the 'que' clause of a speech or thought verb ("a affirmé
que ..."), a sentence attributed with "selon X" / "d'après X", or a sentence followed by an
inverted incise ("..., a-t-on appris de sources proches du dossier").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from recoupe.extract.context import Context
from recoupe.extract.quote_marks import QuotedSegment, quoted_segments
from recoupe.extract.speakers import (
    SpeakerResolver,
    SpeechLexicon,
    cue_lemma,
    cue_text,
    cue_tokens,
    inverted_clitic,
    is_inverted,
    speaker_resolver,
    speech_lexicon,
    subject_of,
)
from recoupe.folding import fold
from recoupe.nlp import text_of
from recoupe.record import Entity, Quote, QuoteKind, Speaker

SENTENCE_END = re.compile(r"[.!?…]\W*$")
CLITICS = ("-t", "-il", "-elle", "-ils", "-elles", "-on", "t", "-t-il", "-t-elle", "-t-on")
# How far after a quote's closing mark an incise verb may stand ("», a déclaré ...").
INCISE_REACH = 6
# How many heads up from quoted words a speech verb may govern them ('a expliqué qu'il était
# venu pour lutter pour « ... »').
GOVERNING_REACH = 5
# How far after a quote and a colon the verb that attributes it may stand.
COLON_CUE_REACH = 25
# Fewer words than this repeated in another quote may be a coincidence, not an echo.
ECHO_MIN_WORDS = 3
# A quote with no cue of its own continues the last speaker's words this close after them.
CONTINUITY_CHARS = 800
# A post's attribution, as the cleaner leaves it on a paragraph of its own.
POST_ATTRIBUTION = re.compile(
    r"(?<=\n\n)[—–]\s*(?P<name>[^\n()—–]{1,80}?)\s*\(@\w{1,30}\)[^\n]*(?=\n|$)"
)
INCISE_DEPS = ("parataxis", "conj", "dep", "advcl", "ROOT")
CLOSING_MARKS = {"»": "«", "”": "“", "›": "‹"}
QUOTED_COMPLEMENTS = ("obj", "ccomp", "xcomp", "obl:arg", "appos", "parataxis")


@dataclass(frozen=True)
class FoundQuote:
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    cue: Token | None


def extract_quotes(doc: Doc, ctx: Context, entities: list[Entity]) -> list[Quote]:
    lex = speech_lexicon(ctx.lang)
    text = text_of(doc)
    resolver = speaker_resolver(doc, entities, lex)
    segments = quoted_segments(text)
    quoted = spans_of(segments)
    cues = [c for c in cue_tokens(doc, lex) if not inside(c.idx, quoted)]
    direct = DirectQuotes(doc, text, lex, resolver, speech_turns(cues, resolver)).find(segments)
    indirect = reported_speech(doc, lex, resolver, segments, cues)
    posts = embedded_posts(text, resolver, direct)
    found = sorted(direct + posts + indirect, key=lambda q: (q.start, q.kind))
    return [to_record(f"q{i}", q, text) for i, q in enumerate(found, start=1)]


def to_record(quote_id: str, found: FoundQuote, text: str) -> Quote:
    words = text[found.start : found.end]
    return Quote(
        id=quote_id,
        start=found.start,
        end=found.end,
        text=words,
        kind=found.kind,
        speaker=found.speaker or Speaker(),
        cue=cue_text(found.cue) if found.cue is not None else None,
        key=quote_key(words),
    )


def quote_key(words: str) -> str:
    """The quote's words folded (case, accents, punctuation), to find it again elsewhere."""
    return fold(words)


class DirectQuotes:
    """Quoted segments that are someone's words, with who said them."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        lex: SpeechLexicon,
        resolver: SpeakerResolver,
        turns: list[FoundQuote],
    ) -> None:
        self.doc = doc
        self.text = text
        self.lex = lex
        self.resolver = resolver
        # Who spoke last, before each quote: earlier quotes and speech verbs outside quotes.
        self.turns = turns
        self.last: FoundQuote | None = None

    def find(self, segments: list[QuotedSegment]) -> list[FoundQuote]:
        own: list[FoundQuote] = []
        for segment in segments:
            span = self.doc.char_span(segment.start, segment.end, alignment_mode="expand")
            if span is None or self.is_label(span, segment):
                continue
            for part, incise in split_at_incise(span, self.lex):
                own.append(self.attribute(part, segment, incise))
        found: list[FoundQuote] = []
        for quote in own:
            if quote.speaker is None:
                quote = self.inherited(quote, own)
            found.append(quote)
            self.last = quote
        return found

    def inherited(self, quote: FoundQuote, own: list[FoundQuote]) -> FoundQuote:
        """A quote its own sentence does not attribute: the same words attributed elsewhere
        in the article (a subheading repeating a quote), else the last speaker's words going
        on, else the only person the article names."""
        source = (
            echoed(quote, own, self.text)
            or self.previous_turn(quote.start)
            or self.only_person(quote)
        )
        if source is None:
            return quote
        return replace(quote, speaker=source.speaker, cue=quote.cue or source.cue)

    def only_person(self, quote: FoundQuote) -> FoundQuote | None:
        """Interviews and portraits quote their one subject without saying so each time."""
        people = self.resolver.people()
        if len(people) != 1:
            return None
        return replace(quote, speaker=Speaker(entity=people[0].id, text=people[0].name))

    def is_label(self, span: Span, segment: QuotedSegment) -> bool:
        """'«gilets jaunes»', '«The Times»', 'de «bloquer» la France' are not quotations."""
        words = [t for t in span if not t.is_punct]
        if len(words) > self.lex.max_label_words:
            return False
        if SENTENCE_END.search(self.text[segment.start : segment.end]):
            return False
        if self.text[: segment.open_at].rstrip().endswith(":"):
            return False
        return not self.quoted_by_verb(span)

    def quoted_by_verb(self, span: Span) -> bool:
        """'a lancé « Dégage »', 'a qualifié l'offre de « ridicule »': words a quotative verb
        reports as such. Not 'promettent de «bloquer»', 'une politique «injuste»', nor a
        noun phrase ('ce «gilet jaune»', 'un «appel au calme»', 'la France dite «périphérique»',
        'se sont déclarées «participantes»')."""
        before = word_before(span)
        if before is not None and before.lower_ in self.lex.determiners:
            return False
        root = span.root
        head = root.head
        if head.lemma_ in self.lex.quotative_lemmas and root.dep_ in QUOTED_COMPLEMENTS:
            return is_reporting(head)
        naming = head.head
        return (
            head.dep_ == "obj" and naming.lemma_ in self.lex.naming_lemmas and is_reporting(naming)
        )

    def governing_cue(self, span: Span) -> Token | None:
        """A speech verb the quoted words depend on ('a qualifié l'offre de « ridicule »')."""
        token = span.root
        for _ in range(GOVERNING_REACH):
            if token.head.i == token.i:
                return None
            token = token.head
            if not span.start <= token.i < span.end and self.is_cue(token):
                return token
        return None

    def attribute(self, span: Span, segment: QuotedSegment, incise: Token | None) -> FoundQuote:
        """The speaker that the quote's own sentence gives, if any."""
        cue = incise or self.cue_of(span, segment)
        quoted = (segment.open_at, segment.close_at)
        speaker = self.resolver.speaker_of(cue, quoted) if cue is not None else None
        if speaker is None:
            speaker = self.source_in_sentence(span)
        if speaker is None and (cue is None or subject_of(cue) is None):
            speaker = self.announcer(segment)
        if speaker is None and cue is None:
            speaker = self.sentence_subject(span)
        return FoundQuote(span.start_char, span.end_char, "direct", speaker, cue)

    def cue_of(self, span: Span, segment: QuotedSegment) -> Token | None:
        cue = self.incise_after(segment) or self.governing_cue(span)
        if cue is not None and segment.open_at <= cue.idx <= segment.close_at:
            cue = None  # the quoted words' own verb
        return cue or self.introduction_before(segment) or self.cue_after_colon(segment)

    def incise_after(self, segment: QuotedSegment) -> Token | None:
        """'« ... », a-t-il ajouté', '« ... », explique Marie Dupont.' and any verb with an
        inverted subject pronoun ('« ... », l'a-t-il complimenté')."""
        after = self.doc.char_span(segment.close_at, segment.close_at + 1, alignment_mode="expand")
        if after is None:
            return None
        for token in self.doc[after.end : min(after.end + INCISE_REACH, len(self.doc))]:
            # The parser often ends a sentence at the closing mark; one never opens on a comma.
            if token.is_sent_start and token.text != ",":
                return None
            if self.is_cue(token) or (token.pos_ == "VERB" and inverted_clitic(token)):
                return token
            if not (token.is_punct or token.pos_ in ("AUX", "ADV", "PRON")):
                return None
        return None

    def cue_after_colon(self, segment: QuotedSegment) -> Token | None:
        """'«C'est politique»: Éric Drouet a estimé ...': a quote put first, as headlines and
        leads do, then a colon and the sentence that attributes it."""
        if not self.text[segment.close_at + 1 :].lstrip().startswith(":"):
            return None
        after = self.doc.char_span(segment.close_at, segment.close_at + 1, alignment_mode="expand")
        if after is None:
            return None
        for token in self.doc[after.end : min(after.end + COLON_CUE_REACH, len(self.doc))]:
            opens_another = token.text in CLOSING_MARKS.values()
            if opens_another or (token.i > after.end + 1 and token.is_sent_start):
                return None
            if self.is_cue(token):
                return token
        return None

    def introduction_before(self, segment: QuotedSegment) -> Token | None:
        """'Sam Altman a ironisé sur X : « ... »': a cue earlier in the sentence, when a colon
        announces the quote."""
        if not self.text[: segment.open_at].rstrip().endswith(":"):
            return None
        opening = self.doc.char_span(segment.open_at, segment.open_at + 1, alignment_mode="expand")
        if opening is None:
            return None
        for token in reversed(self.doc[opening.sent.start : opening.start]):
            if self.is_cue(token):
                return token
        return None

    def is_cue(self, token: Token) -> bool:
        """A speech or thought verb in the active voice ('a été poursuivie' is no cue)."""
        return (
            cue_lemma(token, self.lex) is not None
            and token.pos_ == "VERB"
            and not any(c.dep_ == "aux:pass" for c in token.children)
        )

    def source_in_sentence(self, span: Span) -> Speaker | None:
        """'Selon le ministère, « ... »'."""
        sentence = span.sent
        for token in sentence:
            if is_source_preposition(token, self.lex) and not (span.start <= token.i < span.end):
                return self.resolver.speaker_from(token.head)
        return None

    def announcer(self, segment: QuotedSegment) -> Speaker | None:
        """'Le maire a pris la parole : « ... »': the subject of the sentence that a colon
        ends announces the quote, even without a speech verb."""
        if not self.text[: segment.open_at].rstrip().endswith(":"):
            return None
        opening = self.doc.char_span(segment.open_at, segment.open_at + 1, alignment_mode="expand")
        if opening is None:
            return None
        root = opening.sent.root
        if root.i >= opening.start:
            return None
        subject = subject_of(root)
        return self.resolver.speaker_from(subject) if subject is not None else None

    def sentence_subject(self, span: Span) -> Speaker | None:
        """'M. Collinet compte rejoindre la capitale « en sept jours »': a quoted fragment
        inside a sentence about a person is that person's words."""
        sentence = span.sent
        if span.start == sentence.start or span.start <= sentence.root.i < span.end:
            return None
        subject = subject_of(sentence.root)
        if subject is None or span.start <= subject.i < span.end:
            return None
        speaker = self.resolver.speaker_from(subject)
        if speaker is None or speaker.entity is None:
            return None
        return speaker if self.resolver.can_speak(speaker.entity) else None

    def previous_turn(self, start: int) -> FoundQuote | None:
        """A quote with no cue of its own, shortly after someone spoke, goes on with them."""
        earlier = [t for t in self.turns if t.end <= start and t.speaker is not None]
        if self.last is not None and self.last.speaker is not None:
            earlier.append(self.last)
        if not earlier:
            return None
        latest = max(earlier, key=lambda t: t.end)
        return latest if start - latest.end <= CONTINUITY_CHARS else None


def echoed(quote: FoundQuote, others: list[FoundQuote], text: str) -> FoundQuote | None:
    """An attributed quote that holds the same words ('«Purement et bassement politique»'
    as a subheading, then '«... purement et bassement politique ...», a commenté X')."""
    words = quote_key(text[quote.start : quote.end])
    if len(words.split()) < ECHO_MIN_WORDS:
        return None
    return next(
        (
            other
            for other in others
            if other.speaker is not None
            and other is not quote
            and words in quote_key(text[other.start : other.end])
        ),
        None,
    )


def word_before(span: Span) -> Token | None:
    """The last word before a quoted segment, skipping its opening mark."""
    i = span.start - 1
    while i >= 0 and span.doc[i].is_punct:
        i -= 1
    return span.doc[i] if i >= 0 else None


def is_reporting(verb: Token) -> bool:
    """A verb that reports words: not reflexive ('se sont déclarées') and not a bare
    participle used as an adjective ('la France dite « périphérique »')."""
    if any(c.lower_ in ("se", "s'", "s’") for c in verb.children):
        return False
    bare_participle = "Part" in verb.morph.get("VerbForm", []) and not any(
        c.dep_.startswith("aux") for c in verb.children
    )
    return not bare_participle


def split_at_incise(span: Span, lex: SpeechLexicon) -> list[tuple[Span, Token | None]]:
    """'« A, a-t-il dit, B »' is two quotes, A and B, both with the cue 'a dit'."""
    doc = span.doc
    for token in span[1:-1]:
        if cue_lemma(token, lex) is None or token.pos_ != "VERB":
            continue
        left = token.i - 1
        while left > span.start and (
            doc[left].dep_.startswith("aux") or doc[left].lower_ in CLITICS
        ):
            left -= 1
        right = incise_end(token)
        if doc[left].text != "," or right >= span.end - 1 or doc[right].text != ",":
            continue
        first, second = doc[span.start : left], doc[right + 1 : span.end]
        if len(first) >= 2 and len(second) >= 2:
            return [(first, token), (second, token)]
    return [(span, None)]


def is_incise_clitic(token: Token) -> bool:
    """The auxiliary and clitics of an inverted incise: 'a', '-t', '-il'."""
    return bool(token.dep_.startswith("aux") or token.lower_ in CLITICS)


def incise_end(verb: Token) -> int:
    """Index just after the incise's verb and its inverted subject or clitics."""
    end = verb.i + 1
    doc = verb.doc
    while end < len(doc) and doc[end].lower_ in CLITICS:
        end += 1
    subject = subject_of(verb)
    if subject is not None and subject.i > verb.i:
        end = max(end, subject.right_edge.i + 1)
    return end


def is_source_preposition(token: Token, lex: SpeechLexicon) -> bool:
    return token.lower_ in lex.source_prepositions and token.dep_ == "case"


def embedded_posts(
    text: str, resolver: SpeakerResolver, direct: list[FoundQuote]
) -> list[FoundQuote]:
    """A social-media post the cleaner set apart: '<post>' then '— Name (@handle) date'."""
    found = []
    for match in POST_ATTRIBUTION.finditer(text):
        post_end = text.rfind("\n\n", 0, match.start())
        if post_end <= 0:
            continue
        post_start = text.rfind("\n\n", 0, post_end)
        post_start = 0 if post_start < 0 else post_start + 2
        if any(q.start < post_end and post_start < q.end for q in direct):
            continue
        name = match.group("name").strip()
        entity_id = resolver.entity_at(match.start("name"))
        speaker = Speaker(entity=entity_id, text=name)
        found.append(FoundQuote(post_start, post_end, "direct", speaker, None))
    return found


def spans_of(segments: list[QuotedSegment]) -> list[tuple[int, int]]:
    return [(s.open_at, s.close_at) for s in segments]


def speech_turns(cues: list[Token], resolver: SpeakerResolver) -> list[FoundQuote]:
    """Every speech verb outside quotes whose speaker is a known person, as a turn."""
    turns = []
    for cue in cues:
        speaker = resolver.speaker_of(cue)
        if speaker is not None and speaker.entity and resolver.is_person(speaker.entity):
            turns.append(FoundQuote(cue.idx, cue.idx + len(cue.text), "indirect", speaker, cue))
    return turns


def reported_speech(
    doc: Doc,
    lex: SpeechLexicon,
    resolver: SpeakerResolver,
    segments: list[QuotedSegment],
    cues: list[Token],
) -> list[FoundQuote]:
    found: list[FoundQuote] = []
    quoted = spans_of(segments)
    for cue in cues:
        content = (
            que_clause(cue)
            or infinitive_clause(cue, lex)
            or said_object(cue, lex)
            or inverted_incise_content(cue)
        )
        if content is None or within_one(content, quoted) or cuts_a_quote(content, quoted):
            continue
        found.append(
            FoundQuote(
                content.start_char, content.end_char, "indirect", resolver.speaker_of(cue), cue
            )
        )
    found += attributed_sentences(doc, lex, resolver, quoted)
    return found


def que_clause(cue: Token) -> Span | None:
    """'a affirmé que X' -> 'X': the complement clause, without 'que'."""
    for child in cue.children:
        if child.dep_ != "ccomp" or child.i < cue.i:
            continue
        tokens = list(child.subtree)
        marks = [t for t in tokens if t.dep_ == "mark" and t.lower_ in ("que", "qu'", "qu’")]
        if not marks or marks[0].i != tokens[0].i:
            continue
        return trimmed(cue.doc[tokens[0].i + 1 : tokens[-1].i + 1])
    return None


def infinitive_clause(cue: Token, lex: SpeechLexicon) -> Span | None:
    """'a assuré vouloir préserver la liberté', 'promet de ...' -> the infinitive clause."""
    if cue.lemma_ not in lex.infinitive_content_lemmas:
        return None
    for child in cue.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and child.i > cue.i:
            return trimmed(cue.doc[child.left_edge.i : child.right_edge.i + 1])
    return None


def said_object(cue: Token, lex: SpeechLexicon) -> Span | None:
    """'a annoncé la fermeture du site' -> 'la fermeture du site'."""
    if cue.lemma_ not in lex.object_content_lemmas:
        return None
    # After an incise verb the noun is its inverted subject ("a souligné la ministre").
    subject = subject_of(cue)
    if subject is None or is_inverted(subject, cue):
        return None
    for child in cue.children:
        if child.dep_ == "obj" and child.pos_ == "NOUN" and child.i > cue.i:
            span = trimmed(cue.doc[child.left_edge.i : child.right_edge.i + 1])
            return span if span is not None and len(span) >= 2 else None
    return None


def inverted_incise_content(cue: Token) -> Span | None:
    """'La réunion a été reportée, a-t-on appris ...' -> 'La réunion a été reportée'."""
    subject = subject_of(cue)
    if subject is None or not is_inverted(subject, cue) or cue.dep_ not in INCISE_DEPS:
        return None
    left = cue.i - 1
    doc = cue.doc
    while left > cue.sent.start and (
        doc[left].dep_.startswith("aux") or doc[left].lower_ in CLITICS
    ):
        left -= 1
    if doc[left].text != "," or left <= cue.sent.start:
        return None
    return trimmed(doc[cue.sent.start : left])


def attributed_sentences(
    doc: Doc, lex: SpeechLexicon, resolver: SpeakerResolver, quoted: list[tuple[int, int]]
) -> list[FoundQuote]:
    """'Selon la préfecture, 4 200 personnes ont défilé' -> reported by 'la préfecture'."""
    found = []
    for sentence in doc.sents:
        if any(sentence.start_char <= o < sentence.end_char for o, _ in quoted):
            continue
        for token in sentence:
            if not is_source_preposition(token, lex):
                continue
            source = token.head
            phrase_start, phrase_end = token.i, source.right_edge.i + 1
            content = rest_of_sentence(sentence, phrase_start, phrase_end)
            if content is not None:
                speaker = resolver.speaker_from(source)
                found.append(
                    FoundQuote(content.start_char, content.end_char, "indirect", speaker, None)
                )
            break
    return found


def rest_of_sentence(sentence: Span, start: int, end: int) -> Span | None:
    """The sentence without the 'selon X' phrase: the words before it, or those after it."""
    doc = sentence.doc
    before = trimmed(doc[sentence.start : start])
    after = trimmed(doc[end : sentence.end])
    longest = max((s for s in (before, after) if s is not None), key=len, default=None)
    return longest if longest is not None and len(longest) >= 3 else None


def trimmed(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # Keep the closing mark of a quote the content opens ("un effet « sévère et continu »").
    if end < span.end and doc[end].text in CLOSING_MARKS:
        opened = doc[start:end].text
        if opened.count(CLOSING_MARKS[doc[end].text]) > opened.count(doc[end].text):
            end += 1
    return doc[start:end] if end > start else None


def inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= char <= end for start, end in ranges)


def cuts_a_quote(span: Span, ranges: list[tuple[int, int]]) -> bool:
    """Content that stops in the middle of a quote ('la proposition de « ridicule')."""
    text = text_of(span.doc)
    for opening, closing in ranges:
        if span.start_char < opening < span.end_char < closing:
            return bool(text[span.end_char : closing].strip())
    return False


def within_one(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span.start_char and span.end_char <= end + 1 for start, end in ranges)
