"""Quoted segments: pairing of quotation marks, nesting, paragraphs (no NLP involved)."""

from __future__ import annotations

import pytest

from recoupe.extract.quote_marks import quoted_segments


def segments(text: str) -> list[str]:
    return [text[s.start : s.end] for s in quoted_segments(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit : « Non merci. »", ["Non merci."]),
        ("Il a dit : «Non merci.»", ["Non merci."]),
        ("« Nous « achèterons » Twitter », a-t-il dit.", ["Nous « achèterons » Twitter"]),
        ("« Il a parlé de “gilets jaunes” hier. »", ["Il a parlé de “gilets jaunes” hier."]),
        ("He said “no way” and „ja“ and ‹ oui ›.", ["no way", "ja", "oui"]),
        ('Il a lancé "On y va" puis "Allez".', ["On y va", "Allez"]),
        (
            "« Premier paragraphe,\n\n« second paragraphe. »",
            ["Premier paragraphe,\n\n« second paragraphe."],
        ),
    ],
)
def test_segments(text: str, expected: list[str]) -> None:
    assert segments(text) == expected


def test_an_unclosed_quote_stops_at_the_paragraph() -> None:
    assert segments("« jamais fermé\n\nLa suite. « Fermé. »") == ["Fermé."]


def test_a_lone_straight_quote_is_not_a_segment() -> None:
    assert segments('Un pouce de 2" et rien d’autre.') == []
