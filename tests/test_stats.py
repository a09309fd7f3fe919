"""Rank statistics against SciPy and hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import kendalltau, mannwhitneyu, spearmanr

from electron_tunnel import stats


def test_auc_hand_cases():
    assert stats.auc([1, 2, 3, 4], [0, 0, 1, 1]) == 1.0
    assert stats.auc([4, 3, 2, 1], [0, 0, 1, 1]) == 0.0
    assert stats.auc([1, 1, 1, 1], [0, 1, 0, 1]) == 0.5  # all ties
    # pairs (pos, neg): (0.35 vs 0.1, 0.4) -> 1 + 0; (0.8 vs both) -> 2: 3 of 4
    assert stats.auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == 0.75
    assert np.isnan(stats.auc([1, 2], [1, 1]))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 8), min_size=6, max_size=40),
    st.lists(st.booleans(), min_size=6, max_size=40),
)
def test_auc_is_mann_whitney_u(scores, labels):
    n = min(len(scores), len(labels))
    s, lab = np.array(scores[:n], float), np.array(labels[:n])
    if lab.all() or not lab.any():
        return
    u = mannwhitneyu(s[lab], s[~lab]).statistic
    assert stats.auc(s, lab) == pytest.approx(u / (lab.sum() * (~lab).sum()))
    # brute force over pairs
    pos, neg = s[lab], s[~lab]
    brute = np.mean([(p > q) + 0.5 * (p == q) for p in pos for q in neg])
    assert stats.auc(s, lab) == pytest.approx(brute)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(-5, 5), st.integers(-5, 5)), min_size=4, max_size=30))
def test_point_estimates_are_scipys(pairs):
    x = np.array([p[0] for p in pairs], float)
    y = np.array([p[1] for p in pairs], float)
    if np.ptp(x) == 0 or np.ptp(y) == 0:
        return
    s = stats.spearman_with_ci(x, y, B=200)
    k = stats.kendall_with_ci(x, y, B=200)
    assert s["rho"] == pytest.approx(spearmanr(x, y).statistic)
    assert k["tau"] == pytest.approx(kendalltau(x, y).statistic)
    assert s["n"] == k["n"] == len(x)


def test_vectorised_kendall_matches_scipy_row_by_row():
    rng = np.random.default_rng(3)
    xb = rng.integers(0, 6, size=(20, 15)).astype(float)
    yb = rng.normal(size=(20, 15))
    got = stats._tau_b_rows(xb, yb)
    want = [kendalltau(a, b).statistic for a, b in zip(xb, yb, strict=True)]
    np.testing.assert_allclose(got, want, rtol=1e-12)


def test_bootstrap_interval_contains_estimate_and_is_reproducible():
    rng = np.random.default_rng(1)
    x = rng.normal(size=60)
    y = x + rng.normal(size=60)
    a = stats.spearman_with_ci(x, y, B=500, seed=7)
    b = stats.spearman_with_ci(x, y, B=500, seed=7)
    assert a == b and a["ci95"][0] < a["rho"] < a["ci95"][1]
    c = stats.auc_with_ci(x, y > 0, B=500, seed=7)
    assert c["ci95"][0] < c["auc"] < c["ci95"][1] and c["n_pos"] + c["n_neg"] == 60


def test_nan_pairs_dropped_and_small_samples():
    r = stats.spearman_with_ci([1, 2, np.nan, 4, 5], [1, 3, 2, np.nan, 5], B=100)
    assert r["n"] == 3
    assert np.isnan(stats.spearman_with_ci([1, 2], [2, 1], B=100)["rho"])
    assert np.isnan(stats.auc_with_ci([1, 2, 3], [1, 1, 1], B=100)["auc"])
    with pytest.raises(ValueError, match="equal length"):
        stats.spearman_with_ci([1, 2, 3], [1, 2], B=100)
