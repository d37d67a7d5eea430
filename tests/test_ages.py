"""People's ages and whose they are, on real phrasings, with the real model; and ages as
claims across the articles of a story."""

from __future__ import annotations

import pytest

from conftest import analyze_text
from recoupe.record import ArticleRecord
from recoupe.stories.claims import StoryArticle, Value, story_claims


def ages_of(record: ArticleRecord) -> list[tuple[str, int, int, str | None]]:
    names = {e.id: e.name for e in record.entities}
    return [
        (a.text, a.low, a.high, names.get(a.person.entity or "") or a.person.text)
        for a in record.ages
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pour rappel, Roger (49 ans) a été tué vendredi soir lors d'une manifestation à Visé.",
            [("49 ans", 49, 49, "Roger")],
        ),
        (
            "Jérôme Rodrigues, 39 ans, a été blessé à l'œil place de la Bastille.",
            [("39 ans", 39, 39, "Jérôme Rodrigues")],
        ),
        (
            "L’homme, âgé d’une cinquantaine d’années et connu des services de police, "
            "« parle d’explosifs ».",
            [("une cinquantaine d’années", 50, 59, "L’homme")],
        ),
        (
            "Âgé de 37 ans, Christophe Dettinger a été condamné à un an de prison ferme.",
            [("37 ans", 37, 37, "Christophe Dettinger")],
        ),
        (
            "La victime, un gilet jaune de 50 ans, participait à une action de blocage.",
            [("50 ans", 50, 50, "un gilet")],
        ),
        (
            "Une femme d'environ 60 ans a été blessée par une grenade.",
            [("environ 60 ans", 57, 63, "Une femme")],
        ),
        (
            "Le préfet est venu s'entretenir avec le quadragénaire.",
            [("quadragénaire", 40, 49, "le quadragénaire")],
        ),
        # A phrase set beside a name gives the named person's age, whatever its noun.
        (
            "L'assaillant, Radouane Lakdim, un Français d'origine marocaine de 25 ans, a mené "
            "ses attaques seul.",
            [("25 ans", 25, 25, "Radouane Lakdim")],
        ),
        (
            "L'auteur des attaques, Radouane Lakdim, un Français de 25 ans né au Maroc, a agi.",
            [("25 ans", 25, 25, "Radouane Lakdim")],
        ),
        (
            "À l'arrivée des gendarmes, un lieutenant-colonel de 45 ans, Arnaud Beltrame, s'est "
            "proposé comme otage.",
            [("45 ans", 45, 45, "Arnaud Beltrame")],
        ),
        (
            "Christophe Dettinger, un ancien boxeur de 37 ans, s'est rendu lundi à la police.",
            [("37 ans", 37, 37, "Christophe Dettinger")],
        ),
        (
            "« Le roi Macron donne des miettes », a indiqué à l'AFP Marcel Dupuis, un "
            "viticulteur de 49 ans.",
            [("49 ans", 49, 49, "Marcel Dupuis")],
        ),
        (
            "Le policier, un brigadier de 35 ans, a été blessé. Jean Martin, un retraité de 70 "
            "ans, témoigne.",
            [("35 ans", 35, 35, "un brigadier"), ("70 ans", 70, 70, "Jean Martin")],
        ),
        (
            "La police a arrêté un Français d'origine marocaine de 25 ans, Radouane Lakdim, "
            "vendredi.",
            [("25 ans", 25, 25, "Radouane Lakdim")],
        ),
        (
            "Jean Dupont, un agent de la RATP de 45 ans, a témoigné. Ahmed Hanachi, un "
            "Tunisien de 29 ans en situation irrégulière, a été abattu.",
            [("45 ans", 45, 45, "Jean Dupont"), ("29 ans", 29, 29, "Ahmed Hanachi")],
        ),
        # The name after the phrase, not the one before a comma that opens the clause; no
        # name that is a complement or one of two.
        (
            "Devant Emmanuel Macron, une retraitée de 70 ans, Marie Durand, a pris la parole.",
            [("70 ans", 70, 70, "Marie Durand")],
        ),
        (
            "Selon Christophe Castaner, un policier de 35 ans, blessé à la main, a été "
            "hospitalisé.",
            [("35 ans", 35, 35, "un policier")],
        ),
        (
            "Le fils de Jean Dupont, un garçon de 8 ans, a été blessé.",
            [("8 ans", 8, 8, "un garçon")],
        ),
        (
            "L'avocat de Redoine Faïd, 46 ans, a plaidé.",
            [("46 ans", 46, 46, "Redoine Faïd")],
        ),
        # Nationalities are people.
        (
            "Un Tunisien de 29 ans avait tué au couteau deux cousines à Marseille.",
            [("29 ans", 29, 29, "Un Tunisien")],
        ),
        (
            "Selon une source proche de l'enquête, il s'agit d'un Marocain d'une trentaine "
            "d'années.",
            [("une trentaine d'années", 30, 39, "un Marocain")],
        ),
    ],
)
def test_ages_and_whose_they_are(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert ages_of(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il a été condamné à 5 ans de prison ferme.",
        "En 2018, 20 ans après la catastrophe, rien n'a changé.",
        "Il travaille depuis 20 ans dans la plomberie, un contrat de 5 ans.",
        "La France célèbre le centenaire de l'armistice, il y a 100 ans.",
        "Le bail de 99 ans a été signé, pour une durée de 30 ans.",
        # Beside a name, a phrase of time ('un ami de 20 ans') or a clause of its own.
        "Jean Dupont, un ami de 20 ans, est venu le soutenir.",
        "Selon Jean Dupont, un délai de 10 ans est nécessaire pour rembourser.",
        "Emmanuel Macron, au terme d'un mandat de 5 ans, quittera l'Élysée.",
        "Jean Dupont, une amitié de 30 ans, est venu.",
        "Jean Martin et Marie Durand, un couple de 40 ans, ont été blessés.",
        # A language is no nationality.
        "Il a suivi des cours de chinois de 3 ans.",
    ],
)
def test_durations_are_no_ages(text: str) -> None:
    assert analyze_text(text).ages == []


