"""The literature tables against the paper's claims: residual resistivity, J_c, Hg transition.

``datasets.residual_resistivity``, ``datasets.critical_currents`` and
``datasets.resistive_transition``: schema, units, keys, sources, and spot values quoted from
the cited publications (the publication is named in a comment beside each number).
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from pandas.api import types as ptypes

from electron_tunnel import datasets

SCHEMAS = {
    "residual_resistivity": {
        "symbol": "str",
        "sample": "str",
        "rrr": "float",
        "rho_0_ohm_m": "float",
        "reference_temperature_K": "float",
        "source": "str",
        "note": "str",
    },
    "critical_currents": {
        "material": "str",
        "sample": "str",
        "tc_K": "float",
        "temperature_K": "float",
        "jc_A_m2": "float",
        "geometry": "str",
        "field": "str",
        "source": "str",
        "note": "str",
    },
    "resistive_transition": {
        "key": "str",
        "material": "str",
        "quantity": "str",
        "temperature_K": "float",
        "value": "float",
        "unit": "str",
        "source": "str",
        "note": "str",
    },
}

KEYS = {
    "residual_resistivity": ["symbol", "sample"],
    "critical_currents": ["material", "sample", "temperature_K"],
    "resistive_transition": ["key"],
}

FILES = {
    "residual_resistivity": "residual-resistivity.csv",
    "critical_currents": "critical-current.csv",
    "resistive_transition": "resistive-transition.csv",
}

_KIND = {"str": ptypes.is_string_dtype, "float": ptypes.is_float_dtype}


@pytest.fixture(scope="module")
def tables():
    return {name: getattr(datasets, name)() for name in SCHEMAS}


@pytest.fixture(scope="module")
def rrr(tables):
    return tables["residual_resistivity"]


@pytest.fixture(scope="module")
def jc(tables):
    return tables["critical_currents"]


@pytest.fixture(scope="module")
def hg(tables):
    return tables["resistive_transition"].set_index("key")


# --------------------------------------------------------------------------- all three
@pytest.mark.parametrize("name", list(SCHEMAS))
def test_loader_is_listed_and_described(name, tables):
    assert name in datasets.__all__ and name in datasets.available()
    df = tables[name]
    assert len(df) > 0
    assert df.attrs["file"] == FILES[name]
    for attr in ("citation", "license", "description"):
        assert isinstance(df.attrs[attr], str) and df.attrs[attr].strip(), (name, attr)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_columns_and_dtypes(name, tables):
    df = tables[name]
    assert list(df.columns) == list(SCHEMAS[name])
    for col, kind in SCHEMAS[name].items():
        assert _KIND[kind](df[col]), f"{name}.{col} is {df[col].dtype}, expected {kind}"


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_keys_are_unique_and_present(name, tables):
    df = tables[name]
    key = KEYS[name]
    assert not df[key].isna().any().any(), name
    assert not df.duplicated(key).any(), df[df.duplicated(key, keep=False)][key]


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_every_row_names_its_source_and_has_a_note(name, tables):
    df = tables[name]
    assert df.source.notna().all() and (df.source.str.strip().str.len() > 10).all(), name
    assert df.note.notna().all() and (df.note.str.strip().str.len() > 5).all(), name
    # a publication year in every citation, or a URL for the web-only sources
    year_or_url = df.source.str.contains(r"\(1[89]\d\d\)|\(20\d\d\)|\b(?:19|20)\d\d\b|https?://")
    assert year_or_url.all(), df.source[~year_or_url]


def test_the_paper_under_test_is_not_a_source(tables):
    for name, df in tables.items():
        assert not df.source.str.contains("J. Z. Liu", regex=False).any(), name
        assert not df.source.str.contains("Unified Theory", regex=False).any(), name


# --------------------------------------------------------------------------- residual_resistivity
def test_rrr_units(rrr):
    from pymatgen.core.periodic_table import Element

    assert set(rrr.symbol) <= {e.symbol for e in Element}
    assert (rrr.rrr >= 1).all()  # a ratio rho(273-300 K)/rho(4.2 K) of a metal
    assert (rrr.rrr < 1e6).all()
    rho0 = rrr.rho_0_ohm_m.dropna()
    assert ((rho0 > 0) & (rho0 < 1e-6)).all()  # ohm m, below room-temperature resistivities
    tref = rrr.reference_temperature_K.dropna()
    assert tref.isin([273.0, 293.0, 300.0]).all()


def test_rrr_covers_several_elements_with_a_spread(rrr):
    """At least three elements; the same element varies by more than a factor 10."""
    assert rrr.symbol.nunique() >= 3
    spread = rrr.groupby("symbol").rrr.agg(lambda s: s.max() / s.min())
    for sym in ("Cu", "Ag", "Nb"):
        assert spread[sym] > 10, sym
    assert spread["Nb"] > 100  # film (77) to ultra-high-purity single crystal (>10^4)


def test_rrr_spot_values(rrr):
    r = rrr.set_index(["symbol", "sample"]).rrr
    by = {(s, n): v for (s, n), v in r.items()}

    def one(symbol, fragment):
        exact = [v for (s, n), v in by.items() if s == symbol and n == fragment]
        hits = exact or [v for (s, n), v in by.items() if s == symbol and n.startswith(fragment)]
        assert len(hits) == 1, (symbol, fragment, hits)
        return hits[0]

    # V. Zavjalov, https://slazav.xyz/lt/2020_rrr.htm (2020): Cu tube as drawn,
    # R(300 K) = 10522.2 uOhm, R(4.2 K) = 1442.13 uOhm, RRR 7.30; Ag wire #1 1370.42 / 58.3522
    # uOhm, RRR 23.5; the same Ag wire annealed 18 h at 800 C: 1266.02 / 2.79873 uOhm, RRR 452.4
    assert one("Cu", "tube") == pytest.approx(10522.2 / 1442.13, abs=0.01)
    assert one("Ag", "wire 1 mm") == pytest.approx(1370.42 / 58.3522, abs=0.05)
    assert one("Ag", "same wire, annealed 18 h at 800 C") == pytest.approx(
        1266.02 / 2.79873, abs=0.05
    )
    # M. V. Polikarpova et al. (2024), abstract: fully recrystallized C10100 reaches RRR 1300
    assert one("Cu", "wire, oxygen-free") == 1300
    # Y. Ueda et al., J. Phys. IV France 5, C7-287 (1995): Al single crystals, RRR ~ 50 000
    assert one("Al", "high-purity single crystals") == 50_000
    # Y. H. Kim, R. O. Suzuki and K. Ono (1994): Nb RRR 100 by EB melting, 700 after external
    # gettering; Y. H. Kim et al., J. Alloys Compd. 248, 251 (1997): 780 with Ti gettering
    assert one("Nb", "electron-beam melted") == 100
    assert one("Nb", "electron-beam melted, then external") == 700
    assert one("Nb", "commercial Nb, Ti") == 780
    # W. Singer, A. Ermakov and X. Singer, TTC-Report 2010-02: RRR = 300 for a high-gradient cavity
    assert one("Nb", "SRF cavity sheet") == 300
    # K. K. Schulze, JOM (1981): ultra-high-purity Nb, RRR > 10^4 (a lower bound)
    schulze = rrr[rrr.source.str.contains("Schulze")]
    assert list(schulze.rrr) == [1e4] and schulze.note.str.contains("lower bound").all()


def test_derived_and_unpublished_rows_say_so(rrr):
    derived = rrr[rrr.rrr == 430]
    assert len(derived) == 1 and derived.note.str.contains("derived").all()
    assert 1300 / 3 == pytest.approx(430, rel=0.01)
    zav = rrr[rrr.source.str.contains("Zavjalov")]
    assert len(zav) >= 4 and zav.note.str.contains("unpublished").all()


# --------------------------------------------------------------------------- critical_currents
def test_jc_units(jc):
    assert (jc.jc_A_m2 > 0).all()
    assert jc.jc_A_m2.between(1e8, 1e13).all()  # A/m^2: 10^4 to 10^9 A/cm^2
    assert (jc.temperature_K > 0).all()
    known = jc.dropna(subset=["tc_K"])
    assert (known.temperature_K < known.tc_K).all()  # measured in the superconducting state
    assert jc.tc_K.dropna().between(1, 140).all()
    assert set(jc.geometry) <= {"thin film", "wire", "bulk"}
    field_ok = jc.field.eq("self-field") | jc.field.str.fullmatch(r"\d+(\.\d+)? T")
    assert field_ok.all()


def test_jc_has_film_rows_at_low_reduced_temperature(jc):
    films = jc[(jc.geometry == "thin film") & (jc.field == "self-field")]
    assert films.material.nunique() >= 4
    known = films.dropna(subset=["tc_K"])
    low = known[known.temperature_K / known.tc_K < 0.25]
    assert {"MgB2", "YBa2Cu3O7-d", "BaFe2(As,P)2"} <= set(low.material)
    assert {"Nb", "YBa2Cu3O7-d"} - set(jc.material) == {"Nb"}  # no checked Nb value (see notes)


def test_jc_spot_values(jc):
    j = jc.set_index(["material", "temperature_K"]).jc_A_m2
    # X. H. Zeng et al., Nature Mater. 1, 35 (2002) (arXiv:cond-mat/0203563): MgB2 film,
    # T_c 39 K, J_c(4.2 K) = 1.2e7 A/cm^2 in zero field
    assert j[("MgB2", 4.2)] == pytest.approx(1.2e7 * 1e4)
    # W. N. Kang et al., Science 292, 1521 (2001): ~6e6 A/cm^2 at 5 K and ~3e5 A/cm^2 at 35 K
    assert j[("MgB2", 5.0)] == pytest.approx(6e6 * 1e4)
    assert j[("MgB2", 35.0)] == pytest.approx(3e5 * 1e4)
    # B. Dam et al., Nature 399, 439 (1999): YBCO films, 1e11 to 1e12 A/m^2 at 4.2 K, zero field
    ybco = jc[jc.material == "YBa2Cu3O7-d"]
    assert sorted(ybco.jc_A_m2) == [1e11, 1e12] and (ybco.temperature_K == 4.2).all()
    # K. Iida et al., arXiv:1701.04154: Ba-122:P coated conductor, self-field J_c > 4 MA/cm^2 at
    # 4.2 K, T_c,90 = 28.3 K
    ba = jc[jc.material == "BaFe2(As,P)2"].iloc[0]
    assert ba.jc_A_m2 == pytest.approx(4e6 * 1e4) and ba.tc_K == 28.3
    # R. Flukiger, arXiv:1501.07146: Nb3Sn J_c = 3000 A/mm^2 at 4.2 K and 12 T; T_c = 18.2 K
    nb3sn = jc[jc.material == "Nb3Sn"].iloc[0]
    assert nb3sn.jc_A_m2 == pytest.approx(3000 * 1e6) and nb3sn.field == "12 T"


def test_ybco_tc_matches_supercon():
    """The YBCO T_c (92 K) is that of near-optimal YBa2Cu3O_(6.9x) in the shipped SuperCon table."""
    s = datasets.supercon()
    opt = s[s.name.str.fullmatch(r"Y1Ba2Cu3O6\.9[0-6]\d*")].Tc
    assert len(opt) >= 5
    assert opt[opt > 0].between(84, 93).all() and opt.max() == pytest.approx(92.4)


def test_jc_does_not_scale_as_tc_to_the_fourth(jc):
    """J_c = C T_c^4 with one C: YBCO/MgB2 would be (92/39)^4 ~ 31; the films give 0.8 to 8."""
    j = jc.set_index(["material", "temperature_K"]).jc_A_m2
    mgb2 = j[("MgB2", 4.2)]
    ybco = jc[jc.material == "YBa2Cu3O7-d"].jc_A_m2
    predicted = (92 / 39) ** 4
    assert predicted == pytest.approx(31, abs=0.5)
    measured = ybco / mgb2
    assert (measured < predicted / 3).all()


# --------------------------------------------------------------------------- resistive_transition
def test_transition_units(hg):
    assert set(hg.material) == {"Hg"}
    assert set(hg.unit) <= {"R/R(0 C)", "K"}
    ratios = hg[hg.unit == "R/R(0 C)"]
    assert ((ratios.value > 0) & (ratios.value < 1)).all()
    assert ratios.temperature_K.notna().all()
    tc = hg[hg.quantity == "transition_temperature"]
    assert (tc.unit == "K").all() and tc.value.between(4.1, 4.3).all()
    assert tc.temperature_K.isna().all()
    limits = hg[hg.quantity == "resistance_ratio_upper_limit"]
    assert (limits.temperature_K < tc.value.min()).all()  # the limits are below the transition


def test_transition_spot_values(hg):
    # Kamerlingh Onnes, report to the Solvay council (1911), as quoted at kamerlingh-onnes-prize.ch:
    # "la resistance a 3 degres absolus est plus petite que le 1/1 000 000 de sa valeur a 0 C",
    # and it "reste inferieure a cette limite" down to 2 K
    assert hg.loc["hg_ratio_3K_solvay", "value"] == 1e-6
    assert hg.loc["hg_ratio_2K_solvay", "value"] == 1e-6
    # Comm. Phys. Lab. Leiden 120b (April 1911): "at 3 K it falls to less than 0.0001"
    assert hg.loc["hg_ratio_3K_120b", "value"] == 1e-4
    # Comm. 133a/b, KNAW Proc. 15 II, 1406 (1913): "... through mercury below 4.19 K"
    assert hg.loc["hg_tc_1913", "value"] == 4.19
    # the 26 October 1911 measurement: the drop at 4.2 K
    assert hg.loc["hg_tc_1911", "value"] == 4.2
    # OCR-read value is marked as only partly checked
    assert "PARTLY CHECKED" in hg.loc["hg_ratio_4p3K_120b", "note"]


def test_transition_is_an_abrupt_drop_from_a_finite_residual(hg):
    above = hg.loc["hg_ratio_4p3K_120b", "value"]
    below = hg.loc["hg_ratio_3K_solvay", "value"]
    assert above / below > 1e3  # more than three orders of magnitude within ~1 K


def test_modern_hg_tc_agrees_with_element_table(hg):
    e = datasets.element_superconductivity().set_index("symbol")
    assert hg.loc["hg_tc_modern", "value"] == pytest.approx(e.loc["Hg", "tc_ambient_K"])


def test_quantities_are_snake_case(hg):
    assert all(re.fullmatch(r"[a-z_]+", q) for q in hg.quantity)
    assert np.isfinite(hg.value).all()
