"""Direct and reported speech with their speakers, on real phrasings, with the real model."""

from __future__ import annotations

import pytest

from conftest import analyze_text
from recoupe.record import ArticleRecord, Quote


def quote_with(record: ArticleRecord, words: str, kind: str | None = None) -> Quote:
    found = [q for q in record.quotes if words in q.text and kind in (None, q.kind)]
    assert len(found) == 1, (words, [(q.kind, q.text) for q in record.quotes])
    return found[0]


def speaker_name(record: ArticleRecord, quote: Quote) -> str | None:
    if quote.speaker.entity is None:
        return quote.speaker.text
    return next(e.name for e in record.entities if e.id == quote.speaker.entity)


def test_seed_quotes(seed_record: ArticleRecord) -> None:
    altman = quote_with(seed_record, "Non merci")
    assert altman.kind == "direct" and altman.cue == "a ironisé"
    assert speaker_name(seed_record, altman) == "Sam Altman"
    escroc = quote_with(seed_record, "Escroc")
    assert escroc.cue == "a répliqué" and speaker_name(seed_record, escroc) == "Elon Musk"
    wsj = quote_with(seed_record, "cette proposition non sollicitée")
    assert wsj.kind == "indirect" and speaker_name(seed_record, wsj) == "Wall Street Journal"


def test_incise_after_the_quote_with_inverted_name() -> None:
    record = analyze_text(
        "Denis Collinet a quitté Saint-Dizier mercredi. « Je ne pouvais pas rester les bras "
        "croisés devant la télé », a expliqué à l’AFP Denis Collinet."
    )
    quote = quote_with(record, "Je ne pouvais pas")
    assert quote.cue == "a expliqué"
    assert speaker_name(record, quote) == "Denis Collinet"


def test_pronoun_speaker_is_the_last_person_as_subject() -> None:
    record = analyze_text(
        "Martine Ferrand a pris la parole devant l’usine. Elle sera accompagnée par Paul "
        "Girard. « Nous ne lâcherons rien », a-t-elle prévenu."
    )
    quote = quote_with(record, "Nous ne lâcherons rien")
    assert speaker_name(record, quote) == "Martine Ferrand"


def test_split_quote_around_an_incise_is_two_quotes() -> None:
    record = analyze_text(
        "« Nous avons tout respecté du début à la fin, a-t-il ajouté, et malgré ça, nous "
        "avons été interpellés. » Éric Drouet a été libéré jeudi."
    )
    first = quote_with(record, "Nous avons tout respecté")
    second = quote_with(record, "malgré ça")
    assert first.id != second.id
    assert first.cue == second.cue == "a ajouté"


def test_multi_paragraph_quote_is_one_quote() -> None:
    record = analyze_text(
        "Le maire a pris la parole : « Cette usine fait vivre la vallée depuis cinquante ans.\n\n"
        "« Nous demandons à l’État de ne pas laisser partir ces emplois. »"
    )
    quote = quote_with(record, "Cette usine fait vivre")
    assert "ne pas laisser partir" in quote.text
    assert quote.speaker.text is not None and "maire" in quote.speaker.text


def test_a_quote_does_not_take_words_from_the_paragraph_before() -> None:
    record = analyze_text(
        "Le fonds, qui avait acquis Valrhône en 2019 pour 1,2 milliard d'euros, n'a pas "
        "répondu à nos sollicitations.\n\n« Nous ne laisserons pas fermer ce site sans nous "
        "battre », a déclaré Sophie Marchand, déléguée CGT du site."
    )
    assert not [q for q in record.quotes if "sollicitations" in q.text]
    quote = quote_with(record, "Nous ne laisserons pas")
    assert speaker_name(record, quote) == "Sophie Marchand"


def test_a_colon_at_the_end_of_a_line_announces_the_quote_below() -> None:
    record = analyze_text(
        "Le maire de Lyon, Grégory Doucet, a réagi dans la soirée :\n"
        "« Cette décision est une faute grave pour toute la métropole. »"
    )
    quote = quote_with(record, "Cette décision est une faute")
    assert speaker_name(record, quote) == "Grégory Doucet"


def test_scare_quotes_and_names_are_not_quotes() -> None:
    record = analyze_text(
        "Les «gilets jaunes» promettent de «bloquer» la France samedi, selon le journal «The "
        "Times». Le mouvement dénonce une politique «injuste»."
    )
    assert [q.text for q in record.quotes if q.kind == "direct"] == []


