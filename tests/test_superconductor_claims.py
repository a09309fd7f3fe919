"""The claims about which matter superconducts and the measured J_c laws, and their rules.

The rules (SHARE_RULE, TWO_SHARES_RULE) are checked at their edges with made-up counts; the
claims against counts recomputed here from the shipped tables.
"""

from __future__ import annotations

import pandas as pd
import pytest
from scipy import stats

from electron_tunnel import datasets
from electron_tunnel.mainstream import critical_current as cc
from electron_tunnel.reproduce import verdicts
from electron_tunnel.reproduce.claims import phenomenology, superconductors
from electron_tunnel.reproduce.verdicts import Verdict


# --------------------------------------------------------------------------- rules
def _cp(k, n):
    return stats.binomtest(k, n).proportion_ci(0.95, method="exact")


def test_share_rule_edges():
    # the smallest k out of 40 whose exact CI lies above 1/2, and the largest below
    lo = min(k for k in range(41) if _cp(k, 40).low > 0.5)
    hi = max(k for k in range(41) if _cp(k, 40).high < 0.5)
    assert verdicts.share_verdict(lo, 40) == Verdict.CONFIRMED
    assert verdicts.share_verdict(lo - 1, 40) == Verdict.NO_SIGNAL
    assert verdicts.share_verdict(hi, 40) == Verdict.CONTRADICTED
    assert verdicts.share_verdict(hi + 1, 40) == Verdict.NO_SIGNAL
    assert verdicts.share_verdict(3, 3) == Verdict.NO_SIGNAL  # 3 of 3: CI [0.29, 1]
    assert verdicts.share_verdict(0, 0) == Verdict.UNTESTABLE


def test_two_shares_rule_edges():
    # 16/20 = 0.8 exactly against 0/10: confirmed; 15/20 = 0.75: approximate
    assert verdicts.two_shares_verdict(16, 20, 0, 10) == Verdict.CONFIRMED
    assert verdicts.two_shares_verdict(15, 20, 0, 10) == Verdict.APPROXIMATE
    # a difference that Fisher's test cannot tell: no signal, even above 0.8
    assert verdicts.two_shares_verdict(9, 10, 7, 10) == Verdict.NO_SIGNAL
    assert verdicts.two_shares_verdict(0, 10, 9, 10) == Verdict.CONTRADICTED
    assert verdicts.two_shares_verdict(5, 5, 0, 0) == Verdict.UNTESTABLE


# --------------------------------------------------------------------------- claims
def test_type_ii_claim_counts_from_the_tables():
    claim = superconductors.claims()[0]
    comp = datasets.compound_superconductors()
    meas = datasets.mainstream_superconductors()
    elem = meas[(meas.tc_K > 0) & meas.type.notna()]
    k1, n1 = int((comp.type == "II").sum()), len(comp)
    k2, n2 = int((elem.type == "II").sum()), len(elem)
    assert claim.id == "type-ii-are-compounds"
    assert claim.computed_value.startswith(f"type II: {k1} of {n1} compound")
    assert f"{k2} of {n2} elemental" in claim.computed_value
    assert claim.verdict == verdicts.two_shares_verdict(k1, n1, k2, n2)
    assert {c.name for c in claim.comparisons} == {"mainstream (κ)"}
    # Nb, V and Tc are the type-II elements of the table
    assert set(elem.symbol[elem.type == "II"]) == {"Nb", "V", "Tc"}


def test_common_under_pressure_counts_from_the_table():
    claim = superconductors.claims()[1]
    t = datasets.element_pressure_tests()
    k, n = int(t.superconducts_under_pressure.sum()), len(t)
    assert claim.computed_value.startswith(f"{k} of {n} elements tested")
    assert claim.verdict == verdicts.share_verdict(k, n)
    assert {"Na", "K"} <= set(t.symbol[~t.superconducts_under_pressure])
    induced = claim.comparisons[0]
    assert induced.n == int((~t.superconducts_at_ambient).sum())


def test_common_under_pressure_flips_with_made_up_negatives(monkeypatch):
    t = datasets.element_pressure_tests()
    extra = pd.DataFrame({c: t[c].iloc[:1].repeat(60).to_numpy() for c in t.columns})
    extra["symbol"] = [f"X{i}" for i in range(60)]
    extra["superconducts_under_pressure"] = False
    monkeypatch.setattr(datasets, "element_pressure_tests", lambda: pd.concat([t, extra]))
    assert superconductors.claims()[1].verdict == Verdict.CONTRADICTED


def test_eq44_scored_against_the_measured_laws():
    claim = next(c for c in phenomenology.claims() if c.id == "eq44-critical-current")
    assert claim.verdict == "contradicted" and claim.computed_value == pytest.approx(-1.0)
    assert "Lubell" in claim.note and "Bottura" in claim.note
    assert claim.comparisons[0].name == "textbook (Ginzburg-Landau)"
    # the law's T_c(B) in the note is the law's own
    assert f"T_c(B) = {float(cc.lubell_tc(5.0)):.2f} K" in claim.note
