"""Element statistics under every radius convention, on measured elements only."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import spearmanr
from sklearn.metrics import roc_auc_score

from electron_tunnel import chain, materials, states
from electron_tunnel.materials import robustness


@pytest.fixture(scope="module")
def result():
    return robustness.by_convention(B=200, seed=1)


def test_the_primary_convention_comes_first_and_is_the_packages():
    assert robustness.CONVENTIONS[0] == materials.PRIMARY_CONVENTION == "paper"
    assert set(robustness.CONVENTIONS) <= set(materials.RADIUS_CONVENTIONS)


def test_measured_mask_excludes_predicted_elements():
    df = pd.DataFrame(
        {"Z": [29, 85, 87, 99, 100, 118], "symbol": ["Cu", "At", "Fr", "Es", "Fm", "Og"]}
    )
    assert robustness.measured_mask(df).tolist() == [True, False, False, True, False, False]


def test_statistics_recomputed_independently(result):
    """AUC and Spearman recomputed with scikit-learn and SciPy from the element table."""
    df = materials.elements()
    measured = robustness.measured_mask(df)
    label = np.isfinite(df.tc_K.to_numpy(float))
    rho = df.resistivity_checked_ohm_m.to_numpy(float)
    # the confound, straight from pymatgen-core
    from pymatgen.core import Element

    metal = np.array([Element(s).is_metal for s in df.symbol])
    for name in robustness.CONVENTIONS:
        R_v, R_b, _ = materials.radii(name, df)
        ok = states.in_domain(R_v, R_b) & measured
        stats_ = result["conventions"][name]
        assert stats_["n_elements"] == int(ok.sum())
        crit = chain.critical_attraction(R_v[ok], R_b[ok])
        auc = roc_auc_score(label[ok], -crit)
        assert stats_["gap_auc"]["auc"] == pytest.approx(auc, abs=1e-12)
        lo, hi = stats_["gap_auc"]["ci95"]
        assert lo <= auc <= hi
        with_rho = ok & np.isfinite(rho)
        D = chain.resisting_distance(R_v[with_rho], R_b[with_rho], robustness.PAPER_C)
        rs = spearmanr(D, rho[with_rho]).statistic
        assert stats_["resistivity_spearman"]["rho"] == pytest.approx(rs, abs=1e-12)
        # within the metals, and the confound on the same rows
        ctrl = stats_["controlled"]
        m = metal[ok]
        assert ctrl["gap_auc"]["within_metals"]["auc"] == pytest.approx(
            roc_auc_score(label[ok][m], -crit[m]), abs=1e-12
        )
        assert ctrl["gap_auc"]["confound"]["auc"] == pytest.approx(
            roc_auc_score(label[ok], m.astype(float)), abs=1e-12
        )
        mr = metal[with_rho]
        assert ctrl["resistivity_spearman"]["within_metals"]["rho"] == pytest.approx(
            spearmanr(D[mr], rho[with_rho][mr]).statistic, abs=1e-12
        )


def test_density_against_atomic_number(result):
    df = materials.elements()
    ok = robustness.measured_mask(df) & np.isfinite(df.density_kg_m3.to_numpy(float))
    rs = spearmanr(df.Z[ok], df.density_kg_m3[ok]).statistic
    assert result["density_vs_z"]["all"]["rho"] == pytest.approx(rs, abs=1e-12)
    assert result["density_vs_z"]["all"]["n"] == int(ok.sum())


def test_sample_effect_and_excluded(result):
    assert {"At", "Fr"} <= set(result["excluded"])
    assert all(materials.element(s).Z >= 100 or s in ("At", "Fr") for s in result["excluded"])
    se = result["sample_effect"]
    assert se["density_auc_all"]["n_neg"] + se["density_auc_all"]["n_pos"] >= (
        se["density_auc_measured"]["n_neg"] + se["density_auc_measured"]["n_pos"]
    )
