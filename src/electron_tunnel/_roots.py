"""Roots of the resisting-distance series: the tunnel threshold and the conducting radius.

The threshold ``c*`` is where the tunnel first opens (``G_N(1^-, c) = 0``, exact for every
number of terms); the conducting radius ``x_c(c)`` solves ``G_N(x, c) = 0`` in ``(0, 1)``:
in closed form for the first term, by a Chebyshev inverse fit polished with Newton steps for
the infinite series, and by vectorised bracketing for a finite number of terms. Dimensionless
(``x = r / R_b``); [`electron_tunnel.chain`][] adds units and checks input. Notation as in
`._series`.
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction

import numpy as np

from . import _accel
from ._series import (
    clenshaw,
    g_partial_parts,
    g_parts_derivative_infinite,
    g_parts_infinite,
)


# --------------------------------------------------------------------------- tunnel threshold
def threshold_sums(n_terms: int | None):
    """``(S_chi, S_3)``: sums of ``(-1)^i/(2i+1)^2`` and ``1/(2i+1)^3`` over ``i = 0..N``.

    For ``None`` the limits: Catalan's constant G and ``7 zeta(3) / 8``.
    """
    if n_terms is None:
        # deferred on purpose: mpmath only for the limit of the infinite series
        import mpmath as mp

        return float(mp.catalan), float(7 * mp.zeta(3) / 8)
    j = 2.0 * np.arange(n_terms + 1, dtype=np.float64) + 1.0
    sign = np.where(np.arange(n_terms + 1) % 2 == 0, 1.0, -1.0)
    return math.fsum((sign / j**2)[::-1]), math.fsum((1.0 / j**3)[::-1])


def threshold_value(n_terms: int | None) -> float:
    """Attraction coefficient at which dD/dr = 0 at r = R_b: ``(3S - 2T)/(3S + 2T)``."""
    s_chi, s_3 = threshold_sums(n_terms)
    return (3 * s_chi - 2 * s_3) / (3 * s_chi + 2 * s_3)


def threshold_exact(n_terms: int | None):
    """The threshold as an exact number: a Fraction (finite N) or a SymPy expression."""
    if n_terms is None:
        # deferred on purpose: SymPy (slow to import) only for the exact infinite-series value
        import sympy as sp

        g = sp.Catalan
        z3 = sp.zeta(3)
        return (3 * g - sp.Rational(7, 4) * z3) / (3 * g + sp.Rational(7, 4) * z3)
    s_chi = Fraction(0)
    s_3 = Fraction(0)
    for i in range(n_terms + 1):
        j = 2 * i + 1
        s_chi += Fraction((-1) ** i, j * j)
        s_3 += Fraction(1, j**3)
    return (3 * s_chi - 2 * s_3) / (3 * s_chi + 2 * s_3)


# --------------------------------------------------------------------------- conducting radius
def critical_attraction_x(x: np.ndarray, n_terms: int | None) -> np.ndarray:
    """``-G0(x) / G1(x)``: the c at which ``x`` is a root of ``G`` (valid for 0 < x < 1)."""
    if n_terms is None:
        g0, g1 = g_parts_infinite(x)
        return -g0 / g1
    if n_terms == 0:
        return (2.0 - x) ** 2 / (x * (8.0 - 3.0 * x))
    g0, g1 = g_partial_parts(x, n_terms)
    return -g0 / g1


@functools.cache
def _inverse_fit():
    """Chebyshev fit of the root ``x(c)`` of ``G0 + c G1`` on ``c in [c*, 1]``.

    Accurate to ~1e-9; `conducting_x_infinite` polishes it with Newton steps.
    """
    c_star = threshold_value(None)
    deg = 32
    s = np.polynomial.chebyshev.chebpts1(deg + 1)
    c_nodes = 0.5 * (s * (1.0 - c_star) + (1.0 + c_star))
    lo = np.full_like(c_nodes, 1e-3)
    hi = np.full_like(c_nodes, 1.0 - 1e-15)
    for _ in range(60):  # vectorised bisection: G > 0 at lo, < 0 at hi
        mid = 0.5 * (lo + hi)
        g0, g1 = g_parts_infinite(mid)
        pos = g0 + c_nodes * g1 > 0
        lo = np.where(pos, mid, lo)
        hi = np.where(pos, hi, mid)
    x = _newton(0.5 * (lo + hi), c_nodes, 2)
    coef = np.polynomial.chebyshev.chebfit(s, x, deg)
    return coef[:25], c_star


def _newton(x, c, steps):
    for _ in range(steps):
        g0, g1 = g_parts_infinite(x)
        d0, d1 = g_parts_derivative_infinite(x)
        x = x - (g0 + c * g1) / (d0 + c * d1)
    return x


def conducting_x_infinite(c: np.ndarray) -> np.ndarray:
    """Root ``x in (0, 1)`` of the infinite series for ``c* < c <= 1`` (NaN elsewhere)."""
    coef, c_star = _inverse_fit()
    c = np.asarray(c, dtype=np.float64)
    ok = c > c_star
    cc = np.where(ok, c, 1.0)
    s = (2.0 * cc - (1.0 + c_star)) / (1.0 - c_star)
    x = _newton(clenshaw(s, coef), cc, 2)
    return np.where(ok, x, np.nan)


def conducting_x_first_term(c: np.ndarray) -> np.ndarray:
    """Closed form for ``terms=0``: ``x = 2 / (1 + 2c + sqrt(c (4c + 1)))`` for c > 1/5."""
    c = np.asarray(c, dtype=np.float64)
    ok = c > 0.2
    x = 2.0 / (1.0 + 2.0 * c + np.sqrt(c * (4.0 * c + 1.0)))
    return np.where(ok, x, np.nan)


def conducting_x_partial(c: np.ndarray, n_terms: int) -> np.ndarray:
    """Root of the partial sum ``G_N`` in ``(0, 1)`` by vectorised bracketing (Chandrupatla)."""
    # deferred on purpose: scipy.optimize takes about a second to import and only this
    # finite-N root needs it
    from scipy.optimize.elementwise import find_root

    c = np.asarray(c, dtype=np.float64)
    c_star = threshold_value(n_terms)
    ok = c > c_star
    flat = np.where(ok, c, 1.0).reshape(-1)
    if flat.size == 0:
        return np.full(c.shape, np.nan)

    def g(x, cc):
        g0, g1 = g_partial_parts(x, n_terms)
        return g0 + cc * g1

    res = find_root(
        g,
        (np.full_like(flat, 1e-3), np.full_like(flat, 1.0)),
        args=(flat,),
        tolerances={"xatol": 0.0, "xrtol": 4 * np.finfo(float).eps, "fatol": 0.0, "frtol": 0.0},
    )
    x = np.asarray(res.x).reshape(c.shape)
    return np.where(ok, x, np.nan)


def fast_conducting_radius(R_b, c):
    """Conducting radius [m] of the infinite series from the fused kernel, or ``None``."""
    kernels = _accel.compiled_for(R_b, c)
    if kernels is None:
        return None
    coef, c_star = _inverse_fit()
    return kernels.conducting_radius(R_b, c, coef, c_star)
