"""`etunnel evaluate`: outputs, recomputability from elements.csv, edge cases."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy.stats import fisher_exact, spearmanr

import electron_tunnel as et
from electron_tunnel import cli, materials, stats
from electron_tunnel.materials import evaluation


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval")
    _path, results = evaluation.run_evaluation(out, B=300)
    return out, results


def test_outputs_exist(run):
    out, _results = run
    assert (out / "evaluation.json").exists() and (out / "elements.csv").exists()
    for stem in (
        "figure11_tc",
        "figure12_state_3500K",
        "figure13_density",
        "resistivity_vs_D",
        "superconductor_auc",
    ):
        assert (out / "figures" / f"{stem}.png").stat().st_size > 20_000
    on_disk = json.loads((out / "evaluation.json").read_text())
    assert on_disk["settings"]["bootstrap_resamples"] == 300
    assert (
        len(on_disk["resistivity"]["model"])
        == len(materials.RADIUS_CONVENTIONS) * len(evaluation.C_GRID) * 2
    )


def test_statistics_recomputable_from_elements_csv(run):
    out, results = run
    df = pd.read_csv(out / "elements.csv")
    B, seed = results["settings"]["bootstrap_resamples"], results["settings"]["seed"]
    # resistivity, default convention, c = 0.1, full series: recompute D from the CSV's radii
    ok = np.isfinite(df.R_v_pm) & np.isfinite(df.R_b_pm) & np.isfinite(df.resistivity_ohm_m)
    ok &= df.R_v_pm < 2 * df.R_b_pm
    D = et.resisting_distance(df.R_v_pm[ok] * 1e-12, df.R_b_pm[ok] * 1e-12, 0.1)
    np.testing.assert_allclose(D, df["D_c0.1_per_m"][ok], rtol=1e-12)
    row = next(
        m
        for m in results["resistivity"]["model"]
        if m["convention"] == results["settings"]["default_convention"]
        and m["c"] == 0.1
        and m["series"] == "full series"
    )
    ref = spearmanr(D, df.resistivity_ohm_m[ok])
    assert row["spearman"]["rho"] == pytest.approx(ref.statistic)
    assert row["spearman"]["n"] == int(ok.sum())
    again = stats.spearman_with_ci(D, df.resistivity_ohm_m[ok], B=B, seed=seed)
    assert again["ci95"] == pytest.approx(row["spearman"]["ci95"])
    # Fisher's exact test of Figures 11 and 12
    known = (df.state_3500K != "unknown") & df.measured.astype(bool)
    sc = df.superconductor[known].astype(bool)
    ng = df.state_3500K[known] != "gas"
    table = [
        [int((sc & ng).sum()), int((sc & ~ng).sum())],
        [int((~sc & ng).sum()), int((~sc & ~ng).sum())],
    ]
    fisher = results["periodic_table"]["fig11_vs_fig12"]
    assert fisher["fisher_p_value"] == pytest.approx(fisher_exact(table).pvalue)
    # AUC of R_v/R_b among measured elements with radii
    valid = np.isfinite(df.R_v_pm) & np.isfinite(df.R_b_pm) & (df.R_v_pm < 2 * df.R_b_pm)
    valid &= df.measured.astype(bool)
    auc = stats.auc((df.R_v_pm / df.R_b_pm)[valid], df.superconductor[valid])
    got = next(r for r in results["superconductors"]["scores"] if r["score"] == "model: R_v / R_b")
    assert got["auc"] == pytest.approx(auc)


def test_state_at_3500K_from_melting_and_boiling_points(run):
    out, _ = run
    df = pd.read_csv(out / "elements.csv").set_index("symbol")
    assert df.loc["W", "state_3500K"] == "solid"  # melts at 3695 K
    assert df.loc["Hg", "state_3500K"] == "gas"
    assert df.loc["Cu", "state_3500K"] == "gas"  # boils at 3200 K
    assert df.loc["Fe", "state_3500K"] == "gas"  # boils at 3134 K
    assert df.loc["Pt", "state_3500K"] == "liquid"  # melts at 2041 K, boils at 4098 K
    for sym in ("W", "Hg", "Cu", "Fe", "Pt"):  # and the rule itself, from the CSV's own columns
        m, b = df.loc[sym, "melting_point_K"], df.loc[sym, "boiling_point_K"]
        want = "solid" if m > 3500 else ("liquid" if b > 3500 else "gas")
        assert df.loc[sym, "state_3500K"] == want
    assert set(df.state_3500K) <= {"solid", "liquid", "gas", "unknown"}


def test_left_out_elements_have_reasons(run):
    _, results = run
    left = results["resistivity"]["left_out_default"]
    assert left and all(item["reasons"] for item in left)
    assert any(item["symbol"] == "Og" for item in left)


def test_missing_data_paths():
    df = materials.elements().copy()
    df.loc[:, "resistivity_ohm_m"] = np.nan  # no resistivity anywhere
    df.loc[:, "tc_K"] = np.nan  # no superconductors
    results, _ = evaluation.evaluate(B=100, df=df)
    assert all(
        np.isnan(m["spearman"]["rho"]) and m["spearman"]["n"] == 0
        for m in results["resistivity"]["model"]
    )
    assert all(np.isnan(r["auc"]) and r["n_pos"] == 0 for r in results["superconductors"]["scores"])


def test_figures_return_png_bytes(tmp_path):
    results, table = evaluation.evaluate(B=50)
    pngs = evaluation.figures(results, table, tmp_path / "figures")
    assert sorted(pngs) == sorted(
        ["figure11_tc", "figure12_state_3500K", "figure13_density", "resistivity_vs_D",
         "superconductor_auc"]
    )  # fmt: skip
    for stem, png in pngs.items():
        assert png[:8] == b"\x89PNG\r\n\x1a\n", stem
        assert (tmp_path / "figures" / f"{stem}.png").read_bytes() == png
        assert (tmp_path / "figures" / f"{stem}.svg").exists()


def test_unwritable_output_is_an_output_error(tmp_path):
    from electron_tunnel.errors import ElectronTunnelError, OutputError

    assert issubclass(evaluation.EvaluationError, OutputError)
    assert issubclass(evaluation.EvaluationError, OSError)
    assert issubclass(evaluation.EvaluationError, ElectronTunnelError)
    assert not issubclass(evaluation.EvaluationError, RuntimeError)
    blocker = tmp_path / "f"
    blocker.write_text("x")
    with pytest.raises(evaluation.EvaluationError, match=r"not a directory|not writable"):
        evaluation.run_evaluation(blocker / "sub", B=50)
    assert blocker.read_text() == "x"


def test_cli_evaluate(tmp_path, capsys):
    assert cli.main(["evaluate", "--out", str(tmp_path / "e"), "--bootstrap", "150", "-q"]) == 0
    out = capsys.readouterr().out
    assert "Spearman" in out and "AUC" in out
    assert cli.main(["evaluate", "--out", str(tmp_path / "e"), "--bootstrap", "5"]) == 2
    blocker = tmp_path / "f"
    blocker.write_text("x")
    assert cli.main(["evaluate", "--out", str(blocker / "sub"), "--bootstrap", "150"]) == 2
    err = capsys.readouterr().err
    assert "error" in err
