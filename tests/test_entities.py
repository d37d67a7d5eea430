"""Entities on real phrasings, through the real French pipeline."""

from __future__ import annotations

from conftest import analyze_text
from recoupe.record import ArticleRecord, Entity


def entity_with(record: ArticleRecord, text: str) -> Entity:
    found = [e for e in record.entities if any(m.text == text for m in e.mentions)]
    assert len(found) == 1, (
        text,
        [(e.name, [m.text for m in e.mentions]) for e in record.entities],
    )
    return found[0]


def mention_texts(entity: Entity) -> set[str]:
    return {m.text for m in entity.mentions}


def test_seed_people_are_grouped_with_their_short_names(seed_record: ArticleRecord) -> None:
    musk = entity_with(seed_record, "Musk")
    assert musk.name == "Elon Musk" and musk.type == "PER"
    altman = entity_with(seed_record, "Altman")
    assert altman.name == "Sam Altman" and altman.type == "PER"
    assert "PDG d’OpenAI" in mention_texts(altman)


def test_seed_organisations_spacy_mistypes(seed_record: ArticleRecord) -> None:
    for name in ("OpenAI", "Tesla", "Anthropic", "xAI", "Google DeepMind"):
        assert entity_with(seed_record, name).type == "ORG", name


def test_seed_former_name_is_grouped_under_the_current_one(seed_record: ArticleRecord) -> None:
    x = entity_with(seed_record, "Twitter")
    assert x.name == "X"


def test_mentions_point_into_the_text(seed_record: ArticleRecord) -> None:
    for entity in seed_record.entities:
        for m in entity.mentions:
            source = seed_record.title if m.field == "title" else seed_record.text
            assert source is not None and source[m.start : m.end] == m.text


def test_honorific_surname_joins_the_full_name() -> None:
    record = analyze_text(
        "Le Premier ministre Édouard Philippe a reçu les syndicats à Matignon. "
        "M. Philippe a promis une réponse avant la fin de la semaine."
    )
    philippe = entity_with(record, "Philippe")
    assert philippe.name == "Édouard Philippe"
    assert entity_with(record, "Matignon").type == "ORG"


def test_acronym_in_brackets_joins_its_expansion() -> None:
    record = analyze_text(
        "La Commission nationale de l'informatique et des libertés (CNIL) a ouvert une "
        "enquête. Selon la CNIL, les données de plusieurs millions de clients sont concernées."
    )
    cnil = entity_with(record, "CNIL")
    assert cnil.type == "ORG"
    assert cnil.name.startswith("Commission nationale")


def test_institutions_with_their_place() -> None:
    record = analyze_text(
        "Le parquet de Lyon a ouvert une enquête après la plainte déposée par "
        "l'association. Le tribunal correctionnel de Lyon doit se prononcer en juin."
    )
    assert entity_with(record, "parquet de Lyon").type == "ORG"
    assert entity_with(record, "tribunal correctionnel de Lyon").type == "ORG"


def test_demonyms_and_sentence_initial_words_are_not_entities() -> None:
    record = analyze_text(
        "Samedi, les Français ont de nouveau manifesté à Paris. Lire aussi notre dossier. "
        "Les Algériens vivant en France ont rejoint les cortèges."
    )
    names = {m.text for e in record.entities for m in e.mentions}
    assert not names & {"Samedi", "Français", "Lire", "Algériens"}
    assert entity_with(record, "Paris").type == "LOC"


def test_role_before_a_name_is_a_description_not_an_organisation() -> None:
    record = analyze_text(
        "Le ministre de l'Économie, Bruno Le Maire, a annoncé un plan d'aide. "
        "Bruno Le Maire a précisé que les mesures entreraient en vigueur en janvier."
    )
    le_maire = entity_with(record, "Bruno Le Maire")
    assert le_maire.type == "PER"
    assert not [e for e in record.entities if e.name.startswith("ministre")]


def test_a_name_does_not_run_across_a_paragraph_break() -> None:
    record = analyze_text("Un accord a été signé à Tianjin\n\nAir Liquide a confirmé l'opération.")
    names = {m.text for e in record.entities for m in e.mentions}
    assert "Tianjin" in names
    assert not any("\n" in n for n in names)


def test_places_named_with_their_kind() -> None:
    record = analyze_text(
        "Les manifestants se sont rassemblés place de la République avant de rejoindre "
        "la rue de Rivoli, puis la République a été évacuée."
    )
    place = entity_with(record, "place de la République")
    assert place.type == "LOC"


def test_a_name_after_a_role_noun_is_a_person() -> None:
    record = analyze_text("Selon le député Amirshahi, le texte va trop loin.")
    assert entity_with(record, "Amirshahi").type == "PER"
