"""The audit's verdict vocabulary and rules: edges, kinds, corrected data."""

from __future__ import annotations

import math

import numpy as np
import pytest

from electron_tunnel import datasets, materials
from electron_tunnel.materials import robustness
from electron_tunnel.reproduce.claims import (
    KINDS,
    VERDICTS,
    association_verdict,
    compute_claims,
    kind_of,
    magnitude_verdict,
)
from electron_tunnel.reproduce.claims import base as claims_base
from electron_tunnel.reproduce.claims import materials as claims_materials


# --------------------------------------------------------------------------- association rule
@pytest.mark.parametrize(
    ("estimate", "ci", "chance", "strong", "expected"),
    [
        (0.594, (0.48, 0.71), 0.5, 0.8, "no signal"),  # association_verdict's docstring example
        (-0.18, (-0.44, 0.07), 0.0, 0.7, "no signal"),  # wrong side, CI contains chance
        (0.60, (0.50, 0.70), 0.5, 0.8, "no signal"),  # CI touching chance counts as containing
        (0.60, (0.5000001, 0.70), 0.5, 0.8, "approximate"),  # just above chance
        (0.40, (0.30, 0.50), 0.5, 0.8, "no signal"),  # touching from below
        (0.40, (0.30, 0.4999999), 0.5, 0.8, "contradicted"),
        (0.80, (0.70, 0.90), 0.5, 0.8, "confirmed"),  # exactly the asserted strength
        (0.7999, (0.70, 0.90), 0.5, 0.8, "approximate"),
        (0.75, (0.65, 0.85), 0.0, 0.7, "confirmed"),
        (math.nan, (0.1, 0.2), 0.0, 0.7, "untestable"),
    ],
)
def test_association_rule_edges(estimate, ci, chance, strong, expected):
    assert association_verdict(estimate, ci, chance, strong) == expected


# --------------------------------------------------------------------------- magnitude rule
@pytest.mark.parametrize(
    ("predicted", "measured", "expected"),
    [
        (30.0, 10.0, "confirmed"),  # exactly a factor 3
        (30.0001, 10.0, "approximate"),  # just outside 3
        (10.0 / 3, 10.0, "confirmed"),  # factor 3 the other way
        (100.0, 10.0, "approximate"),  # exactly a factor 10
        (100.001, 10.0, "contradicted"),  # just outside 10
        (2.3, 2.0e10, "contradicted"),  # a ratio like Si / Pt resistivity, off by ~1e10
        (0.5, 10.0, "contradicted"),  # wrong direction
        (-1.0, 10.0, "untestable"),
    ],
)
def test_magnitude_rule_edges(predicted, measured, expected):
    assert magnitude_verdict(predicted, measured) == expected


def test_vocabulary_is_fixed():
    assert VERDICTS == ("confirmed", "approximate", "no signal", "contradicted", "untestable")
    assert KINDS == ("mathematics", "world", "quoted", "extension")
    assert "no signal" in claims_base.__doc__


# --------------------------------------------------------------------------- kinds
def test_kinds_of_named_claims():
    assert kind_of("eq43-stefan-boltzmann") == "quoted"
    assert kind_of("eq45-flux-quantum") == "quoted"
    assert kind_of("eq39-c1-series") == "extension"
    assert kind_of("threshold-0225-series") == "extension"
    assert kind_of("eq39-c1-first") == "mathematics"
    assert kind_of("table1-Si") == "mathematics"
    for cid in (
        "table1-correlation",
        "table1-nonconductors-higher",
        "fig13-density",
        "tc-rises-with-pressure",
        "resistivity-falls-with-pressure",
        "meissner-lorentz",
        "screen-combined",
    ):
        assert kind_of(cid) == "world", cid


def test_every_claim_has_a_kind_and_verdict_and_nine_extensions():
    claims = compute_claims(pressure=_NO_PRESSURE)
    assert all(c.kind in KINDS for c in claims)
    assert all(c.verdict in VERDICTS for c in claims)
    ext = [c.id for c in claims if c.kind == "extension"]
    assert len(ext) == 9 and all(i.endswith("-series") for i in ext)


# A stand-in for the pressure tables so that this test does not run the state-diagram fits
# (they are tested in test_slopes.py); the claims then have no rows to score.
def _empty_pressure():
    import pandas as pd

    cols = ["material", "measured_sign", "predicted_sign", "ratio", "reason", "source"]
    tc = pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    tc["measured_sign"] = tc["measured_sign"].astype(float)
    tc["predicted_sign"] = tc["predicted_sign"].astype(float)
    tc["ratio"] = tc["ratio"].astype(float)
    res = pd.DataFrame(
        {
            "symbol": pd.Series(dtype=object),
            "measured_sign": pd.Series(dtype=float),
            "predicted_sign": pd.Series(dtype=float),
            "measured_dlnR_dp_per_GPa": pd.Series(dtype=float),
            "predicted_dlnR_dp_per_GPa": pd.Series(dtype=float),
            "source": pd.Series(dtype=object),
            "reason": pd.Series(dtype=object),
        }
    )
    return {"tc": tc, "resistivity": res, "structure": {"possible": False, "parameter_sets": 0}}


