"""Input checking shared by every public function.

Each checker converts its argument to a float64 array, rejects what is outside the
model's domain with a `ValueError` that names the parameter and the valid
range, and, for arrays, says how many entries are bad and shows the first one.
"""

from __future__ import annotations

import math
import numbers
import operator

import numpy as np

from .errors import InputError

__all__ = [
    "as_float_array",
    "check_closed_interval",
    "check_finite",
    "check_nonnegative",
    "check_open_interval",
    "check_orbital_radius",
    "check_positive",
    "check_terms",
    "scalar_or_array",
]


def as_float_array(value, name: str) -> np.ndarray:
    """Convert ``value`` to a float64 array or raise a ValueError naming ``name``."""
    if isinstance(value, (str, bytes)) or value is None:
        raise InputError(f"{name} must be a real number or an array of real numbers, got {value!r}")
    try:
        arr = np.asarray(value)
    except Exception as exc:  # pragma: no cover - numpy raises many things
        raise InputError(f"{name} must be numeric, got {value!r}") from exc
    if arr.dtype == bool or not (
        np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)
    ):
        raise InputError(
            f"{name} must be a real number or an array of real numbers, got dtype {arr.dtype}"
            f" ({_short(value)})"
        )
    return arr.astype(np.float64, copy=False)


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _raise_bad(name: str, arr: np.ndarray, bad: np.ndarray, valid: str) -> None:
    if arr.ndim == 0:
        raise InputError(f"{name} must be {valid}, got {float(arr)!r}")
    count = int(np.count_nonzero(bad))
    index = tuple(int(i) for i in np.argwhere(bad)[0])
    idx = index[0] if len(index) == 1 else index
    raise InputError(
        f"{name} must be {valid}: {count} of {arr.size} entries are not "
        f"(first at index {idx}: {float(arr[index])!r})"
    )


def check_finite(value, name: str) -> np.ndarray:
    """Finite real number(s)."""
    arr = as_float_array(value, name)
    bad = ~np.isfinite(arr)
    if bad.any():
        _raise_bad(name, arr, bad, "finite")
    return arr


def check_nonnegative(value, name: str, label: str = "finite and >= 0") -> np.ndarray:
    """Finite and >= 0."""
    arr = as_float_array(value, name)
    bad = ~(np.isfinite(arr) & (arr >= 0))
    if bad.any():
        _raise_bad(name, arr, bad, label)
    return arr


def check_positive(value, name: str) -> np.ndarray:
    """Finite and strictly positive."""
    arr = as_float_array(value, name)
    bad = ~(np.isfinite(arr) & (arr > 0))
    if bad.any():
        _raise_bad(name, arr, bad, "finite and > 0")
    return arr


def check_closed_interval(value, name: str, lo: float, hi: float, label: str | None = None):
    """Within ``[lo, hi]`` (NaN rejected)."""
    arr = as_float_array(value, name)
    bad = ~((arr >= lo) & (arr <= hi))
    if bad.any():
        _raise_bad(name, arr, bad, label or f"in [{lo:g}, {hi:g}]")
    return arr


def check_open_interval(value, name: str, lo, hi, label: str) -> np.ndarray:
    """Strictly between ``lo`` and ``hi`` (which may be arrays)."""
    arr = as_float_array(value, name)
    bad = ~((arr > lo) & (arr < hi))
    if bad.any():
        arr_b, bad_b = np.broadcast_arrays(arr, bad)
        _raise_bad(name, arr_b, bad_b, label)
    return arr


def check_orbital_radius(r, R_b, r_name: str = "r"):
    """Check ``R_b > 0`` and ``0 < r < 2 R_b`` and return both as arrays."""
    R_b = check_positive(R_b, "R_b")
    r = as_float_array(r, r_name)
    try:
        np.broadcast_shapes(r.shape, R_b.shape)
    except ValueError as exc:
        raise InputError(
            f"{r_name} (shape {r.shape}) and R_b (shape {R_b.shape}) cannot be broadcast together"
        ) from exc
    check_open_interval(
        r,
        r_name,
        0.0,
        2.0 * R_b,
        "in the open interval (0, 2*R_b) (the adjacent nucleus sits at 2*R_b)",
    )
    return r, R_b


def check_terms(terms, minimum: int = 0, allow_none: bool = True) -> int | None:
    """``None`` (the infinite series, if allowed) or an integer >= ``minimum``.

    Integers (Python or NumPy) and integer-valued real floats are accepted; booleans, strings
    and everything else are rejected.
    """
    valid = (
        f"None (infinite series) or an integer >= {minimum}"
        if allow_none
        else f"an integer >= {minimum}"
    )
    if terms is None:
        if allow_none:
            return None
        raise InputError(f"terms must be {valid}, got None")
    if isinstance(terms, (bool, np.bool_)):
        raise InputError(f"terms must be {valid}, got {terms!r}")
    if isinstance(terms, numbers.Integral):
        value = operator.index(terms)
    elif isinstance(terms, (float, np.floating)) and math.isfinite(terms) and terms == int(terms):
        value = int(terms)
    else:
        raise InputError(f"terms must be {valid}, got {terms!r}")
    if value < minimum:
        raise InputError(f"terms must be {valid}, got {value}")
    return value


def scalar_or_array(result: np.ndarray, *inputs):
    """Return a NumPy scalar when every input was a scalar, the array otherwise."""
    result = np.asarray(result)
    if result.ndim == 0 and all(np.ndim(i) == 0 for i in inputs):
        return result[()]
    return result
