"""Counts of people across a story: what they count, where, on what day, when in the day and
according to whom, read by the real pipeline from phrasings of French wire copy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from conftest import analyze_text, claim_of, dated_story, stated, story_of
from recoupe.store.records import linked_ids
from recoupe.stories.claims import (
    Claim,
    Source,
    Value,
    by_magnitude,
    dispatch_versions,
    story_claims,
)
from recoupe.stories.figures import (
    EARLIER,
    NATIONAL,
    RUNNING_TOTAL,
    UNPLACED,
    Figure,
    article_figures,
)


def figures_of(
    text: str,
    country: str | None = "France",
    published: str | None = None,
    story_day: date | None = None,
) -> list[Figure]:
    record = analyze_text(text, published=published)
    linked = linked_ids(record)
    names = {linked[e.id]: e.name for e in record.entities}
    return list(article_figures(record, linked, names, country, story_day, story_day))


def only(figures: list[Figure], value: float) -> Figure:
    (found,) = [f for f in figures if f.count.value == value]
    return found


@pytest.mark.parametrize(
    ("text", "value", "place"),
    [
        (
            "Plus de 106 000 manifestants ont été recensés en France, dont 8 000 à Paris.",
            8000,
            "Paris",
        ),
        ("À Toulouse, 10 000 personnes ont défilé samedi selon la police.", 10000, "Toulouse"),
        (
            "Des heurts ont eu lieu à Paris, où 7000 « gilets » ont défilé selon les autorités.",
            7000,
            "Paris",
        ),
        (
            "Des marches ont eu lieu à Toulouse (5000 manifestants) et à Rennes "
            "(2000 manifestants).",
            5000,
            "Toulouse",
        ),
        (
            "Des marches ont eu lieu à Toulouse (5000 manifestants) et à Rennes "
            "(2000 manifestants).",
            2000,
            "Rennes",
        ),
        (
            "La mobilisation était en léger recul à Lyon, avec 7000 manifestants, "
            "contre 8000 samedi dernier.",
            8000,
            "Lyon",
        ),
        (
            "Paris a connu un samedi calme. Dans la capitale, quelque 800 gilets "
            "jaunes manifestaient vers midi.",
            800,
            "Paris",
        ),
        # The capital is the country's, not the city an outlet abroad names most.
        (
            "À Valence, 5 400 personnes ont défilé samedi. Valence avait reçu le président la "
            "semaine dernière. Des heurts ont eu lieu à Paris. Dans la capitale, 13 500 "
            "manifestants ont été recensés.",
            13500,
            "Paris",
        ),
        # A cleft sentence names another place, not the count's.
        (
            "Paris a connu un samedi agité. Hormis la capitale, où un décompte a recensé 13 500 "
            "manifestants, c'est Valence qui a volé la vedette.",
            13500,
            "Paris",
        ),
        ("À Paris, c'est 8 000 manifestants qui ont défilé samedi.", 8000, "Paris"),
        # A city's adjective places the count as its name does.
        ("La manifestation parisienne a fait 133 blessés, selon la préfecture.", 133, "Paris"),
        ("Le rassemblement bruxellois a réuni 3 000 gilets jaunes samedi.", 3000, "Bruxelles"),
        ("Dans les rues lyonnaises, 4 500 manifestants ont défilé.", 4500, "Lyon"),
        # With an area's noun, the adjective names the area around the city.
        (
            "À Paris, 8 000 manifestants ont défilé. En région parisienne, 2 000 personnes "
            "ont bloqué des routes.",
            2000,
            "région parisienne",
        ),
        (
            "Dans l'agglomération lyonnaise, 1 500 gilets jaunes ont manifesté samedi.",
            1500,
            "agglomération lyonnaise",
        ),
        (
            "Dans les banlieues parisiennes, 2 000 personnes ont bloqué des routes samedi.",
            2000,
            "banlieues parisiennes",
        ),
    ],
)
def test_a_count_is_placed_by_its_clause(text: str, value: float, place: str) -> None:
    assert only(figures_of(text), value).place == place


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Quelque 84 000 gilets jaunes ont manifesté à travers le pays, selon le ministère.",
            84000,
        ),
        ("Il y a eu 35 interpellations sur tout le territoire, dont 18 à Marseille.", 35),
        ("Au total, 38 600 personnes ont manifesté en France à 18 heures.", 38600),
    ],
)
def test_the_whole_country(text: str, value: float) -> None:
    assert only(figures_of(text), value).place_key == NATIONAL


def test_the_seat_of_a_source_is_not_where_people_marched() -> None:
    found = only(figures_of("Selon la préfecture du Rhône, 1 200 manifestants ont défilé."), 1200)
    assert found.place_key == UNPLACED
    assert found.attributed_to == "la préfecture du Rhône"


def test_a_part_does_not_place_the_next_sentence() -> None:
    figures = figures_of(
        "Il y a eu 35 interpellations sur tout le territoire, dont 18 à Paris. Vingt-deux "
        "personnes ont été placées en garde à vue, selon le ministère."
    )
    custody = only(figures, 22)
    assert (custody.group, custody.place_key) == ("custody", NATIONAL)


@pytest.mark.parametrize(
    ("text", "value", "group"),
    [
        ("Dans la soirée, 24 personnes ont été blessées à Paris.", 24, "injured"),
        ("Quelque 130 manifestants ont été placés en garde à vue en France.", 130, "custody"),
        (
            "À Paris, 69 personnes ont été interpellées, selon la préfecture de police.",
            69,
            "arrests",
        ),
        ("Dix personnes sont mortes depuis le début du mouvement.", 10, "dead"),
        ("Onze personnes ont perdu la vie dans la nuit de dimanche à lundi.", 11, "dead"),
        ("Au moins 40 personnes ont péri dans l'incendie de l'immeuble.", 40, "dead"),
        ("Trois randonneurs ont trouvé la mort dans l'avalanche.", 3, "dead"),
        ("Deux personnes sont toujours portées disparues à Trèbes.", 2, "missing"),
        ("Environ 2 000 manifestants ont défilé à Marseille.", 2000, "participants"),
        ("Environ 2 000 manifestants ont défilé dans une dizaine de villes.", 2000, "participants"),
        ("On a compté 8 000 manifestants et 20 blessés à Paris.", 8000, "participants"),
        (
            "Quelque 10 000 policiers et 3 000 véhicules ont été mobilisés.",
            10000,
            "security forces",
        ),
        (
            "Le bilan s'établissait à 12 morts, 8 blessés graves et deux personnes disparues.",
            8,
            "injured",
        ),
        (
            "Le bilan s'établissait à 12 morts, 8 blessés graves et deux personnes disparues.",
            2,
            "missing",
        ),
        ("Le bilan s'établissait à 12 morts et une personne disparue.", 1, "missing"),
        (
            "La commission a présenté son rapport : 40 personnes entendues au cours de 34 "
            "auditions.",
            40,
            "heard",
        ),
        (
            "Plus de 8 000 manifestants ont défilé à Paris, on a entendu des slogans.",
            8000,
            "participants",
        ),
        # An outcome said right before the count.
        ("La police a interpellé 1 700 personnes samedi.", 1700, "arrests"),
        ("Le week-end a vu l'interpellation de 412 personnes à Paris.", 412, "arrests"),
        ("L'attentat avait coûté la vie à quatre personnes.", 4, "dead"),
        # 'personnes' who took part.
        ("Les manifestations ont réuni 136 000 personnes en France.", 136000, "participants"),
        ("Une centaine de personnes ont bloqué les ronds-points.", 100, "participants"),
        ("Le ministère a recensé 17 400 personnes à mi-journée.", 17400, "participants"),
        # An outcome before a comma is not the count's.
        ("En hommage aux victimes, 2 000 personnes ont défilé à Nice.", 2000, "participants"),
        (
            "Au lendemain de l'interpellation, 500 manifestants se sont rassemblés.",
            500,
            "participants",
        ),
    ],
)
def test_what_people_are_counted_for(text: str, value: float, group: str) -> None:
    assert only(figures_of(text), value).group == group


@pytest.mark.parametrize(
    "text",
    [
        "Des coupures de courant affectaient quelque 400 personnes.",
        "Au moins 57 personnes ont comparu lundi à Paris.",
        "Quatre autres personnes ont été hospitalisées.",
        "Il a braqué deux personnes âgées avec un fusil à billes.",
        "En marge de la manifestation, quatre personnes ont été hospitalisées.",
        "L'entreprise compte 1 200 personnes sur son site de Lyon.",
        "Sur le marché de Noël, 20 000 personnes sont attendues chaque jour.",
        "À La Réunion, 2 000 personnes ont été privées d'électricité.",
    ],
)
def test_people_not_said_to_take_part_in_anything_make_no_figure(text: str) -> None:
    assert figures_of(text) == []


def test_an_earlier_day_is_its_own_figure_and_a_like_one_is_both_days() -> None:
    figures = figures_of(
        "Selon le ministère, 38 600 personnes ont manifesté en France à 18 heures, contre "
        "66 000 samedi dernier à la même heure. Quelque 84 000 gilets jaunes ont manifesté à "
        "travers le pays, comme la semaine précédente, selon le ministère."
    )
    assert only(figures, 38600).day is None
    assert only(figures, 66000).day is not None
    assert sorted(str(f.day) for f in figures if f.count.value == 84000) == ["None", "earlier"]
    assert only(figures, 38600).when == "à 18 heures"


@pytest.mark.parametrize(
    "text",
    [
        "Quelque 84 000 gilets jaunes ont manifesté, comme l'avait annoncé samedi dernier le "
        "ministère.",
        "Quelque 27 000 gilets jaunes manifestaient à 14 heures, comme la semaine précédente à "
        "la même heure.",
        "Quelque 50 000 gilets jaunes ont manifesté, pas autant que samedi dernier.",
    ],
)
def test_an_earlier_day_said_otherwise_than_as_an_echo_adds_no_figure(text: str) -> None:
    """A verb after 'comme', a clause that goes on, a comparison."""
    assert [f.day for f in figures_of(text)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Ils étaient 58 600, dont 10 500 à Paris la semaine précédente, selon le ministère.",
        "Ils étaient 58 600, dont 10 500 à Paris, la semaine précédente, selon le ministère.",
    ],
)
def test_an_earlier_day_after_the_parts_of_a_count_is_the_whole_s_too(text: str) -> None:
    assert {f.count.value: f.day for f in figures_of(text)} == {58600: EARLIER, 10500: EARLIER}


def test_an_earlier_day_after_a_count_that_follows_the_parts_is_that_count_s() -> None:
    figures = figures_of(
        "Ils étaient 51 400, dont 4 000 à Paris, contre 58 600 manifestants la semaine précédente."
    )
    assert {f.count.value: f.day for f in figures} == {51400: None, 4000: None, 58600: EARLIER}


@pytest.mark.parametrize(
    "text",
    [
        "Ils étaient 12 000 dans les rues de Lyon, autant que samedi dernier.",
        "Ils étaient 12 000 dans les rues de Lyon, autant qu'il y a une semaine.",
    ],
)
def test_a_figure_compared_with_an_earlier_day_is_today_s(text: str) -> None:
    assert only(figures_of(text), 12000).day is None


@pytest.mark.parametrize(
    ("published", "story_day"),
    [("2019-02-09", None), (None, date(2019, 2, 9))],
)
def test_a_count_of_a_day_named_before_the_story_s_is_of_that_day(
    published: str | None, story_day: date | None
) -> None:
    """Dated, or undated and placed from the story's day alike."""
    figures = figures_of(
        "Samedi, 51 400 personnes ont manifesté en France. La mobilisation a reflué : 58 600 "
        "personnes ont manifesté le 2 février, selon le ministère de l'Intérieur, alors que "
        "le mouvement revendique un « nombre jaune » de 116 000 manifestants. Ils étaient "
        "80 000 samedi dernier. Depuis le 17 novembre, 2 000 personnes ont été blessées.",
        published=published,
        story_day=story_day,
    )
    assert only(figures, 51400).day is None
    assert only(figures, 58600).day == "2019-02-02"
    # Set against the ministry's, the movement's count is of the same day.
    assert only(figures, 116000).day == "2019-02-02"
    assert only(figures, 116000).attributed_to == "le mouvement"
    assert only(figures, 80000).day == "2019-02-02"
    # 'Depuis' opens a period that runs to the story's day: a running total, not that day's.
    assert only(figures, 2000).day == RUNNING_TOTAL


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Selon le ministère, 58 600 personnes ont manifesté le 2 février.", "2019-02-02"),
        ("Le 5 février, jour de grève, 137 000 personnes ont défilé en France.", "2019-02-05"),
        ("Jeudi 7 février, 3 000 personnes ont manifesté à Paris.", "2019-02-07"),
        ("58 600 personnes ont manifesté le 2 février, a dit samedi le ministère.", "2019-02-02"),
        ("Samedi, 51 400 manifestants, contre 58 600 manifestants le 2 février.", None),
        ("Ils étaient 58 600 manifestants le 2 février, selon le ministère.", "2019-02-02"),
        ("58 600 personnes ont manifesté dans toute la France le 2 février.", "2019-02-02"),
        ("58 600 personnes ont manifesté, le 2 février, selon le ministère.", "2019-02-02"),
        ("La police a interpellé 1 700 personnes le 8 décembre.", "2018-12-08"),
        ("Samedi, 51 400 personnes ont manifesté, soit moins que le 2 février.", None),
        ("Samedi, 51 400 personnes ont manifesté à l'appel du collectif créé le 30 janvier.", None),
        ("80 000 personnes ont manifesté samedi, une semaine après l'acte du 2 février.", None),
        ("Un rassemblement, déclaré le 1er février, a réuni 2 000 personnes samedi.", None),
        (
            "Depuis le début du mouvement, le 17 novembre, 2 000 personnes ont été blessées.",
            RUNNING_TOTAL,
        ),
        ("Entre le 17 novembre et le 15 janvier, 5 600 personnes ont été interpellées.", None),
        ("En tout, 1 700 personnes ont été interpellées du 17 novembre au 8 décembre.", None),
        ("Environ 2 000 personnes ont défilé, à l'appel lancé le 5 février.", None),
        ("Au moins 300 personnes ont manifesté contre la réforme lancée le 5 février.", None),
        ("300 personnes ont marché samedi pour Zineb, tuée le 2 décembre.", None),
        ("Quelque 3 000 personnes, qui avaient manifesté le 2 février, sont revenues.", None),
        ("58 600 personnes ont été interpellées à Paris le 2 février.", "2019-02-02"),
        ("51 400 manifestants samedi contre 58 600 il y a une semaine.", None),
        ("Au plus fort de la manifestation, 5 000 personnes étaient présentes.", None),
        ("Au plus fort du mouvement, 282 000 personnes avaient manifesté.", "past"),
        # The pluperfect tells of an earlier moment, unless a time makes it a tally by then.
        ("En décembre, 136 000 personnes avaient manifesté dans toute la France.", "past"),
        ("L'acte I, qui avait réuni 282 000 personnes, reste le plus suivi.", "past"),
        ("À 20h, 39 personnes avaient été interpellées à Paris.", None),
        ("Le mois dernier, 5 000 personnes ont manifesté à Lyon.", "past"),
        # Not the pluperfect of the count's verb.
        ("Il y avait quelque 3 000 manifestants à Bordeaux.", None),
        ("La manifestation, qui avait lieu à Nantes, a réuni 3 000 personnes.", None),
        ("Selon la CGT, qui avait appelé à manifester, 3 000 manifestants ont défilé.", None),
        ("Au total, 1 723 personnes avaient été interpellées samedi en France.", None),
        ("Les manifestations ont réuni 136 000 personnes lors des deux derniers samedis.", "past"),
    ],
)  # fmt: skip
def test_a_count_names_its_own_day_only_by_its_verb_or_opening_its_sentence(
    text: str, day: str | None
) -> None:
    """In a story of Saturday 9 February: a day beside the count but of something else (a
    comparison, a founding, a period) leaves it the story's."""
    figure = figures_of(text, published="2019-02-09")[0]
    assert figure.day == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Ils étaient une centaine samedi à Mons, contre 400 lors du premier rassemblement.",
            "past",
        ),
        (
            "Ils étaient 300 ce samedi à Mons, contre 500 lors du rassemblement précédent.",
            "earlier",
        ),
        # The story's own first gathering is the story's day.
        ("Ils étaient 300 ce samedi à Mons, et 500 pour leur premier rassemblement à Liège.", None),
    ],
)
def test_a_gathering_named_as_the_first_or_the_previous_is_another_day(
    text: str, day: str | None
) -> None:
    first, second = figures_of(text, published="2019-02-09")
    assert (first.day, second.day) == (None, day)


