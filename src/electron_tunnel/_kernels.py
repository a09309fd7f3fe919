"""Fused compiled kernels (Numba) for the infinite series: one vectorised pass per call.

`electron_tunnel._series` evaluates the resisting distance of the infinite chain as the
explicit first term plus two Chebyshev series (``H0``, ``H1``, coefficients in
`electron_tunnel.chebyshev_data`) with the Clenshaw recurrence in NumPy: about 25 passes
over the data, each limited by memory bandwidth. The kernels here do the same arithmetic for
one point at a time, in registers, in a single loop that the compiler vectorises (SIMD), and
check the input domain in the same pass. They are an accelerator only: the callers import this
module lazily (`electron_tunnel._accel.compiled_for` decides when) and fall back to the
NumPy path when Numba is missing, and the NumPy path produces every error message (the
kernels only report *that* some input is outside the domain).

**What makes the loop fast** (per point, for ``D`` with three array inputs):

* one division instead of five: ``1/r``, ``1/(2 R_b - r)`` and ``1/R_b`` all come from the
  reciprocal of their product (a few ulp), and each quotient the formula needs (``1/x``,
  ``1/(2 - x)``, ``1 - x`` and the final division by ``R_b``) is corrected by one residual
  step (`_quot`, two fused multiply-adds), which leaves half an ulp, as a division would.
  Points whose lengths lie outside ``[1e-100, 1e100]`` (where the product could leave the
  normal range) are recomputed by a second, scalar loop with divisions;
* ``H0`` and ``H1`` as polynomials in ``t = x - 1`` by Horner's rule, one fused multiply-add
  per degree: the Chebyshev series of degree 26 truncated at degree `DEGREE` (the dropped
  tail is below 3e-17, a tenth of an ulp of ``H``) and converted exactly (rational
  arithmetic) to monomials, whose coefficients sum to less than 0.8, so Horner's rule is as
  accurate as Clenshaw's recurrence here (about 1 ulp of ``|H| <= 0.6``);
* the loop bounds of the polynomials are compile-time constants: the compiler unrolls them and
  vectorises the loop over points (AVX2/AVX-512 lanes); only fused multiply-adds are allowed
  (``fastmath={'contract'}``), no reassociation and no assumption on NaN or infinities.

The conducting radius takes the same polynomials, and lower-degree ones (`DERIVATIVE_DEGREE`)
for their derivatives: the Chebyshev inverse fit ``x(c)`` (error below 1e-10) and one Newton
step on ``G0 + c G1``, written with one division (value and derivative multiplied through by
powers of ``x`` and ``2 - x``, both in ``[0.38, 1.62]`` there). Newton converges
quadratically, so one step leaves ``~1e-19`` plus rounding; `._roots.conducting_x_infinite`
takes two, and the two agree to a few ulp.

**Threads.** The loops are single-threaded: a kernel called inside Dask workers never starts
threads of its own. `resisting_distance` and `conducting_radius` take ``threads`` to split a
large input into chunks run concurrently (the kernels release the GIL); the default, 1, is the
one the model (`electron_tunnel.chain`) uses.

Compiled code is cached on disk (``cache=True``) in ``__pycache__`` next to this file, or in
Numba's user-wide cache directory when the package directory is read-only; when no cache
location is writable the kernels are compiled in memory at first use (a few seconds).
"""

from __future__ import annotations

import functools
import math
import operator
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

import numba
import numpy as np
from numba import types
from numba.extending import overload

from . import _accel, chebyshev_data
from .errors import InputError

__all__ = [
    "DEGREE",
    "DERIVATIVE_DEGREE",
    "conducting_radius",
    "rb_d_infinite",
    "resisting_distance",
]

