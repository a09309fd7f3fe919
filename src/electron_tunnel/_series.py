"""Numerical core of the chain model: the resisting-distance series of eq (24).

Everything here works in the dimensionless orbital radius ``x = r / R_b`` (``0 < x < 2``) and
returns dimensionless numbers; [`electron_tunnel.chain`][] adds units and checks input.

Notation (derived in ``docs/derivations.md``):

* the i-th term of eq (24) is ``D_u(i) + D_k(i) = (1 - x) * w_i(x, c) / R_b`` with
  ``w_i = alpha_i(x) + c * beta_i(x)`` for even ``i`` and ``c * alpha_i(x) + beta_i(x)``
  for odd ``i``,
  where ``alpha_i = (12 i^2 + 4 i x + 4 i + x) / ((2i+1)^2 (2i+x)^2)`` and
  ``beta_i = (3x - 8 - 20 i + 4 i x - 12 i^2) / ((2i+1)^2 (2i+2-x)^2)``;
* ``G_N(x, c) = sum_{i<=N} w_i = G0_N(x) + c * G1_N(x)``, so ``R_b * D_N = (1 - x) * G_N``;
* for the infinite series the ``i = 0`` term carries every singularity on ``0 <= x <= 2``:
  ``G0 = 1/x + H0(x)`` and ``G1 = -3/(2-x) - 2/(2-x)^2 + H1(x)`` where ``H0`` and ``H1`` are
  analytic on a neighbourhood of ``[0, 2]`` (nearest singularities at ``x = +-4`` and ``x = -2``).
  ``H0`` and ``H1`` are obtained exactly from the digamma/trigamma closed forms with mpmath
  (40 digits) and represented by Chebyshev series truncated where the coefficients fall below
  1e-19 of the largest one, so that evaluating ``D`` costs one Clenshaw recurrence of degree
  ~25 plus the explicit first term.
"""

from __future__ import annotations

import functools

import numpy as np

from . import _accel, chebyshev_data

# Chebyshev interpolation of Q0, Q1 on t = x - 1 in [-1, 1]: number of nodes used for the
# exact (mpmath) interpolation, and the relative size below which coefficients are dropped.
_N_NODES = 36
_DROP_BELOW = 1e-19
_MP_DPS = 32

# Block length for the Clenshaw recurrence (fits the working arrays in L2 cache).
_CLENSHAW_BLOCK = 1 << 15


# --------------------------------------------------------------------------- exact closed form
def closed_form_mp(x, c, dps: int = _MP_DPS):
    """Infinite sums of D_u and D_k (eq 19, 22) as mpmath numbers, from digamma/trigamma.

    Returns ``(sum_u, sum_k)`` with ``D * R_b = sum_u + sum_k``.
    """
    # deferred on purpose: mpmath serves only the reference computations and tests
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


def closed_form_parts(x: np.ndarray, c: np.ndarray, two_minus_x=None):
    """Vectorised ``(sum_u, sum_k)`` of the infinite series with SciPy's digamma/trigamma.

    Used for the separate potential and kinetic parts (eqs 18 and 21) of the infinite chain.
    Absolute accuracy ~1e-15 times the size of the individual digamma values; the sum
    ``sum_u + sum_k`` loses relative accuracy near ``x = 1`` (`rb_times_d_infinite`
    does not).
    """
    # deferred on purpose: scipy.special takes about half a second to import and only the
    # closed forms (not the fast Chebyshev path) need it
    from scipy.special import digamma as psi
    from scipy.special import polygamma

    def tri(z):
        return polygamma(1, z)

    t = x / 4.0
    h = (2.0 - x if two_minus_x is None else two_minus_x) / 4.0  # 1/2 - t without cancellation
    q, tq = 0.25, 0.75
    su0 = (psi(q) - psi(t)) / 2 + (psi(tq) - psi(1 - t)) / 2
    su1 = (psi(q) - psi(h)) / 2 + (psi(tq) - psi(0.5 + t)) / 2
    sk0 = (tri(q) - x * tri(t) + x * tri(1 - t) - tri(tq)) / 16
    sk1 = (x * tri(h) - tri(q) + tri(tq) - x * tri(0.5 + t)) / 16
    return su0 + c * su1, sk0 + c * sk1