def story_of_texts(*texts: str) -> list[StoryArticle]:
    articles = []
    for number, text in enumerate(texts):
        record = analyze_text(text).model_copy(update={"id": f"a{number}"})
        linked = {e.id: e.name for e in record.entities}
        articles.append(StoryArticle(record, linked, {name: name for name in linked.values()}))
    return articles


def test_two_ages_of_one_person_are_disputed_and_a_decade_agrees() -> None:
    articles = story_of_texts(
        "Pour rappel, Roger (49 ans) a été tué vendredi soir à Visé.",
        "Le gilet jaune Roger, 50 ans, a été tué vendredi soir à Visé.",
        "L'homme de 45 ans s'est rendu. L'homme, âgé d'une cinquantaine d'années, était armé.",
    )
    claims = {c.label: c for c in story_claims(articles)}
    roger = claims["age of Roger"]
    assert roger.status == "disputed"
    assert {v.shown: [s.article for s in v.sources] for v in roger.values} == {
        "49 ans": ["a0"],
        "50 ans": ["a1"],
    }
    # One article gives 'l'homme' two ages: two men, no claim about either.
    assert not [label for label in claims if "homme" in label]


def test_one_age_said_twice_agrees_and_ranges_agree_when_they_meet() -> None:
    articles = story_of_texts(
        "Jean Valjean, 45 ans, a été interpellé samedi à Lyon.",
        "Âgé de 45 ans, Jean Valjean nie les faits.",
    )
    (age,) = [c for c in story_claims(articles) if c.label == "age of Jean Valjean"]
    assert age.status == "agreed" and len(age.values) == 1 and len(age.values[0].sources) == 2
    forties, about_fifty = Value("quadragénaire", years=(40, 49)), Value("", years=(47, 53))
    assert forties.agrees(Value("45 ans", years=(45, 45)))
    assert not about_fifty.agrees(Value("45 ans", years=(45, 45)))