@pytest.mark.parametrize(
    "days",
    [
        ("2019-02-09", "2019-02-09", "2019-02-11"),
        ("2019-02-09", "2019-02-11", "2019-02-11"),
    ],
)
def test_an_article_out_days_later_reports_the_story_s_day(days: tuple[str, ...]) -> None:
    """'Samedi' two days on is still the story's day: one claim, not two."""
    text = "Samedi, 51 400 personnes ont manifesté en France, selon le ministère de l'Intérieur."
    articles = dated_story(*((text, day) for day in days))
    (claim,) = [c for c in story_claims(articles) if c.key.startswith("figure|participants")]
    assert {s.article for v in claim.values for s in v.sources} == {"a0", "a1", "a2"}


def test_a_preview_days_before_does_not_move_the_story_s_day() -> None:
    """Thursday's strike figure, told in Saturday's story, stays Thursday's."""
    articles = dated_story(
        ("Les gilets jaunes appellent à manifester samedi dans toute la France.", "2019-02-07"),
        (
            "Samedi, 51 400 manifestants ont défilé en France. Jeudi 7 février, 137 000 "
            "manifestants avaient défilé en France à l'appel de la CGT.",
            "2019-02-09",
        ),
        ("Samedi, 51 400 manifestants ont défilé en France.", "2019-02-10"),
    )
    keys = {c.key: c for c in story_claims(articles) if c.key.startswith("figure|participants")}
    assert keys["figure|participants|national|"].status == "agreed"
    assert "figure|participants|national|2019-02-07" in keys


