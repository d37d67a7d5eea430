"""Typed events with their roles, modality and source.

Triggers are found on the lemma arrays (event_triggers), grouped per sentence into mentions
whose roles are read off the parse (event_roles); a mention that lacks what its type needs
('quitter' a place, 'acquisition d'actions') is dropped. Each mention gets its modality and
source (event_modality); mentions of one event (the headline and the body, '97 milliards'
and '97,4 milliards') are merged into one event that keeps every filler.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from recoupe.extract.context import Context
from recoupe.extract.event_items import ArticleItems
from recoupe.extract.event_lexicon import EventLexicon, event_lexicon
from recoupe.extract.event_modality import Attribution, modality_of
from recoupe.extract.event_roles import AnchorKind, Filler, Mention, RoleReader
from recoupe.extract.event_triggers import Trigger, find_triggers
from recoupe.extract.speakers import speaker_resolver, speech_lexicon
from recoupe.nlp import text_of
from recoupe.record import (
    Amount,
    Count,
    DateMention,
    Entity,
    Event,
    EventSource,
    Quote,
    RelativeDate,
    RoleFiller,
)
from recoupe.record import Span as TextSpan

# Figures of one event told twice differ by rounding at most ('97' and '97,4 milliards').
SAME_FIGURE = 0.02
ABSORBING_REACH = 6  # how far up the tree a trigger looks for the event it is part of
UNREAL = frozenset({"hypothetical", "negated"})


def extract_events(
    doc: Doc,
    ctx: Context,
    entities: list[Entity],
    amounts: list[Amount],
    counts: list[Count],
    dates: list[DateMention],
    relative_dates: list[RelativeDate],
    quotes: list[Quote],
) -> list[Event]:
    triggers = find_triggers(doc, ctx.lang)
    if not triggers:
        return []
    lex = event_lexicon(ctx.lang)
    speech = speech_lexicon(ctx.lang)
    resolver = speaker_resolver(doc, entities, speech)
    reader = RoleReader(
        ArticleItems(doc, entities, amounts, counts, dates, relative_dates), lex, resolver
    )
    mentions = [
        mention
        for sentence, group in by_sentence(triggers)
        for mention in sentence_mentions(sentence, group, reader, lex)
    ]
    inherit(mentions, lex)
    attribution = Attribution(quotes, resolver, speech)
    by_id = {c.id: c for c in counts}
    mentions = [
        part
        for mention in mentions
        for part in split_by_figure_source(mention, doc, by_id, attribution)
    ]
    for mention in mentions:
        mention.source = mention.source or attribution.source_of(mention)
        mention.modality = modality_of(mention, lex)
        if mention.modality != "negated" and dated_after(mention, ctx.published):
            mention.modality = "hypothetical"
    events = merged(mentions, lex)
    text = text_of(doc)
    return [to_event(f"v{i}", m, text, lex) for i, m in enumerate(events, start=1)]


def split_by_figure_source(
    mention: Mention, doc: Doc, counts: dict[str, Count], attribution: Attribution
) -> list[Mention]:
    """Two figures of one role, each with its own source ('1 200 selon la préfecture, 3 000
    selon l'intersyndicale'), are two events, each with its source."""
    by_role: dict[str, list[Filler]] = {}
    for filler in mention.fillers:
        if filler.filler.count is not None:
            by_role.setdefault(filler.role, []).append(filler)
    for role, figures in by_role.items():
        sources = [attribution.figure_source(doc, counts[f.filler.count or ""]) for f in figures]
        if len(figures) < 2 or any(s is None for s in sources):
            continue
        others = [f for f in mention.fillers if f.role != role or f not in figures]
        return [
            replace(mention, fillers=[*others, figure], source=source)
            for figure, source in zip(figures, sources, strict=True)
        ]
    return [mention]


def dated_after(mention: Mention, published: date | None) -> bool:
    """An event whose day comes after the article's publication has not happened yet: it is
    announced or planned ('une manifestation samedi prochain')."""
    if published is None:
        return False
    days = [
        str(f.key[1])
        for f in mention.fillers
        if f.key[0] == "date" and len(str(f.key[1])) == len("YYYY-MM-DD")
    ]
    return any(day > published.isoformat() for day in days)


def by_sentence(triggers: list[Trigger]) -> Iterator[tuple[Span, list[Trigger]]]:
    group: list[Trigger] = []
    for trigger in triggers:
        if group and trigger.token.sent != group[0].token.sent:
            yield group[0].token.sent, group
            group = []
        group.append(trigger)
    if group:
        yield group[0].token.sent, group


def sentence_mentions(
    sentence: Span, triggers: list[Trigger], reader: RoleReader, lex: EventLexicon
) -> list[Mention]:
    """The mentions of one sentence that stand once their roles are read; a dropped one
    gives its items back to the others."""
    mentions = absorbed(sentence, [new_mention(t, lex) for t in triggers], lex)
    while mentions:
        for mention in mentions:
            mention.fillers.clear()
        reader.read(sentence, mentions)
        standing = [m for m in mentions if stands(m, lex)]
        if len(standing) == len(mentions):
            break
        mentions = standing
    inherit_in_sentence(mentions, lex)
    return mentions


def new_mention(trigger: Trigger, lex: EventLexicon) -> Mention:
    token = trigger.token
    kind: AnchorKind = "noun" if trigger.spec.is_noun else "verb"
    anchors: dict[int, AnchorKind] = {token.i: kind}
    anchors.update((c.i, kind) for c in trigger.companions)
    event_type = trigger.spec.type
    retyping = lex.retyping.get(event_type)
    head = token.head
    if retyping is not None and head.i != token.i and head.lemma_ in retyping.governors:
        event_type = retyping.type
        anchors[head.i] = "verb"
    elif trigger.spec.is_noun and head.i != token.i and head.lemma_ in lex.support_verbs:
        anchors.setdefault(head.i, "support")
    return Mention(type=event_type, trigger=trigger, anchors=anchors)


def absorbed(sentence: Span, mentions: list[Mention], lex: EventLexicon) -> list[Mention]:
    """Mentions that are part of another ('pour prendre le contrôle d'OpenAI' under an
    offer) join it; verbs that say who acts in the sentence join their event."""
    kept: list[Mention] = []
    for mention in mentions:
        host = absorbing(mention, mentions, lex)
        if host is None:
            kept.append(mention)
        else:
            for i, kind in mention.anchors.items():
                host.anchors.setdefault(i, kind)
    add_companions(sentence, kept, lex)
    return kept


def absorbing(mention: Mention, mentions: list[Mention], lex: EventLexicon) -> Mention | None:
    hosts = lex.absorbed_by.get(mention.type)
    if not hosts:
        return None
    for depth, ancestor in enumerate(mention.trigger.token.ancestors):
        if depth >= ABSORBING_REACH:
            break
        for other in mentions:
            if other is not mention and other.type in hosts and ancestor.i in other.anchors:
                return other
    return None


def add_companions(sentence: Span, mentions: list[Mention], lex: EventLexicon) -> None:
    for event_type, companion in lex.companions.items():
        hosts = [m for m in mentions if m.type == event_type]
        if not hosts:
            continue
        taken = {i for m in mentions for i in m.anchors}
        for token in sentence:
            if token.lemma_ in companion.lemmas and token.i not in taken:
                host = min(hosts, key=lambda m: abs(m.trigger.token.i - token.i))
                host.anchors[token.i] = "companion"


def stands(mention: Mention, lex: EventLexicon) -> bool:
    if not all(mention.has(role) for role in mention.trigger.spec.requires):
        return False
    required = lex.types[mention.type].required
    return not required or any(all(mention.has(r) for r in option) for option in required)


def inherit_in_sentence(mentions: list[Mention], lex: EventLexicon) -> None:
    """'évaluée à 157 milliards, avec des prévisions de valorisation atteignant 300
    milliards': the second figure is about the same organisation."""
    for mention in mentions:
        for role in lex.types[mention.type].inherit_in_sentence:
            if mention.has(role):
                continue
            donors = [m for m in mentions if m.type == mention.type and m.has(role)]
            if donors:
                donor = min(donors, key=lambda m: abs(m.trigger.token.i - mention.trigger.token.i))
                copy_role(donor, mention, role, role)


