"""Compiled loops (Numba) of the bootstrap statistics: exact sums of counts, one pass each.

A resample of [`electron_tunnel.stats`][] is a row of counts, ``W[b, i]`` = how often row
``i`` enters resample ``b``; the loops read them transposed (``WT[i, b]``, a row's counts in
all resamples side by side), a block of resamples at a time. The AUC and the mid-ranks of a
resample are sums of counts: integers (or halves of integers), which the loops add exactly.
The NumPy expressions they replace (the NumPy path of `electron_tunnel.stats.counts`)
compute the same integers exactly too — their float32 intermediates hold integers below
2**24 without rounding — so the two paths agree bit for bit; the float32 arithmetic of the
Spearman correlation after the ranks is repeated operation for operation, in the same order.
The loops report whether that holds (the counts are non-negative integers and a resample's
total times the largest count is below `EXACT_BELOW`); the callers take the NumPy path when
it does not.

`electron_tunnel.stats` loads this module on first use (importing Numba costs ~0.5 s).
Compiled code is cached on disk (``cache=True``) in ``__pycache__`` next to this file, or in
Numba's user-wide cache directory; when no cache location is writable the loops are compiled
in memory at first use (a few seconds).
"""

from __future__ import annotations

import numba
import numpy as np

from ..errors import InputError

__all__ = ["EXACT_BELOW", "auc_sums", "counts", "spearman_boots"]

#: float32 holds every integer and half-integer below 2**23 exactly: a resample's total
#: count times its largest count must stay below this for the NumPy path to be exact too.
EXACT_BELOW = float(2**22)


def _jit(fn):
    """``numba.njit`` with on-disk caching when some cache location is writable."""
    try:
        return numba.njit(cache=True, nogil=True, error_model="numpy")(fn)
    except Exception:  # no writable cache location: compile in memory
        return numba.njit(cache=False, nogil=True, error_model="numpy")(fn)


@_jit
def _count(idx, out):
    for b in range(idx.shape[0]):
        row = out[b]
        for k in range(idx.shape[1]):
            row[idx[b, k]] += 1.0


def counts(idx, n):
    """``(B, n)`` float32 counts of the row indices ``idx`` (B, m): ``bincount`` per row."""
    idx = np.ascontiguousarray(idx, dtype=np.int64)
    if idx.size and (idx.min() < 0 or idx.max() >= n):
        raise InputError(f"idx must hold row indices 0 .. {n - 1}")
    out = np.zeros((idx.shape[0], n), np.float32)
    _count(idx, out)
    return out


_AUC_LANES = 256  # resamples per block: the block of every row's counts is read once


@_jit
def _auc_sums(WT, rows, starts, is_pos, first, num, n_pos, n_neg):
    B, lanes = WT.shape[1], _AUC_LANES
    gp = np.empty(lanes, np.float32)  # counts within a run of ties (exact: checked bound)
    gn = np.empty(lanes, np.float32)
    for b0 in range(0, B, lanes):
        L = min(lanes, B - b0)
        for s in range(first.size - 1):  # the scores, one after the other on this block
            nu, nn, npos = num[s, b0 : b0 + L], n_neg[s, b0 : b0 + L], n_pos[s, b0 : b0 + L]
            for g in range(first[s], first[s + 1]):
                lo, hi = starts[g], starts[g + 1]
                if hi - lo == 1:  # a score without ties
                    col = WT[rows[lo], b0 : b0 + L]
                    if is_pos[lo]:
                        for b in range(L):
                            w = np.float64(col[b])
                            nu[b] += w * nn[b]
                            npos[b] += w
                    else:
                        for b in range(L):
                            nn[b] += col[b]
                    continue
                gp[:] = 0.0
                gn[:] = 0.0
                for k in range(lo, hi):
                    col = WT[rows[k], b0 : b0 + L]
                    if is_pos[k]:
                        for b in range(L):
                            gp[b] += col[b]
                    else:
                        for b in range(L):
                            gn[b] += col[b]
                for b in range(L):
                    nu[b] += np.float64(gp[b]) * (nn[b] + 0.5 * np.float64(gn[b]))
                    nn[b] += gn[b]
                    npos[b] += gp[b]


@_jit
def _check_counts(WT, rows):
    """Largest count of the rows, and how many counts are not non-negative integers."""
    top, bad = 0.0, 0
    for r in rows:
        col = WT[r]
        for b in range(col.size):
            w = np.float64(col[b])
            top = max(top, w)
            bad += np.int64((w != np.floor(w)) | (w < 0))
    return top, bad


