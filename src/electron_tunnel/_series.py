"""Numerical core of the chain model: the resisting-distance series of eq (24).

Everything here works in the dimensionless orbital radius ``x = r / R_b`` (``0 < x < 2``) and
returns dimensionless numbers; :mod:`electron_tunnel.chain` adds units and checks input.

Notation (derived in ``docs/derivations.md``):

* the i-th term of eq (24) is ``D_u(i) + D_k(i) = (1 - x) * w_i(x, c) / R_b`` with
  ``w_i = alpha_i(x) + c * beta_i(x)`` for even ``i`` and ``c * alpha_i(x) + beta_i(x)`` for odd ``i``,
  where ``alpha_i = (12 i^2 + 4 i x + 4 i + x) / ((2i+1)^2 (2i+x)^2)`` and
  ``beta_i = (3x - 8 - 20 i + 4 i x - 12 i^2) / ((2i+1)^2 (2i+2-x)^2)``;
* ``G_N(x, c) = sum_{i<=N} w_i = G0_N(x) + c * G1_N(x)``, so ``R_b * D_N = (1 - x) * G_N``;
* for the infinite series ``x (2-x)^2 G(x, c) = Q0(x) + c * Q1(x)`` where ``Q0`` and ``Q1`` are
  analytic on a neighbourhood of ``[0, 2]`` (nearest singularities at ``x = +-4`` and ``x = -2``).
  They are obtained exactly from digamma/trigamma closed forms with mpmath (40 digits) and
  represented by Chebyshev series truncated where the coefficients fall below 1e-19 of the
  largest one, so that evaluating ``D`` costs one Clenshaw recurrence of degree ~26.
"""

from __future__ import annotations

import functools
import math

import numpy as np

# Chebyshev interpolation of Q0, Q1 on t = x - 1 in [-1, 1]: number of nodes used for the
# exact (mpmath) interpolation, and the relative size below which coefficients are dropped.
_N_NODES = 48
_DROP_BELOW = 1e-19
_MP_DPS = 40

# Largest number of (point, term) pairs evaluated in one NumPy block for partial sums.
_BLOCK = 1 << 20
# Block length for the Clenshaw recurrence (fits the working arrays in L2 cache).
_CLENSHAW_BLOCK = 1 << 15


# --------------------------------------------------------------------------- exact closed form
def closed_form_mp(x, c, dps: int = _MP_DPS):
    """Infinite sums of D_u and D_k (eq 19, 22) as mpmath numbers, from digamma/trigamma.

    Returns ``(sum_u, sum_k)`` with ``D * R_b = sum_u + sum_k``.
    """
    import mpmath as mp

    with mp.workdps(dps):
        x = mp.mpf(x)
        c = mp.mpf(c)
        q, h, tq = mp.mpf(1) / 4, mp.mpf(1) / 2, mp.mpf(3) / 4
        t = x / 4
        psi = mp.digamma

        def tri(z):
            return mp.polygamma(1, z)

        su0 = (psi(q) - psi(t)) / 2 + (psi(tq) - psi(1 - t)) / 2
        su1 = (psi(q) - psi(h - t)) / 2 + (psi(tq) - psi(h + t)) / 2
        sk0 = (tri(q) - x * tri(t) + x * tri(1 - t) - tri(tq)) / 16
        sk1 = (x * tri(h - t) - tri(q) + tri(tq) - x * tri(h + t)) / 16
        return su0 + c * su1, sk0 + c * sk1


def closed_form_parts(x: np.ndarray, c: np.ndarray):
    """Vectorised ``(sum_u, sum_k)`` of the infinite series with SciPy's digamma/trigamma.

    Used for the separate potential and kinetic parts (eqs 18 and 21) of the infinite chain.
    Absolute accuracy ~1e-15 times the size of the individual digamma values; the sum
    ``sum_u + sum_k`` loses relative accuracy near ``x = 1`` (use :func:`g_infinite` there).
    """
    from scipy.special import digamma as psi
    from scipy.special import polygamma

    def tri(z):
        return polygamma(1, z)

    t = x / 4.0
    q, tq = 0.25, 0.75
    su0 = (psi(q) - psi(t)) / 2 + (psi(tq) - psi(1 - t)) / 2
    su1 = (psi(q) - psi(0.5 - t)) / 2 + (psi(tq) - psi(0.5 + t)) / 2
    sk0 = (tri(q) - x * tri(t) + x * tri(1 - t) - tri(tq)) / 16
    sk1 = (x * tri(0.5 - t) - tri(q) + tri(tq) - x * tri(0.5 + t)) / 16
    return su0 + c * su1, sk0 + c * sk1


