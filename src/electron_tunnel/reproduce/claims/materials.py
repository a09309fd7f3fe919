"""Claims about real elements: Figures 11-13 and the resistivity of the elements."""

from __future__ import annotations

import math

from .base import Claim, rounded


def strength_verdict(value, lo, chance, strong):
    """Association verdict: confirmed if ``value >= strong`` and the CI excludes chance;
    approximate if the estimate is on the claimed side of chance but weaker (or its CI includes
    chance); contradicted if it is at or below chance."""
    if not math.isfinite(value) or value <= chance:
        return "contradicted"
    if value >= strong and lo > chance:
        return "confirmed"
    return "approximate"


def claims(evaluation=None):
    pending = "Pending the real-materials evaluation (etunnel evaluate)."
    if evaluation is None:
        return [
            Claim(
                "fig11-12-superconductors-not-gaseous",
                "Figures 11 and 12",
                "Known superconducting elements correspond well with elements not gaseous at "
                "3500 K.",
                "correspond well",
                "pending",
                "needs element data",
                "untestable",
                pending,
            ),
            Claim(
                "fig13-density",
                "Figure 13",
                "Elements of higher density align closely with the superconducting elements.",
                "align closely",
                "pending",
                "needs element data",
                "untestable",
                pending,
            ),
            Claim(
                "gap-predicts-superconductors",
                "section 'Superconductor, Insulator, and Density'",
                "Good superconductor candidates have a small gap between the "
                "conducting radius and the valence radius.",
                "small gap",
                "pending",
                "needs element data",
                "untestable",
                pending,
            ),
            Claim(
                "resistivity-correlation-elements",
                "Table 1, text",
                "Resistivity correlates strongly with the resisting distance.",
                "strong",
                "pending",
                "needs element data",
                "untestable",
                pending,
            ),
        ]
    pt = evaluation["periodic_table"]
    fisher = pt["fig11_vs_fig12"]
    scores = {r["score"]: r for r in evaluation["superconductors"]["scores"]}
    notgas = scores["paper proxy: not gaseous at 3500 K"]
    dens = pt["fig11_vs_fig13_density_auc"]
    gap = scores["model: -critical c (full series)"]
    default = evaluation["settings"]["default_convention"]
    res = next(
        m
        for m in evaluation["resistivity"]["model"]
        if m["convention"] == default and m["c"] == 0.1 and m["series"] == "full series"
    )["spearman"]
    ct = fisher["contingency"]
    best = max(
        evaluation["resistivity"]["model"],
        key=lambda m: m["spearman"]["rho"] if math.isfinite(m["spearman"]["rho"]) else -9,
    )
    src = "pymatgen-core (T_c, melting and boiling points, density), mendeleev (radii)"
    sig = fisher["fisher_p_value"] < 0.05 and fisher["odds_ratio"] > 1
    return [
        Claim(
            "fig11-12-superconductors-not-gaseous",
            "Figures 11 and 12",
            "Known superconducting elements correspond well with elements not gaseous at 3500 K.",
            "correspond well",
            rounded(notgas["auc"], 4),
            "AUC of 'not gaseous at 3500 K' for 'has a known T_c' (bootstrap 95 % CI "
            f"{notgas['ci95'][0]:.2f}–{notgas['ci95'][1]:.2f}) and Fisher's exact test; "
            "confirmed if AUC >= 0.8 with CI above 0.5",
            strength_verdict(notgas["auc"], notgas["ci95"][0], 0.5, 0.8) if sig else "contradicted",
            f"{ct['superconductor_not_gaseous']} of "
            f"{ct['superconductor_not_gaseous'] + ct['superconductor_gaseous']} superconducting "
            f"elements are not gaseous at 3500 K, and {ct['superconductor_not_gaseous']} of "
            f"{ct['superconductor_not_gaseous'] + ct['other_not_gaseous']} non-gaseous elements "
            f"superconduct; odds ratio {fisher['odds_ratio']:.3g}, Fisher p = "
            f"{fisher['fisher_p_value']:.2g}: a real association, but not a close correspondence. "
            f"Data: {src}.",
        ),
        Claim(
            "fig13-density",
            "Figure 13",
            "Elements of higher density align closely with the superconducting elements.",
            "align closely",
            rounded(dens["auc"], 4),
            f"AUC of density for 'has a known T_c' over all {dens['n_pos'] + dens['n_neg']} "
            f"elements with a density (CI {dens['ci95'][0]:.2f}–{dens['ci95'][1]:.2f}, "
            f"Mann–Whitney p = {dens['p_value']:.2g}); confirmed if AUC >= 0.8 with CI above 0.5",
            strength_verdict(dens["auc"], dens["ci95"][0], 0.5, 0.8),
            "Density separates superconducting from other elements only weakly; among elements "
            "with radii its AUC is "
            f"{scores['paper proxy: density']['auc']:.2f}. Data: {src}.",
        ),
        Claim(
            "gap-predicts-superconductors",
            "section 'Superconductor, Insulator, and Density'",
            "Good superconductor candidates have a small gap between the conducting radius and "
            "the valence radius (R_v close to R_c).",
            "small gap",
            rounded(gap["auc"], 4),
            "AUC of −(critical attraction coefficient) for 'has a known T_c' (covalent R_v, "
            f"van der Waals R_b; CI {gap['ci95'][0]:.2f}–{gap['ci95'][1]:.2f}, "
            f"n = {gap['n_pos']} + {gap['n_neg']}); confirmed if AUC >= 0.8 with CI above 0.5",
            strength_verdict(gap["auc"], gap["ci95"][0], 0.5, 0.8),
            "The critical c is a monotone function of R_v/R_b, so R_v/R_b gives the same AUC. "
            "Single element properties do better (see the evaluation's AUC table).",
        ),
        Claim(
            "resistivity-correlation-elements",
            "Table 1, text",
            "Resistivity correlates strongly with the resisting distance, even with a uniform "
            "c = 0.1.",
            "strong",
            rounded(res["rho"], 4),
            f"Spearman ρ over all {res['n']} elements with a measured resistivity (pymatgen-core) "
            "and covalent/van der Waals radii (mendeleev), full series at c = 0.1, bootstrap CI "
            f"{res['ci95'][0]:.2f}–{res['ci95'][1]:.2f}; confirmed if ρ >= 0.7 with CI above 0",
            strength_verdict(res["rho"], res["ci95"][0], 0.0, 0.7),
            f"Best over all {len(evaluation['resistivity']['model'])} combinations of radius "
            f"convention, c and series: ρ = {best['spearman']['rho']:.3f} "
            f"(CI {best['spearman']['ci95'][0]:.2f}–{best['spearman']['ci95'][1]:.2f}; "
            f"{best['convention']}, c = {best['c']:g}, {best['series']}); all are in "
            "evaluation.json.",
        ),
    ]