def test_short_quote_governed_by_a_speech_verb_is_kept() -> None:
    record = analyze_text(
        "Le syndicat a qualifié la proposition de « ridicule ». Une pique à laquelle le "
        "directeur a répliqué par un simple mot : « Mensonges. »"
    )
    assert quote_with(record, "ridicule", "direct").cue == "a qualifié"
    assert quote_with(record, "Mensonges").kind == "direct"


def test_reported_speech_with_que_selon_and_learned() -> None:
    record = analyze_text(
        "Le ministre de l’Intérieur, Christophe Castaner, a affirmé que les forces de l’ordre "
        "seraient renforcées samedi. Selon la préfecture, 4 200 personnes ont défilé à Lyon. "
        "La réunion a été reportée à lundi, a-t-on appris de sources proches du dossier."
    )
    castaner = quote_with(record, "les forces de l’ordre seraient renforcées")
    assert castaner.kind == "indirect" and castaner.cue == "a affirmé"
    assert speaker_name(record, castaner) == "Christophe Castaner"
    prefecture = quote_with(record, "4 200 personnes ont défilé")
    assert prefecture.speaker.text == "la préfecture"
    learned = quote_with(record, "La réunion a été reportée")
    assert learned.speaker.text is not None and "sources proches du dossier" in learned.speaker.text


def test_unnamed_speaker_keeps_its_description() -> None:
    record = analyze_text(
        "« On nous a abandonnés », a confié un manifestant venu de Saint-Étienne."
    )
    quote = quote_with(record, "On nous a abandonnés")
    assert quote.speaker.entity is None
    assert quote.speaker.text is not None and quote.speaker.text.startswith("un manifestant")


def test_quote_key_is_the_same_for_the_same_words() -> None:
    first = analyze_text("« L’Europe doit agir vite », a déclaré Olaf Scholz lundi.")
    second = analyze_text("« L'Europe doit agir VITE ! », a dit Olaf Scholz mardi.")
    assert quote_with(first, "agir").key == quote_with(second, "agir").key


def test_embedded_post_is_a_quote_of_its_author() -> None:
    record = analyze_text(
        "Le président a réagi sur les réseaux sociaux. Justice sera faite. Chacun doit se "
        "ressaisir pour faire advenir le débat.— Emmanuel Macron (@EmmanuelMacron) 5 janvier "
        "2019 Justice sera faite. Chacun doit se ressaisir pour faire advenir le débat. La "
        "manifestation a ensuite repris dans le calme."
    )
    post = quote_with(record, "Chacun doit se ressaisir")
    assert post.kind == "direct"
    assert speaker_name(record, post) == "Emmanuel Macron"
    assert record.text.count("Chacun doit se ressaisir") == 1


def test_relative_qui_speaks_for_its_antecedent() -> None:
    record = analyze_text(
        "Le Conseil d’État avait été saisi par la Ligue des droits de l’Homme, qui demandait "
        "l’interdiction de cette arme."
    )
    quote = quote_with(record, "l’interdiction de cette arme")
    assert quote.kind == "indirect"
    assert quote.speaker.text is not None and "Ligue des droits de l’Homme" in quote.speaker.text


def test_participle_after_an_inverted_subject() -> None:
    record = analyze_text(
        "« C’est une bonne nouvelle », s’est réjouie Caroline Izambert, chargée de plaidoyer, "
        "soulignant que le remboursement était demandé depuis longtemps."
    )
    quote = quote_with(record, "le remboursement était demandé", "indirect")
    assert speaker_name(record, quote) == "Caroline Izambert"


def test_adjectival_participle_is_not_a_cue() -> None:
    record = analyze_text(
        "Le LBD, une arme accusée d’avoir éborgné des manifestants, reste autorisé."
    )
    assert [q for q in record.quotes if q.kind == "indirect"] == []


def test_inverted_subject_after_a_channel_name() -> None:
    record = analyze_text(
        "Le trafic reste perturbé. « Les usagers n'ont pas à payer le prix de ce conflit », "
        "a déclaré lundi sur la radio France Inter Nathalie Morel, ministre des Transports."
    )
    quote = quote_with(record, "Les usagers")
    assert speaker_name(record, quote) == "Nathalie Morel"


def test_inverted_indefinite_pronoun_speaker() -> None:
    record = analyze_text(
        "Les commentaires se multiplient sous la vidéo. « Partagez avant que ce soit "
        "supprimé ! », appelle un autre."
    )
    quote = quote_with(record, "Partagez avant")
    assert quote.cue == "appelle"
    assert "autre" in (quote.speaker.text or "")


