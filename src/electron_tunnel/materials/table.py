"""Element data from maintained libraries, and the radius conventions (the primary one first).

Sources, read at run time (nothing here is typed by hand):

* **pymatgen-core** (``pymatgen.core.periodic_table.Element``): room-temperature electrical
  resistivity, ambient-pressure superconducting T_c, density of the solid, melting and boiling
  points, bulk modulus, linear thermal-expansion coefficient, Pauling electronegativity, and its
  atomic (empirical), calculated, van der Waals and metallic radii;
* **mendeleev** (``mendeleev.fetch.fetch_table("elements")``, a database shipped inside the
  package, so it works offline): covalent radii (Cordero 2008, Pyykkö 2009), van der Waals radii
  (mendeleev's default, Bondi 1964, Alvarez 2013), the empirical atomic radius (Slater 1964),
  metallic radius, Pauling electronegativity, density, group, period and block.

The merged table is cached as CSV in the user cache directory (``$ETUNNEL_CACHE_DIR`` or
``$XDG_CACHE_HOME/electron-tunnel`` or ``~/.cache/electron-tunnel``), keyed by the versions of
the package and both libraries. Within a process, the table read from an unchanged cache file
is kept and handed out as a copy (the audit looks elements up a few hundred times). A missing
value is NaN; [`EXCLUDED_TC`][] lists library values that are set to NaN, with the reason.

Two curated data sets of this package, with their citations (see [`electron_tunnel.datasets`][]),
are applied on top of the libraries: ambient-pressure superconductivity checked against
the literature (``tc_K``; pressure-only superconductors such as Sc and Y are not ambient; Hg is
the ambient alpha phase) and Bondi's van der Waals radii including the metals
(``vdw_bondi_full_pm``), the radius set of the paper's Table 1.

References
----------
.. [1] A. Bondi, "van der Waals Volumes and Radii", J. Phys. Chem. 68, 441-451 (1964),
   doi:10.1021/j100785a001.
.. [2] B. Cordero et al., "Covalent radii revisited", Dalton Trans. 2832-2838 (2008),
   doi:10.1039/b801115j.
.. [3] P. Pyykkö and M. Atsumi, "Molecular Single-Bond Covalent Radii for Elements 1-118",
   Chem. Eur. J. 15, 186-197 (2009), doi:10.1002/chem.200800987.
.. [4] S. Alvarez, "A cartography of the van der Waals territories", Dalton Trans. 42,
   8617-8636 (2013), doi:10.1039/c3dt50599e.
.. [5] J. C. Slater, "Atomic Radii in Crystals", J. Chem. Phys. 41, 3199 (1964),
   doi:10.1063/1.1725697.
.. [6] S. P. Ong et al., "Python Materials Genomics (pymatgen)", Comput. Mater. Sci. 68,
   314-319 (2013), doi:10.1016/j.commatsci.2012.10.028.
.. [7] Ł. Mentel, mendeleev — a Python package with properties of chemical elements, ions,
   isotopes and methods to manipulate and visualize periodic table (2014-), PyPI "mendeleev".
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import warnings
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd
from pymatgen.core.periodic_table import Element

from .. import __version__, datasets
from ..errors import InputError

__all__ = [
    "COLUMNS",
    "EXCLUDED_TC",
    "PAPER_CONVENTION",
    "PRIMARY_CONVENTION",
    "RADIUS_CONVENTIONS",
    "cache_path",
    "element",
    "elements",
    "radii",
]

#: Column -> description with unit. Radii in pm.
COLUMNS: dict[str, str] = {
    "symbol": "element symbol",
    "Z": "atomic number",
    "name": "element name",
    "group": "group (1-18; NaN for lanthanides/actinides in mendeleev)",
    "period": "period",
    "block": "s, p, d or f",
    "covalent_cordero_pm": "covalent radius, Cordero et al. 2008 (mendeleev) [pm]",
    "covalent_pyykko_pm": "single-bond covalent radius, Pyykkö & Atsumi 2009 (mendeleev) [pm]",
    "vdw_pm": "van der Waals radius, mendeleev default [pm]",
    "vdw_bondi_pm": "van der Waals radius, Bondi 1964 (mendeleev) [pm]",
    "vdw_alvarez_pm": "van der Waals radius, Alvarez 2013 (mendeleev) [pm]",
    "vdw_pymatgen_pm": "van der Waals radius (pymatgen) [pm]",
    "empirical_pm": "empirical atomic radius, Slater 1964 (mendeleev atomic_radius) [pm]",
    "atomic_pymatgen_pm": "atomic radius (pymatgen, empirical) [pm]",
    "atomic_calculated_pm": "calculated atomic radius, Clementi et al. (pymatgen) [pm]",
    "metallic_pm": "metallic radius (mendeleev) [pm]",
    "metallic_pymatgen_pm": "metallic radius (pymatgen) [pm]",
    "resistivity_ohm_m": "electrical resistivity at room temperature (pymatgen) [ohm m]",
    "tc_K": "superconducting T_c at ambient pressure [K], NaN if none known: the checked table "
    "datasets.element_superconductivity() where it lists the element, else pymatgen",
    "density_kg_m3": "density of the solid (pymatgen); where pymatgen has none, mendeleev's "
    "density (g/cm^3 x 1000, e.g. liquid Hg, Br) [kg/m^3]",
    "melting_point_K": "melting point (pymatgen) [K]",
    "boiling_point_K": "boiling point (pymatgen) [K]",
    "bulk_modulus_GPa": "bulk modulus (pymatgen) [GPa]",
    "thermal_expansion_per_K": "linear thermal-expansion coefficient (pymatgen) [1/K]",
    "electronegativity_pauling": "Pauling electronegativity (mendeleev en_pauling) [1]",
    "vdw_bondi_full_pm": "van der Waals radius of Bondi 1964 including the metals [pm]",
    "tc_source": "where tc_K comes from",
    "is_metal": "a metal by pymatgen-core's Element.is_metal (alkali, alkaline-earth, transition, "
    "post-transition, lanthanoid, actinoid); metalloids are not metals",
    "is_metalloid": "a metalloid by pymatgen-core's Element.is_metalloid "
    "(B, Si, Ge, As, Sb, Te, Po)",
    "atomic_mass_u": "standard atomic mass (pymatgen-core) [u]",
    "resistivity_checked_ohm_m": "room-temperature resistivity of bulk, pure (for Si and C "
    "intrinsic) material: datasets.resistivity_measured() where it lists the element, else "
    "resistivity_ohm_m [ohm m]",
}
#: Columns added from this package's curated data sets (not cached with the library data).
CURATED_COLUMNS: dict[str, str] = {
    "vdw_bondi_full_pm": "van der Waals radius of Bondi 1964 including the metals "
    "(datasets.bondi_radii(), else mendeleev's Bondi column) [pm]",
    "tc_source": "where tc_K comes from ('checked table' or 'pymatgen')",
    "is_metal": "pymatgen-core Element.is_metal",
    "is_metalloid": "pymatgen-core Element.is_metalloid",
    "atomic_mass_u": "pymatgen-core Element.atomic_mass",
    "resistivity_checked_ohm_m": "datasets.resistivity_measured(), else resistivity_ohm_m",
}

#: Library T_c values set to NaN, with the reason (symbol -> reason).
EXCLUDED_TC: dict[str, str] = {
    "Gd": "pymatgen's 1.083 K equals Ga's entry and looks like a copying error: gadolinium is a "
    "ferromagnet (Curie point near room temperature) with no known superconductivity at "
    "ambient pressure",
}

#: Which radius plays R_v and which R_b: name -> (R_v column, R_b column or tuple of fallbacks).
RADIUS_CONVENTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "covalent/vdw": ("covalent_cordero_pm", ("vdw_pm",)),
    "covalent/vdw-else-empirical": ("covalent_cordero_pm", ("vdw_bondi_pm", "empirical_pm")),
    "covalent/bondi": ("covalent_cordero_pm", ("vdw_bondi_pm",)),
    "covalent/alvarez": ("covalent_cordero_pm", ("vdw_alvarez_pm",)),
    "pyykko/alvarez": ("covalent_pyykko_pm", ("vdw_alvarez_pm",)),
    "covalent/empirical": ("covalent_cordero_pm", ("empirical_pm",)),
    "covalent/metallic": ("covalent_cordero_pm", ("metallic_pm",)),
    "paper": ("covalent_cordero_pm", ("vdw_bondi_full_pm", "empirical_pm")),
}
#: The paper's own convention (Table 1 caption): covalent R_v; R_b the van der Waals radius of
#: Bondi's set (its Si, C, Cu, Au values are Bondi's), or the empirical radius where there is
#: none (the caption names Ca, Fe and Al).
PAPER_CONVENTION = "paper"
#: The primary convention of the whole package (the audit, the screen, the state diagrams of
#: elements and the explorer open on it): the paper's own. Every other convention of
#: :data:`RADIUS_CONVENTIONS` is a robustness check.
PRIMARY_CONVENTION = PAPER_CONVENTION

_CACHE_FORMAT = 2
#: The curated table of the cache file last read in this process, keyed by that file's path,
#: size and modification time (a rewritten or replaced file is read again).
_LAST_READ: dict = {}


@functools.lru_cache(maxsize=1)
def _versions() -> str:
    return f"{__version__}|{version('pymatgen-core')}|{version('mendeleev')}|{_CACHE_FORMAT}"


def cache_path() -> Path:
    """Where the merged table is cached (depends on package and library versions)."""
    base = os.environ.get("ETUNNEL_CACHE_DIR")
    if base:
        root = Path(base)
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "electron-tunnel"
    key = hashlib.sha256(_versions().encode()).hexdigest()[:12]
    return root / f"elements-{key}.csv"


def _from_pymatgen():
    def value(el, attr):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                v = getattr(el, attr)
            except (AttributeError, ValueError, KeyError):
                return math.nan
        try:
            return float(v)
        except (TypeError, ValueError):
            return math.nan

    rows = []
    for el in Element:
        rows.append(
            {
                "symbol": el.symbol,
                "atomic_pymatgen_pm": 100 * value(el, "atomic_radius"),
                "atomic_calculated_pm": 100 * value(el, "atomic_radius_calculated"),
                "vdw_pymatgen_pm": 100 * value(el, "van_der_waals_radius"),
                "metallic_pymatgen_pm": 100 * value(el, "metallic_radius"),
                "resistivity_ohm_m": value(el, "electrical_resistivity"),
                "tc_K": value(el, "superconduction_temperature"),
                "density_kg_m3": value(el, "density_of_solid"),
                "melting_point_K": value(el, "melting_point"),
                "boiling_point_K": value(el, "boiling_point"),
                "bulk_modulus_GPa": value(el, "bulk_modulus"),
                "thermal_expansion_per_K": value(el, "coefficient_of_linear_thermal_expansion"),
            }
        )
    return pd.DataFrame(rows)


def _from_mendeleev():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # deferred on purpose: mendeleev takes ~4 s to import and is only needed to build the
        # cache of element data, once per library version
        from mendeleev.fetch import fetch_table

        df = fetch_table("elements")
    out = df[["symbol", "atomic_number", "name", "group_id", "period", "block"]].rename(
        columns={"atomic_number": "Z", "group_id": "group"}
    )
    mapping = {
        "covalent_cordero_pm": "covalent_radius_cordero",
        "covalent_pyykko_pm": "covalent_radius_pyykko",
        "vdw_pm": "vdw_radius",
        "vdw_bondi_pm": "vdw_radius_bondi",
        "vdw_alvarez_pm": "vdw_radius_alvarez",
        "empirical_pm": "atomic_radius",
        "metallic_pm": "metallic_radius",
        "electronegativity_pauling": "en_pauling",
    }
    for new, old in mapping.items():
        out[new] = df[old].astype(float)
    out["_density_mendeleev_kg_m3"] = df["density"].astype(float) * 1000.0
    return out


def _build():
    men = _from_mendeleev()
    pmg = _from_pymatgen()
    df = men.merge(pmg, on="symbol", how="left", validate="one_to_one")
    for sym in EXCLUDED_TC:
        df.loc[df.symbol == sym, "tc_K"] = np.nan
    df["density_kg_m3"] = df["density_kg_m3"].fillna(df["_density_mendeleev_kg_m3"])
    df["Z"] = df["Z"].astype(int)
    df["group"] = df["group"].astype(float)
    df["period"] = df["period"].astype(int)
    return df[_LIBRARY_COLUMNS].sort_values("Z").reset_index(drop=True)


_LIBRARY_COLUMNS = [c for c in COLUMNS if c not in CURATED_COLUMNS]


def _curate(df):
    """Apply the package's curated data sets (superconductivity, Bondi radii) to the table."""
    out = df.copy()
    bondi = datasets.bondi_radii().set_index("symbol").vdw_radius_bondi_pm
    out["vdw_bondi_full_pm"] = out.symbol.map(bondi).astype(float).fillna(out.vdw_bondi_pm)
    checked = datasets.element_superconductivity().set_index("symbol")
    listed = out.symbol.isin(checked.index)
    ambient = out.symbol.map(checked.ambient).fillna(False).astype(bool)
    tc = out.symbol.map(checked.tc_ambient_K).astype(float)
    out["tc_K"] = np.where(listed, np.where(ambient, tc, np.nan), out.tc_K)
    out["tc_source"] = np.where(listed, "checked table", "pymatgen")
    for sym in EXCLUDED_TC:
        out.loc[out.symbol == sym, "tc_K"] = np.nan
    elements = [Element(s) for s in out.symbol]
    out["is_metal"] = [bool(e.is_metal) for e in elements]
    out["is_metalloid"] = [bool(e.is_metalloid) for e in elements]
    out["atomic_mass_u"] = [float(e.atomic_mass) for e in elements]
    measured = datasets.resistivity_measured().set_index("symbol").resistivity_measured_ohm_m
    out["resistivity_checked_ohm_m"] = (
        out.symbol.map(measured).astype(float).fillna(out.resistivity_ohm_m)
    )
    return out[list(COLUMNS)]


