"""The electron-phonon coupling table (datasets.mainstream_sc_coupling): schema, units, provenance.

The table feeds the mainstream McMillan / Allen-Dynes T_c. Its lambda must not be McMillan's
1968 Table IV (inverted from T_c, so circular), each row names one method, and the
first-principles group, which covers superconductors and non-superconductors alike, is scored
on its own. Spot values are compared with the sources the rows cite (see the comments).
"""

from __future__ import annotations

import numpy as np
import pytest

from electron_tunnel import datasets

COLUMNS = ["symbol", "lambda", "lambda_method", "omega_log_K", "source", "checked", "note"]
METHODS = {"first-principles", "tunnelling"}
SCORED = "first-principles"  # the single-method group: superconductors and non-superconductors


@pytest.fixture(scope="module")
def coup():
    return datasets.mainstream_sc_coupling()


@pytest.fixture(scope="module")
def superconductors():
    e = datasets.element_superconductivity()
    return set(e.loc[e.ambient, "symbol"])


def _row(coup, symbol, method=SCORED):
    r = coup[(coup.symbol == symbol) & (coup.lambda_method == method)]
    assert len(r) == 1, (symbol, method)
    return r.iloc[0]


# --------------------------------------------------------------------------- schema
def test_columns_and_kinds(coup):
    assert list(coup.columns) == COLUMNS
    assert coup["lambda"].dtype.kind == "f" and coup.omega_log_K.dtype.kind == "f"
    assert coup.checked.dtype == bool  # parsed from true/false, not left as text
    for col in ("symbol", "lambda_method", "source", "note"):
        assert coup[col].notna().all() and coup[col].map(type).eq(str).all(), col


def test_one_row_per_symbol_and_method(coup):
    assert not coup.duplicated(["symbol", "lambda_method"]).any()
    assert set(coup.lambda_method) <= METHODS


def test_symbols_are_elements(coup):
    from pymatgen.core.periodic_table import Element

    assert set(coup.symbol) <= {e.symbol for e in Element}


# --------------------------------------------------------------------------- units and ranges
def test_lambda_is_dimensionless_and_in_range(coup):
    assert coup["lambda"].notna().all()
    assert ((coup["lambda"] > 0) & (coup["lambda"] < 3)).all()


def test_omega_log_is_in_kelvin(coup):
    w = coup.omega_log_K.dropna()
    assert len(w) >= 15
    assert ((w > 10) & (w < 1000)).all()  # kelvin; meV (~5-30) or cm^-1 would fall outside


# --------------------------------------------------------------------------- provenance
def test_every_row_names_its_source_and_what_was_checked(coup):
    assert coup.source.str.strip().str.len().gt(40).all()
    assert coup.note.str.contains("checked|not re-read").all()


def test_no_mcmillan_1968_inversion(coup):
    # W. L. McMillan, Phys. Rev. 167, 331 (1968), Table IV: lambda inverted from T_c (circular)
    assert not coup.source.str.contains("167, 331").any()
    assert not coup.source.str.contains("McMillan", case=False).any()


def test_checked_rows_point_at_a_stored_copy(coup):
    ok = coup[coup.checked]
    assert len(ok) >= 8
    where = ok.source.str.contains(r"https?://|github ", regex=True)
    assert where.all(), ok.loc[~where, "symbol"].tolist()


def test_values_not_found_in_a_stored_source_are_never_marked_checked(coup):
    unfound = coup.source.str.contains("not found in any stored source")
    assert not coup.loc[unfound, "checked"].any()
    # the row's own lambda not re-read (the note says so first) -> not checked
    own = coup.note.str.contains(r"(?:^|; )lambda and omega_log not re-read", regex=True)
    assert not coup.loc[own, "checked"].any()
    assert own.sum() == unfound.sum() >= 1


# --------------------------------------------------------------------------- coverage
def test_single_method_group_covers_superconductors_and_non_superconductors(coup, superconductors):
    group = coup[coup.lambda_method == SCORED]
    sc = set(group.symbol) & superconductors
    assert len(sc) >= 15, sorted(sc)
    non_sc = set(group.symbol) - superconductors
    assert {"Na", "K", "Cu"} <= non_sc
    # weak coupling in the non-superconductors: the mainstream formula then gives T_c ~ 0
    assert group.set_index("symbol").loc[["Na", "K", "Cu"], "lambda"].lt(0.3).all()


def test_strong_and_weak_couplers_are_ordered(coup):
    g = coup[coup.lambda_method == SCORED].set_index("symbol")["lambda"]
    assert g["Pb"] > g["Al"] > g["K"]
    assert g["Nb"] > g["Mo"]


# --------------------------------------------------------------------------- spot values
@pytest.mark.parametrize(
    "symbol, lam, omega_log",
    [
        # X. Cai et al., arXiv:2512.19382v2 (2025), Table II (lambda, omega_log [K]); read in
        # kunyuan/SuperconductivityElectronLiquids.gaia, docs/public/assets/arxiv_source/
        # 2512.19382_src/main.tex lines 894-900
        ("Al", 0.44, 320.0),
        ("Zn", 0.502, 111.0),
        ("Na", 0.2, 127.0),
        ("K", 0.11, 85.0),
        ("Mg", 0.24, 269.0),
        # K. Choudhary and K. Garrity, npj Comput. Mater. 8, 244 (2022) (JARVIS supercon_3d),
        # as copied in jamesconde/superconductor-vae data/processed/dft_superconductors.csv
        ("Nb", 0.7741, 221.5674),  # JVASP-934
        ("Pb", 1.1006, 63.0747),  # JVASP-961
        ("Ta", 0.7572, 164.9922),  # JVASP-1014
        ("V", 0.9587, 260.2104),  # JVASP-14837
    ],
)
def test_spot_values_against_the_cited_tables(coup, symbol, lam, omega_log):
    r = _row(coup, symbol)
    assert r["lambda"] == pytest.approx(lam, abs=5e-4)
    assert r.omega_log_K == pytest.approx(omega_log, abs=0.06)
    assert r.checked


def test_spot_values_from_abstracts(coup):
    # S. P. Rudin et al., Phys. Rev. B 58, 14511 (1998), abstract: lambda = 0.9 +/- 0.1 (In)
    assert _row(coup, "In")["lambda"] == pytest.approx(0.9)
    # "Phonons and superconductivity in fcc and dhcp lanthanum", Phys. Rev. B (2010),
    # abstract: 0.97 (dhcp), 1.06 (fcc); the ambient alpha phase is dhcp
    la = _row(coup, "La")
    assert la["lambda"] == pytest.approx(0.97) and np.isnan(la.omega_log_K)


def test_second_source_agreement_where_recorded(coup):
    # Cai et al. Table II, lambda_prev column (after Kawamura et al., PRB 101, 134511 (2020)):
    # Al 0.402, Zn 0.508, Na 0.181, K 0.132, Mg 0.237 - the simple metals agree within 20%
    prev = {"Al": 0.402, "Zn": 0.508, "Na": 0.181, "K": 0.132, "Mg": 0.237}
    for sym, value in prev.items():
        assert _row(coup, sym)["lambda"] == pytest.approx(value, rel=0.2), sym
        assert str(value) in _row(coup, sym).note, sym
