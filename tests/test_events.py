"""Events with roles, modality and source, on real phrasings, with the real model."""

from __future__ import annotations

import pytest

from conftest import analyze_text
from recoupe.record import ArticleRecord, Event, RoleFiller

PUBLISHED = "2019-01-15"


def events_of(record: ArticleRecord, event_type: str) -> list[Event]:
    return [e for e in record.events if e.type == event_type]


def only_event(record: ArticleRecord, event_type: str) -> Event:
    found = events_of(record, event_type)
    assert len(found) == 1, [(e.type, e.trigger.text, e.roles) for e in record.events]
    return found[0]


def named(record: ArticleRecord, fillers: list[RoleFiller]) -> list[str | float]:
    """What each filler points at: an entity's name, a figure's value, a date, a text."""
    names = {e.id: e.name for e in record.entities}
    values: dict[str, str | float] = {a.id: a.value for a in record.amounts}
    values.update({c.id: c.value for c in record.counts})
    values.update({d.id: d.value for d in record.dates})
    out: list[str | float] = []
    for filler in fillers:
        if filler.entity is not None:
            out.append(names[filler.entity])
        elif filler.text is not None:
            out.append(filler.text)
        else:
            ref = filler.amount or filler.count or filler.date
            assert ref is not None
            out.append(values[ref])
    return out


def role(record: ArticleRecord, event: Event, name: str) -> list[str | float]:
    return named(record, event.roles.get(name, []))


def source_name(record: ArticleRecord, event: Event) -> str | None:
    if event.source.entity is not None:
        return next(e.name for e in record.entities if e.id == event.source.entity)
    return event.source.text


# The seed article: every event of the acceptance.


def test_seed_offer_keeps_headline_and_body_mentions(seed_record: ArticleRecord) -> None:
    offer = only_event(seed_record, "acquisition_offer")
    assert role(seed_record, offer, "bidder") == ["Elon Musk"]
    assert role(seed_record, offer, "target") == ["OpenAI"]
    assert role(seed_record, offer, "amount") == [97e9, 97.4e9]
    assert role(seed_record, offer, "date") == ["2025-02-10"]
    assert offer.modality == "asserted"
    assert offer.trigger.field == "title"


def test_seed_rejection_takes_the_offer_it_rejects(seed_record: ArticleRecord) -> None:
    rejection = only_event(seed_record, "offer_rejection")
    assert role(seed_record, rejection, "rejecter") == ["Sam Altman"]
    assert role(seed_record, rejection, "target") == ["OpenAI"]


def test_seed_relative_clause_and_definite_description(seed_record: ArticleRecord) -> None:
    """'Musk, qui cofonde OpenAI en 2015 avant de quitter l'entreprise en 2018'."""
    foundings = {
        tuple(role(seed_record, e, "organization")): e for e in events_of(seed_record, "founding")
    }
    openai, xai = foundings[("OpenAI",)], foundings[("xAI",)]
    assert role(seed_record, openai, "founders") == ["Elon Musk"]
    assert role(seed_record, openai, "date") == ["2015"]
    assert role(seed_record, xai, "founders") == ["Elon Musk"]
    assert role(seed_record, xai, "date") == ["2023"]
    departure = only_event(seed_record, "departure")
    assert role(seed_record, departure, "person") == ["Elon Musk"]
    assert role(seed_record, departure, "organization") == ["OpenAI"]
    assert role(seed_record, departure, "date") == ["2018"]


def test_seed_lawsuit_valuations_and_merger(seed_record: ArticleRecord) -> None:
    lawsuit = only_event(seed_record, "lawsuit")
    assert role(seed_record, lawsuit, "plaintiff") == ["Elon Musk"]
    assert role(seed_record, lawsuit, "defendant") == ["OpenAI"]
    valuations = {role(seed_record, e, "amount")[0]: e for e in events_of(seed_record, "valuation")}
    assert set(valuations) == {157e9, 300e9}
    assert valuations[157e9].modality != "hypothetical"
    assert valuations[300e9].modality == "hypothetical"
    assert all(role(seed_record, e, "organization") == ["OpenAI"] for e in valuations.values())
    merger = only_event(seed_record, "merger")
    assert merger.modality == "hypothetical"
    assert "OpenAI" in role(seed_record, merger, "parties")


