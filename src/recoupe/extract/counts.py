"""Counts of people and things with the counted noun.

A regex over the text finds the figures ("51'400", "trois", "1,5 million", "une dizaine");
the spaCy parse then says whether a counted noun follows ("personnes", "«gilets jaunes»",
"anciens membres", "blessés") and that noun decides: units, durations, dates and money words
(`lang/<lang>/counts.json`) are never counted. A figure without a noun is still a count when
the article just gave the noun ("51 400 personnes selon la police, 12 000 selon la CGT") or
when it opens a range ("entre 10 et 12 blessés"), it counts people when a pronoun
is said to be that many ("ils étaient 166 000 à manifester"), and it counts the noun of a
plural noun phrase it is set off after ("Les blessés, une dizaine selon les pompiers, ont
été évacués").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from recoupe import lang as lang_data
from recoupe.extract.context import Context
from recoupe.extract.numbers import (
    APOSTROPHES,
    NUMERAL,
    SPACE,
    SPACES,
    alternation,
    lexicon,
    parse_number,
    range_lower_bound,
    scale_value,
)
from recoupe.nlp import text_of
from recoupe.record import Amount, Count

PLURAL_ENDINGS = ("s", "x", "z")
# "une dizaine de milliers de personnes"
MULTIPLES = {"milliers": 1e3, "millions": 1e6}
# "(+3 points)", "-5 %": a signed figure is a change, not a count ("10 - 12" is a range).
SIGNED = re.compile(rf"(?:^|[^\d{SPACES}]){SPACE}*[+−-]{SPACE}*$")
# "Les interpellations - 39 au total -": a dash spaced on both sides after a word sets the
# figure off; it is no sign.
SETTING_OFF_DASH = re.compile(rf"[^\W\d_]{SPACE}+[-–—]{SPACE}+$")
# "en 2018 selon ..." is a year, not a count whose noun was elided.
YEAR = re.compile(r"1[89]\d\d|20\d\d")
SENTENCE_END = re.compile(r"[.!?…](?:\s|$)|\n")
# How far before a figure "ils étaient encore" may start.
PREDICATE_CHARS = 60
# The marks that set a figure off, each with the mark that closes it.
APPOSITION_MARKS = {",": ",", "(": ")", "-": "-", "–": "–", "—": "—"}
# How many words the noun phrase a figure is set off after may run to.
APPOSED_PHRASE_WORDS = 15


@dataclass(frozen=True)
class CountLexicon:
    never_counted: frozenset[str]
    counted_after_one: frozenset[str]
    one_person_nouns: frozenset[str]
    one_person_outcomes: frozenset[str]  # counted_after_one and the phrases said of one
    labels: frozenset[str]
    partitives: frozenset[str]
    fixed_expressions: frozenset[str]
    coordinator: str
    elided_noun_cue: re.Pattern[str]
    elided_noun_window: int
    elided_noun_link: re.Pattern[str]
    elided_noun_follow: re.Pattern[str]
    people_predicate: re.Pattern[str]  # "ils étaient", searched at the end of what precedes
    people_noun: str
    not_people_after: re.Pattern[str]
    apposed_determiners: frozenset[str]
    apposed_lead: re.Pattern[str]  # "au nombre de", at the end of what precedes a figure
    apposed_tail: re.Pattern[str]  # "selon les pompiers", "au total", before the closing mark
    apposed_not_counted: frozenset[str]


@dataclass(frozen=True)
class Figure:
    start: int  # approximator included
    end: int
    text: str
    value: float
    scale: float
    approximate: bool
    needs_de: bool  # "une dizaine de", "1,5 million de": the noun comes after "de"
    in_words: bool
    next_token: int  # index of the first token after the figure


@dataclass(frozen=True)
class Counted:
    figure: Figure
    end: int
    object: str


@cache
def count_lexicon(lang: str) -> CountLexicon:
    data = lang_data.load(lang, "counts")
    cue = alternation(data["elided_noun_cues"])
    return CountLexicon(
        never_counted=frozenset(word.lower() for word in data["never_counted"]),
        counted_after_one=frozenset(data["counted_after_one"]),
        one_person_nouns=frozenset(data["one_person_nouns"]),
        one_person_outcomes=frozenset(data["counted_after_one"] + data["one_person_outcomes"]),
        labels=frozenset(data["labels_before_number"]),
        partitives=frozenset(data["partitives"]),
        fixed_expressions=frozenset(data["fixed_expressions"]),
        coordinator=rf"{SPACE}*{alternation(data['coordinators'])}{SPACE}*",
        elided_noun_cue=re.compile(rf"[{SPACES},(]*(?i:{cue})"),
        elided_noun_window=data["elided_noun_window"],
        elided_noun_link=re.compile(
            rf"(?:^|[{SPACES},–-])(?i:{alternation(data['elided_noun_links'])})[{SPACES}]*$"
        ),
        elided_noun_follow=re.compile(
            rf"[{SPACES}]*(?:[,.;:)–-]|$|(?i:{alternation(data['elided_noun_follows'])})\b)"
        ),
        people_predicate=re.compile(
            rf"(?<!\w)(?i:{alternation(data['people_pronoun_predicates'])})"
            rf"(?:{SPACE}+(?i:{alternation(data['people_pronoun_adverbs'])}))?{SPACE}*$"
        ),
        people_noun=data["people_noun"],
        not_people_after=re.compile(rf"{SPACE}*(?i:{alternation(data['not_people_after'])})"),
        apposed_determiners=frozenset(data["apposed_determiners"]),
        apposed_lead=re.compile(rf"(?i:{alternation(data['apposed_leads'])}){SPACE}*$"),
        apposed_tail=re.compile(
            rf"{SPACE}*(?:(?i:{cue}|{alternation(data['apposed_tails'])})[^,()–—-]*)?"
        ),
        apposed_not_counted=frozenset(data["apposed_not_counted"]),
    )


@cache
def count_pattern(lang: str) -> re.Pattern[str]:
    lex = lexicon(lang)
    article = rf"(?<!\w)(?i:(?:d[{APOSTROPHES}])?une?)"
    # "un"/"une" is an article unless a scale or a casualty noun follows ("un mort"): ruling
    # it out here spares a look at the parse for every indefinite article of the text.
    clex = count_lexicon(lang)
    person = rf"{alternation(clex.one_person_nouns)}{SPACE}+{alternation(clex.one_person_outcomes)}"
    after_one = f"{alternation(clex.counted_after_one)}|{person}"
    not_article = rf"(?!(?i:une?)\b(?!{SPACE}(?:{lex.scale_words}|(?i:{after_one}))))"
    return re.compile(
        # Every match starts a word: most positions are rejected by this first test.
        r"(?<!\w)"
        rf"(?:(?P<approx>{lex.approximator}){SPACE}*)?"
        "(?:"
        rf"(?P<article>{article}){SPACE}(?P<noun>{lex.approximate_noun})"
        rf"(?:{SPACE}(?i:de){SPACE}(?P<times>(?i:milliers|millions)\b))?"
        "|"
        rf"{not_article}(?P<num>{NUMERAL}|{lex.words})(?:{SPACE}?(?P<scale>{lex.scale_words}))?"
        ")"
        r"(?![^\W\d_]|-[^\W\d_])"  # "3e", "Deux-Sèvres"
    )


def extract_counts(doc: Doc, ctx: Context, amounts: list[Amount]) -> list[Count]:
    text = text_of(doc)
    clex = count_lexicon(ctx.lang)
    money = MoneySpans(amounts)
    counted: list[Counted] = []
    pending: list[Figure] = []  # figures without a noun, "438 contre 86 et" ...
    for match in count_pattern(ctx.lang).finditer(text):
        if money.overlaps(match.start(), match.end()) or is_label(text, match.start(), clex):
            continue
        if is_signed(text, match.start()):
            continue
        figure = read_figure(match, doc, ctx.lang)
        if figure is None:
            continue
        noun = counted_noun(doc, figure, clex)
        if noun is not None:
            counted.extend(coordinated(text, pending, figure, noun, clex))
            counted.append(Counted(figure, noun_end(noun), noun_phrase(noun)))
            pending = []
        elif found := (
            elided_noun(text, figure, counted, clex)
            or people_of(text, figure, clex)
            or apposed_noun(doc, figure, clex)
        ):
            counted.append(found)
            pending = []
        elif not is_year(figure):
            pending.append(figure)
    return [
        Count(
            id=f"c{index}",
            start=item.figure.start,
            end=item.end,
            text=text[item.figure.start : item.end],
            value=item.figure.value,
            object=item.object,
            approximate=item.figure.approximate,
        )
        for index, item in enumerate(counted, start=1)
    ]


class MoneySpans:
    """The amounts' spans, to skip figures that are money."""

    def __init__(self, amounts: list[Amount]) -> None:
        spans = sorted((a.start, a.end) for a in amounts)
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, end - 1) - 1
        return index >= 0 and self.ends[index] > start


