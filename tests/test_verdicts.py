"""The audit's verdict vocabulary and rules: edges, kinds, corrected data."""

from __future__ import annotations

import math

import numpy as np
import pytest

from electron_tunnel import datasets, diagram, materials
from electron_tunnel.materials import robustness
from electron_tunnel.reproduce import CLAIM_COLUMNS, claim_rows, verdicts
from electron_tunnel.reproduce.claims import (
    Claim,
    Comparison,
    Kind,
    Verdict,
    compute_claims,
)
from electron_tunnel.reproduce.claims import base as claims_base
from electron_tunnel.reproduce.claims import changes as claims_changes
from electron_tunnel.reproduce.claims import materials as claims_materials
from electron_tunnel.reproduce.claims.base import KINDS, VERDICTS
from electron_tunnel.reproduce.verdicts import association_verdict, magnitude_verdict


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
    # the vocabulary is documented by its owner, reproduce.verdicts, and re-exported by claims
    assert "no signal" in verdicts.__doc__ and "negligible" in verdicts.__doc__
    assert claims_base.Verdict is verdicts.Verdict and claims_base.VERDICTS == VERDICTS


def test_verdict_and_kind_members_are_their_text():
    assert [v.value for v in Verdict] == list(VERDICTS)
    assert [k.value for k in Kind] == list(KINDS)
    assert Verdict is verdicts.Verdict  # one vocabulary, owned by reproduce.verdicts
    assert Verdict.NO_SIGNAL == "no signal" and str(Verdict.NO_SIGNAL) == "no signal"
    assert Verdict.CONFIRMED == "confirmed" and Verdict.UNTESTABLE != "untested"
    assert Verdict("contradicted") is Verdict.CONTRADICTED
    assert Kind.WORLD == "world" and Kind("extension") is Kind.EXTENSION
    with pytest.raises(ValueError):
        Verdict("supported")  # the old screening word is not a verdict


# --------------------------------------------------------------------------- negligible effect
@pytest.mark.parametrize(
    ("ci", "chance", "expected"),
    [
        ((0.44, 0.56), 0.5, False),  # the band's edges themselves are outside (strict)
        ((0.4400001, 0.5599999), 0.5, True),
        ((0.52, 0.56), 0.5, False),
        ((0.52, 0.5599), 0.5, True),
        ((0.44, 0.48), 0.5, False),
        ((0.4401, 0.48), 0.5, True),
        ((0.30, 0.55), 0.5, False),
        ((-0.1, 0.1), 0.0, False),  # |rho| < 0.1 for a rank correlation
        ((-0.0999, 0.0999), 0.0, True),
        ((0.02, 0.1), 0.0, False),
        ((0.02, 0.0999), 0.0, True),
        ((0.02, 0.03), 1.0, False),  # a chance value without a band has none
    ],
)
def test_negligible_band_edges(ci, chance, expected):
    assert verdicts.negligible_effect(ci, chance) is expected


def test_negligible_band_values_and_override():
    assert verdicts.NEGLIGIBLE == {0.5: 0.06, 0.0: 0.1}
    assert verdicts.negligible_effect((0.52, 0.55), 0.5, band=0.01) is False
    assert verdicts.negligible_effect((0.52, 0.55), 0.5, band=0.1) is True
    assert "0.06" in verdicts.NEGLIGIBLE_RULE and "0.1" in verdicts.NEGLIGIBLE_RULE


@pytest.mark.parametrize(
    ("estimate", "ci", "chance", "strong", "expected"),
    [
        # AUC: on the favourable side of chance, not containing it ...
        (0.54, (0.52, 0.56), 0.5, 0.8, "approximate"),  # ... reaching the band's edge: counts
        (0.54, (0.52, 0.5599), 0.5, 0.8, "no signal"),  # ... wholly inside the band: negligible
        (0.535, (0.52, 0.55), 0.5, 0.8, "no signal"),  # the docstring's example
        (0.46, (0.44, 0.48), 0.5, 0.8, "contradicted"),  # the other side, reaching the edge
        (0.46, (0.4401, 0.48), 0.5, 0.8, "no signal"),  # the other side, negligible
        # rank correlation: |rho| < 0.1
        (0.06, (0.02, 0.1), 0.0, 0.7, "approximate"),
        (0.06, (0.02, 0.0999), 0.0, 0.7, "no signal"),
        (-0.06, (-0.1, -0.02), 0.0, 0.7, "contradicted"),
        (-0.06, (-0.0999, -0.02), 0.0, 0.7, "no signal"),
    ],
)
def test_association_rule_negligible_band(estimate, ci, chance, strong, expected):
    assert association_verdict(estimate, ci, chance, strong) == expected
    # the same interval judged without the band (band = 0): only the CI-and-chance rule
    without = association_verdict(estimate, ci, chance, strong, band=0.0)
    assert without == ("contradicted" if estimate < chance else "approximate")


