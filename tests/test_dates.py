"""Date extraction on real French news phrasings, with the real spaCy model."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from conftest import analyze_text
from recoupe import nlp
from recoupe.extract.context import Context
from recoupe.extract.dates import extract_dates
from recoupe.extract.dates_calendar import (
    day_month_date,
    month_date,
    place,
    season_year,
    weekday_date,
)
from recoupe.record import DateMention

# Wednesday 9 January 2019, in the middle of the "gilets jaunes" coverage.
PUBLISHED = date(2019, 1, 9)
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


@pytest.fixture(scope="module")
def french() -> Language:
    return nlp.load("fr")


def dates_in(french: Language, text: str, published: date | None = PUBLISHED) -> list[DateMention]:
    return extract_dates(french(text), Context(lang="fr", published=published))[0]


def values(french: Language, text: str, published: date | None = PUBLISHED) -> list[str]:
    return [d.value for d in dates_in(french, text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le projet a été présenté le 10 février 2025 à Paris.", ["2025-02-10"]),
        ("Le décret exécutif du 19 octobre 2006 fixe le régime.", ["2006-10-19"]),
        ("Document signé le 10/02/2025 par le maire.", ["2025-02-10"]),
        ("Le scrutin s'est tenu le 2018-12-02.", ["2018-12-02"]),
        ("Ils avaient manifesté le 1er mai 2018 à Paris.", ["2018-05-01"]),
        ("Un Thalys attaqué en août 2015 en France.", ["2015-08"]),
        ("L'annonce, pourtant faite en décembre 2017, reste lettre morte.", ["2017-12"]),
        ("M. Collinet a fondé en juin 2017 son association.", ["2017-06"]),
        ("Le Sénat a adopté le texte mardi 5 mai 2015.", ["2015-05-05"]),
        ("Le prix a été annoncé le 10 sept. 2019.", ["2019-09-10"]),
        ("Il est arrivé en octobre 98, à la fin de la saison.", ["1998-10"]),
        ("Un arrêté daté du 27 mai 1998.", ["1998-05-27"]),
        ("Les élections ont lieu en Mars 2020 dans tout le pays.", ["2020-03"]),
        ("Le salon aura lieu à la fin de Mars, comme chaque année.", ["2019-03"]),
        ("Fin de Mars, les travaux reprendront.", ["2019-03"]),
        ("Le Brexit, prévu Fin de Mars, est reporté.", ["2019-03"]),
        ("LE BREXIT AURA LIEU FIN DE MARS.", ["2019-03"]),
        ("LES CHIFFRES DE FÉVRIER EN BAISSE", ["2019-02"]),
    ],
)
def test_absolute_dates(french: Language, text: str, expected: list[str]) -> None:
    assert values(french, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Musk cofonde OpenAI en 2015 avant de quitter l'entreprise en 2018.", ["2015", "2018"]),
        ("En poste à Lyon depuis 2002, il incarne la crise.", ["2002"]),
        ("Depuis 2017, l'investissement total atteint 6 millions.", ["2017"]),
        ("Le site devrait être opérationnel fin 2021.", ["2021"]),
        ("La construction démarrera début 2019 pour cinq ans.", ["2019"]),
        ("Une directive datant de 2015 est rappelée par les syndicats.", ["2015"]),
        ("L'objectif zéro mort à l'horizon 2050 est maintenu.", ["2050"]),
        ("De 1966 à 1996, les atolls ont servi de site d'essais.", ["1966", "1996"]),
        ("Il a été jugé pour la crise de 2010-2011 en Côte d'Ivoire.", ["2010", "2011"]),
        ("Les comptes de l'exercice 2022 sont dans le rouge.", ["2022"]),
        ("Le dossier classé sans suite à l'été 2016 revient.", ["2016"]),
        ("Le film (2019) sort en salles.", ["2019"]),
        ("Le choc pétrolier de 1973 marqua une césure.", ["1973"]),
        ("Une loi votée en 1905 le prévoit.", ["1905"]),
    ],
)
def test_years(french: Language, text: str, expected: list[str]) -> None:
    assert values(french, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ils manifestent depuis trois semaines.",
        "Il a été détenu pendant deux ans.",
        "Rendez-vous à 14h devant la mairie.",
        "Un homme de 27 ans a été interpellé.",
        "Quelque 2015 manifestants ont défilé.",
        "Le groupe a racheté 1500 actions.",
        "Plus de 2000 personnes se sont rassemblées.",
        "La facture s'élève à 2019 euros.",
        "Les années 1990 ont été difficiles.",
        "C'était l'acte 13 de la mobilisation.",
        "Le prix est de 97,4 milliards de dollars.",
        "Il vit au numéro 1950 de la rue.",
        "Les fêtes de fin d'année approchent.",
        "«Fin du monde, fin du mois, même combat»",
        "Le Journal du Dimanche a publié un sondage.",
        "La sonde a atteint la planète Mars.",
        "Ils refusaient d'aller au Champ de Mars, trop loin du pouvoir.",
        "LES GILETS JAUNES RASSEMBLÉS AU CHAMP DE MARS SAMEDI",
        "Le concert de BRUNO MARS affiche complet.",
        "MISSION VERS MARS : LA NASA PRÉPARE SON ROBOT",
        "Le cortège a rejoint la place du Champs de Mars vers midi.",
        "Les commerces ouvrent le lundi et du mardi au samedi.",
        "Sept personnes ont été blessées.",
    ],
)
def test_not_dates(french: Language, text: str) -> None:
    assert values(french, text) == []


RELATIVE_DAYS = [
        ("Les gilets jaunes ont manifesté samedi à Paris.", "2019-01-05"),
        ("Ce lundi, le président a reçu les syndicats.", "2019-01-07"),
        ("Le ministre s'est exprimé ce mercredi devant les députés.", "2019-01-09"),
        ("Les manifestants ont bloqué le péage mardi soir.", "2019-01-08"),
        ("Il s'était présenté à la police lundi matin.", "2019-01-07"),
        ("La fronde a marqué le pas samedi dernier.", "2019-01-05"),
        ("Lors de l'audience vendredi dernier, les associations ont plaidé.", "2019-01-04"),
        ("Ils appellent à un rassemblement samedi prochain.", "2019-01-12"),
        ("Les gilets jaunes manifesteront samedi à Bourges.", "2019-01-12"),
        ("Le président va s'exprimer vendredi à la télévision.", "2019-01-11"),
        ("Le texte sera examiné lundi par le Sénat.", "2019-01-14"),
        ("Le président devrait se rendre jeudi à Rome.", "2019-01-10"),
        ("Il a été interpellé hier à son domicile.", "2019-01-08"),
        ("Les faits se sont produits avant-hier.", "2019-01-07"),
        ("Le conseil se réunit aujourd'hui à Paris.", "2019-01-09"),
        ("La décision sera rendue demain.", "2019-01-10"),
        ("Le cortège est parti ce matin de la gare.", "2019-01-09"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), RELATIVE_DAYS)
def test_relative_days(french: Language, text: str, expected: str) -> None:
    assert values(french, text) == [expected]


DAYS_WITHOUT_YEAR = [
        ("Le ministère a été saisi le 17 novembre.", ["2018-11-17"]),
        ("Les violences survenues à Paris le 5 janvier ont choqué.", ["2019-01-05"]),
        ("Le roman sort le 25 janvier en librairie.", ["2019-01-25"]),
        ("Les élections auront lieu le 26 mai.", ["2019-05-26"]),
        ("Il avait manifesté le 6 mai dernier.", ["2018-05-06"]),
        ("Le jugement est attendu le 3 avril prochain.", ["2019-04-03"]),
        ("Ils seront en grève jusqu'au 30 juin.", ["2019-06-30"]),
        ("Il est en détention depuis le 1er décembre.", ["2018-12-01"]),
        ("Les manifestations des 22 et 29 décembre ont été émaillées d'incidents.",
         ["2018-12-22", "2018-12-29"]),
        ("Le festival se tient du 3 au 5 mai.", ["2019-05-03", "2019-05-05"]),
        ("La consultation a été lancée le lundi 10 décembre.", ["2018-12-10"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DAYS_WITHOUT_YEAR)
def test_days_without_year(french: Language, text: str, expected: list[str]) -> None:
    assert values(french, text) == expected


MONTHS_AND_YEARS_WITHOUT_YEAR = [
        ("Majorelle avait obtenu en juin un avis favorable.", "2018-06"),
        ("Le mouvement est né à la mi-novembre.", "2018-11"),
        ("Les barrages ont été levés fin novembre.", "2018-11"),
        ("Le grand débat commencera mi-janvier.", "2019-01"),
        ("Le texte sera examiné au Parlement en février.", "2019-02"),
        ("Le plan annoncé en décembre dernier tarde.", "2018-12"),
        ("Le vote aura lieu en avril prochain.", "2019-04"),
        ("Il a perdu 4 points de popularité le mois dernier.", "2018-12"),
        ("Les ventes reprendront le mois prochain.", "2019-02"),
        ("120 millions de préservatifs ont été vendus l'an dernier.", "2018"),
        ("Les chiffres sont moins élevés que l'année dernière.", "2018"),
        ("Le budget participatif passe cette année à un million.", "2019"),
        ("Il s'attaquera l'an prochain à l'assurance chômage.", "2020"),
        ("Le chantier sera terminé à la fin de l'année.", "2019"),
        ("La pièce sera jouée au festival d'Avignon cet été.", "2019"),
        ("Les coupes budgétaires du printemps dernier pèsent sur la SNCF.", "2018"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MONTHS_AND_YEARS_WITHOUT_YEAR)
def test_months_and_years_without_year(french: Language, text: str, expected: str) -> None:
    assert values(french, text) == [expected]


def test_skips_the_week() -> None:
    """TimeML gives weeks a value such as 2019-W02, which is neither a day, month nor year."""
    assert values(nlp.load("fr"), "Il a été reçu la semaine dernière à l'Élysée.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Les gilets jaunes ont manifesté samedi à Paris.",
        "Il a été interpellé hier à son domicile.",
        "Le ministère a été saisi le 17 novembre.",
        "Le mouvement est né à la mi-novembre.",
        "Les chiffres sont moins élevés que l'année dernière.",
        "Les manifestations des 22 et 29 décembre ont été émaillées d'incidents.",
    ],
)
def test_without_publication_date_relative_dates_get_no_value(french: Language, text: str) -> None:
    assert values(french, text, published=None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *((text, [value]) for text, value in RELATIVE_DAYS),
        *DAYS_WITHOUT_YEAR,
        *((text, [value]) for text, value in MONTHS_AND_YEARS_WITHOUT_YEAR),
    ],
)
def test_without_publication_date_relative_dates_wait_for_a_day(
    french: Language, text: str, expected: list[str]
) -> None:
    """An undated article keeps what its relative dates say; placed from the day it came out,
    they are the dates a dated copy of it gets."""
    dates, relative = extract_dates(french(text), Context(lang="fr", published=None))
    assert dates == []
    assert all(text[r.start : r.end] == r.text for r in relative)
    assert [value for r in relative if (value := place(r.reading, PUBLISHED))] == [
        (v, "day" if len(v) == 10 else "month" if len(v) == 7 else "year") for v in expected
    ]


@pytest.mark.parametrize("published", [PUBLISHED, None])
def test_a_day_no_month_has_is_no_date(french: Language, published: date | None) -> None:
    dates, relative = extract_dates(
        french("Il y avait 45 janvier et 0 mars."), Context(lang="fr", published=published)
    )
    assert dates == [] and relative == []


def test_without_publication_date_absolute_dates_stay(french: Language) -> None:
    text = "Il a manifesté samedi, comme le 1er mai 2018 et en 2015."
    assert values(french, text, published=None) == ["2018-05-01", "2015"]


def test_mentions_have_ids_offsets_and_granularity(french: Language) -> None:
    text = "Hier, le 10 février 2025, il a rappelé sa venue en mars 2019 et en 2015."
    mentions = dates_in(french, text, date(2025, 2, 11))
    assert [m.id for m in mentions] == ["d1", "d2", "d3", "d4"]
    assert [m.granularity for m in mentions] == ["day", "day", "month", "year"]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert mentions[0].value == "2025-02-10"


def test_through_the_pipeline() -> None:
    record = analyze_text(
        "Elon Musk a proposé ce lundi de racheter OpenAI, qu'il a cofondé en 2015.",
        published="2025-02-11",
        title="Musk veut OpenAI",
    )
    assert [(d.text, d.value) for d in record.dates] == [
        ("ce lundi", "2025-02-10"),
        ("2015", "2015"),
    ]


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_written_day_round_trips(day: date) -> None:
    written = "1er" if day.day == 1 else str(day.day)
    text = f"La réunion s'est tenue le {written} {MONTHS[day.month - 1]} {day.year} à Genève."
    assert values(nlp.load("fr"), text) == [day.isoformat()]


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=0, max_value=6),
)
def test_weekdays_stay_within_the_week(reference: date, weekday: int) -> None:
    last = weekday_date(reference, weekday, "before")
    coming = weekday_date(reference, weekday, "after")
    past = weekday_date(reference, weekday, "past")
    nearest = weekday_date(reference, weekday, None)
    assert last.weekday() == coming.weekday() == past.weekday() == weekday
    assert 1 <= (reference - last).days <= 7
    assert 1 <= (coming - reference).days <= 7
    assert 0 <= (reference - past).days <= 6
    assert abs((nearest - reference).days) <= 3


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=28),
)
def test_day_and_month_land_within_a_year(reference: date, month: int, day: int) -> None:
    past = day_month_date(reference, month, day, "past")
    future = day_month_date(reference, month, day, "future")
    nearest = day_month_date(reference, month, day, None)
    assert past is not None and future is not None and nearest is not None
    assert timedelta(0) <= reference - past < timedelta(days=366)
    assert timedelta(0) <= future - reference < timedelta(days=366)
    assert abs((nearest - reference).days) <= 183


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=1, max_value=12),
)
def test_month_names_land_within_a_year(reference: date, month: int) -> None:
    before = month_date(reference, month, "before")
    after = month_date(reference, month, "after")
    assert before is not None and after is not None
    assert before[1] == after[1] == month
    assert before < (reference.year, reference.month) < after
    assert after[0] - before[0] in (1, 2)


def test_season_years() -> None:
    assert season_year(date(2018, 12, 9), 3, "before") == 2018  # "au printemps dernier"
    assert season_year(date(2018, 4, 9), 3, "before") == 2017
    assert season_year(date(2018, 4, 9), 6, "after") == 2018  # "l'été prochain"
    assert season_year(date(2018, 9, 9), 6, None) == 2018  # "cet été"