def auc_sums(WT, parts):
    """Mann-Whitney sums of every resample, for several scores, from transposed counts.

    Parameters
    ----------
    WT : ndarray of float32, shape (n, B), C-contiguous
        ``WT[i, b]``: count of row ``i`` in resample ``b``.
    parts : sequence of (rows, starts, is_pos)
        Per score: the rows that take part, sorted by score; the bounds of the runs of equal
        score in ``rows`` (first 0, last ``rows.size``); the class of each entry of ``rows``.
        All scores are evaluated on one block of resamples before the next block is read.

    Returns
    -------
    num, n_pos, n_neg : ndarray of float64, shape (len(parts), B)
        Sum over positives of count x (negatives below + half the tied negatives), and the
        total counts of positives and of negatives, per score and resample.
    exact : bool
        Whether the counts are non-negative integers within the bound of `EXACT_BELOW`.
    """
    k, B = len(parts), WT.shape[1]
    sizes = np.array([0] + [r.size for r, _s, _p in parts], np.int64)
    offsets = np.cumsum(sizes)
    rows = np.concatenate([r for r, _s, _p in parts]).astype(np.int64, copy=False)
    is_pos = np.concatenate([p for _r, _s, p in parts]).astype(bool, copy=False)
    starts = [st[:-1] + off for (_r, st, _p), off in zip(parts, offsets, strict=False)]
    first = np.cumsum([0] + [st.size for st in starts]).astype(np.int64)
    starts = np.append(np.concatenate(starts), offsets[-1]).astype(np.int64)
    top, bad = _check_counts(WT, np.unique(rows))
    num, n_pos, n_neg = np.zeros((k, B)), np.zeros((k, B)), np.zeros((k, B))
    _auc_sums(WT, rows, starts, is_pos, first, num, n_pos, n_neg)
    exact = bad == 0 and top * float(np.max(n_pos + n_neg, initial=0.0)) < EXACT_BELOW
    return num, n_pos, n_neg, exact


@_jit
def _ranks(wv, order, starts, n_groups, lanes, out):
    """Mid-ranks of the values in every lane: ``order`` sorts them, ``starts`` bounds ties."""
    below = np.zeros(lanes, np.float32)
    tied = np.empty(lanes, np.float32)
    for g in range(n_groups):
        tied[:] = 0.0
        for k in range(starts[g], starts[g + 1]):
            w = wv[order[k]]
            for b in range(lanes):
                tied[b] += w[b]
        for k in range(starts[g], starts[g + 1]):
            r = out[order[k]]
            for b in range(lanes):
                r[b] = below[b] + (tied[b] + np.float32(1.0)) / np.float32(2.0)
        for b in range(lanes):
            below[b] += tied[b]


_LANES = 32  # resamples per block: a block's working arrays stay in the cache


@_jit
def _spearman(WT, rows, ysort, ystarts, xsort, xstarts, xgroups, out):
    m, B, lanes = rows.size, WT.shape[1], _LANES
    wv = np.empty((m, lanes), np.float32)
    ry = np.empty((m, lanes), np.float32)
    rx = np.empty((m, lanes), np.float32)
    tot, s1, syy = (
        np.empty(lanes, np.float32),
        np.empty(lanes, np.float32),
        np.empty(lanes, np.float32),
    )
    my, mx = np.empty(lanes, np.float32), np.empty(lanes, np.float32)
    sxy, sxx = np.empty(lanes, np.float32), np.empty(lanes, np.float32)
    bad, most = 0, 0.0
    for b0 in range(0, B, lanes):
        L = min(lanes, B - b0)
        tot[:] = 0.0
        for j in range(m):
            src = WT[rows[j]]
            for b in range(L):
                w = src[b0 + b]
                wv[j, b] = w
                tot[b] += w
                bad += np.int64((w != np.floor(w)) | (w < 0))
        for b in range(L):
            most = max(most, np.float64(tot[b]))
        # every sum runs over the rows in order, in float32, as NumPy's over the strided axis
        _ranks(wv, ysort, ystarts, ystarts.size - 1, L, ry)
        s1[:] = 0.0
        for j in range(m):
            for b in range(L):
                s1[b] += wv[j, b] * ry[j, b]
        syy[:] = 0.0
        for b in range(L):
            my[b] = s1[b] / tot[b]
        for j in range(m):
            for b in range(L):
                dy = ry[j, b] - my[b]
                syy[b] += (wv[j, b] * dy) * dy
        for s in range(xsort.shape[0]):
            _ranks(wv, xsort[s], xstarts[s], xgroups[s], L, rx)
            s1[:] = 0.0
            for j in range(m):
                for b in range(L):
                    s1[b] += wv[j, b] * rx[j, b]
            sxy[:] = 0.0
            sxx[:] = 0.0
            for b in range(L):
                mx[b] = s1[b] / tot[b]
            for j in range(m):
                for b in range(L):
                    wdx = wv[j, b] * (rx[j, b] - mx[b])
                    sxy[b] += wdx * (ry[j, b] - my[b])
                    sxx[b] += wdx * (rx[j, b] - mx[b])
            for b in range(L):
                out[s, b0 + b] = sxy[b] / np.sqrt(sxx[b] * syy[b])
    return bad, most


def spearman_boots(WT, rows, ysort, ystarts, xsort, xstarts, xgroups):
    """Bootstrap Spearman rho of each score with ``y`` in every resample, float64 ``(k, B)``.

    ``WT`` (n, B): transposed counts; ``rows`` (m,): the rows that take part, in order;
    ``ysort``/``ystarts``: the order of ``y`` on those rows and the bounds of its ties;
    ``xsort`` (k, m), ``xstarts`` (k, m + 1), ``xgroups`` (k,): the same for each score.
    A resample's rho is the counts-weighted Pearson correlation of the mid-ranks, in float32,
    every sum over the rows in order: the operations of the NumPy path
    (`electron_tunnel.stats.spearman_from_counts`), one for one. Returns ``None`` unless
    the counts are non-negative integers with resample totals below `EXACT_BELOW` (the
    mid-ranks are then exact in both paths).
    """
    out = np.empty((xsort.shape[0], WT.shape[1]))
    bad, most = _spearman(WT, rows, ysort, ystarts, xsort, xstarts, xgroups, out)
    return out if bad == 0 and most < EXACT_BELOW else None
