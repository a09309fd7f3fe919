"""Bootstrap AUC and Spearman CIs for many scores on the same rows, in O(B n) per score.

The resamples are drawn by [`electron_tunnel.stats`][] (the package's one owner of
resampling: [`electron_tunnel.stats.bootstrap_counts`][],
[`electron_tunnel.stats.cluster_bootstrap_counts`][]), with the same generator, seed and
order as its functions (positives then negatives for the AUC; pairs for Spearman), but once
per population, as counts per row; each score's statistic on every resample then follows from
weighted cumulative sums instead of re-ranking a B x n array
([`electron_tunnel.stats.auc_from_counts`][],
[`electron_tunnel.stats.spearman_from_counts`][]: exact sums of counts, compiled). The
``*_many`` methods give several scores' statistics in one pass over the resamples, each the
same as alone. Rows where a score is NaN are dropped from each resample (so with no NaN the
intervals equal ``stats.auc_with_ci``, ``stats.spearman_with_ci`` and
``stats.stratified_auc_with_ci`` to rounding).
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
        # counts per row, in row order: the positives drawn first, then the negatives; stored
        # transposed (a row's counts side by side), the layout stats.auc_from_counts reads
        WT = np.zeros((self.labels.size, B), np.float32)
        if n1:
            WT[self.labels] = stats.bootstrap_counts(rng, n1, B).T
        if n0:
            WT[~self.labels] = stats.bootstrap_counts(rng, n0, B).T
        self.W = WT.T

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
        return self.auc_many([scores])[0]

    def auc_many(self, scores_list):
        """`auc` of each of several scores, in one pass over the resamples."""
        out, todo = [None] * len(scores_list), []
        nan = float("nan")
        for i, scores in enumerate(scores_list):
            s = np.asarray(scores, float)
            pos, neg = s[self.labels], s[~self.labels]
            fp, fn = np.isfinite(pos), np.isfinite(neg)
            n1, n0 = int(fp.sum()), int(fn.sum())
            out[i] = {"auc": nan, "p_value": nan, "ci95": [nan, nan], "n_pos": n1, "n_neg": n0}
            if n1 and n0:
                todo.append((i, s, pos[fp], neg[fn]))
        if todo:
            boots = stats.auc_from_counts(self.W, [s for _i, s, _p, _n in todo], self.labels)
            for (i, s, pos, neg), boot in zip(todo, boots, strict=True):
                out[i]["auc"] = stats.auc(s, self.labels)
                p = mannwhitneyu(pos, neg, alternative="two-sided").pvalue
                out[i]["p_value"] = float(p)
                out[i]["ci95"] = _percentile_ci(boot)
        return out


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
        return self.auc_many([scores], labels)[0]

    def auc_many(self, scores_list, labels):
        """`auc` of each of several scores (one labelling), in one pass over the resamples."""
        out, todo = [], []
        nan = float("nan")
        for scores in scores_list:
            s, lab, ok, k = self._rows(scores, labels)
            n1, n0 = int((lab & ok).sum()), int((~lab & ok).sum())
            out.append({"auc": nan, "ci95": [nan, nan], "n_pos": n1, "n_neg": n0, "n_clusters": k})
            if n1 and n0:
                todo.append((out[-1], s, lab))
        if todo:
            boots = stats.auc_from_counts(self.W, [s for _r, s, _l in todo], todo[0][2])
            for (r, s, lab), boot in zip(todo, boots, strict=True):
                r["auc"], r["ci95"] = stats.auc(s, lab), _percentile_ci(boot)
        return out

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
        return self.stratified_auc_many([scores], labels)[0]

    def stratified_auc_many(self, scores_list, labels):
        """`stratified_auc` of each of several scores (one labelling), sharing the passes."""
        if self.strata is None:
            raise InputError("strata must be given to ClusterResampler for stratified_auc")
        rows = [self._rows(scores, labels) for scores in scores_list]
        if not rows:
            return []
        S = np.array([s for s, _lab, _ok, _k in rows])
        out = stats.stratified_auc_from_counts(self.W, S, rows[0][1], self.strata)
        for r, (_s, _lab, _ok, k) in zip(out, rows, strict=True):
            r["n_clusters"] = k
        return out


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
        return self.spearman_many([scores])[0]

    def spearman_many(self, scores_list):
        """`spearman` of each of several scores, in one pass over the resamples.

        Scores with the same rows left out share the work on ``y`` (its mid-ranks, mean and
        spread in every resample); every result is that of `spearman` alone.
        """
        out = [None] * len(scores_list)
        groups = {}
        for i, scores in enumerate(scores_list):
            x = np.asarray(scores, float)
            ok = np.isfinite(x) & np.isfinite(self.y)
            if int(ok.sum()) < 3:
                nan = float("nan")
                out[i] = {"rho": nan, "p_value": nan, "ci95": [nan, nan], "n": int(ok.sum())}
            else:
                groups.setdefault(ok.tobytes(), (ok, []))[1].append((i, x[ok]))
        for ok, members in groups.values():
            ys = self.y[ok]
            boots = stats.spearman_from_counts(self.W, ys, [xs for _i, xs in members], ok)
            for (i, xs), boot in zip(members, boots, strict=True):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # a constant score: rho is NaN, as SciPy says
                    res = spearmanr(xs, ys)
                out[i] = {
                    "rho": float(res.statistic),
                    "p_value": float(res.pvalue),
                    "ci95": _percentile_ci(boot),
                    "n": int(ok.sum()),
                }
        return out
