"""Rank statistics with bootstrap confidence intervals, vectorised over resamples.

Conventions: percentile bootstrap with ``B`` resamples of the (x, y) pairs (stratified by class
for the AUC), NumPy's ``default_rng(seed)``; ties get average ranks; Kendall's statistic is
tau-b (as `scipy.stats.kendalltau`). Point estimates and p-values come from SciPy.

This module is the package's one owner of resampling: every resample is drawn by
[`bootstrap_indices`][] (``rng.integers(0, n, size=(B, n))``), directly or through
[`bootstrap_counts`][] (the same draws as counts per row) and [`cluster_bootstrap_counts`][]
(clusters drawn with replacement, optionally within strata; a row enters as often as its
cluster is drawn). [`auc_from_counts`][], [`stratified_auc_from_counts`][] and
[`spearman_from_counts`][] evaluate a statistic on every resample of a counts matrix, so many
scores share one set of draws.

The package has two helper modules: `electron_tunnel.stats.counts` (the statistics on counts,
exact sums of integers) and `electron_tunnel.stats.kernels` (their compiled loops, Numba,
loaded on first use; without it the NumPy path gives the same bits). The bootstrap draws are
those of ``rng.integers`` in every case; only the arithmetic on them is organised differently.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import kendalltau, mannwhitneyu, rankdata, spearmanr

from ..errors import InputError
from . import counts
from .counts import (
    as_1d,
    auc,
    auc_from_counts,
    codes,
    draw_counts,
    percentile_ci,
    resample_ranks,
    spearman_from_counts,
    stratified_auc_from_counts,
)

__all__ = [
    "auc",
    "auc_from_counts",
    "auc_with_ci",
    "bootstrap_counts",
    "bootstrap_indices",
    "cluster_bootstrap_counts",
    "kendall_with_ci",
    "spearman_from_counts",
    "spearman_with_ci",
    "stratified_auc_from_counts",
    "stratified_auc_with_ci",
]

DEFAULT_B = 2000
DEFAULT_SEED = 20261124
#: Largest sample for which Kendall's bootstrap counts pairs through n x n sign matrices.
_PAIRS_MAX = 1500


def _check_B(B):
    if isinstance(B, bool) or not isinstance(B, (int, np.integer)) or B < 1:
        raise InputError(f"B (bootstrap resamples) must be an integer >= 1, got {B!r}")
    return int(B)


def bootstrap_indices(rng, n, B):
    """Row indices of ``B`` bootstrap resamples of ``n`` rows: ``rng.integers(0, n, (B, n))``.

    Every resample in the package is drawn here (see the module docstring).

    Parameters
    ----------
    rng : numpy.random.Generator
        The generator (consumed).
    n : int
        Rows to resample (>= 1).
    B : int
        Resamples (>= 1).

    Returns
    -------
    ndarray of int64, shape (B, n)

    Examples
    --------
    >>> idx = bootstrap_indices(np.random.default_rng(0), 4, 3)
    >>> idx.shape, bool(((idx >= 0) & (idx < 4)).all())
    ((3, 4), True)
    """
    B = _check_B(B)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise InputError(f"n (rows to resample) must be an integer >= 1, got {n!r}")
    return rng.integers(0, n, size=(B, n))


def bootstrap_counts(rng, n, B):
    """``(B, n)`` matrix: how often each of ``n`` rows appears in each of ``B`` resamples.

    The draws are [`bootstrap_indices`][] ``(rng, n, B)``, counted per row.

    Parameters
    ----------
    rng : numpy.random.Generator
        The generator (consumed).
    n, B : int
        Rows and resamples (>= 1).

    Returns
    -------
    ndarray of float32, shape (B, n)
        Every row of it sums to ``n``.

    Examples
    --------
    >>> W = bootstrap_counts(np.random.default_rng(0), 5, 2)
    >>> W.shape, W.sum(axis=1).tolist()
    ((2, 5), [5.0, 5.0])
    """
    idx = bootstrap_indices(rng, n, B)
    return draw_counts(idx, idx.shape[1])


def cluster_bootstrap_counts(clusters, B, seed=DEFAULT_SEED, *, strata=None):
    """Cluster bootstrap as counts: how often each row enters each of ``B`` resamples.

    The distinct values of ``clusters`` are the resampling units: they are drawn with
    replacement (as many draws as there are clusters) and a row enters a resample as often as
    its cluster is drawn, so the number of rows per resample varies. With ``strata``, the
    clusters of each stratum are drawn within it (a cluster found in two strata is two units);
    the strata are visited in sorted order, each drawing [`bootstrap_counts`][] ``(rng,
    n_clusters_of_stratum, B)`` from one ``numpy.random.default_rng(seed)``. With one row per
    cluster and no strata, the draws are those of [`bootstrap_counts`][] ``(rng, n, B)``
    with the rows in the sorted order of their cluster labels.

    Parameters
    ----------
    clusters : array_like, shape (n,)
        Cluster label of every row (any sortable values, e.g. element sets).
    B : int
        Resamples (>= 1).
    seed : int
        Seed of ``numpy.random.default_rng``.
    strata : array_like, shape (n,), optional
        Stratum of every row; clusters are resampled within strata.

    Returns
    -------
    ndarray of float32, shape (B, n)
        Stored column by column (Fortran order: a row's counts in all resamples are
        contiguous, the layout the compiled AUC reads).

    Raises
    ------
    InputError
        If ``clusters`` or ``strata`` is not 1-D of one length, or ``B`` < 1.

    Examples
    --------
    Rows 0 and 1 form one cluster: they always enter a resample together.

    >>> W = cluster_bootstrap_counts(["a", "a", "b"], B=4, seed=1)
    >>> bool((W[:, 0] == W[:, 1]).all()), W.shape
    (True, (4, 3))
    """
    B = _check_B(B)
    clusters = as_1d("clusters", clusters)
    n = clusters.size
    if strata is None:
        scode, n_strata = np.zeros(n, dtype=np.intp), 1
    else:
        scode, uniq = codes(as_1d("strata", strata, n))
        n_strata = uniq.size
    rng = np.random.default_rng(seed)
    WT = np.zeros((n, B), np.float32)  # a row's counts in all resamples side by side
    for k in range(n_strata):
        rows = np.flatnonzero(scode == k)
        if rows.size == 0:
            continue
        ccode, uniq = codes(clusters[rows])
        WT[rows] = np.ascontiguousarray(bootstrap_counts(rng, uniq.size, B).T)[ccode]
    return WT.T


def _n_units(clusters, strata=None):
    """Number of resampling units: distinct clusters (within strata, if given)."""
    if clusters is None:
        return None
    c, _ = codes(clusters)
    if strata is None:
        return int(np.unique(c).size)
    s, _ = codes(strata)
    return int(np.unique(np.stack([s, c]), axis=1).shape[1])


def _clean(x, y):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    if x.shape != y.shape or x.ndim != 1:
        raise InputError(f"x and y must be 1-D and of equal length, got {x.shape} and {y.shape}")
    ok = np.isfinite(x) & np.isfinite(y)
    return x[ok], y[ok]


def _row_pearson(a, b):
    a = a - a.mean(axis=1, keepdims=True)
    b = b - b.mean(axis=1, keepdims=True)
    den = np.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return (a * b).sum(axis=1) / den


def _with_ci(name, x, y, test, bootstrap):
    """``name`` (the statistic of SciPy's ``test``), ``p_value``, ``ci95`` (percentile bootstrap
    of ``bootstrap(x, y)``) and ``n`` over the finite pairs; NaN for fewer than 3."""
    x, y = _clean(x, y)
    n = x.size
    if n < 3:
        return {name: float("nan"), "p_value": float("nan"), "ci95": [float("nan")] * 2, "n": n}
    res = test(x, y)
    return {
        name: float(res.statistic),
        "p_value": float(res.pvalue),
        "ci95": list(percentile_ci(bootstrap(x, y))),
        "n": int(n),
    }


def spearman_with_ci(x, y, *, B=DEFAULT_B, seed=DEFAULT_SEED):
    """Spearman's rho, its p-value (SciPy), a bootstrap 95 % CI and n (NaN pairs dropped).

    Examples
    --------
    >>> r = spearman_with_ci([1, 2, 3, 4, 5], [2, 4, 6, 8, 11], B=200)
    >>> r["rho"], r["n"]
    (1.0, 5)
    """
    B = _check_B(B)

    def bootstrap(x, y):
        idx = bootstrap_indices(np.random.default_rng(seed), x.size, B)
        return _row_pearson(resample_ranks(x, idx), resample_ranks(y, idx))  # rankdata's ranks

    return _with_ci("rho", x, y, spearmanr, bootstrap)


def _tau_b_rows(xb, yb):
    n = xb.shape[1]
    i, j = np.triu_indices(n, k=1)
    sx = np.sign(xb[:, j] - xb[:, i])
    sy = np.sign(yb[:, j] - yb[:, i])
    with np.errstate(invalid="ignore", divide="ignore"):
        return (sx * sy).sum(axis=1) / np.sqrt((sx * sx).sum(axis=1) * (sy * sy).sum(axis=1))


def _tau_b_counts(C, signs):
    """`_tau_b_rows` of the resamples drawn ``C`` (B, n) times from the rows: the sums over
    pairs of draws are ``c K c / 2`` for the n x n sign matrices ``K`` (exact integers)."""
    C = C.astype(np.float64)
    s, sx, sy = (((C @ K) * C).sum(axis=1) / 2 for K in signs)
    with np.errstate(invalid="ignore", divide="ignore"):
        return s / np.sqrt(sx * sy)


def kendall_with_ci(x, y, *, B=DEFAULT_B, seed=DEFAULT_SEED):
    """Kendall's tau-b, its p-value (SciPy), a bootstrap 95 % CI and n.

    The draws are made in chunks of ``2e6 / n**2`` resamples; a resample's sums over pairs
    come from the counts of its draws and the n x n sign matrices (exact integers, the
    numbers of `_tau_b_rows`), for n up to `_PAIRS_MAX`.

    Examples
    --------
    >>> r = kendall_with_ci([1, 2, 3, 4], [4, 3, 2, 1], B=200)
    >>> r["tau"]
    -1.0
    """
    B = _check_B(B)

    def bootstrap(x, y):
        n = x.size
        rng = np.random.default_rng(seed)
        boot = np.empty(B)
        chunk = max(1, 2_000_000 // (n * n))
        signs = None
        if n <= _PAIRS_MAX:
            kx, ky = np.sign(x[None, :] - x[:, None]), np.sign(y[None, :] - y[:, None])
            signs = (kx * ky, kx * kx, ky * ky)
        for start in range(0, B, chunk):
            idx = bootstrap_indices(rng, n, min(chunk, B - start))
            boot[start : start + idx.shape[0]] = (
                _tau_b_rows(x[idx], y[idx]) if signs is None
                else _tau_b_counts(draw_counts(idx, n), signs)
            )  # fmt: skip
        return boot

    return _with_ci("tau", x, y, kendalltau, bootstrap)


def _finite_rows(scores, labels, *others):
    """Scores (float), labels (bool) and the other per-row arrays, on the finite scores."""
    s = as_1d("scores", scores).astype(float)
    lab = as_1d("labels", labels, s.size).astype(bool)
    rest = [None if o is None else as_1d(name, o, s.size) for name, o in others]
    ok = np.isfinite(s)
    return s[ok], lab[ok], [None if o is None else o[ok] for o in rest]


def auc_with_ci(scores, labels, *, clusters=None, B=DEFAULT_B, seed=DEFAULT_SEED):
    """AUC with a bootstrap 95 % CI and counts; row or cluster bootstrap.

    Parameters
    ----------
    scores : array_like
        Higher = predicted positive; rows with a non-finite score are left out.
    labels : array_like of bool
        Positive class.
    clusters : array_like, optional
        Cluster of every row. Without it: the rows are resampled within each class (fixed
        ``n_pos`` and ``n_neg``) and the two-sided Mann-Whitney ``p_value`` is given. With it:
        the clusters are resampled with replacement over all rows (not within classes; see
        [`cluster_bootstrap_counts`][]), and no p-value is given (Mann-Whitney's assumes
        independent rows).
    B : int
        Resamples (>= 1).
    seed : int
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    dict
        ``auc``, ``ci95``, ``n_pos``, ``n_neg``; and ``p_value`` (row bootstrap) or
        ``n_clusters`` (cluster bootstrap).

    Raises
    ------
    InputError
        If the arrays are not 1-D of one length, or ``B`` < 1.

    Examples
    --------
    >>> r = auc_with_ci([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], B=200)
    >>> r["auc"], r["n_pos"], r["n_neg"]
    (0.75, 2, 2)
    >>> rc = auc_with_ci([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], clusters=[0, 0, 1, 1], B=200)
    >>> rc["auc"], rc["n_clusters"]
    (0.75, 2)
    """
    B = _check_B(B)
    s, lab, (cl,) = _finite_rows(scores, labels, ("clusters", clusters))
    pos, neg = s[lab], s[~lab]
    n1, n0 = pos.size, neg.size
    nan = float("nan")
    if clusters is not None:
        out = {"auc": nan, "ci95": [nan, nan], "n_pos": n1, "n_neg": n0, "n_clusters": 0}
        if n1 == 0 or n0 == 0:
            out["n_clusters"] = _n_units(cl) if cl.size else 0
            return out
        W = cluster_bootstrap_counts(cl, B, seed)
        boot = auc_from_counts(W, s, lab)
        out.update(auc=auc(s, lab), ci95=list(percentile_ci(boot)), n_clusters=_n_units(cl))
        return out
    if n1 == 0 or n0 == 0:
        return {"auc": nan, "p_value": nan, "ci95": [nan, nan], "n_pos": n1, "n_neg": n0}
    rng = np.random.default_rng(seed)
    ip, ineg = bootstrap_indices(rng, n1, B), bootstrap_indices(rng, n0, B)
    u = None
    if counts.compiled() is not None:  # U from the counts of the draws: the same integers
        WT = np.concatenate([draw_counts(ip, n1).T, draw_counts(ineg, n0).T])
        num, _n1, _n0, exact = counts.mann_whitney_sums(
            WT, [(np.arange(n1), n1 + np.arange(n0), pos, neg)]
        )
        u = num[0] if exact else None
    if u is None:
        ranks = rankdata(np.concatenate([pos[ip], neg[ineg]], axis=1), axis=1)
        u = ranks[:, :n1].sum(axis=1) - n1 * (n1 + 1) / 2
    boot = u / (n1 * n0)
    return {
        "auc": auc(s, lab),
        "p_value": float(mannwhitneyu(pos, neg, alternative="two-sided").pvalue),
        "ci95": list(percentile_ci(boot)),
        "n_pos": int(n1),
        "n_neg": int(n0),
    }


def stratified_auc_with_ci(
    scores, labels, strata, clusters=None, *, B=DEFAULT_B, seed=DEFAULT_SEED
):
    """Within-stratum AUC weighted by stratum size, with a cluster-bootstrap 95 % CI.

    The AUC is computed inside every stratum; their mean weighted by the stratum's number of
    rows is the estimate (a stratum lacking either class is reported under ``excluded`` and
    left out). The CI is a percentile bootstrap that resamples the clusters *within each
    stratum* ([`cluster_bootstrap_counts`][] with ``strata``; without ``clusters`` every
    row is its own cluster), so the strata keep their identity and roughly their size; see
    [`stratified_auc_from_counts`][] for how a resample is scored. A pooled AUC over strata
    of different base rates mixes a between-strata contrast into the ranking; this one does not.

    Parameters
    ----------
    scores : array_like, shape (n,)
        Higher = predicted positive; rows with a non-finite score are left out (before the
        draws).
    labels : array_like of bool, shape (n,)
    strata : array_like, shape (n,)
        Stratum of every row (e.g. a material family).
    clusters : array_like, shape (n,), optional
        Resampling unit of every row (e.g. its element set); default: the row.
    B : int
        Resamples (>= 1).
    seed : int
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    dict
        ``auc``, ``ci95``, ``by_stratum`` (stratum -> ``auc``, ``ci95``, ``n_pos``,
        ``n_neg``), ``excluded``, ``n_pos``, ``n_neg`` (included strata) and ``n_clusters``
        (resampling units: distinct (stratum, cluster) pairs among the scored rows).

    Raises
    ------
    InputError
        If the arrays are not 1-D of one length, or ``B`` < 1.

    Examples
    --------
    In each stratum the positives score *lower*, yet pooled they score higher:

    >>> s = [6, 7, 8, 9, 1, 2, 3, 4]
    >>> y = [1, 1, 0, 1, 0, 1, 0, 0]
    >>> g = ["a", "a", "a", "a", "b", "b", "b", "b"]
    >>> r = stratified_auc_with_ci(s, y, g, B=200)
    >>> auc(s, y), round(r["auc"], 4), r["by_stratum"]["b"]
    (0.6875, 0.3333, {'auc': 0.3333333333333333, 'ci95': [...], 'n_pos': 1, 'n_neg': 3})
    """
    B = _check_B(B)
    s, lab, (st, cl) = _finite_rows(scores, labels, ("strata", strata), ("clusters", clusters))
    if cl is None:
        cl = np.arange(s.size)
    W = cluster_bootstrap_counts(cl, B, seed, strata=st)
    out = stratified_auc_from_counts(W, s, lab, st)
    out["n_clusters"] = _n_units(cl, st) if s.size else 0
    return out
