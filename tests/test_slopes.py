"""Fair pressure tests: verdict rule, per-row T_c slopes, d ln rho/dp, the structure scan."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq

from electron_tunnel import chain, datasets, diagram
from electron_tunnel.diagram import Parameters
from electron_tunnel.reproduce import verdicts

GPA = 1e9


# --------------------------------------------------------------------------- verdict rule
def judged(rows):
    """The evidence of diagram.slope_agreement and the audit's verdict on it."""
    agreement = diagram.slope_agreement(rows)
    assert "verdict" not in agreement  # the application gives evidence, the audit the verdict
    return agreement | {"verdict": verdicts.pressure_verdict(agreement)}


def made_up(k, n, ratio=1.0, extra_without_prediction=0):
    """n rows with a prediction, k of them with the right sign, |ratio| on every row."""
    rows = []
    for i in range(n):
        meas = 1 if i % 2 else -1
        pred = meas if i < k else -meas
        rows.append({"measured_sign": meas, "predicted_sign": pred, "ratio": pred * meas * ratio})
    for _ in range(extra_without_prediction):
        rows.append({"measured_sign": 1, "predicted_sign": np.nan, "ratio": np.nan})
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("k", "n", "ratio", "verdict"),
    [
        (10, 10, 1.0, "confirmed"),  # all agree
        (8, 10, 1.0, "approximate"),  # 80 %
        (7, 10, 1.0, "contradicted"),  # 70 %
        (10, 10, 10.0, "approximate"),  # signs right, magnitude 10x too large
        (10, 10, 0.1, "approximate"),  # ... or 10x too small
        (9, 10, 1.0, "confirmed"),  # exactly 90 %
        (89, 100, 1.0, "approximate"),  # just below 90 %
        (3, 4, 1.0, "approximate"),  # exactly 75 %
        (74, 100, 1.0, "contradicted"),  # just below 75 %
        (10, 10, 3.0, "confirmed"),  # exactly a factor 3
        (10, 10, 1 / 3, "confirmed"),
        (10, 10, 3.0001, "approximate"),  # just outside
        (10, 10, 0.3333, "approximate"),
        (27, 30, 3.0, "confirmed"),  # 90 % and factor 3 at once
    ],
)
def test_verdict_rule_with_made_up_rows(k, n, ratio, verdict):
    v = judged(made_up(k, n, ratio))
    assert (v["k"], v["n"], v["verdict"]) == (k, n, verdict)
    assert v["median_ratio"] == pytest.approx(ratio)
    assert v["text"] == f"sign right for {k} of {n}; median slope ratio {ratio:.3g}"


def test_verdict_ignores_rows_without_prediction_and_uses_the_median():
    df = made_up(9, 10, 1.0, extra_without_prediction=5)
    df.loc[0, "ratio"] = 1000.0  # one wild row does not move the median
    v = judged(df)
    assert (v["k"], v["n"], v["verdict"]) == (9, 10, "confirmed")
    # median of |ratio| by hand: nine rows of magnitude 1 and one of 1000
    assert v["median_ratio"] == 1.0


def test_verdict_without_magnitudes_or_predictions():
    df = made_up(10, 10).assign(ratio=np.nan)
    v = judged(df)  # signs all right, magnitude unknown: not confirmed
    assert v["verdict"] == "approximate" and math.isnan(v["median_ratio"])
    assert "unknown" in v["text"]
    empty = made_up(0, 0, extra_without_prediction=3)
    assert judged(empty)["verdict"] == "untestable"
    with pytest.raises(ValueError, match="predicted_sign"):
        diagram.slope_agreement(pd.DataFrame({"measured_sign": [1]}))


def test_verdict_forms_the_ratio_from_slope_columns():
    rows = [
        {"measured_sign": -1, "predicted_sign": -1, "measured_x": -2.0, "predicted_x": -4.0},
        {"measured_sign": -1, "predicted_sign": -1, "measured_x": np.nan, "predicted_x": -1.0},
    ]
    v = judged(rows)
    assert v["n_ratio"] == 1 and v["median_ratio"] == 2.0 and v["verdict"] == "confirmed"
    assert "method" not in v and "0.9 n" in verdicts.PRESSURE_RULE
    assert set(diagram.slope_agreement(rows)) == {"k", "n", "n_ratio", "median_ratio", "text"}


# --------------------------------------------------------------------------- T_c slopes
@pytest.fixture(scope="module")
def tc_rows():
    return diagram.tc_pressure_slopes()


