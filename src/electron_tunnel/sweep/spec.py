"""Sweep specifications: which model inputs vary over which values, parsed and checked.

A specification is a grid (an ordered list of dimensions, each a variable and its values) plus
fixed values for the other inputs. Two modes:

* **direct**: ``R_b`` [m], the orbit as ``R_v`` [m] or ``x = r / R_b``, ``c`` and ``terms``;
* **diagram**: temperature ``T`` [K] and pressure ``p`` [Pa] with the constitutive parameters of
  [`electron_tunnel.diagram.Parameters`][] (``R_b0``, ``R_v0``, ``alpha``, ``K0``,
  ``K0_prime``, ``beta``, ``c0``, ``n``, ``T0``, ``eos``) or an ``element`` symbol; ``R_b``,
  ``R_v`` and ``c`` then follow from the diagram's relations at every ``(T, p)``.
"""

from __future__ import annotations

import hashlib
import json
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import InputError
from ..units import (
    parse_length,
    parse_number,
    parse_pressure,
    parse_range,
    parse_temperature,
    parse_terms,
)

__all__ = [
    "LAYOUT_VERSION",
    "OUTPUTS",
    "READS",
    "VARIABLES",
    "Spec",
    "describe_function",
    "load_toml",
    "parse_values",
    "spec_from_items",
]

#: Output variables: units and descriptions (``state`` is a CF flag variable). The relative
#: resistivity rho / Z (eq 35) is D itself, so it is not stored a second time.
OUTPUTS = {
    "D": ("1/m", "resisting distance D (eq 24), also the relative resistivity rho / Z (eq 35); "
                 "NaN outside 0 < R_v < 2 R_b"),
    "R_c": ("m", "conducting radius R_c (eqs 38-41); NaN: no electron tunnel"),
    "critical_c": ("1", "attraction coefficient at which R_c = R_v; NaN outside the domain"),
    "state": ("1", "electrical-resistance state"),
}  # fmt: skip
DEFAULT_OUTPUTS = ("D", "R_c", "critical_c", "state")
#: Outputs of layout 1 that are no longer stored, and what to read instead.
DROPPED_OUTPUTS = {"relative_resistivity": "it equals D (rho / Z = D, eq 35): ask for D"}

#: Version of the store layout (see [`electron_tunnel.sweep.store`][]). 1: every output on the
#: full grid; 2: each output on the dimensions it depends on, square-ish chunks, consolidated
#: metadata. The spec hash covers it.
LAYOUT_VERSION = 2

#: The model inputs each output reads: the border radius ``R_b``, the orbit ``r`` (``R_v``),
#: the attraction coefficient ``c`` and the number of series ``terms``. An output is stored on
#: the grid dimensions that feed these inputs ([`Spec.output_dims`][]) and no others.
READS = {
    "D": ("R_b", "r", "c", "terms"),  # chain.resisting_distance(r, R_b, c, terms)
    "R_c": ("R_b", "c", "terms"),  # chain.conducting_radius(R_b, c, terms)
    "critical_c": ("R_b", "r", "terms"),  # chain.critical_attraction(r, R_b, terms)
    "state": ("R_b", "r", "c", "terms"),  # states.state_codes(r, R_c)
}

# Diagram mode: the constitutive parameters each default relation of
# electron_tunnel.diagram.constitutive reads (besides T and p). border_radius: R_b0, alpha, K0,
# K0_prime, T0 (and eos); valence_radius: R_v0, beta, T0; attraction: c0, n and those of
# border_radius. A user relation f(T, p) replaces the default one and reads T and p only.
_RELATION_PARAMS = {
    "R_b": ("R_b0", "alpha", "K0", "K0_prime", "T0"),
    "r": ("R_v0", "beta", "T0"),
    "c": ("c0", "n", "R_b0", "alpha", "K0", "K0_prime", "T0"),
}
_USER_RELATION = {"R_b": "R_b", "r": "R_v", "c": "c"}  # input -> name of its user relation


def _si(parse, **options):
    """A reader of one value: a TOML number as it is (SI), text through ``units.parse_*``."""

    def read(text, name):
        if isinstance(text, (int, float)) and not isinstance(text, bool):
            return float(text)
        return parse(str(text), name, **options)

    return read


_number = _si(parse_number)
_length = _si(parse_length)
_pressure = _si(parse_pressure, default_unit="Pa")
_temperature = _si(parse_temperature, default_unit="K")


def _terms(text, name):
    """``terms`` as stored: the index N, or -1.0 for the infinite series ("inf" and its
    aliases, see [`units.parse_terms`][]; "-1", the stored value, is read back too)."""
    if str(text).strip() == "-1":
        return -1.0
    n = parse_terms(text, name)
    return -1.0 if n is None else float(n)