#: Degree of the polynomials for ``H0`` and ``H1`` (the Chebyshev series have degree 26).
DEGREE = 22
#: Degree of those for ``H0'`` and ``H1'``, which only the Newton step of ``R_c`` uses: there
#: an error ``d`` relative to ``G'`` moves the root by ``d`` times the error of the starting
#: value (< 1e-10). Here ``d`` < 3e-8 / |G'| on the whole interval and < 6e-10 at the roots
#: (``|G'| > 2``): the root moves by < 1e-18.
DERIVATIVE_DEGREE = 12
_FLAGS = {"contract"}  # allow fused multiply-add only: no reassociation, NaN kept
# IEEE division (1/0 = inf) instead of Python's ZeroDivisionError, whose check and branch per
# division keep the loop from vectorising; the domain check rejects those points anyway
_OPTIONS = {"nogil": True, "fastmath": _FLAGS, "error_model": "numpy"}
_SAFE_LO, _SAFE_HI = 1e-100, 1e100  # lengths whose product of three stays normal
_FIT_TERMS = 25  # terms of the inverse fit x(c) (`._roots._inverse_fit`); fewer are padded
_MIN_CHUNK = 1 << 16  # smallest chunk worth a thread of its own


def chebyshev_to_monomial(cheb) -> np.ndarray:
    """Monomial coefficients of ``sum_k cheb[k] T_k(t)``, computed exactly and rounded once.

    Examples
    --------
    >>> chebyshev_to_monomial([0.0, 0.0, 1.0]).tolist()  # T_2 = 2 t^2 - 1
    [-1.0, 0.0, 2.0]
    """
    basis = [[1], [0, 1]]  # integer coefficients of T_0, T_1, ...: T_k = 2 t T_(k-1) - T_(k-2)
    while len(basis) < len(cheb):
        prev, cur = basis[-2], basis[-1]
        basis.append([2 * a - b for a, b in zip([0, *cur], [*prev, 0, 0], strict=True)])
    total = [Fraction(0)] * len(cheb)
    for a, tk in zip(cheb, basis, strict=False):
        for j, v in enumerate(tk):
            total[j] += Fraction(float(a)) * v
    return np.array([float(v) for v in total])


def _derivative(cheb, degree):
    """Monomial coefficients of the derivative of ``sum_k cheb[k] T_k``, to ``degree``."""
    return chebyshev_to_monomial(np.polynomial.chebyshev.chebder(cheb[: degree + 2]))


_P0 = chebyshev_to_monomial(chebyshev_data.H0[: DEGREE + 1])
_P1 = chebyshev_to_monomial(chebyshev_data.H1[: DEGREE + 1])
_Q0 = _derivative(chebyshev_data.H0, DERIVATIVE_DEGREE)
_Q1 = _derivative(chebyshev_data.H1, DERIVATIVE_DEGREE)


def _jit(fn):
    """``numba.njit`` with on-disk caching when some cache location is writable."""
    try:
        return numba.njit(cache=True, **_OPTIONS)(fn)
    except Exception:  # no writable cache location: compile in memory
        return numba.njit(cache=False, **_OPTIONS)(fn)


def _at(a, i):  # pragma: no cover - compiled through the overload below
    """``a[i]`` for a 1-D array, ``a`` itself for a scalar (broadcasting)."""
    return a if np.ndim(a) == 0 else a[i]


@overload(_at, inline="always")
def _at_overload(a, i):
    if isinstance(a, types.Array):
        return lambda a, i: a[i]
    return lambda a, i: a


@numba.njit(inline="always", fastmath=_FLAGS, error_model="numpy")
def _horner(p, t):
    """``sum_k p[k] t^k``; ``p.size`` is a compile-time constant, so the loop unrolls."""
    s = p[p.size - 1]
    for k in range(p.size - 2, -1, -1):
        s = s * t + p[k]
    return s


@numba.njit(inline="always", fastmath=_FLAGS, error_model="numpy")
def _quot(n, d, e):
    """``n / d`` from ``e``, ``1/d`` to a few ulp: ``q + e (n - d q)`` with the residual
    ``n - d q`` fused (exact), which leaves about half an ulp, as a division would."""
    q = n * e
    return q + e * (n - d * q)


@numba.njit(inline="always", fastmath=_FLAGS, error_model="numpy")
def _d_point(ra, Ra, cc, inv_r, inv_t, inv_R):
    """``D`` at one point from estimates of ``1/r``, ``1/(2 R_b - r)`` and ``1/R_b``; same
    grouping as `._series.rb_times_d_infinite` (first term, ``H0 + c H1``, times ``1 - x``)."""
    omx = _quot(Ra - ra, Ra, inv_R)  # 1 - x without cancellation
    u = _quot(Ra, ra, inv_r)  # 1/x
    v = _quot(Ra, 2.0 * Ra - ra, inv_t)  # 1/(2 - x)
    t = -omx
    g = u - cc * v * (3.0 + 2.0 * v)
    h = _horner(_P0, t) + cc * _horner(_P1, t)
    return _quot(omx * (g + h), Ra, inv_R) + 0.0  # (+ 0.0: -0.0 at r = R_b becomes 0.0)


