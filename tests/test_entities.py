"""Entities on real phrasings, through the real French pipeline."""

from __future__ import annotations

import pytest

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


def test_a_capital_a_standing_for_a_preposition_ends_a_name() -> None:
    record = analyze_text(
        "Le gendarme a été salué par Gérard Collomb A la tête du premier peloton, il est entré "
        "dans le magasin. Le ministre a cité Malcolm X devant la presse."
    )
    names = sorted(e.name for e in record.entities if e.type == "PER")
    assert names == ["Gérard Collomb", "Malcolm X"]


def test_an_adjective_of_the_noun_before_a_name_is_not_part_of_it() -> None:
    record = analyze_text(
        "Le chimiste grenoblois Serrandis passe à l'offensive. Il neige dans le grand Sud."
    )
    names = sorted(e.name for e in record.entities)
    assert names == ["Serrandis", "grand Sud"]


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


def names_in(record: ArticleRecord) -> set[str]:
    return {m.text for e in record.entities for m in e.mentions}


def test_portfolios_and_the_state_in_roles_are_not_entities() -> None:
    record = analyze_text(
        "Il « ne peut être exclu » qu’il soit passé en Allemagne, a indiqué le secrétaire "
        "d’État français à l’Intérieur, Laurent Nuñez. L'ancienne ministre de la Justice "
        "a rencontré le chef de l’État."
    )
    assert not names_in(record) & {"État", "État français", "Intérieur", "Justice"}
    nunez = entity_with(record, "Laurent Nuñez")
    assert nunez.type == "PER"
    assert "le secrétaire d’État français à l’Intérieur" in mention_texts(nunez)


def test_common_noun_acronyms_and_possessives_are_not_entities() -> None:
    record = analyze_text(
        "Acte 14, esplanade des Invalides : alors que nous filmions, mon JRI a reçu plusieurs "
        "coups de matraque. Il s'est vu prescrire 2 jours d'ITT. Le CA du groupe a progressé "
        "de 3,5% au troisième trimestre."
    )
    assert not names_in(record) & {"JRI", "mon JRI", "ITT", "CA"}


def test_a_known_name_wins_over_the_shorter_name_inside_it() -> None:
    record = analyze_text(
        "Jean-Luc Mélenchon a écrit le leader de la France insoumise sur Facebook. Mais si "
        "le député LFI est reconnaissant envers la mobilisation, il l'est tout particulièrement "
        "vis-à-vis d'Eric Drouet."
    )
    party = entity_with(record, "France insoumise")
    assert party.type == "ORG"
    assert "LFI" in mention_texts(party)
    assert not [e for e in record.entities if e.name == "France"]


def test_a_party_and_its_leader_named_after_it_are_two_entities() -> None:
    record = analyze_text(
        "Le ministre a accusé le Rassemblement national de Marine Le Pen d'être responsable "
        "des violences. Le Front national de Jean-Marie Le Pen avait déjà tenu ce discours."
    )
    assert entity_with(record, "Rassemblement national").type == "ORG"
    assert entity_with(record, "Marine Le Pen").type == "PER"
    assert entity_with(record, "Jean-Marie Le Pen").type == "PER"
    # A local branch is the party's, named with its town; a known name ending the text is
    # read as any other.
    branch = analyze_text("Le Rassemblement national de Hénin-Beaumont tient meeting ce soir.")
    assert [(e.type, e.name) for e in branch.entities] == [
        ("ORG", "Rassemblement national de Hénin-Beaumont")
    ]
    last = analyze_text("Le député de la Somme a quitté La République en marche")
    assert ("ORG", "La République en marche") in [(e.type, e.name) for e in last.entities]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Il travaille à la SNCF Réseau depuis dix ans.", "SNCF Réseau", "ORG"),
        ("Le club de Turin évolue en Série A depuis 2019.", "Série A", "MISC"),
    ],
)
def test_a_known_name_or_a_capital_a_that_ends_no_name(text: str, name: str, kind: str) -> None:
    assert entity_with(analyze_text(text), name).type == kind


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "« Il va falloir comprendre qu'on fait aussi de la politique », a dit à l'AFP "
            "Serge, 73 ans.",
            "Serge",
        ),
        (
            "« Il faut que ça change », a expliqué à l'AFP Martine, 62 ans, venue de Blois.",
            "Martine",
        ),
        (
            "« On tiendra jusqu'au bout, quoi qu'il arrive », a confié au Parisien "
            "Jean-Marc Dufour.",
            "Jean-Marc Dufour",
        ),
    ],
)
def test_who_speaks_to_a_news_agency_is_named_apart_from_it(text: str, speaker: str) -> None:
    record = analyze_text(text)
    assert entity_with(record, speaker).type == "PER"
    (quote,) = record.quotes
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_regional_newspapers_are_organisations() -> None:
    record = analyze_text(
        "C'est devenu « un défouloir », regrette Paul Caraci dans Midi Libre. Pour Stéphane "
        "Siret, de Paris-Normandie, le mouvement poursuit sa mue. Selon le Courrier picard, "
        "deux des six migrants arrêtés ont été libérés."
    )
    for name in ("Midi Libre", "Paris-Normandie", "Courrier picard"):
        assert entity_with(record, name).type == "ORG", name


def test_age_or_title_next_to_a_name_makes_it_a_person() -> None:
    record = analyze_text(
        "« On ne vit plus, on fait de la survie », dénonce Émilie, 27 ans, une des « gilets "
        "jaunes » qui filtraient la circulation. Quant au Dr Laïb Mohamed, directeur de la "
        "santé de la wilaya, il a expliqué que la maladie régresse."
    )
    assert entity_with(record, "Émilie").type == "PER"
    assert entity_with(record, "Dr Laïb Mohamed").type == "PER"