def test_association_rule_band_override():
    assert association_verdict(0.62, (0.58, 0.66), 0.5, 0.8) == "approximate"
    assert association_verdict(0.62, (0.58, 0.66), 0.5, 0.8, band=0.2) == "no signal"


# --------------------------------------------------------------------------- screening rule
@pytest.mark.parametrize(
    ("ci", "estimate", "expected"),
    [
        ([0.82, 0.90], None, "confirmed"),  # midpoint 0.86 >= 0.8
        ([0.75, 0.90], 0.82, "confirmed"),  # the estimate given, not the midpoint
        ([0.75, 0.90], 0.79, "approximate"),
        ([0.501, 0.6], None, "approximate"),  # above chance but weak (0.1.0 said "supported")
        ([0.52, 0.56], None, "approximate"),  # reaches the band's edge
        ([0.52, 0.55], None, "no signal"),  # favourable side, but negligible
        ([0.45, 0.49], None, "no signal"),  # unfavourable side, but negligible
        ([0.40, 0.48], None, "contradicted"),
        ([0.4, 0.499], None, "contradicted"),
        ([0.45, 0.55], None, "no signal"),
        ([0.5, 0.6], None, "no signal"),  # touching chance counts as containing it
        ([math.nan, math.nan], None, "no signal"),
    ],
)
def test_screening_rule(ci, estimate, expected):
    assert verdicts.screening_verdict(ci, estimate) == expected
    est = (ci[0] + ci[1]) / 2 if estimate is None else estimate
    if all(math.isfinite(v) for v in ci):  # the association rule, chance 0.5, strength 0.8
        assert expected == association_verdict(est, ci, 0.5, verdicts.SCREENING_STRONG)
    assert verdicts.SCREENING_STRONG == 0.8 and "negligible" in verdicts.SCREENING_RULE


def test_judge_screening_adds_verdicts_and_the_rule():
    results = {
        "guidelines": [
            {"id": "g1", "favourable": "higher", "auc_superconducting": 0.535,
             "auc_superconducting_ci95": [0.52, 0.55]},
            {"id": "g2", "favourable": "higher", "auc_superconducting": 0.86,
             "auc_superconducting_ci95": [0.82, 0.90]},
        ],
        "features": [
            {"id": "x", "favourable": None, "auc_superconducting": 0.9,
             "auc_superconducting_ci95": [0.85, 0.95]},
            {"id": "y", "favourable": "lower", "auc_superconducting": 0.3,
             "auc_superconducting_ci95": [0.2, 0.4]},
        ],
        "baselines": [],
        "settings": {"seed": 1},
    }  # fmt: skip
    out = verdicts.judge_screening(results)
    assert out is results
    assert [g["verdict"] for g in out["guidelines"]] == ["no signal", "confirmed"]
    assert [f["verdict"] for f in out["features"]] == [None, "contradicted"]
    assert all(type(g["verdict"]) is str for g in out["guidelines"])  # plain text for JSON
    assert out["settings"] == {"seed": 1, "verdict_rule": verdicts.SCREENING_RULE}


# --------------------------------------------------------------------------- Meissner rule
def test_judge_meissner_adds_verdicts_and_the_rule():
    def run(chi, se, real_chi, real_se):
        return {"chi_total": chi, "chi_total_err": se,
                "realistic_density": {"chi_total": real_chi, "chi_total_err": real_se}}  # fmt: skip

    result = {"runs": [run(0.01, 0.05, 1.0, 3.0), run(-0.02, 0.05, -2.0, 3.0)]}
    out = verdicts.judge_meissner(result)
    assert out is result
    assert [r["verdict"] for r in out["runs"]] == ["contradicted", "contradicted"]
    assert [r["realistic_density"]["verdict"] for r in out["runs"]] == ["no signal"] * 2
    assert out["verdict"] == "contradicted" and out["verdict_realistic_density"] == "no signal"
    assert out["verdict_rule"] == verdicts.MEISSNER_RULE
    mixed = verdicts.judge_meissner({"runs": [run(0.01, 0.05, 0, 1), run(-0.98, 0.05, 0, 1)]})
    assert mixed["verdict"] == "no signal"  # one confirmed and one contradicted


