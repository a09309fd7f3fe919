"""Superconductors as measured.

T_c of elements and compounds (ambient, under pressure, SuperCon, held out), critical
currents and their laws, and the inputs of the mainstream T_c.

Loaders of [`electron_tunnel.datasets`][] (see there for the columns' conventions)."""

from __future__ import annotations

import pandas as pd

from .files import FACTS, PER_ROW, read_csv

__all__ = [
    "compound_superconductors",
    "critical_current_laws",
    "critical_currents",
    "element_pressure_onsets",
    "element_pressure_tests",
    "element_superconductivity",
    "heldout_superconductors",
    "mainstream_sc_coupling",
    "mainstream_sc_normal_state",
    "mainstream_superconductors",
    "pressure_superconductors",
    "supercon",
    "tc_pressure_slopes",
]


def pressure_superconductors() -> pd.DataFrame:
    """Measured T_c of elements and hydrides under pressure, one row per (material, pressure).

    These materials were chosen because they become superconducting, or peak, under pressure:
    on its own this is a sample selected for rising T_c (see [`tc_pressure_slopes`][]).

    References
    ----------
    One publication per row, in the ``source`` column; among them A. P. Drozdov et al.,
    Nature 525, 73 (2015) (H3S), A. P. Drozdov et al., Nature 569, 528 (2019) and
    M. Somayazulu et al., Phys. Rev. Lett. 122, 027001 (2019) (LaH10), K. Shimizu et al.,
    Nature 419, 597 (2002) (Li) and V. V. Struzhkin et al., Nature 390, 382 (1997) (S).
    """
    return read_csv(
        "pressure-superconductors.csv",
        citation=PER_ROW,
        license=FACTS,
        description="T_c of elements and hydrides at high pressure (selected for rising T_c)",
    )


def tc_pressure_slopes() -> pd.DataFrame:
    """Measured dT_c/dp of both signs (Pb, Al, Cd, Zn, MgB2 fall; Y, Lu, Sc, S rise).

    ``dtc_dp_k_per_gpa`` where the source states a slope, otherwise the chord between
    ``(p_low_gpa, tc_low_k)`` and ``(p_high_gpa, tc_high_k)``.

    References
    ----------
    One per row, in the ``source`` column:

    * T. F. Smith and C. W. Chu, Phys. Rev. 159, 353 (1967) (Pb, Al, Cd, Zn);
    * S. Deemyad et al., Physica C 385, 105 (2003) (MgB2);
    * J. J. Hamlin et al., Physica C 451, 82 (2007) (Y);
    * M. Debessai, J. J. Hamlin and J. S. Schilling, Phys. Rev. B 78, 064519 (2008) (Lu, Sc);
    * V. V. Struzhkin et al., Nature 390, 382 (1997), as quoted by A. P. Durajski et al.,
      arXiv:1105.4947 (S).
    """
    return read_csv(
        "tc-pressure-slopes.csv",
        citation=PER_ROW,
        license=FACTS,
        description="T_c slopes under pressure of both signs, for a fair test of the sign",
    )


def supercon() -> pd.DataFrame:
    """16,414 SuperCon formulas (``name``) with T_c [K] (``Tc``; 0 = reported not superconducting).

    Shown with its attribution wherever results from it appear (CC BY 4.0).

    References
    ----------
    SuperCon database, National Institute for Materials Science (NIMS), Japan, as curated in
    V. Stanev et al., "Machine learning modeling of superconducting critical temperature",
    npj Comput. Mater. 4, 29 (2018), and distributed with the 3DSC data set of T. Sommer et
    al., Sci. Data 10, 816 (2023).
    """
    return read_csv(
        "supercon-stanev2018.csv",
        citation=(
            "SuperCon database (NIMS), as curated by V. Stanev et al., npj Comput. Mater. 4, 29 "
            "(2018), distributed with the 3DSC data set (T. Sommer et al., Sci. Data 10, 816 "
            "(2023))"
        ),
        license="CC BY 4.0",
        description="chemical formulas with T_c; T_c = 0 rows are reported non-superconductors",
    )