_NO_PRESSURE = _empty_pressure()


# --------------------------------------------------------------------------- element claims
@pytest.fixture(scope="module")
def evaluation_claims():
    from electron_tunnel.materials import evaluation

    ev, _ = evaluation.evaluate(B=200)
    return ev, {c.id: c for c in compute_claims(ev, pressure=_NO_PRESSURE)}


ELEMENT_CLAIMS = (
    "fig11-12-superconductors-not-gaseous",
    "fig13-density",
    "gap-predicts-superconductors",
    "resistivity-correlation-elements",
)


@pytest.mark.parametrize("cid", ELEMENT_CLAIMS)
def test_element_claims_follow_the_rule_under_every_convention(evaluation_claims, cid):
    _, claims = evaluation_claims
    c = claims[cid]
    assert c.kind == "world"
    strong = claims_materials.STRONG_RHO if c.chance == 0.0 else claims_materials.STRONG_AUC
    assert c.verdict == association_verdict(c.estimate, c.ci95, c.chance, strong)
    assert len(c.by_convention) >= 3
    assert next(iter(c.by_convention)) == materials.PAPER_CONVENTION  # the primary one first
    for v in c.by_convention.values():
        assert v["verdict"] == association_verdict(v["estimate"], v["ci95"], c.chance, strong)
    verdicts = {v["verdict"] for v in c.by_convention.values()}
    assert c.robust == (len(verdicts) == 1)
    if not c.robust:
        assert "NOT ROBUST" in c.note


def test_measured_sample_excludes_superheavy_and_reports_the_effect(evaluation_claims):
    ev, claims = evaluation_claims
    excluded = ev["robustness"]["excluded"]
    assert {"At", "Fr", "Fm", "Og"} <= set(excluded) and "Es" not in excluded
    assert "superheavy" in claims["fig13-density"].note
    df = materials.elements()
    assert not robustness.measured_mask(df)[df.Z.to_numpy() >= 100].any()


def test_table1_magnitude_claim_uses_measured_resistivities(evaluation_claims):
    _, claims = evaluation_claims
    c = claims["table1-nonconductors-higher"]
    assert c.kind == "world" and c.verdict == "contradicted"
    t = datasets.resistivity_measured().set_index("symbol").resistivity_measured_ohm_m
    measured = min(t["Si"], t["C"]) / t[["Al", "Ca", "Fe", "Cu", "Pt", "Au", "Hg"]].max()
    assert measured > 1e9
    assert f"{measured:.2g}" in c.note


# --------------------------------------------------------------------------- corrected data
def test_measured_resistivities_against_their_cited_values():
    t = datasets.resistivity_measured().set_index("symbol")
    assert t.loc["Si", "resistivity_measured_ohm_m"] == pytest.approx(2.3e3)  # Sze, intrinsic
    assert "Sze" in t.loc["Si", "source"]
    assert t.loc["C", "resistivity_measured_ohm_m"] >= 1e10  # diamond, not graphite
    assert t.loc["Au", "resistivity_measured_ohm_m"] == pytest.approx(2.214e-8)  # not silver's
    assert t.loc["Cu", "resistivity_measured_ohm_m"] == pytest.approx(1.678e-8)
    assert t.source.str.len().gt(10).all()


def test_ambient_superconductivity_corrections():
    df = materials.elements().set_index("symbol")
    for sym in ("Y", "Sc", "Gd", "Ce"):
        assert np.isnan(df.loc[sym, "tc_K"]), sym
    assert df.loc["Hg", "tc_K"] == pytest.approx(4.154)  # alpha-Hg
    assert df.loc["Nb", "tc_K"] == pytest.approx(9.25)
    checked = datasets.element_superconductivity().set_index("symbol")
    assert not checked.loc["Y", "ambient"] and not checked.loc["Sc", "ambient"]
    assert checked.source.str.len().gt(10).all()


def test_bondi_radii_of_the_papers_table():
    """The paper's Table 1 values for Si, C, Cu, Au and Hg are Bondi's (1964)."""
    b = datasets.bondi_radii().set_index("symbol").vdw_radius_bondi_pm
    paper = datasets.paper_table1().set_index("symbol").R_b_pm
    for sym in ("Si", "C", "Cu", "Au", "Hg"):
        assert b[sym] == paper[sym], sym
    assert b["Pt"] == 172  # Bondi; the paper prints 175
    df = materials.elements().set_index("symbol")
    assert df.loc["Cu", "vdw_bondi_full_pm"] == 140
    _, _, src = materials.radii(materials.PAPER_CONVENTION, df.reset_index())
    src = dict(zip(df.index, src, strict=True))
    assert src["Cu"] == "vdw_bondi_full_pm" and src["Ca"] == "empirical_pm"