# --------------------------------------------------------------------------- Claim records
def _claim(cid="x-claim", verdict="confirmed", **kw):
    fields = dict(
        section="test", kind="mathematics", statement="s", paper_value="1", computed_value=1.0,
        method="m",
    )  # fmt: skip
    return Claim(id=cid, verdict=verdict, **(fields | kw))


def test_claim_is_keyword_only_and_checks_kind_and_verdict():
    with pytest.raises(TypeError):
        Claim("x", "test", "world", "s", "1", 1.0, "m", "confirmed")
    c = _claim()
    assert c.verdict is Verdict.CONFIRMED and c.kind is Kind.MATHEMATICS
    assert c.section == "test" and not hasattr(c, "source")  # renamed
    with pytest.raises(ValueError, match="verdict must be one of"):
        _claim(verdict="supported")
    with pytest.raises(ValueError, match="kind must be one of"):
        _claim(kind="opinion")


def test_comparison_as_dict():
    comp = Comparison(
        name="no-skill", method="constant score", n=12, estimate=0.5, ci95=[0.4, 0.6],
        verdict="no signal",
    )  # fmt: skip
    assert comp.verdict is Verdict.NO_SIGNAL
    d = comp.as_dict()
    assert d == {
        "name": "no-skill", "method": "constant score", "n": 12, "estimate": 0.5,
        "ci95": [0.4, 0.6], "verdict": "no signal",
    }  # fmt: skip
    assert type(d["verdict"]) is str
    assert Comparison(name="c", method="m").as_dict()["verdict"] == "untestable"  # the default
    with pytest.raises(ValueError):
        Comparison(name="c", method="m", verdict="supported")
    claim = _claim(comparisons=[comp])
    rec = claim.as_dict()
    assert rec["comparisons"] == [d] and "detail" not in rec
    assert type(rec["verdict"]) is str and type(rec["kind"]) is str


def test_claims_csv_has_a_verdict_and_an_estimate_column_per_comparison():
    assert CLAIM_COLUMNS == (
        "id", "section", "kind", "statement", "paper_value", "computed_value", "method",
        "verdict", "note", "estimate", "ci95_low", "ci95_high", "chance", "robust",
        "previous_verdict", "change",
    )  # fmt: skip
    a = _claim(
        "a",
        estimate=0.7,
        ci95=[0.6, 0.8],
        chance=0.5,
        comparisons=[
            Comparison(name="no-skill", method="m", estimate=0.5, verdict="no signal"),
            Comparison(name="confound", method="m", estimate=0.75, verdict="approximate"),
        ],
    )
    b = _claim("b", comparisons=[Comparison(name="confound", method="m", estimate=0.4)])
    c = _claim("c")
    rows, fields = claim_rows([a, b, c])
    assert fields == [
        *CLAIM_COLUMNS, "no-skill_verdict", "no-skill_estimate", "confound_verdict",
        "confound_estimate",
    ]  # fmt: skip
    assert [r["id"] for r in rows] == ["a", "b", "c"] and all(list(r) == fields for r in rows)
    assert (rows[0]["ci95_low"], rows[0]["ci95_high"], rows[0]["chance"]) == (0.6, 0.8, 0.5)
    assert (rows[0]["no-skill_verdict"], rows[0]["no-skill_estimate"]) == ("no signal", 0.5)
    assert (rows[0]["confound_verdict"], rows[0]["confound_estimate"]) == ("approximate", 0.75)
    assert (rows[1]["no-skill_verdict"], rows[1]["no-skill_estimate"]) == (None, None)
    assert (rows[1]["confound_verdict"], rows[1]["confound_estimate"]) == ("untestable", 0.4)
    assert rows[2]["ci95_low"] is None and rows[2]["confound_verdict"] is None
    assert rows[0]["verdict"] == "confirmed" and rows[0]["kind"] == "mathematics"
    # without comparisons the columns are exactly CLAIM_COLUMNS
    assert claim_rows([c])[1] == list(CLAIM_COLUMNS)


# --------------------------------------------------------------------------- changes since 0.1.0
def test_record_changes_needs_a_reason():
    old = claims_changes.VERDICTS_PREVIOUS
    assert "eq9-border-ratio" not in claims_changes.REASONS
    assert old["eq9-border-ratio"] == "confirmed"
    changed = _claim("eq9-border-ratio", verdict="contradicted")
    with pytest.raises(ValueError, match=r"eq9-border-ratio.*REASONS"):
        claims_changes.record_changes([changed])


