"""Every conversion of text to SI at the edges of the package (command line, spec files, widgets).

Inside the package everything is SI; this module is the one place that reads units. One table
per quantity, each unit's size in SI taken from `scipy.constants` where it has one:

* lengths ([`LENGTH_UNITS`][], [`parse_length`][]): ``149pm``, ``1.49 Å``, ``0.149nm`` [m];
* pressures ([`PRESSURE_UNITS`][], [`parse_pressure`][]): ``300GPa``, ``1 bar``, ``1atm``
  [Pa] -- the union of what the sweep specs (Pa, kPa, MPa, GPa) and the diagram ranges (also
  bar, kbar) accepted before, plus Mbar and atm;
* temperatures ([`TEMPERATURE_UNITS`][], [`parse_temperature`][]): ``300K``, ``20mK`` [K];
* plain numbers ([`parse_number`][]), ranges ``START:STOP:NUM`` or ``START:STOP``
  ([`parse_range`][]) and the number of series terms ([`parse_terms`][], where
  [`TERMS_INFINITE`][] ``"inf"`` is the infinite series).

Numbers are read in decimal and rounded once, so ``"111pm"``, ``"1.11A"`` and ``"0.111nm"``
give the same float. A bad text raises [`InputError`][] (a
``ValueError``) whose message starts with the parameter's name and lists the valid units.
[`PM`][] (one picometre in metres) is the package's one picometre constant.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal

from scipy import constants as codata

from .errors import InputError

__all__ = [
    "GPA",
    "LENGTH_UNITS",
    "PM",
    "PRESSURE_UNITS",
    "TEMPERATURE_UNITS",
    "TERMS_ALIASES",
    "TERMS_INFINITE",
    "format_length",
    "parse_length",
    "parse_number",
    "parse_pressure",
    "parse_range",
    "parse_temperature",
    "parse_terms",
]

#: One picometre [m]: the unit the paper quotes radii in.
PM: float = codata.pico
#: One gigapascal [Pa]: the unit of pressures and bulk moduli at the edges (CLI, figures).
GPA: float = codata.giga

#: Accepted length units and their size in metres.
LENGTH_UNITS: dict[str, float] = {
    "pm": PM,
    "\u00c5": 1e-10,  # Å, LATIN CAPITAL LETTER A WITH RING ABOVE
    "\u212b": 1e-10,  # Å, ANGSTROM SIGN
    "A": 1e-10,
    "angstrom": 1e-10,
    "nm": 1e-9,
    "um": 1e-6,
    "\u00b5m": 1e-6,  # µm, MICRO SIGN
    "\u03bcm": 1e-6,  # μm, GREEK SMALL LETTER MU
    "m": 1.0,
}

#: Accepted pressure units and their size in pascals (bar and atm from scipy.constants).
PRESSURE_UNITS: dict[str, float] = {
    "Pa": 1.0,
    "kPa": codata.kilo,
    "MPa": codata.mega,
    "GPa": codata.giga,
    "bar": codata.bar,  # 1e5 Pa exactly
    "kbar": codata.kilo * codata.bar,
    "Mbar": codata.mega * codata.bar,  # 100 GPa
    "atm": codata.atm,  # 101325 Pa exactly
}

#: Accepted temperature units (kelvin only; no offset scales) and their size in kelvin.
TEMPERATURE_UNITS: dict[str, float] = {"K": 1.0, "mK": codata.milli}

#: The one spelling of the infinite series for ``terms`` (:func:`parse_terms`).
TERMS_INFINITE = "inf"
#: Other spellings accepted for the infinite series, any case (all accepted before).
TERMS_ALIASES = ("infinite", "none", "all")

# each quantity: its table, the units an error message lists, and an example
_QUANTITIES = {
    "length": (LENGTH_UNITS, tuple(sorted(set(LENGTH_UNITS) - {"\u212b"})), "149", "pm"),
    "pressure": (PRESSURE_UNITS, tuple(PRESSURE_UNITS), "300", "GPa"),
    "temperature": (TEMPERATURE_UNITS, tuple(TEMPERATURE_UNITS), "300", "K"),
}

_PATTERN = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([^\d\s].*?)?\s*$")


def parse_length(text: str, name: str = "length") -> float:
    """Parse ``"149pm"``, ``"1.49 Å"``, ``"0.149nm"`` or ``"1.49e-10m"`` into metres.

    Parameters
    ----------
    text : str
        A number followed by one of [`LENGTH_UNITS`][].
    name : str
        Name used in the error message.

    Returns
    -------
    float
        Length [m].

    Raises
    ------
    InputError
        If the number or the unit is missing or not understood (a ``ValueError``).

    Examples
    --------
    >>> parse_length("149pm")
    1.49e-10
    >>> parse_length("1.55 Å")
    1.55e-10
    """
    return _parse_quantity(text, name, "length")


def parse_pressure(text: str, name: str = "pressure", *, default_unit: str | None = None):
    """Parse ``"300GPa"``, ``"1 bar"`` or ``"1atm"`` into pascals.

    Parameters
    ----------
    text : str
        A number followed by one of [`PRESSURE_UNITS`][] (or a bare number, given
        ``default_unit``).
    name : str
        Name used in the error message.
    default_unit : str, optional
        Unit of a number written without one; without it a unit is required.

    Returns
    -------
    float
        Pressure [Pa].

    Examples
    --------
    >>> parse_pressure("300GPa"), parse_pressure("2 kbar"), parse_pressure("1atm")
    (300000000000.0, 200000000.0, 101325.0)
    >>> parse_pressure("5", default_unit="Pa")
    5.0
    """
    return _parse_quantity(text, name, "pressure", default_unit)


def parse_temperature(text: str, name: str = "temperature", *, default_unit: str | None = None):
    """Parse ``"300K"`` or ``"20 mK"`` into kelvin (see [`TEMPERATURE_UNITS`][]).

    Examples
    --------
    >>> parse_temperature("300K"), parse_temperature("20 mK")
    (300.0, 0.02)
    >>> parse_temperature("4", default_unit="K")
    4.0
    """
    return _parse_quantity(text, name, "temperature", default_unit)


def parse_number(text, name: str = "value") -> float:
    """Parse a plain finite number without a unit (``"0.5"``, ``"1e-3"``, ``"+7"``).

    Examples
    --------
    >>> parse_number("2.5e-1")
    0.25
    """
    match = _PATTERN.match(str(text))
    if not match or match.group(2) is not None:
        raise InputError(f"{name}: cannot read {text!r} as a number")
    value = float(match.group(1))
    if not math.isfinite(value):
        raise InputError(f"{name}: {text!r} is not a finite number")
    return value


def _parse_quantity(text, name, quantity, default_unit=None):
    table, shown, example, example_unit = _QUANTITIES[quantity]
    units = ", ".join(shown)
    match = _PATTERN.match(str(text))
    if not match:
        raise InputError(
            f"{name}: cannot read {text!r} as a {quantity}; "
            f"write e.g. {example}{example_unit} ({units})"
        )
    number, unit = match.groups()
    if unit is None:
        if default_unit is None:
            raise InputError(
                f"{name}: {text!r} has no unit; write e.g. {number}{example_unit} ({units})"
            )
        unit = default_unit
    if unit not in table:
        raise InputError(
            f"{name}: unknown {quantity} unit {unit!r} in {text!r}; use one of {units}"
        )
    # decimal arithmetic, rounded once: "111pm", "1.11A" and "0.111nm" give the same float
    value = float(Decimal(number) * Decimal(repr(table[unit])))
    if not math.isfinite(value):
        raise InputError(f"{name}: {text!r} is not a finite {quantity}")
    return value


def format_length(metres: float, unit: str = "pm", digits: int = 4) -> str:
    """Format a length in metres as ``"149 pm"``.

    Examples
    --------
    >>> format_length(1.49e-10)
    '149 pm'
    """
    if unit not in LENGTH_UNITS:
        raise InputError(f"unit must be one of {', '.join(LENGTH_UNITS)}, got {unit!r}")
    if metres is None or (isinstance(metres, float) and math.isnan(metres)):
        return "—"
    return f"{metres / LENGTH_UNITS[unit]:.{digits}g} {unit}"


def parse_terms(text, name: str = "terms") -> int | None:
    """Parse the last series index ``N >= 0``, or the infinite series, for ``terms``.

    The infinite series is written [`TERMS_INFINITE`][] (``"inf"``); [`TERMS_ALIASES`][]
    (``"infinite"``, ``"none"``, ``"all"``) are accepted too, in any case.

    Returns
    -------
    int or None
        ``N``, or ``None`` for the infinite series (the library's ``terms=None``).

    Examples
    --------
    >>> parse_terms("5"), parse_terms("inf"), parse_terms("Infinite")
    (5, None, None)
    """
    word = str(text).strip()
    if word.lower() in (TERMS_INFINITE, *TERMS_ALIASES):
        return None
    try:
        value = int(word)
    except ValueError:
        raise InputError(
            f"{name} must be an integer >= 0 or {TERMS_INFINITE!r}, got {text!r}"
        ) from None
    if value < 0:
        raise InputError(f"{name} must be an integer >= 0 or {TERMS_INFINITE!r}, got {value}")
    return value


def parse_range(text, name: str, parse=parse_number, *, num: bool = True) -> tuple:
    """Parse an inclusive range ``START:STOP:NUM`` (``num=True``) or ``START:STOP``.

    Parameters
    ----------
    text : str or mapping
        The range; with ``num=True`` also a mapping with keys ``start``, ``stop``, ``num``
        (a TOML inline table).
    name : str
        The parameter, named in error messages.
    parse : callable
        ``parse(value, name)`` reads START and STOP, e.g. [`parse_length`][] or
        [`parse_pressure`][] (default: [`parse_number`][]).
    num : bool
        Whether the range has a number of points ``NUM``.

    Returns
    -------
    tuple
        ``(start, stop, num)`` with ``num >= 1``, ``start <= stop`` and ``start < stop``
        unless ``num == 1``; or ``(start, stop)`` with ``start < stop``.

    Notes
    -----
    In ``START:STOP`` a unit written only after STOP applies to START too: ``"0:300GPa"`` is
    0 to 300 GPa. In ``START:STOP:NUM`` each end carries its own unit (or none).

    Examples
    --------
    >>> parse_range("0.1:0.5:5", "x")
    (0.1, 0.5, 5)
    >>> parse_range("0:300GPa", "pressure", parse_pressure, num=False)
    (0.0, 300000000000.0)
    """
    form = "start:stop:num" if num else "start:stop"
    if num and isinstance(text, Mapping):
        parts = [text.get("start"), text.get("stop"), text.get("num")]
    else:
        parts = str(text).split(":")
    if len(parts) != (3 if num else 2) or any(p is None for p in parts):
        raise InputError(f"range of {name} must be {form}, got {text!r}")
    first, last = parts[0], parts[1]
    if not num and isinstance(first, str):
        head, tail = _PATTERN.match(first), _PATTERN.match(last)
        if head and tail and head.group(2) is None and tail.group(2) is not None:
            first = head.group(1) + tail.group(2)  # "0:300GPa": the unit of STOP
    if not num:
        stop = parse(last, name)  # STOP first: it carries the unit, its errors come first
        start = parse(first, name)
        if not start < stop:
            raise InputError(
                f"range of {name} is empty or reversed ({start:g} >= {stop:g}); write start < stop"
            )
        return start, stop
    start, stop = parse(first, name), parse(last, name)
    try:
        n = int(str(parts[2]))
    except ValueError:
        raise InputError(f"range of {name}: num must be an integer, got {parts[2]!r}") from None
    if n < 1:
        raise InputError(f"range of {name} is empty (num = {n}); num must be >= 1")
    if stop < start:
        raise InputError(f"range of {name} is reversed ({start:g} > {stop:g})")
    if n > 1 and stop == start:
        raise InputError(f"range of {name} has start == stop with num = {n} > 1")
    return start, stop, n
