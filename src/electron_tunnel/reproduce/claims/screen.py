"""Claims of the section "Engineering Room-Temperature Superconductors": the design guidelines,
scored on SuperCon (issue 9)."""

from __future__ import annotations

from .base import ASSOCIATION_RULE, Claim, association_verdict, rounded

__all__ = ["claims"]

#: An AUC of 0.8 is what "a guideline that points to superconductors" would need to be called
#: confirmed; weaker but above chance is approximate (the shared association rule).
STRONG_AUC = 0.8


def claims(screen=None):
    """One claim per guideline (and the combined score) from
    :func:`electron_tunnel.screen.evaluate`'s result; nothing without it."""
    if screen is None:
        return []
    attribution = screen.get("attribution", {})
    data = f"{attribution.get('citation', 'SuperCon')} ({attribution.get('license', 'CC BY 4.0')})"
    out = []
    for g in screen["guidelines"]:
        est = g["auc_superconducting"]
        ci = g["auc_superconducting_ci95"]
        n_pos, n_neg = g.get("auc_superconducting_n", ["?", "?"])
        out.append(
            Claim(
                f"screen-{g['id']}",
                "section 'Engineering Room-Temperature Superconductors'",
                f"Design guideline: {g.get('name', g['feature'])} points towards superconductors.",
                "favourable",
                rounded(est, 4),
                f"ROC AUC of the guideline's sub-score ({g['feature']}, oriented so that higher "
                "is favourable by the paper; the rule fixed from the paper's text before the "
                f"evaluation) for superconducting (n = {n_pos}) against reported "
                f"non-superconducting (n = {n_neg}) SuperCon formulas, bootstrap 95 % CI; "
                + ASSOCIATION_RULE.format(chance=0.5, strong=STRONG_AUC),
                association_verdict(est, ci, 0.5, STRONG_AUC),
                f"CI {ci[0]:.3f}–{ci[1]:.3f}; AUC for T_c ≥ 10 K {g['auc_tc10']:.3f}, for "
                f"T_c ≥ 77 K {g['auc_tc77']:.3f}; Spearman ρ with T_c among superconductors "
                f"{g['spearman_tc']:.3f}. The screening tool's own label: {g['verdict']}. "
                f"Data: {data}.",
                estimate=rounded(est, 4),
                ci95=[rounded(v, 4) for v in ci],
                chance=0.5,
            )
        )
    return out
