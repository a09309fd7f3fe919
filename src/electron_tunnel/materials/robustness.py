"""Element-level statistics under every radius convention, over measured elements only.

Two choices can decide a verdict about elements without being evidence: which radius plays R_v
and which R_b (the *radius convention*), and which elements are counted. This module fixes both
in advance:

* **measured sample** — an element counts only if bulk samples of it have been made and
  measured: [`UNMEASURED`][] (astatine, francium, and Z >= 100, whose densities and melting
  and boiling points in the libraries are predictions) are excluded;
* **conventions** — every statistic is computed under each of [`CONVENTIONS`][], the paper's
  own first; a verdict is *robust* only if it is the same under all of them.

The statistics are those of the audited claims: the AUC of −(critical attraction) for "has an
ambient T_c" (the paper's "small gap" guideline), the Spearman correlation of the full-series
resisting distance at c = 0.1 with measured resistivity, and the AUCs of density and of "not
gaseous at 3500 K" among the elements that have radii under the convention.
"""

from __future__ import annotations

import numpy as np
from scipy.constants import N_A

from .. import chain, states, stats
from . import table

__all__ = [
    "CONFOUND_RULE",
    "CONVENTIONS",
    "UNMEASURED",
    "UNMEASURED_RULE",
    "by_convention",
    "interatomic_distance",
    "measured_mask",
    "metal_strata",
]

#: Radius conventions every element-level claim is checked under; the paper's own first.
CONVENTIONS = (
    table.PRIMARY_CONVENTION,
    "covalent/vdw",
    "covalent/vdw-else-empirical",
    "covalent/empirical",
    "covalent/metallic",
)
#: Elements never made in weighable amounts (their bulk properties are predictions).
UNMEASURED = ("At", "Fr")
UNMEASURED_RULE = (
    "elements are counted only if their bulk properties are measured: astatine, francium and "
    "every element with Z >= 100 are excluded (no weighable sample has been made; their "
    "densities and melting and boiling points in the libraries are predictions)"
)
#: The obvious confound of every element-level claim, fixed before the outcomes were looked at.
CONFOUND_RULE = (
    "metal vs non-metal (pymatgen-core Element.is_metal; metalloids counted as non-metals, and "
    "the statistics repeated counting them as metals): each element-level association is "
    "computed within the metals (the non-metal stratum has too few superconductors to score), "
    "beside the confound's own association on the same rows"
)
GAS_TEMPERATURE_K = 3500.0
PAPER_C = 0.1


def measured_mask(df):
    """Boolean array: the element's bulk properties are measured (see [`UNMEASURED_RULE`][]).

    Examples
    --------
    >>> import pandas as pd
    >>> measured_mask(pd.DataFrame({"Z": [29, 85, 99, 100], "symbol": ["Cu", "At", "Es", "Fm"]}))
    array([ True, False,  True, False])
    """
    z = df["Z"].to_numpy(int)
    return (z < 100) & ~df["symbol"].isin(UNMEASURED).to_numpy()


def _not_gaseous(df):
    b = df.boiling_point_K.to_numpy(float)
    out = np.full(len(df), np.nan)
    out[np.isfinite(b)] = (b[np.isfinite(b)] > GAS_TEMPERATURE_K).astype(float)
    return out


def interatomic_distance(df):
    """Mean interatomic distance ``(M / (rho N_A))^(1/3)`` [m] from the atomic volume.

    ``M`` is the atomic mass and ``rho`` the density of the element's table: the side of the
    cube that one atom occupies (NaN where the density is unknown).

    Examples
    --------
    >>> import pandas as pd
    >>> cu = pd.DataFrame({"atomic_mass_u": [63.546], "density_kg_m3": [8960.0]})
    >>> round(float(interatomic_distance(cu)[0]) * 1e12, 1)  # pm
    227.5
    """
    mass = df["atomic_mass_u"].to_numpy(float) * 1e-3 / N_A  # kg per atom
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.cbrt(mass / df["density_kg_m3"].to_numpy(float))


def metal_strata(df, *, metalloids_as_metals=False):
    """The confound of element-level claims: ``True`` for metals (pymatgen-core's
    ``Element.is_metal``), ``False`` otherwise; metalloids count as non-metals unless
    ``metalloids_as_metals``."""
    metal = df["is_metal"].to_numpy(bool)
    return metal | df["is_metalloid"].to_numpy(bool) if metalloids_as_metals else metal


def controlled_auc(scores, label, metal, B=stats.DEFAULT_B, seed=stats.DEFAULT_SEED):
    """Each score's AUC for ``label`` within the metals, beside the confound's own AUC.

    Parameters
    ----------
    scores : dict of str to array_like
        Name -> score per element (NaN outside the sample).
    label : array_like of bool
        The class (has an ambient T_c).
    metal : array_like of bool
        The confound's strata ([`metal_strata`][]).
    B, seed : int
        Bootstrap resamples and seed.

    Returns
    -------
    dict
        Name -> ``{"within_metals", "non_metals", "confound"}``: the AUC with CI within the
        metals, the class counts of the non-metal stratum, and the AUC of ``metal`` itself on
        the rows where the score is finite.

    Examples
    --------
    >>> import numpy as np
    >>> metal = np.array([1, 1, 1, 1, 0, 0], bool)
    >>> label = np.array([1, 1, 0, 0, 0, 0], bool)
    >>> out = controlled_auc({"is metal": metal.astype(float)}, label, metal, B=50)
    >>> out["is metal"]["confound"]["auc"], out["is metal"]["within_metals"]["auc"]
    (0.75, 0.5)
    """
    out = {}
    for key, s in scores.items():
        finite = np.isfinite(s)
        out[key] = {
            "within_metals": stats.auc_with_ci(np.where(metal, s, np.nan), label, B=B, seed=seed),
            "non_metals": {
                "n_pos": int((finite & ~metal & label).sum()),
                "n_neg": int((finite & ~metal & ~label).sum()),
            },
            "confound": stats.auc_with_ci(
                np.where(finite, metal.astype(float), np.nan), label, B=B, seed=seed
            ),
        }
    return out