# name -> (reader, unit, check(values) -> bool, valid-range text, mode)
VARIABLES = {
    "R_b": (_length, "m", lambda v: v > 0, "> 0", "direct"),
    "R_v": (_length, "m", lambda v: v > 0, "> 0 (and < 2 R_b)", "direct"),
    "x": (_number, "1", lambda v: (v > 0) & (v < 2), "in (0, 2) (x = r/R_b)", "direct"),
    "c": (_number, "1", lambda v: (v >= 0) & (v <= 1), "in [0, 1]", "direct"),
    "terms": (_terms, "1", lambda v: v >= -1, "an integer >= 0 or 'inf'", "both"),
    "T": (_temperature, "K", lambda v: v >= 0, ">= 0 K", "diagram"),
    "p": (_pressure, "Pa", lambda v: v >= 0, ">= 0 Pa", "diagram"),
    "R_b0": (_length, "m", lambda v: v > 0, "> 0", "diagram"),
    "R_v0": (_length, "m", lambda v: v > 0, "> 0 (and < 2 R_b0)", "diagram"),
    "alpha": (_number, "1/K", lambda v: v >= 0, ">= 0 [1/K]", "diagram"),
    "K0": (_pressure, "Pa", lambda v: v > 0, "> 0 Pa", "diagram"),
    "K0_prime": (_number, "1", lambda v: v > 0, "> 0", "diagram"),
    "beta": (_number, "1/K", lambda v: v >= 0, ">= 0 [1/K]", "diagram"),
    "c0": (_number, "1", lambda v: (v >= 0) & (v <= 1), "in [0, 1]", "diagram"),
    "n": (_number, "1", lambda v: v >= 0, ">= 0", "diagram"),
    "T0": (_temperature, "K", lambda v: v >= 0, ">= 0 K", "diagram"),
}  # fmt: skip
#: Fixed-only text settings of the diagram mode.
TEXT_SETTINGS = {"eos": ("murnaghan", "birch-murnaghan"), "element": None}
DIAGRAM_PARAMS = ("R_b0", "R_v0", "alpha", "K0", "K0_prime", "beta", "c0", "n", "T0")
#: Dimensions looped over (one value per chunk), not vectorised.
LOOPED = ("terms", *DIAGRAM_PARAMS)


def _unknown(name):
    valid = ", ".join([*VARIABLES, *TEXT_SETTINGS])
    return ValueError(f"unknown sweep variable {name!r}; valid names: {valid}")


def parse_values(name: str, text, kind: str) -> np.ndarray:
    """Values of one variable from ``start:stop:num`` (``kind="range"``), a list or a scalar.

    Ranges are inclusive (``numpy.linspace``); ``num`` >= 1, ``start <= stop`` and
    ``start == stop`` only with ``num = 1``. Lists are comma-separated text or a sequence.
    """
    if name not in VARIABLES:
        raise _unknown(name)
    reader, _, check, valid, _ = VARIABLES[name]
    if kind == "range":
        values = np.linspace(*parse_range(text, name, reader))
    else:
        if isinstance(text, (int, float, np.floating, np.integer)):
            items = [float(text)]
        else:
            items = text if isinstance(text, (list, tuple)) else str(text).split(",")
        items = [i for i in items if str(i).strip() != ""]
        if not items:
            raise InputError(f"list of {name} is empty")
        values = np.array([reader(i, name) for i in items], dtype=np.float64)
        if kind == "set" and values.size != 1:
            raise InputError(f"{name}: a fixed value takes one value, got {values.size}")
    if not np.all(np.isfinite(values)) or not np.all(check(values)):
        bad = values[~(np.isfinite(values) & check(values))][0]
        raise InputError(f"{name} must be {valid}, got {bad:g}")
    if kind == "list" and values.size > 1 and np.any(np.diff(values) == 0):
        raise InputError(f"list of {name} repeats a value")
    return values


