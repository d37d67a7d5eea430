"""Counts across a story ('8 000 manifestants à Paris', 'plus de 80 000 en France', '130
gardes à vue', '80 tombes profanées'): each count is given what it counts, where, when in
the day and according to whom, read from its clause, its sentence and its paragraph, so
that the counts of one crowd at one place make one claim whose values show who counted and
when."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import TypeVar

from babel import Locale

from recoupe import lang
from recoupe.extract import dates_calendar
from recoupe.folding import fold
from recoupe.record import ArticleRecord, Count, Event, Span
from recoupe.store.records import entity_key
from recoupe.stories.features import published_day

S = TypeVar("S", bound=Span)

# How many characters after a count may say what the counted people are ('placées en garde à vue').
WHAT_FOLLOWS = 40
NOT_WORD = re.compile(r"[^\w]+")
WORD_START = re.compile(r"\b\w")
# A day heading its line: '8 décembre : « Acte IV ».'
HEADING_COLON = re.compile(r"\s*:")
SEGMENT_BREAK = re.compile(r"[,;:.()]")
# The preposition between an outcome and the count it governs ('l'interpellation de').
LINK_BEFORE = re.compile(r"\s+(?:de|d|a|au|des)\s*$")
SENTENCE_BREAK = re.compile(r"[.!?…](?=\s)|\n")
# How far after a count its place may be named ('… étaient recensés samedi à 15 heures
# dans toute la France'): further on, the sentence has moved to other things.
REACH = 80
# As many figures of one slot in one sentence are a breakdown of the count.
BREAKDOWN = 3
# Marks that end the words about one figure ('1 200 selon la police ; 3 000 selon …').
CLAUSE_MARK = re.compile(r"[;:\n]")
# Where a clause ends, read on the original text.
CLAUSE_END = re.compile(r"\s*(?:[,.;:)!?]|$)")
PARENTHESIS = re.compile(r"[()]")
# Longer, the words cited as a source run on past its name ('la préfecture ont défilé …').
CITED_NAME_WORDS = 5
SEAT_REACH = 40  # characters before a place where the name of a source may end
NATIONAL = "national"
UNPLACED = "unplaced"
EARLIER = "earlier"  # the occasion before the story's, its day unnamed
PAST = "past"  # another earlier moment, its day unnamed: the first day, the peak
RUNNING_TOTAL = "running total"  # counted since a start long before ('depuis le 17 novembre')
# Days that are no day of the calendar.
UNDATED = frozenset({EARLIER, PAST, RUNNING_TOTAL})
# The previous weekly occasion is this many days before the story's, give or take a day.
PREVIOUS_OCCASION = range(6, 9)
# Articles come out the day of an event or the next: a day this many days or more before the
# story's is another one.
DISPATCH_DELAY = 2
AREA_REACH = 20  # characters before a city's adjective where an area's noun is looked for
# Characters past the words after a count where a set phrase begun among them may end.
LOOKALIKE_REACH = 20
# Words before a count that opens its sentence as its subject ('Au total, 80 000 policiers').
SUBJECT_LEAD = 2


@dataclass(frozen=True)
class FigureLexicon:
    groups: dict[str, str]  # folded singular counted noun -> group
    people: frozenset[str]  # groups of who people are, not of what befell them
    pronoun_count: re.Pattern[str]  # 'Ils seront', before a count of who the last one counts
    outcomes: frozenset[str]  # what befell people ('blessés', 'placés en garde à vue')
    outcome_words: dict[str, str]  # an outcome's words, stemmed -> its group
    outcome_lookalikes: re.Pattern[str]  # set phrases with such a word ('garde des sceaux')
    roles: dict[str, str]  # event role -> group of its counts
    trigger_groups: dict[str, str]  # folded trigger word -> group
    generic_people: frozenset[str]  # 'personne': of people only if they take part
    taking_part: re.Pattern[str]
    taking_part_groups: frozenset[str]  # where 'personnes' go only if they take part
    national: re.Pattern[str]
    capital: re.Pattern[str]
    capitals: dict[str, str]  # folded country name -> its capital's folded name
    city_adjectives: dict[str, re.Pattern[str]]  # a city's name -> its adjective's forms
    city_area: re.Pattern[str]  # before a city's adjective: the area around it
    # 'tout rassemblement de', 'se rassembler à', before 'plus de cinq personnes'
    size_class: re.Pattern[str]
    comparatives: re.Pattern[str]  # 'plus de', opening a count that is a bound
    times: re.Pattern[str]
    previous: re.Pattern[str]  # says a count is of the occasion before the story's
    past: re.Pattern[str]  # says a count is of another earlier moment
    running_total: re.Pattern[str]  # says a count adds up days since a start long before
    pluperfect: re.Pattern[str]  # 'avaient manifesté': another earlier moment, mostly
    sources: list[tuple[str, re.Pattern[str]]]  # shown name, its forms
    seat: re.Pattern[str]  # a source's name before the place it is of
    clause_words: re.Pattern[str]  # where words about another figure begin ('contre')
    clause_ends: re.Pattern[str]  # where the words after a count end ("c'est Valence qui")
    echo: re.Pattern[str]  # after a count's clause, before an earlier day that had as many
    part: re.Pattern[str]
    listing: re.Pattern[str]  # the words between two counts given as one list
    place_opener: re.Pattern[str]  # between a place and the count that is its ('où')
    locating: re.Pattern[str]  # between a place and the one that says where it is
    citing: re.Pattern[str]  # on the original text: its group is the source cited
    same_source: re.Pattern[str]
    contrast: re.Pattern[str]  # opens a clause that sets another source's figure against
    claiming: re.Pattern[str]  # by which that clause's subject gives its figure
    unnamed_subjects: re.Pattern[str]  # a subject that names no source ('il')
    subject_clitics: re.Pattern[str]  # pronouns that end a subject ('la CGT, elle, en')
    subject_inserts: re.Pattern[str]  # open an insert in a subject ('quant à eux')
    day_after_verb: re.Pattern[str]  # from a count to the day its verb names
    day_opening: re.Pattern[str]  # from a sentence's start to the day that opens it
    other_day_words: re.Pattern[str]  # make a day another thing's than the count's


@dataclass(frozen=True)
class Figure:
    count: Count
    group: str
    place_key: str  # an entity across articles, NATIONAL, or UNPLACED
    place: str | None
    # An earlier day than the story's it is given for, EARLIER, PAST or RUNNING_TOTAL.
    day: str | None
    when: str | None
    attributed_to: str | None


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    key: str
    name: str
    country: bool = False

    @property
    def street(self) -> bool:
        """'place de la République', 'avenue des Champs-Élysées', not a town's name."""
        return self.name[:1].islower()