def test_seed_events_are_numbered_in_text_order(seed_record: ArticleRecord) -> None:
    ids = [e.id for e in seed_record.events]
    assert ids == [f"v{i}" for i in range(1, len(ids) + 1)]


# Business dispatches (fr-business corpus).


def test_appointment_with_title_and_organization() -> None:
    record = analyze_text("Marcelo Fioranelli est nommé Directeur Général d'Airgas, Inc.")
    event = only_event(record, "appointment")
    assert role(record, event, "person") == ["Marcelo Fioranelli"]
    assert role(record, event, "title") == ["Directeur Général"]
    assert role(record, event, "organization") == ["Airgas"]


def test_announced_acquisition_is_attributed_to_the_announcer() -> None:
    record = analyze_text(
        "Air Liquide annonce la finalisation par Airgas de l'acquisition de Tech Air."
    )
    event = only_event(record, "acquisition")
    assert role(record, event, "target") == ["Tech Air"]
    assert source_name(record, event) == "Air Liquide"


def test_share_buyback_is_no_acquisition() -> None:
    record = analyze_text(
        "Air Liquide annonce avoir signé avec un prestataire de services d'investissement une "
        "convention d'achat d'actions dans le cadre de son programme de rachat d'actions."
    )
    assert record.events == []


def test_group_subjects_are_both_parties_of_a_possible_merger() -> None:
    record = analyze_text("Le constructeur Renault et Nissan pourraient fusionner d'ici 2026.")
    event = only_event(record, "merger")
    assert role(record, event, "parties") == ["Renault", "Nissan"]
    assert event.modality == "hypothetical"


# Protests, arrests, casualties, courts (fr-news corpus).


def test_two_counts_of_one_demonstration_from_two_sources() -> None:
    record = analyze_text(
        "Selon le ministère de l'Intérieur, 51 400 personnes ont manifesté samedi en France. "
        "Selon les organisateurs, 110 000 personnes ont manifesté samedi en France.",
        published=PUBLISHED,
    )
    events = events_of(record, "demonstration")
    assert [role(record, e, "participants") for e in events] == [[51400], [110000]]
    assert [source_name(record, e) for e in events] == [
        "ministère de l'Intérieur",
        "les organisateurs",
    ]
    assert all(e.modality == "reported" for e in events)
    assert all(role(record, e, "location") == ["France"] for e in events)
    assert all(role(record, e, "date") == ["2019-01-12"] for e in events)


def test_arrests_attributed_with_selon() -> None:
    record = analyze_text(
        "Au total, 244 personnes ont été interpellées, dont 201 ont été placées en garde à vue, "
        "selon le ministère de l'Intérieur."
    )
    event = events_of(record, "arrest")[0]
    assert 244 in role(record, event, "count")
    assert source_name(record, event) == "ministère de l'Intérieur"
    assert event.modality == "reported"


def test_counted_noun_trigger_and_no_plan_in_counting() -> None:
    record = analyze_text(
        "À 16 h, 35 personnes avaient été interpellées et l'on comptait également 8 blessés "
        "dont 2 gendarmes."
    )
    assert role(record, only_event(record, "arrest"), "count") == [35]
    casualties = only_event(record, "casualties")
    assert role(record, casualties, "injured") == [8]
    assert casualties.modality == "asserted"


def test_demonstration_place_and_day() -> None:
    record = analyze_text(
        "Des centaines d'Israéliens portant des gilets jaunes ont manifesté samedi à Tel-Aviv "
        "pour dénoncer la hausse des prix.",
        published=PUBLISHED,
    )
    event = only_event(record, "demonstration")
    assert role(record, event, "location") == ["Tel-Aviv"]
    assert role(record, event, "date") == ["2019-01-12"]


def test_planned_gathering_is_hypothetical() -> None:
    record = analyze_text("Un rassemblement est aussi prévu à la place de la Monnaie à 10h.")
    event = only_event(record, "demonstration")
    assert event.modality == "hypothetical"
    assert role(record, event, "location") == ["place de la Monnaie"]