def test_every_row_is_kept_with_a_prediction_or_a_reason(tc_rows):
    data = datasets.tc_pressure_slopes()
    assert len(tc_rows) == len(data)
    assert list(tc_rows.material) == list(data.material)
    has = np.isfinite(tc_rows.predicted_sign)
    assert np.all(has ^ (tc_rows.reason.str.len() > 0))
    assert np.all(np.isnan(tc_rows.predicted_slope_K_per_GPa[~has]))
    mgb2 = tc_rows[tc_rows.material == "MgB2"].iloc[0]
    assert "compound" in mgb2.reason and math.isnan(mgb2.ratio)
    s = tc_rows[tc_rows.material == "S"].iloc[0]
    assert "thermal-expansion" in s.reason  # the element table lacks alpha for S


def test_measured_slopes_and_signs(tc_rows):
    by = {(r.material, r.p_high_gpa): r for r in tc_rows.itertuples()}
    assert by[("Pb", 3.0)].measured_slope_K_per_GPa == -0.386  # stated by Smith & Chu
    assert by[("Al", 6.7)].measured_slope_K_per_GPa == pytest.approx(-1.18 / 6.7)
    assert by[("Y", 115.0)].measured_slope_K_per_GPa == pytest.approx(16.0 / 85.0)
    assert math.isnan(by[("Lu", 174.0)].measured_slope_K_per_GPa)  # sign only
    assert by[("Sc", 111.0)].measured_sign == -1 and by[("Lu", 174.0)].measured_sign == 1
    for r in tc_rows.itertuples():
        if math.isfinite(r.ratio):
            assert r.ratio == pytest.approx(
                r.predicted_slope_K_per_GPa / r.measured_slope_K_per_GPa
            )


def test_anchors(tc_rows):
    pb = tc_rows[tc_rows.material == "Pb"].iloc[0]
    assert "ambient T_c 7.196 K" in pb.anchor  # the checked table, not the row's 7.2
    assert pb.predicted_T_low_K == pytest.approx(7.196, rel=1e-9)
    y = tc_rows[tc_rows.material == "Y"].iloc[0]
    assert "measured point 3.5 K at 30 GPa" in y.anchor
    assert y.predicted_T_low_K == pytest.approx(3.5, rel=1e-9)
    lu = tc_rows[tc_rows.material == "Lu"].iloc[0]
    assert "12.4 K at 174 GPa" in lu.anchor
    assert 0.5 * (lu.predicted_T_low_K + lu.predicted_T_high_K) == pytest.approx(12.4, rel=1e-3)


def _boundary_by_brentq(params, p, T_hi=1e5):
    """Independent: the temperature where R_v = R_c(c, R_b), by Brent's method on R_v - R_c."""

    def margin(T):
        R_b = float(diagram.border_radius(T, p, params))
        c = float(diagram.attraction(T, p, params))
        R_c = float(chain.conducting_radius(R_b, c))
        R_v = float(diagram.valence_radius(T, params))
        return R_v - R_c if math.isfinite(R_c) else -R_b

    return brentq(margin, 0.0, T_hi, xtol=1e-12, rtol=1e-14)


def test_predicted_chord_against_an_independent_boundary(tc_rows):
    for material, T_c in (("Pb", 7.196), ("Al", 1.175)):
        row = tc_rows[tc_rows.material == material].iloc[0]
        fitted = diagram.for_element(material).replace(c0=row.c0)
        assert _boundary_by_brentq(fitted, 0.0) == pytest.approx(T_c, rel=1e-8)
        T_hi = _boundary_by_brentq(fitted, row.p_high_gpa * GPA)
        chord = (T_hi - T_c) / row.p_high_gpa
        assert row.predicted_slope_K_per_GPa == pytest.approx(chord, rel=1e-8)


def test_local_slope_against_a_closed_form(tc_rows):
    """Lu at 174 GPa: the orbit is beyond the border (R_v > R_b), so the boundary is c = c*,
    i.e. a contour of R_b(T, p): dT/dp = (1 + alpha T) / (3 alpha (K0 + K' p)) (Murnaghan)."""
    row = tc_rows[tc_rows.material == "Lu"].iloc[0]
    P = diagram.for_element("Lu")
    T0, p0 = 12.4, 174 * GPA
    assert float(diagram.valence_radius(T0, P)) > float(diagram.border_radius(T0, p0, P))
    want = (1 + P.alpha * T0) / (3 * P.alpha * (P.K0 + P.K0_prime * p0)) * GPA
    assert row.predicted_slope_K_per_GPa == pytest.approx(want, rel=1e-5)