def test_cue_verb_the_lemmatiser_leaves_unchanged() -> None:
    record = analyze_text(
        "« Une cinquantaine de tombes ont été dégradées dans la nuit », indique dans un "
        "communiqué la préfecture, qui dénonce un acte odieux."
    )
    quote = quote_with(record, "Une cinquantaine")
    assert quote.cue == "indique"
    assert "préfecture" in (quote.speaker.text or "")


def test_quote_put_first_then_a_colon_and_its_speaker() -> None:
    record = analyze_text(
        "«Nous irons jusqu'au bout de ce combat»: Léa Martin, porte-parole du collectif, a "
        "estimé mardi que la mobilisation ne faiblirait pas."
    )
    quote = quote_with(record, "Nous irons jusqu'au bout", kind="direct")
    assert speaker_name(record, quote) == "Léa Martin"


def test_pronoun_after_a_described_speaker() -> None:
    record = analyze_text(
        "Le ministre Jean Dupont n'a pas fait le déplacement. Un jeune homme, venu de Lille, a "
        "expliqué qu'il manifestait pour la première fois. Il a ajouté : « On ne nous écoute "
        "jamais, alors nous descendons dans la rue. »"
    )
    quote = quote_with(record, "On ne nous écoute")
    assert "jeune homme" in (quote.speaker.text or "")


def test_role_description_refers_to_the_person_it_described() -> None:
    record = analyze_text(
        "L'archevêque Michel Aupetit sera entendu en mars. Plusieurs fidèles le soutiennent. "
        "« Je répondrai à toutes les questions », avait assuré à la radio l'archevêque."
    )
    quote = quote_with(record, "Je répondrai")
    assert speaker_name(record, quote) == "Michel Aupetit"


def test_subheading_repeating_a_later_quote_gets_its_speaker() -> None:
    record = analyze_text(
        "Le militant a été libéré jeudi soir.\n\n«Une décision purement politique»\n\n"
        "Son avocate s'est indignée. «C'est une décision purement politique, qui n'a rien de "
        "juridique», a commenté Me Jeanne Roux devant le tribunal."
    )
    heading, said = (q for q in record.quotes if "purement politique" in q.text)
    assert speaker_name(record, said) == "Jeanne Roux"
    assert speaker_name(record, heading) == "Jeanne Roux"


def test_portrait_quotes_its_only_person_without_cues() -> None:
    record = analyze_text(
        "Depuis juin, Claire Dumas dirige la police des chemins de fer.\n\n"
        "Les attentats ont changé le travail de toute l'unité.\n\n"
        "\"On s'entraîne chaque semaine. Le risque zéro n'existe pas, mais on s'y prépare "
        'tous les jours."'
    )
    quote = quote_with(record, "On s'entraîne")
    assert speaker_name(record, quote) == "Claire Dumas"


def test_incise_with_an_inverted_pronoun_whatever_the_verb() -> None:
    record = analyze_text(
        "Le producteur Marc Lemoine a assisté au spectacle. « Ton style n'existe pas encore "
        "ici », l'a-t-il complimenté."
    )
    quote = quote_with(record, "Ton style")
    assert quote.cue is not None and "complimenté" in quote.cue
    assert speaker_name(record, quote) == "Marc Lemoine"


def test_narrative_infinitive_goes_on_with_the_previous_speaker() -> None:
    record = analyze_text(
        "« Je suis venue pour la troisième fois et je reviendrai », confie Amina Belkacem, "
        "étudiante à Lyon. Et d’enchaîner : « J’ai quitté mon pays pour un meilleur avenir. »"
    )
    quote = quote_with(record, "J’ai quitté mon pays")
    assert speaker_name(record, quote) == "Amina Belkacem"


def test_speaker_named_after_a_description_and_a_comma() -> None:
    record = analyze_text(
        "« On ne répare pas une injustice par une autre », prévient un avocat du prévenu, "
        "Me Antoine Ferrier."
    )
    quote = quote_with(record, "On ne répare pas")
    assert speaker_name(record, quote) == "Antoine Ferrier"


def test_whose_words_a_speech_noun_gives() -> None:
    record = analyze_text(
        "Ils ont défilé jusqu'à la mairie pour « faire tomber ce projet inutile et coûteux », "
        "selon les propos d’un manifestant."
    )
    quote = quote_with(record, "faire tomber")
    assert quote.speaker.text is not None and "manifestant" in quote.speaker.text
    assert "propos" not in quote.speaker.text