def element_superconductivity() -> pd.DataFrame:
    """Which elements superconduct at ambient pressure (``ambient``) and at what T_c [K].

    Elements that superconduct only under pressure (Sc, Y, Ce, ...) have ``ambient`` false and
    ``record_tc_pressure_gpa``, the pressure of their highest T_c (not the onset of
    superconductivity: see [`element_pressure_onsets`][]); Hg and La are the ambient alpha
    phases (4.154 K; dhcp La 4.88 K), and Bi superconducts at ambient pressure below 0.53 mK
    (O. Prakash et al., Science 355, 52 (2017)).

    References
    ----------
    One per row, in the ``source`` column; mainly CRC Handbook of Chemistry and Physics, 97th
    ed. (2016), Sec. 12, "Properties of Superconductors" (after B. W. Roberts, J. Phys. Chem.
    Ref. Data 5, 581 (1976)), and C. Buzea and K. Robbie, Supercond. Sci. Technol. 18, R1
    (2005); single elements from Y. Ying et al., Phys. Rev. Lett. 130, 256002 (2023) (Sc),
    J. J. Hamlin, V. G. Tissen and J. S. Schilling, Physica C 451, 82 (2007) (Y), J. L. Smith
    and R. G. Haire, Science 200, 535 (1978) (Am), J. Tuoriniemi et al., Nature 447, 187 (2007)
    (Li) and Ch. Buchal et al., Phys. Rev. Lett. 50, 64 (1983) (Rh).
    """
    df = read_csv(
        "element-superconductivity.csv",
        citation=PER_ROW,
        license=FACTS,
        description="ambient-pressure superconductivity of the elements, checked against sources",
    )
    df["ambient"] = df["ambient"].astype(str).str.lower().eq("true")
    return df


def element_pressure_onsets() -> pd.DataFrame:
    """The lowest pressure [GPa] at which an element that does not superconduct at ambient
    pressure was seen to superconduct (``onset_pressure_gpa``), where a source gives it.

    Columns: ``symbol``, ``onset_pressure_gpa``, ``source``, ``note``. Only elements whose
    onset could be cited are listed (Y, Ce); the others of
    [`element_superconductivity`][] have only the pressure of their record T_c.

    References
    ----------
    One per row, in ``source``: J. Wittig (1970), as cited in an APS abstract (Y); Zhang et al.,
    Phys. Rev. B 108, 094502 (2023) (Ce).
    """
    return read_csv(
        "element-pressure-onsets.csv",
        citation=PER_ROW,
        license=FACTS,
        description="lowest pressure of observed superconductivity of pressure-only elements",
    )


def element_pressure_tests() -> pd.DataFrame:
    """Elements tested for superconductivity under pressure, and whether they superconducted.

    Columns: ``symbol``, ``tested_under_pressure`` (true), ``superconducts_under_pressure``
    (found superconducting at some pressure above ambient), ``superconducts_at_ambient``,
    ``max_pressure_gpa`` (highest pressure of the cited search, where given), ``tc_max_K`` and
    ``pressure_at_tc_max_gpa``, ``source`` and ``note`` (two negatives, Dy and Xe, are inferred
    from measurements that report no transition; the note says so).

    Built element by element from abstracts (the reviews' periodic tables could not be read
    here), so the sample leans to elements whose superconductivity was reported: a published
    negative is rarer than a published positive.

    References
    ----------
    One per row, in ``source`` (K. Shimizu et al., Nature 419, 597 (2002); M. I. Eremets et
    al., Science 293, 272 (2001); and others); counts for comparison: C. Buzea and K. Robbie,
    Supercond. Sci. Technol. 18, R1 (2005); J. J. Hamlin, Physica C 514, 59 (2015).
    """
    df = read_csv(
        "element-pressure-tests.csv",
        citation=PER_ROW,
        license=FACTS,
        description="elements tested for superconductivity under pressure, with the outcome",
    )
    for col in (
        "tested_under_pressure",
        "superconducts_under_pressure",
        "superconducts_at_ambient",
    ):
        df[col] = df[col].astype(str).str.lower().eq("true")
    return df


def compound_superconductors() -> pd.DataFrame:
    """Well-known compound and alloy superconductors with their measured type (I or II).

    Columns: ``material``, ``tc_K``, ``type``, ``evidence`` (what shows the type: κ, B_c2
    against B_c, a vortex lattice, first-order transition), ``list_rule`` (how membership was
    fixed without looking at the type: every "Compound" of Wikipedia's "List of
    superconductors", entries without a citable type left out), ``source`` and ``note``.

    References
    ----------
    One per row, in ``source`` (e.g. M. Ren et al., J. Phys. Soc. Jpn. 76, 103710 (2007) for
    type-I SiC:B); membership: Wikipedia, "List of superconductors" (as transcribed in a
    third-party script; see ``list_rule``).
    """
    return read_csv(
        "compound-superconductors.csv",
        citation=PER_ROW,
        license=FACTS,
        description="compound and alloy superconductors with their measured type I or II",
    )


