"""Cleaning scraped plain text: real debris from the shared corpora, and what must stay."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

import pytest

from recoupe.clean.text import clean_scraped_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_47b9b8c3e1646891.txt"
CORPUS = SHARED / "corpora" / "fr-news.jsonl.gz"
SEED_TITLE = (
    "Elon Musk propose 97 milliards de dollars pour racheter OpenAI, Sam Altman décline l’offre"
)
BODY = (
    "Le gouvernement a annoncé mardi une hausse des salaires, a indiqué le ministre. "
    "Les syndicats jugent la mesure insuffisante et appellent à manifester samedi."
)


def corpus_articles(limit: int) -> list[dict[str, str]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in islice(stream, limit)]


def body_of(*paragraphs: str, title: str | None = None) -> str:
    return clean_scraped_text("\n".join(paragraphs), title=title).text


# --- the seed ------------------------------------------------------------------------


def test_seed_title_body_and_author_from_the_biography() -> None:
    page = clean_scraped_text(SEED.read_text(encoding="utf-8"))
    assert page.title == SEED_TITLE
    assert page.text.startswith("Un consortium dirigé par Elon Musk")
    assert page.text.endswith("au sommet de la tech mondiale.")
    assert SEED_TITLE not in page.text
    assert "Journaliste, chroniqueur" not in page.text
    assert page.authors == ["Radouan Kourak"]


def test_paragraphs_are_separated_by_blank_lines() -> None:
    page = clean_scraped_text(SEED.read_text(encoding="utf-8"))
    assert "\n\n" in page.text
    assert "\n\n\n" not in page.text
    assert all(line.strip() for line in page.text.split("\n\n"))


# --- titles and their copies -----------------------------------------------------------


def test_a_given_title_removes_only_a_repeated_first_line() -> None:
    page = clean_scraped_text("Un titre de presse\n" + BODY, title="Un titre de presse")
    assert page.text == BODY
    lead = "Certains masquaient leur visage à l'aide de cache-cou"
    kept = clean_scraped_text(f"{lead}\n{BODY}", title="Hensies: une trentaine de gilets jaunes")
    assert kept.text.startswith(lead)
    assert kept.title == "Hensies: une trentaine de gilets jaunes"


@pytest.mark.parametrize(
    "caption",
    ["Grève à la SNCF-1", "Grève à la SNCF (2)", "Grève à la SNCF - photo", "GRÈVE À LA SNCF"],
)
def test_copies_of_the_title_with_a_caption_suffix_go(caption: str) -> None:
    page = clean_scraped_text(f"Grève à la SNCF\n{BODY}\n{caption}")
    assert page.title == "Grève à la SNCF"
    assert page.text == BODY


def test_a_paragraph_that_only_starts_like_the_title_stays() -> None:
    sentence = "Grève à la SNCF : les usagers de la ligne B attendent des réponses du ministre."
    assert sentence in clean_scraped_text(f"Grève à la SNCF\n{BODY}\n{sentence}").text


def test_a_single_paragraph_is_body_not_title() -> None:
    page = clean_scraped_text("Toulouse — Un agriculteur a découvert un crâne de mastodonte")
    assert page.title is None
    assert page.text.startswith("Toulouse —")


# --- debris lines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "debris",
    [
        '► Lire aussi: "Mehdi Nemmouche nous a dit la vérité"',
        "LIRE AUSSI: manifestation et blocage à Sclessin et Wandre, incident à l'aéroport de Liège",
        ">>> Lire: Le patronat veut une réduction des charges patronales",
        "Relire: Pourquoi les taux d'intérêt ne pourront pas remonter de sitôt...",
        "À lire aussi : Les Français et la réforme des retraites",
        "Voir aussi : notre dossier sur les retraites",
        "Partager sur Facebook",
        "Facebook Twitter LinkedIn E-mail",
        "Abonnez-vous à notre newsletter quotidienne",
        "Inscrivez-vous à notre newsletter",
        "Suivez-nous sur Twitter",
        "En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies.",
        "Publié le 12 mars 2024 à 10h05 Mis à jour le 12 mars 2024 à 11h",
        "Publié le 12/03/2024",
        "© AFP",
        "© AFP/ANNE CHRISTINE POUJOULAT",
        'Des "gilets jaunes" manifestent à Bourges. © AFP',
        "Photo: Pascal Pavani Agence France-Presse",
        "Image illustrative : Lots of Lego Minifigures by Ninja Brick",
        "Crédit photo : KB / Bondy Blog",
        "(...)",
        "Chapeau et intertitres sont de la rédaction.",
        "Ce texte fait partie de notre section Perspectives.",
    ],
)
def test_debris_lines_go(debris: str) -> None:
    assert body_of(BODY, debris, BODY) == f"{BODY}\n\n{BODY}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Moi après mon travail, j'ai énormément de documents à lire, etc.",
        "Par ailleurs, deux départements sont toujours en alerte orange avalanche mercredi.",
        "Mise à jour, 17h00: nouvelle proposition de concertation du premier ministre.",
        "La police a partagé une vidéo de l'interpellation sur les réseaux sociaux.",
        "Avec vous ! a lancé Brigitte Bardot aux manifestants.",
        "PARIS | Le constructeur ferroviaire Bombardier a annoncé lundi une commande.",
        "Un mineur a été interpellé samedi à Montpellier (AFP).",
    ],
)
def test_body_sentences_that_look_like_debris_stay(sentence: str) -> None:
    assert sentence in body_of(BODY, sentence, BODY)


# --- related links inside paragraphs (letemps.ch, lesoleil.com, journaldemontreal.com) ---


@pytest.mark.parametrize(
    ("scraped", "expected"),
    [
        (
            "L'audace est mal récompensée.Lire aussi: Les «gilets jaunes» et MacronIci, "
            "l'économie locale est depuis longtemps synonyme de déprime.",
            "L'audace est mal récompensée. Ici, l'économie locale est depuis longtemps "
            "synonyme de déprime.",
        ),
        (
            "À LIRE AUSSI 135 blessés et près de 1000 arrestations à ParisDevant le parc "
            "Monceau, une voiture flambe.",
            "Devant le parc Monceau, une voiture flambe.",
        ),
        (
            "Le gouvernement reste inflexible. LIRE AUSSI: Macron et la difficile équation "
            "des «gilets jaunes» Environ 27.000 manifestants se sont rassemblés lundi.",
            "Le gouvernement reste inflexible. Environ 27.000 manifestants se sont "
            "rassemblés lundi.",
        ),
        (
            "Le Royaume-Uni est censé quitter l'UE. Lire aussi: Bruxelles est prêt à "
            "reprendre les discussions4,2 millions de camions traversent la Manche.",
            "Le Royaume-Uni est censé quitter l'UE. 4,2 millions de camions traversent la Manche.",
        ),
    ],
)
def test_inline_related_links_are_cut_out(scraped: str, expected: str) -> None:
    assert body_of(scraped) == expected


def test_an_inline_link_whose_end_is_unclear_loses_only_its_marker() -> None:
    scraped = (
        "Les jeunes font le gué. Lire aussi: Les Arènes et Rollin Publications éditent "
        "Bernard-Henri Lévy qui publie chez Grasset depuis quarante ans sans jamais changer "
        "de maison malgré les offres pressantes de ses nombreux concurrents parisiens."
    )
    text = body_of(scraped)
    assert "Lire aussi" not in text
    assert "offres pressantes de ses nombreux concurrents parisiens." in text


# --- embedded posts --------------------------------------------------------------------


def test_a_duplicated_embedded_post_keeps_one_copy() -> None:
    scraped = (
        "Brigitte Bardot soutient le mouvement. Avec vous ! pic.twitter.com/bAnojepAkH"
        "— BRIGITTE BARDOT (@brigitte_bardot) 28 novembre 2018 Avec vous ! "
        "pic.twitter.com/bAnojepAkH «Quand je vois les millions utilisés», dit-elle."
    )
    text = body_of(scraped)
    assert text.count("Avec vous !") == 1
    post, attribution = (
        "Avec vous ! pic.twitter.com/bAnojepAkH",
        "— BRIGITTE BARDOT (@brigitte_bardot)",
    )
    assert f"\n\n{post}\n\n{attribution} 28 novembre 2018\n\n" in text
    assert text.endswith("«Quand je vois les millions utilisés», dit-elle.")


def test_an_embedded_post_without_copy_keeps_its_attribution() -> None:
    scraped = (
        "Paris 8 en grève reconductible https://t.co/Iuc819izMj\n"
        "— Solidaires Étudiant-e-s Saint-Denis (@SolidairesEtuP8) February 17, 2020"
    )
    assert "Solidaires Étudiant-e-s Saint-Denis" in body_of(BODY, scraped)


# --- authors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Par Arnaud Bouvier et Michel Conrath", ["Arnaud Bouvier", "Michel Conrath"]),
        ("Un édito de Francis Van de Woestyne.", ["Francis Van de Woestyne"]),
        ("La Dernière Humeur est signée Géry De Maet.", ["Géry De Maet"]),
        ("Propos recueillis par Mickaël Delfosse", ["Mickaël Delfosse"]),
        ("Lyès Menacer", ["Lyès Menacer"]),
        ("HAMID BAALI", ["Hamid Baali"]),
        ("R. I./Agences", ["R. I."]),
        ("APS", []),
    ],
)
def test_bylines_and_signatures_at_the_end_give_authors(line: str, authors: list[str]) -> None:
    page = clean_scraped_text(f"{BODY}\n{BODY}\n{line}", title="Un titre")
    assert page.authors == authors
    assert page.text == f"{BODY}\n\n{BODY}"


def test_a_byline_at_the_top_gives_authors() -> None:
    page = clean_scraped_text(f"Grève à la SNCF\nPar Jeanne Corriveau\n{BODY}")
    assert page.title == "Grève à la SNCF"
    assert page.authors == ["Jeanne Corriveau"]
    assert page.text == BODY


@pytest.mark.parametrize(
    "last",
    [
        "Le calme est revenu vers 21 h.",
        "Brides-les-Bains",
        "Tournai sans supermarché",
        "Le Parlement français",
        "Avec Le Devoir",
    ],
)
def test_short_last_lines_that_are_not_signatures_stay(last: str) -> None:
    page = clean_scraped_text(f"{BODY}\n{last}", title="Un titre")
    assert page.text.endswith(last)
    assert page.authors == []


def test_an_author_biography_goes_and_names_the_author() -> None:
    bio = (
        "Rédactrice en chef adjointe, Claire Dumont est diplômée de l'ESJ Lille. "
        "Elle couvre la politique sociale depuis 2010."
    )
    page = clean_scraped_text(f"{BODY}\n{bio}", title="Un titre")
    assert page.text == BODY
    assert page.authors == ["Claire Dumont"]


def test_a_last_paragraph_about_a_person_of_the_article_stays() -> None:
    first = "Anne Rigail a été nommée directrice générale d'Air France mercredi."
    last = (
        "Diplômée de l'Ecole des Mines de Paris, Anne Rigail avait rejoint en 1991 la "
        "compagnie Air Inter, avant de diriger le service client d'Air France."
    )
    page = clean_scraped_text(f"{first}\n{last}", title="Un titre")
    assert page.text.endswith(last)
    assert page.authors == []


def test_a_journalist_in_the_news_keeps_her_paragraph() -> None:
    first = "Olivia de Lamberterie publie un livre sur son frère."
    last = (
        "Journaliste à Elle et chroniqueuse littéraire pour France 2, la Française "
        "Olivia de Lamberterie a pris la plume pour raconter la maladie de son frère."
    )
    assert clean_scraped_text(f"{first}\n{last}", title="Un titre").text.endswith(last)


# --- the real corpus -------------------------------------------------------------------


def test_the_corpus_keeps_its_bodies() -> None:
    articles = corpus_articles(400)
    pages = [clean_scraped_text(a["text"], title=a.get("title")) for a in articles]
    for article, page in zip(articles, pages, strict=True):
        if len(article["text"]) > 1000:
            assert len(page.text) > 0.85 * len(article["text"]), article["id"]
        assert article["text"].count("(AFP)") == page.text.count("(AFP)"), article["id"]


@pytest.mark.parametrize(
    ("glued", "expected"),
    [
        # real glued headings and paragraphs from fr-news (letemps.ch, ledevoir.com)
        (
            "Une mobilisation en baisse depuis des semainesLes manifestants étaient moins nombreux",
            [
                "Une mobilisation en baisse depuis des semaines",
                "Les manifestants étaient moins nombreux",
            ],
        ),
        (
            "La défiance du peuple envers les élitesSelon le sondage, la colère persiste.",
            ["La défiance du peuple envers les élites", "Selon le sondage, la colère persiste."],
        ),
        (
            "Le parti a cédé sur les taxesL’opposition réclame davantage.",
            ["Le parti a cédé sur les taxes", "L’opposition réclame davantage."],
        ),
        (
            "Une fronde vieille de plus de deux mois.27 000 personnes défilaient samedi.",
            ["Une fronde vieille de plus de deux mois.", "27 000 personnes défilaient samedi."],
        ),
    ],
)
def test_glued_paragraphs_are_split(glued: str, expected: list[str]) -> None:
    assert clean_scraped_text(glued, title="Titre").text.split("\n\n") == expected


def test_camel_case_names_and_figures_are_not_split() -> None:
    text = (
        "Sur LaLibre.be, YouTube et l'iPhone, chez McDonald’s et OpenAI, rien ne change : "
        "la version 2.5 coûte 3.4 euros."
    )
    assert clean_scraped_text(text, title="Titre").text == text
