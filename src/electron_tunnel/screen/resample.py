"""Bootstrap AUC and Spearman CIs for many scores on the same rows, in O(B n) per score.

The resamples are drawn exactly as :mod:`electron_tunnel.stats` draws them (same generator,
seed and order: positives then negatives for the AUC; pairs for Spearman) but once per
population, as counts per row; each score's statistic on every resample then follows from
weighted cumulative sums instead of re-ranking a B x n array. Rows where a score is NaN are
dropped from each resample (so with no NaN the intervals equal ``stats.auc_with_ci`` and
``stats.spearman_with_ci`` to rounding).
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy.stats import mannwhitneyu, spearmanr

from .. import stats

__all__ = ["AucResampler", "SpearmanResampler", "bootstrap_counts"]

_CHUNK = 128


def bootstrap_counts(rng, n, B):
    """``(B, n)`` matrix: how often each of ``n`` rows appears in each of ``B`` resamples.

    Draws ``rng.integers(0, n, size=(B, n))`` as :mod:`electron_tunnel.stats` does.

    Parameters
    ----------
    rng : numpy.random.Generator
    n, B : int

    Returns
    -------
    ndarray of float32
    """
    idx = rng.integers(0, n, size=(B, n))
    flat = (idx + (np.arange(B) * n)[:, None]).ravel()
    return np.bincount(flat, minlength=B * n).reshape(B, n).astype(np.float32)


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
        Seed of ``numpy.random.default_rng`` (as in :mod:`electron_tunnel.stats`).
    """

    def __init__(self, labels, *, B=stats.DEFAULT_B, seed=stats.DEFAULT_SEED):
        self.labels = np.asarray(labels).astype(bool)
        n1, n0 = int(self.labels.sum()), int((~self.labels).sum())
        rng = np.random.default_rng(seed)
        self.B = B
        self.Wp = bootstrap_counts(rng, n1, B) if n1 else np.zeros((B, 0), np.float32)
        self.Wn = bootstrap_counts(rng, n0, B) if n0 else np.zeros((B, 0), np.float32)

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
        pv, nv = pos[fp], neg[fn]
        order = np.argsort(nv, kind="stable")
        nsorted = nv[order]
        lo = np.searchsorted(nsorted, pv, side="left")
        hi = np.searchsorted(nsorted, pv, side="right")
        Wp, Wn = self.Wp[:, fp], self.Wn[:, fn][:, order]
        boot = np.empty(self.B)
        for a in range(0, self.B, _CHUNK):
            b = min(a + _CHUNK, self.B)
            cum = _cumulative(Wn[a:b])
            wins = cum[:, lo] + 0.5 * (cum[:, hi] - cum[:, lo])
            w = Wp[a:b]
            with np.errstate(invalid="ignore", divide="ignore"):
                boot[a:b] = (w * wins).sum(axis=1, dtype=np.float64) / (
                    w.sum(axis=1, dtype=np.float64) * cum[:, -1].astype(np.float64)
                )
        return {
            "auc": stats.auc(s, self.labels),
            "p_value": float(mannwhitneyu(pos[fp], neg[fn], alternative="two-sided").pvalue),
            "ci95": _percentile_ci(boot),
            "n_pos": n1,
            "n_neg": n0,
        }


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
        As in :class:`AucResampler`.
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
