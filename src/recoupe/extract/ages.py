"""People's ages, with whom they belong to.

A figure of years is an age only where French news puts ages: in brackets or between
commas after a name ('Roger (49 ans)', 'Roger, 50 ans,'), after 'âgé de', after a noun
for a person and 'de' ('un homme de 45 ans', 'un Tunisien de 29 ans'), or after any noun
of a phrase set beside a name ('Radouane Lakdim, un Français d'origine marocaine de 25
ans', 'un lieutenant-colonel de 45 ans, Arnaud Beltrame'), whose age it then is; 'une
cinquantaine d'années' and decade nouns ('le quadragénaire') are ages given loosely.
Everything else ('depuis 20 ans', 'une peine de 5 ans') is a duration. Each age is kept as
the range of years it allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from recoupe import lang as lang_data
from recoupe.extract.context import Context
from recoupe.extract.numbers import SPACE, alternation
from recoupe.nlp import text_of
from recoupe.record import Age, Entity, Speaker

# Determiners kept with the noun that holds an age ('l'homme', 'la victime').
DETERMINER_DEPS = frozenset({"det"})
NOUNS = frozenset({"NOUN", "PROPN"})
DECADE = 10
# The determiners that open a phrase set beside a name, and how many words it may run to
# its 'de' ('un agent de la RATP de').
APPOSITION_DETERMINERS = frozenset({"un", "une", "le", "la", "l'", "l’"})
APPOSITION_WORDS = 10
# What may follow the years of a phrase set beside a name, besides a participle or an
# adjective ('de 25 ans né au Maroc', 'de 29 ans en situation irrégulière').
CLOSING_WORDS = frozenset(
    {",", ".", ";", ")", "et", "en", "à", "au", "qui", "dont", "sans", "originaire", "domicilié"}
)
# The marks between a name and the phrase set beside it ('Jean Dupont : un homme de 60 ans').
NAME_MARKS = frozenset({",", ":"})
# A name after these is no subject a phrase can stand beside: 'Selon Christophe Castaner, un
# policier de 35 ans', 'le fils de Jean Dupont, un garçon de 8 ans', 'Jean et Marie, un
# couple de 40 ans'.
NOT_BESIDE = frozenset({"ADP", "CCONJ"})
# What ends a phrase set beside a name; a hyphen ("lieutenant-colonel") or the quotes round a
# word of it ('un fonctionnaire "gilet jaune" lyonnais') do not.
PHRASE_BREAKS = frozenset({",", ";", ":", "(", ")", ".", "!", "?", "—", "–"})


@dataclass(frozen=True)
class AgeLexicon:
    figure: re.Pattern[str]  # '45 ans', 'environ 50 ans', "une cinquantaine d'années"
    decade: re.Pattern[str]  # 'quadragénaire'
    year_words: frozenset[str]  # 'ans', 'années'
    aged: frozenset[str]
    person_nouns: frozenset[str]
    nationalities: frozenset[str]  # person nouns when capitalised ('un Tunisien', not 'chinois')
    duration_nouns: frozenset[str]
    anyone_nouns: frozenset[str]  # person nouns that say nothing of who someone is
    approximate_spread: int
    approximate_nouns: dict[str, int]
    decades: dict[str, tuple[int, int]]
    oldest: int


@cache
def age_lexicon(lang: str) -> AgeLexicon:
    data = lang_data.load(lang, "ages")
    years = alternation(data["year_words"])
    about = alternation(data["approximate_words"])
    loose = alternation(list(data["approximate_nouns"]))
    figure = (
        rf"(?i:(?P<about>{about}){SPACE}+)?(?P<years>\d{{1,3}}){SPACE}+(?i:{years})\b"
        rf"|(?i:une?{SPACE}+(?P<loose>{loose}){SPACE}+d['’]{re.escape(data['loose_year_word'])})"
    )
    decades = {k: (v[0], v[1]) for k, v in data["decade_nouns"].items()}
    return AgeLexicon(
        figure=re.compile(figure),
        decade=re.compile(rf"(?i:\b(?P<decade>{alternation(list(decades))})s?\b)"),
        year_words=frozenset([*data["year_words"], data["loose_year_word"]]),
        aged=frozenset(data["aged"]),
        person_nouns=frozenset(data["person_nouns"]),
        nationalities=frozenset(lang_data.load(lang, "entities")["demonyms"]),
        duration_nouns=frozenset(data["duration_nouns"]),
        anyone_nouns=frozenset(data["anyone_nouns"]),
        approximate_spread=int(data["approximate_spread"]),
        approximate_nouns={k: int(v) for k, v in data["approximate_nouns"].items()},
        decades=decades,
        oldest=int(data["oldest"]),
    )


def extract_ages(doc: Doc, ctx: Context, entities: list[Entity]) -> list[Age]:
    lex = age_lexicon(ctx.lang)
    reader = AgeReader(doc, lex, entities)
    found = [age for match in lex.figure.finditer(text_of(doc)) if (age := reader.figure(match))]
    found += [age for match in lex.decade.finditer(text_of(doc)) if (age := reader.decade(match))]
    found.sort(key=lambda a: a.start)
    return [a.model_copy(update={"id": f"g{i}"}) for i, a in enumerate(found, 1)]


class AgeReader:
    def __init__(self, doc: Doc, lex: AgeLexicon, entities: list[Entity]) -> None:
        self.doc = doc
        self.lex = lex
        self.people = [
            (m.start, m.end, e.id) for e in entities if e.type == "PER" for m in e.mentions
        ]

    def figure(self, match: re.Match[str]) -> Age | None:
        span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            return None
        holder = self.holder(span[0])
        if holder is None:
            return None
        low, high = self.years(match)
        return age_at(match, low, high, holder) if high <= self.lex.oldest else None

    def decade(self, match: re.Match[str]) -> Age | None:
        span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        # 'le quadragénaire' (tagged a noun or an adjective), not 'un homme quadragénaire'
        if span is None or not any(c.dep_ in DETERMINER_DEPS for c in span.root.children):
            return None
        low, high = self.lex.decades[match.group("decade").lower()]
        return age_at(match, low, high, Speaker(text=with_determiner(span.root)))

    def years(self, match: re.Match[str]) -> tuple[int, int]:
        spread = self.lex.approximate_spread
        if match.group("loose"):
            tens = self.lex.approximate_nouns[match.group("loose").lower()]
            return tens, tens + DECADE - 1
        value = int(match.group("years"))
        return (value - spread, value + spread) if match.group("about") else (value, value)

    def holder(self, first: Token) -> Speaker | None:
        """Whose age a figure at this token is, or None where it is no age."""
        before = first.nbor(-1) if first.i > 0 else None
        years = self.years_word(first)
        if before is None or years is None:
            return None
        if before.lower_ in ("de", "d'", "d’") and before.i > 0:
            word = before.nbor(-1)
            if word.lower_ in self.lex.aged:
                return self.person(self.aged_one(word, years))
            described = self.described(first, years, word)
            if described is not None and described.entity is not None:
                return described
            return self.beside_name(before, years) or described
        if before.text in ("(", ",") and before.i > 0:
            after = years.nbor(1) if years.i + 1 < len(years.doc) else None
            closing = ")" if before.text == "(" else ","
            if after is None or after.text not in (closing, ".", ";", "et"):
                return None
            return self.person(before.nbor(-1))
        return None

    def described(self, first: Token, years: Token, word: Token) -> Speaker | None:
        """'un gilet jaune de 50 ans': the noun the years hang on, or the one before 'de'."""
        for noun in (years.head, word, word.head):
            if noun.pos_ in NOUNS and noun.i < first.i:
                return self.person(noun)
        return None

    def beside_name(self, de: Token, years: Token) -> Speaker | None:
        """The person named beside the phrase that 'de' ends: 'Radouane Lakdim, un Français
        d'origine marocaine de 25 ans' or 'un lieutenant-colonel de 45 ans, Arnaud Beltrame'."""
        opening = self.phrase_opening(de)
        if opening is None or self.takes_duration(opening, de) or not self.closes(years):
            return None
        doc = de.doc
        # The name after the phrase first: in 'Devant Emmanuel Macron, une retraitée de 70
        # ans, Marie Durand, a pris la parole' the phrase is Marie Durand's.
        if years.i + 2 < len(doc) and doc[years.i + 1].text == ",":
            named = self.mention_starting(doc[years.i + 2])
            if named is not None:
                return named
        if opening.i >= 2 and doc[opening.i - 1].text in NAME_MARKS:
            return self.mention_ending(doc[opening.i - 2])
        return None

    def phrase_opening(self, de: Token) -> Token | None:
        """The determiner right after the break (or sentence start) before 'de', which opens
        the phrase 'de' ends."""
        window = de.doc[max(de.sent.start, de.i - APPOSITION_WORDS) : de.i]
        breaks = [t.i for t in window if t.text in PHRASE_BREAKS]
        if not breaks and window.start > de.sent.start:
            return None  # the phrase runs on beyond the words looked at
        opening = de.doc[breaks[-1] + 1 if breaks else window.start]
        determiner = opening.lower_ in APPOSITION_DETERMINERS
        return opening if determiner and opening.i + 1 < de.i else None

    def closes(self, years: Token) -> bool:
        """Whether the phrase ends at its years ('de 25 ans,') or goes on as a description
        ('de 25 ans né au Maroc'), not as a clause ('un délai de 10 ans est nécessaire')."""
        if years.i + 1 == len(years.doc):
            return True
        after = years.doc[years.i + 1]
        participle = after.pos_ == "VERB" and "Part" in after.morph.get("VerbForm", [])
        return after.text in CLOSING_WORDS or participle or after.pos_ == "ADJ"

    def takes_duration(self, opening: Token, de: Token) -> bool:
        """'Jean, un ami de 20 ans': a noun of the phrase that years measure as a time."""
        return any(t.lemma_ in self.lex.duration_nouns for t in opening.doc[opening.i + 1 : de.i])

    def mention_ending(self, token: Token) -> Speaker | None:
        """The name that ends at this token, unless it is a complement or one of several."""
        end = token.idx + len(token.text)
        mention = next((m for m in self.people if m[1] == end), None)
        if mention is None:
            return None
        name = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        before = self.doc[name.start - 1] if name is not None and name.start > 0 else None
        return None if before is not None and before.pos_ in NOT_BESIDE else self.named(mention)

    def mention_starting(self, token: Token) -> Speaker | None:
        return next((self.named(m) for m in self.people if m[0] == token.idx), None)

    def named(self, mention: tuple[int, int, str]) -> Speaker:
        start, end, entity = mention
        return Speaker(entity=entity, text=text_of(self.doc)[start:end])

    def years_word(self, first: Token) -> Token | None:
        """The word for years ('ans', 'années') of a figure that starts at this token."""
        for token in first.doc[first.i : first.i + 6]:
            if token.lower_ in self.lex.year_words:
                return token
        return None

    def aged_one(self, aged: Token, years: Token) -> Token | None:
        """'l'homme, âgé de 45 ans': the noun 'âgé' hangs on; 'Âgé de 49 ans, Roger a été
        tué': the subject of the verb it hangs on, or the name after the comma."""
        head = aged.head
        if head.i != aged.i and head.pos_ in NOUNS:
            return head
        if head.i != aged.i and head.pos_ in ("VERB", "AUX"):
            return next((c for c in head.children if c.dep_.startswith("nsubj")), None)
        after = years.doc[years.i + 1 : years.i + 3]
        if len(after) == 2 and after[0].text == "," and after[1].pos_ in NOUNS:
            return after[1]
        return None

    def is_person(self, token: Token) -> bool:
        return token.pos_ in NOUNS and (
            self.entity_at(token.idx) is not None
            or token.lemma_ in self.lex.person_nouns
            or (token.text[0].isupper() and token.lower_ in self.lex.nationalities)
        )

    def person(self, token: Token | None) -> Speaker | None:
        if token is None or not self.is_person(token):
            return None
        mention = self.mention_at(token.idx)
        if mention is not None:
            return self.named(mention)
        return Speaker(text=with_determiner(token))

    def entity_at(self, char: int) -> str | None:
        mention = self.mention_at(char)
        return mention[2] if mention else None

    def mention_at(self, char: int) -> tuple[int, int, str] | None:
        return next((m for m in self.people if m[0] <= char < m[1]), None)


def age_at(match: re.Match[str], low: int, high: int, person: Speaker) -> Age:
    text = match.group()
    return Age(
        id="", start=match.start(), end=match.end(), text=text, low=low, high=high, person=person
    )


def with_determiner(noun: Token) -> str:
    determiners = [c for c in noun.lefts if c.dep_ in DETERMINER_DEPS]
    start = determiners[0].idx if determiners else noun.idx
    return text_of(noun.doc)[start : noun.idx + len(noun.text)]