def test_record_changes_sets_previous_verdict_only_where_it_changed():
    reasons = claims_changes.REASONS
    assert set(reasons) <= set(claims_changes.VERDICTS_PREVIOUS)
    assert claims_changes.VERDICTS_PREVIOUS["screen-g1"] == "no signal"
    moved = _claim("screen-g1", verdict="approximate")
    same = _claim("screen-g2", verdict=claims_changes.VERDICTS_PREVIOUS["screen-g2"])
    pending = _claim("fig13-density", verdict="untestable")  # computed without its evidence
    new = _claim("not-in-0.1.0", verdict="contradicted")
    claims_changes.record_changes([moved, same, pending, new])
    assert moved.previous_verdict == "no signal"
    assert moved.change == f"was no signal, now approximate: {reasons['screen-g1']}"
    for c in (same, pending, new):
        assert c.previous_verdict is None and c.change == "", c.id
    # a reason alone changes nothing: the verdict must differ
    kept = _claim("screen-g1", verdict="no signal")
    claims_changes.record_changes([kept])
    assert kept.previous_verdict is None and kept.change == ""


def test_every_claim_has_a_kind_and_verdict_and_nine_extensions():
    claims = compute_claims(pressure=_NO_PRESSURE)
    assert all(isinstance(c.kind, Kind) and c.kind in KINDS for c in claims)
    assert all(isinstance(c.verdict, Verdict) and c.verdict in VERDICTS for c in claims)
    ext = [c.id for c in claims if c.kind == "extension"]
    assert len(ext) == 9 and all(i.endswith("-series") for i in ext)


# A stand-in for the pressure tables so that this test does not run the state-diagram fits
# (they are tested in test_slopes.py); the claims then have no rows to score.
def _empty_pressure():
    import pandas as pd

    cols = ["material", "measured_sign", "predicted_sign", "ratio", "reason", "source",
            "anchor", "predicted_sign_any", "extrapolated", "scored", "scored_reason"]  # fmt: skip
    tc = pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    for col in ("measured_sign", "predicted_sign", "ratio", "predicted_sign_any"):
        tc[col] = tc[col].astype(float)
    for col in ("extrapolated", "scored"):
        tc[col] = tc[col].astype(bool)
    res = pd.DataFrame(
        {
            "symbol": pd.Series(dtype=object),
            "measured_sign": pd.Series(dtype=float),
            "predicted_sign": pd.Series(dtype=float),
            "measured_dlnR_dp_per_GPa": pd.Series(dtype=float),
            "predicted_dlnR_dp_per_GPa": pd.Series(dtype=float),
            "predicted_basis": pd.Series(dtype=object),
            "source": pd.Series(dtype=object),
            "reason": pd.Series(dtype=object),
        }
    )
    return diagram.PressureEvidence(
        tc=tc, resistivity=res, structure={"possible": False, "parameter_sets": 0}
    )


_NO_PRESSURE = _empty_pressure()


def _screen_result(ci_by_id):
    """A stand-in for screen.evaluate's result: one guideline per id, the primary statistic
    (T_c >= 10 K within families) the CI's midpoint, the pooled AUC at chance."""

    def stat(lo, hi):
        return {"auc": (lo + hi) / 2, "ci95": [lo, hi], "n_pos": 100, "n_neg": 50,
                "by_family": {"cuprates": {"auc": (lo + hi) / 2}}}  # fmt: skip

    guidelines = [
        {"id": gid, "feature": f"score_{gid}", "name": f"guideline {gid}",
         "favourable": "higher", "auc_superconducting": 0.5,
         "auc_superconducting_ci95": [0.45, 0.55], "auc_superconducting_n": [100, 50],
         "auc_superconducting_cluster_ci95": [0.44, 0.56],
         "auc_superconducting_stratified": stat(0.45, 0.55),
         "auc_tc10_stratified": stat(lo, hi), "auc_tc77_cuprates": stat(0.45, 0.55),
         "auc_tc10": 0.5, "auc_tc77": 0.5, "spearman_tc": 0.0}
        for gid, (lo, hi) in ci_by_id.items()
    ]  # fmt: skip
    return {"attribution": {"citation": "SuperCon", "license": "CC BY 4.0"},
            "guidelines": guidelines, "clusters": {"n_clusters": 10},
            "confound": {"definition": "family rate", "auc_tc10": stat(0.6, 0.7)}}  # fmt: skip


