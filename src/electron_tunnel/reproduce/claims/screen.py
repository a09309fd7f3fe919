"""Claims of the section "Engineering Room-Temperature Superconductors": the design guidelines,
scored on SuperCon."""

from __future__ import annotations

import warnings

from pymatgen.core import Composition

from ... import datasets
from ..verdicts import SCREENING_RULE, screening_verdict, statement_verdict
from .base import Comparison, Evidence, no_skill, not_applicable, pending, rounded

#: The T_c [K] from which a superconductor counts as "high-temperature" (liquid nitrogen), and
#: the lower threshold of the sensitivity check.
HIGH_TC_K = (77.0, 30.0)
#: The pressure [GPa] above which a T_c counts as "obtained under high pressure".
HIGH_PRESSURE_GPA = 1.0

__all__ = ["claims"]


#: The claims decided by the SuperCon evaluation (its guidelines and their combined score).
IDS = tuple(f"screen-{g}" for g in ("g1", "g2", "g3", "g4", "g5", "combined"))


def _cmp(name, method, stat, n=None):
    est, ci = stat["auc"], stat["ci95"]
    return Comparison(
        name=name, method=method,
        n=n if n is not None else stat.get("n_pos", 0) + stat.get("n_neg", 0),
        estimate=rounded(est, 4), ci95=[rounded(v, 4) for v in ci],
        verdict=screening_verdict(ci, est),
    )  # fmt: skip