@_jit
def _rb_d_loop(r, R_b, c, out):
    """``out = D`` of the infinite series, one division per point.

    Returns bit flags: 1 when some input is outside the domain, 2 when some point needs the
    exact loop `_rb_d_fix` (a length outside the safe range of the shared reciprocal).
    """
    flags = 0
    for i in range(out.size):
        ra = _at(r, i)
        Ra = _at(R_b, i)
        cc = _at(c, i)
        ok = (Ra > 0.0) & (Ra < math.inf) & (ra > 0.0) & (ra < 2.0 * Ra)
        ok = ok & (cc >= 0.0) & (cc <= 1.0)
        tm = 2.0 * Ra - ra
        safe = (Ra > _SAFE_LO) & (Ra < _SAFE_HI) & (ra > _SAFE_LO) & (tm > _SAFE_LO)
        flags |= (0 if ok else 1) | (0 if safe else 2)
        rt = ra * tm
        y = 1.0 / (rt * Ra)  # the one division: 1 / (r (2 R_b - r) R_b)
        s = Ra * y  # 1 / (r (2 R_b - r))
        out[i] = _d_point(ra, Ra, cc, tm * s, ra * s, rt * y)
    return flags


@_jit
def _rb_d_fix(r, R_b, c, out):
    """Recompute, with plain divisions, the points `_rb_d_loop` flagged (flag 2)."""
    for i in range(out.size):
        ra = _at(r, i)
        Ra = _at(R_b, i)
        tm = 2.0 * Ra - ra
        if not ((Ra > _SAFE_LO) & (Ra < _SAFE_HI) & (ra > _SAFE_LO) & (tm > _SAFE_LO)):
            omx = (Ra - ra) / Ra
            v = Ra / tm
            cc = _at(c, i)
            g = Ra / ra - cc * v * (3.0 + 2.0 * v)
            h = _horner(_P0, -omx) + cc * _horner(_P1, -omx)
            out[i] = omx * (g + h) / Ra + 0.0


@_jit
def _rc_loop(R_b, c, fit, c_star, out):
    """``out = R_c`` (NaN: no tunnel); returns 1 when some input is outside the domain.

    ``fit``: `_FIT_TERMS` monomial coefficients of the inverse fit ``x(s)``, with
    ``s = (2 c - (1 + c*)) / (1 - c*)``.
    """
    flags = 0
    scale = 1.0 / (1.0 - c_star)
    shift = 1.0 + c_star
    for i in range(out.size):
        Ra = _at(R_b, i)
        c0 = _at(c, i)
        ok = (Ra > 0.0) & (Ra < math.inf) & (c0 >= 0.0) & (c0 <= 1.0)
        flags |= 0 if ok else 1
        tunnel = c0 > c_star
        cc = c0 if tunnel else 1.0
        s = (2.0 * cc - shift) * scale
        x = fit[_FIT_TERMS - 1]
        for k in range(_FIT_TERMS - 2, -1, -1):
            x = x * s + fit[k]
        # one Newton step on G = G0 + c G1, multiplied through by a b^2 (G) and a^2 b^3 (G')
        a = x
        b = 2.0 - x
        t = x - 1.0
        ab = a * b
        ab2 = ab * b
        num = b * b + ab2 * _horner(_P0, t) + cc * (ab2 * _horner(_P1, t) - a * (3.0 * b + 2.0))
        a2b3 = ab2 * ab
        den = -b * b * b + a2b3 * _horner(_Q0, t)
        den = den + cc * (a2b3 * _horner(_Q1, t) - a * a * (3.0 * b + 4.0))
        x = x - num * ab / den
        out[i] = Ra * x if tunnel else math.nan
    return flags