def test_fit_point_and_its_errors():
    base = diagram.for_element("Y")
    fitted = diagram.fit_point(base, 3.5, 30 * GPA)
    assert _boundary_by_brentq(fitted, 30 * GPA) == pytest.approx(3.5, rel=1e-8)
    with pytest.raises(ValueError, match="T_c"):
        diagram.fit_point(base, -1.0, 0.0)
    with pytest.raises(ValueError, match="p must"):
        diagram.fit_point(base, 1.0, -1.0)
    with pytest.raises(ValueError, match="no c0"):
        diagram.fit_point(base.replace(R_v0=20e-12), 4.0, 0.0)


# --------------------------------------------------------------------------- resistivity
def test_resistivity_table_columns_and_reasons():
    df = diagram.resistivity_pressure_slopes()
    assert list(df.columns) == [
        "symbol", "measured_sign", "predicted_sign", "measured_dlnR_dp_per_GPa",
        "predicted_dlnR_dp_per_GPa", "predicted_basis", "source", "reason",
    ]  # fmt: skip
    assert len(df) == len(datasets.resistivity_pressure())
    has = np.isfinite(df.predicted_sign)
    assert np.all(has ^ (df.reason.str.len() > 0))
    # a missing bulk modulus or expansion costs the magnitude, not the sign
    sign_only = df.predicted_basis.str.startswith("sign only")
    assert {"Sr", "K", "In", "Te"} <= set(df.symbol[sign_only])
    assert "bulk modulus" in df.set_index("symbol").loc["Sr", "predicted_basis"]
    assert df.predicted_dlnR_dp_per_GPa[sign_only].isna().all()
    assert np.isfinite(df.predicted_dlnR_dp_per_GPa[has & ~sign_only]).all()
    assert set(df.predicted_sign[has]) <= {-1.0, 1.0}


def test_resistivity_sign_does_not_depend_on_bulk_modulus():
    """The sign-only rows are computed with K0 = 100 GPa; any K0 gives the same slope x K0."""
    from electron_tunnel.diagram.slopes import _dlnD_dp

    params = diagram.for_element("Cu")
    slopes = [_dlnD_dp(params.replace(K0=k, c0=0.1), 293.0, None) * k for k in (30e9, 300e9)]
    assert slopes[0] == pytest.approx(slopes[1], rel=1e-9)


def _first_term_dlnD_dp():
    """d ln D/dp at p = 0 from the first-term D (eq 37) by SymPy, with R_b = R_b(T,0) s(p),
    s'(0) = -1/(3 K0), c = c_T (R_b(T,0)/R_b)^n and R_v fixed."""
    x, c, n, K0, p = sp.symbols("x c n K0 p", positive=True)
    s = 1 - p / (3 * K0)  # first order is all a derivative at p = 0 needs
    X, C = x / s, c * s**-n
    h = (1 - X) * ((3 * C + 1) * X**2 - (4 + 8 * C) * X + 4) / (X * (2 - X) ** 2)
    lnD = sp.log(h) - sp.log(s)  # D = h / R_b
    return sp.lambdify((x, c, n, K0), sp.diff(lnD, p).subs(p, 0))


@pytest.mark.parametrize("n", [0.0, 3.0])
def test_resistivity_derivative_against_sympy_first_term(n):
    dfun = _first_term_dlnD_dp()
    df = diagram.resistivity_pressure_slopes(n=n, terms=0, T=293.0).set_index("symbol")
    for sym in ("Cu", "Bi", "Li", "Ni"):
        P = diagram.for_element(sym)
        x = P.R_v0 / float(diagram.border_radius(293.0, 0.0, P))
        want = dfun(x, 0.1, n, P.K0) * GPA
        got = df.loc[sym, "predicted_dlnR_dp_per_GPa"]
        assert got == pytest.approx(want, rel=diagram.RESISTIVITY_DERIVATIVE_ACCURACY)


