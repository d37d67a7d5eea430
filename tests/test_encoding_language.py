"""Decoding bytes in the encodings French pages use, and identifying the language."""

from __future__ import annotations

import codecs

import pytest

from recoupe.clean import clean
from recoupe.clean.encoding import decode
from recoupe.clean.language import identify_language
from recoupe.errors import DocumentError
from recoupe.read import RawDoc

TEXT = "Élodie a payé 5 € pour l’œuvre « Noël » à Paris, déjà célèbre."
PAGE = '<html><head><meta charset="{}"></head><body><p>{}</p></body></html>'


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("cp1252"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its byte-order mark
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
)
def test_texts_decode_right(data: bytes) -> None:
    assert decode(data) == TEXT


def test_latin_1_decodes_right() -> None:
    latin = "Élodie a payé cher l'été à Noël."
    assert decode(latin.encode("latin-1")) == latin


@pytest.mark.parametrize("declared", ["windows-1252", "iso-8859-1", "utf-8"])
def test_html_decodes_right_whatever_its_meta_charset_says(declared: str) -> None:
    html = PAGE.format(declared, TEXT)
    assert decode(html.encode("cp1252")) == html


def test_html_in_a_declared_non_western_charset() -> None:
    html = PAGE.format("koi8-r", "Привет, мир")
    assert decode(html.encode("koi8-r")) == html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty document"),
        (b"  \n\t ", "empty document"),
        (codecs.BOM_UTF8 + b"   ", "empty document"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3 binary", "binary content, not text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary content, not text"),
        (bytes(range(256)) * 8, "binary content, not text"),
    ],
)
def test_empty_and_binary_documents_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        decode(data)


@pytest.mark.parametrize(
    "text",
    [
        "Grève à Paris",
        "Merci beaucoup",
        "Elon Musk rachète Twitter",
        "Le patron de Tesla, Elon Musk, a tweeté « We are going to Mars » lundi soir, "
        "tandis que Sam Altman, PDG d'OpenAI, déclinait l'offre du Wall Street Journal.",
        "Donald Trump a déclaré : « America First, Make America Great Again, we will win "
        "so much you will be tired of winning » devant ses partisans réunis à Washington.",
    ],
)
def test_french_is_identified_in_short_texts_and_among_english_names(text: str) -> None:
    assert identify_language(text) == "fr"


def test_english_is_identified() -> None:
    text = "The Wall Street Journal said on Monday that the deal had been called off."
    assert identify_language(text) == "en"


def test_unsupported_languages_are_refused_with_the_detected_one() -> None:
    raw = RawDoc(
        name="t", content="The board said on Monday that the offer was rejected.", is_html=False
    )
    with pytest.raises(DocumentError, match=r"^unsupported language 'en' \(supported: fr\)$"):
        clean(raw)


def test_the_detected_language_is_exposed_even_when_forced() -> None:
    raw = RawDoc(
        name="t", content="Les syndicats appellent à manifester samedi à Paris.", is_html=False
    )
    article = clean(raw, language="fr")
    assert article.language == "fr"
    assert article.detected_language == "fr"
