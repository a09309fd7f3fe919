"""Parsing text into SI and formatting lengths (electron_tunnel.units)."""

from __future__ import annotations

import ast
import math
import pathlib
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import constants as codata

from electron_tunnel import units
from electron_tunnel.errors import InputError
from electron_tunnel.units import (
    LENGTH_UNITS,
    PM,
    PRESSURE_UNITS,
    TEMPERATURE_UNITS,
    TERMS_ALIASES,
    TERMS_INFINITE,
    format_length,
    parse_length,
    parse_number,
    parse_pressure,
    parse_range,
    parse_temperature,
    parse_terms,
)

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


# --------------------------------------------------------------------------- the other tables
# Size of each unit in SI from scipy.constants (CODATA / SI definitions), written independently.
PRESSURE_SIZE = {
    "Pa": 1.0,
    "kPa": 1e3,
    "MPa": 1e6,
    "GPa": 1e9,
    "bar": codata.bar,
    "kbar": 1e3 * codata.bar,
    "Mbar": 1e6 * codata.bar,
    "atm": codata.atm,
}
TEMPERATURE_SIZE = {"K": 1.0, "mK": 1e-3}


def test_pressure_and_temperature_tables_are_scipy_constants():
    assert PRESSURE_UNITS == PRESSURE_SIZE
    assert TEMPERATURE_UNITS == TEMPERATURE_SIZE
    # the exact SI values, so nothing rounds on the way
    assert PRESSURE_UNITS["bar"] == 1e5 and PRESSURE_UNITS["kbar"] == 1e8
    assert PRESSURE_UNITS["Mbar"] == 1e11 == 100 * PRESSURE_UNITS["GPa"]
    assert PRESSURE_UNITS["atm"] == 101325.0
    assert PM == 1e-12 == codata.pico == LENGTH_UNITS["pm"]
    for table, sizes in ((LENGTH_UNITS, UNIT_SIZE), (PRESSURE_UNITS, PRESSURE_SIZE)):
        for unit, size in sizes.items():
            assert table[unit] == float(size), unit


def _exact(number, size):
    return float(Decimal(number) * Decimal(repr(float(size))))


@pytest.mark.parametrize("unit", list(PRESSURE_SIZE))
@pytest.mark.parametrize("number", ["0", "1", "2.5", "300", ".25", "1e-3", "+7", "4.2E2"])
def test_every_pressure_unit(unit, number):
    want = _exact(number, PRESSURE_SIZE[unit])
    assert parse_pressure(f"{number}{unit}") == want
    assert parse_pressure(f" {number} {unit} ", "p") == want


@pytest.mark.parametrize("unit", list(TEMPERATURE_SIZE))
@pytest.mark.parametrize("number", ["0", "4.2", "300", "1e3", ".5"])
def test_every_temperature_unit(unit, number):
    assert parse_temperature(f"{number}{unit}") == _exact(number, TEMPERATURE_SIZE[unit])
    assert parse_temperature(f"{number} {unit}") == _exact(number, TEMPERATURE_SIZE[unit])


def test_decimal_reading_gives_one_float_per_quantity():
    assert (
        parse_pressure("1.1GPa") == 1.1e9 == parse_pressure("1100MPa") == parse_pressure("11kbar")
    )
    assert parse_pressure("1Mbar") == parse_pressure("100GPa")
    assert parse_temperature("20mK") == 0.02 == parse_temperature("0.02K")


@settings(max_examples=100, deadline=None)
@given(
    value=st.floats(min_value=1e-3, max_value=1e13),
    unit=st.sampled_from(list(PRESSURE_SIZE)),
)
def test_pressure_round_trips(value, unit):
    text = f"{value / PRESSURE_UNITS[unit]!r}{unit}"
    assert parse_pressure(text) == pytest.approx(value, rel=4 * 2**-52)


@settings(max_examples=50, deadline=None)
@given(value=st.floats(min_value=0, max_value=1e5), unit=st.sampled_from(list(TEMPERATURE_SIZE)))
def test_temperature_round_trips(value, unit):
    text = f"{value / TEMPERATURE_UNITS[unit]!r} {unit}"
    assert parse_temperature(text) == pytest.approx(value, rel=4 * 2**-52, abs=0.0)


