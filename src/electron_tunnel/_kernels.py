"""Fused compiled kernels (Numba) for the infinite series: one pass over the data per call.

`electron_tunnel._series` evaluates the resisting distance of the infinite chain as the
explicit first term plus two Chebyshev series (``H0``, ``H1``, coefficients in
`electron_tunnel.chebyshev_data`) with the Clenshaw recurrence in NumPy: about 25 passes
over the data, each limited by memory bandwidth. The kernels here do the same arithmetic for
one point at a time, in registers, in a single loop the compiler vectorises (SIMD), and check
the input domain in the same pass. They are an accelerator only: the callers import this
module lazily (`electron_tunnel._accel.compiled_for` decides when) and fall back to the
NumPy path when Numba is missing, and the NumPy path produces every error message (the
kernels only report *that* some input is outside the domain).

Compiled code is cached on disk (``cache=True``) in ``__pycache__`` next to this file, or in
Numba's user-wide cache directory when the package directory is read-only; when no cache
location is writable the kernels are compiled in memory at first use (a few seconds).
"""

from __future__ import annotations

import math

import numba
import numpy as np
from numba import types
from numba.extending import overload

from . import _accel, chebyshev_data

__all__ = ["conducting_radius", "rb_d_infinite", "resisting_distance"]

_H0 = np.array(chebyshev_data.H0, dtype=np.float64)
_H1 = np.array(chebyshev_data.H1, dtype=np.float64)
_D0 = np.polynomial.chebyshev.chebder(_H0)
_D1 = np.polynomial.chebyshev.chebder(_H1)
_N_H = _H0.size
_FLAGS = {"contract"}  # allow fused multiply-add only: no reassociation


def _jit(fn):
    """``numba.njit`` with on-disk caching when some cache location is writable."""
    try:
        return numba.njit(cache=True, nogil=True, fastmath=_FLAGS)(fn)
    except Exception:  # no writable cache location: compile in memory
        return numba.njit(cache=False, nogil=True, fastmath=_FLAGS)(fn)


def _at(a, i):  # pragma: no cover - compiled through the overload below
    """``a[i]`` for a 1-D array, ``a`` itself for a scalar (broadcasting)."""
    return a if np.ndim(a) == 0 else a[i]


@overload(_at, inline="always")
def _at_overload(a, i):
    if isinstance(a, types.Array):
        return lambda a, i: a[i]
    return lambda a, i: a


_BLOCK = 512  # points per block: the recurrence's working arrays stay in L1 cache


@numba.njit(inline="always", fastmath=_FLAGS)
def _clenshaw2_block(t, m, ca, cb, n, s0, s1, w):
    """``s0[:m], s1[:m]`` = two Chebyshev series at ``t[:m]`` (Clenshaw, same argument).

    The loop over points is innermost, so the compiler vectorises it (SIMD) while the
    recurrence's state stays in the cache-resident work arrays ``w`` (6 x block).
    """
    tt, a1, a2, b1, b2 = w[0], w[1], w[2], w[3], w[4]
    for j in range(m):
        tt[j] = 2.0 * t[j]
        a1[j] = 0.0
        a2[j] = 0.0
        b1[j] = 0.0
        b2[j] = 0.0
    for k in range(n - 1, 0, -1):
        ka = ca[k]
        kb = cb[k]
        for j in range(m):
            a2[j] = tt[j] * a1[j] - a2[j] + ka
            b2[j] = tt[j] * b1[j] - b2[j] + kb
        a1, a2 = a2, a1
        b1, b2 = b2, b1
    for j in range(m):
        s0[j] = t[j] * a1[j] - a2[j] + ca[0]
        s1[j] = t[j] * b1[j] - b2[j] + cb[0]


