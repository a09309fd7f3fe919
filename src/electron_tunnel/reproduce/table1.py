"""Table 1 of the paper recomputed from its own inputs (R_b, R_v in pm, c = 0.1)."""

from __future__ import annotations

import numpy as np
from scipy.stats import spearmanr

from .. import chain, datasets
from ..units import PM

__all__ = ["PAPER_C", "paper_table1", "rank_correlations", "table1"]

#: The uniform attraction coefficient the paper assumes for Table 1.
PAPER_C = 0.1


def paper_table1():
    """The paper's Table 1 as printed (pandas DataFrame, with its source column).

    ``resistivity_uohm_m`` is the paper's "Resistivity (m/MS)" column: metres per megasiemens,
    i.e. micro-ohm metres.
    """
    return datasets.paper_table1()


def table1(c: float = PAPER_C):
    """Table 1 with the resisting distance recomputed: first term d (eq 37) and series D (eq 24).

    Columns: ``symbol, R_b_pm, R_v_pm, resistivity_paper, resistivity_paper_ohm_m,
    resistivity_measured_ohm_m, resistivity_measured_source, D_paper_per_m, d_per_m, D_per_m,
    ratio_paper_to_d`` (``resistivity_paper`` in the paper's unit, µΩ·m; the measured values
    from [`electron_tunnel.datasets.resistivity_measured`][], one citation per row).
    """
    src = paper_table1()
    R_b = src.R_b_pm.to_numpy(float) * PM
    R_v = src.R_v_pm.to_numpy(float) * PM
    d = np.asarray(chain.resisting_distance(R_v, R_b, c, terms=0))
    D = np.asarray(chain.resisting_distance(R_v, R_b, c))
    out = src[["symbol", "R_b_pm", "R_v_pm"]].copy()
    out["resistivity_paper"] = src.resistivity_uohm_m
    out["resistivity_paper_ohm_m"] = src.resistivity_uohm_m * 1e-6
    measured = datasets.resistivity_measured().set_index("symbol")
    out["resistivity_measured_ohm_m"] = src.symbol.map(measured.resistivity_measured_ohm_m)
    out["resistivity_measured_source"] = src.symbol.map(measured.source)
    out["D_paper_per_m"] = src.D_paper_per_m
    out["d_per_m"] = d
    out["D_per_m"] = D
    out["ratio_paper_to_d"] = src.D_paper_per_m.to_numpy(float) / d
    return out


def rank_correlations(df, against="resistivity_paper"):
    """Spearman rank correlation (and p-value) of each D column with a resistivity column.

    ``against`` is ``"resistivity_paper"`` (the paper's column, default) or
    ``"resistivity_measured_ohm_m"`` (measured values with citations).
    """
    rows = []
    for col, label in (
        ("D_paper_per_m", "paper's Resisting D column"),
        ("d_per_m", "recomputed first term d (eq 37)"),
        ("D_per_m", "recomputed full series D (eq 24)"),
    ):
        res = spearmanr(df[col], df[against])
        rows.append(
            {
                "column": col,
                "label": label,
                "spearman_rho": float(res.statistic),
                "p_value": float(res.pvalue),
                "n": len(df),
            }
        )
    return rows
