"""Named entities: mentions grouped per real-world entity, each with one canonical name.

Grouping rules, in order: the same name written the same way (accents, case, articles and
honorifics aside); a renaming stated in the text ("Twitter (ancien nom de X)"); an acronym
next to or matching its expansion; a surname or shorter form of a full personal name
("Musk", "M. Philippe"). Names then found again elsewhere in the article join their entity,
and appositions ("Sam Altman, PDG d'OpenAI") add descriptions to it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc

from recoupe.extract.context import Context
from recoupe.extract.entity_mentions import (
    LABELS,
    EntityLexicon,
    Label,
    Mention,
    find_mentions,
    lexicon,
)
from recoupe.folding import fold
from recoupe.nlp import text_of
from recoupe.record import Entity, Span

ACRONYM = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9&.-]{1,9}$")
# "l etat" (folded "l’État"): the elided article is no part of the name.
ELIDED_ARTICLE = re.compile(r"^[ld] (?=\w)")


def extract_entities(doc: Doc, ctx: Context) -> list[Entity]:
    lex = lexicon(ctx.lang)
    mentions = find_mentions(doc, ctx.lang)
    names = [m for m in mentions if m.kind == "name"]
    groups = Grouping(doc, names, lex)
    groups.merge_same_names()
    groups.merge_known_aliases(known_aliases(ctx.lang))
    groups.merge_renamings()
    groups.merge_acronyms()
    groups.merge_short_forms()
    groups.add_repeated_names()
    for description in (m for m in mentions if m.kind == "description"):
        assert description.describes is not None
        groups.attach(description, to=description.describes)
    return groups.entities()


@cache
def known_aliases(code: str) -> dict[str, int]:
    """The name key of each known alias -> the index of its entity's list."""
    lex = lexicon(code)
    return {name_key(name, lex): n for n, names in enumerate(lex.known_aliases) for name in names}


def name_key(text: str, lex: EntityLexicon) -> str:
    """The form under which two writings of a name are the same name."""
    words = text.replace("’", "'").split()
    while len(words) > 1 and words[0].lower() in lex.honorifics | lex.articles:
        words = words[1:]
    return ELIDED_ARTICLE.sub("", fold(" ".join(words)))