def test_resistivity_derivative_full_series_by_chain_rule():
    """3 K0 d ln D/dp = 1 + x d ln h/dx + n c d ln h/dc, h = R_b D, by central differences.

    Measured on the paper's radii: agreement to 1e-7 relative or better for most elements, up
    to 2e-6 for a few (Fe, Ag) — above the module's stated RESISTIVITY_DERIVATIVE_ACCURACY, an
    open discrepancy that this test bounds at 1e-5 until it is explained.
    """
    df = diagram.resistivity_pressure_slopes(c=0.2, n=3.0, T=100.0).set_index("symbol")
    checked = 0
    for sym in df.index[np.isfinite(df.predicted_dlnR_dp_per_GPa.to_numpy(float))]:
        P = diagram.for_element(sym)
        x = P.R_v0 / float(diagram.border_radius(100.0, 0.0, P))
        e = 1e-6
        if not float(chain.resisting_distance(x * (1 + e), 1.0, 0.2)) > 0:
            continue  # ln h needs D > 0 (no tunnel at this orbit under the primary radii)
        checked += 1

        def lnh(xx, cc):
            return math.log(float(chain.resisting_distance(xx, 1.0, cc)))

        def slope(h, x=x, P=P):  # central differences, one Richardson step: error O(h^4)
            dx = (lnh(x * (1 + h), 0.2) - lnh(x * (1 - h), 0.2)) / (2 * h)
            dc = (lnh(x, 0.2 * (1 + h)) - lnh(x, 0.2 * (1 - h))) / (2 * h)
            return (1 + dx + 3.0 * dc) / (3 * P.K0) * GPA

        want = (4 * slope(e / 2) - slope(e)) / 3
        assert df.loc[sym, "predicted_dlnR_dp_per_GPa"] == pytest.approx(want, rel=1e-5), sym
    assert checked >= 2


@pytest.mark.parametrize(
    ("kw", "name"), [({"c": 1.5}, "c"), ({"n": -1.0}, "n"), ({"T": -5.0}, "T")]
)
def test_resistivity_bad_input(kw, name):
    with pytest.raises(ValueError, match=f"^{name} must"):
        diagram.resistivity_pressure_slopes(**kw)


# --------------------------------------------------------------------------- structure
SMALL = {
    "x0": (0.5, 0.8, 0.99, 1.1),
    "alpha": (0.0, 1e-5, 1e-3),
    "beta": (0.0, 1e-4, 1e-2),
    "K0_prime": (1.0, 4.0, 9.0),
    "n": (0.0, 1.0, 6.0),
    "c0": (0.1, 0.2, 0.5, 1.0),
    "T": tuple(np.concatenate([[0.0], np.geomspace(0.01, 1e4, 60)])),
}


def test_scan_finds_no_falling_tc_in_the_documented_ranges():
    r = diagram.falling_tc_possible(SMALL)
    assert r["possible"] is False and r["counter_example"] is None
    assert r["parameter_sets"] == 4 * 3 * 3 * 3 * 3 * 4 * 2  # times the two EOS
    assert r["with_boundary"] > 100  # many sets do have a superconducting boundary
    assert r["min_margin_step"] >= -1e-15 and r["largest_fall_K"] == 0.0


def test_scan_detects_a_fall_outside_the_documented_ranges():
    """n < 0 (c falls under compression) is outside the documented ranges and does give a
    falling T_c: the scan is able to fail."""
    r = diagram.falling_tc_possible({**SMALL, "n": (-6.0,), "eos": ("murnaghan",)})
    assert r["possible"] is True and r["largest_fall_K"] > 0
    ex = r["counter_example"]
    params = Parameters(
        R_b0=1.0, R_v0=ex["R_v0/R_b0"], alpha=ex["alpha"], K0=1.0, K0_prime=ex["K0_prime"],
        beta=ex["beta"], c0=ex["c0"], n=0.0,
    )  # fmt: skip
    # re-check the reported fall directly: the margin at the lower T_c end drops with pressure
    p_lo, p_hi = ex["p/K0"]
    s = diagram.compression(np.array([p_lo, p_hi]), 1.0, ex["K0_prime"])
    T = min(ex["T_c"][1], 1e4) if math.isfinite(ex["T_c"][1]) else 1.0
    R_b = params.R_b0 * (1 + params.alpha * T) * s
    x = np.minimum(params.R_v0 * (1 + params.beta * T) / R_b, 1.5)
    c = np.minimum(1.0, ex["c0"] * R_b**6.0)  # n = -6
    f = c - chain.critical_attraction(x, 1.0)
    assert f[1] < f[0]


def test_scan_bad_grid():
    with pytest.raises(ValueError, match="unknown keys"):
        diagram.falling_tc_possible({"gamma": (1.0,)})
    with pytest.raises(ValueError, match="increasing"):
        diagram.falling_tc_possible({"T": (5.0, 1.0)})


