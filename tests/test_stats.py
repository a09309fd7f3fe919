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


# --- cluster bootstrap and the family-stratified AUC ---------------------------------------


def _made_up_strata():
    """Three strata of different base rates and score levels; 'c' has no negatives."""
    rng = np.random.default_rng(11)
    rows = []
    for name, n, rate, shift in (("a", 40, 0.8, 2.0), ("b", 70, 0.3, 0.0), ("c", 9, 1.0, 1.0)):
        lab = rng.random(n) < rate
        s = np.round(shift + rng.normal(size=n) + 0.7 * lab, 1)  # rounded: ties occur
        rows += [(name, v, y) for v, y in zip(s, lab, strict=True)]
    g = np.array([r[0] for r in rows])
    s = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows])
    return s, y, g


def test_stratified_auc_is_the_size_weighted_mean_of_sklearns_per_stratum():
    from sklearn.metrics import roc_auc_score

    s, y, g = _made_up_strata()
    s[[3, 50]] = np.nan  # left out
    r = stats.stratified_auc_with_ci(s, y, g, B=300, seed=2)
    num = den = 0.0
    for name in ("a", "b"):
        m = (g == name) & np.isfinite(s)
        want = roc_auc_score(y[m], s[m])
        # Mann-Whitney U of the positives / (n_pos n_neg) is the same number
        u = mannwhitneyu(s[m][y[m]], s[m][~y[m]]).statistic / (y[m].sum() * (~y[m]).sum())
        assert r["by_stratum"][name]["auc"] == pytest.approx(want) == pytest.approx(u)
        assert r["by_stratum"][name]["n_pos"] == y[m].sum()
        assert r["by_stratum"][name]["n_neg"] == (~y[m]).sum()
        lo, hi = r["by_stratum"][name]["ci95"]
        assert lo < want < hi
        num, den = num + m.sum() * want, den + m.sum()
    assert r["auc"] == pytest.approx(num / den)
    assert r["excluded"] == ["c"] and np.isnan(r["by_stratum"]["c"]["auc"])
    assert r["by_stratum"]["c"]["n_neg"] == 0
    assert r["n_pos"] + r["n_neg"] == ((g != "c") & np.isfinite(s)).sum()
    assert r["n_clusters"] == np.isfinite(s).sum()  # no clusters given: one per row
    assert r["ci95"][0] < r["auc"] < r["ci95"][1]


def test_simpson_pooled_auc_differs_from_within_stratum_auc():
    # stratum "hi": base rate 3/4 and high scores; "lo": base rate 1/4 and low scores.
    # Inside each the positives score *below* most negatives; pooled they score above.
    s = np.array([6, 7, 8, 9, 10, 11, 12, 13, 1, 2, 3, 4, 5, 5.5, 0.5, 0.7], float)
    y = np.array([1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0], bool)
    g = np.array(["hi"] * 8 + ["lo"] * 8)
    # by hand: "hi" positives 6,7,9,10,11,13 vs negatives 8,12: wins 0,0,1,1,1,2 -> 5/12;
    # "lo" positives 2, 0.5 vs negatives 1,3,4,5,5.5,0.7: wins 2 + 0 -> 2/12
    r = stats.stratified_auc_with_ci(s, y, g, B=400, seed=5)
    assert r["by_stratum"]["hi"]["auc"] == pytest.approx(5 / 12)
    assert r["by_stratum"]["lo"]["auc"] == pytest.approx(2 / 12)
    assert r["auc"] == pytest.approx((8 * 5 / 12 + 8 * 2 / 12) / 16)
    assert stats.auc(s, y) > 0.6 > 0.5 > r["auc"]


def test_one_stratum_equals_the_pooled_cluster_bootstrap():
    rng = np.random.default_rng(4)
    s = rng.normal(size=120)
    y = rng.random(120) < 0.5
    cl = rng.integers(0, 30, 120)
    a = stats.stratified_auc_with_ci(s, y, np.zeros(120), cl, B=300, seed=9)
    b = stats.auc_with_ci(s, y, clusters=cl, B=300, seed=9)
    assert a["auc"] == pytest.approx(b["auc"]) and a["ci95"] == pytest.approx(b["ci95"])
    assert a["n_clusters"] == b["n_clusters"] == np.unique(cl).size
    assert "p_value" not in b


def test_cluster_bootstrap_with_one_row_per_cluster_is_the_row_bootstrap():
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(0)
    n, B, seed = 300, 4000, 1
    y = rng.random(n) < 0.4
    s = rng.normal(size=n) + 0.8 * y
    W = stats.cluster_bootstrap_counts(np.arange(n), B, seed)
    idx = np.random.default_rng(seed).integers(0, n, size=(B, n))  # plain row resamples
    np.testing.assert_array_equal(W, [np.bincount(i, minlength=n) for i in idx])
    boot = stats.auc_from_counts(W, s, y)
    for b in range(25):
        assert boot[b] == pytest.approx(roc_auc_score(y[idx[b]], s[idx[b]]))
    # the same spread as the row bootstrap within classes (fixed n_pos, n_neg)
    row = stats.auc_with_ci(s, y, B=B, seed=seed)["ci95"]
    cl = stats.auc_with_ci(s, y, clusters=np.arange(n), B=B, seed=seed)["ci95"]
    assert (cl[1] - cl[0]) / (row[1] - row[0]) == pytest.approx(1.0, abs=0.1)
    assert np.mean(boot) == pytest.approx(stats.auc(s, y), abs=0.005)


