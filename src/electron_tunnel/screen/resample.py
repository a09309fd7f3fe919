"""Bootstrap AUC and Spearman CIs for many scores on the same rows, in O(B n) per score.

The resamples are drawn by [`electron_tunnel.stats`][] (the package's one owner of
resampling: [`electron_tunnel.stats.bootstrap_counts`][],
[`electron_tunnel.stats.cluster_bootstrap_counts`][]), with the same generator, seed and
order as its functions (positives then negatives for the AUC; pairs for Spearman), but once
per population, as counts per row; each score's statistic on every resample then follows from
weighted cumulative sums instead of re-ranking a B x n array. Rows where a score is NaN are
dropped from each resample (so with no NaN the intervals equal ``stats.auc_with_ci``,
``stats.spearman_with_ci`` and ``stats.stratified_auc_with_ci`` to rounding).
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy.stats import mannwhitneyu, spearmanr

from .. import stats
from ..errors import InputError

__all__ = ["AucResampler", "ClusterResampler", "SpearmanResampler", "bootstrap_counts"]

_CHUNK = 128

#: Re-exported from :mod:`electron_tunnel.stats`, which draws every resample.
bootstrap_counts = stats.bootstrap_counts


def _cumulative(W):
    """Cumulative counts with a leading zero column (exact in float32 below 2**24)."""
    cum = np.zeros((W.shape[0], W.shape[1] + 1), np.float32)
    np.cumsum(W, axis=1, out=cum[:, 1:])
    return cum


def _percentile_ci(values, level=0.95):
    values = values[np.isfinite(values)]
    if values.size == 0:
        return [float("nan"), float("nan")]
    lo, hi = np.percentile(values, [50 * (1 - level), 50 * (1 + level)])
    return [float(lo), float(hi)]


class AucResampler:
    """Stratified bootstrap of one population with binary labels, shared by many scores.

    Parameters
    ----------
    labels : array_like of bool
        Positive class.
    B : int
        Number of resamples.
    seed : int
        Seed of ``numpy.random.default_rng`` (as in [`electron_tunnel.stats`][]).
    """

    def __init__(self, labels, *, B=stats.DEFAULT_B, seed=stats.DEFAULT_SEED):
        self.labels = np.asarray(labels).astype(bool)
        n1, n0 = int(self.labels.sum()), int((~self.labels).sum())
        rng = np.random.default_rng(seed)
        self.B = B
        # counts per row, in row order: the positives drawn first, then the negatives
        self.W = np.zeros((B, self.labels.size), np.float32)
        if n1:
            self.W[:, self.labels] = stats.bootstrap_counts(rng, n1, B)
        if n0:
            self.W[:, ~self.labels] = stats.bootstrap_counts(rng, n0, B)

    def auc(self, scores):
        """AUC, two-sided Mann-Whitney p-value, bootstrap 95 % CI and class counts.

        Parameters
        ----------
        scores : array_like
            One value per row of the population (NaN rows are left out).

        Returns
        -------
        dict
            ``auc``, ``p_value``, ``ci95``, ``n_pos``, ``n_neg`` (as ``stats.auc_with_ci``).
        """
        s = np.asarray(scores, float)
        pos, neg = s[self.labels], s[~self.labels]
        fp, fn = np.isfinite(pos), np.isfinite(neg)
        n1, n0 = int(fp.sum()), int(fn.sum())
        nan = float("nan")
        if n1 == 0 or n0 == 0:
            return {"auc": nan, "p_value": nan, "ci95": [nan, nan], "n_pos": n1, "n_neg": n0}
        boot = stats.auc_from_counts(self.W, s, self.labels)
        return {
            "auc": stats.auc(s, self.labels),
            "p_value": float(mannwhitneyu(pos[fp], neg[fn], alternative="two-sided").pvalue),
            "ci95": _percentile_ci(boot),
            "n_pos": n1,
            "n_neg": n0,
        }


class ClusterResampler:
    """Cluster bootstrap of one population, shared by many scores and labellings.

    The counts are drawn once, by [`electron_tunnel.stats.cluster_bootstrap_counts`][]
    (clusters drawn with replacement; within strata if ``strata`` is given).

    Parameters
    ----------
    clusters : array_like
        Cluster of every row (e.g. its element set).
    strata : array_like, optional
        Stratum of every row; needed by `stratified_auc`. With it, `auc` too
        resamples the clusters within strata.
    B : int
        Number of resamples.
    seed : int
        Seed of ``numpy.random.default_rng``.

    Examples
    --------
    >>> r = ClusterResampler(["a", "a", "b", "b"], B=50, seed=1)
    >>> r.auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])["n_clusters"]
    2
    """

    def __init__(self, clusters, *, strata=None, B=stats.DEFAULT_B, seed=stats.DEFAULT_SEED):
        self.clusters = np.asarray(clusters)
        self.strata = None if strata is None else np.asarray(strata)
        self.B = B
        self.W = stats.cluster_bootstrap_counts(self.clusters, B, seed, strata=self.strata)
        # one integer per resampling unit: the (stratum, cluster) pair
        keys = [np.unique(self.clusters, return_inverse=True)[1].ravel()]
        if self.strata is not None:
            keys.insert(0, np.unique(self.strata, return_inverse=True)[1].ravel())
        self._unit = np.unique(np.stack(keys), axis=1, return_inverse=True)[1].ravel()

    def _rows(self, scores, labels):
        s = np.asarray(scores, float)
        lab = np.asarray(labels).astype(bool)
        if s.shape != self.clusters.shape or lab.shape != s.shape:
            raise InputError(
                f"scores and labels must have one entry per row ({self.clusters.size}), "
                f"got {s.shape} and {lab.shape}"
            )
        ok = np.isfinite(s)
        return s, lab, ok, int(np.unique(self._unit[ok]).size)

    def auc(self, scores, labels):
        """Pooled AUC with its cluster-bootstrap 95 % CI.

        Parameters
        ----------
        scores : array_like
            One value per row (NaN rows are left out).
        labels : array_like of bool
            Positive class, one per row.

        Returns
        -------
        dict
            ``auc``, ``ci95``, ``n_pos``, ``n_neg``, ``n_clusters`` (as
            ``stats.auc_with_ci(..., clusters=...)``).
        """
        s, lab, ok, k = self._rows(scores, labels)
        n1, n0 = int((lab & ok).sum()), int((~lab & ok).sum())
        nan = float("nan")
        if n1 == 0 or n0 == 0:
            return {"auc": nan, "ci95": [nan, nan], "n_pos": n1, "n_neg": n0, "n_clusters": k}
        boot = stats.auc_from_counts(self.W, s, lab)
        return {
            "auc": stats.auc(s, lab),
            "ci95": _percentile_ci(boot),
            "n_pos": n1,
            "n_neg": n0,
            "n_clusters": k,
        }

    def stratified_auc(self, scores, labels):
        """Within-stratum AUCs weighted by stratum size, with the cluster-bootstrap 95 % CI.

        Parameters
        ----------
        scores : array_like
            One value per row (NaN rows are left out).
        labels : array_like of bool
            Positive class, one per row.

        Returns
        -------
        dict
            As [`electron_tunnel.stats.stratified_auc_with_ci`][].
        """
        if self.strata is None:
            raise InputError("strata must be given to ClusterResampler for stratified_auc")
        s, lab, _ok, k = self._rows(scores, labels)
        out = stats.stratified_auc_from_counts(self.W, s, lab, self.strata)
        out["n_clusters"] = k
        return out


def _weighted_midranks(W, v):
    """Mid-ranks of each row's value inside every weighted resample, shape ``W.shape``."""
    order = np.argsort(v, kind="stable")
    vs = v[order]
    lo = np.searchsorted(vs, v, side="left")
    hi = np.searchsorted(vs, v, side="right")
    cum = _cumulative(W[:, order])
    return cum[:, lo] + (cum[:, hi] - cum[:, lo] + 1.0) / 2.0


