"""Finding entity mentions in a parsed Doc: spaCy's names, corrected, plus what it misses.

spaCy's French NER is a good start on news but makes systematic errors: sentence-initial
words taken for names ("Samedi", "Lire"), names running across a paragraph break or into
the next verb, roles taken for organisations ("ministre de l'Économie"), demonyms taken for
places ("les Français"), institutions it does not see ("le parquet de Lyon"). Each function
here corrects one of these, from the language data in `lang/<code>/entities.json`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Literal, cast

import numpy
from babel import Locale
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from recoupe import lang, nlp
from recoupe.extract.speakers import cue_lemma, speech_lexicon

MentionKind = Literal["name", "description"]
Label = Literal["PER", "ORG", "LOC", "MISC"]
LABELS: tuple[Label, ...] = ("PER", "ORG", "LOC", "MISC")

# Part-of-speech tags that a one-word name never has; "Samedi" or "Lire" at the start of a
# sentence are tagged so, real names are PROPN (or NOUN for unknown words).
NON_NAME_POS = {
    "VERB",
    "AUX",
    "ADV",
    "ADP",
    "DET",
    "PRON",
    "CCONJ",
    "SCONJ",
    "INTJ",
    "PUNCT",
    "NUM",
}
MAX_DESCRIPTION_TOKENS = 10
DESCRIPTION_LEFT_POS = {"DET", "ADJ", "NUM"}
CONTRACTED_ARTICLES = frozenset({"du", "au", "aux"})
COMPLEMENT_LINKS = frozenset({"de", "du", "des", "d'", "d’"})
PORTFOLIO_LINKS = frozenset(
    {"de", "du", "des", "d'", "d’", "à", "au", "aux", "l'", "l’", "la", "le", "les"}
)
LOWERCASE_WORD = re.compile(r"\b[a-zà-öø-ÿœ]+\b")
# Endings of French plural demonyms: "les Strasbourgeois", "des Lillois", "aux Parisiennes".
PLURAL_DEMONYM = re.compile(r"(ois|aises?|oises|iens|iennes|ains|aines)$")
GAZETTEERS = (
    "known_organisations",
    "metonym_organisations",
    "places",
    "movements",
    "known_aliases",
)
# CLDR territories that are groupings, not places a text names as such.
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


@dataclass
class Mention:
    """A stretch of tokens naming or describing an entity, with the type evidence found."""

    start: int
    end: int
    label: Label
    kind: MentionKind = "name"
    # A label from a rule (gazetteer, institution, context) outweighs spaCy's guess.
    sure: bool = False
    # For descriptions: the name mention they describe.
    describes: Mention | None = field(default=None, repr=False)
    # For a place named with its kind ("place de la République"): the bare name's tokens.
    core: tuple[int, int] | None = None


@dataclass(frozen=True)
class EntityLexicon:
    honorifics: frozenset[str]
    articles: frozenset[str]
    leading_prepositions: frozenset[str]
    cutting_prepositions: frozenset[str]
    unaccented_prepositions: frozenset[str]
    name_particles: frozenset[str]
    time_words: frozenset[str]
    not_entities: frozenset[str]
    demonyms: frozenset[str]
    role_nouns: frozenset[str]
    org_head_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    org_context_nouns: frozenset[str]
    loc_prefix_nouns: frozenset[str]
    territory_nouns: frozenset[str]
    leading_determiners: frozenset[str]
    portfolio_roles: frozenset[str]
    state_words: frozenset[str]
    leader_joiners: frozenset[str]
    common_nouns: frozenset[str]
    known_organisations: tuple[str, ...]
    metonym_organisations: tuple[str, ...]
    places: tuple[str, ...]
    movements: tuple[str, ...]
    known_aliases: tuple[tuple[str, ...], ...]
    new_name_cues: tuple[str, ...]
    old_name_cues: tuple[str, ...]
    renaming_aside: re.Pattern[str]


@cache
def lexicon(code: str) -> EntityLexicon:
    data = lang.load(code, "entities")
    sets = {
        key: frozenset(data[key])
        for key in EntityLexicon.__dataclass_fields__
        if isinstance(data.get(key), list) and key not in GAZETTEERS
    }
    renaming = data["renaming_cues"]
    return EntityLexicon(
        **sets,
        common_nouns=common_nouns(code),
        known_organisations=tuple(data["known_organisations"]),
        metonym_organisations=tuple(data["metonym_organisations"]),
        places=tuple(data["places"]) + country_names(code),
        movements=tuple(data["movements"]),
        known_aliases=tuple(tuple(names) for names in data["known_aliases"]),
        new_name_cues=tuple(renaming["new_name_follows"]),
        old_name_cues=tuple(renaming["old_name_follows"]),
        renaming_aside=renaming_aside(renaming["new_name_follows"] + renaming["old_name_follows"]),
    )


def common_nouns(code: str) -> frozenset[str]:
    """Lemmas that spaCy's lemmatizer lists as common nouns ("impuissance", "braqueur")."""
    lemmatizer = cast(Lemmatizer, nlp.load(code).get_pipe("lemmatizer"))
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(index.get("noun", ()))