def test_an_unnamed_person_described_as_a_named_one_is_that_person() -> None:
    articles = story_of_texts(
        "Marcel Dufour, le militant de Dinant, est mort mardi soir. Marcel Dufour (61 ans) "
        "avait été renversé par un camion.",
        "La victime, un militant de 62 ans, bloquait la route nationale.",
        # 'un homme' could be anyone: the driver below is no one named.
        "Marcel Dufour, un homme de 61 ans, est mort. L'homme âgé de 45 ans qui conduisait le "
        "camion s'est rendu.",
    )
    claims = {c.label: c for c in story_claims(articles)}
    marcel = claims["age of Marcel Dufour"]
    assert marcel.status == "disputed"
    assert {v.shown: sorted(s.article for s in v.sources) for v in marcel.values} == {
        "61 ans": ["a0", "a2"],
        "62 ans": ["a1"],
    }


def test_someone_new_or_two_people_of_one_noun_are_not_the_named_person() -> None:
    articles = story_of_texts(
        "Le gendarme Pierre Martin, 44 ans, a été décoré à Carcassonne.",
        # 'un gendarme' brings someone new into the text.
        "Un gendarme de 29 ans a été légèrement blessé.",
        # One article gives 'le gendarme' two ages: two gendarmes, neither of them named.
        "Le gendarme de 31 ans est sorti de l'hôpital. Le gendarme de 52 ans a repris son service.",
    )
    claims = {c.label: c for c in story_claims(articles)}
    assert [v.shown for v in claims["age of Pierre Martin"].values] == ["44 ans"]


def test_someone_new_after_a_phrase_and_a_comma_is_no_apposition() -> None:
    articles = story_of_texts(
        "Le gendarme Pierre Martin, 44 ans, a été décoré à Carcassonne.",
        "Dans la soirée, un gendarme de 33 ans a été légèrement blessé.",
    )
    claims = {c.label: c for c in story_claims(articles)}
    assert [v.shown for v in claims["age of Pierre Martin"].values] == ["44 ans"]


def test_a_person_described_in_other_words_has_one_age_across_articles() -> None:
    articles = story_of_texts(
        "L'assaillant, Radouane Lakdim, un Français d'origine marocaine de 25 ans, a agi seul.",
        "L'auteur des trois attaques, Radouane Lakdim, un Français de 25 ans né au Maroc, a "
        "été abattu.",
    )
    (age,) = [c for c in story_claims(articles) if c.label == "age of Radouane Lakdim"]
    assert age.status == "agreed"
    assert [sorted(s.article for s in v.sources) for v in age.values] == [["a0", "a1"]]


def test_an_age_in_tens_reaches_to_the_end_of_its_decade() -> None:
    def age(text: str) -> Value:
        (found,) = analyze_text(text).ages
        return Value(found.text, years=(found.low, found.high))

    loose = age("Il s'agit d'un Marocain d'une trentaine d'années.")
    # A man of 36 is said to be 'd'une trentaine d'années'; one of 25 is not.
    assert loose.agrees(age("L'homme, âgé de 36 ans, était connu des services de police."))
    assert not loose.agrees(age("L'homme, âgé de 25 ans, était fiché S."))


def test_an_unnamed_person_is_one_only_where_articles_describe_them_alike() -> None:
    alike = story_of_texts(
        "Une jeune femme de 19 ans, fille de fromagers du village, a été tuée sur le coup.",
        "La victime, une jeune femme de 18 ans, fille d'un couple de fromagers, est morte.",
    )
    (age,) = [c for c in story_claims(alike) if c.label == "age of femme"]
    assert age.status == "disputed"
    apart = story_of_texts(
        "Un automobiliste a percuté mortellement une femme de 63 ans sur un barrage en Savoie.",
        "Une femme âgée de 45 ans a eu la cheville blessée par un véhicule à Nantes.",
    )
    (age,) = [c for c in story_claims(apart) if c.label == "age of femme"]
    assert age.status == "alongside"