@dataclass(frozen=True)
class Placed:
    sentence: int  # where its sentence starts
    place: Place | None
    part: bool  # 'dont 18 à Paris': a part of the count before it
    day: str | None
    end: int  # where the count ends


def adjective_forms(masculine: str) -> list[str]:
    """The four forms of a French adjective from its masculine singular, folded: parisien,
    parisienne, parisiens, parisiennes; lyonnais, lyonnaise, lyonnaises."""
    feminine = masculine + ("ne" if masculine.endswith(("ien", "en")) else "e")
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    return [fold(masculine), fold(feminine), fold(plural), fold(feminine + "s")]


def phrases(words: list[str]) -> re.Pattern[str]:
    """A pattern of folded phrases, to run on `flat` text."""
    alternatives = sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len)
    return re.compile(r"\b(?:" + "|".join(reversed(alternatives)) + r")\b")


@cache
def lexicon(language: str) -> FigureLexicon:
    data = lang.load(language, "figures")
    citing = "|".join(re.escape(w).replace("'", "['’]") for w in data["citing"])
    return FigureLexicon(
        groups={stem(word): group for group, words in data["groups"].items() for word in words},
        people=frozenset(data["people"]),
        pronoun_count=re.compile(data["pronoun_counts"]),
        outcomes=frozenset(data["outcomes"]),
        outcome_words={
            stem(word): group
            for group, words in data["groups"].items()
            if group in data["outcomes"]
            for word in words
        },
        outcome_lookalikes=phrases(data["outcome_lookalikes"]),
        roles=data["roles"],
        trigger_groups=data["trigger_groups"],
        generic_people=frozenset(stem(word) for word in data["generic_people"]),
        taking_part_groups=frozenset(data["taking_part_groups"]),
        taking_part=re.compile(r"\b(?:" + "|".join(data["taking_part"]) + ")"),
        national=phrases(data["national"]),
        capital=phrases(data["capital"]),
        size_class=re.compile(
            rf"(?:{phrases(data['size_classes']['determiners']).pattern}\s+[a-z]+\s+de"
            rf"|{phrases(data['size_classes']['gathering_verbs']).pattern}\s+a)\s*$"
        ),
        comparatives=re.compile(phrases(data["size_classes"]["comparatives"]).pattern),
        city_adjectives={
            city: phrases([f for word in words for f in adjective_forms(word)])
            for city, words in data["city_adjectives"].items()
        },
        city_area=re.compile(phrases([fold(w) for w in data["city_areas"]]).pattern + r"\s+$"),
        capitals={fold(country): fold(city) for country, city in data["capitals"].items()},
        times=re.compile("|".join(data["times"]), re.IGNORECASE),
        previous=re.compile("|".join(data["earlier"]["previous"])),
        past=re.compile("|".join(data["earlier"]["past"])),
        running_total=re.compile("|".join(data["running_total"])),
        pluperfect=re.compile(data["earlier"]["pluperfect"]),
        sources=[(shown, phrases(forms)) for shown, *forms in data["sources"]],
        seat=re.compile(
            phrases([f for _, *forms in data["sources"] for f in forms]).pattern
            + r"\s+"
            + phrases(data["of"]).pattern
            + r"\s*$"
        ),
        clause_words=phrases(data["clause_words"]),
        clause_ends=phrases(data["clause_ends"]),
        echo=re.compile(
            rf"\s*{phrases(data['echo']).pattern}\s+"
            rf"(?:{phrases(data['echo_links']).pattern}\s+)?(?:(?:la|le|l)\s+)?"
        ),
        part=phrases(data["part_words"]),
        listing=re.compile(r"\s*" + phrases(data["listing_words"]).pattern + r"\s*"),
        place_opener=re.compile(rf"\s*(?:{phrases(data['place_openers']).pattern}\s*)?"),
        locating=re.compile("|".join(data["locating"]), re.IGNORECASE),
        citing=re.compile(rf"(?i:{citing})\s+([^,.;:()«»\n]{{2,60}})"),
        same_source=re.compile(r"\s*" + phrases(data["same_source"]).pattern + r"\s*$"),
        contrast=phrases(data["contrast_openers"]),
        claiming=phrases(data["claiming_verbs"]),
        unnamed_subjects=re.compile(phrases(data["unnamed_subjects"]).pattern + r"\s*$"),
        subject_clitics=re.compile(
            r"(?:\s+" + phrases(data["subject_clitics"]).pattern + r")+\s*$"
        ),
        subject_inserts=re.compile(phrases(data["subject_inserts"]).pattern),
        # Case matters: a place after the verb is a capitalised name.
        day_after_verb=re.compile(data["day_after_verb"]),
        day_opening=re.compile(data["day_opening"], re.IGNORECASE),
        other_day_words=phrases(data["other_day_words"]),
    )