def is_signed(text: str, start: int) -> bool:
    before = max(0, start - 4)
    signed = SIGNED.search(text, before, start) is not None
    return signed and SETTING_OFF_DASH.search(text, max(0, start - 8), start) is None


def is_label(text: str, start: int, clex: CountLexicon) -> bool:
    """ "acte 13", "article 49", "France 2": the figure names something, it counts nothing."""
    before = re.search(rf"([^\s{APOSTROPHES}]+)\s*$", text[max(0, start - 30) : start])
    return before is not None and before.group(1) in clex.labels


def read_figure(match: re.Match[str], doc: Doc, lang: str) -> Figure | None:
    lex = lexicon(lang)
    if match["noun"]:
        scale = MULTIPLES[match["times"].lower()] if match["times"] else 1.0
        value = lex.approximate_nouns[match["noun"].lower()] * scale
        approximate, needs_de = True, True
    else:
        number = parse_number(match["num"], lang)
        if number is None:
            return None
        scale = scale_value(match["scale"] or "", lex)
        value, approximate = number * scale, match["approx"] is not None
        needs_de = scale >= 1e6
        if scale == 1 and not number.is_integer():
            return None
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None or value <= 0 or is_inside_name(match, span[0]):
        return None
    return Figure(
        start=match.start(),
        end=match.end(),
        text=match.group(),
        value=value,
        scale=scale,
        approximate=approximate,
        needs_de=needs_de,
        in_words=bool(match["num"]) and not match["num"][0].isdigit(),
        next_token=span.end,
    )


