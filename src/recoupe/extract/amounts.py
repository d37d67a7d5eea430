"""Monetary amounts -> value and ISO currency.

One regex (built from `lang/<lang>/numbers.json` and `currencies.json`) finds every figure
with what may surround it: an approximator, a currency before it ("$9.74 billion") or after
it ("97,4 milliards de dollars", "380 M$", "1,2 MdsE"). A figure is money when it names a
currency, or when it is a bare "300 milliards" and the article named a currency before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc

from recoupe import lang as lang_data
from recoupe.extract.context import Context
from recoupe.extract.numbers import (
    APOSTROPHES,
    NUMERAL,
    SPACE,
    NumberLexicon,
    alternation,
    lexicon,
    parse_number,
    range_lower_bound,
    scale_value,
)
from recoupe.nlp import text_of
from recoupe.record import Amount

# From a million up, a bare "300 milliards" may be money on context alone, "3 millions de
# livres" are pounds rather than books and "40 milliards de centimes" are Algerian dinars.
LARGE_SCALE = 1e6
# "5 millions de plants", "8 milliards d'habitants": a scale followed by "de" counts things.
FOLLOWED_BY_DE = re.compile(rf"{SPACE}*(?:de{SPACE}|d[{APOSTROPHES}])")


@dataclass(frozen=True)
class LocalCurrency:
    """What an ambiguous word ("dollars", "francs", "centimes") means in a region."""

    default: str
    regions: tuple[tuple[str, re.Pattern[str]], ...]  # (ISO code, markers of the region)


@dataclass(frozen=True)
class Currencies:
    names: dict[str, str]
    names_after_scale: dict[str, str]
    symbols: dict[str, str]
    symbols_after_figure: dict[str, str]
    glued_symbols: dict[str, str]
    subunits: dict[str, str]
    subunits_after_scale: dict[str, str]
    local: dict[str, LocalCurrency]
    min_mentions: int


@dataclass(frozen=True)
class Unit:
    """What a figure counts in: a currency (an ISO code or a placeholder of `local`), or
    hundredths of it ("centimes")."""

    currency: str
    factor: float = 1.0


@dataclass(frozen=True)
class Figure:
    """One figure the pattern found, money or not yet known."""

    start: int
    end: int
    number: float  # the figure times its scale, before any unit
    scale: float
    unit: Unit | None
    approximate: bool
    bare_scale: bool  # "300 milliards" with no currency and no "de ..." after it


@cache
def currencies(lang: str) -> Currencies:
    data = lang_data.load(lang, "currencies")
    local = data["local"]
    return Currencies(
        names={k.lower(): v for k, v in data["names"].items()},
        names_after_scale={k.lower(): v for k, v in data["names_after_scale"].items()},
        symbols=data["symbols"],
        symbols_after_figure=without_comment(data["symbols_after_figure"]),
        glued_symbols=data["glued_symbols"],
        subunits={k.lower(): v for k, v in data["subunits"].items()},
        subunits_after_scale={
            k.lower(): v for k, v in without_comment(data["subunits_after_scale"]).items()
        },
        local={
            key: LocalCurrency(
                default=entry["default"],
                regions=tuple(
                    (region["code"], re.compile(alternation(region["markers"])))
                    for region in entry["regions"]
                ),
            )
            for key, entry in local.items()
            if not key.startswith("_") and isinstance(entry, dict)
        },
        min_mentions=local["min_mentions"],
    )


@cache
def amount_pattern(lang: str) -> re.Pattern[str]:
    lex, cur = lexicon(lang), currencies(lang)
    gap = f"{SPACE}?"
    de = rf"(?:(?i:de){SPACE}|(?i:d)[{APOSTROPHES}])"
    scale = rf"(?:{lex.scale_words}|{lex.scale_abbreviations})"
    symbols = alternation(cur.symbols)
    names = rf"(?i:{alternation(cur.names)})"
    return re.compile(
        # Every match starts a word: most positions are rejected by this first test.
        r"(?<!\w)"
        rf"(?:(?P<approx>{lex.approximator}){SPACE}*)?"
        "(?:"
        rf"(?<![\w.])(?P<prefix>{symbols}){gap}(?P<pnum>{NUMERAL})"
        rf"(?:{gap}(?P<pscale>{lex.english_scale_words}|{scale}))?"
        "|"
        rf"(?P<num>{NUMERAL}|{lex.words})"
        rf"(?:{gap}(?P<scale>{scale}))?"
        rf"(?:{SPACE}(?P<half>{lex.half}))?"
        "(?:"
        rf"(?P<glued>{alternation(cur.glued_symbols)})"
        rf"|(?:{SPACE}{de})?{gap}(?P<symbol>{symbols})"  # "600 millions de DA"
        rf"|{SPACE}{de}?(?P<name>{names})"
        rf"|{SPACE}{de}?(?P<scaled_name>(?i:{alternation(cur.names_after_scale)}))"
        rf"|{SPACE}{de}?(?P<subunit>(?i:{alternation(cur.subunits)}))"
        rf"(?:{SPACE}{de}(?P<subunit_of>{names}))?"
        ")?"
        ")"
        r"(?![^\W\d_])"
    )


def extract_amounts(doc: Doc, ctx: Context) -> list[Amount]:
    text = text_of(doc)
    resolve = LocalResolver(text, currencies(ctx.lang))
    found: list[tuple[Figure, Unit]] = []
    last_unit: Unit | None = None  # carried over to a later bare "300 milliards"
    previous: Figure | None = None
    for figure in find_figures(text, ctx.lang):
        unit = figure.unit or (last_unit if figure.bare_scale else None)
        if unit is not None:
            if previous is not None and previous.unit is None:
                lower = range_start(text, previous, figure, ctx.lang)
                if lower is not None:
                    found.append((lower, unit))
            found.append((figure, unit))
            last_unit = unit
        previous = figure
    return [
        Amount(
            id=f"a{index}",
            start=figure.start,
            end=figure.end,
            text=text[figure.start : figure.end],
            value=figure.number * unit.factor,
            currency=resolve(unit.currency),
            approximate=figure.approximate,
        )
        for index, (figure, unit) in enumerate(found, start=1)
    ]


def find_figures(text: str, lang: str) -> Iterator[Figure]:
    lex, cur = lexicon(lang), currencies(lang)
    for match in amount_pattern(lang).finditer(text):
        figure = read_figure(match, text, lex, cur, lang)
        if figure is not None:
            yield figure


def read_figure(
    match: re.Match[str], text: str, lex: NumberLexicon, cur: Currencies, lang: str
) -> Figure | None:
    english = match["prefix"] is not None
    number = parse_number(match["pnum"] or match["num"], lang, english)
    if number is None:
        return None
    scale_word = match["pscale"] or match["scale"] or ""
    scale = scale_value(scale_word, lex, english)
    unit = figure_unit(match, cur, scale)
    bare_scale = (
        unit is None and scale >= LARGE_SCALE and not FOLLOWED_BY_DE.match(text, match.end())
    )
    return Figure(
        start=match.start(),
        end=match.end(),
        number=number * scale + (scale / 2 if match["half"] else 0.0),
        scale=scale,
        unit=unit,
        approximate=match["approx"] is not None,
        bare_scale=bare_scale,
    )


def figure_unit(match: re.Match[str], cur: Currencies, scale: float) -> Unit | None:
    if match["subunit"]:
        return subunit(match, cur, scale)
    currency = figure_currency(match, cur, scale)
    return Unit(currency) if currency else None


def figure_currency(match: re.Match[str], cur: Currencies, scale: float) -> str | None:
    if match["prefix"]:
        return cur.symbols[match["prefix"]]
    if match["glued"]:
        return cur.glued_symbols[match["glued"]]
    if match["symbol"]:
        symbol = match["symbol"]
        return cur.symbols_after_figure.get(symbol) or cur.symbols[symbol]
    if match["name"]:
        return cur.names[normal_name(match["name"])]
    if match["scaled_name"] and scale >= LARGE_SCALE:
        return cur.names_after_scale[normal_name(match["scaled_name"])]
    return None


def subunit(match: re.Match[str], cur: Currencies, scale: float) -> Unit:
    """ "6,5 centimes d'euro", "6,5 centimes", "40 milliards de centimes" (dinars)."""
    word = normal_name(match["subunit"])
    if match["subunit_of"]:
        currency = cur.names[normal_name(match["subunit_of"])]
    elif scale >= LARGE_SCALE and word in cur.subunits_after_scale:
        currency = cur.subunits_after_scale[word]
    else:
        currency = cur.subunits[word]
    return Unit(currency, factor=0.01)


def without_comment(entries: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in entries.items() if not k.startswith("_")}


def normal_name(name: str) -> str:
    return re.sub(SPACE + "+", " ", name.lower())


def range_start(text: str, first: Figure, second: Figure, lang: str) -> Figure | None:
    """The lower bound of "entre 10 et 12 millions d'euros" / "de 10 à 12 millions"."""
    joiner = rf"{SPACE}*{lexicon(lang).range_joiner}{SPACE}*"
    if not re.fullmatch(joiner, text[first.end : second.start]):
        return None
    lower = range_lower_bound(first.number, first.scale, second.number, second.scale)
    return None if lower is None else replace(first, number=lower)


class LocalResolver:
    """Turns placeholders ("DOLLAR") into the currency of the region the article is about."""

    def __init__(self, text: str, cur: Currencies) -> None:
        self.text = text
        self.cur = cur
        self.resolved: dict[str, str] = {}

    def __call__(self, code: str) -> str:
        local = self.cur.local.get(code)
        if local is None:
            return code
        if code not in self.resolved:
            self.resolved[code] = self.region_code(local)
        return self.resolved[code]

    def region_code(self, local: LocalCurrency) -> str:
        for code, markers in local.regions:
            if len(markers.findall(self.text)) >= self.cur.min_mentions:
                return code
        return local.default