@settings(max_examples=25, deadline=None)
@given(
    x0=st.floats(0.3, 1.2),
    alpha=st.floats(1e-6, 1e-3),
    beta_frac=st.floats(0.0, 1.0),
    K0=st.floats(5e9, 400e9),
    Kp=st.floats(1.0, 10.0),
    n=st.floats(0.0, 10.0),
    c0=st.floats(0.14, 1.0),
)
def test_boundary_never_falls_with_pressure(x0, alpha, beta_frac, K0, Kp, n, c0):
    """Independent of the scan: the fitting module's boundary on random documented parameters.
    With beta <= alpha the margin falls with T, so the boundary is the one crossing."""
    P = Parameters(R_b0=2e-10, R_v0=x0 * 2e-10, alpha=alpha, beta=beta_frac * alpha, K0=K0,
                   K0_prime=Kp, n=n, c0=c0)  # fmt: skip
    p = np.linspace(0, 3 * K0, 40)
    T = diagram.boundary_temperature(P, p, T_max=1e6)
    T = np.where(np.isnan(T), np.where(np.cumsum(np.isfinite(T)) > 0, np.inf, 0.0), T)
    with np.errstate(invalid="ignore"):
        step = np.nan_to_num(np.diff(T), nan=0.0)  # inf - inf: above T_max at both pressures
    assert np.all(step >= -1e-6 * np.maximum(1.0, np.nan_to_num(T[1:], posinf=0.0)))


def test_plot_slopes(tmp_path, tc_rows):
    from electron_tunnel import plotting

    fig = diagram.plot_slopes(tc_rows)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    drawn = sum(len(c.get_offsets()) for c in ax.collections if hasattr(c, "get_offsets"))
    both = np.isfinite(tc_rows.measured_slope_K_per_GPa) & np.isfinite(
        tc_rows.predicted_slope_K_per_GPa
    )
    assert drawn >= int(both.sum())
    plotting.save(fig, tmp_path / "slopes")
    assert (tmp_path / "slopes.png").stat().st_size > 10_000


# --------------------------------------------------------------------------- diagram window
def test_measured_overlays_from_both_files():
    pb = diagram.measured_overlays("Pb")
    line = next(m for m in pb if m.get("line"))
    # Smith & Chu: 7.2 K at p = 0 and a stated slope of -0.386 K/GPa to 3 GPa
    assert line["T"][-1] == pytest.approx(7.2 - 0.386 * 3.0)
    assert line["p"][-1] == pytest.approx(3 * GPA)
    sc = diagram.measured_overlays("Sc")
    labels = {m["label"] for m in sc}
    assert any("pressure-superconductors" in lab for lab in labels)
    assert any("tc-pressure-slopes" in lab for lab in labels)
    assert diagram.measured_overlays("Hg") == []


def test_cli_window_automatic_and_explicit(tmp_path, capsys):
    import json

    from electron_tunnel import cli

    assert cli.main(["diagram", "Pb", "--out", str(tmp_path / "a"), "--points", "81"]) == 0
    fit = json.loads((tmp_path / "a" / "Pb-fit.json").read_text())
    w = fit["window"]
    assert w["pressure_scale"] == "symlog" and w["temperature_scale"] == "log"
    assert w["pressure_Pa"] == [0.0, 300 * GPA]
    # the window holds the ambient T_c and the boundary's rise (a decade above the fitted T_c)
    assert w["temperature_K"][0] < 7.196 < 10 * 7.196 < w["temperature_K"][1]
    args = ["diagram", "Pb", "--out", str(tmp_path / "b"), "--points", "41"]
    assert cli.main([*args, "--p-max", "2", "--t-max", "50"]) == 0
    w = json.loads((tmp_path / "b" / "Pb-fit.json").read_text())["window"]
    assert w["pressure_Pa"][1] == pytest.approx(2 * GPA) and w["temperature_K"][1] == 50.0
    assert cli.main([*args, "--pressure", "0:3GPa", "--temperature", "0:20K"]) == 0
    w = json.loads((tmp_path / "b" / "Pb-fit.json").read_text())["window"]
    assert w["pressure_scale"] == "linear" and w["temperature_K"] == [0.0, 20.0]
    capsys.readouterr()
    for bad in (["--p-max", "-1"], ["--t-max", "nan"], ["--pressure", "0:3GPa", "--p-max", "3"]):
        assert cli.main([*args, *bad]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and ("--p-max" in err or "--t-max" in err)