def claims(screen=None):
    """One claim per guideline (and the combined score) from
    [`electron_tunnel.screen.evaluate`][]'s result; untestable without it. The verdict is
    that of the guidelines' stated aim, high T_c, within families ([`SCREENING_RULE`][])."""
    if screen is None:
        return pending(IDS, "needs the SuperCon evaluation", "Pending etunnel screen --evaluate.")
    attribution = screen.attribution
    data = f"{attribution.get('citation', 'SuperCon')} ({attribution.get('license', 'CC BY 4.0')})"
    clusters = screen.get("clusters", {})
    confound = screen.get("confound", {})
    out = []
    for g in screen.guidelines:
        primary = g["auc_tc10_stratified"]
        est, ci = primary["auc"], primary["ci95"]
        n_pos, n_neg = g.get("auc_superconducting_n", ["?", "?"])
        pooled = {"auc": g["auc_superconducting"], "ci95": g["auc_superconducting_cluster_ci95"]}
        fam = primary["by_family"]
        comparisons = [
            _cmp("pooled", "AUC superconducting vs reported non-superconducting over all "
                 "families, cluster-bootstrap CI (the statistic of 0.2.0, whose row-bootstrap CI "
                 f"was {g['auc_superconducting_ci95'][0]:.3f}–{g['auc_superconducting_ci95'][1]:.3f})",
                 pooled, n=(n_pos + n_neg) if isinstance(n_pos, int) else None),
            _cmp("superconducting within families", "AUC superconducting vs not within "
                 "families, weighted by family size, cluster-bootstrap CI",
                 g["auc_superconducting_stratified"]),
            _cmp("cuprates T_c ≥ 77 K", "AUC for T_c ≥ 77 K among the cuprates, cluster-bootstrap"
                 " CI over their element sets", g["auc_tc77_cuprates"]),
            no_skill(0.5, primary["n_pos"] + primary["n_neg"]),
        ]  # fmt: skip
        if "auc_tc10" in confound:
            comparisons.append(_cmp("confound", confound["definition"], confound["auc_tc10"]))
        else:
            comparisons.append(not_applicable("confound", "not in the evaluation given"))
        out.append(
            Evidence(
                id=(f"screen-{g['id']}"),
                computed_value=rounded(est, 4),
                method=(
                    f"the guideline's sub-score ({g['feature']}, oriented so that higher is "
                    "favourable by the paper; the rule fixed from the paper's text before the "
                    "evaluation): " + SCREENING_RULE
                ),
                verdict=screening_verdict(ci, est),
                note=(
                    f"T_c ≥ 10 K within families: {est:.3f} (CI {ci[0]:.3f}–{ci[1]:.3f}; "
                    + ", ".join(f"{f} {v['auc']:.3f}" for f, v in fam.items())
                    + f"); pooled across families {g['auc_tc10']:.3f}, so the pooled value is "
                    "mostly the mix of families. Superconducting vs not: pooled "
                    f"{g['auc_superconducting']:.3f}, within families "
                    f"{g['auc_superconducting_stratified']['auc']:.3f}; cuprates T_c ≥ 77 K "
                    f"{g['auc_tc77_cuprates']['auc']:.3f}; Spearman ρ with T_c among "
                    f"superconductors {g['spearman_tc']:.3f}. Clusters: "
                    f"{clusters.get('n_clusters', '?')} element sets; "
                    + (
                        f"{clusters['share_not_superconducting_sharing_element_set']:.0%} of the "
                        "non-superconducting rows share their element set with a superconducting "
                        "row, which is why rows are not resampled independently. "
                        if "share_not_superconducting_sharing_element_set" in clusters
                        else ""
                    )
                    + f"Data: {data}."
                ),
                estimate=rounded(est, 4),
                ci95=([rounded(v, 4) for v in ci]),
                chance=0.5,
                comparisons=comparisons,
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


def _heldout_stat(method):
    """The held-out statistic the rule uses: the held-out AUC where it is testable, else that of
    the held-out superconductors against SuperCon's non-superconductors (the percentiles)."""
    pop = method["populations"]["all"]
    if pop["auc_heldout"].get("testable"):
        return pop["auc_heldout"], "held-out superconductors against held-out non-superconductors"
    return pop["auc_vs_supercon_not_superconducting"], (
        "held-out superconductors against SuperCon's non-superconductors (fewer than 10 held-out "
        "non-superconductors: the percentiles carry the test)"
    )


def heldout_claim(heldout=None):
    """``guidelines-heldout``: the guideline score on superconductors reported after the
    SuperCon snapshot, beside the ML baseline, by the screening rule."""
    if heldout is None:
        return pending(["guidelines-heldout"], "needs the held-out evaluation",
                       "Pending etunnel screen --heldout.")[0]  # fmt: skip
    heldout = heldout if isinstance(heldout, dict) else dict(heldout)
    g, what = _heldout_stat(heldout["methods"]["guideline"])
    m, _ = _heldout_stat(heldout["methods"]["ml"])
    gp = heldout["methods"]["guideline"]["populations"]
    mp = heldout["methods"]["ml"]["populations"]
    counts, pressure = heldout["counts"], heldout["pressure"]
    return Evidence(
        id="guidelines-heldout",
        computed_value=rounded(g["auc"], 4),
        method=(f"AUC of the guideline score for {what}, over the scored rows of "
                "datasets.heldout_superconductors (first reported from 2018 on), bootstrap 95 % "
                "CI; the association rule with chance 0.5, strength 0.8 and the negligible-effect "
                "rule (as for the guidelines on SuperCon)"),
        verdict=screening_verdict(g["ci95"], g["auc"]),
        note=(f"{counts['scored_superconducting']} superconductors and "
              f"{counts['scored_not_superconducting']} non-superconductors scored; held-out AUC "
              f"{gp['all']['auc_heldout']['auc']:.3f} (untestable with so few negatives). Median "
              "percentile of the held-out superconductors among SuperCon's superconductors: "
              f"guideline {gp['all']['percentile_among_supercon_superconductors']['median']:.1f}, "
              f"ML {mp['all']['percentile_among_supercon_superconductors']['median']:.1f} (50 if "
              f"drawn like them). {pressure['n_under_pressure']} of "
              f"{pressure['n_scored_superconducting']} held-out superconductors were measured "
              f"under pressure (median {pressure['median_pressure_GPa_under_pressure']:g} GPa); "
              "neither method takes pressure as an input. See heldout.json."),
        estimate=rounded(g["auc"], 4), ci95=[rounded(v, 4) for v in g["ci95"]], chance=0.5,
        comparisons=[
            Comparison(name="ml_baseline", method="the same statistic for the HistGradientBoosting "
                       "baseline trained once on all of SuperCon (ml_p_superconducting)",
                       n=m["n_pos"] + m["n_neg"], estimate=rounded(m["auc"], 4),
                       ci95=[rounded(v, 4) for v in m["ci95"]],
                       verdict=screening_verdict(m["ci95"], m["auc"])),
            no_skill(0.5, g["n_pos"] + g["n_neg"]),
            not_applicable("confound", "the held-out rows are few and mostly hydrides and "
                           "nickelates; the family confound is scored on SuperCon (screen-*)"),
        ],
    )  # fmt: skip
