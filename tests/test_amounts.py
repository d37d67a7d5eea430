"""Money amounts: real phrasings from the French news and stock-dispatch corpora."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from conftest import analyze_text
from recoupe import nlp
from recoupe.extract import Context
from recoupe.extract.amounts import extract_amounts
from recoupe.extract.numbers import parse_numeral
from recoupe.record import Amount

CTX = Context(lang="fr")


@pytest.fixture(scope="module")
def fr() -> Language:
    return nlp.load("fr")


def amounts(fr: Language, text: str) -> list[Amount]:
    return extract_amounts(fr(text), CTX)


def values(fr: Language, text: str) -> list[tuple[float, str | None]]:
    return [(round(a.value, 4), a.currency) for a in amounts(fr, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Musk propose 97,4 milliards de dollars pour OpenAI.", [(97_400_000_000, "USD")]),
        ("un prêt de 1,2 million d'euros", [(1_200_000, "EUR")]),
        ("un prêt de 1,2 million d’euros", [(1_200_000, "EUR")]),
        ("une hausse de 3,7 milliards €", [(3_700_000_000, "EUR")]),
        ("un salaire de 51'400 francs", [(51_400, "CHF")]),
        ("un salaire de 51’400 francs", [(51_400, "CHF")]),
        ("environ 3130 francs suisses", [(3130, "CHF")]),
        ("Musk offered $9.74 billion", [(9_740_000_000, "USD")]),
        ("a €3.5m deal", [(3_500_000, "EUR")]),
        ("une amende de 1 000 $", [(1000, "CAD")]),
        ("plus de 500 M$ de la taxe carburant", [(500_000_000, "CAD")]),
        ("un déficit commercial de 8,7 G$", [(8_700_000_000, "CAD")]),
        ("ils ont payé 155,8 milliards\u00a0$ en taxes", [(155_800_000_000, "CAD")]),
        ("20 000 euros (31 000 $ CAN)", [(20_000, "EUR"), (31_000, "CAD")]),
        ("1000 euros (1455$CAN)", [(1000, "EUR"), (1455, "CAD")]),
        ("une pension de 680\u00a0euros", [(680, "EUR")]),
        ("une pension de 680\u202feuros", [(680, "EUR")]),
        ("un coût de 300.000 euros", [(300_000, "EUR")]),
        ("un coût de 1,000,000 USD", [(1_000_000, "USD")]),
        ("USD 1.5 billion", [(1_500_000_000, "USD")]),
        ("prêt vert de 67 ME pour un projet", [(67_000_000, "EUR")]),
        ("un CA de 10,8 MdsE au titre du 1er semestre", [(10_800_000_000, "EUR")]),
        ("résultat net de 1,2 MdE au 1er semestre", [(1_200_000_000, "EUR")]),
        ("hausse du CA à 5 334ME au 1er trimestre", [(5_334_000_000, "EUR")]),
        ("une enveloppe de 380 M$", [(380_000_000, "CAD")]),
        ("une enveloppe de 1,5 Md€", [(1_500_000_000, "EUR")]),
        ("un budget de 12 KE", [(12_000, "EUR")]),
        ("un budget de 12 k€", [(12_000, "EUR")]),
        ("une perte de 4 Mrd CHF", [(4_000_000_000, "CHF")]),
        ("un objectif de cours de 176E sur le titre", [(176, "EUR")]),
        ("un chiffre d'affaires de 10.952 millions d'euros", [(10_952_000_000, "EUR")]),
        ("un résultat de 1 059 millions d'euros", [(1_059_000_000, "EUR")]),
        ("deux millions d'euros", [(2_000_000, "EUR")]),
        ("un milliard de dollars", [(1_000_000_000, "USD")]),
        ("Six cents euros en moins par an", [(600, "EUR")]),
        ("un milliard et demi d'euros", [(1_500_000_000, "EUR")]),
        ("5 millions de livres sterling", [(5_000_000, "GBP")]),
        ("3 millions de livres", [(3_000_000, "GBP")]),
        ("près de 20 millions de dinars", [(20_000_000, "DZD")]),
        ("estimé à 600 millions de DA", [(600_000_000, "DZD")]),
        ("une amende de 2 000 DA", [(2000, "DZD")]),
        ("100 dirhams", [(100, "MAD")]),
        ("3 milliards de yens", [(3_000_000_000, "JPY")]),
        ("2,2 milliards de renminbis", [(2_200_000_000, "CNY")]),
        ("200 francs CFA", [(200, "XOF")]),
        ("environ 16 milliards de francs belges", [(16_000_000_000, "BEF")]),
        ("500 millions de dollars américains", [(500_000_000, "USD")]),
        ("environ 190 millions de dollars US", [(190_000_000, "USD")]),
        ("10 millions de dollars canadiens", [(10_000_000, "CAD")]),
        ("CHF 50'000", [(50_000, "CHF")]),
        ("150,74 euros par action", [(150.74, "EUR")]),
        ("6,5 centimes d'euro par litre", [(0.065, "EUR")]),
        ("une subvention de 40 milliards de centimes", [(400_000_000, "DZD")]),
    ],
)
def test_amount_values(fr: Language, text: str, expected: list[tuple[float, str]]) -> None:
    assert values(fr, text) == [(round(v, 4), c) for v, c in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("près de 100 milliards d'euros", "près de 100 milliards d'euros"),
        ("environ 60 millions d'euros", "environ 60 millions d'euros"),
        ("quelque 57 milliards $", "quelque 57 milliards $"),
        ("plus de 100 millions d'euros", "plus de 100 millions d'euros"),
        ("moins de 2000 euros par mois", "moins de 2000 euros"),
        ("plus d’un milliard de dollars", "plus d’un milliard de dollars"),
        ("jusqu'à 3.600 euros", "jusqu'à 3.600 euros"),
        ("pour env. 280 millions d'euros", "env. 280 millions d'euros"),
    ],
)
def test_approximations_keep_the_stated_value(fr: Language, text: str, expected: str) -> None:
    (amount,) = amounts(fr, text)
    assert amount.approximate
    assert amount.text == expected


def test_exact_amount_is_not_approximate(fr: Language) -> None:
    (amount,) = amounts(fr, "15 millions d'euros")
    assert not amount.approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("entre 10 et 12 millions d'euros", [(10_000_000, "EUR"), (12_000_000, "EUR")]),
        ("de 10 à 12 millions d'euros", [(10_000_000, "EUR"), (12_000_000, "EUR")]),
        ("estimé entre 150.000 et 250.000 euros", [(150_000, "EUR"), (250_000, "EUR")]),
        ("de 500 000 à 1 million d'euros", [(500_000, "EUR"), (1_000_000, "EUR")]),
        ("250 000 - 300 000 dollars", [(250_000, "USD"), (300_000, "USD")]),
        ("entre 850 et 950\u00a0millions d’euros", [(850_000_000, "EUR"), (950_000_000, "EUR")]),
    ],
)
def test_a_range_gives_two_amounts(
    fr: Language, text: str, expected: list[tuple[float, str]]
) -> None:
    assert values(fr, text) == expected


def test_a_year_before_an_amount_is_no_range(fr: Language) -> None:
    assert values(fr, "en 2018 et 5 millions d'euros") == [(5_000_000, "EUR")]


def test_currency_carries_over_to_a_bare_scale(fr: Language) -> None:
    text = (
        "Elon Musk propose 97,4 milliards de dollars. OpenAI avait levé 6,6 milliards "
        "de dollars. Microsoft a investi 13 milliards. Sa valeur atteint 300 milliards."
    )
    assert values(fr, text) == [
        (97_400_000_000, "USD"),
        (6_600_000_000, "USD"),
        (13_000_000_000, "USD"),
        (300_000_000_000, "USD"),
    ]


def test_carried_subunit_keeps_its_scale(fr: Language) -> None:
    text = "Le coût est de 200 milliards de centimes, dont 70 milliards pour la voirie."
    assert values(fr, text) == [(2_000_000_000, "DZD"), (700_000_000, "DZD")]


@pytest.mark.parametrize(
    "text",
    [
        "La population atteint 300 milliards.",
        "Le chômage a baissé de 12 %.",
        "La Terre compte 8 milliards d'habitants.",
        "Il a vendu 3 000 livres.",
        "En 2018, 300 personnes ont manifesté.",
        "5 millions de personnes ont regardé le match.",
        "le groupe 3M a vendu",
        "lire sur Slate.fr.1979 : attentats",
        "la règle des 3 E: entourloupe",
        "$('#liveTickerVideoId37051')",
    ],
)
def test_not_money(fr: Language, text: str) -> None:
    assert amounts(fr, text) == []


def test_people_after_money_are_not_money(fr: Language) -> None:
    text = "Le budget est de 3 milliards d'euros. La Terre compte 8 milliards d'habitants."
    assert values(fr, text) == [(3_000_000_000, "EUR")]


def test_dollars_in_a_quebec_story_are_canadian(fr: Language) -> None:
    text = "Le Québec investira 2 milliards de dollars. Le premier ministre du Québec l'a dit."
    assert values(fr, text) == [(2_000_000_000, "CAD")]


def test_ids_and_offsets_follow_the_text(fr: Language) -> None:
    text = "Il a payé 15 millions d'euros, puis entre 3 et 4 millions d'euros."
    found = amounts(fr, text)
    assert [a.id for a in found] == ["a1", "a2", "a3"]
    assert [a.start for a in found] == sorted(a.start for a in found)
    assert all(text[a.start : a.end] == a.text for a in found)


def test_pipeline_relocates_headline_amounts() -> None:
    record = analyze_text(
        "Le groupe a réalisé 2,57 milliards d'euros de chiffre d'affaires.",
        title="Air Liquide: CA de 6 887 ME au 1er trimestre",
    )
    by_field = {(a.field, a.value, a.currency) for a in record.amounts}
    assert by_field == {("title", 6_887_000_000, "EUR"), ("text", 2_570_000_000, "EUR")}
    for amount in record.amounts:
        source = record.title if amount.field == "title" else record.text
        assert source is not None
        assert source[amount.start : amount.end] == amount.text


THOUSANDS_SEPARATORS = [" ", "\u00a0", "\u202f", "'", "’", "."]


def grouped(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(THOUSANDS_SEPARATORS))
def test_french_and_swiss_separators_parse_back(number: int, separator: str) -> None:
    assert parse_numeral(grouped(number, separator)) == number


@given(st.integers(min_value=0, max_value=10**12))
def test_english_separators_parse_back(number: int) -> None:
    assert parse_numeral(f"{number:,}", english=True) == number


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimal_comma_and_point_parse_back(units: int, cents: int) -> None:
    french = f"{grouped(units, chr(0xA0))},{cents:02d}"
    english = f"{units:,}.{cents:02d}"
    expected = units + cents / 100
    assert parse_numeral(french) == pytest.approx(expected)
    assert parse_numeral(english, english=True) == pytest.approx(expected)


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(THOUSANDS_SEPARATORS))
def test_any_grouped_sum_of_euros_is_found(number: int, separator: str) -> None:
    fr = nlp.load("fr")
    text = f"Le contrat s'élève à {grouped(number, separator)} euros."
    assert values(fr, text) == [(number, "EUR")]
