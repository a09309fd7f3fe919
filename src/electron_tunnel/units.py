"""Parsing lengths with units at the edges of the package (command line, reports).

Inside the package everything is SI. ``parse_length("149pm")`` gives metres.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

__all__ = ["LENGTH_UNITS", "format_length", "parse_length"]

#: Accepted length units and their size in metres.
LENGTH_UNITS: dict[str, float] = {
    "pm": 1e-12,
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

_PATTERN = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([^\d\s].*?)?\s*$")


def parse_length(text: str, name: str = "length") -> float:
    """Parse ``"149pm"``, ``"1.49 Å"``, ``"0.149nm"`` or ``"1.49e-10m"`` into metres.

    Parameters
    ----------
    text : str
        A number followed by one of :data:`LENGTH_UNITS`.
    name : str
        Name used in the error message.

    Returns
    -------
    float
        Length [m].

    Raises
    ------
    ValueError
        If the number or the unit is missing or not understood.

    Examples
    --------
    >>> parse_length("149pm")
    1.49e-10
    >>> parse_length("1.55 Å")
    1.55e-10
    """
    match = _PATTERN.match(str(text))
    units = ", ".join(sorted(set(LENGTH_UNITS) - {"\u212b"}))
    if not match:
        raise ValueError(f"{name}: cannot read {text!r} as a length; write e.g. 149pm ({units})")
    number, unit = match.groups()
    if unit is None:
        raise ValueError(f"{name}: {text!r} has no unit; write e.g. {number}pm ({units})")
    if unit not in LENGTH_UNITS:
        raise ValueError(f"{name}: unknown length unit {unit!r} in {text!r}; use one of {units}")
    # decimal arithmetic, rounded once: "111pm", "1.11A" and "0.111nm" give the same float
    value = float(Decimal(number) * Decimal(repr(LENGTH_UNITS[unit])))
    if not math.isfinite(value):
        raise ValueError(f"{name}: {text!r} is not a finite length")
    return value


def format_length(metres: float, unit: str = "pm", digits: int = 4) -> str:
    """Format a length in metres as ``"149 pm"``.

    Examples
    --------
    >>> format_length(1.49e-10)
    '149 pm'
    """
    if unit not in LENGTH_UNITS:
        raise ValueError(f"unit must be one of {', '.join(LENGTH_UNITS)}, got {unit!r}")
    if metres is None or (isinstance(metres, float) and math.isnan(metres)):
        return "—"
    return f"{metres / LENGTH_UNITS[unit]:.{digits}g} {unit}"
