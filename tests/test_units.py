"""Parsing and formatting lengths with units (electron_tunnel.units)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electron_tunnel.units import LENGTH_UNITS, format_length, parse_length

# Size of each unit in metres, written independently as decimal strings.
UNIT_SIZE = {
    "pm": "1e-12",
    "\u00c5": "1e-10",  # LATIN CAPITAL LETTER A WITH RING ABOVE
    "\u212b": "1e-10",  # ANGSTROM SIGN
    "A": "1e-10",
    "angstrom": "1e-10",
    "nm": "1e-9",
    "um": "1e-6",
    "\u00b5m": "1e-6",  # MICRO SIGN U+00B5
    "\u03bcm": "1e-6",  # GREEK SMALL LETTER MU U+03BC
    "m": "1",
}


def decimal_metres(number: str, unit: str) -> float:
    """The length in metres, correctly rounded (exact decimal arithmetic, one rounding)."""
    return float(Decimal(number) * Decimal(UNIT_SIZE[unit]))


def test_unit_table_is_the_documented_one():
    assert set(LENGTH_UNITS) == set(UNIT_SIZE)
    for unit, size in LENGTH_UNITS.items():
        assert size == float(UNIT_SIZE[unit]), unit


@pytest.mark.parametrize("unit", sorted(UNIT_SIZE))
@pytest.mark.parametrize("number", ["1", "2.5", "149", "0.5", ".25", "3.", "+7", "1e3", "2.5E-1"])
def test_every_unit(unit, number):
    want = decimal_metres(number, unit)
    assert parse_length(f"{number}{unit}") == pytest.approx(want, rel=2 * 2**-52, abs=0.0)
    assert parse_length(f"{number} {unit}") == pytest.approx(want, rel=2 * 2**-52, abs=0.0)


@pytest.mark.parametrize("angstrom", ["\u00c5", "\u212b", "A", "angstrom"])
def test_both_angstrom_code_points_mean_1e_minus_10(angstrom):
    assert parse_length(f"1{angstrom}") == 1e-10
    assert parse_length(f"1.55 {angstrom}") == pytest.approx(1.55e-10, rel=2**-52)


def test_angstrom_code_points_are_distinct_characters():
    """The two characters look alike but are different code points; both are accepted."""
    assert "\u00c5" != "\u212b"
    assert parse_length("3\u00c5") == parse_length("3\u212b") == parse_length("3A")


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("1.49e-10m", 1.49e-10),
        ("1.49E-10 m", 1.49e-10),
        ("1.49e+2pm", 1.49e-10),
        ("149e0pm", 1.49e-10),
        ("0.149e0nm", 1.49e-10),
        ("1e-3um", 1e-9),
        ("-5pm", -5e-12),
        ("0pm", 0.0),
    ],
)
def test_scientific_notation_and_sign(text, metres):
    assert parse_length(text) == pytest.approx(metres, rel=2 * 2**-52, abs=0.0)


@pytest.mark.parametrize(
    "text", ["149pm", " 149pm", "149pm ", "  149   pm  ", "\t149\tpm\n", "149 pm", "\u00a0149pm"]
)
def test_whitespace_is_ignored(text):
    assert parse_length(text) == parse_length("149pm")


def test_accepts_non_string_via_str():
    class Text:
        def __str__(self):
            return "2nm"

    assert parse_length(Text()) == pytest.approx(2e-9, rel=2**-52)


@settings(max_examples=200, deadline=None)
@given(
    mantissa=st.integers(1, 10**6),
    exponent=st.integers(-6, 6),
    unit=st.sampled_from(sorted(UNIT_SIZE)),
)
def test_parse_is_within_one_rounding_of_exact(mantissa, exponent, unit):
    number = f"{mantissa}e{exponent}"
    want = decimal_metres(number, unit)
    assert parse_length(number + unit) == pytest.approx(want, rel=2 * 2**-52, abs=0.0)


def test_same_length_in_any_unit_is_the_same_float():
    assert parse_length("111pm") == parse_length("1.11A") == parse_length("0.111nm") == 1.11e-10


# --------------------------------------------------------------------------- errors
@pytest.mark.parametrize("text", ["149", "  149  ", "1.5e-10", "-3"])
def test_missing_unit(text):
    with pytest.raises(ValueError, match=r"^R_v: .* has no unit; write e\.g\. .*pm"):
        parse_length(text, "R_v")


@pytest.mark.parametrize(
    "text",
    ["149 furlong", "149PM", "149 Nm", "149 mm", "149 km", "149 p m", "149pm5", "1.5e", "149 A2"],
)
def test_unknown_unit(text):
    with pytest.raises(ValueError, match=r"^length: unknown length unit") as info:
        parse_length(text)
    # the message lists the accepted units
    for unit in ("pm", "nm", "m"):
        assert unit in str(info.value)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "pm", "abc", "nan pm", "inf m", "--3pm", ".pm", "1.2.3pm", "1,5pm", "e5pm"],
)
def test_garbage(text):
    with pytest.raises(ValueError, match=r"^R_b: (cannot read|unknown length unit)") as info:
        parse_length(text, "R_b")
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("text", ["1e400m", "1e330pm"])
def test_overflow_is_not_a_finite_length(text):
    with pytest.raises(ValueError, match=r"not a finite length"):
        parse_length(text)


def test_error_names_the_parameter_and_gives_an_example():
    with pytest.raises(ValueError, match=r"^--rb: '155' has no unit; write e\.g\. 155pm"):
        parse_length("155", "--rb")


# --------------------------------------------------------------------------- format_length
@pytest.mark.parametrize(
    ("metres", "unit", "digits", "text"),
    [
        (1.49e-10, "pm", 4, "149 pm"),
        (1.55e-10, "pm", 4, "155 pm"),
        (1.1567730892933236e-10, "pm", 4, "115.7 pm"),
        (1.1567730892933236e-10, "pm", 6, "115.677 pm"),
        (1.49e-10, "nm", 4, "0.149 nm"),
        (1.49e-10, "\u00c5", 3, "1.49 \u00c5"),
        (2.5e-3, "m", 4, "0.0025 m"),
        (1.0, "pm", 4, "1e+12 pm"),
        (0.0, "nm", 4, "0 nm"),
    ],
)
def test_format_length(metres, unit, digits, text):
    assert format_length(metres, unit, digits) == text


@pytest.mark.parametrize("missing", [None, math.nan, float("nan")])
def test_format_length_of_missing_value(missing):
    assert format_length(missing) == "—"


@settings(max_examples=100, deadline=None)
@given(
    metres=st.floats(min_value=1e-13, max_value=1e-3),
    unit=st.sampled_from(sorted(UNIT_SIZE)),
)
def test_format_then_parse_round_trips(metres, unit):
    text = format_length(metres, unit, digits=17)
    assert parse_length(text) == pytest.approx(metres, rel=4 * 2**-52)
