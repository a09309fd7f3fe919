"""State diagrams: constitutive relations, the Dataset, boundaries, fits and errors."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st

import electron_tunnel as et
from electron_tunnel import cli, diagram
from electron_tunnel.diagram import Parameters

GPA = 1e9
BASE = Parameters(R_b0=200e-12, R_v0=120e-12, alpha=2e-5, K0=50e9, c0=0.4, n=3.0)


# --------------------------------------------------------------------------- constitutive
def test_murnaghan_by_hand_and_limits():
    K0, Kp = 25e9, 4.0
    for p in (0.0, 1e9, 25e9, 300e9):
        v_over_v0 = (1 + Kp * p / K0) ** (-1 / Kp)
        assert diagram.compression(p, K0, Kp) == pytest.approx(v_over_v0 ** (1 / 3), rel=1e-14)
    assert diagram.compression(0.0, K0) == 1.0


@settings(max_examples=50, deadline=None)
@given(p=st.floats(0, 500e9), K0=st.floats(5e9, 400e9), Kp=st.floats(2.0, 7.0))
def test_birch_murnaghan_round_trip_and_monotone(p, K0, Kp):
    try:
        s = float(diagram.compression(p, K0, Kp, "birch-murnaghan"))
    except ValueError as exc:  # beyond the third-order equation's range (K' < 4 only)
        assert Kp < 4 and "Birch-Murnaghan" in str(exc)
        return
    back = 1.5 * K0 * (s**-7 - s**-5) * (1 + 0.75 * (Kp - 4) * (s**-2 - 1))
    assert back == pytest.approx(p, rel=1e-9, abs=1e-3)
    assert 0 < s <= 1
    try:
        s2 = float(diagram.compression(p * 1.1 + 1e6, K0, Kp, "birch-murnaghan"))
    except ValueError:  # the larger pressure is past the K' < 4 maximum
        assert Kp < 4
        return
    assert s2 < s + 1e-15


def test_equations_of_state_agree_at_low_pressure():
    p = np.linspace(0, 0.01 * 50e9, 20)  # both expand as 1 - p/(3 K0) + O(p^2)
    m = diagram.compression(p, 50e9, 4.0)
    b = diagram.compression(p, 50e9, 4.0, "birch-murnaghan")
    np.testing.assert_allclose(m, b, rtol=1e-5)
    np.testing.assert_allclose(m, 1 - p / (3 * 50e9), rtol=1e-4)


def test_relations_monotone_and_reference_values():
    T = np.linspace(0, 300, 31)
    p = np.linspace(0, 300e9, 31)
    assert diagram.border_radius(0.0, 0.0, BASE) == BASE.R_b0
    assert np.all(np.diff(diagram.border_radius(T, 0.0, BASE)) > 0)  # thermal expansion
    assert np.all(np.diff(diagram.border_radius(0.0, p, BASE)) < 0)  # compression
    assert diagram.attraction(0.0, 0.0, BASE) == pytest.approx(BASE.c0)
    c_p = diagram.attraction(0.0, p, BASE)
    assert np.all(np.diff(c_p) >= 0) and np.all(c_p <= 1)
    assert diagram.attraction(0.0, 300e9, BASE.replace(c0=0.9))[()] == 1.0  # capped at 1
    assert np.all(np.diff(diagram.attraction(T, 0.0, BASE)) < 0)
    hot = BASE.replace(beta=1e-4)
    np.testing.assert_allclose(diagram.valence_radius(T, hot), BASE.R_v0 * (1 + 1e-4 * T))
    np.testing.assert_array_equal(diagram.valence_radius(T, BASE), BASE.R_v0)


@pytest.mark.parametrize(
    ("field", "value"),
    [("R_b0", -1.0), ("R_v0", 500e-12), ("alpha", -1e-5), ("K0", 0.0), ("c0", 1.5), ("n", -1.0),
     ("beta", float("nan")), ("eos", "vinet")],
)  # fmt: skip
def test_parameter_validation(field, value):
    with pytest.raises(ValueError, match=field if field != "eos" else "eos"):
        BASE.replace(**{field: value})


# --------------------------------------------------------------------------- the Dataset
def test_dataset_dims_units_and_states():
    T = np.linspace(0, 300, 21)
    p = np.linspace(0, 200e9, 17)
    ds = diagram.state_diagram(BASE, T, p)
    assert dict(ds.sizes) == {"temperature": 21, "pressure": 17}
    assert ds.temperature.attrs["units"] == "K" and ds.pressure.attrs["units"] == "Pa"
    for var, unit in (("R_b", "m"), ("R_v", "m"), ("c", "1"), ("R_c", "m"), ("D", "1/m")):
        assert ds[var].attrs["units"] == unit
    assert ds.state.attrs["flag_meanings"] == "insulator conductor superconductor"
    # every cell agrees with the package's classify at the same radii and c
    words = et.classify(ds.R_v.values, ds.R_b.values, ds.c.values)
    codes = np.select([words == "insulator", words == "conductor"], [0, 1], 2)
    np.testing.assert_array_equal(ds.state.values, codes)
    np.testing.assert_allclose(
        ds.D.values, et.resisting_distance(ds.R_v.values, ds.R_b.values, ds.c.values)
    )


def test_dataset_round_trips_through_netcdf(tmp_path):
    ds = diagram.state_diagram(BASE, np.linspace(0, 100, 5), np.linspace(0, 1e10, 4))
    ds.to_netcdf(tmp_path / "d.nc", engine="scipy")
    back = xr.open_dataset(tmp_path / "d.nc", engine="scipy")
    np.testing.assert_array_equal(back.state.values, ds.state.values)
    assert back.pressure.attrs["units"] == "Pa"


@pytest.mark.parametrize(
    ("T", "p", "message"),
    [([0, 10], [0], "at least 2"), ([10, 0], [0, 1], "increasing"), ([-1, 5], [0, 1], ">= 0"),
     ([0, 1], [0, float("inf")], "finite")],
)  # fmt: skip
def test_bad_grids(T, p, message):
    with pytest.raises(ValueError, match=message):
        diagram.state_diagram(BASE, T, p)


# --------------------------------------------------------------------------- boundaries
def test_superconducting_boundary_analytic():
    """R_b = 1e-10 (1 - p/1e12), R_v = 3e-11 + 1e-13 T, c = 1: R_c = r1 R_b with r1 from eq 24,
    so the boundary is T(p) = (r1 1e-10 (1 - p/1e12) - 3e-11) / 1e-13."""
    r1 = float(et.conducting_radius(1.0, 1.0))
    fns = dict(
        R_b=lambda T, p: 1e-10 * (1 - np.asarray(p) / 1e12) + 0 * np.asarray(T),
        R_v=lambda T, p: 3e-11 + 1e-13 * np.asarray(T) + 0 * np.asarray(p),
        c=lambda T, p: np.ones(np.broadcast(np.asarray(T), np.asarray(p)).shape),
    )
    T = np.linspace(0, 200, 81)
    p = np.linspace(0, 100e9, 11)
    ds = diagram.state_diagram(BASE, T, p, **fns)
    b = diagram.boundaries(ds, BASE, **fns)
    want = (r1 * 1e-10 * (1 - p / 1e12) - 3e-11) / 1e-13
    np.testing.assert_allclose(b["superconducting_T"], want, atol=1e-9)
    assert np.all(np.isnan(b["insulating_T"])) and b["triple_points"] == []


def test_insulating_boundary_and_triple_point_analytic():
    """c = 0.5 - T/1000 (insulating above T* = 1000 (0.5 - c*)); R_v = R_b at p >= 50 GPa."""
    c_star = et.insulating_threshold()
    fns = dict(
        R_b=lambda T, p: 1e-10 + 0 * np.asarray(T) * np.asarray(p),
        R_v=lambda T, p: 1e-10 * np.minimum(1.0, 0.5 + np.asarray(p) / 100e9) + 0 * np.asarray(T),
        c=lambda T, p: 0.5 - np.asarray(T) / 1000 + 0 * np.asarray(p),
    )
    T = np.linspace(0, 500, 201)
    p = np.linspace(0, 100e9, 201)
    ds = diagram.state_diagram(BASE, T, p, **fns)
    b = diagram.boundaries(ds, BASE, **fns)
    np.testing.assert_allclose(b["insulating_T"], 1000 * (0.5 - c_star), atol=1e-9)
    # the conductor band closes where R_v reaches R_b: 50 GPa, on the insulating boundary
    assert len(b["triple_points"]) == 1
    tp = b["triple_points"][0]
    assert tp["pressure"] == pytest.approx(50e9, abs=2 * (p[1] - p[0]))
    assert tp["temperature"] == pytest.approx(1000 * (0.5 - c_star), abs=2 * (T[1] - T[0]))


def test_illustrative_has_the_figure8_shape():
    ill = diagram.illustrative()
    T = np.linspace(0, 300, 151)
    p = np.linspace(0, 300e9, 151)
    b = diagram.boundaries(diagram.state_diagram(ill, T, p), ill)
    sc = b["superconducting_T"]
    ok = np.isfinite(sc)
    assert ok.sum() > 100 and np.all(np.diff(sc[ok]) >= -1e-9)  # rises with pressure
    ins = b["insulating_T"]
    both = ok & np.isfinite(ins)
    assert np.all(ins[both] >= sc[both] - 1e-9)  # insulating boundary on the hot side
    assert len(b["triple_points"]) == 1


# --------------------------------------------------------------------------- fits
def test_ambient_fit_passes_through_measured_tc():
    for sym, tc in (("Hg", 3.95), ("Pb", 7.2), ("Nb", 9.25)):
        fitted = diagram.fit_ambient(diagram.for_element(sym), tc)
        assert 0 < fitted.c0 <= 1
        assert diagram.boundary_temperature(fitted, 0.0)[0] == pytest.approx(tc, rel=1e-9)
        # and on a grid, through the state change itself (within 1 %)
        T = np.linspace(0, 2 * tc, 401)
        b = diagram.boundaries(diagram.state_diagram(fitted, T, [0.0, 1e6]), fitted)
        assert b["superconducting_T"][0] == pytest.approx(tc, rel=0.01)


def test_least_squares_recovers_synthetic_parameters():
    start = BASE.replace(R_v0=150e-12)
    truth = diagram.fit_ambient(start.replace(beta=5e-6), 20.0)  # T_c = 20 K at p = 0
    p = np.array([0.0, 0.05e9, 0.1e9, 0.2e9, 0.3e9])
    T = diagram.boundary_temperature(truth, p)
    assert np.all(np.isfinite(T)) and np.all(np.diff(T) > 0)
    fit = diagram.fit_points(start, list(zip(T, p, strict=True)))  # from c0 = 0.4, beta = 0
    assert fit.values["c0"] == pytest.approx(truth.c0, rel=1e-8)
    assert fit.values["beta"] == pytest.approx(5e-6, rel=1e-6)
    assert max(abs(r) for r in fit.residuals_K) < 1e-3
    assert all(math.isfinite(v) for v in fit.stderr.values())


def test_fit_errors():
    with pytest.raises(ValueError, match="T_c"):
        diagram.fit_ambient(BASE, -1.0)
    with pytest.raises(ValueError, match="no attraction coefficient"):
        diagram.fit_ambient(BASE.replace(R_v0=20e-12), 4.0)  # tiny orbit: c would exceed 1
    with pytest.raises(ValueError, match="at least 2"):
        diagram.fit_points(BASE, [(4.0, 0.0)])


def test_prediction_check_against_the_shipped_table():
    data = diagram.pressure_data()
    assert {"material", "tc_k", "pressure_gpa", "source"} <= set(data.columns)
    assert data.source.str.len().min() > 10
    rows = diagram.prediction_check()
    assert {r["element"] for r in rows} >= {"Ti"}
    assert "Y" not in {r["element"] for r in rows}  # Y superconducts only under pressure
    for r in rows:
        if "measured_slope_K_per_GPa" in r:
            assert r["measured_slope_K_per_GPa"] == pytest.approx(
                (r["T_c_K"] - r["T_c0_K"]) / r["pressure_GPa"]
            )
            assert r["same_sign"] == (
                np.sign(r["model_slope_K_per_GPa"]) == np.sign(r["measured_slope_K_per_GPa"])
            )


def test_element_defaults_and_missing_data():
    hg = diagram.for_element("Hg")
    assert hg.alpha == pytest.approx(6.04e-5)  # CRC value, pymatgen has none
    assert hg.K0 == pytest.approx(25e9) and hg.R_v0 == pytest.approx(132e-12)
    with pytest.raises(ValueError, match=r"thermal-expansion.*pass alpha="):
        diagram.for_element("O")
    assert diagram.for_element("O", alpha=1e-5, K0=1e10).alpha == 1e-5
    with pytest.raises(ValueError, match="element symbol"):
        diagram.for_element("Qq")


# --------------------------------------------------------------------------- command line
def test_cli_diagram_hg_writes_files(tmp_path, capsys):
    assert cli.main(["diagram", "Hg", "--out", str(tmp_path), "--points", "101"]) == 0
    for suffix in ("diagram.png", "diagram.svg", "diagram.nc", "fit.json"):
        assert (tmp_path / f"Hg-{suffix}").stat().st_size > 1000
    fit = json.loads((tmp_path / "Hg-fit.json").read_text())
    # the ambient alpha phase of Hg, 4.154 K (datasets.element_superconductivity), not pymatgen's
    # 3.95 K of beta-Hg
    assert fit["ambient_fit"]["boundary_T_at_p0_K"] == pytest.approx(4.154, rel=0.01)
    ds = xr.open_dataset(tmp_path / "Hg-diagram.nc", engine="scipy")
    assert set(ds.dims) == {"temperature", "pressure"}
    assert "Hg" in capsys.readouterr().out


def test_cli_illustrative(tmp_path):
    assert cli.main(["diagram", "--illustrative", "--out", str(tmp_path), "--points", "81"]) == 0
    assert (tmp_path / "illustrative-diagram.png").exists()


@pytest.mark.parametrize(
    ("kw", "message"),
    [({"p_max": -1e9}, r"^p_max: must be finite and > 0"),
     ({"t_max": float("nan")}, r"^t_max: must be finite and > 0"),
     ({"pressure": (0.0, 3e9), "p_max": 3e9}, r"^p_max: give either pressure or p_max")],
)  # fmt: skip
def test_write_diagram_errors_name_the_parameter(kw, message, tmp_path):
    """The library names its parameters; the command line maps them to flags (see below)."""
    from electron_tunnel.errors import ElectronTunnelError, InputError

    with pytest.raises(InputError, match=message) as info:
        diagram.write_diagram("Pb", tmp_path / "out", points=41, **kw)
    assert isinstance(info.value, ValueError) and isinstance(info.value, ElectronTunnelError)
    assert "--" not in str(info.value)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize(
    "args",
    [["Qq"], ["O"], ["Hg", "--temperature", "300:0K"], ["Hg", "--temperature", "0:0K"],
     ["Hg", "--temperature=-5:10K"], ["Hg", "--pressure", "0:3xPa"], ["Hg", "--pressure", "0:300"],
     ["Hg", "--points", "1"], [], ["Hg", "--illustrative"]],
)  # fmt: skip
def test_cli_diagram_errors(args, tmp_path, capsys):
    assert cli.main(["diagram", *args, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error" in err
    assert not list(tmp_path.glob("*-diagram.*"))