def by_convention(df=None, *, B: int = stats.DEFAULT_B, seed: int = stats.DEFAULT_SEED):
    """The element-level statistics under each radius convention, on the measured sample.

    Parameters
    ----------
    df : pandas.DataFrame, optional
        The element table (default [`electron_tunnel.materials.elements`][]).
    B, seed : int
        Bootstrap resamples and seed of the 95 % CIs.

    Returns
    -------
    dict
        ``{"rule": ..., "conventions": {name: {"gap_auc", "resistivity_spearman",
        "density_auc", "not_gaseous_auc", "distance_auc", "n_elements", "controlled"}},
        "sample_effect": {...}, "density_vs_z": {...}}``; each statistic is a dict with its
        estimate, ``ci95`` and counts (see [`electron_tunnel.stats`][]). ``controlled`` holds,
        for each AUC (and the resistivity correlation), the statistic within the metals (the
        confound: [`metal_strata`][]), within metals and metalloids, and the confound's own
        statistic on the same rows. ``sample_effect`` gives the density AUC with and without
        the measured-sample rule, over all elements.
    """
    if df is None:
        df = table.elements()
    measured = measured_mask(df)
    label = np.isfinite(df.tc_K.to_numpy(float))
    rho = df.resistivity_checked_ohm_m.to_numpy(float)
    density = df.density_kg_m3.to_numpy(float)
    distance = interatomic_distance(df)
    notgas = _not_gaseous(df)
    metal = metal_strata(df)
    metal_or_metalloid = metal_strata(df, metalloids_as_metals=True)
    out = {}

    for name in CONVENTIONS:
        R_v, R_b, _ = table.radii(name, df)
        ok = states.in_domain(R_v, R_b) & measured
        crit = np.full(len(df), np.nan)
        crit[ok] = chain.critical_attraction(R_v[ok], R_b[ok])
        with_rho = ok & np.isfinite(rho)
        D = np.full(len(df), np.nan)
        D[with_rho] = chain.resisting_distance(R_v[with_rho], R_b[with_rho], PAPER_C)
        scores = {
            "gap_auc": np.where(ok, -crit, np.nan),
            "density_auc": np.where(ok, density, np.nan),
            "not_gaseous_auc": np.where(ok, notgas, np.nan),
            "distance_auc": np.where(ok, -distance, np.nan),
        }
        row = {"n_elements": int(ok.sum())}
        row |= {k: stats.auc_with_ci(s, label, B=B, seed=seed) for k, s in scores.items()}
        row["resistivity_spearman"] = stats.spearman_with_ci(
            D[with_rho], rho[with_rho], B=B, seed=seed
        )
        controlled = controlled_auc(scores, label, metal, B, seed)
        with_metalloids = controlled_auc(scores, label, metal_or_metalloid, B, seed)
        for key in scores:
            controlled[key]["within_metals_and_metalloids"] = with_metalloids[key]["within_metals"]
        m = with_rho & metal
        controlled["resistivity_spearman"] = {
            "within_metals": stats.spearman_with_ci(D[m], rho[m], B=B, seed=seed),
            "within_metals_and_metalloids": stats.spearman_with_ci(
                D[with_rho & metal_or_metalloid],
                rho[with_rho & metal_or_metalloid],
                B=B,
                seed=seed,
            ),
            "confound": stats.spearman_with_ci(
                (~metal[with_rho]).astype(float), rho[with_rho], B=B, seed=seed
            ),
        }
        row["controlled"] = controlled
        out[name] = row
    with_density = measured & np.isfinite(density)
    return {
        "rule": UNMEASURED_RULE,
        "confound_rule": CONFOUND_RULE,
        "excluded": sorted(df.symbol[~measured].tolist(), key=lambda s: list(df.symbol).index(s)),
        "conventions": out,
        "sample_effect": {
            "density_auc_measured": stats.auc_with_ci(
                np.where(measured, density, np.nan), label, B=B, seed=seed
            ),
            "density_auc_all": stats.auc_with_ci(density, label, B=B, seed=seed),
            "not_gaseous_auc_measured": stats.auc_with_ci(
                np.where(measured, notgas, np.nan), label, B=B, seed=seed
            ),
            "not_gaseous_auc_all": stats.auc_with_ci(notgas, label, B=B, seed=seed),
        },
        "density_vs_z": {
            "all": stats.spearman_with_ci(
                df.Z.to_numpy(float)[with_density], density[with_density], B=B, seed=seed
            ),
            "within_metals": stats.spearman_with_ci(
                df.Z.to_numpy(float)[with_density & metal],
                density[with_density & metal],
                B=B,
                seed=seed,
            ),
        },
    }