def test_plural_pronoun_refers_to_the_last_plural_subject() -> None:
    record = analyze_text(
        "Samedi, des agriculteurs ont bloqué le périphérique. Ils ont écrit sur une "
        "banderole : « Sans paysans, pas de pays. »"
    )
    quote = quote_with(record, "Sans paysans")
    assert quote.speaker.text is not None and "agriculteurs" in quote.speaker.text


def test_coordinated_speech_verb_shares_the_subject() -> None:
    record = analyze_text(
        "Les jeunes chômeurs démentent les déclarations des officiels et trouvent que c’est "
        "« une supercherie de trop »."
    )
    quote = quote_with(record, "une supercherie", kind="direct")
    assert quote.speaker.text is not None and "chômeurs" in quote.speaker.text


def test_quote_inside_a_reported_clause_is_the_reporters() -> None:
    record = analyze_text(
        "Un jeune homme a expliqué qu’il était venu à Paris pour lutter pour « l’instauration "
        "d’une nouvelle République et d’un Etat de droit »."
    )
    quote = quote_with(record, "l’instauration", kind="direct")
    assert quote.speaker.text is not None and "jeune homme" in quote.speaker.text


def test_the_object_of_a_verb_that_reports_nothing_does_not_speak() -> None:
    record = analyze_text(
        "Mardi 3 mars 2026, les salariés de l'usine Valrhône de Vénissieux, près de Lyon, ont "
        "défilé des grilles du site jusqu'à l'hôtel de ville pour réclamer que le propriétaire "
        "du groupe chimique accepte l'offre de rachat."
    )
    (quote,) = [q for q in record.quotes if q.cue == "réclamer"]
    assert "grilles" not in (quote.speaker.text or "")


@pytest.mark.parametrize(
    ("text", "words", "kind", "speaker"),
    [
        (
            "Le président a exprimé sa « honte » face à ces incidents, dénonçant ceux qui ont "
            "« agressé » les forces de l'ordre et « violenté d'autres citoyens ».",
            "violenté d'autres citoyens",
            "direct",
            "Le président",
        ),
        (
            "En Flandre, la présidente de l'Open VLD, Gwendolyn Rutten, a apporté son soutien à "
            "Emmanuelle Praet, estimant que la décision de RTL constitue un « mauvais signal ».",
            "la décision de RTL",
            "indirect",
            "Gwendolyn Rutten",
        ),
        (
            "Le ministre de l'Intérieur Christophe Castaner a affirmé qu'il y avait une « dérive "
            "totale » des manifestations, soulignant « un très, très grand nombre de blessés ».",
            "un très, très grand nombre de blessés",
            "direct",
            "Christophe Castaner",
        ),
    ],
)
def test_a_participle_after_a_complement_speaks_for_the_clause_s_subject(
    text: str, words: str, kind: str, speaker: str
) -> None:
    record = analyze_text(text)
    name = speaker_name(record, quote_with(record, words, kind))
    assert name is not None and speaker in name


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # The verb's subject set after it, parsed as its object.
        (
            "« Nous avons décidé que les victimes avaient assez souffert », a relevé le "
            "procureur Michael Hestrin, soulignant qu'ils étaient tous soulagés.",
            "ils étaient tous soulagés",
            "Michael Hestrin",
        ),
        # A source cited with 'selon' is who confirms.
        (
            "Son épouse a signalé sa disparition, selon une source proche du dossier, "
            "confirmant une information de la radio Europe 1.",
            "une information de la radio",
            "une source proche du dossier",
        ),
    ],
)
def test_a_participle_after_a_speaker_speaks_for_them(text: str, words: str, speaker: str) -> None:
    record = analyze_text(text)
    name = speaker_name(record, quote_with(record, words))
    assert name is not None and speaker in name


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "« On n'a plus rien », témoigne une cliente du supermarché sur la radio Franceinfo.",
            "une cliente du supermarché",
        ),
        (
            "« Rien n'est réglé », a affirmé la ministre sur France 24, jeudi.",
            "la ministre",
        ),
        (
            "« C'est une étape », estime un chercheur en sociologie de l'université de Nantes.",
            "un chercheur en sociologie de l'université de Nantes",
        ),
        (
            "« Le mouvement se structure », estime un chercheur spécialisé sur les mouvements "
            "sociaux.",
            "un chercheur spécialisé sur les mouvements sociaux",
        ),
    ],
)
def test_a_speaker_s_phrase_ends_where_it_says_where_they_spoke(text: str, speaker: str) -> None:
    record = analyze_text(text)
    (quote,) = record.quotes
    assert quote.speaker is not None and quote.speaker.text == speaker