def test_default_unit_only_when_asked():
    assert parse_pressure("5", default_unit="Pa") == 5.0
    assert parse_pressure("5", default_unit="GPa") == 5e9
    assert parse_temperature("4.2", default_unit="K") == 4.2
    with pytest.raises(InputError, match=r"^p_max: '5' has no unit; write e\.g\. 5GPa \(Pa, kPa"):
        parse_pressure("5", "p_max")
    with pytest.raises(InputError, match=r"^T: '4' has no unit; write e\.g\. 4K \(K, mK\)"):
        parse_temperature("4", "T")


@pytest.mark.parametrize(
    ("parse", "text", "quantity", "valid"),
    [
        (parse_pressure, "3 psi", "pressure", PRESSURE_SIZE),
        (parse_pressure, "3 gpa", "pressure", PRESSURE_SIZE),
        (parse_pressure, "3 K", "pressure", PRESSURE_SIZE),
        (parse_temperature, "300C", "temperature", TEMPERATURE_SIZE),
        (parse_temperature, "300 degC", "temperature", TEMPERATURE_SIZE),
        (parse_length, "3 furlong", "length", {"pm": 0, "nm": 0, "angstrom": 0}),
    ],
)
def test_unknown_unit_names_the_parameter_and_lists_the_units(parse, text, quantity, valid):
    with pytest.raises(InputError, match=rf"^the_param: unknown {quantity} unit") as info:
        parse(text, "the_param")
    assert isinstance(info.value, ValueError)
    assert repr(text) in str(info.value)
    for unit in valid:
        assert unit in str(info.value)


@pytest.mark.parametrize("parse", [parse_length, parse_pressure, parse_temperature, parse_number])
@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "1.2.3", "1,5", "--3"])
def test_garbage_is_an_input_error_naming_the_parameter(parse, text):
    with pytest.raises(InputError, match=r"^K0: (cannot read|unknown \w+ unit)") as info:
        parse(text, "K0")
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("parse", [parse_pressure, parse_temperature])
def test_overflow_is_not_finite(parse):
    unit = "Pa" if parse is parse_pressure else "K"
    with pytest.raises(InputError, match="not a finite"):
        parse(f"1e400{unit}", "x")


def test_parse_number():
    assert parse_number("0.5") == 0.5
    assert parse_number(" -3e2 ") == -300.0
    assert parse_number(7) == 7.0
    with pytest.raises(InputError, match=r"^alpha: cannot read '5pm' as a number"):
        parse_number("5pm", "alpha")
    with pytest.raises(InputError, match=r"^c: '1e400' is not a finite number"):
        parse_number("1e400", "c")


# --------------------------------------------------------------------------- terms
def test_terms_has_one_sentinel_and_documented_aliases():
    assert TERMS_INFINITE == "inf"
    # every spelling accepted before (cli: inf, infinite, none, all; sweep: inf, infinite, none)
    assert set(TERMS_ALIASES) == {"infinite", "none", "all"}


@pytest.mark.parametrize(
    "text", ["inf", "INF", "Inf", "infinite", "Infinite", "none", "None", "all", "ALL", " inf "]
)
def test_terms_infinite_spellings(text):
    assert parse_terms(text) is None


@pytest.mark.parametrize(("text", "n"), [("0", 0), ("1", 1), ("10", 10), (" 3 ", 3), ("+2", 2),
                                         (5, 5), ("100000", 100000)])  # fmt: skip
def test_terms_integers(text, n):
    assert parse_terms(text) == n


@pytest.mark.parametrize("text", ["-1", "-5", "1.5", "many", "", "1e3", "infinity", "0x10"])
def test_terms_bad_input(text):
    with pytest.raises(InputError, match=r"^terms must be an integer >= 0 or 'inf', got"):
        parse_terms(text)
    with pytest.raises(InputError, match=r"^n_terms must be"):
        parse_terms(text, "n_terms")


def test_cli_terms_type_takes_the_same_spellings():
    import argparse

    from electron_tunnel.cli.common import terms

    assert [terms(t) for t in ("inf", "all", "none", "infinite", "7")] == [None] * 4 + [7]
    with pytest.raises(argparse.ArgumentTypeError, match="terms must be an integer >= 0"):
        terms("-1")


