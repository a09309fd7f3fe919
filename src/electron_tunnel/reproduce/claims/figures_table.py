"""Claims about the paper's Figures 1-7 and Table 1."""

from __future__ import annotations

import numpy as np

from ... import chain, two_centre
from ...constants import ELEMENTARY_CHARGE
from .. import figures, table1
from .base import PM, Claim, rounded, verdict_from_printed


def figure_claims():
    out = []
    cr = figures.figure7_crossings()
    for c, printed, label in ((1.0, "382", "1"), (1 / 3, "785", "1/3")):
        for series in ("first term", "infinite"):
            row = cr[(cr.series == series) & np.isclose(cr.c, c)]
            value = float(row.crossing_pm.iloc[0])
            out.append(
                Claim(
                    f"fig7-c{label.replace('/', '_')}-{'first' if series == 'first term' else 'series'}",
                    "Figure 7",
                    f"With c = {label} and R_b = 1000 pm the energy level turns positive at {printed} pm.",
                    printed,
                    rounded(value, 8),
                    f"zero of eq (23) ({series}) = conducting_radius(1000 pm, c={label})",
                    verdict_from_printed(printed, value),
                    "The caption says eq (23); its numbers match the first term."
                    if series == "infinite"
                    else "",
                )
            )
    neg = float(
        np.max(-np.asarray(chain.lifting_energy(np.linspace(200, 999, 400) * PM, 1000 * PM, 0.0)))
    )
    out.append(
        Claim(
            "fig7-c0-negative",
            "Figure 7, Figure 5",
            "With c = 0 the energy level stays negative (no electron tunnel).",
            "< 0",
            f"max level {neg / ELEMENTARY_CHARGE:.3g} eV on 200–999 pm",
            "eq (23), full series, c = 0",
            "confirmed" if neg < 0 else "contradicted",
            "",
        )
    )
    df2 = figures.figure2_data()
    sign_change = float(df2.r_pm[np.argmax(df2.lifting_eV.to_numpy() <= 0)])
    R_c = float(two_centre.conducting_radius(figures.FIG_R_B)) / PM
    step = float(df2.r_pm.iloc[1] - df2.r_pm.iloc[0])
    out.append(
        Claim(
            "fig2-zero",
            "Figure 2",
            "At R_b = 1000 pm the lifting energy falls to zero at R_v and is negative beyond "
            "(the electron tunnel).",
            "R_v = R_c",
            f"first grid radius with E ≤ 0: {sign_change:.1f} pm (R_c = {R_c:.2f} pm)",
            f"eq (8) on a {step:g} pm grid",
            "confirmed" if abs(sign_change - R_c) <= step else "contradicted",
            "",
        )
    )
    return out


def table1_claims():
    out = []
    df = table1.table1()
    for row in df.itertuples():
        printed = f"{row.D_paper_per_m:.2E}"
        out.append(
            Claim(
                f"table1-{row.symbol}",
                "Table 1",
                f"{row.symbol}: resisting distance {printed} 1/m from eq (37) with R_b = "
                f"{row.R_b_pm} pm, R_v = {row.R_v_pm} pm, c = 0.1.",
                printed,
                rounded(row.d_per_m, 6),
                "resisting_distance(R_v, R_b, 0.1, terms=0), the paper's own inputs",
                verdict_from_printed(printed, row.d_per_m),
                f"paper / recomputed = {row.ratio_paper_to_d:.3g}; full series D = {row.D_per_m:.3g} 1/m.",
            )
        )
    corr = {r["column"]: r for r in table1.rank_correlations(df)}
    p, d = corr["D_paper_per_m"], corr["d_per_m"]
    strong = d["spearman_rho"] >= 0.7 and d["p_value"] < 0.05
    out.append(
        Claim(
            "table1-correlation",
            "Table 1, text",
            "The results indicate a strong correlation between resistivity and resisting distance, "
            "even with a uniform c = 0.1.",
            f"Spearman ρ = {p['spearman_rho']:.3f} (paper's column, p = {p['p_value']:.3g})",
            rounded(d["spearman_rho"], 4),
            "Spearman rank correlation, n = 9, of the recomputed d (eq 37) with the paper's "
            "resistivity column; 'strong' = ρ ≥ 0.7 with p < 0.05",
            "confirmed" if strong else ("approximate" if d["spearman_rho"] > 0 else "contradicted"),
            f"Recomputed d: ρ = {d['spearman_rho']:.3f}, p = {d['p_value']:.3g}; full series D: "
            f"ρ = {corr['D_per_m']['spearman_rho']:.3f}. The paper's own column gives ρ = "
            f"{p['spearman_rho']:.3f}, but it does not follow from eq (37) and the printed inputs.",
        )
    )
    metals = df[~df.symbol.isin(["Si", "C"])]
    ins = df[df.symbol.isin(["Si", "C"])]
    factor = float(ins.d_per_m.min() / metals.d_per_m.max())
    paper_factor = float(ins.D_paper_per_m.min() / metals.D_paper_per_m.max())
    out.append(
        Claim(
            "table1-nonconductors-higher",
            "Table 1, text",
            "Non-conductive silicon and diamond have much higher resisting distances than metals.",
            f"{paper_factor:.3g}× (paper's column)",
            f"min(Si, C) / max(metals) = {factor:.3g}",
            "recomputed d (eq 37) at the paper's inputs; 'much' = at least 10×",
            "confirmed" if factor >= 10 else ("approximate" if factor > 1 else "contradicted"),
            f"Higher than every metal, but only {factor:.2g}× the largest (Pt)."
            if 1 < factor < 10
            else "",
        )
    )
    return out


def claims():
    """The figure and Table 1 claims, in the paper's order."""
    return figure_claims() + table1_claims()
