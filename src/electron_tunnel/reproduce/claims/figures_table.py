"""Claims about the paper's Figures 1-7 and Table 1."""

from __future__ import annotations

import numpy as np

from ... import chain, states, stats, two_centre
from ...constants import ELEMENTARY_CHARGE
from ...units import PM
from .. import figures, table1
from ..verdicts import statement_verdict
from .base import (
    ASSOCIATION_RULE,
    MAGNITUDE_RULE,
    Comparison,
    Evidence,
    association_verdict,
    magnitude_verdict,
    no_skill,
    rounded,
    verdict_from_printed,
)


def figure_claims():
    out = []
    cr = figures.figure7_crossings()
    for c, printed, label in ((1.0, "382", "1"), (1 / 3, "785", "1/3")):
        for series in ("first term", "infinite"):
            row = cr[(cr.series == series) & np.isclose(cr.c, c)]
            value = float(row.crossing_pm.iloc[0])
            out.append(
                Evidence(
                    id=(
                        f"fig7-c{label.replace('/', '_')}-{'first' if series == 'first term' else 'series'}"
                    ),
                    computed_value=rounded(value, 8),
                    method=(f"zero of eq (23) ({series}) = conducting_radius(1000 pm, c={label})"),
                    verdict=verdict_from_printed(printed, value),
                    note=(
                        "The caption says eq (23); its numbers match the first term."
                        if series == "infinite"
                        else ""
                    ),
                )
            )
    neg = float(
        np.max(-np.asarray(chain.lifting_energy(np.linspace(200, 999, 400) * PM, 1000 * PM, 0.0)))
    )
    out.append(
        Evidence(
            id="fig7-c0-negative",
            computed_value=(f"max level {neg / ELEMENTARY_CHARGE:.3g} eV on 200–999 pm"),
            method="eq (23), full series, c = 0",
            verdict=("confirmed" if neg < 0 else "contradicted"),
            note="",
        )
    )
    df2 = figures.figure2_data()
    sign_change = float(df2.r_pm[np.argmax(df2.lifting_eV.to_numpy() <= 0)])
    R_c = float(two_centre.conducting_radius(figures.FIG_R_B)) / PM
    step = float(df2.r_pm.iloc[1] - df2.r_pm.iloc[0])
    out.append(
        Evidence(
            id="fig2-zero",
            computed_value=(
                f"first grid radius with E ≤ 0: {sign_change:.1f} pm (R_c = {R_c:.2f} pm)"
            ),
            method=(f"eq (8) on a {step:g} pm grid"),
            verdict=("confirmed" if abs(sign_change - R_c) <= step else "contradicted"),
            note="",
        )
    )
    return out


