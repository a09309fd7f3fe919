"""Element-level statistics under every radius convention, over measured elements only.

Two choices can decide a verdict about elements without being evidence: which radius plays R_v
and which R_b (the *radius convention*), and which elements are counted. This module fixes both
in advance:

* **measured sample** — an element counts only if bulk samples of it have been made and
  measured: :data:`UNMEASURED` (astatine, francium, and Z >= 100, whose densities and melting
  and boiling points in the libraries are predictions) are excluded;
* **conventions** — every statistic is computed under each of :data:`CONVENTIONS`, the paper's
  own first; a verdict is *robust* only if it is the same under all of them.

The statistics are those of the audited claims: the AUC of −(critical attraction) for "has an
ambient T_c" (the paper's "small gap" guideline), the Spearman correlation of the full-series
resisting distance at c = 0.1 with measured resistivity, and the AUCs of density and of "not
gaseous at 3500 K" among the elements that have radii under the convention.
"""

from __future__ import annotations

import numpy as np

from .. import chain, states, stats
from . import table

__all__ = [
    "CONVENTIONS",
    "UNMEASURED",
    "UNMEASURED_RULE",
    "by_convention",
    "measured_mask",
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
GAS_TEMPERATURE_K = 3500.0
PAPER_C = 0.1


def measured_mask(df):
    """Boolean array: the element's bulk properties are measured (see :data:`UNMEASURED_RULE`).

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


def by_convention(df=None, *, B: int = stats.DEFAULT_B, seed: int = stats.DEFAULT_SEED):
    """The element-level statistics under each radius convention, on the measured sample.

    Parameters
    ----------
    df : pandas.DataFrame, optional
        The element table (default :func:`electron_tunnel.materials.elements`).
    B, seed : int
        Bootstrap resamples and seed of the 95 % CIs.

    Returns
    -------
    dict
        ``{"rule": ..., "conventions": {name: {"gap_auc", "resistivity_spearman",
        "density_auc", "not_gaseous_auc", "n_elements"}}, "sample_effect": {...}}``; each
        statistic is a dict with its estimate, ``ci95`` and counts (see
        :mod:`electron_tunnel.stats`). ``sample_effect`` gives the density AUC with and without
        the measured-sample rule, over all elements.
    """
    if df is None:
        df = table.elements()
    measured = measured_mask(df)
    label = np.isfinite(df.tc_K.to_numpy(float))
    rho = df.resistivity_ohm_m.to_numpy(float)
    density = df.density_kg_m3.to_numpy(float)
    notgas = _not_gaseous(df)
    out = {}

    for name in CONVENTIONS:
        R_v, R_b, _ = table.radii(name, df)
        ok = states.in_domain(R_v, R_b) & measured
        crit = np.full(len(df), np.nan)
        crit[ok] = chain.critical_attraction(R_v[ok], R_b[ok])
        with_rho = ok & np.isfinite(rho)
        D = chain.resisting_distance(R_v[with_rho], R_b[with_rho], PAPER_C)
        out[name] = {
            "n_elements": int(ok.sum()),
            "gap_auc": stats.auc_with_ci(np.where(ok, -crit, np.nan), label, B=B, seed=seed),
            "resistivity_spearman": stats.spearman_with_ci(D, rho[with_rho], B=B, seed=seed),
            "density_auc": stats.auc_with_ci(np.where(ok, density, np.nan), label, B=B, seed=seed),
            "not_gaseous_auc": stats.auc_with_ci(
                np.where(ok, notgas, np.nan), label, B=B, seed=seed
            ),
        }
    return {
        "rule": UNMEASURED_RULE,
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
    }
