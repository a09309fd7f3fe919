"""electron_tunnel.mainstream.superconductivity: formulas against independent computations.

Each formula is checked against mpmath (50 digits) written from the papers, not from the
module; then limits, array/Series behaviour, bad input, the shipped tables (units, sources,
cross-checks with installed data) and the evidence table.
"""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pandas as pd
import pytest
from scipy import constants as codata

from electron_tunnel import datasets
from electron_tunnel.errors import InputError
from electron_tunnel.mainstream import superconductivity as sc

mp.mp.dps = 50
# CODATA values as scipy has them (the formulas, not the constants, are under test)
KB, MU0, HBAR, E, ME = (
    mp.mpf(x) for x in (codata.k, codata.mu_0, codata.hbar, codata.e, codata.m_e)
)
GAP = mp.pi * mp.exp(-mp.euler)
LAMS = [0.3, 0.44, 0.72, 1.0, 1.55, 2.5]


def _mp_mcmillan(lam, theta, mu):
    lam, theta, mu = mp.mpf(lam), mp.mpf(theta), mp.mpf(mu)
    d = lam - mu * (1 + mp.mpf("0.62") * lam)
    return theta / mp.mpf("1.45") * mp.exp(-mp.mpf("1.04") * (1 + lam) / d) if d > 0 else 0


def _mp_allen_dynes(lam, wlog, mu, w2=None):
    lam, wlog, mu = mp.mpf(lam), mp.mpf(wlog), mp.mpf(mu)
    d = lam - mu * (1 + mp.mpf("0.62") * lam)
    if d <= 0:
        return mp.mpf(0)
    tc = wlog / mp.mpf("1.2") * mp.exp(-mp.mpf("1.04") * (1 + lam) / d)
    if w2 is None:
        return tc
    r = mp.mpf(w2) / wlog
    l1 = mp.mpf("2.46") * (1 + mp.mpf("3.8") * mu)
    l2 = mp.mpf("1.82") * (1 + mp.mpf("6.3") * mu) * r
    f1 = mp.cbrt(1 + (lam / l1) ** mp.mpf("1.5"))
    f2 = 1 + (r - 1) * lam**2 / (lam**2 + l2**2)
    return tc * f1 * f2


# --------------------------------------------------------------------------- T_c formulas
@pytest.mark.parametrize("mu", [0.0, 0.10, 0.13])
@pytest.mark.parametrize("lam", LAMS)
def test_mcmillan_against_mpmath(lam, mu):
    assert sc.mcmillan_tc(lam, 275.0, mu) == pytest.approx(float(_mp_mcmillan(lam, 275, mu)), 1e-13)


@pytest.mark.parametrize("w2", [None, 56.0, 70.0, 120.0])
@pytest.mark.parametrize("lam", LAMS)
def test_allen_dynes_against_mpmath(lam, w2):
    want = float(_mp_allen_dynes(lam, 56, 0.12, w2))
    assert sc.allen_dynes_tc(lam, 56.0, 0.12, omega_2=w2) == pytest.approx(want, rel=1e-13)


def test_pairing_threshold_gives_zero():
    mu = 0.13
    lam_c = mu / (1 - 0.62 * mu)  # λ = μ*(1 + 0.62λ)
    assert sc.mcmillan_tc(lam_c, 300.0, mu) == 0.0
    assert sc.mcmillan_tc(lam_c * (1 - 1e-9), 300.0, mu) == 0.0
    assert sc.allen_dynes_tc(lam_c, 300.0, mu, omega_2=400.0) == 0.0
    above = sc.mcmillan_tc(lam_c + np.array([0.1, 0.03, 0.01]), 300.0, mu)
    assert np.all(above > 0) and np.all(np.diff(above) < 0) and above[-1] < 1e-50
    assert sc.mcmillan_tc(lam_c + 1e-4, 300.0, mu) < 1e-300  # T_c -> 0 continuously
    assert sc.mcmillan_tc(0.0, 300.0, 0.0) == 0.0


def test_allen_dynes_corrections_tend_to_one_at_weak_coupling():
    for ratio in (1.0, 1.5, 3.0):
        f1, f2 = sc.allen_dynes_factors(np.array([1e-3, 1e-6]), 0.1, ratio)
        assert np.allclose(f1, 1.0, atol=1e-4) and np.allclose(f2, 1.0, atol=1e-6)
    assert sc.allen_dynes_factors(0.0, 0.1, 2.0) == (1.0, 1.0)
    # f2 = 1 for an Einstein spectrum (ω̄2 = ω_log), whatever λ
    assert sc.allen_dynes_factors(2.0, 0.1, 1.0)[1] == 1.0
    # without ω̄2 the formula is McMillan's with ω_log/1.2 in place of θ_D/1.45
    assert sc.allen_dynes_tc(1.0, 120.0, 0.1) == pytest.approx(sc.mcmillan_tc(1.0, 145.0, 0.1))