def force_sum_infinite(x: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Bracket of eq (17) summed to infinity: ``sum_i [a_i/(2i+x)^2 - b_i/(2i+2-x)^2]``."""
    from scipy.special import polygamma

    t = x / 4.0
    return (
        polygamma(1, t) - polygamma(1, 1 - t) + c * (polygamma(1, 0.5 + t) - polygamma(1, 0.5 - t))
    ) / 16.0


# --------------------------------------------------------------------------- Chebyshev machinery
@functools.cache
def _q_coefficients() -> tuple[np.ndarray, np.ndarray]:
    """Chebyshev coefficients of Q0 and Q1 in t = x - 1, computed once per process."""
    import mpmath as mp

    n = _N_NODES
    with mp.workdps(_MP_DPS):
        theta = [mp.pi * (2 * j + 1) / (2 * n) for j in range(n)]
        nodes = [mp.cos(th) for th in theta]  # first-kind nodes: never exactly t = 0 (n even)
        v0, v1 = [], []
        for t in nodes:
            x = 1 + t
            su0, sk0 = closed_form_mp(x, 0)
            su1, sk1 = closed_form_mp(x, 1)
            scale = x * (2 - x) ** 2 / (1 - x)
            d0 = su0 + sk0
            v0.append(d0 * scale)
            v1.append((su1 + sk1 - d0) * scale)
        out = []
        for vals in (v0, v1):
            coef = []
            for m in range(n):
                s = mp.fsum(vals[j] * mp.cos(m * theta[j]) for j in range(n)) * 2 / n
                coef.append(s / 2 if m == 0 else s)
            out.append(np.array([float(a) for a in coef]))
    q0, q1 = out
    biggest = max(np.abs(q0).max(), np.abs(q1).max())
    keep = 1 + max(
        int(np.flatnonzero(np.abs(q0) > _DROP_BELOW * biggest)[-1]),
        int(np.flatnonzero(np.abs(q1) > _DROP_BELOW * biggest)[-1]),
    )
    return q0[:keep].copy(), q1[:keep].copy()


def clenshaw(t: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """Evaluate ``sum_k coef[k] T_k(t)`` by the Clenshaw recurrence (float64).

    Large arrays are processed in cache-sized blocks with in-place operations, which makes the
    recurrence memory-light: about 3 flops per coefficient and point.
    """
    t = np.asarray(t, dtype=np.float64)
    if t.ndim == 0 or t.size < 64:
        return np.polynomial.chebyshev.chebval(t, coef)
    flat = t.reshape(-1)
    out = np.empty_like(flat)
    size = min(_CLENSHAW_BLOCK, flat.size)
    b1 = np.empty(size)
    b2 = np.empty(size)
    tmp = np.empty(size)
    two_t = np.empty(size)
    for start in range(0, flat.size, size):
        tb = flat[start : start + size]
        n = tb.size
        x1, x2, xt, tt = b1[:n], b2[:n], tmp[:n], two_t[:n]
        np.multiply(tb, 2.0, out=tt)
        x1.fill(0.0)
        x2.fill(0.0)
        for a in coef[:0:-1]:
            np.multiply(tt, x1, out=xt)
            xt -= x2
            xt += a
            x2, x1, xt = x1, xt, x2
        res = out[start : start + n]
        np.multiply(tb, x1, out=res)
        res -= x2
        res += coef[0]
    return out.reshape(t.shape)


def q_infinite(t: np.ndarray, c) -> np.ndarray:
    """``Q0 + c * Q1`` at ``t = x - 1``; one recurrence when ``c`` is a scalar."""
    q0, q1 = _q_coefficients()
    c = np.asarray(c, dtype=np.float64)
    if c.ndim == 0:
        return clenshaw(t, q0 + float(c) * q1)
    return clenshaw(t, q0) + c * clenshaw(t, q1)


def rb_times_d_infinite(one_minus_x, x, two_minus_x, c) -> np.ndarray:
    """``R_b * D`` for the infinite series (eq 24 with N -> infinity)."""
    q = q_infinite(-one_minus_x, c)
    return one_minus_x * q / (x * two_minus_x * two_minus_x)


def g_infinite(x, c) -> np.ndarray:
    """``G = D * R_b / (1 - x)`` for the infinite series."""
    return q_infinite(x - 1.0, c) / (x * (2.0 - x) ** 2)


# --------------------------------------------------------------------------- partial sums
def _alpha(i, x):
    return (12.0 * i * i + 4.0 * i * x + 4.0 * i + x) / ((2.0 * i + 1.0) ** 2 * (2.0 * i + x) ** 2)


def _beta(i, x):
    return (3.0 * x - 8.0 - 20.0 * i + 4.0 * i * x - 12.0 * i * i) / (
        (2.0 * i + 1.0) ** 2 * (2.0 * i + 2.0 - x) ** 2
    )


def g_partial_parts(x: np.ndarray, n_terms: int) -> tuple[np.ndarray, np.ndarray]:
    """``(G0_N, G1_N)`` summed directly over ``i = 0..N`` (vectorised over points and terms)."""
    x = np.asarray(x, dtype=np.float64)
    flat = x.reshape(-1)
    g0 = np.zeros_like(flat)
    g1 = np.zeros_like(flat)
    total = n_terms + 1
    step = max(2, min(total, _BLOCK // max(flat.size, 1)))
    step += step % 2  # keep blocks aligned on parity
    # Sum from the smallest terms (largest i) to the largest for a smaller rounding error.
    starts = list(range(0, total, step))[::-1]
    for start in starts:
        i = np.arange(start, min(start + step, total), dtype=np.float64)
        xi = flat[:, None]
        a = _alpha(i[None, :], xi)
        b = _beta(i[None, :], xi)
        even = (np.arange(start, start + i.size) % 2 == 0)[None, :]
        g0 += np.where(even, a, b).sum(axis=1)
        g1 += np.where(even, b, a).sum(axis=1)
    return g0.reshape(x.shape), g1.reshape(x.shape)


def rb_times_d_partial(one_minus_x, x, c, n_terms: int) -> np.ndarray:
    """``R_b * D_N`` for the partial sum over ``i = 0..N``."""
    if n_terms == 0:
        two_minus_x = 2.0 - x
        # alpha_0 = 1/x and beta_0 = -(4 - x)/(2 - x)^2 ... written as eq (37) divided by (1-x).
        return one_minus_x * (1.0 / x - c * (3.0 / two_minus_x + 2.0 / two_minus_x**2))
    g0, g1 = g_partial_parts(x, n_terms)
    return one_minus_x * (g0 + c * g1)


def du_dk_partial(x: np.ndarray, c: np.ndarray, n_terms: int):
    """Partial sums of D_u(i) (eq 19) and D_k(i) (eq 22) written literally, times R_b."""
    x, c = np.broadcast_arrays(np.asarray(x, float), np.asarray(c, float))
    shape = x.shape
    xf, cf = x.reshape(-1)[:, None], c.reshape(-1)[:, None]
    su = np.zeros(xf.shape[0])
    sk = np.zeros(xf.shape[0])
    total = n_terms + 1
    step = max(2, min(total, _BLOCK // max(xf.shape[0], 1)))
    for start in list(range(0, total, step))[::-1]:
        i = np.arange(start, min(start + step, total), dtype=np.float64)[None, :]
        odd = (np.arange(start, start + i.shape[1]) % 2 == 1)[None, :]
        a = np.where(odd, cf, 1.0)  # c^(i % 2)
        b = np.where(odd, 1.0, cf)  # c^((i+1) % 2)
        du = 2 * a / (2 * i + xf) + 2 * b / (2 * (i + 1) - xf) - (2 * a + 2 * b) / (2 * i + 1)
        dk = xf * b / (2 * (i + 1) - xf) ** 2 - (b - a) / (2 * i + 1) ** 2 - xf * a / (2 * i + xf) ** 2
        su += du.sum(axis=1)
        sk += dk.sum(axis=1)
    return su.reshape(shape), sk.reshape(shape)


def force_sum_partial(x: np.ndarray, c: np.ndarray, n_terms: int) -> np.ndarray:
    """Bracket of eq (17) summed over ``i = 0..N``."""
    x, c = np.broadcast_arrays(np.asarray(x, float), np.asarray(c, float))
    shape = x.shape
    xf, cf = x.reshape(-1)[:, None], c.reshape(-1)[:, None]
    s = np.zeros(xf.shape[0])
    total = n_terms + 1
    step = max(2, min(total, _BLOCK // max(xf.shape[0], 1)))
    for start in list(range(0, total, step))[::-1]:
        i = np.arange(start, min(start + step, total), dtype=np.float64)[None, :]
        odd = (np.arange(start, start + i.shape[1]) % 2 == 1)[None, :]
        a = np.where(odd, cf, 1.0)
        b = np.where(odd, 1.0, cf)
        s += (a / (2 * i + xf) ** 2 - b / (2 * (i + 1) - xf) ** 2).sum(axis=1)
    return s.reshape(shape)


# --------------------------------------------------------------------------- tunnel threshold
def threshold_sums(n_terms: int | None):
    """``(S_chi, S_3)``: sums of ``(-1)^i/(2i+1)^2`` and ``1/(2i+1)^3`` over ``i = 0..N``.

    For ``None`` the limits: Catalan's constant G and ``7 zeta(3) / 8``.
    """
    if n_terms is None:
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
        import sympy as sp

        g = sp.Catalan
        z3 = sp.zeta(3)
        return (3 * g - sp.Rational(7, 4) * z3) / (3 * g + sp.Rational(7, 4) * z3)
    from fractions import Fraction

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
        q0, q1 = _q_coefficients()
        t = x - 1.0
        return -clenshaw(t, q0) / clenshaw(t, q1)
    if n_terms == 0:
        return (2.0 - x) ** 2 / (x * (8.0 - 3.0 * x))
    g0, g1 = g_partial_parts(x, n_terms)
    return -g0 / g1


@functools.cache
def _inverse_fit():
    """Chebyshev fit of the root ``t(c) = x(c) - 1`` of ``Q0 + c Q1`` on ``c in [c*, 1]``.

    Accurate to ~1e-9; :func:`conducting_x_infinite` polishes it with Newton steps.
    """
    q0, q1 = _q_coefficients()
    d0 = np.polynomial.chebyshev.chebder(q0)
    d1 = np.polynomial.chebyshev.chebder(q1)
    c_star = threshold_value(None)
    deg = 32
    s = np.polynomial.chebyshev.chebpts1(deg + 1)
    c_nodes = 0.5 * (s * (1.0 - c_star) + (1.0 + c_star))
    t = _bisect_t(c_nodes, q0, q1)
    for _ in range(3):
        t = t - _cheb(t, q0, c_nodes, q1) / _cheb(t, d0, c_nodes, d1)
    coef = np.polynomial.chebyshev.chebfit(s, t, deg)
    return coef[:25], c_star, d0, d1


def _cheb(t, a0, c, a1):
    cheb = np.polynomial.chebyshev.chebval
    return cheb(t, a0) + c * cheb(t, a1)


def _bisect_t(c, q0, q1, lo=-0.999, hi=-1e-15, iters=60):
    """Vectorised bisection for the root of ``Q0 + c Q1`` in ``t`` (Q > 0 at lo, < 0 at hi)."""
    lo = np.full_like(c, lo)
    hi = np.full_like(c, hi)
    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        pos = _cheb(mid, q0, c, q1) > 0
        lo = np.where(pos, mid, lo)
        hi = np.where(pos, hi, mid)
    return 0.5 * (lo + hi)


def conducting_x_infinite(c: np.ndarray) -> np.ndarray:
    """Root ``x in (0, 1)`` of the infinite series for ``c* < c <= 1`` (NaN elsewhere)."""
    coef, c_star, d0, d1 = _inverse_fit()
    q0, q1 = _q_coefficients()
    c = np.asarray(c, dtype=np.float64)
    ok = c > c_star
    cc = np.where(ok, c, 1.0)
    s = (2.0 * cc - (1.0 + c_star)) / (1.0 - c_star)
    t = clenshaw(s, coef)
    for _ in range(2):
        f = clenshaw(t, q0) + cc * clenshaw(t, q1)
        df = clenshaw(t, d0) + cc * clenshaw(t, d1)
        t = t - f / df
    return np.where(ok, 1.0 + t, np.nan)


def conducting_x_first_term(c: np.ndarray) -> np.ndarray:
    """Closed form for ``terms=0``: ``x = 2 / (1 + 2c + sqrt(c (4c + 1)))`` for c > 1/5."""
    c = np.asarray(c, dtype=np.float64)
    ok = c > 0.2
    x = 2.0 / (1.0 + 2.0 * c + np.sqrt(c * (4.0 * c + 1.0)))
    return np.where(ok, x, np.nan)


def conducting_x_partial(c: np.ndarray, n_terms: int) -> np.ndarray:
    """Root of the partial sum ``G_N`` in ``(0, 1)`` by vectorised bracketing (Chandrupatla)."""
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
