"""Rank statistics with bootstrap confidence intervals, vectorised over resamples.

Conventions: percentile bootstrap with ``B`` resamples of the (x, y) pairs (stratified by class
for the AUC), NumPy's ``default_rng(seed)``; ties get average ranks; Kendall's statistic is
tau-b (as :func:`scipy.stats.kendalltau`). Point estimates and p-values come from SciPy.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import kendalltau, mannwhitneyu, rankdata, spearmanr

from .errors import InputError

__all__ = ["auc", "auc_with_ci", "kendall_with_ci", "spearman_with_ci"]

DEFAULT_B = 2000
DEFAULT_SEED = 20261124


def _clean(x, y):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    if x.shape != y.shape or x.ndim != 1:
        raise InputError(f"x and y must be 1-D and of equal length, got {x.shape} and {y.shape}")
    ok = np.isfinite(x) & np.isfinite(y)
    return x[ok], y[ok]


def _ci(values, level=0.95):
    values = values[np.isfinite(values)]
    if values.size == 0:
        return (float("nan"), float("nan"))
    lo, hi = np.percentile(values, [50 * (1 - level), 50 * (1 + level)])
    return (float(lo), float(hi))


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
        "ci95": list(_ci(bootstrap(x, y))),
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

    def bootstrap(x, y):
        n = x.size
        idx = np.random.default_rng(seed).integers(0, n, size=(B, n))
        return _row_pearson(rankdata(x[idx], axis=1), rankdata(y[idx], axis=1))

    return _with_ci("rho", x, y, spearmanr, bootstrap)


def _tau_b_rows(xb, yb):
    n = xb.shape[1]
    i, j = np.triu_indices(n, k=1)
    sx = np.sign(xb[:, j] - xb[:, i])
    sy = np.sign(yb[:, j] - yb[:, i])
    with np.errstate(invalid="ignore", divide="ignore"):
        return (sx * sy).sum(axis=1) / np.sqrt((sx * sx).sum(axis=1) * (sy * sy).sum(axis=1))


def kendall_with_ci(x, y, *, B=DEFAULT_B, seed=DEFAULT_SEED):
    """Kendall's tau-b, its p-value (SciPy), a bootstrap 95 % CI and n.

    Examples
    --------
    >>> r = kendall_with_ci([1, 2, 3, 4], [4, 3, 2, 1], B=200)
    >>> r["tau"]
    -1.0
    """

    def bootstrap(x, y):
        n = x.size
        rng = np.random.default_rng(seed)
        boot = np.empty(B)
        chunk = max(1, 2_000_000 // (n * n))
        for start in range(0, B, chunk):
            idx = rng.integers(0, n, size=(min(chunk, B - start), n))
            boot[start : start + idx.shape[0]] = _tau_b_rows(x[idx], y[idx])
        return boot

    return _with_ci("tau", x, y, kendalltau, bootstrap)


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


def auc_with_ci(scores, labels, *, B=DEFAULT_B, seed=DEFAULT_SEED):
    """AUC with a stratified bootstrap 95 % CI, the two-sided Mann-Whitney p-value and counts."""
    s = np.asarray(scores, float)
    lab = np.asarray(labels).astype(bool)
    ok = np.isfinite(s)
    s, lab = s[ok], lab[ok]
    pos, neg = s[lab], s[~lab]
    n1, n0 = pos.size, neg.size
    if n1 == 0 or n0 == 0:
        nan = float("nan")
        return {"auc": nan, "p_value": nan, "ci95": [nan, nan], "n_pos": n1, "n_neg": n0}
    rng = np.random.default_rng(seed)
    bp = pos[rng.integers(0, n1, size=(B, n1))]
    bn = neg[rng.integers(0, n0, size=(B, n0))]
    ranks = rankdata(np.concatenate([bp, bn], axis=1), axis=1)
    boot = (ranks[:, :n1].sum(axis=1) - n1 * (n1 + 1) / 2) / (n1 * n0)
    return {
        "auc": auc(s, lab),
        "p_value": float(mannwhitneyu(pos, neg, alternative="two-sided").pvalue),
        "ci95": list(_ci(boot)),
        "n_pos": int(n1),
        "n_neg": int(n0),
    }