def table1_claims():
    out = []
    df = table1.table1()
    for row in df.itertuples():
        printed = f"{row.D_paper_per_m:.2E}"
        out.append(
            Evidence(
                id=(f"table1-{row.symbol}"),
                computed_value=rounded(row.d_per_m, 6),
                method="resisting_distance(R_v, R_b, 0.1, terms=0), the paper's own inputs",
                verdict=verdict_from_printed(printed, row.d_per_m),
                note=(
                    f"paper / recomputed = {row.ratio_paper_to_d:.3g}; full series D = {row.D_per_m:.3g} 1/m."
                ),
            )
        )
    corr = {r["column"]: r for r in table1.rank_correlations(df)}
    p = corr["D_paper_per_m"]
    rho_measured = df.resistivity_measured_ohm_m.to_numpy(float)
    stat = stats.spearman_with_ci(df.d_per_m.to_numpy(float), rho_measured)
    skill = _table1_skill(df, rho_measured)
    controlled = next(c for c in skill if c.name == "controlled")
    verdict = controlled.verdict  # skill over the confound: within the seven metals
    wrong = "; ".join(
        f"{r.symbol}: paper {r.resistivity_paper_ohm_m:.3g}, measured "
        f"{r.resistivity_measured_ohm_m:.3g} Ω·m"
        for r in df.itertuples()
        if max(r.resistivity_paper_ohm_m, r.resistivity_measured_ohm_m)
        > 1.2 * min(r.resistivity_paper_ohm_m, r.resistivity_measured_ohm_m)
    )
    out.append(
        Evidence(
            id="table1-correlation",
            computed_value=rounded(stat["rho"], 4),
            method=(
                "Spearman rank correlation, n = 9, of the recomputed d (eq 37, the paper's inputs) "
                "with MEASURED resistivity (datasets.resistivity_measured, one citation per row), "
                "bootstrap 95 % CI; the verdict is that of the same correlation within the seven "
                "metals (the skill rule: Si and C alone make the pooled ρ); "
                + ASSOCIATION_RULE.format(chance=0.0, strong=0.7)
            ),
            verdict=verdict,
            note=(
                f"CI {stat['ci95'][0]:.2f}–{stat['ci95'][1]:.2f}. With the paper's own resistivity "
                f"column: ρ = {corr['d_per_m']['spearman_rho']:.3f} for the recomputed d and "
                f"{p['spearman_rho']:.3f} for the paper's D column (which does not follow from eq 37 "
                "and the printed inputs). The paper's resistivity column is wrong where it differs "
                f"from the measured value by more than 20 %: {wrong}. (Intrinsic Si; diamond, not "
                "graphite; the paper's Au value is silver's.)"
            ),
            estimate=rounded(stat["rho"], 4),
            ci95=([rounded(v, 4) for v in stat["ci95"]]),
            chance=0.0,
            comparisons=skill,
        )
    )
    metals = df[~df.symbol.isin(["Si", "C"])]
    ins = df[df.symbol.isin(["Si", "C"])]
    factor = float(ins.d_per_m.min() / metals.d_per_m.max())
    measured_factor = float(
        ins.resistivity_measured_ohm_m.min() / metals.resistivity_measured_ohm_m.max()
    )
    worst = metals.symbol.iloc[int(np.argmax(metals.d_per_m.to_numpy()))]
    paper_factor = float(ins.resistivity_paper_ohm_m.min() / metals.resistivity_paper_ohm_m.max())
    out.append(
        Evidence(
            id="table1-nonconductors-higher",
            computed_value=(
                f"predicted ρ ratio min(Si, C) / max(metals) = {factor:.3g}; measured "
                f"{measured_factor:.3g}"
            ),
            method=(
                "recomputed d (eq 37) at the paper's inputs; by the paper's ρ = Z·D (eq 35, same Z) "
                "the predicted resistivity ratio equals the ratio of resisting distances; against the "
                "measured ratio (datasets.resistivity_measured): " + MAGNITUDE_RULE
            ),
            verdict=magnitude_verdict(factor, measured_factor),
            note=(
                f"The order is right (insulators above every metal), but the model puts Si and C only "
                f"{factor:.2g}× above the highest metal ({worst}), while measured intrinsic Si and "
                f"diamond are {measured_factor:.2g}× more resistive: off by a factor "
                f"{measured_factor / factor:.2g}. The verdict rests on choosing intrinsic Si and "
                f"diamond (the data standard of this audit): with the paper's own resistivity "
                f"column (doped Si, graphite) the measured ratio would be {paper_factor:.2g}, "
                f"within a factor {max(paper_factor / factor, factor / paper_factor):.2g} of the "
                "prediction."
            ),
        )
    )
    state = states.classify(df.R_v_pm.to_numpy(float) * PM, df.R_b_pm.to_numpy(float) * PM, 0.1)
    threshold = float(chain.critical_attraction(df.R_v_pm.to_numpy(float) * PM,
                                                df.R_b_pm.to_numpy(float) * PM).min())  # fmt: skip
    conductors = ~df.symbol.isin(["Si", "C"]).to_numpy()
    n_ins = int(np.sum(state[conductors] == "insulator"))
    out.append(
        Evidence(
            id="table1-c-makes-insulators",
            computed_value=f"{n_ins} of {int(conductors.sum())} conductors are insulators at c = 0.1",
            method=(
                "the model's own state rule (states.classify: no electron tunnel at c = 0.1 is an "
                "insulator) at Table 1's printed radii and c = 0.1, full series; confirmed if "
                "every conductor of the table is a conductor or superconductor by the rule, "
                "contradicted if none is"
            ),
            verdict=statement_verdict(1 - n_ins / int(conductors.sum())),
            note=(
                f"States at c = 0.1: {', '.join(f'{s} {v}' for s, v in zip(df.symbol, state, strict=True))}. "
                f"The smallest attraction that opens a tunnel for any Table 1 row is "
                f"c = {threshold:.4g}, so at the table's uniform c = 0.1 (below the threshold "
                f"c* = {float(chain.insulating_threshold()):.4g} of the full series) the model has no electron tunnel anywhere: by its "
                "own rule every material of Table 1, the metals included, is an insulator, and its "
                "resisting distances describe insulators."
            ),
        )
    )
    return out


def _table1_skill(df, rho_measured):
    """The Table 1 correlation beside the no-skill baseline, the confound (non-metal) and the
    correlation within the seven metals."""
    metal = ~df.symbol.isin(["Si", "C"]).to_numpy()
    d = df.d_per_m.to_numpy(float)

    def entry(name, method, x, y):
        r = stats.spearman_with_ci(x, y)
        return Comparison(
            name=name, method=method, n=r["n"], estimate=rounded(r["rho"], 4),
            ci95=[rounded(v, 4) for v in r["ci95"]],
            verdict=association_verdict(r["rho"], r["ci95"], 0.0, 0.7),
        )  # fmt: skip

    return [
        no_skill(0.0, len(df)),
        entry("confound", "Spearman ρ of 'is a non-metal' (Si, C) with measured resistivity",
              (~metal).astype(float), rho_measured),
        entry("controlled", "Spearman ρ of the recomputed d with measured resistivity within "
              "the seven metals", d[metal], rho_measured[metal]),
    ]  # fmt: skip


def claims():
    """The figure and Table 1 claims, in the paper's order."""
    return figure_claims() + table1_claims()