def test_an_age_after_the_complement_of_a_noun_is_the_nouns() -> None:
    record = analyze_text(
        "« On cherche à nous mettre des responsabilités sur le dos », a déclaré le chauffeur "
        "routier de Seine-et-Marne, 33 ans."
    )
    assert entity_with(record, "Seine-et-Marne").type == "LOC"


def test_an_administrative_area_is_a_place_named_also_alone() -> None:
    record = analyze_text(
        "Le gouverneur de la province de Hainaut Tommy Leclercq a levé le dispositif. Des "
        "barrages filtrants subsistent ailleurs dans le Hainaut."
    )
    hainaut = entity_with(record, "province de Hainaut")
    assert hainaut.type == "LOC"
    assert "Hainaut" in mention_texts(hainaut)


def test_descriptions_before_a_name() -> None:
    record = analyze_text(
        "La présidente du Rassemblement national (extrême droite), Marine Le Pen, a elle aussi "
        "suggéré un rassemblement. « Nous ne sommes pas simplement contre le Premier ministre "
        "Charles Michel », conclut Hervé."
    )
    le_pen = entity_with(record, "Marine Le Pen")
    assert le_pen.type == "PER"
    assert "La présidente du Rassemblement national" in mention_texts(le_pen)
    michel = entity_with(record, "Charles Michel")
    assert "le Premier ministre" in mention_texts(michel)


def test_an_aside_in_brackets_does_not_describe_the_person() -> None:
    record = analyze_text(
        "À l’ouverture de la séance, le président de l’Assemblée, Richard Ferrand (LREM, parti "
        "présidentiel), a dit le soutien de la représentation nationale aux blessés."
    )
    ferrand = entity_with(record, "Richard Ferrand")
    assert "le président de l’Assemblée" in mention_texts(ferrand)
    assert "parti présidentiel" not in mention_texts(ferrand)


def test_a_place_in_brackets_is_not_described_by_the_noun_before_it() -> None:
    record = analyze_text(
        "Parmi eux, deux des initiateurs du mouvement: Eric Drouet, chauffeur routier à Melun "
        "(Seine-et-Marne) qui avait lancé sur Facebook la mobilisation nationale du 17 novembre."
    )
    assert mention_texts(entity_with(record, "Seine-et-Marne")) == {"Seine-et-Marne"}
    assert "chauffeur routier à Melun" in mention_texts(entity_with(record, "Eric Drouet"))


def test_a_headline_suffix_glued_to_a_dash_is_the_same_name() -> None:
    record = analyze_text(
        "BlackRock, agissant pour le compte de clients, a déclaré avoir franchi en baisse les "
        "seuils de 5% du capital d'Air Liquide.",
        title="Air Liquide: BlackRock passe sous les 5% -Air Liquide",
    )
    air_liquide = entity_with(record, "-Air Liquide")
    assert air_liquide.name == "Air Liquide"
    assert not [e for e in record.entities if e.name == "Liquide"]


def test_a_common_noun_opening_a_sentence_is_not_a_name() -> None:
    record = analyze_text(
        "Braqueur très médiatisé qui a publié en 2010 un livre sur son expérience, Redoine "
        "Faïd, 46 ans, s'était déjà évadé de la prison de Sequedin (Nord) en avril 2013."
    )
    assert "Braqueur" not in names_in(record)
    assert entity_with(record, "Redoine Faïd").type == "PER"


def test_plural_demonyms_are_not_entities() -> None:
    record = analyze_text(
        "Le glas de la cathédrale a sonné pour s’unir à la souffrance des victimes et de tous "
        "les Mulhousiens, selon l’évêché. Les Tricolores ont soulevé le Saladier d'argent à Lille."
    )
    assert not names_in(record) & {"Mulhousiens", "Tricolores"}
    assert entity_with(record, "Lille").type == "LOC"


def test_known_aliases_are_one_entity() -> None:
    record = analyze_text(
        "Un dialogue a été recherché sous la supervision des Nations unies. L'ONU a salué "
        "l'accord, selon un communiqué publié à New York."
    )
    onu = entity_with(record, "ONU")
    assert "Nations unies" in mention_texts(onu)


def test_a_company_named_by_its_nationality() -> None:
    record = analyze_text(
        "Le titre gagne 2%.\n\nSelon la note, le groupe a changé de profil avec l'intégration "
        "de l'américain Cabot. Alors que le néerlandais Akzo est en train de se rapprocher du "
        "suisse Clariant, les prix montent."
    )
    for name in ("Cabot", "Akzo", "Clariant"):
        assert entity_with(record, name).type == "ORG", name


def test_a_place_after_a_minister_stays_a_place() -> None:
    record = analyze_text(
        "Le premier ministre du Québec, François Legault, a rencontré la ministre de la Justice."
    )
    assert entity_with(record, "Québec").type == "LOC"
    assert "Justice" not in names_in(record)


def test_a_sentence_glued_to_the_one_before_is_read_apart() -> None:
    record = analyze_text(
        "« Nous irons jusqu'au bout », a-t-il dit mardi à l’AFP.Dans le budget, rien ne change "
        "pour les retraités. La réforme a été lancée en 2016.Plus de 300 salariés y travaillent. "
        "Le texte a été voté par la France insoumise (LFI).Cette loi a été saluée par l'ONU."
        "«Nous saluons cette avancée pour les droits des salariés», a déclaré son porte-parole."
    )
    names = {m.text for e in record.entities for m in e.mentions}
    assert {"AFP", "LFI", "ONU"} <= names
    assert not any("." in name or ")" in name for name in names)
    assert any(q.text.startswith("Nous saluons") for q in record.quotes)