def test_a_figure_set_against_another_takes_its_day_unless_another_clause_opens() -> None:
    contrast = figures_of(
        "Samedi, 51 400 manifestants ont défilé en France, contre 58 600 manifestants le 2 "
        "février. Le 2 février, 60 000 personnes avaient manifesté ; samedi, alors que le "
        "mouvement revendique 20 000 manifestants, la police en comptait moins.",
        published="2019-02-09",
    )
    assert only(contrast, 58600).day == "2019-02-02"
    assert only(contrast, 60000).day == "2019-02-02"
    assert only(contrast, 20000).day is None


@pytest.mark.parametrize(
    "text",
    [
        "Selon la police, 5 000 personnes ont défilé, alors que la CGT en annonce 20 000 "
        "manifestants.",
        "Selon la police, 5 000 personnes ont défilé, alors que la CGT, elle, en revendique "
        "20 000 manifestants.",
        "Selon la police, 5 000 personnes ont défilé, alors que sur les réseaux, la CGT "
        "revendique 20 000 manifestants.",
        "La police a compté 5 000 manifestants, alors que la CGT, quant à elle, revendique "
        "20 000 manifestants.",
        "La police a compté 5 000 manifestants, tandis que la CGT, pour sa part, en annonce "
        "20 000 manifestants.",
    ],
)
def test_a_contrast_clause_s_source_is_its_subject_s_name(text: str) -> None:
    assert only(figures_of(text), 20000).attributed_to == "la CGT"


