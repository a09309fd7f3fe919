r"""Can the documented constitutive relations give a superconducting T_c that falls with p?

No (proof in ``docs/derivations.md``, "T_c cannot fall under pressure"): at fixed temperature,
compression lowers ``R_b``, which raises ``x = R_v/R_b`` (``R_v`` does not depend on pressure)
and so lowers ``c_crit(x)``, and raises (or keeps) ``c = min(1, c0 (R_b0/R_b)^n)``. The margin
``c - c_crit`` therefore never falls with pressure, and the set of superconducting temperatures
only grows. [`falling_tc_possible`][] confirms this numerically over a grid of parameters.
"""

from __future__ import annotations

import itertools

import numpy as np

from .. import chain
from ..errors import InputError
from .constitutive import compression

__all__ = ["SCAN_GRID", "falling_tc_possible"]


SCAN_GRID = {
    "x0": (0.3, 0.5, 0.7, 0.85, 0.95, 0.99, 1.2),  # R_v0 / R_b0
    "alpha": (0.0, 1e-6, 1e-5, 1e-4, 1e-3),  # 1/K
    "beta": (0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2),  # 1/K
    "K0_prime": (0.5, 2.0, 4.0, 7.0, 12.0),
    "eos": ("murnaghan", "birch-murnaghan"),
    "n": (0.0, 0.5, 1.0, 3.0, 6.0, 12.0),
    "c0": (0.05, 0.14, 0.2, 0.3, 0.5, 0.8, 1.0),
    "p_over_K0": (0.0, 1e-4, 1e-3, 1e-2, 0.1, 0.3, 1.0, 3.0, 10.0),
    "T": tuple(np.concatenate([[0.0], np.geomspace(0.01, 1e4, 120)])),  # K
}
"""Default grid of [`falling_tc_possible`][] (K0 and R_b0 drop out: the model depends on
pressure only through ``p/K0`` and on the radii only through ``R_v/R_b``)."""


def _scan_margin(x0, alpha, beta, n, c0, s, T, terms):
    """``c - c_crit(R_v/R_b)`` on broadcast arrays (R_b0 = 1, T0 = 0)."""
    R_b = (1.0 + alpha * T) * s
    x = np.minimum(x0 * (1.0 + beta * T) / R_b, 1.5)  # beyond R_b, c_crit is c* anyway
    c = np.minimum(1.0, c0 * R_b**-n)
    return c - chain.critical_attraction(x, 1.0, terms)


