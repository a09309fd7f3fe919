"""Guideline features of chemical compositions, vectorised over many formulas.

Formulas are parsed once by pymatgen's `pymatgen.core.Composition` into a composition
matrix ``A`` (rows x 118 elements, amounts as written); every feature is then a masked reduction
or a matrix product of ``A`` (or the atomic fractions ``X = A / A.sum(1)``) with a vector of
element properties from [`electron_tunnel.materials`][]. No Python loop runs over rows except
the parse itself.
"""

from __future__ import annotations

import functools
import warnings

import numpy as np
import pandas as pd

from .. import materials, states
from ..chain import critical_attraction

__all__ = [
    "FEATURES",
    "ML_PROPERTIES",
    "composition_key",
    "composition_matrix",
    "element_vectors",
    "featurise",
    "ml_features",
    "pauling_electronegativity",
]

_SENTENCES = {
    "g1": "It is important to avoid elements with excessively high electronegativity, as they "
    "tend to tightly hold onto electrons, hindering the flow of current between molecules.",
    "g2": "Conversely, elements with insufficient electronegativity are unable to establish the "
    "necessary intermolecular attractions needed to develop wider electron tunnels.",
    "g3": "To prevent certain atoms from excessively retaining electrons, it is advantageous to "
    "choose elements with a narrow range of electronegativities.",
    "g4": "The molecular structure of compounds and alloys that incorporate a combination of "
    "large and small atoms gives rise to irregular intermolecular fields and forces, thereby "
    "increasing the likelihood of fostering intermolecular attractions.",
    "g5": "So, it is essential to steer clear of excessively complex, large compound molecules "
    "as they can disrupt the connectivity of electron tunnels, similar to the situation "
    "observed in most insulators.",
    "model": "(the model, not the guidelines) a tunnel forms when the attraction coefficient c "
    "exceeds the critical value for the orbit R_v inside the border R_b; the critical c falls "
    "as R_v / R_b grows.",
    "mean": "Electronegativity plays a crucial role in the selection of elements (the two "
    "sentences that follow pull in opposite directions, so the mean has no favourable side).",
}


def _feature(fid, description, guideline, favourable):
    return {
        "id": fid,
        "description": description,
        "guideline": guideline,
        "sentence": _SENTENCES[guideline],
        "favourable": favourable,
    }


#: Every feature: id, description, the guideline it encodes (``g1``..``g5``; ``model`` for the
#: model's own quantities; ``mean`` for the descriptive mean electronegativity), the paper's
#: sentence, and the favourable direction (``"higher"``, ``"lower"``, or ``None`` = neither).
FEATURES: list[dict] = [
    _feature("n_elements", "number of distinct elements", "g5", "lower"),
    _feature(
        "atoms_per_formula_unit",
        "atoms per formula unit, amounts as written (YBa2Cu3O7: 13)",
        "g5",
        "lower",
    ),
    _feature(
        "en_max",
        "largest Pauling electronegativity among the elements (mendeleev, else pymatgen)",
        "g1",
        "lower",
    ),
    _feature("en_min", "smallest Pauling electronegativity among the elements", "g2", "higher"),
    _feature("en_range", "en_max - en_min (Pauling)", "g3", "lower"),
    _feature("en_mean", "atomic-fraction-weighted mean Pauling electronegativity", "mean", None),
    _feature(
        "radius_ratio",
        "largest / smallest atom size; size = R_b (the border radius) of the radius convention",
        "g4",
        "higher",
    ),
    _feature(
        "radius_spread",
        "size mismatch delta = sqrt(sum_i x_i (1 - r_i / rbar)^2), rbar = sum_i x_i r_i, "
        "r = R_b of the radius convention, x = atomic fractions",
        "g4",
        "higher",
    ),
    _feature(
        "critical_c_mean",
        "atomic-fraction-weighted mean of each element's critical attraction c for a tunnel "
        "(electron_tunnel.critical_attraction(R_v, R_b), full series)",
        "model",
        "lower",
    ),
    _feature(
        "critical_c_max",
        "largest critical attraction c among the elements (the hardest element to connect)",
        "model",
        "lower",
    ),
    _feature("rv_rb_mean", "atomic-fraction-weighted mean of R_v / R_b", "model", "higher"),
]

