"""Statistics on bootstrap resamples given as counts per row, computed exactly.

A resample is a row of counts: ``W[b, i]`` is how often row ``i`` enters resample ``b``
(drawn by [`electron_tunnel.stats.bootstrap_counts`][] and
[`electron_tunnel.stats.cluster_bootstrap_counts`][]). The AUC ([`auc_from_counts`][],
[`stratified_auc_from_counts`][]) and the mid-ranks ([`spearman_from_counts`][],
[`resample_ranks`][]) of a resample are sums of counts: integers or halves of integers. The
compiled loops of `electron_tunnel.stats.kernels` add them exactly, several scores per pass
over the counts; without Numba, or when the counts are not small non-negative integers, the
NumPy path computes the same numbers (its float32 intermediates are exact below 2**24), so
both paths give the same bits. The float32 arithmetic of the Spearman bootstrap after the ranks
is repeated operation for operation.
"""

from __future__ import annotations

import functools

import numpy as np
from scipy.stats import rankdata

from ..errors import InputError

__all__ = [
    "as_1d",
    "auc",
    "auc_from_counts",
    "codes",
    "compiled",
    "draw_counts",
    "mann_whitney_sums",
    "percentile_ci",
    "resample_ranks",
    "spearman_from_counts",
    "stratified_auc_from_counts",
    "transposed",
]

#: Resamples evaluated at once by the NumPy path of the counts-based AUC (bounds the memory).
_CHUNK = 128


@functools.cache
def compiled():
    """The compiled loops (`electron_tunnel.stats.kernels`), or ``None`` without Numba."""
    try:
        # deferred on purpose: importing Numba costs ~0.5 s and only the bootstraps need it
        from . import kernels
    except Exception:  # pragma: no cover - numba is a declared dependency
        return None
    return kernels


def as_1d(name, values, n=None):
    """``values`` as a 1-D array (of ``n`` entries, if given); ``InputError`` naming ``name``."""
    a = np.asarray(values)
    if a.ndim != 1:
        raise InputError(f"{name} must be 1-D, got shape {a.shape}")
    if n is not None and a.size != n:
        raise InputError(f"{name} must have one entry per row ({n}), got {a.size}")
    return a


def codes(values):
    """Integer codes 0..k-1 of the distinct values (in sorted order) and the distinct values."""
    try:
        uniq, code = np.unique(values, return_inverse=True)
    except TypeError as exc:  # mixed types that do not sort
        raise InputError(f"labels of clusters/strata must be comparable: {exc}") from None
    return code.ravel(), uniq


def percentile_ci(values, level=0.95):
    """Percentile interval of the finite ``values`` (NaN, NaN if there is none)."""
    values = values[np.isfinite(values)]
    if values.size == 0:
        return (float("nan"), float("nan"))
    lo, hi = np.percentile(values, [50 * (1 - level), 50 * (1 + level)])
    return (float(lo), float(hi))


def draw_counts(idx, n):
    """``(B, n)`` float32: how often each of ``n`` rows occurs in each row of ``idx`` (B, m)."""
    k = compiled()
    if k is not None:
        return k.counts(idx, n)
    B = idx.shape[0]
    flat = (idx + (np.arange(B) * n)[:, None]).ravel()
    return np.bincount(flat, minlength=B * n).reshape(B, n).astype(np.float32)


def transposed(W):
    """``W.T`` C-contiguous for the compiled loops (a view of an F-ordered ``W``), or ``None``
    when they do not apply (no Numba, or ``W`` not float32 counts)."""
    if compiled() is None or W.dtype != np.float32 or W.ndim != 2:
        return None
    return W.T if W.T.flags.c_contiguous else np.ascontiguousarray(W.T)


def _runs(sorted_values):
    """Bounds of the runs of equal values in a sorted array (first 0, last its size)."""
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    return np.append(starts, sorted_values.size)


def auc(scores, labels):
    """Area under the ROC curve: P(score of a positive > score of a negative), ties count 1/2.

    Equal to the Mann-Whitney U statistic of the positives divided by ``n_pos * n_neg``.

    Examples
    --------
    >>> auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
    0.75
    """
    s = np.asarray(scores, float)
    lab = np.asarray(labels).astype(bool)
    ok = np.isfinite(s)
    s, lab = s[ok], lab[ok]
    n1, n0 = int(lab.sum()), int((~lab).sum())
    if n1 == 0 or n0 == 0:
        return float("nan")
    ranks = rankdata(s)
    u = ranks[lab].sum() - n1 * (n1 + 1) / 2
    return float(u / (n1 * n0))