def test_a_contrast_clause_with_an_unnamed_subject_gives_no_source() -> None:
    """Not the source its figure is set against."""
    text = "La police a compté 5 000 manifestants, alors que certains évoquent 20 000 manifestants."
    assert only(figures_of(text), 20000).attributed_to is None


def test_a_part_and_a_contrast_are_of_the_whole_count_s_day() -> None:
    figures = figures_of(
        "Selon le ministère, 58 600 personnes ont manifesté le 2 février, dont 8 000 à Paris, "
        "alors que le mouvement en revendiquait 116 000 manifestants.",
        published="2019-02-09",
    )
    assert {f.count.value: f.day for f in figures} == dict.fromkeys(
        [58600, 8000, 116000], "2019-02-02"
    )


@pytest.mark.parametrize(
    ("text", "value", "not_source"),
    [
        (
            "Alors que la CGT revendique une forte mobilisation, la préfecture a compté 5 000 "
            "manifestants à Paris.",
            5000,
            "la CGT",
        ),
        (
            "Tandis que le gouvernement annonce de nouvelles mesures, 10 000 personnes ont "
            "manifesté à Paris.",
            10000,
            "le gouvernement",
        ),
        (
            "Selon la police, 5 000 personnes ont défilé, alors qu'ils comptent 9 000 "
            "manifestants.",
            9000,
            "ils",
        ),
    ],
)
def test_a_contrast_clause_gives_no_source_to_a_count_outside_it(
    text: str, value: float, not_source: str
) -> None:
    assert only(figures_of(text), value).attributed_to != not_source


def test_a_clause_set_against_another_source_s_figure_gives_its_own_source() -> None:
    figures = figures_of(
        "Selon le ministère de l'Intérieur, ils étaient 51 400 manifestants pour ce samedi, "
        "alors qu'un comptage des « gilets jaunes » indique que ce sont 111 000 personnes "
        "sorties dans les rues de France. Selon la dernière source, ils étaient 123 440 "
        "manifestants samedi dernier. En Gironde, 5 000 manifestants ont défilé selon la "
        "préfecture, alors que les organisateurs revendiquent 12 000 manifestants."
    )
    assert only(figures, 51400).attributed_to == "le ministère de l'Intérieur"
    assert only(figures, 111000).attributed_to == "un comptage des « gilets jaunes »"
    assert only(figures, 123440).attributed_to == "un comptage des « gilets jaunes »"
    assert only(figures, 5000).attributed_to == "la préfecture"
    assert only(figures, 12000).attributed_to == "les organisateurs"
    # The verb, not a noun spelt alike ('le compte'), gives the source.
    facebook = figures_of(
        "La police a compté 5 000 manifestants, alors que le compte Facebook du mouvement "
        "indique 20 000 manifestants."
    )
    assert only(facebook, 20000).attributed_to == "le compte Facebook du mouvement"
    # 'Cette source' after another sentence may be whoever was named last: it is left as said.
    other = figures_of(
        "Selon la police, 5 000 personnes ont défilé. La CGT a dénoncé des violences. Selon "
        "cette source, 300 personnes ont été blessées."
    )
    assert only(other, 300).attributed_to == "cette source"


def test_the_earlier_day_an_echo_leaves_unnamed_is_the_one_the_story_names() -> None:
    """'Comme la semaine précédente' names no day; 'samedi dernier', placed from the story's
    day in an undated article, does: both figures are of 12 January, and differ."""
    articles = dated_story(
        (
            "Quelque 84 000 gilets jaunes ont manifesté samedi en France, comme la semaine "
            "précédente, selon le ministère de l'Intérieur.",
            "2019-01-19",
        ),
        (
            "Les gilets jaunes manifestaient samedi en France. Samedi dernier, 80 000 "
            "manifestants avaient été recensés en France.",
            None,
        ),
    )
    (claim,) = [c for c in story_claims(articles) if c.key.endswith("|2019-01-12")]
    assert sorted(v.number or 0 for v in claim.values) == [80000, 84000]


def test_each_count_cites_its_own_source_and_the_same_source_is_followed() -> None:
    figures = figures_of(
        "Ils étaient 1 200 manifestants selon la préfecture, 3 000 selon l'intersyndicale. "
        "Huit personnes ont été blessées selon la même source."
    )
    assert only(figures, 1200).attributed_to == "la préfecture"
    assert only(figures, 3000).attributed_to == "l'intersyndicale"
    assert only(figures, 8).attributed_to == "l'intersyndicale"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Mardi, 1 200 personnes selon la préfecture ont défilé entre le site et la mairie "
            "de la commune.",
            "la préfecture",
        ),
        (
            "Samedi, selon la préfecture du Rhône, 4 000 manifestants ont défilé.",
            "la préfecture du Rhône",
        ),
        (
            "On comptait 3 000 manifestants selon le cabinet Occurrence, samedi à Paris.",
            "le cabinet Occurrence",
        ),
    ],
)
def test_a_cited_source_is_named_without_the_verb_after_it(text: str, source: str) -> None:
    (figure,) = figures_of(text)
    assert figure.attributed_to == source


def test_a_body_named_in_the_sentence_gives_the_figure() -> None:
    found = only(
        figures_of("Le ministère de l'Intérieur a recensé 17 400 personnes à mi-journée."), 17400
    )
    assert found.attributed_to == "le ministère de l'Intérieur"
    assert found.when == "à mi-journée"


def test_counts_of_the_country_and_of_its_capital_are_two_claims_across_articles() -> None:
    texts = [
        "Selon le ministère de l'Intérieur, 84 000 gilets jaunes ont manifesté en France "
        "samedi, dont 7 000 à Paris.",
        "Samedi, 27 000 personnes défilaient à travers la France en début d'après-midi, selon "
        "des chiffres officiels. À Paris, 7 000 manifestants ont défilé.",
        "Plus de 84 000 personnes ont manifesté samedi, selon les autorités.",
    ]
    articles = story_of(texts)
    figures = {c.label: c for c in story_claims(articles) if c.key.startswith("figure|")}
    country = figures["participants — place: France"]
    assert {v.shown: {s.article for s in v.sources} for v in country.values} == {
        "84 000": {"a0", "a2"},
        "27 000": {"a1"},
    }
    assert country.status == "by_source"  # the ministry's figure, the official figures
    (capital,) = [c for label, c in figures.items() if "Paris" in label]
    assert [v.shown for v in capital.values] == ["7 000"]
    assert capital.status == "agreed"