@dataclass(frozen=True)
class Spec:
    """A checked sweep specification (build it with [`spec_from_items`][]).

    Attributes
    ----------
    grid : tuple of (str, ndarray)
        The dimensions in order: variable name and its float64 values.
    fixed : dict
        Fixed values: floats by variable name, and the text settings ``eos``/``element``.
    outputs : tuple of str
        Output variables, a subset of [`OUTPUTS`][].
    chunk_points : int
        Target number of grid points per chunk.
    relations : tuple of (str, callable)
        Diagram mode only: user functions ``f(T, p)`` replacing the default relations
        ``R_b``, ``R_v`` or ``c`` (see [`electron_tunnel.diagram.Model`][]). The spec hash
        covers each function's qualified name and bytecode, not the values a closure captures.
    """

    grid: tuple
    fixed: dict = field(default_factory=dict)
    outputs: tuple = DEFAULT_OUTPUTS
    chunk_points: int = 1 << 20
    relations: tuple = ()

    @property
    def names(self) -> tuple:
        return tuple(n for n, _ in self.grid)

    @property
    def shape(self) -> tuple:
        return tuple(v.size for _, v in self.grid)

    @property
    def size(self) -> int:
        return math.prod(self.shape)

    @property
    def mode(self) -> str:
        used = set(self.names) | set(self.fixed)
        return "diagram" if used & {"T", "p", "element", "eos", *DIAGRAM_PARAMS} else "direct"

    def chunks(self) -> tuple:
        """Chunk shape over the grid: square-ish blocks of about [`chunk_points`][] points.

        ``terms`` and the diagram parameters take one value per chunk (they are looped over,
        not vectorised). The budget is shared evenly by the other dimensions, shortest first:
        with ``k`` of them left and ``B`` points of budget, a dimension gets ``floor(B^(1/k))``
        values (all of them if it is shorter, leaving the rest of its share to the others),
        rounded to equal chunks (``n`` values in ``ceil(n / share)`` chunks). So a 10⁴ × 10⁴
        grid with the default 2²⁰ points has chunks of 1000 × 1000: reading a full row or a
        full column touches 10 of its 100 chunks.
        """
        out = [1] * len(self.grid)
        vectorised = [k for k, (name, _) in enumerate(self.grid) if name not in LOOPED]
        vectorised.sort(key=lambda k: self.grid[k][1].size)
        budget = max(1, self.chunk_points)
        for i, k in enumerate(vectorised):
            n = self.grid[k][1].size
            share = min(n, _iroot(budget, len(vectorised) - i))
            out[k] = -(-n // -(-n // share))  # equal chunks: n values in ceil(n / share) chunks
            budget = max(1, budget // out[k])
        return tuple(out)

    def feeds(self, quantity: str) -> tuple:
        """Grid dimensions that the model input ``quantity`` (``R_b``, ``r``, ``c`` or
        ``terms``) depends on, in grid order."""
        if quantity == "terms":
            names = {"terms"}
        elif self.mode == "direct":
            orbit = {"x", "R_b"} if "R_v" not in self.names and "R_v" not in self.fixed else {"R_v"}
            names = {"R_b": {"R_b"}, "r": orbit, "c": {"c"}}[quantity]
        else:
            names = {"T", "p"}
            if _USER_RELATION[quantity] not in dict(self.relations):
                names |= set(_RELATION_PARAMS[quantity])
        return tuple(n for n in self.names if n in names)

    def output_dims(self, name: str) -> tuple:
        """Grid dimensions the output ``name`` is stored on: those feeding the inputs it
        reads ([`READS`][]), in grid order."""
        used = {d for quantity in READS[name] for d in self.feeds(quantity)}
        return tuple(n for n in self.names if n in used)

    def output_chunks(self, name: str) -> tuple:
        """Chunk shape of the output ``name``: [`chunks`][] on its [`output_dims`][]."""
        dims = self.output_dims(name)
        return tuple(c for n, c in zip(self.names, self.chunks(), strict=True) if n in dims)

    def canonical(self) -> dict:
        """JSON-able description with exact values (float hex), for the spec hash."""
        out = {
            "grid": [[n, [float(v).hex() for v in vals]] for n, vals in self.grid],
            "fixed": {k: (v if isinstance(v, str) else float(v).hex()) for k, v in
                      sorted(self.fixed.items())},
            "outputs": list(self.outputs),
            "chunks": list(self.chunks()),
            "layout": LAYOUT_VERSION,
            "dims": {name: list(self.output_dims(name)) for name in self.outputs},
        }  # fmt: skip
        if self.relations:
            out["relations"] = {name: describe_function(fn) for name, fn in self.relations}
        return out

    def digest(self) -> str:
        """SHA-256 of [`canonical`][]: equal for equal specifications (computed once)."""
        cached = self.__dict__.get("_digest")
        if cached is None:
            text = json.dumps(self.canonical(), sort_keys=True, separators=(",", ":"))
            cached = self.__dict__["_digest"] = hashlib.sha256(text.encode()).hexdigest()
        return cached


def _iroot(n: int, k: int) -> int:
    """``floor(n ** (1 / k))`` for integers ``n >= 1``, ``k >= 1`` (exact, no float rounding)."""
    r = max(1, round(n ** (1.0 / k)))
    while r**k > n:
        r -= 1
    while (r + 1) ** k <= n:
        r += 1
    return r


def describe_function(fn) -> str:
    """``module.qualname`` and a SHA-256 of the bytecode and constants of a callable."""
    name = f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', type(fn).__name__)}"
    code = getattr(fn, "__code__", None)
    if code is None:
        return name
    blob = code.co_code + repr(code.co_consts).encode() + repr(code.co_names).encode()
    return f"{name}#{hashlib.sha256(blob).hexdigest()[:16]}"


def spec_from_items(items, *, outputs=None, chunk_points=1 << 20, relations=None) -> Spec:
    """Build and check a [`Spec`][] from ``(kind, name, text)`` items in order.

    ``kind`` is ``"range"``, ``"list"`` or ``"set"``; ``text`` as for [`parse_values`][] (or
    the text of ``eos``/``element``). ``relations`` maps ``R_b``, ``R_v`` or ``c`` to a user
    function ``f(T, p)`` (diagram mode only).
    """
    grid, fixed = [], {}
    for kind, name, text in items:
        if name in grid_names(grid) or name in fixed:
            raise InputError(f"{name} is given more than once")
        if name in TEXT_SETTINGS:
            if kind != "set":
                raise InputError(f"{name} can only be set to one value, not swept")
            allowed = TEXT_SETTINGS[name]
            if allowed and str(text) not in allowed:
                raise InputError(f"{name} must be one of {', '.join(allowed)}, got {text!r}")
            fixed[name] = str(text)
            continue
        values = parse_values(name, text, kind)
        if kind == "set":
            fixed[name] = float(values[0])
        else:
            grid.append((name, values))
    outs = tuple(DEFAULT_OUTPUTS if outputs is None else outputs)
    for o in outs:
        if o in DROPPED_OUTPUTS:
            raise InputError(f"output {o!r} is not stored: {DROPPED_OUTPUTS[o]}")
        if o not in OUTPUTS:
            raise InputError(f"unknown output {o!r}; valid outputs: {', '.join(OUTPUTS)}")
    if not outs:
        raise InputError("no outputs requested")
    if int(chunk_points) < 1:
        raise InputError(f"chunk_points must be >= 1, got {chunk_points}")
    rel = tuple((k, fn) for k, fn in sorted((relations or {}).items()) if fn is not None)
    for k, fn in rel:
        if k not in ("R_b", "R_v", "c"):
            raise InputError(f"unknown relation {k!r}; valid relations: R_b, R_v, c")
        if not callable(fn):
            raise InputError(f"relation {k} must be a function of (T, p)")
    spec = Spec(tuple(grid), fixed, outs, int(chunk_points), rel)
    _check_complete(spec)
    if rel and spec.mode != "diagram":
        raise InputError("user relations R_b(T, p), R_v(T, p), c(T, p) need a diagram sweep")
    return spec


def grid_names(grid):
    return [n for n, _ in grid]


def _check_complete(spec: Spec) -> None:
    given = set(spec.names) | set(spec.fixed)
    if not spec.grid:
        raise InputError("the sweep has no dimension: give at least one range or list of values")
    if spec.mode == "direct":
        missing = [n for n in ("R_b", "c") if n not in given]
        if not ({"R_v", "x"} & given):
            missing.append("R_v or x")
        if missing:
            raise InputError(f"missing sweep variable(s): {', '.join(missing)}")
        if {"R_v", "x"} <= given:
            raise InputError("give the orbit as R_v or as x = r/R_b, not both")
        if "R_v" in given and "R_b" in spec.fixed and "R_v" in spec.fixed:
            if not spec.fixed["R_v"] < 2 * spec.fixed["R_b"]:
                raise InputError("R_v must be < 2 R_b")
        return
    direct = sorted(given & {"R_b", "R_v", "x", "c"})
    if direct:
        raise InputError(
            f"{', '.join(direct)} cannot be combined with T, p and the diagram parameters "
            "(the diagram's relations give R_b, R_v and c)"
        )
    if "element" not in given:
        missing = [n for n in ("R_b0", "R_v0", "alpha", "K0") if n not in given]
        if missing:
            raise InputError(
                f"diagram sweep needs element=SYMBOL or the parameters {', '.join(missing)}"
            )


def load_toml(path) -> tuple[list, dict]:
    """Read a TOML spec file: ``[set]``, ``[range]`` and ``[list]`` tables, in file order.

    Returns the ``(kind, name, value)`` items and the top-level options (``outputs``,
    ``chunk_points``, ``out``).
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise InputError(f"cannot read spec file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"spec file {path} is not valid TOML: {exc}") from None
    items, options = [], {}
    for key, value in data.items():
        if key in ("set", "range", "list") and isinstance(value, dict):
            items += [(key, n, v) for n, v in value.items()]
        elif key in ("outputs", "chunk_points", "out"):
            options[key] = value
        else:
            raise InputError(
                f"spec file {path}: unknown key {key!r} (use [set], [range], [list], "
                "outputs, chunk_points, out)"
            )
    return items, options
