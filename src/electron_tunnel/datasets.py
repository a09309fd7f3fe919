"""Every data set the package ships, one function each, with its citation and license.

This is the only module that opens files in ``electron_tunnel/data``. Each loader returns a
`pandas.DataFrame` whose ``attrs`` carry

``citation``
    where the values come from (per-row sources, where a table has them, are in a column);
``license``
    the terms under which the data are shipped;
``description``
    what the table holds and what it is for.

Examples
--------
>>> from electron_tunnel import datasets
>>> t = datasets.paper_table1()
>>> list(t.symbol)
['Si', 'C', 'Al', 'Ca', 'Fe', 'Cu', 'Pt', 'Au', 'Hg']
>>> t.attrs["license"]
'quoted from the paper under review for comparison'
>>> sorted(datasets.available())[:3]
['bondi_radii', 'chebyshev_coefficients', 'critical_currents']
"""

from __future__ import annotations

from importlib import resources

import numpy as np
import pandas as pd

from . import chebyshev_data

__all__ = [
    "available",
    "bondi_radii",
    "chebyshev_coefficients",
    "critical_currents",
    "element_superconductivity",
    "heldout_superconductors",
    "literature_facts",
    "mainstream_lattice",
    "mainstream_sc_coupling",
    "mainstream_sc_normal_state",
    "mainstream_superconductors",
    "paper_claims",
    "paper_table1",
    "pressure_superconductors",
    "residual_resistivity",
    "resistive_transition",
    "resistivity_measured",
    "resistivity_pressure",
    "resistivity_temperature",
    "supercon",
    "tc_pressure_slopes",
]

PAPER = "J. Z. Liu, Unified Theory of Low and High-Temperature Superconductivity"
PER_ROW = "per-row sources in the 'source' column"
FACTS = "facts from the cited publications, one citation per row"


def _read_csv(name: str, dtype=None, **attrs: str) -> pd.DataFrame:
    with resources.files("electron_tunnel.data").joinpath(name).open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=dtype, keep_default_na=dtype is None)
    df.attrs.update(attrs, file=name)
    return df


def paper_table1() -> pd.DataFrame:
    """The paper's Table 1 as printed: radii [pm], resisting distance [1/m], resistivity.

    ``resistivity_uohm_m`` is the paper's "Resistivity (m/MS)" column: metres per megasiemens,
    i.e. micro-ohm metres.

    References
    ----------
    J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
    University (2 June 2019, revised 16 January 2023), Table 1.
    """
    return _read_csv(
        "paper_table1.csv",
        citation=f"{PAPER}, Table 1",
        license="quoted from the paper under review for comparison",
        description="Table 1 of the paper: R_b, R_v, resisting distance and resistivity",
    )


def paper_claims() -> pd.DataFrame:
    """Every claim of the paper that the audit checks, declared once.

    One row per claim: ``id``, ``section`` (where the paper makes it), ``kind``
    (``mathematics``, ``world``, ``quoted`` or ``extension``), ``statement`` (the claim in the
    paper's words or a close paraphrase) and ``paper_value`` (what the paper gives). The audit
    (``electron_tunnel.reproduce.claims``) joins each row with the evidence its check returns.

    References
    ----------
    J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
    University (2 June 2019, revised 16 January 2023).

    Examples
    --------
    >>> t = paper_claims()
    >>> t.set_index("id").loc["eq9-border-ratio", "paper_value"]
    '2.618'
    """
    return _read_csv(
        "paper-claims.csv",
        citation=PAPER,
        license="quoted from the paper under review for comparison",
        description="the paper's checkable claims: id, section, kind, statement, paper value",
        dtype=str,
    )