def test_figures_at_different_times_of_day_are_not_a_dispute() -> None:
    claim = Claim("k", "event", "participants")
    claim.add(stated(17400, "a1", when="à mi-journée"))
    claim.add(stated(58600, "a2", when="en fin de journée"))
    assert claim.status == "by_time"
    claim.add(stated(70000, "a3", when="en fin de journée"))
    assert claim.status == "disputed"


def test_counts_at_other_times_stay_out_of_a_dispute_between_two_of_one_moment() -> None:
    claim = claim_of(
        stated(82, "a1", when="à 15H30"), stated(115, "a2", when="peu après 18 h"), stated(63, "a3")
    )
    assert claim.status == "by_time"
    # Two day's counts without a time disagree; the interim ones take no part.
    claim.add(stated(70, "a4"))
    assert claim.status == "disputed"


def test_a_time_in_another_clause_leaves_a_pluperfect_count_of_an_earlier_moment() -> None:
    figures = figures_of(
        "À 20h, 3 000 manifestants défilaient à Lyon, alors qu'en novembre 282 000 personnes "
        "avaient manifesté.",
        published="2019-02-09",
    )
    assert only(figures, 282000).day == "past"


@pytest.mark.parametrize(
    ("when", "other", "status"),
    [("vers midi", "à midi", "disputed"), ("avant 18h", "après 18 heures", "by_time")],
)
def test_times_of_day_are_compared_as_moments(when: str, other: str, status: str) -> None:
    assert claim_of(stated(3000, "a1", when=when), stated(5000, "a2", when=other)).status == status


def test_an_interim_count_with_its_time_does_not_contradict_the_day_s_count() -> None:
    # 'A 14h00, 3 000 à Paris' against the day's '5 000 à Paris'; an article that leaves
    # out the time the others give the same figure says no other time.
    claim = claim_of(
        stated(3000, "a1", when="A 14h00"), stated(3000, "a2"), stated(5000, "a3", "a4")
    )
    assert claim.status == "by_time"
    # 'à 17h00' and 'vers 17 heures' are one moment: two figures for it disagree.
    claim.add(stated(7000, "a5", when="à 17h00"))
    claim.add(stated(9000, "a6", when="vers 17 heures"))
    assert claim.status == "disputed"


def test_the_time_of_a_count_is_read_as_agency_copy_writes_it() -> None:
    figures = figures_of("A 14h00, quelque 3 000 personnes manifestaient à Paris.")
    assert only(figures, 3000).when == "A 14h00"


def test_a_headline_figure_is_read_as_the_text_is() -> None:
    record = analyze_text(
        "Partout en France, des milliers de manifestants ont défilé samedi.",
        title="Gilets jaunes : 27.000 personnes dans les rues de Paris pour le dixième samedi",
    )
    linked = linked_ids(record)
    names = {linked[e.id]: e.name for e in record.entities}
    headline = only(list(article_figures(record, linked, names, "France")), 27000)
    assert (headline.group, headline.place) == ("participants", "Paris")
    assert headline.count.text == "27.000 personnes"


@pytest.mark.parametrize(
    ("text", "value", "group", "place"),
    [
        (
            "Quelque 96 tombes ont été découvertes profanées à Quatzenheim.",
            96,
            "graves",
            "Quatzenheim",
        ),
        (
            "Mardi soir, 5 000 foyers étaient encore privés d'électricité en Charente-Maritime.",
            5000,
            "households",
            "Charente-Maritime",
        ),
        (
            "Une vingtaine de voitures ont été incendiées à Strasbourg dans la nuit.",
            20,
            "vehicles",
            "Strasbourg",
        ),
        (
            "Trois maisons ont été emportées par la crue à Carcassonne.",
            3,
            "buildings",
            "Carcassonne",
        ),
        (
            "Environ 10 000 policiers seront mobilisés à Paris samedi.",
            10000,
            "security forces",
            "Paris",
        ),
        ("Dix-sept policiers ont été blessés à Paris.", 17, "injured", "Paris"),
        ("Près de 400 habitants ont été évacués à Trèbes.", 400, "evacuated", "Trèbes"),
    ],
)
def test_things_and_forces_are_counted_by_their_noun(
    text: str, value: float, group: str, place: str
) -> None:
    found = only(figures_of(text), value)
    assert (found.group, found.place) == (group, place)


@pytest.mark.parametrize(
    ("text", "value", "place"),
    [
        (
            "Emmanuel Macron a visité le cimetière de Quatzenheim (Bas-Rhin) où 96 tombes ont "
            "été découvertes profanées.",
            96,
            "Quatzenheim",
        ),
        (
            "Il a visité Quatzenheim (Bas-Rhin) où 96 tombes ont été profanées le jour où la "
            "France se mobilisait.",
            96,
            "Quatzenheim",
        ),
        ("À Carcassonne (Aude), 400 manifestants ont défilé.", 400, "Carcassonne"),
        (
            "Les pluies ont frappé Trèbes, dans l'Aude, où six personnes sont mortes.",
            6,
            "Trèbes",
        ),
        (
            "Le président s'est rendu à Quatzenheim, dans l'est de la France, où plus de 80 "
            "tombes ont été profanées.",
            80,
            "Quatzenheim",
        ),
        ("On comptait 2 000 manifestants à Lyon et 1 500 à Grenoble.", 1500, "Grenoble"),
        (
            "Des heurts ont éclaté à Toulouse, au Havre, où 200 personnes ont été interpellées.",
            200,
            "Havre",
        ),
    ],
)
def test_a_place_that_says_where_another_is_does_not_take_its_count(
    text: str, value: float, place: str
) -> None:
    assert only(figures_of(text), value).place == place


def test_a_count_with_no_place_is_of_the_one_place_the_story_counts_for() -> None:
    articles = story_of(
        [
            "De même source, peu avant 14h00, dix personnes avaient été interpellées.",
            "À 20h, 39 personnes avaient été interpellées à Paris, selon la préfecture.",
        ]
    )
    (arrests,) = [c for c in story_claims(articles) if c.key.startswith("figure|arrests|")]
    assert arrests.label == "arrests — place: Paris"
    assert {v.shown: {s.article for s in v.sources} for v in arrests.values} == {
        "10": {"a0"},
        "39": {"a1"},
    }


def test_a_noun_the_lexicon_does_not_know_makes_no_claim() -> None:
    articles = story_of(
        ["Le suspect a reçu cinq coups de couteau.", "La victime a reçu six coups de couteau."]
    )
    assert not [c for c in story_claims(articles) if c.key.startswith("figure|")]