def mann_whitney_sums(WT, parts):
    """Per score ``(ip, ineg, pos, neg)`` of ``parts`` and resample: the Mann-Whitney U of the
    positives (count x negatives below + half the tied ones) and the positives' and
    negatives' total counts, from transposed counts ``WT`` (n, B) by the compiled loop, all
    scores on one block of resamples at a time; also whether the counts are small
    non-negative integers. ``ip``/``ineg``: rows of the positives/negatives; ``pos``/``neg``:
    their scores.
    """
    prepared = []
    for ip, ineg, pos, neg in parts:
        s = np.concatenate([pos, neg])
        order = np.argsort(s, kind="stable")
        prepared.append((np.concatenate([ip, ineg])[order], _runs(s[order]), order < ip.size))
    return compiled().auc_sums(WT, prepared)


def _cumulative(W):
    """Cumulative counts with a leading zero column (exact in float32 below 2**24)."""
    cum = np.zeros((W.shape[0], W.shape[1] + 1), np.float32)
    np.cumsum(W, axis=1, out=cum[:, 1:])
    return cum


def _auc_counts(W, parts, WT=None):
    """AUC of every resample, and its number of rows, for each ``(ip, ineg, pos, neg)``.

    ``ip``/``ineg``: columns of the positives/negatives in ``W`` (B, n); ``pos``/``neg``:
    their scores; ``WT``: `transposed` ``(W)``, if the caller has it. The compiled loop adds
    the counts exactly; the NumPy path (`_auc_counts_numpy`) computes the same integers
    (exact in float32 within the bound the loop checks), so both paths give the same bits.
    """
    WT = transposed(W) if WT is None else WT
    if WT is not None and parts:
        num, n_pos, n_neg, exact = mann_whitney_sums(WT, parts)
        if exact:
            with np.errstate(invalid="ignore", divide="ignore"):
                return list(zip(num / (n_pos * n_neg), n_pos + n_neg, strict=True))
    return [_auc_counts_numpy(W, *part) for part in parts]