@cache
def country_names(language: str) -> frozenset[str]:
    territories = Locale.parse(language).territories
    return frozenset(fold(name) for code, name in territories.items() if code.isalpha())


def flat(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, and every character where it was."""
    return "".join(
        unicodedata.normalize("NFKD", c)[0].lower() if c.isalnum() else " " for c in text
    )


def story_country(records: list[ArticleRecord]) -> str | None:
    """The country the story's articles name most: 'dans tout le pays' is that one."""
    named = Counter(
        e.name
        for r in records
        for e in r.entities
        if e.type == "LOC" and fold(e.name) in country_names(r.language)
        for _ in e.mentions
    )
    return named.most_common(1)[0][0] if named else None


def article_figures(
    record: ArticleRecord,
    linked: dict[str, str],
    names: dict[str, str],
    country: str | None,
    reference: date | None = None,
    story_day: date | None = None,
) -> Iterator[Figure]:
    """The counts of people of one article, its headline's and its text's, placed, timed and
    attributed; an undated article's relative dates are placed from `reference`, and a
    count is of an earlier day than `story_day` (else the publication day) when it says
    so."""
    words = lexicon(record.language)
    headlines = [headline(record)] if any(c.field == "title" for c in record.counts) else []
    for view in [*headlines, record]:
        reader = FigureReader(view, linked, names, country, words, reference, story_day)
        read = [
            reader.figure(count, group)
            for count in view.counts
            if count.field == "text" and (group := reader.group(count)) is not None
        ]
        for found in without_breakdowns(read, view.text):
            yield found
            echoed = reader.echoed_day(found.count)
            if echoed is not None:
                yield replace(found, day=echoed, when=None)


def without_breakdowns(figures: list[Figure], text: str) -> list[Figure]:
    """The figures but those of a breakdown: one sentence giving BREAKDOWN or more figures
    of one group, place and day ('168 blessés à la tête, 11 à la main, 9 au dos') splits
    the count by something other than place or source, and none of them is the count."""
    keys = [breakdown_slot(found, text) for found in figures]
    slots: dict[tuple[int, str, str, str | None], set[float]] = {}
    for key, found in zip(keys, figures, strict=True):
        slots.setdefault(key, set()).add(found.count.value)
    return [f for key, f in zip(keys, figures, strict=True) if len(slots[key]) < BREAKDOWN]


def breakdown_slot(found: Figure, text: str) -> tuple[int, str, str, str | None]:
    return sentence_bounds(text, found.count.start)[0], found.group, found.place_key, found.day


def headline(record: ArticleRecord) -> ArticleRecord:
    """The title read as a text of its own, with what was found in it: a headline states
    figures as the text does ('27.000 personnes dans les rues de Paris'), sometimes only
    there."""

    def moved(spans: Sequence[S]) -> list[S]:
        return [s.model_copy(update={"field": "text"}) for s in spans if s.field == "title"]

    return record.model_copy(
        update={
            "text": record.title or "",
            "counts": moved(record.counts),
            "dates": moved(record.dates),
            "relative_dates": moved(record.relative_dates),
            "quotes": moved(record.quotes),
            "entities": [
                e.model_copy(update={"mentions": moved(e.mentions)}) for e in record.entities
            ],
        }
    )


class FigureReader:
    def __init__(
        self,
        record: ArticleRecord,
        linked: dict[str, str],
        names: dict[str, str],
        country: str | None,
        words: FigureLexicon,
        reference: date | None = None,
        story_day: date | None = None,
    ) -> None:
        self.record, self.words, self.country = record, words, country
        published = published_day(record)
        # An article out two days after the story's day still reports that day.
        self.story_day = story_day or (date.fromisoformat(published) if published else None)
        self.flat = flat(record.text)
        self.days = named_days(record, reference)
        self.holders = {
            f.count: (event, role)
            for event in record.events
            for role, fillers in event.roles.items()
            for f in fillers
            if f.count
        }
        self.places = self.named_places(linked, names)
        self.text_counts = sorted(
            (c for c in record.counts if c.field == "text"), key=lambda c: c.start
        )
        self.counts = [(c.start, c.end) for c in self.text_counts]
        self.placed: list[Placed] = []  # the counts read so far, in text order
        self.last_attribution: str | None = None  # what 'selon la même source' refers to

    def named_places(self, linked: dict[str, str], names: dict[str, str]) -> list[Place]:
        countries = country_names(self.record.language)
        places = []
        for entity in self.record.entities:
            if entity.type != "LOC":
                continue
            country = fold(entity.name) in countries
            if fold(entity.name) == fold(self.country or ""):
                key = NATIONAL
            else:
                key = fold(entity.name) if country else linked.get(entity.id, entity.id)
            name = names.get(linked.get(entity.id, ""), entity.name)
            places += [
                Place(m.start, m.end, key, name, country)
                for m in entity.mentions
                if m.field == "text" and not self.seat_of_source(m.start)
            ]
        national = self.phrase_places(self.words.national, NATIONAL, self.country or NATIONAL)
        places += [Place(p.start, p.end, p.key, p.name, country=True) for p in national]
        capital = self.capital_city(places, names)
        if capital is not None:
            places += self.phrase_places(self.words.capital, capital.key, capital.name)
        for city, adjective in self.words.city_adjectives.items():
            places += self.adjective_places(adjective, entity_key("LOC", city), city)
        return self.without_qualifiers(sorted(places, key=lambda p: p.start))

    def without_qualifiers(self, places: list[Place]) -> list[Place]:
        """'Quatzenheim (Bas-Rhin) où 96 tombes', 'Trèbes, dans l'Aude, où': a place that
        only says where the one before it is belongs to that one's name, so that the count
        after both is the first one's."""
        kept: list[Place] = []
        for place in places:
            if kept and self.words.locating.fullmatch(self.record.text, kept[-1].end, place.start):
                kept[-1] = replace(kept[-1], end=place.end)
            else:
                kept.append(place)
        return kept

    def seat_of_source(self, start: int) -> bool:
        """'la préfecture du Rhône', 'la police de Paris': a place that names who counted,
        not where."""
        return self.words.seat.search(self.flat, max(0, start - SEAT_REACH), start) is not None

    def phrase_places(self, pattern: re.Pattern[str], key: str, name: str) -> list[Place]:
        return [Place(m.start(), m.end(), key, name) for m in pattern.finditer(self.flat)]

    def adjective_places(self, adjective: re.Pattern[str], key: str, city: str) -> list[Place]:
        """'la manifestation parisienne' is in the city; 'la région parisienne' is an area of
        its own, named as the text names it."""
        places = []
        for match in adjective.finditer(self.flat):
            reach = max(0, match.start() - AREA_REACH)
            area = self.words.city_area.search(self.flat, reach, match.start())
            if area is None:
                places.append(Place(match.start(), match.end(), key, city))
            else:
                name = self.record.text[area.start() : match.end()]
                places.append(Place(area.start(), match.end(), fold(name), name))
        return places

    def capital_city(self, places: list[Place], names: dict[str, str]) -> Place | None:
        """'La capitale' is the capital of the story's country where the story names it
        (an Algerian outlet on French news names Valence more than Paris), else the city
        the article names most."""
        capital = self.words.capitals.get(fold(self.country or ""))
        if here := [p for p in places if fold(p.name) == capital and not p.country]:
            return here[0]
        if elsewhere := sorted(key for key, name in names.items() if fold(name) == capital):
            return Place(0, 0, elsewhere[0], names[elsewhere[0]])
        cities = Counter(p.key for p in places if not p.country)
        if not cities:
            return None
        key = cities.most_common(1)[0][0]
        return next(p for p in places if p.key == key)

    def group(self, count: Count) -> str | None:
        """What a count counts; people are put in the group the words right after them name
        ('130 personnes placées en garde à vue' are in custody, not marching; '17 policiers
        blessés' are injured)."""
        groups, people = self.words.groups, self.words.people
        if self.is_size_class(count):
            return None
        unwritten = count.object is None or stem(count.object) not in stem(count.text)
        if unwritten and (told := self.told_by_pronoun(count)) is not None:
            return told
        if count.object is None:
            held = self.holders.get(count.id)
            return self.held_group(*held) if held else None
        # The whole noun phrase ('gilets jaunes'), else its head noun ('blessés graves').
        head = count.object.split()[:1]
        group = groups.get(stem(count.object)) or groups.get(stem(" ".join(head)))
        if group is not None and group not in people:
            return group
        if group is not None and (whole := self.whole_of(count)) is not None:
            # 'blessées, dont 17 policiers': the part befell what the whole did.
            whole_group = self.group(whole)
            if whole_group in self.words.outcomes:
                return whole_group
        generic = not unwritten and stem(" ".join(head)) in self.words.generic_people
        # The verb before 'personnes' governs them: 'ont tué 130 personnes et blessé 350
        # autres', where the outcome after is the next count's.
        if generic and (before := self.outcome_said_before(count.start)):
            return before[0]
        # Up to the next figure: '8 000 manifestants et 20 blessés' are not injured; nor
        # up to the verb right before it, which is that figure's ('Deux proches du
        # jihadiste, qui a tué quatre personnes').
        after = [s for s, _ in self.counts if s > count.start][:1]
        reach = min([count.end + WHAT_FOLLOWS, *after])
        if after and (verb := self.outcome_said_before(after[0])):
            reach = min(reach, verb[1])
        # The count's own words after its noun count too ('300 policiers blessés').
        rest = " ".join(count.object.split()[1:])
        lookalike = self.words.outcome_lookalikes.search(
            self.flat, count.end, reach + LOOKALIKE_REACH
        )
        reach = min(reach, lookalike.start()) if lookalike else reach
        following = stem(f"{rest} {self.record.text[count.end : reach]}")
        named = [
            g
            for word, g in groups.items()
            if g in self.words.outcomes and f" {word} " in f" {following} "
        ]
        chosen = named[0] if named else group
        if generic and chosen in self.words.taking_part_groups and not self.takes_part(count):
            return None
        return chosen

    def told_by_pronoun(self, count: Count) -> str | None:
        """'80.000 policiers seront mobilisés. Ils seront 5.000 à Paris': a count whose
        subject is a plural pronoun counts the people the count before it counts."""
        sentence, _ = sentence_bounds(self.record.text, count.start)
        if not self.words.pronoun_count.match(self.flat[sentence : count.start]):
            return None
        # 'Ils' is the subject before: a count opening the sentence before this one.
        previous, _ = sentence_bounds(self.record.text, max(0, sentence - 2))
        before = [c for c in self.text_counts if previous <= c.start < sentence]
        opening = before and len(self.flat[previous : before[0].start].split()) <= SUBJECT_LEAD
        group = self.group(before[0]) if opening else None
        return group if group in self.words.people else None

    def whole_of(self, count: Count) -> Count | None:
        """The count a part is of: the one just before it in its sentence, a part word
        right before the part ('135 personnes ont été blessées, dont 17 policiers'; not 'dont
        le président a vu 17 policiers', where 'dont' opens a clause)."""
        sentence, _ = sentence_bounds(self.record.text, count.start)
        before = [c for c in self.text_counts if sentence <= c.start < count.start]
        if not before:
            return None
        links = list(self.words.part.finditer(self.flat, before[-1].end, count.start))
        if not links or self.flat[links[-1].end() : count.start].strip():
            return None
        return before[-1]

    def is_size_class(self, count: Count) -> bool:
        """'tout rassemblement de plus de cinq personnes', 'les groupes de moins de dix': a
        bound on the size of any, not a count of some."""
        bound = self.words.comparatives.match(fold(count.text))
        before = self.flat[max(0, count.start - WHAT_FOLLOWS) : count.start]
        return bound is not None and self.words.size_class.search(before) is not None

    def outcome_said_before(self, position: int) -> tuple[str, int] | None:
        """The group an outcome said right before a count puts it in, and where its words
        begin: 'la police a interpellé 1 700 personnes', 'l'interpellation de 412
        personnes', 'l'attentat a coûté la vie à quatre personnes'."""
        begin = max(0, position - WHAT_FOLLOWS)
        breaks = [m.end() for m in SEGMENT_BREAK.finditer(self.record.text, begin, position)]
        begin = breaks[-1] if breaks else begin  # not 'En hommage aux victimes, 2 000'
        for word in WORD_START.finditer(self.record.text, begin, position):
            words = stem(NOT_WORD.sub(" ", self.record.text[word.start() : position]))
            group = self.words.outcome_words.get(LINK_BEFORE.sub("", words))
            if group is not None:
                return group, word.start()
        return None

    def takes_part(self, count: Count) -> bool:
        """Whether the words of a count of 'personnes', from the last comma before it to the
        end of its clause, say they took part in something ('la manifestation a réuni
        136 000 personnes'; not 'En marge de la manifestation, quatre personnes ont été
        hospitalisées')."""
        sentence, end = sentence_bounds(self.record.text, count.start)
        begin, stop = self.clause(count, sentence, end)
        commas = [m.end() for m in SEGMENT_BREAK.finditer(self.record.text, begin, count.start)]
        start = commas[-1] if commas else begin
        return self.words.taking_part.search(self.flat, start, stop) is not None

    def held_group(self, event: Event, role: str) -> str | None:
        trigger = fold(event.trigger.text).split()
        by_trigger = self.words.trigger_groups.get(trigger[0]) if trigger else None
        return by_trigger or self.words.roles.get(role)

    def echoed_day(self, count: Count) -> str | None:
        """The earlier day a count's clause says had as many ('84 000 ont manifesté, comme la
        semaine précédente, selon le ministère'): an earlier day right after 'comme' that
        ends the clause."""
        start, end = sentence_bounds(self.record.text, count.start)
        stop = self.clause(count, start, end)[1]
        echo = self.words.echo.match(self.flat, stop)
        day = None
        if echo is not None:
            after = echo.end()
            day = self.words.previous.match(self.flat, after) or self.words.past.match(
                self.flat, after
            )
        if echo is None or day is None or not CLAUSE_END.match(self.record.text, day.end()):
            return None
        return self.earlier_day(echo.start(), day.end())

    def figure(self, count: Count, group: str) -> Figure:
        start, end = sentence_bounds(self.record.text, count.start)
        begin, stop = self.clause(count, start, end)
        place = self.named_place(count, begin, stop) or self.place_before(start)
        part = self.words.part.search(self.flat, begin, count.start) is not None
        when = self.words.times.search(self.record.text, start, end)
        told_before = self.told_before(count, begin, stop)
        if self.words.running_total.search(self.flat, begin, stop):
            day: str | None = RUNNING_TOTAL
        else:
            day = self.earlier_day(begin, self.past_parts(count, stop, end), told_before)
        day = day or self.own_day(count, start, begin, stop)
        if day is None:
            day = self.contrasted_day(count, start, begin, stop)
        if day is None:
            day = self.heading_day(count)
        whole = self.last_whole(start)
        if day is None and part and whole and not any(begin <= s < stop for s, _ in self.days):
            day = whole.day  # 'dont 8 000 à Paris' is of the whole count's day
        self.placed.append(Placed(start, place, part, day, count.end))
        found = Figure(
            count=count,
            group=group,
            place_key=place.key if place else UNPLACED,
            place=place.name if place else None,
            day=day,
            when=when.group().strip() if when else None,
            attributed_to=self.attribution(count, start, end, begin),
        )
        self.last_attribution = found.attributed_to
        return found

    def clause(self, count: Count, start: int, end: int) -> tuple[int, int]:
        return self.clause_of(count.start, count.end, end, start)

    def clause_of(
        self, count_start: int, count_end: int, end: int, start: int | None = None
    ) -> tuple[int, int]:
        """Where the words that speak of a count lie: from the figure before it in its
        sentence to the figure after it or the end of its clause."""
        start = count_start if start is None else start
        preceding = [e for _, e in self.counts if e <= count_start]
        following = [s for s, _ in self.counts if s > count_start]
        opened = [
            *(m.start() for m in CLAUSE_MARK.finditer(self.record.text, start, count_start)),
            *(m.start() for m in self.words.clause_words.finditer(self.flat, start, count_start)),
        ]
        closing = [
            *(m.start() for m in CLAUSE_MARK.finditer(self.record.text, count_end, end)),
            *(m.start() for m in PARENTHESIS.finditer(self.record.text, count_end, end)),
            *(m.start() for m in self.words.clause_words.finditer(self.flat, count_end, end)),
            *(m.start() for m in self.words.clause_ends.finditer(self.flat, count_end, end)),
        ]
        stop = min([end, *following[:1], *closing])
        return max([start, *preceding[-1:], *opened]), stop

    def past_parts(self, count: Count, stop: int, end: int) -> int:
        """Where the words that speak of a count end once the parts and the counts listed
        with it that follow are counted in: in 'Ils étaient 58 600, dont 10 500 à Paris la
        semaine précédente' or 'loin des 581 interpellés et 423 gardés à vue de samedi
        dernier', the week before is the first count's as much as the last's."""
        previous_end = count.end
        for start, part_end in [(s, e) for s, e in self.counts if s > count.start]:
            if not self.follows_on(previous_end, stop, start):
                return stop
            stop = self.clause_of(start, part_end, end)[1]
            previous_end = part_end
        return stop

    def follows_on(self, previous_end: int, stop: int, start: int) -> bool:
        """Whether the count at `start` is listed with the one ending at `previous_end`
        ('581 interpellés et 423') or is a part of it, its words ending at `stop` ('58 600,
        dont 10 500')."""
        if self.words.listing.fullmatch(self.flat, previous_end, start):
            return True
        link = self.words.part.search(self.flat, stop, start)
        return (
            link is not None
            and not self.flat[stop : link.start()].strip(" ,")
            and not self.flat[link.end() : start].strip()
        )

    def named_place(self, count: Count, begin: int, stop: int) -> Place | None:
        """The place named after the count in its clause ('8 000 à Paris'), else before it
        ('À Toulouse, 10 000 personnes'), a town before a street or a square; but a count
        that a place opens is that place's ('à Paris, où 7 000', 'à Toulouse (5 000'), unless
        the count before took it ('8 000 à Paris, 5 000 à Lyon')."""
        after = [p for p in self.places if count.end <= p.start < min(stop, count.end + REACH)]
        before = [p for p in self.places if begin <= p.start < count.start][::-1]
        taken = self.placed[-1].place if self.placed else None
        if (
            before
            and before[0] != taken
            and self.words.place_opener.fullmatch(self.flat, before[0].end, count.start)
        ):
            return before[0]
        candidates = after + before
        return min(candidates, key=lambda p: p.street, default=None)

    def place_before(self, sentence: int) -> Place | None:
        """Where a count with no place named beside it is: where the last whole count
        before it in its sentence is ('7 000 à Paris, contre 8 000 samedi dernier'; not a
        part of one: 'dont 8 000 à Paris'), else where the last whole count of its
        paragraph is, else nowhere (the whole country)."""
        same = [p for p in self.placed if p.sentence == sentence]
        paragraph = self.record.text.rfind("\n", 0, sentence)
        earlier = same or [p for p in self.placed if p.sentence > paragraph]
        wholes = [p for p in earlier if not p.part]
        if wholes:
            return wholes[-1].place
        return same[-1].place if same else None

    def told_before(self, count: Count, begin: int, stop: int) -> bool:
        """Whether the count's own verb is in the pluperfect ('136 000 personnes avaient
        manifesté', 'l'acte I, qui avait réuni 282 000 personnes'): one no comma parts from
        it (not '3 000 personnes, qui avaient manifesté le 2 février, sont revenues', nor
        'Selon la CGT, qui avait appelé à manifester, 3 000'), with no time of day in the
        clause, which makes it a tally by then ('À 20h, 39 personnes avaient été
        interpellées')."""
        if self.words.times.search(self.record.text, begin, stop):
            return False
        return any(
            not SEGMENT_BREAK.search(
                self.record.text, min(m.end(), count.end), max(m.start(), count.start)
            )
            for m in self.words.pluperfect.finditer(self.flat, begin, stop)
        )

    def earlier_day(self, begin: int, stop: int, told_before: bool = False) -> str | None:
        """The earlier day a count is given for when the words beside it say it is earlier
        ('contre 66 000 samedi dernier', 'la première manifestation, le 17 novembre'), or
        its verb is `told_before` (in the pluperfect): the
        day named there before the story's, else EARLIER for the occasion before, PAST for
        another moment; None when no such words are there."""
        previous = self.words.previous.search(self.flat, begin, stop)
        past = self.words.past.search(self.flat, begin, stop)
        if not previous and not told_before and not past:
            return None
        named = [day for start, day in self.days if begin <= start < stop]
        if not previous and not past and self.names_story_day(named):
            return None  # 'avaient été interpellées samedi': the story's day, a tally
        before = [
            day
            for day in named
            if self.story_day is None or self.days_before(day) >= DISPATCH_DELAY
        ]
        return before[0] if before else (EARLIER if previous else PAST)

    def own_day(self, count: Count, sentence: int, begin: int, stop: int) -> str | None:
        """The day two or more before the story's that a count names as its own: right after
        it and its verb, or opening its sentence ('58 600 personnes ont manifesté le 2
        février' in a story of the 9th); None if the story's day is named so, or before it."""
        if self.story_day is None:
            return None
        named = [(start, day) for start, day in self.days if begin <= start < stop]
        own = [(start, day) for start, day in named if self.names_its_day(count, sentence, start)]
        if self.names_story_day(
            [day for start, day in named if start < count.start or (start, day) in own]
        ):
            return None
        earlier = [day for _, day in own if self.days_before(day) >= DISPATCH_DELAY]
        return earlier[0] if earlier else None

    def heading_day(self, count: Count) -> str | None:
        """The day the count's line opens with, before a colon: an entry of a chronology
        ('8 décembre : « Acte IV ». … 89 000 policiers et gendarmes ont été déployés'),
        whose counts are of that day, where it is not the story's."""
        line = self.record.text.rfind("\n", 0, count.start) + 1
        heading = next(
            (
                d.value
                for d in self.record.dates
                if d.field == "text"
                and d.granularity == "day"
                and line <= d.start < count.start
                and not self.record.text[line : d.start].strip()
                and HEADING_COLON.match(self.record.text, d.end)
            ),
            None,
        )
        if heading is None or self.names_story_day([heading]):
            return None
        return heading

    def names_story_day(self, days: list[str]) -> bool:
        return self.story_day is not None and any(
            0 <= self.days_before(day) < DISPATCH_DELAY for day in days
        )

    def days_before(self, day: str) -> int:
        """How many days before the story's a day is (the story's day is known)."""
        assert self.story_day is not None
        return (self.story_day - date.fromisoformat(day)).days

    def names_its_day(self, count: Count, sentence: int, start: int) -> bool:
        """Whether the day at `start` is the one a count is of: right after it and its verb,
        not as one end of a period nor in a comparison, or opening its sentence before it."""
        if start > count.start:
            return bool(
                self.words.day_after_verb.fullmatch(self.record.text, count.end, start)
                and not self.words.other_day_words.search(self.flat, count.end, start)
            )
        return self.words.day_opening.fullmatch(self.record.text, sentence, start) is not None

    def attribution(self, count: Count, start: int, end: int, begin: int) -> str | None:
        """Who the figure is from: whom the words after it cite ('selon la préfecture'), the
        subject giving it in a clause set against another source's, whom its sentence cites,
        the speaker of reported speech holding it, the source of the event holding it, or a
        body that gives figures named in the sentence."""
        sentence = self.record.text[start:end]
        following = [s for s, _ in self.counts if s > count.start]
        # Its own 'selon' first: '1 200 selon la préfecture, 3 000 selon les syndicats'.
        cited = self.words.citing.search(self.record.text, count.end, min([end, *following[:1]]))
        subject = None if cited else self.contrast_subject(count, begin)
        if subject is not None:
            # The clause's own subject gives it, even unnamed: not the source it contrasts with.
            name = self.subject_name(subject)
            return self.cited_name(name) if name else None
        cited = cited or self.words.citing.search(sentence)
        if cited and self.words.same_source.match(flat(cited.group(1).strip())):
            return self.last_attribution
        if cited:
            return self.cited_name(cited.group(1).strip())
        # A named speaker: 'il' or 'lui' says nothing to a reader of the claim.
        speaker = next(
            (
                q.speaker.text
                for q in self.record.quotes
                if q.field == "text" and q.start <= count.start < q.end and q.speaker.entity
            ),
            None,
        )
        if speaker:
            return self.known_source(speaker) or speaker
        held = self.holders.get(count.id)
        if held and held[0].source.entity and held[0].source.text:
            return self.known_source(held[0].source.text) or held[0].source.text
        return self.known_source(sentence)

    def contrasted_day(self, count: Count, sentence: int, begin: int, stop: int) -> str | None:
        """The day of the whole count before, for a count in a clause that sets another
        source's figure against it and names no day ('58 600 le 2 février selon le ministère,
        dont 8 000 à Paris, alors que le mouvement en revendique 116 000'): both are of that
        day."""
        whole = self.last_whole(sentence)
        # A mark between them (';', ':') opens another clause: the day may be another.
        if whole is None or CLAUSE_MARK.search(self.record.text, whole.end, count.start):
            return None
        openers = list(self.words.contrast.finditer(self.flat, begin, count.start))
        if not openers or any(openers[-1].end() <= s < stop for s, _ in self.days):
            return None
        return whole.day if self.contrast_subject(count, begin) is not None else None

    def last_whole(self, sentence: int) -> Placed | None:
        """The last count read in this sentence that is no part of another."""
        wholes = [p for p in self.placed if p.sentence == sentence and not p.part]
        return wholes[-1] if wholes else None

    def contrast_subject(self, count: Count, begin: int) -> str | None:
        """The words before the verb that gives a count in its own clause, set against
        another source's figure ('58 600 selon le ministère, alors que le mouvement revendique
        116 000'): the last claiming verb before the count, with no comma between."""
        openers = list(self.words.contrast.finditer(self.flat, begin, count.start))
        verbs = list(self.words.claiming.finditer(self.flat, begin, count.start))
        if not openers or not verbs or verbs[-1].start() < openers[-1].end():
            return None
        if "," in self.record.text[verbs[-1].end() : count.start]:
            return None
        return self.record.text[openers[-1].end() : verbs[-1].start()]

    def subject_name(self, subject: str) -> str | None:
        """The name in a contrast clause's subject: its first part between commas that is no
        insert ('les organisateurs, quant à eux,'; 'sur Facebook, le mouvement'), without
        the pronouns after it ('la CGT en'); None for 'il', 'certains'."""
        for part in subject.split(","):
            words = flat(part).split()
            if not words or self.words.subject_inserts.match(" ".join(words)):
                continue
            found = self.words.subject_clitics.search(flat(part))
            name = part[: found.start()] if found else part
            named = flat(name).split()
            if not named or len(named) > CITED_NAME_WORDS:
                return None
            unnamed = self.words.unnamed_subjects.fullmatch(" ".join(named))
            return None if unnamed else name.strip(" '’\u00a0")
        return None

    def cited_name(self, words: str) -> str:
        """The source as cited; when the words after 'selon' run on into the verb, as they
        do when no comma ends them ('selon la préfecture ont défilé entre …'), the usual
        name of the body they start with."""
        if len(words.split()) <= CITED_NAME_WORDS:
            return words
        return self.known_source(words) or words

    def known_source(self, text: str) -> str | None:
        folded = flat(text)
        return next((shown for shown, forms in self.words.sources if forms.search(folded)), None)


def named_days(record: ArticleRecord, reference: date | None) -> list[tuple[int, str]]:
    """Where the text names a day, and the day: its dates, and its relative dates placed from
    the story's day."""
    days = [
        (d.start, d.value) for d in record.dates if d.field == "text" and d.granularity == "day"
    ]
    if reference is not None:
        for relative in record.relative_dates:
            placed = (
                dates_calendar.place(relative.reading, reference)
                if relative.field == "text"
                else None
            )
            if placed and placed[1] == "day":
                days.append((relative.start, placed[0]))
    return sorted(days)


def stem(words: str) -> str:
    """Folded words without the marks of plural and feminine: 'placées' -> 'plac'."""
    return " ".join(map(stem_word, fold(words).split()))


def stem_word(word: str) -> str:
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    for _ in range(2):  # 'blessées' -> 'bless', as 'blessé'
        word = word[:-1] if len(word) > 3 and word.endswith("e") else word
    return word


def sentence_bounds(text: str, char: int) -> tuple[int, int]:
    starts = [m.end() for m in SENTENCE_BREAK.finditer(text, 0, char)]
    following = SENTENCE_BREAK.search(text, char)
    return (starts[-1] if starts else 0), (following.start() + 1 if following else len(text))