class SpearmanResampler:
    """Bootstrap of pairs ``(score, y)`` for one population, shared by many scores.

    Parameters
    ----------
    y : array_like
        The second variable (e.g. T_c), one value per row.
    B, seed : int
        As in `AucResampler`.
    """

    def __init__(self, y, *, B=stats.DEFAULT_B, seed=stats.DEFAULT_SEED):
        self.y = np.asarray(y, float)
        self.B = B
        rng = np.random.default_rng(seed)
        self.W = bootstrap_counts(rng, self.y.size, B)
        self._ry = None  # mid-ranks of y in every resample, when no row is dropped

    def spearman(self, scores):
        """Spearman's rho, SciPy p-value, bootstrap 95 % CI and n.

        Parameters
        ----------
        scores : array_like
            One value per row of the population (rows where it or ``y`` is NaN are left out).

        Returns
        -------
        dict
            ``rho``, ``p_value``, ``ci95``, ``n`` (as ``stats.spearman_with_ci``).
        """
        x = np.asarray(scores, float)
        ok = np.isfinite(x) & np.isfinite(self.y)
        n = int(ok.sum())
        nan = float("nan")
        if n < 3:
            return {"rho": nan, "p_value": nan, "ci95": [nan, nan], "n": n}
        xs, ys, W = x[ok], self.y[ok], self.W[:, ok]
        boot = np.empty(self.B)
        for a in range(0, self.B, _CHUNK):
            b = min(a + _CHUNK, self.B)
            w = W[a:b]
            rx = _weighted_midranks(W[a:b], xs)
            if ok.all():
                if self._ry is None:
                    self._ry = _weighted_midranks(self.W, self.y)
                ry = self._ry[a:b]
            else:
                ry = _weighted_midranks(W[a:b], ys)
            tot = w.sum(axis=1, keepdims=True)
            mx = (w * rx).sum(axis=1, keepdims=True) / tot
            my = (w * ry).sum(axis=1, keepdims=True) / tot
            dx, dy = rx - mx, ry - my
            with np.errstate(invalid="ignore", divide="ignore"):
                boot[a:b] = (w * dx * dy).sum(1) / np.sqrt(
                    (w * dx * dx).sum(1) * (w * dy * dy).sum(1)
                )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a constant score: rho is NaN, as SciPy says
            res = spearmanr(xs, ys)
        return {
            "rho": float(res.statistic),
            "p_value": float(res.pvalue),
            "ci95": _percentile_ci(boot),
            "n": n,
        }