#: Element properties (columns of :func:`electron_tunnel.materials.elements`) whose
#: fraction-weighted statistics feed the machine-learning baseline.
ML_PROPERTIES = (
    "Z",
    "group",
    "period",
    "covalent_cordero_pm",
    "vdw_pm",
    "empirical_pm",
    "metallic_pm",
    "electronegativity_pauling",
    "density_kg_m3",
    "melting_point_K",
    "boiling_point_K",
    "bulk_modulus_GPa",
    "thermal_expansion_per_K",
    "resistivity_ohm_m",
)


@functools.lru_cache(maxsize=1 << 16)
def _amounts(formula):
    """pymatgen's ``(element, amount)`` pairs of a stripped formula, or its error message
    (memoised: an evaluation reads the same SuperCon formulas more than once)."""
    # deferred on purpose: pymatgen is imported only when a formula is parsed
    from pymatgen.core import Composition

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return tuple(Composition(formula).get_el_amt_dict().items()), ""
    except Exception as exc:  # pymatgen raises ValueError, KeyError, CompositionError
        return None, f"not a chemical formula: {exc}"


def _parse_one(formula, index):
    """``(symbols, amounts, error)`` of one formula; ``error`` is '' when it was read."""
    if not isinstance(formula, str) or not formula.strip():
        return None, None, "empty formula"
    pairs, error = _amounts(formula.strip())
    if error:
        return None, None, error
    amounts = dict(pairs)
    unknown = sorted(s for s in amounts if s not in index)
    if unknown:
        return None, None, f"unknown element symbol(s): {', '.join(unknown)}"
    amounts = {s: a for s, a in amounts.items() if a > 0}
    if not amounts:
        return None, None, "no atoms"
    return list(amounts), list(amounts.values()), ""


def composition_matrix(formulas, symbols):
    """Parse formulas into a dense composition matrix.

    Parameters
    ----------
    formulas : sequence of str
        Chemical formulas, e.g. ``"YBa2Cu3O7"`` or ``"La1.85Sr0.15CuO4"``.
    symbols : sequence of str
        Element symbols giving the matrix columns (e.g. all 118, in Z order).

    Returns
    -------
    A : ndarray, shape (len(formulas), len(symbols))
        Amount of each element as written; rows that could not be read are all zero.
    errors : ndarray of str
        ``""`` where the formula was read, else the reason.
    """
    index = {s: k for k, s in enumerate(symbols)}
    n = len(formulas)
    rows, cols, vals = [], [], []
    errors = np.full(n, "", dtype=object)
    for i, f in enumerate(formulas):  # parsing is per string; everything after is vectorised
        syms, amts, err = _parse_one(f, index)
        if err:
            errors[i] = err
            continue
        rows.extend([i] * len(syms))
        cols.extend(index[s] for s in syms)
        vals.extend(amts)
    A = np.zeros((n, len(symbols)))
    A[np.asarray(rows, int), np.asarray(cols, int)] = np.asarray(vals, float)
    return A, errors.astype(str)


def composition_key(A, symbols, digits=4):
    """A string per row identifying the reduced composition (atomic fractions, rounded).

    ``YBa2Cu3O7`` and ``Y2Ba4Cu6O14`` get the same key; an unread row gets ``""``.

    Parameters
    ----------
    A : ndarray, shape (n, len(symbols))
    symbols : sequence of str
    digits : int
        Decimal places of the atomic fractions in the key.

    Returns
    -------
    ndarray of str
    """
    total = A.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        X = np.round(np.where(total > 0, A / total, 0.0), digits)
    symbols = np.asarray(symbols)
    keys = []
    for row in X:  # string building only; the fractions are computed above
        nz = np.flatnonzero(row)
        keys.append(" ".join(f"{symbols[k]}{row[k]:.{digits}f}" for k in nz))
    return np.asarray(keys, dtype=str)