def elements(*, refresh: bool = False):
    """One row per element (118) with the columns of [`COLUMNS`][] (units in the names).

    Parameters
    ----------
    refresh : bool
        Rebuild from the libraries even if a cached table exists.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> df = elements()
    >>> cu = df.set_index("symbol").loc["Cu"]
    >>> round(float(cu.resistivity_ohm_m) * 1e8, 3), float(cu.covalent_cordero_pm)
    (1.678, 132.0)
    """
    path = cache_path()
    if not refresh and path.exists():
        try:
            st = path.stat()
            stamp = (str(path), st.st_size, st.st_mtime_ns)
            if stamp in _LAST_READ:
                return _LAST_READ[stamp].copy()
            df = pd.read_csv(path, keep_default_na=False, na_values=[""])
            if list(df.columns) == _LIBRARY_COLUMNS and len(df) == 118:
                table = _curate(df)
                _LAST_READ.clear()
                _LAST_READ[stamp] = table
                return table.copy()
        except (OSError, ValueError, pd.errors.ParserError):
            pass  # rebuild below
    _LAST_READ.clear()
    df = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        df.to_csv(tmp, index=False)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache is not an error: the table is rebuilt next time
    return _curate(df)


def element(symbol: str):
    """The row of one element as a pandas Series; ``ValueError`` for an unknown symbol.

    Examples
    --------
    >>> int(element("Hg").Z)
    80
    """
    df = elements()
    match = df[df.symbol == symbol]
    if match.empty:
        raise InputError(f"symbol must be an element symbol such as 'Cu' or 'Hg', got {symbol!r}")
    return match.iloc[0]