def test_negated_departure() -> None:
    record = analyze_text("Elon Musk n'a pas quitté Tesla.")
    event = only_event(record, "departure")
    assert event.modality == "negated"
    assert role(record, event, "organization") == ["Tesla"]


def test_leaving_a_place_is_no_departure() -> None:
    record = analyze_text("Les deux hommes ont quitté Saint-Dizier mercredi vers 10h.")
    assert events_of(record, "departure") == []


def test_resignation_through_a_support_verb_and_an_apposition() -> None:
    record = analyze_text(
        "Le 7 février, la cheffe de la sécurité du Premier ministre, Marie-Élodie Poitout, a "
        "présenté sa démission.",
        published=PUBLISHED,
    )
    event = only_event(record, "departure")
    assert role(record, event, "person") == ["Marie-Élodie Poitout"]
    assert role(record, event, "date") == ["2018-02-07"]


def test_complaint_filed_by_a_person() -> None:
    record = analyze_text("Vincent Crase a lui aussi porté plainte par le biais de son avocat.")
    assert role(record, only_event(record, "lawsuit"), "plaintiff") == ["Vincent Crase"]


def test_conviction_with_a_fine() -> None:
    record = analyze_text(
        "Une femme de 45 ans a été condamnée vendredi par le tribunal correctionnel de Paris à "
        "une amende de 3000 euros.",
        published=PUBLISHED,
    )
    event = only_event(record, "conviction")
    assert role(record, event, "amount") == [3000]
    assert role(record, event, "date") == ["2019-01-11"]


def test_an_order_on_a_placard_is_no_arrest() -> None:
    record = analyze_text(
        "Les manifestants ont brandi des pancartes : « arrêtez de jeter de l'argent dans les "
        "colonies »."
    )
    assert events_of(record, "arrest") == []


def test_an_event_dated_after_publication_is_planned() -> None:
    text = (
        "Les syndicats ont manifesté samedi à Lyon contre la fermeture de l’usine. "
        "Une nouvelle manifestation aura lieu samedi prochain devant la préfecture."
    )
    record = analyze_text(text, published="2019-01-09")
    by_day = {
        next(d.value for d in record.dates if d.id == filler.date): event.modality
        for event in events_of(record, "demonstration")
        for filler in event.roles.get("date", [])
        if filler.date is not None
    }
    assert by_day == {"2019-01-05": "asserted", "2019-01-12": "hypothetical"}


def test_defendants_of_one_trial_named_in_several_sentences() -> None:
    record = analyze_text(
        "L'association Anticor a porté plainte contre le maire Paul Fournier en "
        "2017. Son ancien adjoint Henri Vasseur était aussi poursuivi, mais il est décédé "
        "avant le procès.",
        published=PUBLISHED,
    )
    lawsuit = only_event(record, "lawsuit")
    assert {"Paul Fournier", "Henri Vasseur"} <= set(role(record, lawsuit, "defendant"))


def test_each_figure_with_its_own_source_in_one_sentence() -> None:
    record = analyze_text(
        "Samedi, le cortège a rassemblé 1 200 manifestants selon la préfecture, 3 000 selon "
        "l'intersyndicale.",
        published=PUBLISHED,
    )
    events = events_of(record, "demonstration")
    assert [role(record, e, "participants") for e in events] == [[1200], [3000]]
    assert [source_name(record, e) for e in events] == ["la préfecture", "l'intersyndicale"]


def test_proposing_to_buy_is_an_offer() -> None:
    record = analyze_text(
        "Le chimiste Serrandis a proposé lundi de racheter le groupe Valrhône pour 450 "
        "millions d'euros.",
        published=PUBLISHED,
    )
    offer = only_event(record, "acquisition_offer")
    assert role(record, offer, "bidder") == ["Serrandis"]
    assert role(record, offer, "amount") == [450e6]