# --------------------------------------------------------------------------- kinds
def test_kinds_of_named_claims():
    screen = _screen_result({"combined": (0.45, 0.58)})
    kind = {c.id: c.kind for c in compute_claims(pressure=_NO_PRESSURE, screen=screen)}
    assert kind["eq43-stefan-boltzmann"] == "quoted"
    assert kind["eq45-flux-quantum"] == "quoted"
    assert kind["eq39-c1-series"] == "extension"
    assert kind["threshold-0225-series"] == "extension"
    assert kind["eq39-c1-first"] == "mathematics"
    assert kind["table1-Si"] == "mathematics"
    for cid in (
        "table1-correlation",
        "table1-nonconductors-higher",
        "fig13-density",
        "tc-rises-with-pressure",
        "resistivity-falls-with-pressure",
        "meissner-lorentz",
        "screen-combined",
    ):
        assert kind[cid] == "world", cid


def test_previous_verdicts_are_verdicts_of_every_claim():
    old = claims_changes.VERDICTS_PREVIOUS
    assert set(old.values()) <= set(VERDICTS), {k: v for k, v in old.items() if v not in VERDICTS}
    assert set(claims_changes.REASONS) <= set(old)
    # 0.1.0's screening verdicts as its claims.json gave them (the brief of the redesign)
    assert [claims_changes.VERDICTS_0_1_0.get(f"screen-{g}") for g in ("g1", "g3", "g4")] == [
        "approximate", "approximate", "contradicted"
    ]  # fmt: skip
    screen = _screen_result({g: (0.45, 0.58) for g in ("g1", "g2", "g3", "g4", "g5", "combined")})
    ids = {c.id for c in compute_claims(pressure=_NO_PRESSURE, screen=screen)}
    assert set(old) <= ids, sorted(set(old) - ids)  # 0.3.0 drops no claim of 0.2.0


def test_compute_claims_marks_negligible_effects_and_records_changes():
    screen = _screen_result(
        {"g1": (0.52, 0.55), "g2": (0.45, 0.58), "g3": (0.52, 0.56), "combined": (0.45, 0.55)}
    )
    claims = {c.id: c for c in compute_claims(pressure=_NO_PRESSURE, screen=screen)}
    g1, g2, g3, comb = (claims[f"screen-{g}"] for g in ("g1", "g2", "g3", "combined"))
    # g1: favourable side, whole CI inside 0.5 +- 0.06 -> no signal, marked negligible
    assert g1.verdict == "no signal" and g1.note.startswith("negligible effect (")
    assert verdicts.NEGLIGIBLE_RULE in g1.note
    assert g1.previous_verdict is None  # no signal in 0.2.0 too
    # combined: CI contains chance and lies within the band -> no signal, marked negligible
    assert comb.verdict == "no signal" and comb.note.startswith("negligible effect (")
    # g2: CI contains chance but reaches beyond the band -> no signal, not marked
    assert g2.verdict == "no signal" and "negligible effect" not in g2.note
    for c in (g2, comb):
        assert c.previous_verdict is None and c.change == "", c.id  # no signal in 0.2.0 too
    # g3: reaches the band's edge -> approximate (0.2.0: no signal), recorded with the reason
    assert g3.verdict == "approximate" and g3.previous_verdict == "no signal"
    assert claims_changes.REASONS["screen-g3"] in g3.change
    assert "negligible effect" not in g3.note
    for c in (g1, g2, g3, comb):
        assert c.verdict == verdicts.screening_verdict(c.ci95, c.estimate)


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
    # the primary convention (the paper's own, the one of the whole package) first
    assert materials.PRIMARY_CONVENTION == materials.PAPER_CONVENTION == "paper"
    assert next(iter(c.by_convention)) == materials.PRIMARY_CONVENTION
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


def test_claims_are_declared_once():
    """Each claim's id, section, kind, statement and paper value live in one table only."""
    import pathlib

    from electron_tunnel import datasets
    from electron_tunnel.reproduce import claims as claims_pkg

    table = datasets.paper_claims()
    assert table.id.is_unique and set(table.kind) <= set(KINDS)
    assert (table.statement.str.len() > 10).all()
    code = "".join(
        p.read_text(encoding="utf-8") for p in pathlib.Path(claims_pkg.__file__).parent.glob("*.py")
    )
    repeated = [s for s in table.statement if s[:60] in code]
    assert repeated == [], repeated  # no statement is written again in the checks
    ids = [c.id for c in compute_claims()]
    assert ids == list(table.id)  # every declared claim is checked, in the declared order