class Grouping:
    """Union-find over name mentions, with the rules that decide what is one entity."""

    def __init__(self, doc: Doc, names: list[Mention], lex: EntityLexicon) -> None:
        self.doc = doc
        self.doc_text = text_of(doc)
        self.words = [t.text for t in doc]
        self.lex = lex
        self.mentions: list[Mention] = sorted(names, key=lambda m: m.start)
        self.parent = list(range(len(self.mentions)))
        self.preferred: set[int] = set()  # mentions that give their entity its name
        self.descriptions: dict[int, list[Mention]] = {}

    # -- union-find
    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def text(self, i: int) -> str:
        m = self.mentions[i]
        return self.doc_text[self.doc[m.start].idx : self.char_end(i)]

    def key(self, i: int) -> str:
        return name_key(self.text(i), self.lex)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.mentions)):
            out.setdefault(self.find(i), []).append(i)
        return out

    # -- rules
    def merge_same_names(self) -> None:
        first_with_key: dict[str, int] = {}
        for i, mention in enumerate(self.mentions):
            keys = {self.key(i)}
            if mention.core is not None:
                keys.add(name_key(self.doc[mention.core[0] : mention.core[1]].text, self.lex))
            for key in keys:
                if key in first_with_key:
                    self.union(first_with_key[key], i)
                else:
                    first_with_key[key] = i

    def merge_known_aliases(self, aliases: dict[str, int]) -> None:
        """'ONU' and 'Nations unies', 'LFI' and 'la France insoumise': one organisation."""
        first_of_entity: dict[int, int] = {}
        for i in range(len(self.mentions)):
            entity = aliases.get(self.key(i))
            if entity is None:
                continue
            self.union(first_of_entity.setdefault(entity, i), i)

    def merge_renamings(self) -> None:
        """'Twitter (ancien nom de X)': one entity, named by its current name."""
        for i in range(len(self.mentions) - 1):
            j = i + 1
            between = self.doc_text[self.char_end(i) : self.char_start(j)]
            cue = renaming_cue(between, self.lex)
            if cue is None:
                continue
            self.union(i, j)
            self.preferred.add(j if cue == "new" else i)

    def char_start(self, i: int) -> int:
        return int(self.doc[self.mentions[i].start].idx)

    def char_end(self, i: int) -> int:
        last = self.doc[self.mentions[i].end - 1]
        return int(last.idx) + len(last.text)

    def merge_acronyms(self) -> None:
        """'Commission nationale de l'informatique et des libertés (CNIL)' and later 'CNIL'."""
        expansions: dict[str, int] = {}
        for i in range(len(self.mentions)):
            initials = acronym_of(self.text(i), self.lex)
            if initials:
                expansions.setdefault(initials, i)
        for i in range(len(self.mentions)):
            text = self.text(i)
            if not ACRONYM.match(text):
                continue
            if i > 0 and self.in_parentheses_after(i - 1, i):
                self.union(i - 1, i)
                self.preferred.add(i - 1)
                continue
            target = expansions.get(text.replace(".", "").upper())
            if target is not None and target != i:
                self.union(target, i)
                self.preferred.add(target)

    def in_parentheses_after(self, name: int, acronym: int) -> bool:
        """'Mouvement Cinq Etoiles (M5S)'; not 'Muriel Jourda (LR)', a party after a person."""
        between = self.doc_text[self.char_end(name) : self.char_start(acronym)]
        initials = acronym_of(self.text(name), self.lex)
        return (
            between.strip() == "("
            and self.mentions[name].label != "PER"
            and initials is not None
            and initials[0] == self.text(acronym)[0].upper()
        )

    def merge_short_forms(self) -> None:
        """'Musk' after 'Elon Musk', 'la Commission' after 'la Commission européenne'."""
        short_forms: dict[str, list[int]] = {}
        for i, mention in enumerate(self.mentions):
            for form in self.short_forms(i, mention):
                short_forms.setdefault(form, []).append(i)
        for i, mention in enumerate(self.mentions):
            owners = short_forms.get(self.key(i))
            if not owners or (mention.sure and mention.label != self.mentions[owners[0]].label):
                continue
            if len({self.find(o) for o in owners}) == 1 or mention.label == "PER":
                self.union(nearest_before(owners, i, self.mentions), i)

    def short_forms(self, i: int, mention: Mention) -> list[str]:
        """A person's surname (every tail of the full name); an institution's first word."""
        words = self.key(i).split()
        if len(words) < 2:
            return []
        if mention.label == "PER":
            tails = (" ".join(words[k:]) for k in range(1, len(words)))
            return [t for t in tails if t not in self.lex.name_particles]
        if mention.label == "ORG" and self.doc[mention.start].is_title:
            return [words[0]]
        return []

    def add_repeated_names(self) -> None:
        """Occurrences spaCy missed of a name found elsewhere in the same article."""
        covered = {t for m in self.mentions for t in range(m.start, m.end)}
        forms: dict[tuple[str, ...], int] = {}
        for i, mention in enumerate(self.mentions):
            words = tuple(self.words[mention.start : mention.end])
            if len("".join(words)) >= 3 and any(c.isupper() for c in words[0]):
                forms.setdefault(words, i)
            if mention.label == "PER" and len(words) >= 2 and len(words[-1]) >= 3:
                forms.setdefault((words[-1],), i)
        first_words = {form[0] for form in forms}
        added: list[tuple[Mention, int]] = []
        i = 0
        while i < len(self.words):
            match = self.form_at(i, forms, covered) if self.words[i] in first_words else None
            if match is None:
                i += 1
                continue
            length, owner = match
            added.append((Mention(i, i + length, self.mentions[owner].label), owner))
            i += length
        for mention, owner in added:
            self.mentions.append(mention)
            self.parent.append(len(self.parent))
            self.union(owner, len(self.mentions) - 1)

    def form_at(
        self, i: int, forms: dict[tuple[str, ...], int], covered: set[int]
    ) -> tuple[int, int] | None:
        """The longest known form starting at token i, on tokens no mention covers."""
        best: tuple[int, int] | None = None
        for form, owner in forms.items():
            length = len(form)
            if best is not None and length <= best[0]:
                continue
            if tuple(self.words[i : i + length]) == form and not covered & set(
                range(i, i + length)
            ):
                best = (length, owner)
        return best

    def attach(self, description: Mention, to: Mention) -> None:
        index = next((i for i, m in enumerate(self.mentions) if m is to), None)
        if index is not None:
            self.descriptions.setdefault(index, []).append(description)

    # -- output
    def entities(self) -> list[Entity]:
        built: list[Entity] = []
        groups = self.groups()
        descriptions: dict[int, list[Mention]] = {}
        for index, found in self.descriptions.items():
            descriptions.setdefault(self.find(index), []).extend(found)
        for root, members in sorted(groups.items(), key=lambda kv: self.mentions[kv[1][0]].start):
            spans = [self.mentions[i] for i in members] + descriptions.get(root, [])
            built.append(
                Entity(
                    id=f"e{len(built) + 1}",
                    name=self.canonical_name(members),
                    type=self.entity_type(members),
                    mentions=self.spans(spans),
                )
            )
        return built

    def spans(self, mentions: Iterable[Mention]) -> list[Span]:
        seen: dict[tuple[int, int], Span] = {}
        for m in mentions:
            start = int(self.doc[m.start].idx)
            last = self.doc[m.end - 1]
            end = int(last.idx) + len(last.text)
            seen.setdefault((start, end), Span(start=start, end=end, text=self.doc_text[start:end]))
        return [seen[k] for k in sorted(seen)]

    def canonical_name(self, members: list[int]) -> str:
        preferred = [i for i in members if i in self.preferred]
        pool = preferred or members
        best = max(pool, key=lambda i: (not ACRONYM.match(self.text(i)), len(self.text(i)), -i))
        return clean_name(self.text(best), self.lex)

    def entity_type(self, members: list[int]) -> Label:
        mentions = [self.mentions[i] for i in members]
        sure = Counter(m.label for m in mentions if m.sure)
        if sure:
            return sure.most_common(1)[0][0]
        full_person = any(
            m.label == "PER" and len(name_key(self.text(i), self.lex).split()) >= 2
            for i, m in zip(members, mentions, strict=True)
        )
        if full_person:
            return "PER"
        votes: Counter[Label] = Counter()
        for i, m in zip(members, mentions, strict=True):
            votes[m.label] += len(self.text(i))
        ranked = sorted(LABELS, key=lambda label: (-votes[label], LABELS.index(label)))
        return ranked[0]