def renaming_aside(cues: list[str]) -> re.Pattern[str]:
    """'(ancien nom de X)', '(Ndlr : ex-Y)' right after a name; group 1 is the other name."""
    alternation = "|".join(re.escape(c) for c in cues)
    name = r"[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*"
    return re.compile(rf"\s*\((?:ndlr\s*:\s*)?(?:{alternation})\s*({name})\)", re.I)


def find_mentions(doc: Doc, code: str) -> list[Mention]:
    """Name mentions (corrected NER, gazetteer, institutions) and their descriptions."""
    lex = lexicon(code)
    lowercase_words = set(LOWERCASE_WORD.findall(nlp.text_of(doc)))
    names = [
        m for m in ner_mentions(doc, lex) if is_name(doc[m.start : m.end], lex, lowercase_words)
    ]
    names = add_institutions(doc, names, lex)
    names = add_gazetteer(doc, names, code)
    names = [extend_place(doc, m, lex) for m in names]
    for mention in names:
        retype_from_context(doc, mention, lex)
    names = without_overlaps(names + list(renamed_names(doc, names, lex)))
    descriptions = list(apposition_descriptions(doc, names, lex))
    return names + descriptions


def ner_mentions(doc: Doc, lex: EntityLexicon) -> Iterator[Mention]:
    previous: Mention | None = None
    for ent in doc.ents:
        label = ent.label_ if ent.label_ in LABELS else "MISC"
        for start, end in split_at_line_breaks(ent):
            start, end = trim(doc, start, end, lex)
            if end <= start:
                continue
            end = through_hyphens(doc, end)
            start = from_dashed_word(doc, start)
            if previous is not None and (
                joined_by_particle(doc, previous, start, lex)
                or first_and_last_name(doc, previous, start, end)
            ):
                if start == previous.end:
                    previous.label = "PER"
                previous.end = end
                continue
            if previous is not None:
                yield previous
            previous = Mention(start, end, label)
    if previous is not None:
        yield previous


def through_hyphens(doc: Doc, end: int) -> int:
    """'Arts' + '-Loi', 'Bruxelles' + '-' + 'Nord': a hyphenated name is one name."""
    while end + 1 < len(doc) and doc[end].text in ("-", "‑") and not doc[end - 1].whitespace_:
        if doc[end].whitespace_ or not doc[end + 1].is_title:
            break
        end += 2
    return end