def radii(convention: str = PRIMARY_CONVENTION, df=None):
    """``(R_v, R_b, source_of_R_b)`` in metres for every row, under a radius convention.

    Parameters
    ----------
    convention : str
        A key of [`RADIUS_CONVENTIONS`][]. For conventions with fallbacks (e.g.
        ``"covalent/vdw-else-empirical"``) the first available column is used per element.
    df : pandas.DataFrame, optional
        Rows to use (default [`elements`][]).

    Returns
    -------
    R_v, R_b : ndarray
        [m]; NaN where the library has no value.
    R_b_source : ndarray of str
        The column R_b came from ('' where missing).
    """
    if convention not in RADIUS_CONVENTIONS:
        raise InputError(
            f"convention must be one of {', '.join(RADIUS_CONVENTIONS)}; got {convention!r}"
        )
    if df is None:
        df = elements()
    rv_col, rb_cols = RADIUS_CONVENTIONS[convention]
    R_v = df[rv_col].to_numpy(float) * 1e-12
    R_b = np.full(len(df), np.nan)
    source = np.full(len(df), "", dtype=object)
    for col in rb_cols:
        vals = df[col].to_numpy(float) * 1e-12
        take = np.isnan(R_b) & ~np.isnan(vals)
        R_b[take] = vals[take]
        source[take] = col
    return R_v, R_b, source.astype(str)