def _prepare(*args):
    """Inputs as contiguous float64 1-D arrays or Python floats, and the broadcast shape.

    Returns ``None`` for what the kernels do not take (non-real dtypes, shapes that do not
    broadcast): the caller then uses the NumPy path, which reports the error.
    """
    arrays = []
    for a in args:
        if isinstance(a, (str, bytes)) or a is None:
            return None
        arr = np.asarray(a)
        if arr.dtype != np.float64:
            if arr.dtype == bool or arr.dtype.kind not in "iuf":
                return None
            arr = arr.astype(np.float64)
        arrays.append(arr)
    shape = _accel.broadcast_shape(*arrays)
    if shape is None:
        return None
    prepared = []
    for arr in arrays:
        if arr.size == 1:
            prepared.append(float(arr.reshape(-1)[0]))
        else:
            full = arr if arr.shape == shape else np.broadcast_to(arr, shape)
            prepared.append(np.ascontiguousarray(full).reshape(-1))
    return prepared, shape, math.prod(shape)


def _check_threads(threads) -> int:
    """``threads`` as an int >= 1, or `InputError`."""
    try:
        n = operator.index(threads)
    except TypeError:
        n = 0
    if isinstance(threads, bool) or n < 1:
        raise InputError(f"threads must be an integer >= 1, got {threads!r}")
    return n


def _run(loop, inputs, out, threads):
    """``loop(*inputs, out)`` over the whole array, or in chunks on ``threads`` threads.

    Returns the OR of the flags the calls return.
    """
    n = out.size
    chunks = min(threads, max(1, n // _MIN_CHUNK))
    if chunks == 1:
        return loop(*inputs, out)
    bounds = np.linspace(0, n, chunks + 1).astype(int)

    def part(k):
        lo, hi = bounds[k], bounds[k + 1]
        args = [a[lo:hi] if isinstance(a, np.ndarray) else a for a in inputs]
        return loop(*args, out[lo:hi])

    with ThreadPoolExecutor(chunks) as pool:
        flags = 0
        for f in pool.map(part, range(chunks)):
            flags |= f
    return flags


def rb_d_infinite(r, R_b, c, threads: int = 1):
    """``D`` [1/m] of the infinite series in one fused pass, or ``None``.

    ``None`` means "use the NumPy path": an input is not a real array, or some point lies
    outside the domain (``0 < r < 2 R_b``, ``0 <= c <= 1``), whose error message the NumPy
    path's checks produce. ``threads`` > 1 splits a large input over that many threads.
    """
    threads = _check_threads(threads)
    prep = _prepare(r, R_b, c)
    if prep is None:
        return None
    (ra, Ra, ca), shape, size = prep
    out = np.empty(size)
    flags = _run(_rb_d_loop, (ra, Ra, ca), out, threads)
    if flags & 1:
        return None
    if flags & 2:
        _rb_d_fix(ra, Ra, ca, out)
    return out.reshape(shape)


resisting_distance = rb_d_infinite


@functools.lru_cache(maxsize=8)
def _monomial_fit(coef_bytes: bytes) -> np.ndarray | None:
    """The inverse fit as `_FIT_TERMS` monomial coefficients (zero-padded), or ``None``."""
    coef = np.frombuffer(coef_bytes, dtype=np.float64)
    if coef.size > _FIT_TERMS:
        return None
    fit = np.zeros(_FIT_TERMS)
    # float conversion suffices: the fit is an initial guess that the Newton step polishes
    fit[: coef.size] = np.polynomial.chebyshev.cheb2poly(coef)
    return fit


def conducting_radius(R_b, c, coef, c_star, threads: int = 1):
    """Conducting radius [m] of the infinite series (NaN: no tunnel), or ``None`` (as above).

    ``coef`` and ``c_star`` are the Chebyshev inverse fit ``x(c)`` and the insulating
    threshold (`._roots._inverse_fit`); the fit is polished by one Newton step.
    """
    threads = _check_threads(threads)
    prep = _prepare(R_b, c)
    if prep is None:
        return None
    fit = _monomial_fit(np.ascontiguousarray(coef, dtype=np.float64).tobytes())
    if fit is None:
        return None
    (Ra, ca), shape, size = prep
    out = np.empty(size)
    if _run(_rc_loop, (Ra, ca, fit, float(c_star)), out, threads):
        return None
    return out.reshape(shape)