def from_dashed_word(doc: Doc, start: int) -> int:
    """'-Air' + 'Liquide' in a headline ("... sous les 5% -Air Liquide"): one name."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.text.startswith("-") and before.text[1:].istitle():
        return start - 1
    return start


def first_and_last_name(doc: Doc, previous: Mention, start: int, end: int) -> bool:
    """'Pouria' + 'Amirshahi' tagged as two names: two adjacent capitalised words are one."""
    return (
        start == previous.end
        and end == start + 1
        and previous.end - previous.start == 1
        and doc[previous.start].is_title
        and doc[start].is_title
        and "\n" not in doc[previous.start].whitespace_
    )


def joined_by_particle(doc: Doc, previous: Mention, start: int, lex: EntityLexicon) -> bool:
    """'Thierry Brac' + 'de la' + 'Ferrière': one personal name split around its particle."""
    between = doc[previous.end : start]
    return (
        previous.label == "PER"
        and 0 < len(between) <= 2
        and all(t.is_lower and t.lower_ in lex.name_particles for t in between)
        and between[0].lower_ in ("de", "du", "d'", "d’", "des")
    )


def split_at_line_breaks(ent: Span) -> Iterator[tuple[int, int]]:
    """A name never runs across a paragraph break (spaCy joins headline and body words)."""
    start = ent.start
    for token in ent:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if "\n" in token.text else token.i + 1
            if end > start:
                yield start, end
            start = token.i + 1
    if ent.end > start:
        yield start, ent.end


def trim(doc: Doc, start: int, end: int, lex: EntityLexicon) -> tuple[int, int]:
    """Drop leading articles, prepositions and the adjectives of a noun before the name, and
    whatever follows a verb, a date word or a capital 'A' standing for 'À'."""
    while start < end and (is_leading_junk(doc[start], lex) or follows_its_noun(doc[start])):
        start += 1
    for i in range(start + 1, end):
        token = doc[i]
        lower = token.lower_
        if (
            (token.pos_ in ("VERB", "AUX") and token.is_lower)
            or lower in lex.time_words
            or (lower in lex.cutting_prepositions and token.is_lower)
            or (token.text in lex.unaccented_prepositions and article_follows(doc, i, lex))
            or token.text in ("(", ")", "«", "»", '"', "“", "”", ":", ";", "|")
        ):
            end = i
            break
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].lower_ in lex.name_particles | lex.articles
        or (doc[end - 1].is_lower and doc[end - 1].pos_ in ("PRON", "ADV", "SCONJ", "ADP"))
    ):
        end -= 1
    return start, end


def article_follows(doc: Doc, i: int, lex: EntityLexicon) -> bool:
    """'A la tête', 'A l'issue': an article after the capital, not 'en Série A depuis'."""
    return i + 1 < len(doc) and doc[i + 1].lower_ in lex.articles


def follows_its_noun(token: Token) -> bool:
    """An adjective of the noun before the name ('le chimiste grenoblois Serrandis'), not
    one opening it ('le grand Sud')."""
    before = token.nbor(-1) if token.i > 0 else None
    return token.is_lower and token.pos_ == "ADJ" and before is not None and before.pos_ == "NOUN"


def is_leading_junk(token: Token, lex: EntityLexicon) -> bool:
    lower = token.lower_
    if token.is_punct or token.is_space:
        return True
    if lower in lex.leading_prepositions:
        return True
    # Lower-case articles and determiners are not part of the name ("la France", "mon JRI");
    # capitalised ones may be ("Le Monde"), except at the start of a sentence.
    determiner = lower in lex.articles or lower in lex.leading_determiners
    return determiner and bool(token.is_lower or token.is_sent_start)


def is_name(span: Span, lex: EntityLexicon, lowercase_words: set[str]) -> bool:
    text = span.text.strip()
    lower = text.lower()
    if lower in lex.not_entities or lower in lex.honorifics or lower in lex.demonyms:
        return False
    if not any(c.isupper() for c in text) and not any(c.isdigit() for c in text):
        return False
    if len(span) == 1 and not is_one_word_name(span[0], lex, lowercase_words):
        return False
    return not is_role(span, lex) and not in_set_phrase(span, lex)


def is_one_word_name(token: Token, lex: EntityLexicon, lowercase_words: set[str]) -> bool:
    lower = token.lower_
    if token.pos_ in NON_NAME_POS or lower in lex.time_words or token.text[0].isdigit():
        return False
    if token.is_sent_start:
        # A capitalised common word opening a sentence or a heading ("Congés", "Braqueur"),
        # known as such to the lemmatizer or written in lower case elsewhere in the article.
        common = token.pos_ == "NOUN" and token.lemma_.lower() in lex.common_nouns
        if common or lower in lowercase_words:
            return False
    return not is_plural_demonym(token)


def is_plural_demonym(token: Token) -> bool:
    """Inhabitants named after their place, after a plural determiner ("les Strasbourgeois")."""
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    return before in ("les", "des", "aux") and bool(PLURAL_DEMONYM.search(token.lower_))


