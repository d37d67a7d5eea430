"""Counts of people and things: real phrasings from the French news corpus."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from conftest import analyze_text
from recoupe import nlp
from recoupe.extract import Context
from recoupe.extract.amounts import extract_amounts
from recoupe.extract.counts import extract_counts
from recoupe.record import Count

CTX = Context(lang="fr")


@pytest.fixture(scope="module")
def fr() -> Language:
    return nlp.load("fr")


def counts(fr: Language, text: str) -> list[Count]:
    doc = fr(text)
    return extract_counts(doc, CTX, extract_amounts(doc, CTX))


def values(fr: Language, text: str) -> list[tuple[float, str | None]]:
    return [(c.value, c.object) for c in counts(fr, text)]


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("Selon la police, 51'400 personnes ont défilé.", 51_400, "personnes"),
        ("Selon la police, 51 400 personnes ont défilé.", 51_400, "personnes"),
        ("La manifestation a réuni 282\u00a0000 manifestants.", 282_000, "manifestants"),
        ("Quelque 80.000 policiers seront mobilisés.", 80_000, "policiers"),
        ("L'attaque a fait trois morts.", 3, "morts"),
        ("Deux policiers ont été blessés.", 2, "policiers"),
        ("Il a déposé 1 500 actions en justice.", 1500, "actions"),
        ("Le plan supprime 850 emplois.", 850, "emplois"),
        ("On a brûlé quatre voitures.", 4, "voitures"),
        ("La pétition a recueilli plus de 105 000 signatures.", 105_000, "signatures"),
        ("Cinq anciens membres du diocèse ont témoigné.", 5, "membres"),
        ("Six responsables du diocèse sont visés.", 6, "responsables"),
        ("Deux «gilets jaunes» ont été arrêtés.", 2, "gilets jaunes"),
        ("Au moins huit personnes manquent à l’appel.", 8, "personnes"),
        ("Le vote a été acquis avec 42 abstentions.", 42, "abstentions"),
        ("La ville compte 270 000 habitants.", 270_000, "habitants"),
        ("Il y a eu 193 essais nucléaires.", 193, "essais nucléaires"),
        ("La vidéo a fait plus de 1,5 million de vues.", 1_500_000, "vues"),
        ("Un million de francophones vivent ici.", 1_000_000, "francophones"),
        ("Le groupe a racheté 1,2 million d'actions.", 1_200_000, "actions"),
        ("Deux des entreprises publiques ont signé.", 2, "entreprises publiques"),
        ("Les deux fonctionnaires attaqués ont porté plainte.", 2, "fonctionnaires"),
        ("Le bilan est de 11 blessés.", 11, "blessés"),
        ("L'accident a fait un mort.", 1, "mort"),
        ("La préfecture signale aussi une personne disparue.", 1, "personne"),
        ("Une personne portée disparue est toujours recherchée.", 1, "personne"),
        ("Un enfant tué, c'est le bilan de la nuit.", 1, "enfant"),
        ("Les 7 non-inscrits se sont abstenus.", 7, "non-inscrits"),
    ],
)
def test_counted_noun(fr: Language, text: str, value: float, counted: str) -> None:
    assert values(fr, text) == [(value, counted)]


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("Plus d'un millier de gilets jaunes ont manifesté.", 1000, "gilets jaunes"),
        ("Une dizaine de blessés ont été évacués.", 10, "blessés"),
        ("Une centaine de personnes se sont réunies.", 100, "personnes"),
        ("Une cinquantaine de “gilets jaunes” bloquaient le rond-point.", 50, "gilets jaunes"),
        ("Plus d’une centaine de pages ont été publiées.", 100, "pages"),
        ("Une dizaine de milliers de personnes ont défilé.", 10_000, "personnes"),
        ("Environ 80 tombes ont été profanées.", 80, "tombes"),
        ("Près de 200 blessés ont été recensés.", 200, "blessés"),
    ],
)
def test_approximate_counts(fr: Language, text: str, value: float, counted: str) -> None:
    (count,) = counts(fr, text)
    assert (count.value, count.object, count.approximate) == (value, counted, True)


def test_exact_count_is_not_approximate(fr: Language) -> None:
    (count,) = counts(fr, "Trois hommes ont été interpellés.")
    assert not count.approximate


@pytest.mark.parametrize(
    "text",
    [
        "Des milliers de manifestants ont défilé.",
        "Des centaines de personnes étaient là.",
        "En 2018, le mouvement est né.",
        "Il est âgé de 45 ans.",
        "Elle a 27 ans.",
        "Le 3e acte s'est déroulé samedi.",
        "C'est son premier mandat.",
        "Le chômage a baissé de 12 %.",
        "Le chômage a baissé de 12 pour cent.",
        "Il a payé 300 euros.",
        "Rendez-vous à 14h devant la mairie.",
        "Rendez-vous à 14 heures devant la mairie.",
        "Il a attendu trois semaines.",
        "La réunion a duré deux heures.",
        "Ils ont marché 20 km.",
        "Il fait 3 degrés.",
        "Il a perdu 5 kg.",
        "L'acte 13 des gilets jaunes a eu lieu.",
        "L'article 49.3 a été utilisé.",
        "La manifestation du 17 novembre a réuni du monde.",
        "Appelez le 01 45 67 89 00.",
        "Un manifestant a pris la parole.",
        "Une personne a été interpellée.",
        "Un homme politique a démissionné.",
        "Il a vu deux fois le ministre.",
        "Les deux tiers des Français approuvent.",
        "Le Mouvement Cinq Etoiles a gagné.",
        "Le Mouvement 5 étoiles a gagné.",
        "Les Trente Glorieuses sont loin.",
        "Le député des Deux-Sèvres a parlé.",
        "Ils viennent des quatre coins du pays.",
        "Il a du mal à joindre les deux bouts.",
        "Macron est à 27 % (-5 points).",
        "Les marges progressent de 160 points de base.",
        "Le Monde (@lemondefr) 5 avril 2018 Procès de la filière",
    ],
)
def test_not_counts(fr: Language, text: str) -> None:
    assert counts(fr, text) == []


def test_noun_given_by_the_previous_count(fr: Language) -> None:
    text = "Selon le ministère, 51 400 personnes ont manifesté, 110 000 selon la CGT."
    assert values(fr, text) == [(51_400, "personnes"), (110_000, "personnes")]


def test_a_lone_figure_is_no_count(fr: Language) -> None:
    assert counts(fr, "Le score était de 12 000 à la fin.") == []


def test_a_year_before_a_source_is_no_count(fr: Language) -> None:
    text = "Il y avait 300 manifestants. En 2018 selon la police, le calme régnait."
    assert values(fr, text) == [(300, "manifestants")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("entre 10 et 12 blessés", [(10, "blessés"), (12, "blessés")]),
        ("de vingt à trente policiers", [(20, "policiers"), (30, "policiers")]),
        ("deux ou trois plats", [(2, "plats"), (3, "plats")]),
        (
            "adopté (438 contre 86 et 42 abstentions)",
            [(438, "abstentions"), (86, "abstentions"), (42, "abstentions")],
        ),
        ("28 morts et près de 200 blessés", [(28, "morts"), (200, "blessés")]),
    ],
)
def test_coordinated_figures_share_the_noun(
    fr: Language, text: str, expected: list[tuple[float, str]]
) -> None:
    assert values(fr, text) == expected


def test_money_is_not_counted(fr: Language) -> None:
    text = "Il a reçu 12 millions d'euros et 300 000 personnes ont signé."
    assert values(fr, text) == [(300_000, "personnes")]


def test_ids_and_offsets_follow_the_text(fr: Language) -> None:
    text = "Deux policiers et une dizaine de manifestants ont été blessés, 345 interpellés."
    found = counts(fr, text)
    assert [c.id for c in found] == [f"c{i}" for i in range(1, len(found) + 1)]
    assert all(text[c.start : c.end] == c.text for c in found)
    assert found[1].text == "une dizaine de manifestants"


def test_pipeline_counts_headline_and_body() -> None:
    record = analyze_text(
        "Quelque 50\u00a0000 personnes ont défilé samedi, et 345 personnes ont été interpellées.",
        title="Acte 13: trois policiers blessés",
    )
    assert {(c.field, c.value) for c in record.counts} == {
        ("title", 3),
        ("text", 50_000),
        ("text", 345),
    }


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=10**7), st.sampled_from([" ", "\u00a0", "'", "."]))
def test_any_grouped_number_of_people_is_counted(number: int, separator: str) -> None:
    fr = nlp.load("fr")
    figure = f"{number:,}".replace(",", separator)
    assert values(fr, f"Ils étaient {figure} manifestants dans la rue.") == [
        (number, "manifestants")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plus de 106 000 manifestants ont été recensés – dont 8 000 à Paris – contre un "
            "total de 282 710 samedi dernier.",
            [(106000, "manifestants"), (8000, "manifestants"), (282710, "manifestants")],
        ),
        (
            "8000 « gilets jaunes » étaient comptés à Paris à 9 h, et 81 000 en France.",
            [(8000, "gilets jaunes"), (81000, "gilets jaunes")],
        ),
        (
            "Il y a eu 35 interpellations sur tout le territoire, dont 18 à Paris.",
            [(35, "interpellations"), (18, "interpellations")],
        ),
        (
            "38.600 personnes ont manifesté à 18H00, contre 66.000 samedi dernier.",
            [(38600, "personnes"), (66000, "personnes")],
        ),
    ],
)
def test_a_figure_linked_to_a_count_shares_its_noun(
    fr: Language, text: str, expected: list[tuple[float, str]]
) -> None:
    assert values(fr, text) == expected


def test_a_linked_figure_in_the_next_sentence_or_before_a_unit_is_no_count(fr: Language) -> None:
    assert values(fr, "Ils étaient 300 manifestants. Et 40 ans plus tard, rien.") == [
        (300, "manifestants")
    ]
    assert values(fr, "On compte 300 manifestants, soit 12 % de plus.") == [(300, "manifestants")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ils étaient 166 000 à manifester le 24 novembre.", [(166000, "personnes")]),
        (
            "Ils étaient environ 6300 à manifester dans une ambiance bon enfant.",
            [(6300, "personnes")],
        ),
        (
            "Ils étaient 27 000, dont 7000 à Paris, selon Beauvau.",
            [(27000, "personnes"), (7000, "personnes")],
        ),
        ("Elles sont deux à avoir porté plainte contre le maire.", [(2, "personnes")]),
        (
            "Ils étaient toujours plus de 80 000 ce samedi dans toute la France.",
            [(80000, "personnes")],
        ),
        ("Ils étaient 10 500 selon la préfecture de police.", [(10500, "personnes")]),
    ],
)
def test_people_counted_by_a_pronoun(
    fr: Language, text: str, expected: list[tuple[float, str]]
) -> None:
    assert values(fr, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Selon un sondage, ils sont 72 % à approuver les revendications des gilets jaunes.",
        "Ils sont 60 pour cent à l'approuver.",
        "Ils étaient en 2018 au cœur du mouvement.",
    ],
)
def test_no_people_count_without_a_pronoun_or_with_a_percentage(fr: Language, text: str) -> None:
    assert values(fr, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les personnes auditionnées par la commission d'enquête depuis fin juillet - plus "
            "d'une vingtaine - ont en effet prêté serment.",
            [(20, "personnes auditionnées")],
        ),
        ("Les blessés, une dizaine selon les pompiers, ont été évacués.", [(10, "blessés")]),
        ("Les victimes, au nombre de trois, étaient des enfants.", [(3, "victimes")]),
        ("Les interpellations - 39 au total - ont eu lieu le soir.", [(39, "interpellations")]),
        ("Ces militants (une trentaine) bloquaient le dépôt depuis l'aube.", [(30, "militants")]),
    ],
)
def test_a_figure_set_off_after_a_plural_noun_counts_it(
    fr: Language, text: str, expected: list[tuple[float, str]]
) -> None:
    assert values(fr, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A figure that goes on into a phrase of its own, a noun phrase with its own verb,
        # no plural noun, or a noun that counts nothing.
        "Les Bleus, deux fois champions du monde, ont gagné.",
        "Les gendarmes ont interpellé des jeunes, une dizaine, dans la nuit.",
        "Le cortège, 5000 selon la police, a défilé.",
        "Les chiffres de la mobilisation - 46 600 selon le ministère - sont contestés.",
        "Les élections, en 2019, seront décisives.",
        # A sign, not a dash that sets the figure off.
        "Les ventes (-5 %) reculent.",
    ],
)
def test_no_count_set_off_after_a_phrase_it_does_not_count(fr: Language, text: str) -> None:
    assert values(fr, text) == []