def force_sum_infinite(x: np.ndarray, two_minus_x: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Bracket of eq (17) summed to infinity: ``sum_i [a_i/(2i+x)^2 - b_i/(2i+2-x)^2]``.

    ``(2 - x)`` is passed in (formed without cancellation) for the argument ``(2 - x)/4``.
    """
    # deferred on purpose: scipy.special takes about half a second to import and only the
    # closed forms (not the fast Chebyshev path) need it
    from scipy.special import polygamma

    t = x / 4.0
    return (
        polygamma(1, t)
        - polygamma(1, 1 - t)
        + c * (polygamma(1, 0.5 + t) - polygamma(1, two_minus_x / 4.0))
    ) / 16.0


# --------------------------------------------------------------------------- Chebyshev machinery
@functools.cache
def _h_coefficients() -> tuple[np.ndarray, np.ndarray]:
    """Chebyshev coefficients of H0 and H1 in t = x - 1.

    Read from ``chebyshev_data.py``, which ``tools/generate_coefficients.py`` writes from
    `compute_h_coefficients`; a test recomputes them and requires equality.
    """
    return np.array(chebyshev_data.H0), np.array(chebyshev_data.H1)


def compute_h_coefficients() -> tuple[np.ndarray, np.ndarray]:
    """Compute the Chebyshev coefficients of H0 and H1 from the closed form (mpmath, ~0.3 s)."""
    # deferred on purpose: mpmath is needed only to regenerate the coefficients
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
            g0 = (su0 + sk0) / (1 - x)
            g1 = (su1 + sk1) / (1 - x) - g0
            v0.append(g0 - 1 / x)
            v1.append(g1 + 3 / (2 - x) + 2 / (2 - x) ** 2)
        out = []
        for vals in (v0, v1):
            coef = []
            for m in range(n):
                s = mp.fsum(vals[j] * mp.cos(m * theta[j]) for j in range(n)) * 2 / n
                coef.append(s / 2 if m == 0 else s)
            out.append(np.array([float(a) for a in coef]))
    h0, h1 = out
    biggest = max(np.abs(h0).max(), np.abs(h1).max())
    keep = 1 + max(
        int(np.flatnonzero(np.abs(h0) > _DROP_BELOW * biggest)[-1]),
        int(np.flatnonzero(np.abs(h1) > _DROP_BELOW * biggest)[-1]),
    )
    return h0[:keep].copy(), h1[:keep].copy()


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


def h_infinite(t: np.ndarray, c) -> np.ndarray:
    """``H0 + c * H1`` at ``t = x - 1``; one recurrence when ``c`` is a scalar."""
    h0, h1 = _h_coefficients()
    c = np.asarray(c, dtype=np.float64)
    if c.ndim == 0:
        return clenshaw(t, h0 + float(c) * h1)
    return clenshaw(t, h0) + c * clenshaw(t, h1)


def first_term_g(x, two_minus_x, c):
    """``G`` of the ``i = 0`` term: ``1/x - c (3/(2-x) + 2/(2-x)^2)`` (eq 37 over (1-x))."""
    inv = 1.0 / two_minus_x
    return 1.0 / x - c * inv * (3.0 + 2.0 * inv)


def rb_times_d_infinite(one_minus_x, x, two_minus_x, c) -> np.ndarray:
    """``R_b * D`` for the infinite series (eq 24 with N -> infinity)."""
    return one_minus_x * (first_term_g(x, two_minus_x, c) + h_infinite(-one_minus_x, c))


def g_parts_infinite(x, two_minus_x=None):
    """``(G0, G1)`` of the infinite series."""
    h0, h1 = _h_coefficients()
    t = x - 1.0
    tmx = 2.0 - x if two_minus_x is None else two_minus_x
    inv = 1.0 / tmx
    return 1.0 / x + clenshaw(t, h0), clenshaw(t, h1) - inv * (3.0 + 2.0 * inv)


def g_parts_derivative_infinite(x):
    """``(G0', G1')`` of the infinite series (derivatives in x)."""
    h0, h1 = _h_coefficients()
    d0 = np.polynomial.chebyshev.chebder(h0)
    d1 = np.polynomial.chebyshev.chebder(h1)
    t = x - 1.0
    inv = 1.0 / (2.0 - x)
    return -1.0 / x**2 + clenshaw(t, d0), clenshaw(t, d1) - inv * inv * (3.0 + 4.0 * inv)


# --------------------------------------------------------------------------- compiled kernels
def fast_resisting_distance(r, R_b, c):
    """``D`` [1/m] of the infinite series from the fused kernel, or ``None``.

    ``None`` (small input, no Numba, a non-real input or a point outside the domain) tells
    the caller to take the NumPy path, which checks the input and reports errors. The choice
    is `._accel.compiled_for`'s.
    """
    kernels = _accel.compiled_for(r, R_b, c)
    return None if kernels is None else kernels.resisting_distance(r, R_b, c)


# --------------------------------------------------------------------------- partial sums
def _alpha(i, x):
    return (12.0 * i * i + 4.0 * i * x + 4.0 * i + x) / ((2.0 * i + 1.0) ** 2 * (2.0 * i + x) ** 2)


def _beta(i, x):
    return (3.0 * x - 8.0 - 20.0 * i + 4.0 * i * x - 12.0 * i * i) / (
        (2.0 * i + 1.0) ** 2 * (2.0 * i + 2.0 - x) ** 2
    )


def g_partial_parts(x: np.ndarray, n_terms: int, two_minus_x=None):
    """``(G0_N, G1_N)`` summed directly over ``i = 0..N`` (vectorised over points and terms).

    The ``i = 0`` term is written with ``2 - x`` passed in (formed without cancellation by the
    caller); the others have ``2i + 2 - x >= 2`` and need no such care.
    """
    x = np.asarray(x, dtype=np.float64)
    tmx = 2.0 - x if two_minus_x is None else np.asarray(two_minus_x, dtype=np.float64)
    x, tmx = np.broadcast_arrays(x, tmx)
    flat = x.reshape(-1)
    xi = flat[:, None]

    def terms(i):
        a = _alpha(i, xi)
        b = _beta(i, xi)
        even = i % 2 == 0
        return np.where(even, a, b), np.where(even, b, a)

    # i >= 1, summed from the smallest terms (largest i) to the largest
    g0, g1 = _accel.blocked_sum(terms, flat.size, 1, n_terms + 1, parts=2)
    inv = 1.0 / tmx.reshape(-1)
    g0 += 1.0 / flat
    g1 -= inv * (3.0 + 2.0 * inv)
    return g0.reshape(x.shape), g1.reshape(x.shape)


def rb_times_d_partial(one_minus_x, x, two_minus_x, c, n_terms: int) -> np.ndarray:
    """``R_b * D_N`` for the partial sum over ``i = 0..N``."""
    if n_terms == 0:
        return one_minus_x * first_term_g(x, two_minus_x, c)
    g0, g1 = g_partial_parts(x, n_terms, two_minus_x)
    return one_minus_x * (g0 + c * g1)


def du_dk_partial(x: np.ndarray, c: np.ndarray, n_terms: int, two_minus_x=None):
    """Partial sums of D_u(i) (eq 19) and D_k(i) (eq 22) written literally, times R_b.

    ``2 - x`` of the ``i = 0`` term may be passed in, formed without cancellation.
    """
    x = np.asarray(x, float)
    tmx = 2.0 - x if two_minus_x is None else np.asarray(two_minus_x, float)
    x, tmx, c = np.broadcast_arrays(x, tmx, np.asarray(c, float))
    shape = x.shape
    xf, cf = x.reshape(-1)[:, None], c.reshape(-1)[:, None]
    tf = tmx.reshape(-1)

    def terms(i):
        odd = i % 2 == 1
        a = np.where(odd, cf, 1.0)  # c^(i % 2)
        b = np.where(odd, 1.0, cf)  # c^((i+1) % 2)
        m = 2 * (i + 1) - xf  # 2(i+1) R_b - r, in units of R_b
        if i[0, 0] == 0:
            m[:, 0] = tf
        du = 2 * a / (2 * i + xf) + 2 * b / m - (2 * a + 2 * b) / (2 * i + 1)
        dk = xf * b / m**2 - (b - a) / (2 * i + 1) ** 2 - xf * a / (2 * i + xf) ** 2
        return du, dk

    su, sk = _accel.blocked_sum(terms, xf.shape[0], 0, n_terms + 1, parts=2)
    return su.reshape(shape), sk.reshape(shape)


def force_sum_partial(x: np.ndarray, two_minus_x, c: np.ndarray, n_terms: int) -> np.ndarray:
    """Bracket of eq (17) summed over ``i = 0..N`` (the ``i = 0`` term with exact ``2 - x``)."""
    x, tmx, c = np.broadcast_arrays(
        np.asarray(x, float), np.asarray(two_minus_x, float), np.asarray(c, float)
    )
    shape = x.shape
    xf, cf = x.reshape(-1)[:, None], c.reshape(-1)[:, None]

    def terms(i):
        odd = i % 2 == 1
        a = np.where(odd, cf, 1.0)
        b = np.where(odd, 1.0, cf)
        return (a / (2 * i + xf) ** 2 - b / (2 * (i + 1) - xf) ** 2,)

    (s,) = _accel.blocked_sum(terms, xf.shape[0], 1, n_terms + 1)
    s += 1.0 / x.reshape(-1) ** 2 - c.reshape(-1) / tmx.reshape(-1) ** 2  # i = 0: eq (15)
    return s.reshape(shape)