def in_set_phrase(span: Span, lex: EntityLexicon) -> bool:
    """'ministre de la Justice', 'chef de l'État', 'homme d'État': no entity in the phrase."""
    doc = span.doc
    i = span.start - 1
    if span[0].lower_ in lex.state_words and i >= 0:
        # "chef de l'État", "secrétaire d'État", "cet État": a role or the state in general.
        return doc[i].lower_ in ("d'", "d’", "cet") or (
            doc[i].lower_ in lex.articles and i > 0 and doc[i - 1].lower_ in ("de", "du")
        )
    # Walk back over the prepositions, articles and adjectives that link a portfolio to its
    # minister: "ministre de l'Intérieur", "secrétaire d'État français à l'Intérieur".
    while i >= 0 and (
        doc[i].lower_ in PORTFOLIO_LINKS
        or doc[i].lower_ in lex.state_words
        or (doc[i].is_lower and doc[i].pos_ == "ADJ")
    ):
        i -= 1
    linked = i < span.start - 1
    # "le premier ministre du Québec": a place is a place, even after a minister.
    return (
        linked and i >= 0 and doc[i].lower_ in lex.portfolio_roles and span.text not in lex.places
    )


def is_role(span: Span, lex: EntityLexicon) -> bool:
    """'ministre de l'Économie', 'président de la République': descriptions, not names."""
    first = span[0]
    two_words = f"{first.lower_} {span[1].lower_}" if len(span) > 1 else ""
    if two_words in lex.role_nouns:  # "Premier ministre", "Secrétaire général"
        return True
    return first.lower_ in lex.role_nouns and (
        first.is_lower or first.is_sent_start or len(span) > 1
    )


def country_names(code: str) -> tuple[str, ...]:
    territories = Locale(code).territories
    return tuple(
        name for key, name in territories.items() if len(key) == 2 and key not in NOT_COUNTRIES
    )


@cache
def gazetteer(code: str) -> PhraseMatcher:
    lex = lexicon(code)
    pipeline = nlp.load(code)
    matcher = PhraseMatcher(pipeline.vocab)
    organisations = lex.known_organisations + lex.metonym_organisations
    matcher.add("ORG", [pipeline.make_doc(name) for name in organisations])
    matcher.add("LOC", [pipeline.make_doc(name) for name in lex.places])
    matcher.add("MISC", [pipeline.make_doc(name) for name in lex.movements])
    return matcher


def add_gazetteer(doc: Doc, names: list[Mention], code: str) -> list[Mention]:
    """Well-known organisations and places spaCy misses or mistypes (OpenAI as MISC)."""
    lex = lexicon(code)
    by_span = {(m.start, m.end): m for m in names}
    matches = gazetteer(code)(doc, as_spans=True)
    for match in filter_spans(matches):
        label = cast(Label, match.label_)
        existing = by_span.get((match.start, match.end))
        if existing is not None:
            if not (existing.sure and existing.label != label):
                existing.label, existing.sure = label, True
        else:
            mention = Mention(match.start, match.end, label, sure=True)
            names = [kept for m in names for kept in leader_in_place_of(doc, m, mention, lex)]
            # spaCy's shorter guesses inside a known name give way ("France" in "la France
            # insoumise"); names found by a rule do not.
            names = [m for m in names if m.sure or not inside(m, mention)]
            if any(overlaps(m, mention) and not nests(m, mention) for m in names):
                continue
            names.append(mention)
            by_span[(match.start, match.end)] = mention
    return names


def leader_in_place_of(
    doc: Doc, guess: Mention, known: Mention, lex: EntityLexicon
) -> list[Mention]:
    """The guess, or the person named after the known organisation it starts with, a name of
    its own beside it: for spaCy's 'Rassemblement national de Marine Le Pen', the party's
    leader ('Le Rassemblement national de Hénin-Beaumont' is its local branch, and stays
    whole); for 'AFP Serge' after a verb of saying ('a dit à l'AFP Serge, 73 ans'), who
    said it to the organisation."""
    if guess.sure or known.label != "ORG" or guess.start != known.start:
        return [guess]
    joined = known.end < guess.end and doc[known.end].lower_ in lex.leader_joiners
    rest = doc[known.end + 1 : guess.end] if joined else doc[known.end : guess.end]
    split = (
        len(rest) >= (2 if joined else 1)
        and (joined or told_to(doc, known.start, lex))
        and all(t.is_title or t.lower_ in lex.name_particles for t in rest)
    )
    return [Mention(rest.start, rest.end, "PER")] if split else [guess]


