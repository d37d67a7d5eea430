"""Named entities, their mentions grouped per real-world entity under a canonical name."""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc

from recoupe.extract.context import Context
from recoupe.record import Entity, EntityType, Span


def extract_entities(doc: Doc, ctx: Context) -> list[Entity]:
    entities: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        key = (ent.text, ent.label_)
        if key not in entities:
            entities[key] = Entity(
                id=f"e{len(entities) + 1}",
                name=ent.text,
                type=cast(EntityType, ent.label_),
                mentions=[],
            )
        mention = Span(start=ent.start_char, end=ent.end_char, text=ent.text)
        entities[key].mentions.append(mention)
    return list(entities.values())