def is_inside_name(match: re.Match[str], first: Token) -> bool:
    """ "le Mouvement Cinq Etoiles", "les Trente Glorieuses": a number word with a capital
    inside a sentence belongs to a name."""
    words = match["num"]
    return (
        bool(words)
        and words[0].isupper()
        and not words[0].isdigit()
        and not (first.is_sent_start or first.i == 0 or not first.nbor(-1).is_alpha)
    )


def is_year(figure: Figure) -> bool:
    return YEAR.fullmatch(figure.text) is not None


def counted_noun(doc: Doc, figure: Figure, clex: CountLexicon) -> Token | None:
    """The noun the figure counts, if one follows it."""
    i = after_de(doc, figure.next_token) if figure.needs_de else figure.next_token
    if i is None:
        return None
    partitive_allowed = figure.value >= 2 and not is_year(figure)
    if i < len(doc) and doc[i].lower_ in clex.partitives and partitive_allowed:
        i += 1  # "deux des entreprises"
    noun = nominal_at(doc, skip_quotes(doc, i))
    if noun is None or not is_counted(noun, figure, clex):
        return None
    if is_year(figure) and not noun.is_lower:
        return None  # "5 avril 2018 Procès de ..."
    expression = f"{figure.text} {noun.text}".lower()
    return None if expression in clex.fixed_expressions else noun