def test_speech_incise_and_grabbing_are_no_lawsuits() -> None:
    record = analyze_text(
        "« Nous ne céderons rien », a-t-il poursuivi devant la presse. Avec sa main gauche, "
        "l'homme saisit une arme. Le syndicat Sud a saisi la justice. Le Conseil d'État a été "
        "saisi par l'association Anticor.",
        published=PUBLISHED,
    )
    lawsuits = events_of(record, "lawsuit")
    assert [e.trigger.text for e in lawsuits] == ["saisi la justice", "saisi"]
    assert "Anticor" in role(record, lawsuits[1], "plaintiff")


def test_a_description_with_its_adjectives_is_the_name_it_introduced() -> None:
    record = analyze_text(
        "Les salariés de Valrhône ont manifesté au lendemain d'une offre de rachat déposée par "
        "le groupe grenoblois Serrandis. « Nous ne lâcherons rien », a affirmé Sophie Marchand, "
        "déléguée CGT de l'usine. Le groupe grenoblois a proposé lundi de racheter Valrhône "
        "pour 450 millions d'euros."
    )
    offer = only_event(record, "acquisition_offer")
    assert role(record, offer, "bidder") == ["Serrandis"]


@pytest.mark.parametrize("said", ["a indiqué", "indique", "précise"])
def test_the_day_and_the_source_of_a_report_are_not_the_events(said: str) -> None:
    record = analyze_text(
        "Un homme soupçonné d'avoir proféré des injures a été placé en garde à vue mardi soir "
        f"à Mulhouse, {said} mercredi le parquet de Paris.",
        published="2019-02-20",
    )
    event = only_event(record, "arrest")
    assert role(record, event, "date") == ["2019-02-19"]
    assert role(record, event, "location") == ["Mulhouse"]


def test_a_day_said_with_the_report_verb_stays_off_the_event() -> None:
    record = analyze_text(
        "Éric Drouet a estimé jeudi à sa sortie de garde à vue que son interpellation, "
        "mercredi soir près des Champs-Élysées, relevait du « jamais-vu ».",
        published="2019-01-03",
    )
    event = only_event(record, "arrest")
    assert role(record, event, "date") == ["2019-01-02"]


def test_a_place_said_with_the_report_is_not_the_demonstrations() -> None:
    record = analyze_text(
        "« C'est une catastrophe pour notre économie », a déclaré dimanche devant la presse "
        "Bruno Le Maire, ministre de l'Économie lors d'une visite aux commerçants à Paris, au "
        "lendemain du quatrième samedi de mobilisation des « gilets jaunes ».",
        published="2018-12-09",
    )
    located = [role(record, e, "location") for e in events_of(record, "demonstration")]
    assert all("Paris" not in places for places in located), located


@pytest.mark.parametrize(
    "sentence",
    [
        "La CGT a dénoncé l'interpellation de douze militants mardi à Lyon.",
        "Le syndicat a condamné l'arrestation de trois manifestants samedi à Lyon.",
    ],
)
def test_a_place_after_what_is_reported_is_the_events(sentence: str) -> None:
    record = analyze_text(sentence, published="2019-02-20")
    assert role(record, only_event(record, "arrest"), "location") == ["Lyon"]


def test_a_day_before_what_is_reported_is_the_reports() -> None:
    record = analyze_text(
        "La préfecture a annoncé dimanche l'interpellation de douze militants à Lyon.",
        published="2019-02-20",
    )
    event = only_event(record, "arrest")
    assert role(record, event, "date") == []
    assert role(record, event, "location") == ["Lyon"]


def test_a_passive_verb_of_saying_tells_of_the_thing_itself() -> None:
    record = analyze_text(
        "Elon Musk a également fondé xAI, une startup concurrente lancée en 2023.",
        published=PUBLISHED,
    )
    event = only_event(record, "founding")
    assert role(record, event, "date") == ["2023"]


@pytest.mark.parametrize(
    "text",
    [
        "Samedi, 282 000 personnes ont manifesté au sein de 2000 rassemblements en France.",
        "Selon le ministère, 2000 rassemblements ont été tenus samedi dans toute la France.",
    ],
)
def test_gatherings_counted_are_no_participants(text: str) -> None:
    record = analyze_text(text, published="2018-11-18")
    participants = [
        named(record, e.roles.get("participants", [])) for e in events_of(record, "demonstration")
    ]
    assert all(2000 not in found for found in participants), participants