# --------------------------------------------------------------------------- ranges
def test_range_start_stop_num():
    assert parse_range("0.1:0.5:5", "x") == (0.1, 0.5, 5)
    assert parse_range({"start": 0, "stop": 1, "num": 3}, "c") == (0.0, 1.0, 3)
    assert parse_range(" 0.5 : 0.5 : 1 ", "c") == (0.5, 0.5, 1)  # one point: start == stop
    assert parse_range("100pm:2A:3", "R_b", parse_length) == (1e-10, 2e-10, 3)
    assert parse_range("0:3GPa:4", "p", lambda t, n: parse_pressure(t, n, default_unit="Pa")) == (
        0.0, 3e9, 4
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1:0.5:3", r"^range of x is reversed \(1 > 0\.5\)"),
        ("0.1:0.5:0", r"^range of x is empty \(num = 0\); num must be >= 1"),
        ("0.1:0.5:-2", r"^range of x is empty"),
        ("0.5:0.5:3", r"^range of x has start == stop with num = 3 > 1"),
        ("0.1:0.5", r"^range of x must be start:stop:num, got '0\.1:0\.5'"),
        ("0.1:0.5:3:4", r"^range of x must be start:stop:num"),
        ("0.1:0.5:3.5", r"^range of x: num must be an integer, got '3\.5'"),
        ("a:0.5:3", r"^x: cannot read 'a' as a number"),
        ({"start": 0, "num": 3}, r"^range of x must be start:stop:num"),
    ],
)
def test_range_errors(text, message):
    with pytest.raises(InputError, match=message):
        parse_range(text, "x")


def test_range_start_stop_shares_the_unit_of_stop():
    assert parse_range("0:300GPa", "pressure", parse_pressure, num=False) == (0.0, 3e11)
    assert parse_range("0GPa:300GPa", "pressure", parse_pressure, num=False) == (0.0, 3e11)
    assert parse_range("1bar : 2kbar", "pressure", parse_pressure, num=False) == (1e5, 2e8)
    assert parse_range("0:300K", "temperature", parse_temperature, num=False) == (0.0, 300.0)
    assert parse_range("10mK:4.2K", "temperature", parse_temperature, num=False) == (0.01, 4.2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("300:0K", r"^range of temperature is empty or reversed"),
        ("0:0K", r"^range of temperature is empty or reversed"),
        ("0:300", r"^temperature: '300' has no unit; write e\.g\. 300K \(K, mK\)"),
        ("0:3xK", r"^temperature: unknown temperature unit 'xK' in '3xK'; use one of K, mK"),
        ("0:300:5K", r"^range of temperature must be start:stop, got"),
        ("300K", r"^range of temperature must be start:stop"),
    ],
)
def test_range_start_stop_errors(text, message):
    with pytest.raises(InputError, match=message):
        parse_range(text, "temperature", parse_temperature, num=False)


# --------------------------------------------------------------------------- single ownership
SRC = pathlib.Path(units.__file__).resolve().parent
OWNERS = {"units.py", "constants.py"}
PRESSURE_KEYS = set(PRESSURE_UNITS)


def _others():
    for path in sorted(SRC.rglob("*.py")):
        if path.name not in OWNERS or path.parent != SRC:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_only_units_defines_pm_and_unit_tables():
    """No module but units/constants defines ``PM``, a pressure-unit table or terms spellings."""
    found = []
    for path, tree in _others():
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AnnAssign):
                targets = [node.target]
            if any(isinstance(t, ast.Name) and t.id == "PM" for t in targets):
                found.append(f"{rel}:{node.lineno} defines PM")
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                if len(keys & PRESSURE_KEYS) >= 2:
                    found.append(f"{rel}:{node.lineno} has a pressure-unit table")
            if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
                words = {e.value for e in node.elts if isinstance(e, ast.Constant)}
                if {"inf", "infinite"} <= words or {"infinite", "none"} <= words:
                    found.append(f"{rel}:{node.lineno} spells the infinite series")
    assert not found, "; ".join(found) + " (use electron_tunnel.units)"