def _auc_counts_numpy(W, ip, ineg, pos, neg):
    """`_auc_counts` of one score with NumPy: the columns are gathered per chunk of
    resamples (no copy of ``W``); the counts and their cumulative sums are integers, exact in
    float32, so a ``wins`` entry is exact too."""
    B = W.shape[0]
    order = np.argsort(neg, kind="stable")
    nsorted, ineg = neg[order], ineg[order]
    lo = np.searchsorted(nsorted, pos, side="left")
    hi = np.searchsorted(nsorted, pos, side="right")
    tied = np.flatnonzero(hi != lo)
    boot, total = np.empty(B), np.empty(B)
    for a in range(0, B, _CHUNK):
        b = min(a + _CHUNK, B)
        Wa = W[a:b]
        cum = _cumulative(Wa[:, ineg])
        wins = cum[:, lo]
        if tied.size:
            wins[:, tied] += 0.5 * (cum[:, hi[tied]] - wins[:, tied])
        w = Wa[:, ip]
        n_pos = w.sum(axis=1, dtype=np.float64)
        n_neg = cum[:, -1].astype(np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            boot[a:b] = (w * wins).sum(axis=1, dtype=np.float64) / (n_pos * n_neg)
        total[a:b] = n_pos + n_neg
    return boot, total


def _scores(scores, n=None):
    """Scores as a float (k, n) array and whether one 1-D score was given."""
    S = np.asarray(scores, float)
    if S.ndim not in (1, 2) or (n is not None and S.shape[-1] != n):
        raise InputError(f"scores must be 1-D or 2-D (one row per score), got shape {S.shape}")
    return np.atleast_2d(S), S.ndim == 1


def auc_from_counts(W, scores, labels):
    """AUC on every resample given as counts per row (one compiled pass over the counts).

    Parameters
    ----------
    W : ndarray, shape (B, n)
        How often each row enters each resample (e.g. [`bootstrap_counts`][
        electron_tunnel.stats.bootstrap_counts], [`cluster_bootstrap_counts`][
        electron_tunnel.stats.cluster_bootstrap_counts]).
    scores : array_like, shape (n,) or (k, n)
        Higher = predicted positive; rows with a non-finite score are left out. Several
        scores (one per row of a 2-D array) share the pass over ``W``.
    labels : array_like of bool, shape (n,)

    Returns
    -------
    ndarray, shape (B,) or (k, B)
        The AUC (ties 1/2) of every resample; NaN where a resample lacks a class.

    Examples
    --------
    With every row once, each resample is the sample itself:

    >>> auc_from_counts(np.ones((2, 4)), [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).tolist()
    [0.75, 0.75]
    """
    W = np.asarray(W)
    S, single = _scores(scores)
    lab = as_1d("labels", labels, S.shape[1]).astype(bool)
    if W.ndim != 2 or W.shape[1] != S.shape[1]:
        raise InputError(f"W must have shape (B, {S.shape[1]}), got {W.shape}")
    parts = []
    for s in S:
        ok = np.isfinite(s)
        ip, ineg = np.flatnonzero(ok & lab), np.flatnonzero(ok & ~lab)
        parts.append((ip, ineg, s[ip], s[ineg]))
    boots = [boot for boot, _total in _auc_counts(W, parts)]
    return boots[0] if single else np.array(boots)


def stratified_auc_from_counts(W, scores, labels, strata):
    """Within-stratum AUCs, their size-weighted mean and bootstrap CIs from resample counts.

    A stratum enters the weighted mean with weight = its number of rows (finite score) if it
    holds both classes; a stratum lacking a class is reported (``excluded``, AUC NaN) and left
    out; a stratum without a scored row is not listed. In a resample, a stratum's weight is
    its number of rows in that resample, and a stratum that lost a class in it is left out of
    that resample's mean.

    Parameters
    ----------
    W : ndarray, shape (B, n)
        How often each row enters each resample (e.g. [`cluster_bootstrap_counts`][
        electron_tunnel.stats.cluster_bootstrap_counts] with ``strata``).
    scores : array_like, shape (n,) or (k, n)
        Rows with a non-finite score are left out. Several scores (one per row of a 2-D
        array) share the passes over ``W``.
    labels : array_like of bool, shape (n,)
    strata : array_like, shape (n,)

    Returns
    -------
    dict, or list of dict (one per score) for 2-D ``scores``
        ``auc`` (weighted mean), ``ci95`` (percentile bootstrap), ``by_stratum`` (stratum ->
        ``auc``, ``ci95``, ``n_pos``, ``n_neg``), ``excluded`` (strata lacking a class),
        ``n_pos``, ``n_neg`` (rows of the included strata).

    Examples
    --------
    >>> r = stratified_auc_from_counts(
    ...     np.ones((3, 6)), [1, 2, 3, 4, 5, 6], [0, 1, 1, 0, 1, 0], ["a"] * 3 + ["b"] * 3
    ... )
    >>> r["auc"], r["by_stratum"]["a"]["auc"], r["by_stratum"]["b"]["auc"]
    (0.75, 1.0, 0.5)
    """
    W = np.asarray(W)
    S, single = _scores(scores)
    lab = as_1d("labels", labels, S.shape[1]).astype(bool)
    codes_, names = codes(as_1d("strata", strata, S.shape[1]))
    if W.ndim != 2 or W.shape[1] != S.shape[1]:
        raise InputError(f"W must have shape (B, {S.shape[1]}), got {W.shape}")
    WT = transposed(W)  # once for all strata and scores
    B = W.shape[0]
    acc = [
        {"by": {}, "excluded": [], "num": np.zeros(B), "den": np.zeros(B), "pn": 0.0, "pd": 0.0,
         "n_pos": 0, "n_neg": 0}
        for _s in S
    ]  # fmt: skip
    oks = [np.isfinite(s) for s in S]
    for k, name in enumerate(names):
        parts, todo = [], []
        for a, s, ok in zip(acc, S, oks, strict=True):
            ip = np.flatnonzero(ok & lab & (codes_ == k))
            ineg = np.flatnonzero(ok & ~lab & (codes_ == k))
            n1, n0 = ip.size, ineg.size
            entry = {"auc": float("nan"), "ci95": [float("nan")] * 2, "n_pos": n1, "n_neg": n0}
            if n1 + n0 == 0:
                continue  # a stratum all of whose rows lack a score
            a["by"][str(name)] = entry
            if n1 == 0 or n0 == 0:
                a["excluded"].append(str(name))
                continue
            parts.append((ip, ineg, s[ip], s[ineg]))
            todo.append((a, entry))
        for (boot, weight), (a, entry), (_ip, _ineg, pos, neg) in zip(
            _auc_counts(W, parts, WT), todo, parts, strict=True
        ):
            n1, n0 = pos.size, neg.size
            entry["auc"] = _auc_split(pos, neg)
            entry["ci95"] = list(percentile_ci(boot))
            have = np.isfinite(boot)
            a["num"][have] += weight[have] * boot[have]
            a["den"][have] += weight[have]
            a["pn"] += (n1 + n0) * entry["auc"]
            a["pd"] += n1 + n0
            a["n_pos"], a["n_neg"] = a["n_pos"] + n1, a["n_neg"] + n0
    nan = float("nan")
    out = []
    for a in acc:
        with np.errstate(invalid="ignore", divide="ignore"):
            boot = a["num"] / a["den"]
        out.append(
            {
                "auc": a["pn"] / a["pd"] if a["pd"] else nan,
                "ci95": list(percentile_ci(boot)),
                "by_stratum": a["by"],
                "excluded": a["excluded"],
                "n_pos": a["n_pos"],
                "n_neg": a["n_neg"],
            }
        )
    return out[0] if single else out


def _auc_split(pos, neg):
    """[`auc`][] of the positives' and negatives' scores."""
    return auc(np.concatenate([pos, neg]), np.arange(pos.size + neg.size) < pos.size)


def _weighted_midranks(W, v):
    """Mid-ranks of each row's value inside every weighted resample, shape ``W.shape``."""
    order = np.argsort(v, kind="stable")
    vs = v[order]
    lo = np.searchsorted(vs, v, side="left")
    hi = np.searchsorted(vs, v, side="right")
    cum = _cumulative(W[:, order])
    return cum[:, lo] + (cum[:, hi] - cum[:, lo] + 1.0) / 2.0


def _sort_runs(v):
    order = np.argsort(v, kind="stable")
    return order, _runs(v[order])


def spearman_from_counts(W, y, scores, rows=None):
    """Spearman's rho of each score with ``y`` on every resample given as counts.

    In a resample, every row gets the mid-rank of its value among the drawn rows (the drawn
    rows of smaller value plus half of the drawn rows of equal value, plus 1/2: the average
    rank), and rho is the Pearson correlation of those mid-ranks weighted by the counts.
    It is computed in float32 with every sum running over the rows in order; the compiled
    loop does the same operations as the NumPy path, so both give the same bits.

    Parameters
    ----------
    W : ndarray, shape (B, n)
        How often each row enters each resample (e.g. [`bootstrap_counts`][
        electron_tunnel.stats.bootstrap_counts]).
    y : array_like, shape (m,)
        The second variable on the rows that take part (finite).
    scores : sequence of array_like, each of shape (m,)
        The scores on those rows (finite).
    rows : array_like of bool, shape (n,), optional
        The rows that take part (default: all).

    Returns
    -------
    ndarray, shape (len(scores), B)
        NaN where a resample has a constant rank.

    Examples
    --------
    >>> W = np.array([[1, 1, 1], [2, 1, 0]], np.float32)
    >>> spearman_from_counts(W, [1.0, 2.0, 3.0], [[3.0, 2.0, 1.0]]).tolist()
    [[-1.0, -1.0]]
    """
    W = np.asarray(W)
    rows = np.ones(W.shape[1], bool) if rows is None else np.asarray(rows, bool)
    y = np.asarray(y, float)
    xs = [np.asarray(x, float) for x in scores]
    m = int(rows.sum())
    if W.ndim != 2 or rows.shape != (W.shape[1],) or y.shape != (m,):
        raise InputError(f"W must have shape (B, {rows.size}) and y {m} entries, got {W.shape}")
    if any(x.shape != (m,) for x in xs):
        raise InputError(f"scores must have one entry per row taking part ({m})")
    WT = transposed(W)
    if WT is not None and xs:
        ysort, ystarts = _sort_runs(y)
        xsort = np.empty((len(xs), m), np.int64)
        xstarts = np.zeros((len(xs), m + 1), np.int64)
        xgroups = np.empty(len(xs), np.int64)
        for k, x in enumerate(xs):
            xsort[k], runs = _sort_runs(x)
            xstarts[k, : runs.size], xgroups[k] = runs, runs.size - 1
        got = compiled().spearman_boots(
            WT, np.flatnonzero(rows), ysort, ystarts, xsort, xstarts, xgroups
        )
        if got is not None:
            return got
    B = W.shape[0]
    Wok = np.ascontiguousarray(W)[:, rows]  # the rows as columns: sums over a strided axis
    boot = np.empty((len(xs), B))
    for a in range(0, B, _CHUNK):
        b = min(a + _CHUNK, B)
        w = Wok[a:b]
        ry = _weighted_midranks(w, y)
        tot = w.sum(axis=1, keepdims=True)
        my = (w * ry).sum(axis=1, keepdims=True) / tot
        dy = ry - my
        for k, x in enumerate(xs):
            rx = _weighted_midranks(w, x)
            dx = rx - (w * rx).sum(axis=1, keepdims=True) / tot
            with np.errstate(invalid="ignore", divide="ignore"):
                boot[k, a:b] = (w * dx * dy).sum(1) / np.sqrt(
                    (w * dx * dx).sum(1) * (w * dy * dy).sum(1)
                )
    return boot


def resample_ranks(values, idx):
    """``scipy.stats.rankdata(values[idx], axis=1)`` (average ranks), from the counts of the
    draws ``idx`` (B, m): exact in float64, the same numbers without sorting every resample."""
    n = values.size
    order = np.argsort(values, kind="stable")
    vs = values[order]
    lo = np.searchsorted(vs, values, side="left")
    hi = np.searchsorted(vs, values, side="right")
    cum = np.zeros((idx.shape[0], n + 1))
    np.cumsum(draw_counts(idx, n)[:, order], axis=1, out=cum[:, 1:])
    ranks = cum[:, lo] + (cum[:, hi] - cum[:, lo] + 1.0) / 2.0
    return np.take_along_axis(ranks, idx, axis=1)
