"""Mainstream transport (electron_tunnel.mainstream.transport) and its data sets.

Bloch–Grüneisen integral against mpmath quadrature, its limits, the high-temperature pressure
coefficient -2 γ_G/K against finite differences of the formula with θ_R(V), Bridgman's R -> ρ
correction against a compressed wire, the evidence tables' schema, units and sources, and bad
input.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pandas as pd
import pytest
from scipy import special

from electron_tunnel import datasets, diagram
from electron_tunnel.errors import InputError
from electron_tunnel.mainstream import transport as tr
from electron_tunnel.mainstream import transport_evidence as tre

NEEDED = "Al Pb Sn In Nb V Ta Zn Cd Hg Cu Ag Au Na K Li Mg Ca Pt Fe Ni W Tl Bi Sb Sr Mo".split()


def _J_mpmath(z, n):
    """J_n(z) by 40-digit quadrature after x = t^(1/(n-1)), which makes the integrand smooth:
    x^n dx/((e^x-1)(1-e^-x)) = g(x) dt/(n-1) with g = x^2 e^x/(e^x-1)^2 -> 1 at 0."""
    mpmath.mp.dps = 40
    z, n = mpmath.mpf(z), mpmath.mpf(n)

    def g(t):
        x = t ** (1 / (n - 1))
        return x**2 / (mpmath.expm1(x) * -mpmath.expm1(-x)) / (n - 1)

    breaks = [b ** (n - 1) for b in (1, 5, 20, 60) if b < z]
    return mpmath.quad(g, [0, *breaks, z ** (n - 1)])


# --------------------------------------------------------------------------- the integral
@pytest.mark.parametrize("n", [1.05, 1.2, 2.0, 3.0, 5.0, 7.5, 15.0])
@pytest.mark.parametrize("z", [1e-3, 0.05, 0.7, 1.999, 2.0, 2.001, 3.3, 10.0, 37.0, 300.0])
def test_integral_matches_mpmath(z, n):
    ref = float(_J_mpmath(z, n))
    assert float(tr.bloch_gruneisen_integral(z, n)) == pytest.approx(ref, rel=1e-10)


def test_integral_is_vectorised_and_scalar_in_scalar_out():
    z = np.array([[0.1, 1.0], [5.0, 50.0]])
    out = tr.bloch_gruneisen_integral(z)
    assert out.shape == z.shape
    assert np.allclose(out.ravel(), [tr.bloch_gruneisen_integral(v) for v in z.ravel()], rtol=0)
    assert np.ndim(tr.bloch_gruneisen_integral(1.0)) == 0
    s = pd.Series([0.5, 4.0])
    assert np.allclose(tr.bloch_gruneisen_integral(s), tr.bloch_gruneisen_integral(s.to_numpy()))


def test_integral_limits():
    n = 5.0
    z = 1e-4
    assert float(tr.bloch_gruneisen_integral(z, n)) == pytest.approx(
        z ** (n - 1) / (n - 1), rel=1e-8
    )
    full = math.gamma(n + 1) * special.zeta(n, 1)
    assert float(tr.bloch_gruneisen_integral(500.0, n)) == pytest.approx(full, rel=1e-14)


# --------------------------------------------------------------------------- ρ(T)
def test_resistivity_low_temperature_goes_as_T_to_the_n():
    theta, A, n = 300.0, 2e-8, 5.0
    T = np.array([0.3, 0.6, 1.2])  # T << θ
    ph = tr.bloch_gruneisen_resistivity(T, theta, 0.0, A, n)
    assert np.allclose(ph[1:] / ph[:-1], 2.0**n, rtol=1e-12)
    exact = A * math.gamma(n + 1) * special.zeta(n, 1) * (T / theta) ** n
    assert np.allclose(ph, exact, rtol=1e-12)


def test_resistivity_high_temperature_is_linear():
    theta, A, n, rho0 = 300.0, 2e-8, 5.0, 1e-10
    T = np.array([3e4, 6e4, 1.2e5])  # T >> θ
    rho = tr.bloch_gruneisen_resistivity(T, theta, rho0, A, n)
    assert np.allclose((rho - rho0) / (A * T / ((n - 1) * theta)), 1.0, rtol=1e-5)
    # next order: 1 - (n-1)/(12(n+1)) (θ/T)^2
    z = theta / T
    assert np.allclose((rho - rho0) / (A * T / ((n - 1) * theta)),
                       1 - (n - 1) / (12 * (n + 1)) * z**2, rtol=1e-9)  # fmt: skip


def test_resistivity_includes_residual_and_broadcasts():
    rho = tr.bloch_gruneisen_resistivity([[10.0], [300.0]], [100.0, 400.0], 1e-9, 1e-8)
    assert rho.shape == (2, 2) and np.all(rho > 1e-9)
    assert isinstance(tr.bloch_gruneisen_resistivity(300.0, 300.0, 0.0, 1e-8), float | np.floating)


# --------------------------------------------------------------------------- pressure
@pytest.mark.parametrize("gamma", [0.8, 2.0, 3.0])
def test_minus_two_gamma_over_K_from_finite_differences(gamma):
    """BG with θ_R = θ0 (V/V0)^-γ, A ∝ 1/(M θ_R), V/V0 = exp(-p/K): d ln ρ/dp -> -2γ/K."""
    K, theta0, A0, n = 100e9, 300.0, 1e-8, 5.0
    T = 100.0 * theta0  # high-temperature limit; correction O((θ/T)^2) ~ 1e-5

    def ln_rho(p):
        theta = theta0 * np.exp(-p / K) ** (-gamma)
        return np.log(tr.bloch_gruneisen_resistivity(T, theta, 0.0, A0 * theta0 / theta, n))

    h = 1e-4 * K
    fd = (ln_rho(h) - ln_rho(-h)) / (2 * h)
    assert fd == pytest.approx(float(tr.gruneisen_pressure_coefficient(gamma, K)), rel=1e-4)


def test_resistance_to_resistivity_correction_of_a_compressed_wire():
    """R = ρ L/A with L ∝ V^(1/3), A ∝ V^(2/3): d ln ρ/dp = d ln R/dp - 1/(3K)."""
    K, k_rho = 120e9, -2.3e-11  # ρ(p) = ρ0 exp(k_rho p)

    def ln_R(p):
        v = math.exp(-p / K)
        return k_rho * p + math.log(v ** (1 / 3) / v ** (2 / 3))

    h = 1e-3 * K
    dlnR = (ln_R(h) - ln_R(-h)) / (2 * h)
    assert float(tr.resistivity_pressure_coefficient(dlnR, K)) == pytest.approx(k_rho, rel=1e-9)
    assert dlnR > k_rho  # the wire's geometry adds +1/(3K)


def test_pressure_table_reuses_the_model_and_forms_both_coefficients():
    t = tre.pressure_coefficients().set_index("symbol")
    model = diagram.resistivity_pressure_slopes(T=tre.T_SCORED).set_index("symbol")
    both = t.dlnrho_dp_model_per_GPa.notna()
    assert np.allclose(
        t.dlnrho_dp_model_per_GPa[both], model.predicted_dlnR_dp_per_GPa[both.index[both]]
    )
    cu = t.loc["Cu"]
    assert cu.dlnrho_dp_mainstream_per_GPa == pytest.approx(
        -2 * cu.gruneisen_gamma / cu.bulk_modulus_GPa
    )
    ni = t.loc["Ni"]
    assert ni.dlnrho_dp_measured_per_GPa == pytest.approx(-0.0182 - 1 / (3 * ni.bulk_modulus_GPa))
    assert set(t.measured_sign) <= {-1, 1}
    for sym in ("In", "Sr"):  # no bulk modulus in the element data
        assert "no bulk modulus" in t.loc[sym, "reason"]
    assert "no Grueneisen parameter" in t.loc["Hg", "reason"]
    assert t.source.str.len().gt(10).all()


# --------------------------------------------------------------------------- data sets
def test_lattice_table_covers_the_elements_with_sources():
    lat = datasets.mainstream_lattice().set_index("symbol")
    assert set(NEEDED) <= set(lat.index)
    assert lat.debye_temperature_K.between(30, 2500).all()
    assert lat.debye_source.str.contains("Kittel").all()
    assert (
        lat.loc["Cu", "debye_temperature_K"] == 343 and lat.loc["Pb", "debye_temperature_K"] == 105
    )
    has = lat.gruneisen_gamma.notna()
    assert lat.gruneisen_gamma[has].between(0.5, 4.0).all()
    assert lat.gruneisen_source[has].str.len().gt(20).all()
    assert lat.note[~has].str.contains("no Grueneisen parameter").all()
    assert has.sum() >= 20


def test_lattice_gamma_is_reproducible_from_its_stated_inputs():
    from mendeleev.fetch import fetch_table

    from electron_tunnel import materials

    lat = datasets.mainstream_lattice().set_index("symbol")
    el = materials.elements().set_index("symbol")
    mend = fetch_table("elements").set_index("symbol")
    for sym in ("Cu", "Al", "Pb", "W", "Na"):
        r = el.loc[sym]
        Vm = float(r.atomic_mass_u) / float(mend.loc[sym, "density"]) * 1e-6
        g = 3 * r.thermal_expansion_per_K * r.bulk_modulus_GPa * 1e9 * Vm
        g /= float(mend.loc[sym, "molar_heat_capacity"])
        assert lat.loc[sym, "gruneisen_gamma"] == pytest.approx(g, rel=5e-3), sym


def test_resistivity_temperature_data_schema_units_sources():
    df = datasets.resistivity_temperature()
    assert list(df.columns) == ["symbol", "T_K", "rho_ohm_m", "source", "checked", "note"]
    assert df.checked.dtype == bool and df.checked.any()
    assert df.rho_ohm_m.between(1e-13, 1e-6).all()  # ohm m, pure metals
    assert not df.duplicated(["symbol", "T_K"]).any()
    span = df.groupby("symbol").T_K.agg(["min", "max"])
    assert ((span["min"] <= 20) & (span["max"] >= 300)).sum() >= 10
    assert df.source.str.len().gt(20).all() and df.note.str.len().gt(10).all()
    for sym, grp in df.groupby("symbol"):  # rises with T (no superconducting point tabulated)
        assert np.all(np.diff(grp.sort_values("T_K").rho_ohm_m) > 0), sym
    measured = datasets.resistivity_measured().set_index("symbol").resistivity_measured_ohm_m
    at293 = df[df.T_K == 293].set_index("symbol").rho_ohm_m
    common = at293.index.intersection(measured.index)
    assert len(common) >= 5 and np.allclose(at293[common], measured[common], rtol=1e-3)


# --------------------------------------------------------------------------- evidence tables
def test_resistivity_temperature_table():
    t = tre.resistivity_temperature()
    assert list(t.columns) == [
        "symbol", "T_K", "rho_measured_ohm_m", "rho_bloch_gruneisen_ohm_m", "rho_model_relative",
        "rho_measured_relative", "bg_anchor", "checked", "source", "reason",
    ]  # fmt: skip
    anchors = t[t.bg_anchor]
    assert np.allclose(anchors.rho_bloch_gruneisen_ohm_m, anchors.rho_measured_ohm_m, rtol=1e-9)
    assert anchors.T_K.max() <= tre.ANCHOR_MAX_T < 273
    at = t[t.T_K == tre.T_SCORED]
    assert np.allclose(at.rho_measured_relative, 1.0)
    assert np.allclose(at.rho_model_relative.dropna(), 1.0)
    assert "thermal-expansion" in t[t.symbol == "K"].reason.iloc[0]


def test_temperature_coefficients_table_and_no_scored_point_in_the_fit(monkeypatch):
    t = tre.temperature_coefficients_293K().set_index("symbol")
    assert list(t.columns) == [
        "dlnrho_dT_measured_per_K", "dlnrho_dT_bloch_gruneisen_per_K", "dlnrho_dT_model_per_K",
        "dlnrho_dT_model_beta_low_per_K", "dlnrho_dT_model_beta_high_per_K", "theta_R_K",
        "theta_R_source", "rho_0_ohm_m", "A_ohm_m", "source", "reason",
    ]  # fmt: skip
    assert t.dlnrho_dT_measured_per_K.between(2e-3, 8e-3).all()  # [1/K]
    assert t.theta_R_source.str.contains("not fitted").all()
    assert (t.reason != "").loc[["K", "Fe", "Mo"]].all()
    # moving the 273-300 K measurements does not move rho_0, A or theta_R
    data = datasets.resistivity_temperature()
    bumped = data.copy()
    bumped.loc[bumped.T_K >= 273, "rho_ohm_m"] *= 1.5
    monkeypatch.setattr(datasets, "resistivity_temperature", lambda: bumped)
    t2 = tre.temperature_coefficients_293K().set_index("symbol")
    for col in ("rho_0_ohm_m", "A_ohm_m", "theta_R_K"):
        assert np.allclose(t[col], t2[col], equal_nan=True), col


def test_model_temperature_coefficient_from_public_functions():
    """Cu: d ln D/dT at 293 K by an independent 2nd-order difference with the diagram functions."""
    p = diagram.for_element("Cu")
    c0 = tre.C_AMBIENT * (float(diagram.border_radius(293.0, 0.0, p)) / p.R_b0) ** p.n
    p = p.replace(c0=c0)

    def lnD(T):
        from electron_tunnel import chain

        return math.log(float(chain.resisting_distance(
            diagram.valence_radius(T, p), diagram.border_radius(T, 0.0, p),
            diagram.attraction(T, 0.0, p))))  # fmt: skip

    fd = (lnD(293.05) - lnD(292.95)) / 0.1
    t = tre.temperature_coefficients_293K().set_index("symbol")
    assert t.loc["Cu", "dlnrho_dT_model_per_K"] == pytest.approx(fd, rel=1e-5)


def test_rank_predictor():
    t = tre.resistivity_rank_predictor()
    assert list(t.columns) == [
        "symbol", "atomic_mass_u", "theta_D_K", "bg_scale_per_u_K", "rho_measured_ohm_m",
        "bg_scale_rank", "rho_measured_rank", "source", "reason",
    ]  # fmt: skip
    row = t.set_index("symbol").loc["Cu"]
    assert row.bg_scale_per_u_K == pytest.approx(293.0 / (row.atomic_mass_u * 343.0**2))
    assert t.bg_scale_rank.dropna().is_unique


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: tr.bloch_gruneisen_resistivity(0.0, 300.0, 0.0, 1e-8), r"^T must be .*> 0"),
        (lambda: tr.bloch_gruneisen_resistivity([10.0, -1.0], 300.0, 0.0, 1e-8), r"^T must be"),
        (lambda: tr.bloch_gruneisen_resistivity(10.0, 0.0, 0.0, 1e-8), r"^theta_R must be .*> 0"),
        (lambda: tr.bloch_gruneisen_resistivity(10.0, 300.0, 0.0, 1e-8, n=1), r"^n must be .*> 1"),
        (lambda: tr.bloch_gruneisen_resistivity(10.0, 300.0, 0.0, 1e-8, n=0.5), r"^n must be"),
        (lambda: tr.bloch_gruneisen_resistivity(10.0, 300.0, 0.0, 1e-8, n=True), r"^n must be"),
        (lambda: tr.bloch_gruneisen_resistivity(10.0, 300.0, -1.0, 1e-8), r"^rho_0 must be"),
        (lambda: tr.bloch_gruneisen_integral(0.0), r"^z must be .*> 0"),
        (lambda: tr.gruneisen_pressure_coefficient(2.0, 0.0), r"^K must be .*> 0"),
        (lambda: tr.gruneisen_pressure_coefficient(2.0, -1e9), r"^K must be"),
        (lambda: tr.resistivity_pressure_coefficient(-1e-11, 0.0), r"^K must be .*> 0"),
        (lambda: tre.resistivity_rank_predictor(T=0.0), r"^T must be"),
    ],
)
def test_bad_input_names_parameter_and_range(call, match):
    with pytest.raises(InputError, match=match):
        call()