def falling_tc_possible(grid=None, *, terms=None) -> dict:
    """Scan the documented constitutive relations for a superconducting T_c that falls with p.

    For every combination of the grid ([`SCAN_GRID`][] by default; pass a dict to replace
    any of its entries) the margin ``f = c - c_crit(R_v/R_b)`` (superconducting where ``f > 0``)
    is evaluated on the temperature grid at each pressure. Two things are checked:

    1. ``f`` never decreases from one pressure to the next at the same temperature (so the
       superconducting temperatures at a higher pressure include those at a lower one);
    2. ``T_c(p)``, the lowest temperature where superconductivity ends (0 if not
       superconducting at 0 K, infinite if superconducting over the whole grid; refined by
       60 bisection steps between grid points), never decreases with pressure.

    Birch–Murnaghan pressures beyond the equation's range (``K' < 4``) are left out.

    Parameters
    ----------
    grid : dict, optional
        Replacement values for keys of [`SCAN_GRID`][].
    terms : int or None
        Series of the resisting distance (default: infinite).

    Returns
    -------
    dict
        ``possible`` (True if some combination gives a falling T_c), ``parameter_sets``,
        ``with_boundary`` (sets with a finite T_c > 0 at some pressure), ``min_margin_step``
        (most negative change of ``f`` with pressure; >= 0 up to rounding means no fall),
        ``largest_fall_K`` (largest decrease of T_c between neighbouring pressures, 0 if none),
        ``counter_example`` (the parameters of the largest fall, or None) and ``grid``.
    """
    g = dict(SCAN_GRID)
    if grid:
        unknown = set(grid) - set(g)
        if unknown:
            raise InputError(f"grid: unknown keys {sorted(unknown)}; valid: {sorted(g)}")
        g.update(grid)
    T = np.asarray(g["T"], float)
    if T.ndim != 1 or T.size < 2 or np.any(np.diff(T) <= 0) or T[0] < 0:
        raise InputError("grid['T'] must be increasing temperatures >= 0 K (at least 2)")
    rest = np.array(list(itertools.product(g["x0"], g["alpha"], g["beta"], g["n"], g["c0"])))
    total, boundary_sets = 0, 0
    min_step, worst = np.inf, (0.0, None)
    for eos, Kp in itertools.product(g["eos"], g["K0_prime"]):
        u = []
        for v in g["p_over_K0"]:
            try:
                u.append((v, float(compression(v, 1.0, Kp, eos))))
            except ValueError:  # beyond the third-order Birch-Murnaghan range (K' < 4)
                pass
        s = np.array([v for _, v in u])[None, :, None]  # (1, pressures, 1)
        for start in range(0, rest.shape[0], 1000):  # chunks keep memory small
            part = rest[start : start + 1000]
            args = (*(part[:, i, None, None] for i in range(5)), s)  # (sets, 1, 1) and s
            f = _scan_margin(*args, T[None, None, :], terms)
            total += part.shape[0]
            if s.shape[1] > 1:
                min_step = min(min_step, float(np.min(np.diff(f, axis=1))))
            Tc = _lowest_end(f, T, lambda t, sel: _scan_margin(*sel, t, terms), args)
            boundary_sets += int(np.sum(np.any(np.isfinite(Tc) & (Tc > 0), axis=1)))
            with np.errstate(invalid="ignore"):  # inf - inf: superconducting throughout
                drop = np.nan_to_num(Tc[:, :-1] - Tc[:, 1:], nan=0.0, posinf=np.inf)
            if drop.size and drop.max() > worst[0]:
                i, j = np.unravel_index(np.argmax(drop), drop.shape)
                worst = (float(drop[i, j]), {
                    "R_v0/R_b0": float(part[i, 0]), "alpha": float(part[i, 1]),
                    "beta": float(part[i, 2]), "n": float(part[i, 3]), "c0": float(part[i, 4]),
                    "K0_prime": float(Kp), "eos": eos,
                    "p/K0": (u[j][0], u[j + 1][0]),
                    "T_c": (float(Tc[i, j]), float(Tc[i, j + 1])),
                })  # fmt: skip
    # a fall smaller than the bisection's resolution is rounding, not a fall
    possible = worst[0] > 1e-9 * max(1.0, float(T[-1]))
    return {
        "possible": bool(possible),
        "parameter_sets": int(total),
        "with_boundary": int(boundary_sets),
        "min_margin_step": float(min_step),
        "largest_fall_K": worst[0],
        "counter_example": worst[1] if possible else None,
        "grid": {k: list(v) if not isinstance(v, str) else v for k, v in g.items()},
    }


def _lowest_end(f, T, margin, args, iters=60):
    """Per (set, pressure): lowest T where ``f`` stops being positive, refined by bisection.

    0 where ``f <= 0`` already at ``T[0]``; +inf where ``f > 0`` over the whole grid.
    """
    pos = f > 0
    off = ~pos
    first = np.argmax(off, axis=2)  # index of the first non-positive value
    Tc = np.where(off.any(axis=2), T[first], np.inf)
    Tc = np.where(~pos[:, :, 0], 0.0, Tc)
    refine = off.any(axis=2) & pos[:, :, 0]
    if not refine.any():
        return Tc
    iset, ip = np.nonzero(refine)
    lo = T[first[iset, ip] - 1]
    hi = T[first[iset, ip]]
    sel = [np.broadcast_to(a, (f.shape[0], f.shape[1], 1))[iset, ip, 0] for a in args]
    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        up = margin(mid, sel) > 0
        lo = np.where(up, mid, lo)
        hi = np.where(up, hi, mid)
    Tc[iset, ip] = 0.5 * (lo + hi)
    return Tc