def after_de(doc: Doc, i: int) -> int | None:
    if i < len(doc) and doc[i].lower_ in ("de", "d'", "d’"):
        return i + 1
    return None


def skip_quotes(doc: Doc, i: int) -> int:
    while i < len(doc) and (doc[i].is_quote or doc[i].is_space):
        i += 1
    return i


def nominal_at(doc: Doc, i: int) -> Token | None:
    """A noun, or an adjective or participle used as one ("trois blessés", "11 écologistes"),
    after at most two adjectives placed before it ("cinq anciens membres")."""
    for j in range(i, min(i + 3, len(doc))):
        token = doc[j]
        if not token.text[0].isalpha():
            return None
        if token.pos_ == "NOUN":
            return token
        following = doc[j + 1] if j + 1 < len(doc) else None
        if token.pos_ == "ADJ" and following is not None and following.pos_ == "NOUN":
            continue
        if token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm", []):
            return token
        return None
    return None


def is_counted(noun: Token, figure: Figure, clex: CountLexicon) -> bool:
    if noun.lower_ in clex.never_counted or noun.lemma_.lower() in clex.never_counted:
        return False
    if noun.doc[noun.i : noun.i + 3].text.lower() in clex.never_counted:
        return False  # "points de base"
    if figure.value < 2:
        return figure.value == 1 and counted_as_one(noun, clex)
    return looks_plural(noun)


def counted_as_one(noun: Token, clex: CountLexicon) -> bool:
    """'un mort', 'une victime'; 'une personne disparue', 'un enfant tué'."""
    if noun.lemma_.lower() in clex.counted_after_one:
        return True
    if noun.lower_ not in clex.one_person_nouns:
        return False
    following = noun.doc[noun.i + 1 : noun.i + 3]
    return any(
        following.text.lower() == outcome or following[:1].text.lower() == outcome
        for outcome in clex.one_person_outcomes
    )


def looks_plural(token: Token) -> bool:
    return "Plur" in token.morph.get("Number", []) or token.lower_.endswith(PLURAL_ENDINGS)


def noun_phrase(noun: Token) -> str:
    """The noun with the adjectives right after it ("gilets jaunes", "essais nucléaires")."""
    end = noun_end_index(noun)
    return noun.doc[noun.i : end].text


def noun_end(noun: Token) -> int:
    last = noun.doc[noun_end_index(noun) - 1]
    return last.idx + len(last.text)


def noun_end_index(noun: Token) -> int:
    end = noun.i + 1
    doc = noun.doc
    while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].head.i == noun.i:
        end += 1
    return end


def elided_noun(
    text: str, figure: Figure, counted: list[Counted], clex: CountLexicon
) -> Counted | None:
    """ "12 000 selon la CGT" right after "51 400 manifestants selon la police", "dont 8 000
    à Paris" right after "106 000 manifestants"."""
    if not counted or figure.start - counted[-1].end > clex.elided_noun_window:
        return None
    if figure.in_words or is_year(figure):
        return None
    between = text[counted[-1].end : figure.start]
    linked = (
        clex.elided_noun_link.search(between) is not None
        and SENTENCE_END.search(between) is None
        and clex.elided_noun_follow.match(text, figure.end) is not None
    )
    if not linked and not clex.elided_noun_cue.match(text, figure.end):
        return None
    return Counted(figure, figure.end, counted[-1].object)


def people_of(text: str, figure: Figure, clex: CountLexicon) -> Counted | None:
    """ "Ils étaient 166 000 à manifester": a figure said of people by a pronoun."""
    if is_year(figure) or clex.not_people_after.match(text, figure.end):
        return None
    if not clex.people_predicate.search(text, max(0, figure.start - PREDICATE_CHARS), figure.start):
        return None
    return Counted(figure, figure.end, clex.people_noun)