def told_to(doc: Doc, start: int, lex: EntityLexicon) -> bool:
    """Whether the name at `start` is who a verb of saying spoke to: 'a dit à l'AFP',
    'a confié au Parisien' (not 'travaille à la SNCF Réseau')."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in lex.articles:
        i -= 1
    if i < 1 or doc[i].lower_ not in ("à", "au"):
        return False
    verb = doc[i - 1]
    return cue_lemma(verb, speech_lexicon(doc.lang_)) is not None


def inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def add_institutions(doc: Doc, names: list[Mention], lex: EntityLexicon) -> list[Mention]:
    """'le parquet de Lyon', 'ministère des Affaires étrangères': institution noun + complement."""
    found = []
    for token in tokens_among(doc, lex.institution_nouns):
        end = institution_end(doc, token.i, lex)
        # "le parquet de Lyon", or a capitalised head inside a sentence: "la Brigade criminelle"
        named = any(t.is_title or t.is_upper for t in doc[token.i + 1 : end]) or (
            token.is_title and not token.is_sent_start
        )
        if end > token.i + 1 and named:
            found.append(Mention(token.i, end, "ORG", sure=True))
    if not found:
        return names
    # An institution phrase replaces a name starting at the same place, and keeps the
    # places and names inside it ("Lyon" in "le parquet de Lyon") as entities of their own.
    starts = {m.start for m in found}
    kept = [m for m in names if m.start not in starts]
    return kept + found


def tokens_among(doc: Doc, lower_forms: frozenset[str]) -> Iterator[Token]:
    """Tokens whose lower-case form is in the set, found on the Doc's arrays, not in Python."""
    wanted = [doc.vocab.strings.add(form) for form in lower_forms]
    for i in numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), wanted)):
        yield doc[int(i)]


def institution_end(doc: Doc, head: int, lex: EntityLexicon) -> int:
    """End of an institution's name: adjectives and 'de' complements after its head noun.

    Complements are names ("de Lyon"), or, when the head itself is capitalised as in a
    proper name, common nouns too ("Commission nationale de contrôle des interceptions").
    """
    proper_head = doc[head].is_title and not doc[head].is_sent_start
    end = head + 1
    n = len(doc)
    while end < n:
        token = doc[end]
        if token.pos_ == "ADJ" and token.is_lower:
            end += 1
            continue
        if token.lower_ == "et" and end + 1 < n and doc[end + 1].lower_ in ("de", "du", "des"):
            # "ministère de l'Agriculture et du Développement rural"
            end += 1
            continue
        if token.lower_ in ("de", "du", "des", "d'", "d’") and end + 1 < n:
            nxt = end + 1
            if doc[nxt].lower_ in lex.articles and nxt + 1 < n:
                nxt += 1
            complement = doc[nxt]
            if complement.is_title or complement.is_upper:
                end = nxt + 1
                while end < n and doc[end].pos_ == "PROPN":
                    end += 1
                continue
            if proper_head and complement.pos_ == "NOUN" and complement.is_lower:
                end = nxt + 1
                continue
        break
    return end


def extend_place(doc: Doc, mention: Mention, lex: EntityLexicon) -> Mention:
    """'la place de la République', 'rue de la Loi', 'métro Arts-Loi' are places."""
    i = mention.start - 1
    if i >= 0 and doc[i].lower_ in lex.articles:
        i -= 1
    if i >= 0 and doc[i].lower_ in ("de", "du", "des", "d'", "d’"):
        i -= 1
    if i >= 0 and doc[i].lower_ in lex.loc_prefix_nouns and doc[i].is_lower:
        if mention.label == "ORG" and mention.sure:
            return mention
        return Mention(i, mention.end, "LOC", sure=True, core=(mention.start, mention.end))
    return mention


def retype_from_context(doc: Doc, mention: Mention, lex: EntityLexicon) -> None:
    """Type evidence from the words of the name and the words around it."""
    span_text = doc[mention.start : mention.end].text
    if span_text in lex.metonym_organisations:
        mention.label, mention.sure = "ORG", True
        return
    if mention.sure:
        return
    label = type_from_words(doc, mention, lex) or type_from_neighbours(doc, mention, lex)
    if label is not None:
        mention.label, mention.sure = label, True
        mention.core = territory_name(doc, mention, lex)
        return
    # French names of people take no article: "l'Anem", "la Parole libérée" are not people.
    before = doc[mention.start - 1] if mention.start > 0 else None
    articles = lex.articles | CONTRACTED_ARTICLES
    if (
        mention.label == "PER"
        and before is not None
        and before.is_lower
        and before.lower_ in articles
    ):
        mention.label = "ORG"