def test_pb_reference_values():
    """Pb with λ = 1.55, ω_log = 56 K, μ* = 0.10: hand evaluation of eq. (34) without f2."""
    tc = 56 / 1.2 * math.exp(-1.04 * 2.55 / (1.55 - 0.1 * (1 + 0.62 * 1.55)))
    assert sc.allen_dynes_tc(1.55, 56.0, 0.10) == pytest.approx(tc, rel=1e-14)
    assert tc == pytest.approx(6.58, abs=0.01)


# --------------------------------------------------------------------------- BCS
def test_gap_ratio_is_pi_over_e_gamma():
    assert sc.BCS_GAP_RATIO == pytest.approx(float(GAP), rel=1e-15)
    assert round(sc.BCS_GAP_RATIO, 3) == 1.764
    assert sc.bcs_gap(1.175) == pytest.approx(float(GAP * KB * mp.mpf("1.175")), rel=1e-14)


def test_critical_field_aluminium_hand_value():
    """Al: T_c = 1.175 K, γ = 1.35 mJ/mol/K², V_m = 10.0 cm³/mol → B_c(0) ≈ 10.5 mT."""
    assert sc.bcs_critical_field(1.175, 1.35e-3 / 10.0e-6) == pytest.approx(10.5e-3, rel=0.005)


@pytest.mark.parametrize("tc, gamma_v", [(1.175, 135.0), (7.2, 163.0), (9.25, 719.0)])
def test_critical_field_against_mpmath(tc, gamma_v):
    n0 = 3 * mp.mpf(gamma_v) / (2 * mp.pi**2 * KB**2)  # γ_V = (π²/3) k_B² 2N(0)
    delta = GAP * KB * mp.mpf(tc)
    want = mp.sqrt(2 * MU0 * mp.mpf("0.5") * n0 * delta**2)  # B²/2μ0 = ½ N(0) Δ²
    assert sc.bcs_critical_field(tc, gamma_v) == pytest.approx(float(want), rel=1e-13)
    closed = mp.exp(-mp.euler) * mp.sqrt(mp.mpf(3) / 2 * MU0 * gamma_v) * tc
    assert float(want) == pytest.approx(float(closed), rel=1e-30)


def test_lengths_against_mpmath():
    n, vf, tc = 13.2e28, 1.83e6, 7.196
    lam = mp.sqrt(ME / (MU0 * mp.mpf(n) * E**2))
    xi = HBAR * mp.mpf(vf) / (mp.pi * GAP * KB * mp.mpf(tc))
    assert sc.london_penetration_depth(n) == pytest.approx(float(lam), rel=1e-13)
    assert sc.london_penetration_depth(n, 2 * float(ME)) == pytest.approx(
        float(lam) * math.sqrt(2), rel=1e-13
    )
    assert sc.bcs_coherence_length(vf, tc) == pytest.approx(float(xi), rel=1e-13)
    assert sc.gl_kappa(float(lam), float(xi)) == pytest.approx(float(lam / xi), rel=1e-15)


def test_type_rule():
    border = 1 / math.sqrt(2)
    assert sc.TYPE_BORDER_KAPPA == border
    assert sc.superconductor_type(border * 0.999) == "I"
    assert sc.superconductor_type(border) == "I"
    assert sc.superconductor_type(border * 1.001) == "II"
    assert list(sc.superconductor_type(np.array([0.01, 1.03, 5.0]))) == ["I", "II", "II"]
    s = sc.superconductor_type(pd.Series([0.1, 2.0], index=["Pb", "Nb"]))
    assert s.to_dict() == {"Pb": "I", "Nb": "II"}


# --------------------------------------------------------------------------- pressure
@pytest.mark.parametrize("lam, mu, g, eps", [(0.44, 0.10, 2.17, -1.0), (1.55, 0.13, 2.7, 0.5)])
def test_pressure_slope_against_numeric_derivative(lam, mu, g, eps):
    """Closed form against d/dp of McMillan's T_c with θ ∝ V^-γ, λ ∝ V^(ε+2γ), V = V0 e^(-p/K)."""
    K, theta = mp.mpf("76e9"), mp.mpf(400)

    def tc_of_p(p):
        v = mp.exp(-p / K)  # d ln V/dp = -1/K
        return _mp_mcmillan(lam * v ** (eps + 2 * g), theta * v ** (-g), mu)

    want = mp.diff(tc_of_p, 0)
    tc0 = float(tc_of_p(0))
    got = sc.tc_pressure_slope(tc0, lam, mu, g, float(K), eps)
    assert got == pytest.approx(float(want), rel=1e-10)