def renaming_cue(between: str, lex: EntityLexicon) -> str | None:
    """'new' when the second name is the current one, 'old' when it is the former one."""
    words = " ".join(between.replace("’", "'").split()).lower()
    words = re.sub(r"^[(,]\s*(ndlr\s*:\s*)?", "", words)
    if not words:
        return None
    for cue in lex.new_name_cues:
        if words == cue:
            return "new"
    for cue in lex.old_name_cues:
        if words == cue or words == cue.rstrip("-"):
            return "old"
    return None


def acronym_of(text: str, lex: EntityLexicon) -> str | None:
    """Initials of the significant words of a multi-word name ('Haute autorité de santé')."""
    words = [w for w in re.split(r"[\s'’-]+", text) if w]
    significant = [w for w in words if w.lower() not in lex.name_particles]
    if len(significant) < 2:
        return None
    return "".join(w[0] for w in significant).upper()


def nearest_before(candidates: list[int], i: int, mentions: list[Mention]) -> int:
    before = [c for c in candidates if mentions[c].start <= mentions[i].start]
    return max(before) if before else min(candidates)


def clean_name(text: str, lex: EntityLexicon) -> str:
    words = " ".join(text.split()).split(" ")
    while len(words) > 1 and (
        words[0].lower() in lex.honorifics or words[0] in ("la", "le", "les")
    ):
        words = words[1:]
    name = " ".join(words).lstrip("-")
    for article in ("l'", "l’"):
        if name.startswith(article) and len(name) > 2:
            name = name[2:]
    return name
