"""Harm done to named people, on real French news phrasings, with the real spaCy model; and
outlets that tell one person's harm differently, compared across a story."""

from __future__ import annotations

import pytest

from conftest import analyze_text, dated_story
from recoupe.stories.claims import story_claims


def harms_of(text: str) -> list[tuple[str | None, str, str | None, str | None]]:
    record = analyze_text(text)
    return [(h.person.text, h.outcome, h.weapon, h.wound) for h in record.harms]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Ce sont des blessures qui mutilent », a affirmé Antonio, un des organisateurs de "
         "la marche, lui-même blessé par une grenade GLI-F4.",
         ("Antonio", "injured", "grenade GLI-F4", None)),
        ("« Ce sont des blessures », a affirmé Antonio, un des organisateurs de la marche et "
         "lui-même blessé par une grenade assourdissante.",
         ("Antonio", "injured", "grenade assourdissante", None)),
        ("Le cortège a réservé un accueil de rock star au « gilet jaune » Jérôme Rodrigues, "
         "gravement blessé à l'oeil droit le 26 janvier.",
         ("Jérôme Rodrigues", "injured", None, "oeil droit")),
        ("Jérôme Rodrigues a été blessé à l'oeil par un tir de LBD samedi.",
         ("Jérôme Rodrigues", "injured", "tir de LBD", "oeil")),
        ("Roger, 50 ans, a été tué par un camion à Visé.",
         ("Roger", "killed", "camion", None)),
        ("Le jeune homme, Lucas Martin, a été grièvement blessé à la main par une grenade de "
         "désencerclement samedi à Bordeaux.",
         ("Lucas Martin", "injured", "grenade de désencerclement", "main")),
        ("Selon sa famille, Maxime Durand, blessé à la tête par un tir de LBD, est toujours "
         "hospitalisé.",
         ("Maxime Durand", "injured", "tir de LBD", "tête")),
        ("Thomas Petit a été tué par balle mardi soir.", ("Thomas Petit", "killed", "balle", None)),
        ("Le gendarme Arnaud Beltrame a été mortellement blessé au cou par l'assaillant.",
         ("Arnaud Beltrame", "injured", None, "cou")),
        ("Les policiers ont blessé Paul Leroy à la jambe.",
         ("Paul Leroy", "injured", None, "jambe")),
        ("Marie Durand a été touchée au visage par un pavé lancé par un manifestant.",
         ("Marie Durand", "injured", "pavé", "visage")),
        ("Antonio a salué Jérôme Rodrigues, blessé à l'œil.",
         ("Jérôme Rodrigues", "injured", None, "œil")),
        ("Pierre Lamy a été blessé à Nantes par des policiers par un tir de LBD.",
         ("Pierre Lamy", "injured", "tir de LBD", None)),
        ("Thomas Petit a été tué par deux balles.", ("Thomas Petit", "killed", "balles", None)),
        ("Jérôme Rodrigues a été blessé à un oeil par un projectile alors qu'il se trouvait "
         "face aux forces de l'ordre.",
         ("Jérôme Rodrigues", "injured", "projectile", "oeil")),
        ("Alexandre Strens a été touché par une balle de revolver tandis que Dominique Sabrier "
         "a été atteinte.",
         ("Alexandre Strens", "injured", "balle de revolver", None)),
        ("Le policier Xavier Jugelé a été tué par balle et deux autres blessés sur les "
         "Champs-Elysées.",
         ("Xavier Jugelé", "killed", "balle", None)),
    ],
)  # fmt: skip
def test_harm_to_a_named_person(
    text: str, expected: tuple[str, str, str | None, str | None]
) -> None:
    assert harms_of(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Le député François Ruffin, touché par ce témoignage, a pris la parole.",
        "L'entreprise Renault, atteinte par la crise, supprime des postes.",
        "Emmanuel Macron, blessé dans son orgueil, a répliqué.",
        "Ces mesures ont touché Marie Curie.",
        "Arrivé sur place, le pompier Julien Moreau a secouru un homme blessé à la jambe.",
        "Un manifestant, blessé à l'œil par un tir de LBD, a porté plainte contre Christophe "
        "Castaner.",
        "Les gilets jaunes, blessés par des grenades, ont défilé à Paris.",
        "Emmanuel Macron a rendu hommage au gendarme, tué par balle.",
        "Jean Dupont a poignardé sa voisine et blessé son fils au bras.",
        "Selon Christophe Castaner, 13 personnes ont été blessées à l'œil.",
        "Le tireur a fait feu, touchant Luc Martin à une jambe.",
    ],
)
def test_no_harm_to_a_name_where_none_is_told(text: str) -> None:
    """Moved, hit by a crisis, hurt in one's pride; an unnamed man hurt beside a named one."""
    assert harms_of(text) == []


def test_the_day_of_a_harm_points_at_the_articles_date() -> None:
    record = analyze_text(
        "Jérôme Rodrigues, gravement blessé à l'oeil droit le 26 janvier, a été acclamé.",
        published="2019-02-02",
    )
    (harm,) = record.harms
    assert next(d.value for d in record.dates if d.id == harm.date) == "2019-01-26"


ANTONIO = (
    "« Ce sont des blessures », a affirmé Antonio, un des organisateurs de la marche, "
    "lui-même blessé par une grenade{}."
)


@pytest.mark.parametrize(
    ("second", "status", "shown"),
    [
        (" assourdissante", "disputed", {"grenade GLI-F4", "grenade assourdissante"}),
        ("", "agreed", {"grenade GLI-F4"}),
    ],
)
def test_outlets_naming_another_weapon_disagree_and_one_saying_less_agrees(
    second: str, status: str, shown: set[str]
) -> None:
    # Another outlet's own words, not a version of the first's dispatch.
    other = (
        "« Ce sont des blessures », a dit Antonio, l'un des organisateurs, lui-même touché par "
        "une grenade{} samedi."
    )
    articles = dated_story((ANTONIO.format(" GLI-F4"), "2019-02-02"), (other.format(second), None))
    (weapon,) = [c for c in story_claims(articles) if c.key.endswith("|weapon")]
    assert weapon.status == status
    assert {v.shown for v in weapon.values} == shown


def test_an_undated_outlet_giving_another_month_for_an_injury_is_a_dispute() -> None:
    text = "Le cortège a accueilli Jérôme Rodrigues, gravement blessé à l'oeil droit le 26 {}."
    articles = dated_story((text.format("février"), "2019-03-02"), (text.format("janvier"), None))
    claims = {
        c.key.rsplit("|", 1)[1]: c for c in story_claims(articles) if c.key.startswith("harm")
    }
    assert claims["date"].status == "disputed"
    assert {v.shown: [s.article for s in v.sources] for v in claims["date"].values} == {
        "2019-02-26": ["a0"],
        "2019-01-26": ["a1"],
    }
    assert claims["wound"].status == "agreed"