def element_vectors(convention=None, table=None):
    """Per-element property vectors (118, Z order) used by [`featurise`][].

    Parameters
    ----------
    convention : str, optional
        Radius convention (key of [`electron_tunnel.materials.RADIUS_CONVENTIONS`][]);
        default [`electron_tunnel.materials.PRIMARY_CONVENTION`][].
    table : pandas.DataFrame, optional
        Element table (default [`electron_tunnel.materials.elements`][]).

    Returns
    -------
    dict
        ``symbols``, ``en`` (Pauling), ``size`` (R_b [pm]), ``R_v``, ``R_b`` [m],
        ``critical_c`` (NaN outside ``0 < R_v < 2 R_b``), ``rv_rb`` and ``table``.
    """
    convention = materials.PRIMARY_CONVENTION if convention is None else convention
    if table is None:
        table = materials.elements()
    R_v, R_b, _ = materials.radii(convention, table)
    ok = states.in_domain(R_v, R_b)
    cc = states.on_domain(critical_attraction, R_v, R_b)
    return {
        "symbols": table.symbol.to_numpy(str),
        "en": pauling_electronegativity(table),
        "size": R_b * 1e12,
        "R_v": R_v,
        "R_b": R_b,
        "critical_c": np.where(ok, cc, np.nan),
        "rv_rb": np.where(ok, R_v / np.where(ok, R_b, 1.0), np.nan),
        "table": table,
        "convention": convention,
    }


def pauling_electronegativity(table=None):
    """Pauling electronegativity per element: mendeleev's, else pymatgen's ``Element.X``.

    mendeleev (``materials``' source) has no Pauling value for Eu, Tb, Yb, Pm, Am, Cm and a few
    others that pymatgen does list (e.g. Eu 1.2, Yb 1.1); without the fallback about 700
    SuperCon rows (Eu, Yb, Tb compounds) would have no electronegativity features.

    Parameters
    ----------
    table : pandas.DataFrame, optional
        Element table (default [`electron_tunnel.materials.elements`][]).

    Returns
    -------
    ndarray
        NaN where neither library has a value (noble gases He, Ne, Ar; superheavy elements).
    """
    # deferred on purpose: pymatgen is imported only when element data are read
    from pymatgen.core.periodic_table import Element

    if table is None:
        table = materials.elements()
    en = table.electronegativity_pauling.to_numpy(float).copy()
    for k in np.flatnonzero(np.isnan(en)):  # a handful of elements
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                en[k] = float(Element(table.symbol.iloc[k]).X)
            except (ValueError, KeyError, TypeError):
                pass
    return en


def _masked(P, v):
    """Values of ``v`` where an element is present, NaN elsewhere; plus 'any present is NaN'."""
    vals = np.where(P, v[None, :], np.nan)
    missing = (P & np.isnan(v)[None, :]).any(axis=1)
    return vals, missing


def _reduce(P, v, how):
    vals, missing = _masked(P, v)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN rows (unread formulas)
        out = how(vals, axis=1)
    out[missing] = np.nan
    return out


def _weighted_mean(X, P, v):
    out = X @ np.nan_to_num(v)
    out[(P & np.isnan(v)[None, :]).any(axis=1)] = np.nan
    return out


