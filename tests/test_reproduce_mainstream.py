"""What ``etunnel reproduce`` writes beside mainstream physics: the resistance tables, the
mainstream table and figures, and the claims of the mainstream and superconductor issues.

Reads the session's shared reproduction (``tests/conftest.py``); the numbers are recomputed
here from the package's own functions, so the files must be exactly what they return.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from electron_tunnel import datasets, mainstream

TEMPERATURE_COLUMNS = ["symbol", "T_K", "rho_measured_ohm_m", "rho_bloch_gruneisen_ohm_m",
                       "rho_model_relative", "source"]  # fmt: skip
COEFFICIENT_COLUMNS = ["symbol", "dlnrho_dT_measured_per_K", "dlnrho_dT_bloch_gruneisen_per_K",
                       "dlnrho_dT_model_per_K", "theta_R_K", "theta_R_source"]  # fmt: skip
PRESSURE_COLUMNS = ["dlnrho_dp_measured_per_GPa", "dlnrho_dp_model_per_GPa",
                    "dlnrho_dp_mainstream_per_GPa", "source"]  # fmt: skip
MAINSTREAM_COLUMNS = [
    "symbol", "tc_measured_K", "lambda", "lambda_method", "omega_log_K", "theta_D_K", "mu_star",
    "tc_mainstream_K", "bc0_measured_T", "bc0_bcs_T", "penetration_depth_measured_m",
    "london_depth_m", "coherence_length_m", "kappa", "type_measured", "type_mainstream",
    "paper_critical_c", "paper_state", "source",
]  # fmt: skip


@pytest.fixture(scope="module")
def out(reproduction):
    assert reproduction.returncode == 0, reproduction.stderr[-2000:]
    return reproduction.out


@pytest.fixture(scope="module")
def claims(out):
    return {c["id"]: c for c in json.loads((out / "claims.json").read_text(encoding="utf-8"))}


def test_resistivity_temperature_files(out):
    t = pd.read_csv(out / "resistivity-temperature.csv")
    assert set(TEMPERATURE_COLUMNS) <= set(t.columns)
    assert t.symbol.nunique() >= 10
    span = t.groupby("symbol").T_K.agg(["min", "max"])
    assert ((span["min"] <= 20) & (span["max"] >= 300)).sum() >= 10
    expected = mainstream.resistivity_temperature()
    np.testing.assert_allclose(t.rho_bloch_gruneisen_ohm_m, expected.rho_bloch_gruneisen_ohm_m,
                               rtol=1e-12)  # fmt: skip
    c = pd.read_csv(out / "resistivity-temperature-293K.csv")
    assert set(COEFFICIENT_COLUMNS) <= set(c.columns)
    assert c.theta_R_source.str.contains("not fitted").all()
    cu = c.set_index("symbol").loc["Cu"]
    assert cu.dlnrho_dT_measured_per_K == pytest.approx(4.0e-3, rel=0.05)  # ≈ 1/T above θ_R


def test_resistivity_pressure_has_both_models_and_the_signs(out):
    t = pd.read_csv(out / "resistivity-pressure.csv")
    assert set(PRESSURE_COLUMNS) <= set(t.columns)
    signs = datasets.resistivity_pressure()
    assert list(t.symbol) == list(signs.symbol)
    assert (t.source.str.len() > 0).all()
    ni = t.set_index("symbol").loc["Ni"]
    # d ln ρ/dp = d ln R/dp − 1/(3K) (a wire under hydrostatic pressure)
    K = float(ni.bulk_modulus_GPa)
    assert ni.dlnrho_dp_measured_per_GPa == pytest.approx(-0.0182 - 1 / (3 * K), rel=1e-12)
    # a sign-only row carries its reason and no magnitude
    k = t.set_index("symbol").loc["K"]
    assert np.isnan(k.dlnrho_dp_model_per_GPa) and "sign only" in k.predicted_basis


def test_mainstream_table(out):
    t = pd.read_csv(out / "mainstream.csv")
    assert set(MAINSTREAM_COLUMNS) <= set(t.columns)
    assert (t.mu_star == mainstream.MU_STAR).all()
    fp = t[(t.lambda_method == "first-principles") & (t.tc_measured_K > 0)]
    assert len(fp) >= 14


def test_figures_are_written_and_embedded(out):
    html = (out / "report.html").read_text(encoding="utf-8")
    for stem in ("mainstream_tc", "resistivity_temperature", "resistivity_pressure"):
        assert (out / "figures" / f"{stem}.png").stat().st_size > 10_000
        assert (out / "figures" / f"{stem}.svg").is_file()
    section = html[html.index('id="mainstream"') : html.index('id="heldout"')]
    assert section.count("<img") == 3


def test_claims_of_the_round(claims):
    for cid in ("type-ii-are-compounds", "superconductivity-common-under-pressure",
                "eq44-critical-current", "mainstream-tc-elements",
                "resistivity-rises-with-temperature", "drude-density-resistivity"):  # fmt: skip
        assert claims[cid]["kind"] == "world"
        names = {c["name"] for c in claims[cid]["comparisons"]}
        assert {"no-skill", "confound"} <= names
    fall = {c["name"]: c for c in claims["resistivity-falls-with-pressure"]["comparisons"]}
    assert {"mainstream", "magnitude", "mainstream magnitude"} <= set(fall)
    n_mag = int(datasets.resistivity_pressure().dlnR_dp_per_GPa.notna().sum())
    expected = "untestable" if n_mag < 10 else fall["magnitude"]["verdict"]
    assert fall["magnitude"]["verdict"] == expected and fall["magnitude"]["n"] == n_mag
    tc = claims["mainstream-tc-elements"]
    assert tc["computed_value"].endswith("(checked first-principles λ)")
    assert {c["name"] for c in tc["comparisons"]} >= {"first-principles (all)", "tunnelling"}
