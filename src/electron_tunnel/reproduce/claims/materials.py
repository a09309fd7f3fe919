"""Claims about real elements: Figures 11-13 and the resistivity of the elements."""

from __future__ import annotations

from .base import ASSOCIATION_RULE, Evidence, association_verdict, pending, rounded

#: Strength each claim asserts ("correspond well", "align closely", "strong").
STRONG_AUC = 0.8
STRONG_RHO = 0.7


def _assoc(stat, chance, strong):
    est = stat["auc"] if "auc" in stat else stat["rho"]
    return (
        float(est),
        [float(v) for v in stat["ci95"]],
        association_verdict(est, stat["ci95"], chance, strong),
    )


def _by_convention(robust, key, chance, strong):
    """``{convention: {estimate, ci95, verdict, n}}`` and whether the verdict is the same."""
    out = {}
    for name, stats in robust["conventions"].items():
        est, ci, verdict = _assoc(stats[key], chance, strong)
        n = stats[key].get("n", stats[key].get("n_pos", 0) + stats[key].get("n_neg", 0))
        out[name] = {"estimate": rounded(est, 4), "ci95": [rounded(v, 4) for v in ci],
                     "verdict": verdict, "n": int(n)}  # fmt: skip
    return out, len({v["verdict"] for v in out.values()}) == 1


def _robust_note(by, robust_flag):
    if robust_flag:
        return " The verdict is the same under every radius convention checked."
    parts = "; ".join(f"{k}: {v['estimate']} ({v['verdict']})" for k, v in by.items())
    return f" NOT ROBUST: the verdict depends on the radius convention ({parts})."


#: The claims decided by the real-materials evaluation.
IDS = (
    "fig11-12-superconductors-not-gaseous",
    "fig13-density",
    "gap-predicts-superconductors",
    "resistivity-correlation-elements",
)


def claims(evaluation=None):
    if evaluation is None:
        return pending(
            IDS, "needs element data", "Pending the real-materials evaluation (etunnel evaluate)."
        )
    pt = evaluation.periodic_table
    fisher = pt["fig11_vs_fig12"]
    robust = evaluation.robustness
    scores = {r["score"]: r for r in evaluation.superconductors["scores"]}
    notgas = scores["paper proxy: not gaseous at 3500 K"]
    dens = pt["fig11_vs_fig13_density_auc"]
    gap = scores["model: -critical c (full series)"]
    ratio = scores["model: R_v / R_b"]
    primary = evaluation.settings["default_convention"]
    res = next(
        m
        for m in evaluation.resistivity["model"]
        if m["convention"] == primary and m["c"] == 0.1 and m["series"] == "full series"
    )["spearman"]
    ct = fisher["contingency"]
    src = (
        "ambient T_c: materials.elements (checked against the literature, "
        "datasets.element_superconductivity); melting and boiling points, density: "
        "pymatgen-core; radii: mendeleev and Bondi (1964)"
    )
    sample = f" Sample: {robust['rule']}."
    effect = robust["sample_effect"]
    rule_auc = ASSOCIATION_RULE.format(chance=0.5, strong=STRONG_AUC)
    rule_rho = ASSOCIATION_RULE.format(chance=0.0, strong=STRONG_RHO)
    out = []

    est, ci, verdict = _assoc(notgas, 0.5, STRONG_AUC)
    by, same = _by_convention(robust, "not_gaseous_auc", 0.5, STRONG_AUC)
    out.append(Evidence(id="fig11-12-superconductors-not-gaseous", computed_value=rounded(est, 4), method=("AUC of 'not gaseous at 3500 K' for 'has an ambient T_c' over measured elements with "
        f"the paper's radii (n = {notgas['n_pos']} + {notgas['n_neg']}), bootstrap 95 % CI; "
        + rule_auc), verdict=verdict, note=(f"{ct['superconductor_not_gaseous']} of "
        f"{ct['superconductor_not_gaseous'] + ct['superconductor_gaseous']} superconducting "
        f"elements are not gaseous at 3500 K, and {ct['superconductor_not_gaseous']} of "
        f"{ct['superconductor_not_gaseous'] + ct['other_not_gaseous']} non-gaseous elements "
        f"superconduct; odds ratio {fisher['odds_ratio']:.3g}, Fisher p = "
        f"{fisher['fisher_p_value']:.2g}." + _robust_note(by, same) + sample + f" Data: {src}."), estimate=rounded(est, 4), ci95=([rounded(v, 4) for v in ci]), chance=0.5, by_convention=by, robust=same))  # fmt: skip

    est, ci, verdict = _assoc(dens, 0.5, STRONG_AUC)
    by, same = _by_convention(robust, "density_auc", 0.5, STRONG_AUC)
    all_ = effect["density_auc_all"]
    out.append(Evidence(id="fig13-density", computed_value=rounded(est, 4), method=(f"AUC of density for 'has an ambient T_c' over the {dens['n_pos'] + dens['n_neg']} "
        "measured elements with a density, bootstrap 95 % CI; " + rule_auc), verdict=verdict, note=(f"Counting all elements, including the superheavy ones whose densities are predictions, "
        f"gives AUC {all_['auc']:.3f} (CI {all_['ci95'][0]:.2f}–{all_['ci95'][1]:.2f}); the "
        "exclusion changes the estimate by "
        f"{est - all_['auc']:+.3f}." + _robust_note(by, same) + sample + f" Data: {src}."), estimate=rounded(est, 4), ci95=([rounded(v, 4) for v in ci]), chance=0.5, by_convention=by, robust=same))  # fmt: skip

    est, ci, verdict = _assoc(gap, 0.5, STRONG_AUC)
    by, same = _by_convention(robust, "gap_auc", 0.5, STRONG_AUC)
    out.append(Evidence(id="gap-predicts-superconductors", computed_value=rounded(est, 4), method=("AUC of −(critical attraction coefficient, full series) for 'has an ambient T_c' "
        f"under the paper's radii (covalent R_v; Bondi R_b, else empirical; n = {gap['n_pos']} "
        f"+ {gap['n_neg']}), bootstrap 95 % CI; " + rule_auc), verdict=verdict, note=("The critical c falls as R_v/R_b rises and is constant (c*) once R_v ≥ R_b, where "
        f"elements tie; R_v/R_b itself gives AUC {ratio['auc']:.3f} (CI {ratio['ci95'][0]:.2f}–"
        f"{ratio['ci95'][1]:.2f})."
        + _robust_note(by, same) + sample), estimate=rounded(est, 4), ci95=([rounded(v, 4) for v in ci]), chance=0.5, by_convention=by, robust=same))  # fmt: skip

    est, ci, verdict = _assoc(res, 0.0, STRONG_RHO)
    by, same = _by_convention(robust, "resistivity_spearman", 0.0, STRONG_RHO)
    out.append(Evidence(id="resistivity-correlation-elements", computed_value=rounded(est, 4), method=(f"Spearman ρ over the {res['n']} elements with a measured resistivity (pymatgen-core) "
        "and the paper's radii, full series at c = 0.1, bootstrap 95 % CI; " + rule_rho), verdict=verdict, note=("All combinations of radius convention, c and series are in evaluation.json."
        + _robust_note(by, same)), estimate=rounded(est, 4), ci95=([rounded(v, 4) for v in ci]), chance=0.0, by_convention=by, robust=same))  # fmt: skip
    return out