def test_pressure_slope_sign_and_threshold():
    assert sc.tc_pressure_slope(1.175, 0.44, 0.10, 2.17, 76e9) < 0
    assert sc.tc_pressure_slope(1.0, 0.05, 0.13, 2.0, 50e9) == 0.0  # no pairing: no shift
    # only the prefactor term survives when λ does not change with volume (ε = -2γ_G)
    assert sc.tc_pressure_slope(2.0, 1.0, 0.1, 1.5, 1e11, -3.0) == pytest.approx(2.0 / 1e11 * 1.5)


# --------------------------------------------------------------------------- shapes, errors
def test_scalar_array_and_series():
    assert isinstance(sc.mcmillan_tc(1.0, 100.0), float)
    arr = sc.mcmillan_tc(np.array([0.5, 1.0]), np.array([[100.0], [200.0]]))
    assert arr.shape == (2, 2)
    s = pd.Series([0.5, 1.0], index=["a", "b"])
    out = sc.allen_dynes_tc(s, 100.0)
    assert isinstance(out, pd.Series) and list(out.index) == ["a", "b"]
    assert out["b"] == sc.allen_dynes_tc(1.0, 100.0)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: sc.mcmillan_tc(-0.1, 100.0), "lam"),
        (lambda: sc.mcmillan_tc(1.0, 0.0), "theta_D"),
        (lambda: sc.mcmillan_tc(1.0, 100.0, 1.2), "mu_star"),
        (lambda: sc.mcmillan_tc(1.0, 100.0, -0.1), "mu_star"),
        (lambda: sc.mcmillan_tc(float("nan"), 100.0), "lam"),
        (lambda: sc.allen_dynes_tc(1.0, -5.0), "omega_log"),
        (lambda: sc.allen_dynes_tc(1.0, 100.0, 0.1, omega_2=80.0), "omega_2"),
        (lambda: sc.allen_dynes_factors(1.0, 0.1, 0.5), "omega_ratio"),
        (lambda: sc.bcs_gap(-1.0), "T_c"),
        (lambda: sc.bcs_critical_field(1.0, 0.0), "gamma_V"),
        (lambda: sc.london_penetration_depth(0.0), "n"),
        (lambda: sc.london_penetration_depth(1e28, -1.0), "m_eff"),
        (lambda: sc.bcs_coherence_length(1e6, 0.0), "T_c"),
        (lambda: sc.gl_kappa(1e-8, 0.0), "coherence_length"),
        (lambda: sc.superconductor_type(-1.0), "kappa"),
        (lambda: sc.tc_pressure_slope(1.0, 0.5, 0.1, 2.0, 0.0), "K"),
        (lambda: sc.mcmillan_tc("x", 100.0), "lam"),
        (lambda: sc.element_comparison(mu_star=1.5), "mu_star"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(InputError, match=rf"^{name} must") as info:
        call()
    assert isinstance(info.value, ValueError)


# --------------------------------------------------------------------------- tables
@pytest.fixture(scope="module")
def tables():
    return {
        "meas": datasets.mainstream_superconductors(),
        "coup": datasets.mainstream_sc_coupling(),
        "norm": datasets.mainstream_sc_normal_state(),
    }


def test_tables_have_citation_license_and_sources(tables):
    for name, t in tables.items():
        assert t.attrs["citation"] and t.attrs["license"], name
        assert t.symbol.is_unique and t["source"].str.len().gt(20).all(), name
        assert t["note"].notna().all(), name


def test_measured_table_units_and_landmarks(tables):
    m = tables["meas"].set_index("symbol")
    assert m.loc["Al", "bc0_mT"] == 10.5 and m.loc["Pb", "bc0_mT"] == pytest.approx(80.3)
    assert m.loc["La", "tc_K"] == 4.88  # the ambient alpha (dhcp) phase, not fcc 6.0 K
    assert set(m.index[m.type == "II"]) == {"Nb", "V", "Tc"}
    sc_rows = m[m.tc_K > 0]
    assert len(sc_rows) >= 15 and m.loc[["Cu", "Ag", "Au", "Na", "K"], "tc_K"].eq(0).all()
    assert sc_rows.bc0_mT.dropna().between(0.05, 300).all()  # mT, not T or G
    assert m.penetration_depth_nm.dropna().between(20, 200).all()  # nm
    # the paper-independent T_c agree with the package's element table (La: the alpha phase)
    es = datasets.element_superconductivity().set_index("symbol").tc_ambient_K
    common = sc_rows.index.intersection(es.dropna().index).drop("La")
    assert np.allclose(sc_rows.loc[common, "tc_K"], es[common], rtol=0.02)


def test_coupling_table_is_not_mcmillans_inversion(tables):
    c = tables["coup"]
    assert set(c.lambda_method) <= {"tunnelling", "first-principles"}
    assert not c.source.str.contains("167, 331").any()  # McMillan 1968 λ are circular
    assert c["lambda"].between(0.05, 2.5).all() and c.omega_log_K.dropna().between(10, 500).all()
    assert c.note.str.contains("not re-read|checked").all()  # each row says what was checked


def test_normal_state_table_units_and_cross_checks(tables):
    from pymatgen.core import Element

    n = tables["norm"].set_index("symbol")
    vm = n.molar_volume_cm3_mol.dropna()
    pm = [float(Element(s).molar_volume) for s in vm.index]
    assert np.allclose(vm, pm, rtol=1e-3)  # cm³/mol, copied from pymatgen-core
    lat = datasets.mainstream_lattice().set_index("symbol").debye_temperature_K
    both = n.theta_D_K.dropna().index.intersection(lat.index)
    assert len(both) >= 15 and np.allclose(n.loc[both, "theta_D_K"], lat[both])
    assert n.gamma_mJ_mol_K2.dropna().between(0.1, 12).all()  # mJ mol⁻¹ K⁻²
    # Ashcroft–Mermin's n and v_F are the same free-electron gas: v_F = ħ(3π²n)^(1/3)/m
    fe = n.dropna(subset=["n_free_1e28_m3", "v_F_1e6_m_s"])
    vf = codata.hbar * (3 * math.pi**2 * fe.n_free_1e28_m3 * 1e28) ** (1 / 3) / codata.m_e
    assert np.allclose(vf / 1e6, fe.v_F_1e6_m_s, rtol=0.006)


# --------------------------------------------------------------------------- evidence
COLUMNS = [
    "symbol", "tc_measured_K", "lambda", "lambda_method", "omega_log_K", "theta_D_K", "mu_star",
    "tc_mainstream_K", "bc0_measured_T", "bc0_bcs_T", "penetration_depth_measured_m",
    "london_depth_m", "coherence_length_m", "kappa", "type_measured", "type_mainstream",
    "source",
]  # fmt: skip


def test_element_comparison_columns_and_rows(tables):
    t = sc.element_comparison()
    assert set(COLUMNS) <= set(t.columns)
    assert list(t.symbol) == list(tables["meas"].symbol) and t.symbol.is_unique
    assert (t.mu_star == sc.MU_STAR).all() and 0.10 <= sc.MU_STAR <= 0.13
    assert not {"verdict", "pass", "fail", "supported", "refuted"} & {c.lower() for c in t.columns}
    with_lam = t[t["lambda"].notna() & (t.tc_measured_K > 0)]
    assert len(with_lam) >= 10 and with_lam.tc_mainstream_K.gt(0).all()
    al = t.set_index("symbol").loc["Al"]
    assert al.bc0_bcs_T == pytest.approx(sc.bcs_critical_field(1.175, 135.0))
    # first-principles λ and ω_log: Al from Cai et al. (2025) Table II, Pb from JARVIS
    assert al.tc_mainstream_K == pytest.approx(sc.allen_dynes_tc(0.44, 320.0, sc.MU_STAR))
    assert al.tc_mcmillan_K == pytest.approx(sc.mcmillan_tc(0.44, 428.0, sc.MU_STAR))
    pb = t.set_index("symbol").loc["Pb"]
    assert pb.tc_mainstream_K == pytest.approx(sc.allen_dynes_tc(1.1006, 63.1, sc.MU_STAR))
    assert bool(pb.lambda_checked) and t.lambda_checked.dtype == bool
    assert pb.kappa == pytest.approx(pb.london_depth_m / pb.coherence_length_m)
    assert t.source.str.contains("measured: ").all()


def test_element_comparison_mu_star_moves_tc_down():
    lo, hi = sc.element_comparison(0.10), sc.element_comparison(0.13)
    ok = lo.tc_mainstream_K.notna() & (lo.tc_mainstream_K > 0)
    assert (hi.tc_mainstream_K[ok] < lo.tc_mainstream_K[ok]).all()