def type_from_words(doc: Doc, mention: Mention, lex: EntityLexicon) -> Label | None:
    """'département des Pyrénées-Orientales', 'parquet de Paris', 'Dr Laïb Mohamed'."""
    first = doc[mention.start].lower_
    if mention.end - mention.start > 1:
        if first in lex.territory_nouns and doc[mention.start + 1].lower_ in COMPLEMENT_LINKS:
            return "LOC"
        if first in lex.honorifics:
            return "PER"
    if first in lex.org_head_nouns:
        return "ORG"  # "la Commission", "l'Église"
    return None


def territory_name(doc: Doc, mention: Mention, lex: EntityLexicon) -> tuple[int, int] | None:
    """'Hainaut' in 'province de Hainaut': the same place when named alone."""
    if doc[mention.start].lower_ not in lex.territory_nouns:
        return None
    start = mention.start + 2  # after the noun and its "de"
    if start < mention.end and doc[start].lower_ in lex.articles:
        start += 1
    return (start, mention.end) if start < mention.end else None


def type_from_neighbours(doc: Doc, mention: Mention, lex: EntityLexicon) -> Label | None:
    """The noun, title or demonym just before the name; an age just after it."""
    before = mention.start - 1
    word = doc[before] if before >= 0 else None
    # "Émilie, 27 ans", "Redoine Faïd, 46 ans"; in "le chauffeur routier de Seine-et-Marne,
    # 33 ans" the age is the driver's, not the place's ("l'avocat de Redoine Faïd, 46 ans" is
    # ambiguous: a name that spaCy did not take for a place is a person).
    of_a_place = mention.label == "LOC" and word is not None and word.lower_ in COMPLEMENT_LINKS
    if is_followed_by_age(doc, mention.end) and not of_a_place:
        return "PER"
    if word is None:
        return None
    if word.lower_ in lex.honorifics:
        return "PER"  # "Dr Laïb Mohamed"
    if not word.is_lower:
        return None
    if word.lemma_.lower() in lex.org_context_nouns:
        return "ORG"  # "la société BlackRock"
    if word.lower_ in lex.role_nouns and doc[mention.start].is_title:
        return "PER"  # "le député Pouria Amirshahi", "la ministre Agnès Buzyn"
    articles = lex.articles | CONTRACTED_ARTICLES
    if word.lower_ in lex.demonyms and before > 0 and doc[before - 1].lower_ in articles:
        return "ORG"  # "l'américain Airgas": a company named by its nationality
    return None


def is_followed_by_age(doc: Doc, end: int) -> bool:
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].like_num
        and doc[end + 2].lower_ == "ans"
    )


def renamed_names(doc: Doc, names: list[Mention], lex: EntityLexicon) -> Iterator[Mention]:
    """The other name in 'Twitter (ancien nom de X)', which spaCy rarely tags (one letter)."""
    text = nlp.text_of(doc)
    for mention in names:
        end = doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
        match = lex.renaming_aside.match(text, end)
        if match is None:
            continue
        span = doc.char_span(match.start(1), match.end(1))
        if span is not None and not in_mention(span.start, names):
            yield Mention(span.start, span.end, mention.label, sure=mention.sure)


def without_overlaps(names: list[Mention]) -> list[Mention]:
    """Keep the longer of two overlapping names (rule-found institutions nest, see above)."""
    ordered = sorted(names, key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mention] = []
    for mention in ordered:
        clash = any(
            k.start < mention.end and mention.start < k.end and not nests(k, mention) for k in kept
        )
        if not clash:
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def nests(outer: Mention, inner: Mention) -> bool:
    """A place or a known name inside an institution's name ("Lyon" in "parquet de Lyon")."""
    inside = outer.start < inner.start and inner.end <= outer.end
    return outer.sure and outer.label == "ORG" and inside and (inner.sure or inner.label == "LOC")


def apposition_descriptions(
    doc: Doc, names: list[Mention], lex: EntityLexicon
) -> Iterator[Mention]:
    """'Sam Altman, PDG d'OpenAI,' and 'le ministre des Finances, Moshe Kahlon'."""
    for mention in names:
        for head, stop in description_heads(doc, mention, names, lex):
            span = description_span(doc, head, lex, stop=stop)
            if (
                span is not None
                and fits(mention, head, lex)
                and not names_a_person(doc, span, names)
                and not in_brackets(doc, mention, span)
            ):
                if head.lower_ not in lex.role_nouns and not mention.sure:
                    mention.label = "ORG"  # described as a kind of organisation
                yield Mention(*span, mention.label, "description", describes=mention)


