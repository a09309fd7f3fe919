"""The literature tables of superconductors: compounds and their type, elements under pressure,
critical-current laws, and the element-table fixes (read with pandas directly, as shipped).
Tables (src/electron_tunnel/data/):
- compound-superconductors.csv  -- compounds/alloys with their measured type (I or II)
- element-pressure-tests.csv    -- elements tested for superconductivity under pressure
- element-pressure-onsets.csv   -- lowest pressure of observed superconductivity
- critical-current-laws.csv     -- fitted J_c(B, T[, eps]) laws documented by UKAEA PROCESS
- element-superconductivity.csv -- fixes: La = alpha (dhcp) 4.88 K, Bi ambient 0.53 mK

The reference values in the J_c tests are the expected numbers of PROCESS's own unit tests
(ukaea/PROCESS tests/unit/models/test_superconductors.py, commit 35e1d3f1), so they check the
typed parameters and the formulas below against an independent implementation.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "electron_tunnel" / "data"

ELEMENTS = set(
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se "
    "Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb "
    "Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am "
    "Cm".split()
)


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


def _bool(col: pd.Series) -> pd.Series:
    s = col.astype(str).str.strip().str.lower()
    assert s.isin({"true", "false"}).all(), sorted(set(s) - {"true", "false"})
    return s.eq("true")


def _sources_ok(df: pd.DataFrame) -> None:
    assert df["source"].notna().all()
    assert df["source"].astype(str).str.len().gt(10).all()


# ------------------------------------------------------------------ compound-superconductors.csv
@pytest.fixture(scope="module")
def comp() -> pd.DataFrame:
    return _read("compound-superconductors.csv")


def test_compound_columns_and_size(comp):
    assert list(comp.columns) == [
        "material",
        "tc_K",
        "type",
        "evidence",
        "list_rule",
        "source",
        "note",
    ]
    assert len(comp) >= 15
    assert not comp["material"].duplicated().any()
    _sources_ok(comp)
    assert comp["evidence"].astype(str).str.len().gt(5).all()
    assert comp["note"].astype(str).str.len().gt(5).all()


def test_compound_types_and_ranges(comp):
    assert set(comp["type"]) <= {"I", "II"}
    tc = pd.to_numeric(comp["tc_K"], errors="raise")
    assert tc.between(0.1, 200).all()  # kelvin, not mK or degC
    # one membership rule for the whole table, fixed without looking at the type
    assert comp["list_rule"].nunique() == 1
    assert "Compound" in comp["list_rule"].iloc[0]


def test_compound_known_cases(comp):
    c = comp.set_index("material")
    for m in ("Nb3Sn", "NbTi", "MgB2", "V3Si"):
        assert c.loc[m, "type"] == "II", m
    assert c.loc["SiC:B", "type"] == "I"  # the rule's source contains a type-I compound
    assert c.loc["Nb3Sn", "tc_K"] == pytest.approx(18.2, abs=0.5)
    assert c.loc["MgB2", "tc_K"] == pytest.approx(39, abs=1)


# ------------------------------------------------------------------ element-pressure-tests.csv
@pytest.fixture(scope="module")
def ept() -> pd.DataFrame:
    return _read("element-pressure-tests.csv")


def test_pressure_tests_columns_keys(ept):
    assert list(ept.columns) == [
        "symbol",
        "tested_under_pressure",
        "superconducts_under_pressure",
        "superconducts_at_ambient",
        "max_pressure_gpa",
        "tc_max_K",
        "pressure_at_tc_max_gpa",
        "source",
        "note",
    ]
    assert not ept["symbol"].duplicated().any()
    assert set(ept["symbol"]) <= ELEMENTS
    assert len(ept) >= 30
    _sources_ok(ept)
    assert _bool(ept["tested_under_pressure"]).all()


def test_pressure_tests_values(ept):
    sc_p = _bool(ept["superconducts_under_pressure"])
    _bool(ept["superconducts_at_ambient"])
    pmax = pd.to_numeric(ept["max_pressure_gpa"])
    tc = pd.to_numeric(ept["tc_max_K"])
    ptc = pd.to_numeric(ept["pressure_at_tc_max_gpa"])
    assert pmax.dropna().between(0.1, 400).all()  # GPa, not kbar
    assert ptc.dropna().between(0, 400).all()
    assert tc.dropna().between(0.1, 40).all()  # elements: below ~40 K
    both = pmax.notna() & ptc.notna()
    assert (ptc[both] <= pmax[both] + 1e-9).all()
    # a T_c is given only where superconductivity was found
    assert tc[~sc_p].isna().all() and ptc[~sc_p].isna().all()
    assert sc_p.sum() >= 25 and (~sc_p).sum() >= 2


def test_pressure_tests_known_points(ept):
    e = ept.set_index("symbol")
    assert e.loc["Sc", "tc_max_K"] == pytest.approx(36)
    assert e.loc["Ca", "tc_max_K"] == pytest.approx(29)
    assert e.loc["B", "pressure_at_tc_max_gpa"] == pytest.approx(250)
    assert str(e.loc["Na", "superconducts_under_pressure"]).lower() == "false"


def test_pressure_tests_agree_with_element_table(ept):
    es = _read("element-superconductivity.csv").set_index("symbol")
    amb = _bool(es["ambient"])
    t = ept.set_index("symbol")
    common = t.index.intersection(es.index)
    assert len(common) >= 15
    for sym in common:
        assert (str(t.loc[sym, "superconducts_at_ambient"]).lower() == "true") == bool(amb[sym]), (
            sym
        )


def test_pressure_tests_include_package_pressure_superconductors(ept):
    ps = _read("pressure-superconductors.csv")
    elements = set(ps.loc[ps["kind"] == "element", "material"])
    assert elements <= set(ept["symbol"]), elements - set(ept["symbol"])


# ------------------------------------------------------------------ element-pressure-onsets.csv
def test_pressure_onsets():
    on = _read("element-pressure-onsets.csv")
    assert list(on.columns) == ["symbol", "onset_pressure_gpa", "source", "note"]
    assert not on["symbol"].duplicated().any()
    _sources_ok(on)
    es = _read("element-superconductivity.csv").set_index("symbol")
    only_p = es.index[~_bool(es["ambient"])]
    assert set(on["symbol"]) <= set(only_p)
    p = pd.to_numeric(on.set_index("symbol")["onset_pressure_gpa"])
    assert p.between(0.1, 300).all()
    rec = pd.to_numeric(es["record_tc_pressure_gpa"])
    for sym in p.index:
        if not math.isnan(rec[sym]):
            assert p[sym] <= rec[sym], sym  # the onset lies below the record-T_c pressure
    assert p["Y"] == pytest.approx(11)


# ------------------------------------------------------------------ element-superconductivity.csv
def test_element_table_fixes():
    es = _read("element-superconductivity.csv")
    assert list(es.columns) == [
        "symbol",
        "tc_ambient_K",
        "ambient",
        "record_tc_pressure_gpa",
        "source",
        "note",
    ]
    assert not es["symbol"].duplicated().any()
    e = es.set_index("symbol")
    amb = _bool(es["ambient"])
    amb.index = es["symbol"]
    assert e.loc["La", "tc_ambient_K"] == pytest.approx(4.88)  # alpha (dhcp), not fcc 6.0 K
    assert bool(amb["La"])
    assert e.loc["Bi", "tc_ambient_K"] == pytest.approx(0.00053)
    assert bool(amb["Bi"])
    assert math.isnan(e.loc["Bi", "record_tc_pressure_gpa"])
    assert "355, 52" in e.loc["Bi", "source"]
    assert e["tc_ambient_K"].idxmin() == "Rh"  # Rh 0.325 mK stays the lowest


# ------------------------------------------------------------------ critical-current-laws.csv
@pytest.fixture(scope="module")
def laws() -> pd.DataFrame:
    return _read("critical-current-laws.csv")


def _par(laws: pd.DataFrame, law: str) -> dict[str, float]:
    sub = laws[laws["law"] == law]
    assert len(sub), law
    return dict(zip(sub["parameter"], sub["value"].astype(float), strict=False))


def test_laws_columns_keys(laws):
    assert list(laws.columns) == ["material", "law", "parameter", "value", "unit", "source", "note"]
    assert not laws.duplicated(["law", "parameter"]).any()
    assert np.isfinite(laws["value"].astype(float)).all()
    assert laws["unit"].notna().all()
    _sources_ok(laws)
    assert {"Nb3Sn", "NbTi", "REBCO"} <= set(laws["material"])
    assert laws.groupby("law")["material"].nunique().eq(1).all()


def _bottura(P, T, B, eps, Bc20, Tc0):
    """ITER-2008 (Bottura & Bordini 2009) scaling as documented by PROCESS; returns J*B/C-form."""
    ca1, ca2, e0a = P["C_a1"], P["C_a2"], P["epsilon_0a"]
    esh = ca2 * e0a / math.sqrt(ca1**2 - ca2**2)
    s = 1 + (
        ca1 * (math.sqrt(esh**2 + e0a**2) - math.sqrt((eps - esh) ** 2 + e0a**2)) - ca2 * eps
    ) / (1 - ca1 * e0a)
    bc20, tc0 = Bc20 * s, Tc0 * s ** P["exp_s_tc"]
    t = T / tc0
    bc2 = bc20 * (1 - t ** P["exp_t_bc2"])
    b = B / bc2
    j = (
        P["C"]
        / B
        * s
        * (1 - t ** P["exp_t_bc2"])
        * (1 - t ** P["exp_t_jc"])
        * b ** P["p"]
        * (1 - b) ** P["q"]
    )
    tc_b = tc0 * (1 - B / bc20) ** (1 / P["exp_t_bc2"])
    return j, bc2, tc_b


def test_iter_nb3sn_against_process_tests(laws):
    P = _par(laws, "bottura_bordini_2009_iter_eutf4")
    area_m2 = math.pi * (0.5 * P["strand_diameter"]) ** 2 * (1 - P["f_Cu"]) / 1e6
    for T, jexp, bexp in [
        (4.75, 692348194.774593, 27.092853296363597),
        (6.251, 495889332.08959526, 24.442648486388464),
    ]:
        j, bc2, tc = _bottura(
            P, T, 13.008974843466492, 0.001601605753441172, P["B_c20max"], P["T_c0max"]
        )
        assert j / area_m2 == pytest.approx(jexp, rel=1e-9)
        assert bc2 == pytest.approx(bexp, rel=1e-9)
        assert tc == pytest.approx(11.338458919718571, rel=1e-9)


def test_wst_nb3sn_against_process_test(laws):
    P = _par(laws, "bottura_bordini_2009_wst")
    j, bc2, tc = _bottura(
        P, 4.75, 27.0, 0.001, 30.0, 25.0
    )  # PROCESS test inputs (B_c20 = 30 T, T_c0 = 25 K)
    assert j * 1e6 == pytest.approx(195513.0673058944, rel=1e-9)
    assert bc2 == pytest.approx(27.329369840368482, rel=1e-9)
    assert tc == pytest.approx(5.170678992915718, rel=1e-9)


def test_lubell_nbti_against_process_tests(laws):
    P = _par(laws, "lubell_1983_old_empirical")
    B = 8.0517923638507547
    br = B / P["B_c20max"]
    tc = P["T_c0max"] * (1 - br) ** P["exp_tc_b"]
    assert tc == pytest.approx(5.9060082696285683, rel=1e-9)
    for T, jexp in [(4.75, 906668274.04561484), (6.0, -73718607.547511846)]:
        assert P["C_0"] * (1 - br) * (1 - T / tc) == pytest.approx(jexp, rel=1e-9)


def test_durham_nbti_against_process_test(laws):
    P = _par(laws, "durham_gl_nbti_2020")
    T, B, eps, bc20, tc0 = 4.75, 7.0, 2.0, 9.5, 13.75  # PROCESS test inputs
    ei = eps - P["epsilon_m"]
    s = 1 + P["c_2"] * ei**2 + P["c_3"] * ei**3 + P["c_4"] * ei**4
    te = tc0 * s ** (1 / P["w"])
    t = T / te
    bc = bc20 * (1 - t ** P["v"]) * s
    b = B / bc
    j = (
        P["A_0"]
        * s ** (P["u"] / P["w"])
        * (te * (1 - t**2)) ** 2
        * bc ** (P["n"] - 3)
        * b ** (P["p"] - 1)
        * (1 - b) ** P["q"]
    )
    assert j == pytest.approx(2551683055.6511745, rel=1e-9)
    # PROCESS's test unpacks gl_nbti() as (jcrit, tcrit, bcrit) although it returns
    # (j, b_critical, t_critical): its "tcrit" 7.277 is the critical field [T] and its
    # "bcrit" 13.66 the critical temperature [K].
    assert bc == pytest.approx(7.277374792835339, rel=1e-9)
    assert te == pytest.approx(13.662161361675887, rel=1e-9)


def test_rebco_croco_against_process_test(laws):
    P = _par(laws, "rebco_2nd_gen_croco")
    T, B = 4.75, 7.0
    birr = P["B_c20max"] * (1 - T / P["T_c0max"]) ** P["alpha"]
    x = B / birr
    j = P["C"] / B * birr ** P["beta"] * x ** P["p"] * (1 - x) ** P["q"]
    assert j == pytest.approx(55870234414.171684, rel=1e-9)


def test_durham_rebco_against_process_test(laws):
    P = _par(laws, "durham_gl_rebco")
    T, B, eps, bc20, tc0 = 4.75, 7.0, 2.0, 30.0, 25.0  # PROCESS test inputs
    ei = eps - P["epsilon_m"]
    s = 1 + P["c_2"] * ei**2 + P["c_3"] * ei**3 + P["c_4"] * ei**4
    te = tc0 * s ** (1 / P["w"])
    t = T / te
    bc = bc20 * (1 - t) ** P["s"] * s
    b = B / bc
    j = (
        P["A_0"]
        * s ** (P["u"] / P["w"])
        * (te * (1 - t**2)) ** 2
        * bc ** (P["n"] - 3)
        * b ** (P["p"] - 1)
        * (1 - b) ** P["q"]
    )
    assert j == pytest.approx(14527.765708690296, rel=1e-9)
    assert bc == pytest.approx(9.439350824747793, rel=1e-9)
    assert te == pytest.approx(24.66989137698065, rel=1e-9)


def test_hazelton_zhai_rebco_against_process_test(laws):
    P = _par(laws, "hazelton_zhai_rebco")
    T, B, bc20, tc0 = 4.75, 7.0, 30.0, 25.0  # PROCESS test inputs
    bc = bc20 * (1 - T / tc0) ** P["a"]
    a_t = P["A_0"] + P["u"] * T**2 + P["v"] * T
    jl = a_t / B * bc ** P["b"] * (B / bc) ** P["p"] * (1 - B / bc) ** P["q"]
    j = jl * P["dx_rebco"] / P["dx_tape_total"]
    assert j == pytest.approx(
        111046017.5, rel=1e-6
    )  # PROCESS's own tolerance (pytest.approx default)
    assert bc == pytest.approx(22.335736687814954, rel=1e-9)
    assert P["T_crit_factor"] * tc0 == pytest.approx(24.999125, rel=1e-12)


def test_laws_fall_with_temperature(laws):
    """Each documented J_c falls as T rises at fixed B (unlike the paper's J_c = C T^4)."""
    P = _par(laws, "bottura_bordini_2009_iter_eutf4")
    js = [
        _bottura(P, T, 12.0, 0.0, P["B_c20max"], P["T_c0max"])[0]
        for T in (2.0, 4.2, 6.0, 8.0, 10.0)
    ]
    assert all(a > b > 0 for a, b in itertools.pairwise(js))
    R = _par(laws, "rebco_2nd_gen_croco")

    def jr(T, B=10.0):
        birr = R["B_c20max"] * (1 - T / R["T_c0max"]) ** R["alpha"]
        return R["C"] / B * birr ** R["beta"] * (B / birr) ** R["p"] * (1 - B / birr) ** R["q"]

    jj = [jr(T) for T in (4.2, 20.0, 40.0, 60.0)]
    assert all(a > b > 0 for a, b in itertools.pairwise(jj))
