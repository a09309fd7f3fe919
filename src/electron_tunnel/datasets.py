"""Every data set the package ships, one function each, with its citation and license.

This is the only module that opens files in ``electron_tunnel/data``. Each loader returns a
:class:`pandas.DataFrame` whose ``attrs`` carry

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
['bondi_radii', 'chebyshev_coefficients', 'element_superconductivity']
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
    "element_superconductivity",
    "literature_facts",
    "paper_table1",
    "pressure_superconductors",
    "resistivity_measured",
    "resistivity_pressure",
    "supercon",
    "tc_pressure_slopes",
]

PAPER = "J. Z. Liu, Unified Theory of Low and High-Temperature Superconductivity"
PER_ROW = "per-row sources in the 'source' column"
FACTS = "facts from the cited publications, one citation per row"


def _read_csv(name: str, **attrs: str) -> pd.DataFrame:
    with resources.files("electron_tunnel.data").joinpath(name).open(encoding="utf-8") as fh:
        df = pd.read_csv(fh)
    df.attrs.update(attrs, file=name)
    return df


def paper_table1() -> pd.DataFrame:
    """The paper's Table 1 as printed: radii [pm], resisting distance [1/m], resistivity.

    ``resistivity_uohm_m`` is the paper's "Resistivity (m/MS)" column: metres per megasiemens,
    i.e. micro-ohm metres.
    """
    return _read_csv(
        "paper_table1.csv",
        citation=f"{PAPER}, Table 1",
        license="quoted from the paper under review for comparison",
        description="Table 1 of the paper: R_b, R_v, resisting distance and resistivity",
    )


def literature_facts() -> pd.DataFrame:
    """Single literature values used by the audit (key, value, unit, statement, source)."""
    return _read_csv(
        "literature_facts.csv",
        citation=PER_ROW,
        license=FACTS,
        description="literature facts the audit's verdicts rest on",
    )


def pressure_superconductors() -> pd.DataFrame:
    """Measured T_c of elements and hydrides under pressure, one row per (material, pressure).

    These materials were chosen because they become superconducting, or peak, under pressure:
    on its own this is a sample selected for rising T_c (see :func:`tc_pressure_slopes`).
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


def available() -> list[str]:
    """Names of the loader functions in this module."""
    return [n for n in __all__ if n != "available"]