def apposed_noun(doc: Doc, figure: Figure, clex: CountLexicon) -> Counted | None:
    """ "Les personnes auditionnées par la commission - plus d'une vingtaine - ont prêté
    serment": a figure set off after a plural noun phrase that is the subject of the verb
    right after it, and closed right after it (a source or "au total" allowed between),
    counts the phrase's noun. A list of labels with their numbers ("Les grands classiques
    (31574)- Comédies (4426)") has no such verb."""
    if is_year(figure):
        return None
    text = text_of(doc)
    lead = clex.apposed_lead.search(text, max(0, figure.start - 20), figure.start)
    opening = token_before(doc, lead.start() if lead else figure.start)
    closing = APPOSITION_MARKS.get(opening.text) if opening is not None else None
    tail = clex.apposed_tail.match(text, figure.end)
    if opening is None or closing is None or tail is None:
        return None
    if not text.startswith(closing, tail.end()) or not verb_after(doc, tail.end() + 1):
        return None
    noun = phrase_noun(doc, opening, clex)
    return Counted(figure, figure.end, apposed_phrase(noun)) if noun is not None else None


def verb_after(doc: Doc, char: int) -> bool:
    """Whether a verb comes next, after a reflexive pronoun maybe ("se sont dispersés")."""
    span = doc.char_span(char, len(text_of(doc)), alignment_mode="expand")
    following = list(span[:2]) if span is not None else []
    if following and following[0].pos_ == "PRON":
        following = following[1:]
    return bool(following) and following[0].pos_ in ("VERB", "AUX")


def token_before(doc: Doc, char: int) -> Token | None:
    """The token that ends right before this character, spaces aside."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return doc[span.start - 1] if span is not None and span.start > 0 else None


def phrase_noun(doc: Doc, mark: Token, clex: CountLexicon) -> Token | None:
    """The plural noun of the phrase that opens its clause and ends at this mark ('Les
    blessés' before ', une dizaine'), with no verb of its own ('Les gendarmes ont interpellé
    des jeunes, une dizaine' counts no gendarmes)."""
    if mark.i == 0:
        return None
    # The parser may take a dash for a sentence's start: the phrase is in the sentence before.
    start = max(doc[mark.i - 1].sent.start, mark.i - APPOSED_PHRASE_WORDS)
    for token in reversed(doc[start : mark.i]):
        if token.pos_ in ("VERB", "AUX") and "Part" not in token.morph.get("VerbForm", []):
            return None
        if token.is_punct and token.text not in ("'", "’", "-"):
            return None
        if token.lower_ in clex.apposed_determiners and opens_clause(token):
            noun = nominal_at(doc, token.i + 1)
            return noun if noun is not None and is_apposed_counted(noun, clex) else None
    return None


def is_apposed_counted(noun: Token, clex: CountLexicon) -> bool:
    not_counted = clex.never_counted | clex.apposed_not_counted
    return looks_plural(noun) and noun.lower_ not in not_counted


def opens_clause(token: Token) -> bool:
    return token.is_sent_start or token.i == 0 or token.nbor(-1).text in (",", ":", ";")


def apposed_phrase(noun: Token) -> str:
    """The noun with the adjectives and participles right after it ("personnes
    auditionnées")."""
    end = noun.i + 1
    doc = noun.doc
    while end < len(doc) and (
        doc[end].pos_ == "ADJ" or "Part" in doc[end].morph.get("VerbForm", [])
    ):
        end += 1
    return doc[noun.i : end].text


def coordinated(
    text: str, pending: list[Figure], last: Figure, noun: Token, clex: CountLexicon
) -> list[Counted]:
    """The figures that share the noun of the last one: "entre 10 et 12 blessés",
    "438 contre 86 et 42 abstentions"."""
    shared: list[Counted] = []
    following = last
    for figure in reversed(pending):
        if not re.fullmatch(clex.coordinator, text[figure.end : following.start]):
            break
        value = range_lower_bound(figure.value, figure.scale, last.value, last.scale)
        if value is None:
            break
        shared.insert(0, Counted(replace(figure, value=value), figure.end, noun_phrase(noun)))
        following = figure
    return shared
