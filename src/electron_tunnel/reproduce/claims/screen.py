"""Claims of the section "Engineering Room-Temperature Superconductors": the design guidelines,
scored on SuperCon."""

from __future__ import annotations

import warnings

from pymatgen.core import Composition

from ... import datasets
from ..verdicts import SCREENING_RULE, screening_verdict, statement_verdict
from .base import Evidence, pending, rounded

#: The T_c [K] from which a superconductor counts as "high-temperature" (liquid nitrogen), and
#: the lower threshold of the sensitivity check.
HIGH_TC_K = (77.0, 30.0)
#: The pressure [GPa] above which a T_c counts as "obtained under high pressure".
HIGH_PRESSURE_GPA = 1.0

__all__ = ["claims"]


#: The claims decided by the SuperCon evaluation (its guidelines and their combined score).
IDS = tuple(f"screen-{g}" for g in ("g1", "g2", "g3", "g4", "g5", "combined"))


def claims(screen=None):
    """One claim per guideline (and the combined score) from
    :func:`electron_tunnel.screen.evaluate`'s result; untestable without it."""
    if screen is None:
        return pending(IDS, "needs the SuperCon evaluation", "Pending etunnel screen --evaluate.")
    attribution = screen.attribution
    data = f"{attribution.get('citation', 'SuperCon')} ({attribution.get('license', 'CC BY 4.0')})"
    out = []
    for g in screen.guidelines:
        est = g["auc_superconducting"]
        ci = g["auc_superconducting_ci95"]
        n_pos, n_neg = g.get("auc_superconducting_n", ["?", "?"])
        out.append(
            Evidence(
                id=(f"screen-{g['id']}"),
                computed_value=rounded(est, 4),
                method=(
                    f"ROC AUC of the guideline's sub-score ({g['feature']}, oriented so that higher "
                    "is favourable by the paper; the rule fixed from the paper's text before the "
                    f"evaluation) for superconducting (n = {n_pos}) against reported "
                    f"non-superconducting (n = {n_neg}) SuperCon formulas, bootstrap 95 % CI; "
                    + SCREENING_RULE
                ),
                verdict=screening_verdict(ci, est),
                note=(
                    f"CI {ci[0]:.3f}–{ci[1]:.3f}; AUC for T_c ≥ 10 K {g['auc_tc10']:.3f}, for "
                    f"T_c ≥ 77 K {g['auc_tc77']:.3f}; Spearman ρ with T_c among superconductors "
                    f"{g['spearman_tc']:.3f}. "
                    f"Data: {data}."
                ),
                estimate=rounded(est, 4),
                ci95=([rounded(v, 4) for v in ci]),
                chance=0.5,
            )
        )
    missing = [i for i in IDS if i not in {e.id for e in out}]
    return out + pending(missing, "not in the SuperCon evaluation given", "Not evaluated.")


def _element_sets(formulas):
    """Distinct element sets of the parseable formulas, and how many could not be parsed."""
    sets, bad = set(), 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for f in formulas:
            try:
                sets.add(frozenset(el.symbol for el in Composition(f).elements))
            except (ValueError, KeyError, TypeError):
                bad += 1
    return sets, bad


def high_tc_claim():
    """The claim that high T_c needs high pressure, counted by distinct materials: SuperCon
    (ambient pressure) against the pressure table."""
    sc = datasets.supercon()
    pressure = datasets.pressure_superconductors()
    counts = {}
    for threshold in HIGH_TC_K:
        ambient, bad = _element_sets(sc.name[sc.Tc >= threshold])
        high = pressure[(pressure.tc_k >= threshold) & (pressure.pressure_gpa > HIGH_PRESSURE_GPA)]
        under = sorted(set(high.material))
        counts[threshold] = (len(ambient), under, bad,
                             sum(1 for e in ambient if {"Cu", "O"} <= e))  # fmt: skip
    n_amb, under, bad, cuprates = counts[HIGH_TC_K[0]]
    share = len(under) / (len(under) + n_amb)
    n30, under30, _, cu30 = counts[HIGH_TC_K[1]]
    return Evidence(
        id="high-tc-needs-pressure",
        computed_value=(
            f"{len(under)} of {len(under) + n_amb} materials with T_c ≥ "
            f"{HIGH_TC_K[0]:g} K need high pressure"
        ),
        method=(
            f"distinct materials (element sets) with T_c ≥ {HIGH_TC_K[0]:g} K: those of SuperCon "
            "(T_c at ambient pressure) against those of datasets.pressure_superconductors that "
            f"reach it only above {HIGH_PRESSURE_GPA:g} GPa; confirmed if more than half need "
            "high pressure (the statement's 'most'), approximate if some but at most half, "
            "contradicted if a negligible share (< 10 %)"
        ),
        verdict=(
            statement_verdict(1.0)
            if share > 0.5
            else statement_verdict(0.0)
            if share < 0.1
            else statement_verdict(0.75)
        ),
        note=(
            f"{cuprates} of the {n_amb} element sets of SuperCon with T_c ≥ {HIGH_TC_K[0]:g} K "
            f"contain Cu and O ({bad} formulas could not be parsed): cuprates, superconducting at ambient pressure (e.g. YBa2Cu3O7 at 93 K, M. K. Wu et "
            "al., Phys. Rev. Lett. 58, 908 (1987)). Under pressure only: "
            f"{', '.join(under)} (share {share:.1%}). From {HIGH_TC_K[1]:g} K: {len(under30)} "
            f"under pressure ({', '.join(under30)}) against {n30} ambient element sets "
            f"({cu30} cuprates; iron-based, MgB2 and others). True of the highest T_c known "
            "(hydrides), not of most high-temperature superconductors. Data: Stanev et al. "
            "2018 (SuperCon, CC BY 4.0) and the cited rows of pressure-superconductors.csv."
        ),
    )