def description_heads(
    doc: Doc, mention: Mention, names: list[Mention], lex: EntityLexicon
) -> Iterator[tuple[Token, int | None]]:
    """Nouns in apposition to the name, after it or before it (then cut at the name)."""
    head = doc[mention.start : mention.end].root
    for child in head.children:
        if child.dep_ == "appos" and not in_mention(child.i, names):
            yield child, None
    before = head.head
    if before.i >= mention.start or in_mention(before.i, names):
        return
    if head.dep_ == "appos" and before.pos_ == "NOUN":
        yield before, mention.start
    elif (
        head.dep_ == "conj" and doc[mention.start - 1].text == "," and is_definite_role(before, lex)
    ):
        # "La présidente du Rassemblement national, Marine Le Pen": parsed as a coordination.
        yield before, mention.start


def is_definite_role(noun: Token, lex: EntityLexicon) -> bool:
    """'la présidente du RN', not 'leurs leaders ou porte-parole' (a group, not one person)."""
    return noun.lower_ in lex.role_nouns and any(
        child.dep_ == "det" and child.lower_ in lex.articles for child in noun.children
    )


def fits(mention: Mention, head: Token, lex: EntityLexicon) -> bool:
    """A role describes a person; a kind of organisation describes neither a place nor a
    person's full name ('le cabinet du bourgmestre, Willy Demeyer')."""
    if head.lower_ in lex.role_nouns:
        return mention.label == "PER" or not mention.sure
    if mention.label == "PER":
        # One word that spaCy took for a person: "Lotte, le groupe de chimie".
        return not mention.sure and mention.end - mention.start == 1
    return mention.label != "LOC"


def in_brackets(doc: Doc, mention: Mention, span: tuple[int, int]) -> bool:
    """'Richard Ferrand (LREM, parti présidentiel)' describes the party, not the person, and
    'chauffeur routier à Melun (Seine-et-Marne)' says where Melun is."""
    if span[0] >= mention.end:
        return any(t.text == "(" for t in doc[mention.end : span[0]])
    return mention.start > 0 and doc[mention.start - 1].text == "("


def names_a_person(doc: Doc, span: tuple[int, int], names: list[Mention]) -> bool:
    """'le chancelier autrichien Sébastian Kurz' describes Kurz, not the name before it.

    A person in a complement ('la conseillère de Jean-Luc Mélenchon') is only part of it.
    """
    start, end = span
    return any(
        m.label == "PER"
        and start <= m.start < end
        and doc[m.start - 1].lower_ not in COMPLEMENT_LINKS
        for m in names
    )


def in_mention(i: int, names: list[Mention]) -> bool:
    return any(m.start <= i < m.end for m in names)


def description_span(
    doc: Doc, head: Token, lex: EntityLexicon, stop: int | None = None
) -> tuple[int, int] | None:
    """The noun phrase headed by `head`, cut at the first comma, relative pronoun or verb."""
    # Only nouns of roles and kinds of organisation: other appositions ("incohérences,
    # voire mensonges") are too often a misparse to be taken as a description.
    if head.pos_ not in ("NOUN", "PROPN") or not (
        head.lower_ in lex.role_nouns or head.lemma_.lower() in lex.org_context_nouns
    ):
        return None
    # The phrase starts at its determiner or its noun: "l'ancien président", not "ainsi que
    # du président" nor, on a misparse, "sommes pas simplement contre le Premier ministre".
    start = head.i
    while start > head.left_edge.i and doc[start - 1].pos_ in DESCRIPTION_LEFT_POS:
        start -= 1
    # An aside in brackets ("(Ndlr : ancien nom de X)") is not a description.
    if (start > 0 and doc[start - 1].text == "(") or doc[head.left_edge.i].text == "(":
        return None
    end = head.i + 1
    limit = min(head.right_edge.i + 1, stop if stop is not None else len(doc))
    while end < limit:
        token = doc[end]
        if token.is_punct or token.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or "\n" in token.text:
            break
        end += 1
    if end - start > MAX_DESCRIPTION_TOKENS or end <= start:
        return None
    return start, end