def critical_current_laws() -> pd.DataFrame:
    """Parameters of measured J_c(B, T) scaling laws of technical superconductors (long format).

    Columns: ``material``, ``law`` (e.g. ``lubell_1983_old_empirical``,
    ``bottura_bordini_2009_iter_eutf4``), ``parameter``, ``value``, ``unit``, ``source`` and
    ``note`` (where the documentation and the code of the source differ, both are recorded).
    Evaluated by [`electron_tunnel.mainstream.critical_current`][].

    References
    ----------
    UKAEA PROCESS (MIT licence), ``documentation/source/eng-models/superconductors.md`` and
    ``process/models/superconductors.py``, after M. S. Lubell, IEEE Trans. Magn. 19, 754 (1983)
    (Nb-Ti) and L. Bottura and B. Bordini, IEEE Trans. Appl. Supercond. 19, 1521 (2009) (Nb3Sn).
    """
    return read_csv(
        "critical-current-laws.csv",
        citation=PER_ROW,
        license="parameters as published in UKAEA PROCESS (MIT licence) and the cited papers",
        description="parameters of fitted critical-current laws J_c(B, T)",
    )


def critical_currents() -> pd.DataFrame:
    """Measured critical current densities J_c [A/m^2] of several superconductors, with T_c [K].

    Columns: ``material``, ``sample``, ``tc_K`` (empty where the source does not give the
    sample's), ``temperature_K`` (of the measurement, below T_c), ``jc_A_m2``, ``geometry``
    (``thin film`` or ``wire``), ``field`` (``self-field`` for zero applied field, else the
    applied field), ``source`` and ``note`` (bounds and read-off values are marked).

    The film rows at T well below T_c and self-field are comparable with each other; the Nb3Sn
    wire row is in 12 T and is there for scale only. A universal J_c = C T_c^4 (the paper's eq
    (44)) would make the YBCO/MgB2 ratio (92/39)^4 = 31 and the MgB2/Al ratio about 10^6; the
    measured film values differ by far less.

    References
    ----------
    One per row, in the ``source`` column: J. Romijn et al., Phys. Rev. B 26, 3648 (1982) (Al,
    as digitised by E. F. Talantsev and W. P. Crump); X. H. Zeng et al., Nature Mater. 1, 35
    (2002) and W. N. Kang et al., Science 292, 1521 (2001) (MgB2); K. Iida et al.,
    arXiv:1701.04154 (BaFe2(As,P)2); B. Dam et al., Nature 399, 439 (1999) (YBa2Cu3O7-d);
    R. Flukiger, arXiv:1501.07146 (Nb3Sn wire).
    """
    return read_csv(
        "critical-current.csv",
        citation=PER_ROW,
        license=FACTS,
        description="measured critical current densities and T_c of several superconductors",
    )


def mainstream_superconductors() -> pd.DataFrame:
    """Measured superconducting properties of elements: T_c [K], B_c(0) [mT], type, depths [nm].

    Columns: ``symbol``, ``tc_K`` (0 = none observed; La is the ambient alpha phase, 4.88 K),
    ``bc0_mT`` (thermodynamic critical field at 0 K; for the type-II Nb, V, Tc not H_c2),
    ``type`` (``I``/``II``), ``penetration_depth_nm`` (measured lambda(0)),
    ``coherence_length_ref_nm`` and ``london_depth_ref_nm`` (xi_0 and lambda_L *calculated* in
    Kittel's Table 10.5), ``source`` and ``note`` (what was and was not re-read).

    References
    ----------
    One per row, in ``source``: CRC Handbook, Sec. 12, "Properties of Superconductors";
    C. Kittel, *Introduction to Solid State Physics*, 8th ed. (2005), ch. 10, Tables 1 and 5;
    J. M. Lock, Proc. R. Soc. Lond. A 208, 391 (1951) (penetration depths of Sn, Pb, In).
    """
    return read_csv(
        "mainstream-superconductors.csv",
        citation=PER_ROW,
        license=FACTS,
        description="measured T_c, critical fields, types and penetration depths of elements",
    )