def test_duplicated_rows_widen_the_cluster_ci_and_equal_the_deduplicated_bootstrap():
    rng = np.random.default_rng(6)
    n, m = 80, 8
    y = rng.random(n) < 0.5
    s = rng.normal(size=n) + 0.6 * y
    sd, yd, cd = np.repeat(s, m), np.repeat(y, m), np.repeat(np.arange(n), m)
    row = stats.auc_with_ci(sd, yd, B=1000, seed=3)["ci95"]
    clus = stats.auc_with_ci(sd, yd, clusters=cd, B=1000, seed=3)["ci95"]
    # m copies shrink the row bootstrap's width by about sqrt(m); the clusters undo it
    assert (clus[1] - clus[0]) > 2 * (row[1] - row[0])
    # equal-size clusters: weights m x those of the one-row-per-cluster draws, same AUCs
    dedup = stats.auc_with_ci(s, y, clusters=np.arange(n), B=1000, seed=3)["ci95"]
    assert clus == pytest.approx(dedup)
    Wd = stats.cluster_bootstrap_counts(cd, 50, 3)
    np.testing.assert_array_equal(Wd[:, ::m], stats.cluster_bootstrap_counts(np.arange(n), 50, 3))
    assert (Wd.reshape(50, n, m) == Wd[:, ::m, None]).all()  # a cluster enters whole


def test_cluster_draws_stay_within_strata():
    cl = np.array(["x", "x", "y", "z", "z", "z", "w", "v"])
    st = np.array(["A", "A", "A", "A", "A", "A", "B", "B"])
    W = stats.cluster_bootstrap_counts(cl, 200, 8, strata=st)
    first = [0, 2, 3]  # one row of each cluster of stratum A
    np.testing.assert_array_equal(W[:, first].sum(axis=1), 3)  # three draws in A
    np.testing.assert_array_equal(W[:, [6, 7]].sum(axis=1), 2)  # two in B
    assert (W[:, 0] == W[:, 1]).all() and (W[:, 3] == W[:, 5]).all()
    # the draws: strata in sorted order, clusters in sorted order, one generator
    rng = np.random.default_rng(8)
    a = rng.integers(0, 3, size=(200, 3))  # A: x, y, z
    b = rng.integers(0, 2, size=(200, 2))  # B: v, w
    ca = np.stack([np.bincount(r, minlength=3) for r in a])
    cb = np.stack([np.bincount(r, minlength=2) for r in b])
    np.testing.assert_array_equal(W[:, [0, 2, 3]], ca)
    np.testing.assert_array_equal(W[:, [7, 6]], cb)
    assert stats.bootstrap_counts(np.random.default_rng(1), 5, 3).sum(axis=1).tolist() == [5] * 3


def test_bootstrap_draws_unchanged():
    """The row bootstrap draws rng.integers(0, n, (B, n)): positives, then negatives."""
    s = np.array([0.1, 0.5, 0.3, 0.9, 0.7, 0.2, 0.8])
    y = np.array([0, 1, 0, 1, 1, 0, 0], bool)
    rng = np.random.default_rng(17)
    bp = s[y][rng.integers(0, 3, size=(300, 3))]
    bn = s[~y][rng.integers(0, 4, size=(300, 4))]
    boot = [stats.auc(np.r_[p, q], np.arange(7) < 3) for p, q in zip(bp, bn, strict=True)]
    want = np.percentile(boot, [2.5, 97.5])
    assert stats.auc_with_ci(s, y, B=300, seed=17)["ci95"] == pytest.approx(want)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: stats.stratified_auc_with_ci([1, 2, 3], [0, 1, 0], ["a", "a"], B=10), "strata"),
        (lambda: stats.stratified_auc_with_ci([1, 2], [0, 1], ["a", "a"], [1], B=10), "clusters"),
        (lambda: stats.stratified_auc_with_ci([1, 2, 3], [0, 1], ["a"] * 3, B=10), "labels"),
        (lambda: stats.stratified_auc_with_ci([1, 2], [0, 1], ["a", "a"], B=0), "B"),
        (lambda: stats.auc_with_ci([1, 2], [0, 1], clusters=[[1, 2]], B=10), "clusters"),
        (lambda: stats.auc_with_ci([1, 2], [0, 1], B=2.5), "B"),
        (lambda: stats.cluster_bootstrap_counts([1, 2], 10, strata=[1]), "strata"),
        (lambda: stats.cluster_bootstrap_counts(np.zeros((2, 2)), 10), "clusters"),
        (lambda: stats.auc_from_counts(np.ones((3, 2)), [1, 2, 3], [0, 1, 0]), "W"),
        (lambda: stats.bootstrap_indices(np.random.default_rng(0), 0, 5), "n"),
        (lambda: stats.spearman_with_ci([1, 2, 3], [1, 2, 3], B=-1), "B"),
    ],
)
def test_bad_input_names_the_parameter(call, match):
    from electron_tunnel.errors import InputError

    with pytest.raises(InputError, match=rf"^{match}\b"):
        call()


def test_stratified_without_both_classes_anywhere():
    r = stats.stratified_auc_with_ci([1, 2, 3, 4], [1, 1, 0, 0], ["a", "a", "b", "b"], B=20)
    assert np.isnan(r["auc"]) and np.isnan(r["ci95"]).all()
    assert r["excluded"] == ["a", "b"] and r["n_pos"] == r["n_neg"] == 0
    c = stats.auc_with_ci([1, 2, 3], [1, 1, 1], clusters=[0, 0, 1], B=20)
    assert np.isnan(c["auc"]) and c["n_pos"] == 3 and c["n_clusters"] == 2