@_jit
def _rb_d_loop(r, R_b, c, out):
    """``out = D`` of the infinite series; returns 1 when some input is outside the domain."""
    bad = 0
    n = out.size
    w = np.empty((5, _BLOCK))
    t = np.empty(_BLOCK)
    g = np.empty(_BLOCK)
    s0 = np.empty(_BLOCK)
    s1 = np.empty(_BLOCK)
    for start in range(0, n, _BLOCK):
        m = min(_BLOCK, n - start)
        for j in range(m):
            i = start + j
            ra = _at(r, i)
            Ra = _at(R_b, i)
            cc = _at(c, i)
            ok = (Ra > 0.0) & (Ra < math.inf) & (ra > 0.0) & (ra < 2.0 * Ra)
            ok = ok & (cc >= 0.0) & (cc <= 1.0)
            bad = bad | (0 if ok else 1)
            x = ra / Ra
            omx = (Ra - ra) / Ra  # 1 - x and 2 - x without cancellation
            inv = Ra / (2.0 * Ra - ra)
            g[j] = 1.0 / x - cc * inv * (3.0 + 2.0 * inv)
            t[j] = -omx
        _clenshaw2_block(t, m, _H0, _H1, _N_H, s0, s1, w)
        for j in range(m):
            i = start + j
            Ra = _at(R_b, i)
            out[i] = -t[j] * (g[j] + (s0[j] + _at(c, i) * s1[j])) / Ra + 0.0
    return bad


@_jit
def _rc_loop(R_b, c, coef, c_star, out):
    """``out = R_c`` (NaN: no tunnel); returns 1 when some input is outside the domain."""
    bad = 0
    n = out.size
    n_c = coef.size
    zero = np.zeros(n_c)
    scale = 1.0 / (1.0 - c_star)
    w = np.empty((5, _BLOCK))
    x = np.empty(_BLOCK)
    cb = np.empty(_BLOCK)
    t = np.empty(_BLOCK)
    q0 = np.empty(_BLOCK)
    q1 = np.empty(_BLOCK)
    p0 = np.empty(_BLOCK)
    p1 = np.empty(_BLOCK)
    for start in range(0, n, _BLOCK):
        m = min(_BLOCK, n - start)
        for j in range(m):
            i = start + j
            Ra = _at(R_b, i)
            cc = _at(c, i)
            ok = (Ra > 0.0) & (Ra < math.inf) & (cc >= 0.0) & (cc <= 1.0)
            bad = bad | (0 if ok else 1)
            cc = cc if cc > c_star else 1.0
            cb[j] = cc
            t[j] = (2.0 * cc - (1.0 + c_star)) * scale
        _clenshaw2_block(t, m, coef, zero, n_c, x, q1, w)  # the inverse fit x(c)
        for _ in range(2):  # Newton steps on G0 + c G1, as in _roots.conducting_x_infinite
            for j in range(m):
                t[j] = x[j] - 1.0
            _clenshaw2_block(t, m, _H0, _H1, _N_H, q0, q1, w)
            _clenshaw2_block(t, m, _D0, _D1, _N_H - 1, p0, p1, w)
            for j in range(m):
                xj = x[j]
                inv = 1.0 / (2.0 - xj)
                g0 = 1.0 / xj + q0[j]
                g1 = q1[j] - inv * (3.0 + 2.0 * inv)
                e0 = -1.0 / (xj * xj) + p0[j]
                e1 = p1[j] - inv * inv * (3.0 + 4.0 * inv)
                x[j] = xj - (g0 + cb[j] * g1) / (e0 + cb[j] * e1)
        for j in range(m):
            i = start + j
            out[i] = _at(R_b, i) * x[j] if _at(c, i) > c_star else math.nan
    return bad


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


def rb_d_infinite(r, R_b, c):
    """``D`` [1/m] of the infinite series in one fused pass, or ``None``.

    ``None`` means "use the NumPy path": an input is not a real array, or some point lies
    outside the domain (``0 < r < 2 R_b``, ``0 <= c <= 1``), whose error message the NumPy
    path's checks produce.
    """
    prep = _prepare(r, R_b, c)
    if prep is None:
        return None
    (ra, Ra, ca), shape, size = prep
    out = np.empty(size)
    if _rb_d_loop(ra, Ra, ca, out):
        return None
    return out.reshape(shape)


resisting_distance = rb_d_infinite


def conducting_radius(R_b, c, coef, c_star):
    """Conducting radius [m] of the infinite series (NaN: no tunnel), or ``None`` (as above).

    ``coef`` and ``c_star`` are the Chebyshev inverse fit ``x(c)`` and the insulating
    threshold; the two Newton steps match ``_roots.conducting_x_infinite``.
    """
    prep = _prepare(R_b, c)
    if prep is None:
        return None
    (Ra, ca), shape, size = prep
    out = np.empty(size)
    coef = np.ascontiguousarray(coef, dtype=np.float64)
    if _rc_loop(Ra, ca, coef, float(c_star), out):
        return None
    return out.reshape(shape)
