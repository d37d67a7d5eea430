"""When two stated values are the same fact: rounding and approximation agree ('97
milliards' and '97,4 milliards', 'près de 100 milliards'), a year agrees with a day in it;
2018 and 2019 do not, nor do '80 000' recorded and '84 000'."""

from __future__ import annotations

import math

# Figures this close are the same however they were written.
SAME = 0.005
# An approximate figure ('près de', 'environ', 'plus de') agrees within this much, and
# within a step of its last significant digit: 'près de 100 milliards' with 97,4
# milliards, 'quelque 84 000' with 84 500 but not with 80 000.
APPROXIMATE = 0.1
# A figure rounds another only if it keeps this many significant digits: one digit is an
# order of magnitude when said to be approximate, and a figure of its own when not.
ROUNDED_DIGITS = 2


def numbers_agree(a: float, a_approximate: bool, b: float, b_approximate: bool) -> bool:
    high = max(abs(a), abs(b))
    if high == 0 or abs(a - b) <= SAME * high:
        return True
    if a_approximate or b_approximate:
        leeway = [
            approximate_leeway(x) for x, loose in ((a, a_approximate), (b, b_approximate)) if loose
        ]
        return abs(a - b) <= max(leeway)
    return rounds_to(a, b) or rounds_to(b, a)


def approximate_leeway(value: float) -> float:
    return min(APPROXIMATE * abs(value), last_digit_step(value)) if value else 0.0


def last_digit_step(value: float) -> float:
    """What one unit of a figure's last significant digit is worth: 1 000 for 84 000."""
    return 10.0 ** (math.floor(math.log10(abs(value))) - significant_digits(value) + 1)


def rounds_to(precise: float, rounded: float) -> bool:
    """Whether `rounded` is `precise` given with fewer significant digits."""
    digits = significant_digits(rounded)
    if not ROUNDED_DIGITS <= digits < significant_digits(precise):
        return False
    scale = 10.0 ** (math.floor(math.log10(abs(precise))) - digits + 1)
    steps = rounded / scale
    whole = math.isclose(steps, round(steps), abs_tol=1e-9)
    # Half a step either way: 2,5 millions rounds to 3 millions as well as to 2 millions.
    return whole and abs(precise - rounded) <= scale / 2 * (1 + 1e-9)


def significant_digits(value: float) -> int:
    text = f"{abs(value):.6g}".replace(".", "").lstrip("0")
    if "e" in text:
        text = text.split("e")[0]
    return max(1, len(text.rstrip("0")))


def dates_agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)
