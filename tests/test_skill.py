"""The skill rule at its edges, on made-up rows: a constant predictor, a predictor equal to the
confound, and a predictor with skill beyond it (element scores and sign predictions)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import mannwhitneyu

from electron_tunnel.materials.robustness import controlled_auc, interatomic_distance
from electron_tunnel.reproduce.claims.base import no_skill, not_applicable
from electron_tunnel.reproduce.claims.pressure import _balanced
from electron_tunnel.reproduce.verdicts import (
    Verdict,
    skill_verdict,
    trend_absent_verdict,
    universal_statement_verdict,
)

RNG = np.random.default_rng(7)
N_METAL, N_OTHER = 60, 30
METAL = np.r_[np.ones(N_METAL, bool), np.zeros(N_OTHER, bool)]
# superconductors only among metals (as for the elements): half of the metals
LABEL = np.r_[np.arange(N_METAL) % 2 == 0, np.zeros(N_OTHER, bool)]


def _verdict(stat):
    return skill_verdict(stat["auc"], stat["ci95"], 0.5, 0.8)


def _scored(score):
    return controlled_auc({"s": score}, LABEL, METAL, B=400, seed=3)["s"]


def test_a_constant_predictor_has_no_skill():
    out = _scored(np.ones(METAL.size))
    assert out["within_metals"]["auc"] == 0.5
    assert out["within_metals"]["ci95"] == [0.5, 0.5]
    assert _verdict(out["within_metals"]) == Verdict.NO_SIGNAL
    baseline = no_skill(0.5, METAL.size)
    assert baseline.verdict == Verdict.NO_SIGNAL and baseline.ci95 == [0.5, 0.5]


def test_a_predictor_equal_to_the_confound_has_no_skill_within_it():
    out = _scored(METAL.astype(float))
    # pooled it looks useful: P(metal | superconductor) = 1, P(metal | other) = 30/60
    pos, neg = METAL[LABEL].astype(float), METAL[~LABEL].astype(float)
    u = mannwhitneyu(pos, neg).statistic / (pos.size * neg.size)
    assert out["confound"]["auc"] == pytest.approx(u) == pytest.approx(0.75)
    assert _verdict(out["confound"]) == Verdict.APPROXIMATE
    assert out["within_metals"]["auc"] == 0.5
    assert _verdict(out["within_metals"]) == Verdict.NO_SIGNAL
    assert out["non_metals"] == {"n_pos": 0, "n_neg": N_OTHER}


def test_a_predictor_with_skill_beyond_the_confound():
    score = np.where(LABEL, 2.0, 1.0) + METAL + RNG.normal(0, 0.01, METAL.size)
    out = _scored(score)
    assert out["within_metals"]["auc"] == pytest.approx(1.0)
    assert _verdict(out["within_metals"]) == Verdict.CONFIRMED
    # and noise alone is no signal within the metals
    noise = _scored(RNG.normal(size=METAL.size))["within_metals"]
    assert _verdict(noise) in (Verdict.NO_SIGNAL, Verdict.CONTRADICTED)
    assert noise["ci95"][0] <= 0.5 + 0.2


def test_sign_predictions_balanced_accuracy():
    measured_rises = np.array([1, 1, 0, 0, 0, 0, 0, 0, 0, 0], bool)
    constant = _balanced(-np.ones(10), measured_rises, "skill", "m")
    # 8 of 10 right, but a constant prediction: balanced accuracy 0.5 and no signal
    assert constant.estimate == 0.5 and constant.verdict == Verdict.NO_SIGNAL
    perfect = _balanced(np.where(measured_rises, 1.0, -1.0), measured_rises, "skill", "m")
    assert perfect.estimate == 1.0 and perfect.verdict == Verdict.CONFIRMED
    # one rise right of two, seven falls right of eight: (1/2 + 7/8)/2
    pred = np.array([1, -1, 1, -1, -1, -1, -1, -1, -1, -1], float)
    partial = _balanced(pred, measured_rises, "skill", "m")
    assert partial.estimate == pytest.approx((0.5 + 7 / 8) / 2)


def test_universal_statements_are_falsified_by_counterexamples():
    assert universal_statement_verdict(1, 100, 1.0) == Verdict.CONTRADICTED
    assert universal_statement_verdict(0, 10, 1.0) == Verdict.CONFIRMED
    assert universal_statement_verdict(0, 10, 100.0) == Verdict.APPROXIMATE
    assert universal_statement_verdict(0, 10) == Verdict.APPROXIMATE  # no magnitude
    assert universal_statement_verdict(0, 0) == Verdict.UNTESTABLE


@pytest.mark.parametrize(
    ("est", "ci", "expected"),
    [(0.76, (0.63, 0.84), "contradicted"), (0.05, (0.01, 0.09), "confirmed"),
     (-0.3, (-0.5, -0.1), "confirmed"), (0.15, (-0.05, 0.35), "no signal")],
)  # fmt: skip
def test_trend_absent_rule(est, ci, expected):
    assert trend_absent_verdict(est, ci) == expected


def test_not_applicable_comparison_says_why():
    c = not_applicable("confound", "one number against one measurement")
    assert c.verdict == Verdict.UNTESTABLE and c.method.startswith("does not apply")


def test_interatomic_distance_from_atomic_volume():
    import pandas as pd
    from scipy.constants import N_A, atomic_mass

    # copper: fcc, a = 361.5 pm, 4 atoms per cell -> (a^3/4)^(1/3) for the cube of one atom
    df = pd.DataFrame({"atomic_mass_u": [63.546], "density_kg_m3": [8960.0]})
    # the molar-mass constant M_u = 1e-3 kg/mol differs from N_A u by 1e-9 since the 2019 SI
    expected = np.cbrt(63.546 * atomic_mass / 8960.0)
    assert interatomic_distance(df)[0] == pytest.approx(expected, rel=1e-9, abs=0)
    assert interatomic_distance(df)[0] == pytest.approx(np.cbrt(361.5e-12**3 / 4), rel=5e-3)
    assert N_A * atomic_mass == pytest.approx(1e-3, rel=2e-9, abs=0)
