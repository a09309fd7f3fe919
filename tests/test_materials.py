"""Element data merged from pymatgen-core and mendeleev, radius conventions, compositions."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from electron_tunnel import materials


@pytest.fixture(scope="module")
def df(tmp_path_factory):
    # a fresh cache for this module only: restored afterwards, so later files keep theirs
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ETUNNEL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield materials.elements(refresh=True)


def test_shape_columns_and_units(df):
    assert len(df) == 118 and list(df.columns) == list(materials.COLUMNS)
    assert list(df.Z) == list(range(1, 119))
    for col in df.columns:
        if col.endswith("_pm"):
            vals = df[col].dropna()
            assert ((vals > 20) & (vals < 400)).all(), col  # picometres


def test_spot_values_against_the_libraries(df):
    from mendeleev import element as mendeleev_element
    from pymatgen.core.periodic_table import Element

    t = df.set_index("symbol")
    for sym in ("Cu", "Hg", "Si", "Nb", "Fe"):
        el = Element(sym)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert t.loc[sym, "resistivity_ohm_m"] == pytest.approx(
                float(el.electrical_resistivity)
            )
            assert t.loc[sym, "melting_point_K"] == pytest.approx(float(el.melting_point))
            assert t.loc[sym, "bulk_modulus_GPa"] == pytest.approx(float(el.bulk_modulus))
        m = mendeleev_element(sym)
        assert t.loc[sym, "covalent_cordero_pm"] == pytest.approx(m.covalent_radius_cordero)
        assert t.loc[sym, "vdw_pm"] == pytest.approx(m.vdw_radius)
        assert t.loc[sym, "electronegativity_pauling"] == pytest.approx(m.en_pauling)
    # copper: resistivity 1.678e-8 ohm m in pymatgen (handbook value ~1.68e-8)
    assert t.loc["Cu", "resistivity_ohm_m"] == pytest.approx(1.68e-8, rel=0.01)
    assert t.loc["Nb", "tc_K"] == pytest.approx(9.25)
    assert np.isnan(t.loc["Cu", "tc_K"])


def test_excluded_tc_and_density_fallback(df):
    t = df.set_index("symbol")
    assert np.isnan(t.loc["Gd", "tc_K"])  # pymatgen's 1.083 K, excluded with a reason
    assert "Gd" in materials.EXCLUDED_TC
    assert t.loc["Hg", "density_kg_m3"] == pytest.approx(13533.6, rel=1e-3)  # mendeleev fallback


def test_cache_round_trip(df, tmp_path, monkeypatch):
    monkeypatch.setenv("ETUNNEL_CACHE_DIR", str(tmp_path))
    built = materials.elements(refresh=True)
    assert materials.cache_path().exists()
    cached = materials.elements()
    pd.testing.assert_frame_equal(built, cached, check_dtype=False)
    materials.cache_path().write_text("garbage,\n1,2\n")  # a corrupt cache is rebuilt
    pd.testing.assert_frame_equal(materials.elements(), built, check_dtype=False)


def test_radius_conventions(df):
    R_v, R_b, src = materials.radii("covalent/vdw", df)
    i = int(np.flatnonzero(df.symbol == "Cu")[0])
    assert R_v[i] == pytest.approx(132e-12) and R_b[i] == pytest.approx(196e-12)
    R_v, R_b, src = materials.radii("covalent/vdw-else-empirical", df)
    si = int(np.flatnonzero(df.symbol == "Si")[0])
    assert src[si] == "vdw_bondi_pm" and src[i] == "empirical_pm"
    with pytest.raises(ValueError, match="convention must be one of"):
        materials.radii("nonsense")
    assert materials.PRIMARY_CONVENTION in materials.RADIUS_CONVENTIONS
    # one primary convention, the paper's own, and the default of radii()
    assert materials.PRIMARY_CONVENTION == materials.PAPER_CONVENTION == "paper"
    default, paper = materials.radii(df=df), materials.radii("paper", df)
    for got, want in zip(default, paper, strict=True):
        np.testing.assert_array_equal(got, want)
    assert paper[1][i] == pytest.approx(140e-12) and paper[2][i] == "vdw_bondi_full_pm"  # Cu


def test_element_lookup_errors():
    assert materials.element("Hg").Z == 80
    for bad in ("Xx", "cu", ""):
        with pytest.raises(ValueError, match="symbol must be an element symbol"):
            materials.element(bad)


def test_paper_table1_inputs():
    """materials.paper_dataset() (removed as dead code) returned datasets.paper_table1()."""
    from electron_tunnel import datasets

    t = datasets.paper_table1()
    assert list(t.symbol) == ["Si", "C", "Al", "Ca", "Fe", "Cu", "Pt", "Au", "Hg"]
    assert t.source.str.contains("Table 1").all()


def test_package_layout_and_removed_names():
    from electron_tunnel.materials import evaluation, robustness, table

    for name in materials.__all__:  # the names of materials.table, available on the package
        assert getattr(materials, name) is getattr(table, name), name
    assert callable(evaluation.evaluate) and callable(robustness.by_convention)
    # composition_features was dead code (the screen's features replace it, tests/test_screen.py)
    for name in ("composition_features", "paper_dataset", "DEFAULT_CONVENTION"):
        assert not hasattr(materials, name), name


def test_cold_start_works_offline(tmp_path, monkeypatch):
    """Both libraries ship their data: building the table needs no network."""
    import socket

    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setenv("ETUNNEL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    df = materials.elements(refresh=True)
    assert len(df) == 118 and materials.cache_path().exists()