def inherit(mentions: list[Mention], lex: EventLexicon) -> None:
    """'Sam Altman a rejeté l'offre': the offer's bidder and target, from the closest offer
    before (or, in a headline, after)."""
    for mention in mentions:
        spec = lex.types[mention.type]
        if spec.inherit_from is None:
            continue
        sources = [m for m in mentions if m.type == spec.inherit_from]
        before = [m for m in sources if m.trigger.token.i < mention.trigger.token.i]
        donor = before[-1] if before else (sources[0] if sources else None)
        if donor is None:
            continue
        for role, own_role in spec.inherited_roles.items():
            if not mention.has(own_role):
                copy_role(donor, mention, role, own_role)


def copy_role(donor: Mention, mention: Mention, role: str, own_role: str) -> None:
    for filler in donor.fillers:
        if filler.role == role:
            mention.add(own_role, filler.filler, filler.key)


def merged(mentions: list[Mention], lex: EventLexicon) -> list[Mention]:
    """One event per thing that happened: a mention joins the latest earlier event of its
    type that it does not contradict."""
    events: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.trigger.token.i):
        host = next((e for e in reversed(events) if compatible(e, mention, lex)), None)
        if host is None:
            events.append(mention)
            continue
        for filler in mention.fillers:
            host.add(filler.role, filler.filler, filler.key)
        host.source = host.source or mention.source
    return events


def compatible(event: Mention, mention: Mention, lex: EventLexicon) -> bool:
    if event.type != mention.type:
        return False
    if (event.modality in UNREAL or mention.modality in UNREAL) and (
        event.modality != mention.modality
    ):
        return False
    if event.source and mention.source and source_key(event.source) != source_key(mention.source):
        return False
    for role in lex.types[event.type].keys:
        ours = [f for f in event.fillers if f.role == role and f.placed]
        theirs = [f for f in mention.fillers if f.role == role and f.placed]
        if ours and theirs and not any(same(a, b) for a in ours for b in theirs):
            return False
    return True


def source_key(source: EventSource) -> str:
    return source.entity or (source.text or "").lower()


def same(a: Filler, b: Filler) -> bool:
    kind, value = a.key
    other_kind, other = b.key
    if kind != other_kind:
        return False
    if isinstance(value, float) and isinstance(other, float):
        return abs(value - other) <= SAME_FIGURE * max(abs(value), abs(other))
    if kind == "date":
        return str(value).startswith(str(other)) or str(other).startswith(str(value))
    return value == other


def to_event(event_id: str, mention: Mention, text: str, lex: EventLexicon) -> Event:
    start = mention.trigger.token.idx
    end = mention.trigger.end_char
    roles: dict[str, list[RoleFiller]] = {}
    for role in lex.types[mention.type].roles:
        fillers = [f.filler for f in mention.fillers if f.role == role]
        if fillers:
            roles[role] = fillers
    return Event(
        id=event_id,
        type=mention.type,
        modality=mention.modality,
        source=mention.source or EventSource(),
        trigger=TextSpan(start=start, end=end, text=text[start:end]),
        roles=roles,
    )