def test_two_figures_of_one_article_are_no_dispute() -> None:
    claim = Claim("k", "event", "habitant")
    claim.add(Value("6 000", number=6000, sources=[Source("a1", None)]))
    claim.add(Value("350", number=350, sources=[Source("a1", None)]))
    assert claim.status == "single"
    # Another article gives one of the two: it contradicts neither.
    claim.add(Value("350", number=350, sources=[Source("a2", None)]))
    assert claim.status == "alongside"
    # A third gives a figure neither of the others gives, and none of theirs.
    claim.add(Value("9 000", number=9000, sources=[Source("a3", None)]))
    assert claim.status == "disputed"


def test_figures_orders_of_magnitude_apart_count_different_things() -> None:
    articles = story_of(
        [
            "Quelque 136 000 personnes ont défilé en France samedi.",
            "En France, huit personnes ont entamé une grève de la faim samedi.",
            "Samedi, 30 000 personnes ont défilé en France selon les syndicats.",
        ]
    )
    national = [c for c in story_claims(articles) if c.key.startswith("figure|participants|")]
    assert sorted([v.shown for v in c.values] for c in national) == [["30 000", "136 000"], ["8"]]
    crowd = next(c for c in national if len(c.values) == 2)
    assert crowd.status == "disputed"


def test_a_stray_small_figure_does_not_chain_magnitudes_into_one_dispute() -> None:
    national = Claim("figure|participants|national|", "event", "participants — place: France")
    for value in [
        stated(58_600, "a", "b", "c"),
        stated(17_400, "d"),
        stated(5_400, "e"),  # a town's march read as the country's
        stated(600, "f"),
    ]:
        national.add(value)
    runs = [[v.shown for v in c.values] for c in by_magnitude(national)]
    assert runs == [["17400", "58600"], ["600", "5400"]]
    # A run spans tenfold at most, on both sides of the figure most articles state.
    town = Claim("figure|participants|Lyon|", "event", "participants — place: Lyon")
    for value in [stated(5_000, "a", "b"), stated(600, "c"), stated(45_000, "d")]:
        town.add(value)
    assert [[v.shown for v in c.values] for c in by_magnitude(town)] == [
        ["600", "5000"],
        ["45000"],
    ]


def test_a_total_is_not_of_the_place_of_its_part() -> None:
    articles = story_of(
        [
            "Samedi, 50 000 manifestants ont défilé, dont 8 000 à Paris.",
            "Samedi, 8 000 manifestants ont défilé à Paris.",
        ]
    )
    figures = {c.label: c for c in story_claims(articles) if c.key.startswith("figure|")}
    paris = figures["participants — place: Paris"]
    assert [(v.shown, len(v.sources)) for v in paris.values] == [("8 000", 2)]
    assert paris.status == "agreed"


def test_a_breakdown_of_a_count_is_none_of_its_figures() -> None:
    breakdown = figures_of(
        "Selon un recensement, il y aurait eu 168 blessés à la tête, 11 blessés à la main, "
        "9 blessés au dos et 41 blessés aux jambes."
    )
    assert breakdown == []
    by_town = figures_of(
        "On a compté 8 000 manifestants à Paris, 5 000 manifestants à Lyon et 4 000 "
        "manifestants à Bordeaux samedi."
    )
    assert {f.place for f in by_town} == {"Paris", "Lyon", "Bordeaux"}
    two_sources = figures_of(
        "Le collectif a compté 20 blessés à Nantes, la préfecture 2 blessés seulement."
    )
    assert sorted(f.count.value for f in two_sources) == [2, 20]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le ministère recense 1.400 blessés depuis le 17 novembre.", 1400),
        ("Au total, 4.500 interpellations ont été réalisées depuis le 17 novembre.", 4500),
        ("Depuis le début du mouvement, 5 600 personnes ont été placées en garde à vue.", 5600),
        ("Au total, 1 700 manifestants ont été blessés depuis le lancement du mouvement.", 1700),
        ("On compte 4523 interpellations sur tout le territoire depuis l'acte 1.", 4523),
        ("Le terrorisme a fait 246 morts en France depuis 2015.", 246),
        ("Dix personnes sont mortes depuis la mi-novembre en marge des blocages.", 10),
        ("Plus de 2 000 personnes ont été blessées depuis trois semaines.", 2000),
    ],
)
def test_a_count_since_a_start_long_before_is_a_running_total(text: str, value: float) -> None:
    assert only(figures_of(text, published="2018-12-16"), value).day == RUNNING_TOTAL


@pytest.mark.parametrize(
    "text",
    [
        "La police a procédé à une centaine d'interpellations depuis samedi matin à Paris.",
        "Quinze personnes ont été interpellées depuis mercredi soir, selon la préfecture.",
    ],
)
def test_a_count_since_a_start_within_the_day_is_the_day_s(text: str) -> None:
    assert all(f.day is None for f in figures_of(text, published="2018-12-16"))


def test_a_running_total_does_not_contradict_the_day_s_count() -> None:
    DAY = "2018-12-09"
    story = dated_story(
        ("Samedi, 1 220 personnes ont été interpellées en France, selon le ministère.", DAY),
        (
            "Samedi, 1 220 personnes ont été interpellées en France, selon le ministère, qui "
            "compte 4 500 interpellations depuis le 17 novembre.",
            DAY,
        ),
    )
    claims = story_claims(story)
    statuses = {c.key.split("|")[3]: c.status for c in claims if c.key.startswith("figure|arr")}
    assert statuses == {"": "agreed", RUNNING_TOTAL: "single"}


def test_a_running_total_no_larger_than_a_plain_count_is_a_total_as_it_is() -> None:
    story = dated_story(
        (
            "Les personnes auditionnées par la commission d'enquête depuis fin juillet, plus "
            "d'une vingtaine, ont prêté serment.",
            None,
        ),
        ("Le rapport a été établi après six mois de travaux, 40 personnes entendues.", None),
    )
    (claim,) = [c for c in story_claims(story) if c.key.startswith("figure|heard")]
    assert sorted(v.number or 0 for v in claim.values) == [20, 40]
    # Two stages of a count that grows, not a dispute.
    assert claim.status == "by_time"


def test_a_city_s_adjective_keeps_its_count_out_of_the_country_s() -> None:
    story = dated_story(
        (
            "Samedi, 263 personnes ont été blessées en France. À Paris, 133 personnes ont été "
            "blessées.",
            "2018-12-02",
        ),
        ("Samedi, la manifestation parisienne a fait 133 blessés.", "2018-12-02"),
    )
    statuses = {
        c.label: c.status for c in story_claims(story) if c.key.startswith("figure|injured")
    }
    assert statuses == {"injured — place: France": "single", "injured — place: Paris": "agreed"}