def mainstream_sc_coupling() -> pd.DataFrame:
    """Electron-phonon coupling λ of elements, not from McMillan's T_c inversion.

    Columns: ``symbol``, ``lambda``, ``lambda_method`` (``tunnelling``: from the α²F(ω) of
    tunnelling spectra; ``first-principles``: linear-response DFT/DFPT or EPW), ``omega_log_K``
    (where the source gives it), ``source``, ``checked`` (true where the value was read from a
    stored copy of the source and the structure of the calculation was verified; false for
    values transcribed from memory or from a calculation whose crystal structure is only
    inferred) and ``note`` (second values and caveats). McMillan's 1968 λ are left out on
    purpose: they were obtained by inverting his T_c formula, so comparing that formula with
    them is circular. One row per element.

    References
    ----------
    One per row, in ``source``: X. Cai et al., arXiv:2512.19382 (2025), Table II (EPW); K.
    Choudhary and K. Garrity, npj Comput. Mater. 8, 244 (2022) (JARVIS supercon_3d, DFPT);
    the Alexandria superconductor set (T. F. T. Cerqueira, A. Sanna and M. A. L. Marques,
    Adv. Mater. 36, 2307085 (2024), as distributed with JARVIS's alex_supercon); S. P. Rudin et
    al., Phys. Rev. B 58, 14511 (1998) (In); "Phonons and superconductivity in fcc and dhcp
    lanthanum", Phys. Rev. B (2010) (La); P. B. Allen and R. C. Dynes, Phys. Rev. B 12, 905
    (1975), Table I (tunnelling).
    """
    return read_csv(
        "mainstream-sc-coupling.csv",
        citation=PER_ROW,
        license=FACTS,
        description="electron-phonon lambda from tunnelling or first principles, per element",
    )


def mainstream_sc_normal_state() -> pd.DataFrame:
    """Normal-state inputs of the BCS estimates: θ_D [K], Sommerfeld γ, V_m, n, v_F.

    Columns: ``symbol``, ``theta_D_K``, ``gamma_mJ_mol_K2`` (mJ mol^-1 K^-2),
    ``molar_volume_cm3_mol`` (cm^3 mol^-1, room temperature), ``n_free_1e28_m3`` (free-electron
    density, 10^28 m^-3) and ``v_F_1e6_m_s`` (free-electron Fermi velocity, 10^6 m/s), ``source``
    and ``note``.

    References
    ----------
    C. Kittel, *Introduction to Solid State Physics*, 8th ed. (2005), ch. 5, Table 1 (θ_D) and
    ch. 6, Table 3 (γ); N. W. Ashcroft and N. D. Mermin, *Solid State Physics* (1976), Tables 1.1
    (n) and 2.1 (v_F); pymatgen-core's periodic table (molar volume); per-row notes in ``note``.
    """
    return read_csv(
        "mainstream-sc-normal-state.csv",
        citation=PER_ROW,
        license=FACTS,
        description="Debye temperature, Sommerfeld gamma, molar volume, free-electron n and v_F",
    )


def heldout_superconductors() -> pd.DataFrame:
    """Superconductors first reported from 2018 on, and materials of the period found not to be.

    The held-out set of ``etunnel screen --heldout`` ([`electron_tunnel.screen.heldout`][]):
    ``material``, ``formula`` (empty where no definite formula exists), ``status``
    (``superconducting``, ``not_superconducting``, ``refuted``, ``retracted``,
    ``unconfirmed``), ``tc_K`` and ``tc_criterion`` (superconductors), ``pressure_GPa`` of the
    measurement (0 = ambient; empty if not stated), ``form`` (bulk, film, device), ``kind``,
    ``year``, ``doi``, ``source``, ``license`` and ``note`` (what was checked, and where).

    References
    ----------
    One per row, in the ``source`` and ``doi`` columns.
    """
    df = read_csv(
        "heldout-superconductors.csv",
        citation=PER_ROW,
        license=FACTS,
        description="superconductors reported after the SuperCon snapshot, with negatives",
    )
    for col in ("formula", "tc_criterion"):
        df[col] = df[col].fillna("").astype(str)
    return df