def featurise(A, vec):
    """Guideline features of every row of a composition matrix.

    Parameters
    ----------
    A : ndarray, shape (n, 118)
        From `composition_matrix` (columns in ``vec["symbols"]`` order).
    vec : dict
        From `element_vectors`.

    Returns
    -------
    pandas.DataFrame
        One column per entry of [`FEATURES`][] plus ``missing_data`` (which element lacks
        which value; a feature needing it is NaN). Rows with no atoms are all NaN.
    """
    A = np.asarray(A, float)
    P = A > 0
    total = A.sum(axis=1)
    empty = total <= 0
    with np.errstate(invalid="ignore", divide="ignore"):
        X = A / np.where(empty, 1.0, total)[:, None]
    en, size = vec["en"], vec["size"]
    out = {
        "n_elements": P.sum(axis=1).astype(float),
        "atoms_per_formula_unit": total.copy(),
        "en_max": _reduce(P, en, np.nanmax),
        "en_min": _reduce(P, en, np.nanmin),
    }
    out["en_range"] = out["en_max"] - out["en_min"]
    out["en_mean"] = _weighted_mean(X, P, en)
    rmax, rmin = _reduce(P, size, np.nanmax), _reduce(P, size, np.nanmin)
    out["radius_ratio"] = rmax / rmin
    rbar = _weighted_mean(X, P, size)
    with np.errstate(invalid="ignore", divide="ignore"):
        # sum_i x_i (1 - r_i/rbar)^2 = 1 - 2 (sum x r)/rbar + (sum x r^2)/rbar^2
        second = _weighted_mean(X, P, size**2) / rbar**2
    out["radius_spread"] = np.sqrt(np.clip(second - 1.0, 0.0, None))
    out["critical_c_mean"] = _weighted_mean(X, P, vec["critical_c"])
    out["critical_c_max"] = _reduce(P, vec["critical_c"], np.nanmax)
    out["rv_rb_mean"] = _weighted_mean(X, P, vec["rv_rb"])
    df = pd.DataFrame(out)
    df.loc[empty, :] = np.nan
    df["missing_data"] = _missing_notes(P, vec)
    return df


def _missing_notes(P, vec):
    sym = vec["symbols"]
    checks = (
        ("Pauling electronegativity", np.isnan(vec["en"])),
        ("atom size R_b", np.isnan(vec["size"])),
        ("critical c (needs 0 < R_v < 2 R_b)", np.isnan(vec["critical_c"])),
    )
    notes = np.full(P.shape[0], "", dtype=object)
    for label, bad in checks:
        hit = P[:, bad]
        rows = np.flatnonzero(hit.any(axis=1))
        bad_syms = sym[bad]
        for i in rows:  # only rows with a gap (few) are visited
            s = ", ".join(bad_syms[hit[i]])
            notes[i] = f"{notes[i]}; no {label} for {s}" if notes[i] else f"no {label} for {s}"
    return notes.astype(str)


def ml_features(A, table=None):
    """Fraction-weighted statistics of element properties for the machine-learning baseline.

    For each property in [`ML_PROPERTIES`][]: fraction-weighted mean and standard deviation,
    minimum, maximum and range over the elements present (elements lacking the value are left
    out; NaN if none has it). ``resistivity_ohm_m`` enters as log10.

    Parameters
    ----------
    A : ndarray, shape (n, 118)
    table : pandas.DataFrame, optional
        Element table (default [`electron_tunnel.materials.elements`][]).

    Returns
    -------
    pandas.DataFrame
    """
    if table is None:
        table = materials.elements()
    A = np.asarray(A, float)
    P = A > 0
    out = {}
    for prop in ML_PROPERTIES:
        if prop == "electronegativity_pauling":
            v = pauling_electronegativity(table)
        else:
            v = table[prop].to_numpy(float)
        if prop == "resistivity_ohm_m":
            v = np.log10(v)
        have = P & np.isfinite(v)[None, :]
        w = np.where(have, A, 0.0)
        wsum = w.sum(axis=1)
        vz = np.nan_to_num(v)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = (w @ vz) / wsum
            var = (w @ vz**2) / wsum - mean**2
        vals = np.where(have, v[None, :], np.nan)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            vmax, vmin = np.nanmax(vals, axis=1), np.nanmin(vals, axis=1)
        out[f"{prop}_mean"] = mean
        out[f"{prop}_std"] = np.sqrt(np.clip(var, 0.0, None))
        out[f"{prop}_min"] = vmin
        out[f"{prop}_max"] = vmax
        out[f"{prop}_range"] = vmax - vmin
    return pd.DataFrame(out)