def literature_facts() -> pd.DataFrame:
    """Single literature values used by the audit (key, value, unit, statement, source).

    References
    ----------
    One per row, in the ``source`` column:

    * B. S. Deaver and W. M. Fairbank, Phys. Rev. Lett. 7, 43 (1961) (flux quantum h/2e);
    * R. Doll and M. Näbauer, Phys. Rev. Lett. 7, 51 (1961) (flux quantum h/2e);
    * M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (McGraw-Hill, 1996), section 4.4
      (temperature dependence of the critical current density);
    * CRC Handbook of Chemistry and Physics, 97th ed. (2016), "Thermal expansion of liquids"
      (mercury).
    """
    return _read_csv(
        "literature_facts.csv",
        citation=PER_ROW,
        license=FACTS,
        description="literature facts the audit's verdicts rest on",
    )


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
    return _read_csv(
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
    return _read_csv(
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
    return _read_csv(
        "supercon-stanev2018.csv",
        citation=(
            "SuperCon database (NIMS), as curated by V. Stanev et al., npj Comput. Mater. 4, 29 "
            "(2018), distributed with the 3DSC data set (T. Sommer et al., Sci. Data 10, 816 "
            "(2023))"
        ),
        license="CC BY 4.0",
        description="chemical formulas with T_c; T_c = 0 rows are reported non-superconductors",
    )


def bondi_radii() -> pd.DataFrame:
    """Bondi's van der Waals radii [pm] (``vdw_radius_bondi_pm``), metals included.

    A. Bondi, J. Phys. Chem. 68, 441 (1964); the radius set of the paper's Table 1 (its Si, C,
    Cu, Au values are Bondi's). mendeleev's Bondi column lacks most metals (Cu, Ag, Au, Pt, ...).

    References
    ----------
    A. Bondi, "van der Waals Volumes and Radii", J. Phys. Chem. 68, 441 (1964),
    doi:10.1021/j100785a001, Tables I and XIV; transcribed from the ``ele`` package
    (``rsdefever/ele``), and for Zn, Cd and Hg from Bondi's Table I as reprinted in the CRC
    Handbook of Chemistry and Physics, "Atomic radii of the elements" (per-row notes in
    ``source``).
    """
    return _read_csv(
        "bondi-radii.csv",
        citation="A. Bondi, J. Phys. Chem. 68, 441 (1964); per-row notes in 'source'",
        license=FACTS,
        description="van der Waals radii of Bondi (1964), including the metals",
    )


def element_superconductivity() -> pd.DataFrame:
    """Which elements superconduct at ambient pressure (``ambient``) and at what T_c [K].

    Elements that superconduct only under pressure (Sc, Y, Ce, ...) have ``ambient`` false and
    the pressure where known; Hg is the ambient alpha phase (4.154 K).

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
    df = _read_csv(
        "element-superconductivity.csv",
        citation=PER_ROW,
        license=FACTS,
        description="ambient-pressure superconductivity of the elements, checked against sources",
    )
    df["ambient"] = df["ambient"].astype(str).str.lower().eq("true")
    return df


def resistivity_measured() -> pd.DataFrame:
    """Measured room-temperature resistivity [ohm m] of the paper's Table 1 materials.

    Intrinsic Si and diamond (not the doped Si and graphite values of the paper's column).

    References
    ----------
    One per row, in the ``source`` column: CRC Handbook of Chemistry and Physics, 97th ed.
    (2016), Sec. 12, "Electrical Resistivity of Pure Metals" (the metals at 293 K); S. M. Sze,
    *Physics of Semiconductor Devices*, 2nd ed. (Wiley, 1981) (intrinsic Si); the table of
    resistivities at 20 C in Wikipedia's "Electrical resistivity and conductivity" (diamond,
    mercury).
    """
    return _read_csv(
        "resistivity-measured.csv",
        citation=PER_ROW,
        license=FACTS,
        description="measured resistivity of the Table 1 materials, one citation per row",
    )


def resistivity_pressure() -> pd.DataFrame:
    """Sign (``measured_sign``: +1 rises, -1 falls) of d ln R / dp of elements at low pressure.

    Mainly P. W. Bridgman's measurements (Proc. Am. Acad. Arts Sci.); the initial coefficient
    ``dlnR_dp_per_GPa`` where the source gives it.

    References
    ----------
    One per row, in the ``source`` column: P. W. Bridgman, Proc. Natl. Acad. Sci. USA 3, 10
    (1917) (summarising Proc. Am. Acad. Arts Sci. 52, 573 (1917)), Proc. Am. Acad. Arts Sci. 56,
    59 (1921), 79, 125 (1951) and 81, 165 (1952); R. A. Stager and H. G. Drickamer, Phys. Rev.
    131, 2524 (1963) (Sr).
    """
    return _read_csv(
        "resistivity-pressure.csv",
        citation=PER_ROW,
        license=FACTS,
        description="sign of the pressure coefficient of resistance of the elements",
    )


def chebyshev_coefficients() -> pd.DataFrame:
    """Chebyshev coefficients ``H0``, ``H1`` of the series remainders (see ``docs/derivations``).

    Generated by ``tools/generate_coefficients.py`` from the digamma/trigamma closed form with
    32-digit mpmath; a test regenerates them.

    References
    ----------
    Computed by this package (no external data); the series is eq (24) of J. Z. Liu, "Unified
    Theory of Low and High-Temperature Superconductivity", Stanford University (2 June 2019,
    revised 16 January 2023).
    """
    h0, h1 = np.asarray(chebyshev_data.H0), np.asarray(chebyshev_data.H1)
    n = max(h0.size, h1.size)
    df = pd.DataFrame(
        {
            "k": np.arange(n),
            "H0": np.pad(h0, (0, n - h0.size), constant_values=0.0),
            "H1": np.pad(h1, (0, n - h1.size), constant_values=0.0),
        }
    )
    df.attrs.update(
        citation="generated by tools/generate_coefficients.py (this package)",
        license="MIT (this package)",
        description="Chebyshev coefficients of the resisting-distance series remainders",
        file="chebyshev_data.py",
    )
    return df


def residual_resistivity() -> pd.DataFrame:
    """Residual resistivity ratios of one element in samples of different purity or treatment.

    Columns: ``symbol``, ``sample`` (purity, form and treatment), ``rrr`` (dimensionless,
    R(``reference_temperature_K``)/R(4.2 K); for Nb the 4.2 K value is the extrapolated normal
    state), ``rho_0_ohm_m`` (residual resistivity [ohm m] where the source states it, else
    empty), ``reference_temperature_K`` (273 or 300 K where the source states it, else empty),
    ``source`` and ``note`` (how the value was read; derived values and bounds are marked).

    The same metal spans orders of magnitude (Cu 7 to 1300, Ag 24 to 450 on one wire, Nb 77 to
    above 10^4): the residual resistivity is set by impurities and defects. A resistivity law
    without an impurity term (the paper's rho = Z D, resistance "due to the Coulombic force, not
    the collisions") predicts one value per element, whatever the purity.

    References
    ----------
    One per row, in the ``source`` column: V. Zavjalov, laboratory notes (2020) (Cu, Ag);
    M. V. Polikarpova et al., Superconductivity: Research and Development No. 3, 32 (2024) (Cu);
    Y. Ueda et al., J. Phys. IV France 5, C7-287 (1995) (Al); Y. H. Kim, R. O. Suzuki and K. Ono
    (1994) and Y. H. Kim et al., J. Alloys Compd. 248, 251 (1997), K. K. Schulze, JOM (1981),
    X. Zhao et al. (2009) and W. Singer et al., TTC-Report 2010-02 (Nb).
    """
    return _read_csv(
        "residual-resistivity.csv",
        citation=PER_ROW,
        license=FACTS,
        description="residual resistivity ratios of one element at different purities",
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
    return _read_csv(
        "critical-current.csv",
        citation=PER_ROW,
        license=FACTS,
        description="measured critical current densities and T_c of several superconductors",
    )


def resistive_transition() -> pd.DataFrame:
    """Kamerlingh Onnes's resistive transition of mercury (1911-1913), as summary numbers.

    Long format: ``key``, ``material``, ``quantity`` (``resistance_ratio``,
    ``resistance_ratio_upper_limit`` or ``transition_temperature``), ``temperature_K`` (where
    the quantity is at a temperature), ``value``, ``unit`` (``R/R(0 C)``: resistance over that
    of solid Hg extrapolated to 0 C; or ``K``), ``source`` and ``note``.

    Just above the transition the resistance is a finite fraction (about 2e-3, read from an OCR
    copy of Comm. 120b) of its 0 C value; below it, at 3 K and down to 2 K, it is under 1e-6 of
    it: an abrupt drop from a finite residual, not a resistivity falling smoothly to zero.

    References
    ----------
    One per row, in the ``source`` column: H. Kamerlingh Onnes, Comm. Phys. Lab. Univ. Leiden
    120b (1911) and 133a/b (KNAW Proceedings 15 II, 1406 (1913)); his report to the first Solvay
    council (1911; Gauthier-Villars, 1912); the CRC Handbook (modern T_c of alpha-Hg).
    """
    return _read_csv(
        "resistive-transition.csv",
        citation=PER_ROW,
        license=FACTS,
        description="the 1911-1913 resistive transition of mercury, as summary numbers",
    )


def available() -> list[str]:
    """Names of the loader functions in this module."""
    return [n for n in __all__ if n != "available"]


def mainstream_lattice() -> pd.DataFrame:
    """Debye temperatures [K] and Grüneisen parameters of the elements, with a source per value.

    Columns: ``symbol``, ``debye_temperature_K`` (Kittel's calorimetric θ_D), ``debye_source``,
    ``gruneisen_gamma`` (empty where it cannot be formed), ``gruneisen_source`` and ``note``
    (what was checked, the inputs of γ, overrides and why).

    γ is the thermodynamic Grüneisen parameter ``3 α K V_m / C_p`` at room temperature, formed
    from pymatgen-core's linear expansion α and bulk modulus K and mendeleev's molar heat
    capacity and density (Mg's α is the CRC value, pymatgen-core's being WebElements' 8.2e-6/K);
    no tabulated γ could be read to check it against, and it inherits the errors of K (Au's).

    References
    ----------
    C. Kittel, *Introduction to Solid State Physics*, 7th ed. (Wiley, 1996), ch. 5, Table 1
    (θ_D); N. W. Ashcroft and N. D. Mermin, *Solid State Physics* (1976), ch. 25 (the relation
    α = γ c_v / (3K) behind the thermodynamic γ); per-value notes in ``note``.
    """
    return _read_csv(
        "mainstream-lattice.csv",
        citation="per-value sources in the 'debye_source' and 'gruneisen_source' columns",
        license=FACTS,
        description="Debye temperatures (Kittel) and thermodynamic Grueneisen parameters",
    )


def resistivity_temperature() -> pd.DataFrame:
    """Measured resistivity ρ(T) [ohm m] of pure metals from 10 K to 300 K (W to 900 K).

    Long format: ``symbol``, ``T_K``, ``rho_ohm_m``, ``source``, ``checked`` (true where the value
    was compared with a second, independent copy of its table; ``note`` says which) and
    ``note``. Low-temperature values refer to samples of the purity the source specifies:
    below about 50 K they are sample-dependent (see [`residual_resistivity`][]).

    References
    ----------
    One per row, in the ``source`` column: CRC Handbook of Chemistry and Physics, Sec. 12,
    "Electrical Resistivity of Pure Metals"; R. A. Matula, J. Phys. Chem. Ref. Data 8, 1147
    (1979) (Cu, Ag, Au, Pd).
    """
    df = _read_csv(
        "resistivity-temperature.csv",
        citation=PER_ROW,
        license=FACTS,
        description="measured resistivity of pure metals against temperature, 10-300 K and above",
    )
    df["checked"] = df["checked"].astype(str).str.lower().eq("true")
    return df


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
    return _read_csv(
        "mainstream-superconductors.csv",
        citation=PER_ROW,
        license=FACTS,
        description="measured T_c, critical fields, types and penetration depths of elements",
    )


def mainstream_sc_coupling() -> pd.DataFrame:
    """Electron-phonon coupling λ of elements, not from McMillan's T_c inversion.

    Columns: ``symbol``, ``lambda``, ``lambda_method`` (``tunnelling``: from the α²F(ω) of
    tunnelling spectra; ``first-principles``: linear-response DFT), ``omega_log_K`` (where the
    source gives it), ``source`` and ``note``. McMillan's 1968 λ are left out on purpose: they
    were obtained by inverting his T_c formula, so comparing that formula with them is circular.

    References
    ----------
    One per row, in ``source``: P. B. Allen and R. C. Dynes, Phys. Rev. B 12, 905 (1975),
    Table I; S. Y. Savrasov and D. Y. Savrasov, Phys. Rev. B 54, 16487 (1996); E. L. Wolf et
    al., Phys. Lett. A (1981) (Ta); "Phonons and superconductivity in fcc and dhcp lanthanum",
    Phys. Rev. B (2010) (La).
    """
    return _read_csv(
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
    return _read_csv(
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
    df = _read_csv(
        "heldout-superconductors.csv",
        citation=PER_ROW,
        license=FACTS,
        description="superconductors reported after the SuperCon snapshot, with negatives",
    )
    for col in ("formula", "tc_criterion"):
        df[col] = df[col].fillna("").astype(str)
    return df