@pytest.mark.parametrize(
    ("text", "value", "group"),
    [
        ("Les terroristes ont tué 130 personnes et blessé plus de 350 autres.", 130, "dead"),
        ("La police a interpellé 40 personnes et blessé deux manifestants.", 40, "arrests"),
        ("L'explosion a blessé 12 personnes et tué un passant.", 12, "injured"),
    ],
)
def test_the_verb_before_people_gives_their_group_not_the_next_count_s(
    text: str, value: float, group: str
) -> None:
    assert only(figures_of(text), value).group == group


@pytest.mark.parametrize(
    "text",
    [
        "Un arrêté interdisant tout rassemblement de plus de cinq personnes a été pris.",
        "Les rassemblements de plus de 1 000 personnes sont interdits dans la capitale.",
        "La préfecture a interdit toute manifestation de plus de 50 personnes.",
        "Il sera interdit de se rassembler à plus de 5 personnes dans le centre-ville.",
        "Le décret interdit de se réunir à plus de dix personnes sur la voie publique.",
    ],
)
def test_a_bound_on_the_size_of_any_gathering_counts_no_one(text: str) -> None:
    assert figures_of(text) == []


def test_the_size_of_one_gathering_is_a_count() -> None:
    figures = figures_of("Un rassemblement de plus de 5 000 personnes a eu lieu samedi à Paris.")
    assert only(figures, 5000).group == "participants"
    figures = figures_of("Ils étaient plus de 5 000 à se rassembler samedi à Paris.")
    assert only(figures, 5000).group == "participants"


@pytest.mark.parametrize(
    "text",
    [
        "Au total, 316 gilets jaunes sont en prison, selon le ministère de la Justice.",
        "Depuis novembre, 316 gilets jaunes ont été incarcérés, selon le ministère.",
    ],
)
def test_who_is_in_prison_is_jailed_not_marching(text: str) -> None:
    assert only(figures_of(text), 316).group == "jailed"


def test_marchers_for_prisoners_are_marchers() -> None:
    figures = figures_of("Samedi, 800 manifestants solidaires des détenus ont défilé à Lyon.")
    assert only(figures, 800).group == "participants"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Quelque 80.000 policiers et gendarmes seront mobilisés samedi en France. Ils "
            "seront 5.000 à Paris.",
            "security forces",
        ),
        (
            "Quelque 8 000 manifestants ont défilé samedi. Ils étaient 5 000 à Paris.",
            "participants",
        ),
        # What befell people is not who they are: 'ils' are the marchers.
        (
            "Au total, 25 personnes ont été interpellées. Ils étaient 5 000 à manifester.",
            "participants",
        ),
    ],
)
def test_they_count_the_people_the_count_before_counts(text: str, group: str) -> None:
    assert only(figures_of(text), 5000).group == group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Au total, 316 manifestants ont défilé, selon la garde des Sceaux.", "participants"),
        ("Au total, 316 gilets jaunes sont en prison, selon la garde des Sceaux.", "jailed"),
    ],
)
def test_a_title_with_an_outcome_s_word_tells_nothing_of_a_count(text: str, group: str) -> None:
    assert only(figures_of(text), 316).group == group


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Dans la matinée, 30 personnes avaient été interpellées à Paris.", "Dans la matinée"),
        ("Samedi soir, 130 personnes étaient en garde à vue à Paris.", "Samedi soir"),
        ("Dans l'après-midi, 8 000 manifestants défilaient à Paris.", "Dans l'après-midi"),
    ],
)
def test_a_part_of_the_day_said_in_words_is_the_count_s_time(text: str, when: str) -> None:
    (found,) = figures_of(text)
    assert found.when == when


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Les forces de l'ordre ont procédé à 157 interpellations samedi à Paris, bien loin "
            "des 581 interpellés et 423 gardés à vue de samedi dernier.",
            {157: None, 581: EARLIER, 423: EARLIER},
        ),
        (
            "On est donc loin des 598 interpellations et 475 gardes à vue annoncées la semaine "
            "dernière.",
            {598: EARLIER, 475: EARLIER},
        ),
    ],
)
def test_an_earlier_day_after_a_list_of_counts_is_each_one_s(
    text: str, values: dict[float, str | None]
) -> None:
    assert {f.count.value: f.day for f in figures_of(text)} == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Près de 10 000 manifestants sont attendus samedi à Valence.", 10000),
        ("Quelque 24.000 personnes ont annoncé leur participation sur Facebook.", 24000),
        ("Sur Facebook, la manifestation suscitait l'intérêt de quelque 700 personnes.", 700),
    ],
)
def test_a_forecast_or_a_sign_up_is_no_turnout(text: str, value: float) -> None:
    assert only(figures_of(text), value).group == "expected"


@pytest.mark.parametrize(
    ("other", "status"),
    [
        ("Le cortège est parti de la gare de Charleroi.", "alongside"),
        ("Le cortège a traversé le centre de Namur.", "disputed"),
    ],
)
def test_unplaced_figures_of_articles_naming_other_places_are_side_by_side(
    other: str, status: str
) -> None:
    story = dated_story(
        ("Une cinquantaine de gilets jaunes ont défilé samedi. La marche a traversé Namur.", None),
        (f"Plus de 200 gilets jaunes ont défilé samedi. {other}", None),
    )
    (crowd,) = [c for c in story_claims(story) if c.key.startswith("figure|participants")]
    assert crowd.status == status


def test_sign_ups_read_on_two_days_are_stages_not_a_dispute() -> None:
    story = dated_story(
        (
            "Sur Facebook, près de 33.000 personnes ont annoncé leur participation à la marche "
            "pour le climat de dimanche à Bruxelles.",
            None,
        ),
        (
            "Pour ce dimanche, 24.000 personnes ont annoncé leur participation sur Facebook à la "
            "marche pour le climat à Bruxelles.",
            None,
        ),
    )
    (expected,) = [c for c in story_claims(story) if c.key.startswith("figure|expected")]
    assert expected.status == "by_time"


def test_an_article_s_running_total_is_one_wherever_it_repeats_it() -> None:
    story = dated_story(
        (
            "Le mouvement a fait 1 400 blessés. Au total, 1 400 personnes ont été blessées depuis "
            "le 17 novembre.",
            "2018-12-16",
        ),
        ("Samedi, 320 personnes ont été blessées en France.", "2018-12-16"),
    )
    days = {c.key.split("|")[3] for c in story_claims(story) if c.key.startswith("figure|inj")}
    assert days == {"", RUNNING_TOTAL}


