"""Stories and claims on real data: the gold story grouping, the demo's four outlets, and
the seed article beside two others that date Musk's departure differently."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from sqlalchemy import select
from sqlalchemy.orm import Session

from conftest import SEED, SHARED, analyze_text, claim_of, dated_story, stated, story_of
from recoupe.demo import story_samples
from recoupe.ingest import Ingestion
from recoupe.read import RawDoc, read_inputs
from recoupe.render import render_story
from recoupe.store import open_database
from recoupe.store.records import linked_ids
from recoupe.store.schema import ArticleRow
from recoupe.stories.agreement import dates_agree, numbers_agree
from recoupe.stories.claims import StoryArticle, story_claims
from recoupe.stories.features import ArticleFeatures, features_of, lead_weekdays, text_minhash
from recoupe.stories.grouping import StoryIndex
from recoupe.stories.occasions import occasion_numbers
from recoupe.stories.scoring import b_cubed
from recoupe.stories.upkeep import rebuild_stories
from recoupe.stories.views import story_list, story_view

GOLD_STORIES = SHARED / "gold" / "stories" / "dev.json"


def ingest_docs(url: str, docs: list[RawDoc]) -> None:
    outcomes = [done.outcome for done in Ingestion(open_database(url)).run(docs)]
    assert set(outcomes) == {"stored"}, outcomes


def only_story(url: str) -> dict[str, Any]:
    with Session(open_database(url)) as session:
        (summary,) = story_list(session)
        view = story_view(session, summary["id"])
    assert view is not None
    return view


def claim(view: dict[str, Any], section: str, words: str) -> dict[str, Any]:
    found = [c for c in view[section] if words in c["fact"]]
    assert len(found) == 1, (words, [c["fact"] for c in view[section]])
    return found[0]


def outlets_of(value: dict[str, Any]) -> set[str]:
    return {s["outlet"] for s in value["sources"]}


def test_rounding_and_approximation_agree_and_other_years_do_not() -> None:
    assert numbers_agree(97e9, False, 97.4e9, False)
    assert numbers_agree(100e9, True, 97.4e9, False)
    assert numbers_agree(106_000, False, 106_301, False)
    assert not numbers_agree(450e6, False, 540e6, False)
    assert not numbers_agree(8_000, False, 10_000, False)
    assert dates_agree("2018", "2018-03") and not dates_agree("2018", "2019")


@pytest.mark.parametrize(
    ("approximate", "other", "agree"),
    [
        (84_000, 84_500, True),  # 'quelque 84 000'
        (84_000, 80_000, False),  # another count, not a rounding of it
        (80_000, 84_000, True),  # 'plus de 80 000'
        (1_200, 1_250, True),  # 'environ 1 200'
        (1_200, 1_000, False),
        (10, 12, False),  # 'une dizaine'
    ],
)
def test_an_approximate_figure_agrees_within_a_step_of_its_last_digit(
    approximate: float, other: float, agree: bool
) -> None:
    assert numbers_agree(approximate, True, other, False) is agree
    assert numbers_agree(other, False, approximate, True) is agree


def test_a_loose_figure_agreeing_with_two_others_does_not_merge_them() -> None:
    """'plus de 80 000' agrees with '80 000' and with 'quelque 84 000', which disagree: it
    joins the nearer, and the two stay a dispute (exact figures come first, as the story's
    claims add them)."""
    exact, loose, about = stated(80_000, "a"), stated(80_000, "b", "c"), stated(84_000, "d", "e")
    loose.approximate = about.approximate = True
    for order in [(exact, loose, about), (exact, about, loose)]:
        claim = claim_of(*(replace(v, sources=list(v.sources)) for v in order))
        groups = {frozenset(s.article for s in v.sources) for v in claim.values}
        assert groups == {frozenset("abc"), frozenset("de")}
        assert claim.status == "disputed"
    merged = claim_of(replace(loose), replace(about))
    assert [v.shown for v in merged.values] == ["80000"]


@pytest.fixture(scope="module")
def demo_story(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    samples = resources.files("recoupe").joinpath("samples").joinpath("story")
    with resources.as_file(samples) as folder:
        ingest_docs(url, story_samples(Path(folder)))
    return only_story(url)


def test_demo_articles_are_one_story_from_four_outlets(demo_story: dict[str, Any]) -> None:
    assert demo_story["articles"] == 4 and len(demo_story["outlets"]) == 4


def test_demo_offer_amount_is_disputed_with_its_sources(demo_story: dict[str, Any]) -> None:
    amount = claim(demo_story, "disputed", "acquisition offer")
    by_value = {v["value"]: outlets_of(v) for v in amount["values"]}
    assert by_value["540 000 000 EUR"] == {"La Gazette de l'industrie"}
    assert "Le Courrier du Rhône" in by_value["450 000 000 EUR"]


def test_demo_march_date_is_disputed_with_its_sources(demo_story: dict[str, Any]) -> None:
    march = claim(demo_story, "disputed", "demonstration")
    by_value = {v["value"]: outlets_of(v) for v in march["values"]}
    assert by_value["2026-03-04"] == {"La Gazette de l'industrie"}
    assert "Agence Presse Hexagone" in by_value["2026-03-03"]


def test_demo_turnout_differs_by_source_not_in_dispute(demo_story: dict[str, Any]) -> None:
    turnout = claim(demo_story, "by_source", "participants")
    attributions = {
        v["value"]: {s.get("attributed_to") for s in v["sources"]} for v in turnout["values"]
    }
    assert "la préfecture" in attributions["1 200"]
    assert "l'intersyndicale" in attributions["3 000"]


def test_demo_reworded_quote_and_name_spellings(demo_story: dict[str, Any]) -> None:
    (quote,) = [q for q in demo_story["quotes"] if "Marchand" in q["fact"]]
    wordings = {v["value"]: outlets_of(v) for v in quote["values"]}
    assert wordings["Nous ne laisserons pas fermer le site sans nous battre"] == {
        "Agence Presse Hexagone"
    }
    assert len(wordings["Nous ne laisserons pas fermer ce site sans nous battre"]) == 3
    (names,) = demo_story["names"]
    assert {v["value"] for v in names["values"]} == {"Ludovic Perrault", "Ludovic Perreault"}


OTHER_REPORTS = [
    "Elon Musk, qui a cofondé OpenAI avant de quitter l'entreprise en 2019, a proposé lundi "
    "près de 100 milliards de dollars pour racheter OpenAI. Sam Altman, le patron d'OpenAI, a "
    "rejeté l'offre du consortium mené par Elon Musk.",
    "Le consortium d'Elon Musk a proposé lundi de racheter OpenAI pour 97,4 milliards de "
    "dollars. Musk avait quitté OpenAI en 2019 et a fondé xAI depuis. Sam Altman a refusé "
    "l'offre, selon le Wall Street Journal.",
]


def test_seed_departure_year_is_disputed_and_the_bid_agreed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'musk.db'}"
    seed = RawDoc(name="seed", content=SEED.read_bytes(), is_html=False, published="2025-02-11")
    others = [
        RawDoc(
            name=f"other-{i}",
            content=text,
            is_html=False,
            published="2025-02-11",
            outlet=f"Outlet {i}",
        )
        for i, text in enumerate(OTHER_REPORTS, start=1)
    ]
    ingest_docs(url, [seed, *others])
    view = only_story(url)
    departure = claim(view, "disputed", "departure")
    years = {v["value"]: {s["article"] for s in v["sources"]} for v in departure["values"]}
    assert set(years) == {"2018", "2019"} and len(years["2019"]) == 2
    offer = [c for c in view["agreed"] if c["fact"].startswith("acquisition offer")]
    amounts = [c for c in offer if c["fact"].endswith("amount")]
    assert amounts and len(amounts[0]["values"]) == 1


def test_story_grouping_on_the_gold_stories(tmp_path: Path) -> None:
    gold_data = json.loads(GOLD_STORIES.read_text())
    gold = {a: s["id"] for s in gold_data["stories"] for a in s["articles"]}
    gold |= {a: f"alone-{a}" for a in gold_data["others"]}
    with gzip.open(SHARED / "corpora" / "fr-news.jsonl.gz", "rt", encoding="utf-8") as stream:
        rows = [row for line in stream if (row := json.loads(line))["id"] in gold]
    batch = tmp_path / "stories.jsonl"
    batch.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    url = f"sqlite:///{tmp_path / 'stories.db'}"
    engine = open_database(url)
    outcomes = [d.outcome for d in Ingestion(engine).run(read_inputs([str(batch)]))]
    assert outcomes.count("stored") == len(gold)
    with engine.connect() as connection:
        found = dict(connection.exec_driver_sql("SELECT id, story_id FROM articles").all())
    precision, recall, f1 = b_cubed(gold, found)
    print(f"B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    assert f1 >= 0.85
    with Session(engine) as session, session.begin():
        rebuild_stories(session)
    with engine.connect() as connection:
        rebuilt = dict(connection.exec_driver_sql("SELECT id, story_id FROM articles").all())
    assert rebuilt == found


def test_half_a_step_rounds_either_way_and_decimals_round_too() -> None:
    assert numbers_agree(2.45e6, False, 2.5e6, False) and numbers_agree(2.45e6, False, 2.4e6, False)
    assert numbers_agree(0.345, False, 0.34, False)
    assert not numbers_agree(2.45e6, False, 2.6e6, False)


def test_a_figure_of_one_significant_digit_rounds_nothing_unless_approximate() -> None:
    # "80.000 manifestants avaient été recensés" and the ministry's 84 000.
    assert not numbers_agree(80_000, False, 84_000, False)
    assert not numbers_agree(2.5e6, False, 3e6, False)
    assert not numbers_agree(0.34, False, 0.3, False)
    assert numbers_agree(80_000, True, 84_000, False)
    assert numbers_agree(3e6, False, 3.001e6, False)


def test_two_figures_from_one_source_are_disputed_whatever_else_is_said() -> None:
    prefecture, organisers = "la préfecture", "les organisateurs"
    disputed = claim_of(
        stated(1200, "a1", by=prefecture),
        stated(1500, "a2", by=prefecture),
        stated(3000, "a3", by=organisers),
    )
    assert disputed.status == "disputed"
    by_source = claim_of(stated(1200, "a1", by=prefecture), stated(3000, "a3", by=organisers))
    assert by_source.status == "by_source"


def test_figures_each_article_gives_beside_a_shared_one_are_side_by_side() -> None:
    # Both articles give 10 500 and 27 000 (two counts, neither attributed): no dispute.
    two_counts = claim_of(stated(10_500, "a1", "a2"), stated(27_000, "a1", "a2"))
    assert two_counts.status == "alongside"
    # Both give the prefecture's 10 500, but the union's count differs: a dispute.
    unions = claim_of(
        stated(10_500, "a1", by="la préfecture"),
        stated(27_000, "a1", by="la CGT"),
        stated(10_500, "a2", by="la préfecture"),
        stated(40_000, "a2", by="la CGT"),
    )
    assert unions.status == "disputed"
    # One article gives only 22, the others only 130: a dispute.
    custody = claim_of(stated(22, "a1"), stated(130, "a2", "a3"), label="custody")
    assert custody.status == "disputed"


def test_text_from_articles_is_shown_as_written_not_as_markup() -> None:
    view = {
        "title": "Grève [en direct] : la RATP",
        "articles": 2,
        "outlets": ["[bold]Le Matin"],
        "disputed": [{"fact": "quote [/b]", "values": [{"value": "« [/b] »", "sources": []}]}],
        "by_source": [],
        "by_time": [],
        "alongside": [],
        "agreed": [],
        "single": [],
        "quotes": [],
        "names": [],
        "timeline": [],
    }
    console = Console(record=True, width=120)
    render_story(view, console)
    shown = console.export_text()
    assert "Grève [en direct] : la RATP" in shown and "« [/b] »" in shown
    assert "[bold]Le Matin" in shown


def test_one_quote_is_grouped_whoever_each_outlet_says_spoke() -> None:
    words = (
        "L'accord de Paris est fondamentalement mauvais car il provoque une hausse des prix "
        "de l'énergie pour les pays responsables"
    )
    texts = [
        f"« {words} », a tweeté Donald Trump lundi.",
        f"« {words}, tout en donnant un blanc-seing aux pires pollueurs », a écrit le "
        "locataire de la Maison Blanche.",
    ]
    articles = story_of(texts)
    (quote,) = [c for c in story_claims(articles) if c.kind == "quote"]
    assert quote.status == "variants"
    speakers = {s.attributed_to for v in quote.values for s in v.sources}
    assert "Donald Trump" in speakers and len(speakers) == 2


ATTACK_REPORTS = [
    "Un homme armé a tué trois personnes vendredi à Trèbes, dans l'Aude, après avoir "
    "pris des otages dans un supermarché Super U. Le lieutenant-colonel Arnaud Beltrame "
    "s'est substitué à une otage. Le procureur François Molins a ouvert une enquête pour "
    "assassinats en relation avec une entreprise terroriste. Radouane Lakdim a été abattu "
    "lors de l'assaut du GIGN au Super U de Trèbes.",
    "La prise d'otages du Super U de Trèbes, dans l'Aude, a fait trois morts. Le "
    "lieutenant-colonel Arnaud Beltrame s'est substitué à une otage avant l'assaut du GIGN, "
    "au cours duquel Radouane Lakdim a été abattu. Le procureur François Molins a ouvert "
    "une enquête pour assassinats en relation avec une entreprise terroriste. Depuis les "
    "attentats du 13 novembre 2015, la France vit sous la menace ; le 13 novembre 2015, "
    "130 personnes avaient été tuées à Paris.",
]


def test_an_undated_article_joins_its_story_whatever_past_day_it_recalls(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'trebes.db'}"
    dated = RawDoc(name="dated", content=ATTACK_REPORTS[0], is_html=False, published="2018-03-23")
    undated = RawDoc(name="undated", content=ATTACK_REPORTS[1], is_html=False)
    ingest_docs(url, [dated, undated])
    with Session(open_database(url)) as session:
        (story,) = story_list(session)
    assert story["articles"] == 2


DISPATCH_TITLE = "Agriculteurs en colère : 12.000 tracteurs sur les routes samedi, dont 900 à Lyon"
DISPATCH_VERSIONS = [
    # The morning version: one city's blockade.
    "Des files de tracteurs bloquaient samedi matin les accès au centre de Lyon, où les "
    "exploitants ont déversé du fumier et des pneus devant la préfecture du Rhône. « On ne "
    "lâchera rien tant que les normes ne seront pas simplifiées », a lancé Paul Ferrand, "
    "éleveur de 41 ans venu de la Dombes avec son voisin. Les bouchons atteignaient douze "
    "kilomètres sur l'autoroute A7 vers midi, et la circulation des trams restait coupée "
    "place Bellecour. Les commerçants de la Presqu'île ont baissé leurs rideaux plus tôt.",
    # The evening version: the national toll, rewritten from top to bottom.
    "La mobilisation paysanne s'est étendue à tout le pays : 12.000 engins agricoles ont été "
    "recensés par le ministère de l'Agriculture, contre 7.500 la semaine précédente. Le "
    "syndicat majoritaire promet de nouvelles actions si le gouvernement ne recule pas sur la "
    "jachère et le prix du gazole non routier. En Bretagne, des silos ont été bâchés ; en "
    "Occitanie, des panneaux d'entrée de village retournés. Le Premier ministre recevra les "
    "représentants des filières mardi à Matignon.",
]


def test_versions_of_one_dispatch_under_its_title_are_one_story(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dispatch.db'}"
    versions = [
        RawDoc(name=f"v{n}", content=text, is_html=False, id=f"v{n}", title=DISPATCH_TITLE)
        for n, text in enumerate(DISPATCH_VERSIONS)
    ]
    # One version says when it was published, the other does not.
    versions[0] = replace(versions[0], published="2024-02-03")
    # The same title a month later heads another Saturday's news; it is known to be later
    # than the dated version only, so it must not join through the undated one either.
    later = RawDoc(
        name="later",
        id="later",
        content="Les éleveurs ont à nouveau bloqué la rocade de Toulouse samedi.",
        is_html=False,
        title=DISPATCH_TITLE,
        published="2024-03-02",
    )
    ingest_docs(url, [*versions, later])
    with Session(open_database(url)) as session:
        story_of = dict(session.execute(select(ArticleRow.id, ArticleRow.story_id)).all())
    assert len(story_of) == 3
    assert story_of["v0"] == story_of["v1"] != story_of["later"]


def test_a_title_is_compared_on_its_words_that_say_something() -> None:
    def features(title: str, published: str | None = None) -> ArticleFeatures:
        record = analyze_text("Les manifestants se sont dispersés dans le calme.", title=title)
        record = record.model_copy(update={"id": title + str(published), "published": published})
        return features_of(record, linked_ids(record))

    saturday = features("Ce qu'il faut retenir de la journée de samedi", "2024-02-03")
    assert saturday.title == {"faut", "retenir", "journee", "samedi"}
    index = StoryIndex()
    index.add(saturday, index.decide(saturday))
    # Another day's round-up shares three of five words once stop words are left out.
    assert index.same_title(features("Ce qu'il faut retenir de la journée de dimanche")) == []
    # The same title is one dispatch the next day, not two days later.
    again = "Ce qu'il faut retenir de la journée de samedi"
    assert index.same_title(features(again, "2024-02-04")) == [saturday.article_id]
    assert index.same_title(features(again, "2024-02-05")) == []


# One affair, two episodes: the arrest told by two outlets, the trial two days later.
ARREST_REPORTS = [
    "Marc Lavigne, maire de Saint-Arnoult, a été interpellé mercredi matin à son domicile et "
    "placé en garde à vue dans une enquête pour corruption et favoritisme, a-t-on appris "
    "auprès du parquet de Rennes. Les enquêteurs de la police judiciaire le soupçonnent "
    "d'avoir attribué des marchés publics de voirie à une entreprise dirigée par son "
    "beau-frère, pour un montant de 2,3 millions d'euros. Son bureau à la mairie a été "
    "perquisitionné dans la matinée. Élu depuis 2014, Marc Lavigne avait été réélu au "
    "premier tour en 2020. Son avocat, Me Hélène Cardon, n'a pas souhaité réagir.",
    "Le maire de Saint-Arnoult, Marc Lavigne, a été placé en garde à vue mercredi, soupçonné "
    "de corruption et de favoritisme dans l'attribution de marchés de voirie, selon le "
    "parquet de Rennes. Les policiers se sont présentés à son domicile à l'aube, puis ont "
    "fouillé son bureau à l'hôtel de ville. L'entreprise qui a remporté ces marchés, pour "
    "2,3 millions d'euros, est dirigée par le beau-frère de l'élu. Dans la commune, "
    "l'opposition municipale réclame sa démission.",
]
TRIAL_REPORT = (
    "Dix-huit mois de prison avec sursis et cinq ans d'inéligibilité ont été requis vendredi "
    "contre Marc Lavigne, jugé pour corruption devant le tribunal correctionnel de Rennes. À "
    "la barre, le maire de Saint-Arnoult a nié toute malversation et assuré n'avoir jamais "
    "favorisé l'entreprise de son beau-frère. La procureure a dénoncé « un système » installé "
    "depuis des années à la mairie. Son avocate, Me Hélène Cardon, a plaidé la relaxe. Le "
    "jugement sera rendu le 14 mars."
)


def test_a_later_episode_of_an_affair_is_another_story(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'affair.db'}"
    texts = {"arrest-1": ARREST_REPORTS[0], "arrest-2": ARREST_REPORTS[1], "trial": TRIAL_REPORT}
    docs = [RawDoc(name=i, id=i, content=text, is_html=False) for i, text in texts.items()]
    ingest_docs(url, docs)
    with Session(open_database(url)) as session:
        story_of = dict(session.execute(select(ArticleRow.id, ArticleRow.story_id)).all())
    assert story_of["arrest-1"] == story_of["arrest-2"] != story_of["trial"]


@pytest.mark.parametrize(
    ("text", "weekdays"),
    [
        ("Eric Drouet a été interpellé mercredi soir près des Champs-Elysées. Samedi, il", {2}),
        ("M. Drouet a été jugé vendredi à Paris. Il avait été arrêté mercredi.", {4}),
        ("Les manifestants, qui défilent chaque samedi, étaient 5 000 dimanche à Lyon.", {6}),
        ("Le marché se tient le mardi et le vendredi sur la place.", set()),
        ("Le samedi 12 janvier, 84 000 personnes ont manifesté.", {5}),
        ("La cour d'appel a ordonné mercredi le maintien en détention.", {2}),
        ("Les gilets jaunes ont rendu hommage à leurs blessés.", set()),
    ],
)
def test_a_lead_names_the_weekday_of_its_event_not_habits(text: str, weekdays: set[int]) -> None:
    assert lead_weekdays(text, "fr") == weekdays


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("pour le douzième samedi de mobilisation", {("day", 12): 1}),
        ("l'Acte XII des gilets jaunes, puis l'acte 13", {("day", 12): 1, ("day", 13): 1}),
        ("la 8e journée de grève et le 2ème tour", {("day", 8): 1, ("round", 2): 1}),
        ("au vingt-et-unième samedi de manifestations", {("day", 21): 1}),
        ("le deuxième samedi, la XIVe étape", {("day", 2): 1, ("round", 14): 1}),
        ("le second tour", {("round", 2): 1}),
        # Not occasions: a century, other weekdays, beginnings, articles before a weekday
        # ("Le", "Ce" are no Roman fifty or hundred), a title.
        ("au XIXe siècle, la même semaine, un autre samedi", {}),
        ("les quatre premiers jours, dès le premier jour, réélu au premier tour", {}),
        ("Ce samedi, les manifestants. Le samedi 12 janvier. Le Tour de France", {}),
        ("Le Premier ministre", {}),
    ],
)
def test_numbered_occasions_are_read_in_words_digits_and_roman_numerals(
    text: str, numbers: dict[tuple[str, int], int]
) -> None:
    assert occasion_numbers(text, "fr") == numbers


def test_two_outlets_numbering_one_saturday_differently_share_its_number() -> None:
    def features(text: str) -> ArticleFeatures:
        record = analyze_text(text)
        return features_of(record, linked_ids(record))

    acte = features("L'acte XII des gilets jaunes a rassemblé 58 600 personnes samedi.")
    douzieme = features("Pour leur douzième samedi de mobilisation, les gilets jaunes ont défilé.")
    assert acte.terms["occasion:day:12"] == douzieme.terms["occasion:day:12"] == 1


def test_a_story_is_found_through_the_terms_that_weigh_most_not_the_rarest() -> None:
    def article(article_id: str, terms: dict[str, int]) -> ArticleFeatures:
        words = sorted(terms)
        return ArticleFeatures(article_id, Counter(terms), None, text_minhash(words))

    index = StoryIndex()
    story = {"entity:benalla": 5, "entity:senat": 3, "commission": 2, "rapport": 2}
    for n in range(2):
        index.add(article(f"benalla-{n}", story), index.decide(article(f"benalla-{n}", story)))
    # Many other stories, each sharing one word that appears nowhere else.
    others = [f"mot{n}" for n in range(40)]
    for word in others:
        index.add(article(word, {word: 1, "divers": 1}), index.decide(article(word, {word: 1})))
    new = article("benalla-new", {**story, **dict.fromkeys(others, 1)})
    assert index.story_of["benalla-0"] in index.candidates(index.vector(new), new)


def test_stories_out_of_the_window_take_no_candidate_place() -> None:
    def article(article_id: str, terms: list[str], day: str) -> ArticleFeatures:
        return ArticleFeatures(article_id, Counter(terms), day, text_minhash(terms))

    index = StoryIndex()
    shared = ["entity:lavigne", "entity:rennes", "corruption"]
    # A dozen earlier episodes of the affair, ten days apart, share all three terms.
    for n in range(12):
        day = (date(2023, 9, 1) + timedelta(days=10 * n)).isoformat()
        old = article(f"old-{n}", [*shared, f"episode{n}"], day)
        index.add(old, index.decide(old))
    assert len(index.members) == 12
    arrest = article("arrest", ["entity:lavigne", "garde"], "2024-03-09")
    index.add(arrest, index.decide(arrest))
    new = article("new", [*shared, "garde"], "2024-03-10")
    assert index.candidates(index.vector(new), new) == {"s-arrest"}


def test_one_name_the_recogniser_types_differently_is_one_party() -> None:
    first, second = story_of(
        [
            "Le groupe Serrandis a proposé lundi 450 millions d'euros pour racheter Valrhône.",
            "Lundi, le groupe Serrandis a proposé 450 millions d'euros pour racheter le "
            "chocolatier Valrhône, a annoncé la direction.",
        ]
    )
    # The next outlet's account: another figure, and the bidder typed otherwise by the model.
    retyped = second.record.model_copy(
        update={
            "entities": [
                e.model_copy(update={"type": "MISC" if e.type == "ORG" else e.type})
                for e in second.record.entities
            ],
            "amounts": [a.model_copy(update={"value": 540e6}) for a in second.record.amounts],
        }
    )
    linked = linked_ids(retyped)
    assert set(linked.values()) != set(first.linked.values())
    names = {linked[e.id]: e.name for e in retyped.entities}
    claims = story_claims([first, StoryArticle(retyped, linked, names)])
    (amount,) = [
        c for c in claims if c.label.startswith("acquisition offer") and "amount" in c.label
    ]
    assert amount.status == "disputed"
    assert sorted(v.number or 0 for v in amount.values) == [450e6, 540e6]


def test_an_undated_articles_weekday_is_placed_from_its_storys_day() -> None:
    articles = dated_story(
        ("Elon Musk a quitté OpenAI lundi, a confirmé la société.", "2025-02-11"),
        ("Elon Musk a quitté OpenAI lundi, selon la société.", None),
    )
    assert articles[1].record.dates == [] and articles[1].record.relative_dates
    (departure,) = [c for c in story_claims(articles) if c.key.startswith("departure")]
    assert departure.status == "agreed"
    assert [(v.shown, len(v.sources)) for v in departure.values] == [("2025-02-10", 2)]


def test_an_undated_article_can_dispute_a_day_once_its_story_places_it() -> None:
    articles = dated_story(
        ("Elon Musk a quitté OpenAI le 26 février, a confirmé la société.", "2025-03-02"),
        ("Elon Musk a quitté OpenAI le 26 janvier, selon la société.", None),
    )
    (departure,) = [c for c in story_claims(articles) if c.key.startswith("departure")]
    assert departure.status == "disputed"
    assert {v.shown: [s.article for s in v.sources] for v in departure.values} == {
        "2025-02-26": ["a0"],
        "2025-01-26": ["a1"],
    }


def test_a_story_with_no_dated_article_counts_from_the_day_its_articles_name() -> None:
    articles = dated_story(
        ("Le samedi 12 janvier 2019, Elon Musk a quitté OpenAI.", None),
        ("Elon Musk a quitté OpenAI samedi, selon la société.", None),
    )
    (departure,) = [c for c in story_claims(articles) if c.key.startswith("departure")]
    assert [(v.shown, len(v.sources)) for v in departure.values] == [("2019-01-12", 2)]


def test_relative_dates_with_nothing_to_place_them_make_no_claim() -> None:
    articles = dated_story(("Elon Musk a quitté OpenAI lundi, selon la société.", None))
    assert not [c for c in story_claims(articles) if c.key.endswith("|date")]


@pytest.mark.parametrize(
    ("day", "other_day", "status"),
    [
        ("le samedi 12 janvier", "5", "alongside"),
        ("le samedi 12 janvier", "11", "disputed"),
        # A weekday is read from the publication day, which may be the report's.
        ("samedi", "11", "alongside"),
    ],
)
def test_days_a_week_apart_of_an_event_recurring_at_one_place_are_two_occasions(
    day: str, other_day: str, status: str
) -> None:
    """A demonstration in Paris recurs every Saturday: two Saturdays are no dispute, but two
    accounts of one, both with their day written out, are."""
    articles = dated_story(
        (f"Les gilets jaunes ont manifesté {day} à Paris.", "2019-01-13"),
        (f"Les gilets jaunes ont manifesté le {other_day} janvier à Paris.", None),
    )
    (day,) = [c for c in story_claims(articles) if c.key.startswith("demonstration")]
    assert day.status == status
    assert {v.shown for v in day.values} == {"2019-01-12", f"2019-01-{int(other_day):02d}"}


def test_days_one_article_writes_out_for_a_recurring_event_are_its_occasions() -> None:
    articles = dated_story(
        (
            "Les gilets jaunes ont manifesté le 5 janvier à Paris, puis le 8 janvier à Paris.",
            "2019-01-13",
        ),
        ("Les gilets jaunes ont manifesté samedi à Paris.", "2019-01-13"),
    )
    (day,) = [c for c in story_claims(articles) if c.key.startswith("demonstration")]
    assert day.status == "alongside"


def test_undated_copies_place_last_saturday_as_their_dated_copy_does() -> None:
    """One dispatch, dated and undated: 'samedi dernier' is the same day in every copy, the
    Saturday before the story's."""
    text = "Jérôme Rodrigues, gravement touché à l'œil droit samedi dernier, a été acclamé."
    articles = dated_story((text, "2019-02-02"), (text, None), (text, None))
    (day,) = [c for c in story_claims(articles) if c.key.endswith("|date")]
    assert {v.shown: len(v.sources) for v in day.values} == {"2019-01-26": 3}
