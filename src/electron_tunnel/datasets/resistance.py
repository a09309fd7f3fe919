"""Resistance as measured.

Resistivity of the elements at 293 K, against temperature and pressure, by purity, and the
resistive transition of mercury.

Loaders of [`electron_tunnel.datasets`][] (see there for the columns' conventions)."""

from __future__ import annotations

import pandas as pd

from .files import FACTS, PER_ROW, read_csv

__all__ = [
    "residual_resistivity",
    "resistive_transition",
    "resistivity_measured",
    "resistivity_pressure",
    "resistivity_temperature",
]


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
    return read_csv(
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
    return read_csv(
        "resistivity-pressure.csv",
        citation=PER_ROW,
        license=FACTS,
        description="sign of the pressure coefficient of resistance of the elements",
    )


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
    return read_csv(
        "residual-resistivity.csv",
        citation=PER_ROW,
        license=FACTS,
        description="residual resistivity ratios of one element at different purities",
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
    return read_csv(
        "resistive-transition.csv",
        citation=PER_ROW,
        license=FACTS,
        description="the 1911-1913 resistive transition of mercury, as summary numbers",
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
    df = read_csv(
        "resistivity-temperature.csv",
        citation=PER_ROW,
        license=FACTS,
        description="measured resistivity of pure metals against temperature, 10-300 K and above",
    )
    df["checked"] = df["checked"].astype(str).str.lower().eq("true")
    return df