def test_unplaced_counts_of_another_magnitude_than_the_country_s_are_not_its() -> None:
    story = dated_story(
        ("Samedi, 1 220 personnes ont été interpellées en France.", "2018-12-09"),
        (
            "Des heurts ont eu lieu aux abords du stade Mayol. Quatre personnes ont été "
            "interpellées.",
            "2018-12-09",
        ),
        ("Des pneus ont brûlé sur le rond-point. Deux personnes ont été interpellées.", None),
    )
    statuses = {
        tuple(v.shown for v in c.values): c.status
        for c in story_claims(story)
        if c.key.startswith("figure|arrests")
    }
    assert statuses == {("1 220",): "single", ("2", "4"): "alongside"}


def test_a_figure_ten_times_another_counts_another_thing() -> None:
    articles = story_of(
        [
            "Les États-Unis vont maintenir environ 200 soldats en Syrie.",
            "Washington a annoncé le retrait des quelque 2 000 soldats déployés en Syrie.",
        ]
    )
    soldiers = [c for c in story_claims(articles) if c.key.startswith("figure|security")]
    assert sorted([v.shown for v in c.values] for c in soldiers) == [["2 000"], ["200"]]


def test_the_verb_of_the_next_count_is_not_this_one_s_outcome() -> None:
    figures = figures_of(
        "Deux proches du jihadiste Radouane Lakdim, qui a tué quatre personnes dans le sud de "
        "la France, étaient toujours lundi en garde à vue."
    )
    assert [(f.count.value, f.group) for f in figures] == [(4, "dead")]


def test_texts_too_short_for_a_run_of_words_are_no_versions_of_one_dispatch() -> None:
    long = (
        "Des heurts ont opposé samedi des gilets jaunes aux forces de l'ordre sur les "
        "Champs-Élysées, où des barricades ont été dressées et des véhicules incendiés."
    )
    articles = dated_story((long, None), (long, None), (long, None), (long, None))
    # Words too short to count ('Il le dit.'), or none, make no run.
    for number, text in enumerate(["Il le dit.", ""]):
        record = articles[number].record.model_copy(update={"text": text})
        articles[number] = replace(articles[number], record=record)
    assert dispatch_versions(articles) == {frozenset({"a2", "a3"})}


def test_a_figure_updated_between_two_versions_of_one_dispatch_is_no_dispute() -> None:
    dispatch = (
        "Des heurts ont opposé samedi des gilets jaunes aux forces de l'ordre sur les "
        "Champs-Élysées, où des barricades ont été dressées et des véhicules incendiés. "
        "Dans la capitale, {} manifestants ont défilé, selon la préfecture de police, "
        "qui a déployé des blindés pour la première fois depuis des décennies."
    )
    first = dated_story((dispatch.format("8 000"), "2018-12-09"), (dispatch.format("10 000"), None))
    (crowd,) = [c for c in story_claims(first) if c.key.startswith("figure|participants")]
    assert crowd.status == "by_time"
    # Another outlet's own account of the day is another source: the figures disagree.
    other = "Samedi, 5 000 manifestants ont défilé dans la capitale, selon la préfecture."
    both = dated_story(
        (dispatch.format("8 000"), "2018-12-09"),
        (dispatch.format("10 000"), None),
        (other, None),
    )
    (crowd,) = [c for c in story_claims(both) if c.key.startswith("figure|participants")]
    assert crowd.status == "disputed"


def test_a_toll_given_with_no_time_grows_rather_than_disputes() -> None:
    story = dated_story(
        ("Samedi, 18 personnes ont été interpellées à Paris.", "2018-12-09"),
        ("Samedi, 52 personnes ont été interpellées à Paris.", "2018-12-09"),
    )
    (arrests,) = [c for c in story_claims(story) if c.key.startswith("figure|arrests")]
    assert arrests.status == "by_time"
    # Two tolls said at one time of day are two accounts of one moment.
    story = dated_story(
        ("À 20h, 39 personnes avaient été interpellées à Paris.", "2018-12-09"),
        ("La préfecture recensait à 20h00 45 interpellations dans la capitale.", "2018-12-09"),
    )
    (arrests,) = [c for c in story_claims(story) if c.key.startswith("figure|arrests")]
    assert arrests.status == "disputed"


@pytest.mark.parametrize(
    ("text", "value", "group"),
    [
        ("Au total, 135 personnes ont été blessées, dont 17 policiers.", 17, "injured"),
        (
            "Huit personnes ont été blessées - dont deux gendarmes - selon le ministère.",
            2,
            "injured",
        ),
        (
            "Samedi, 8 000 manifestants ont défilé en France, dont 500 militants.",
            500,
            "participants",
        ),
        ("Des heurts ont éclaté samedi et 300 policiers blessés ont été évacués.", 300, "injured"),
    ],
)
def test_a_part_befalls_what_its_whole_did(text: str, value: float, group: str) -> None:
    assert only(figures_of(text), value).group == group


def test_a_clause_opened_by_dont_is_no_part() -> None:
    figures = figures_of(
        "Douze personnes ont été placées en garde à vue après la manifestation, dont les "
        "organisateurs revendiquaient 5 000 participants."
    )
    assert only(figures, 5000).group == "participants"


def test_a_chronology_entry_dates_the_counts_of_its_line() -> None:
    figures = figures_of(
        "Chronologie.\n"
        "8 décembre : « Acte IV ». Par crainte de nouvelles violences, 89 000 policiers et "
        "gendarmes ont été déployés. Ils ont procédé à plus de 1700 interpellations.\n"
        "15 décembre : « Acte V ». Quelque 69 000 policiers ont été mobilisés.",
        published="2018-12-16",
        story_day=date(2018, 12, 16),
    )
    assert {f.count.value: f.day for f in figures} == {
        89000: "2018-12-08",
        1700: "2018-12-08",
        69000: None,
    }


@pytest.mark.parametrize(
    ("text", "value", "group", "day"),
    [
        (
            "Environ 5 000 manifestants ont défilé à Paris, moins qu'attendu.",
            5000,
            "participants",
            None,
        ),
        (
            "Des rassemblements de plus de 5 000 personnes ont eu lieu à Paris.",
            5000,
            "participants",
            None,
        ),
        (
            "Au total, 1 200 personnes ont été interpellées depuis le début de la journée.",
            1200,
            "arrests",
            None,
        ),
        ("Le mouvement a fait 300 blessés depuis une semaine.", 300, "injured", RUNNING_TOTAL),
    ],
)
def test_turnout_a_day_s_tally_and_a_week_s_total_read_as_such(
    text: str, value: float, group: str, day: str | None
) -> None:
    found = only(figures_of(text, published="2018-12-16"), value)
    assert (found.group, found.day) == (group, day)
