"""Claims of the section "Engineering Room-Temperature Superconductors": the design guidelines,
scored on SuperCon."""

from __future__ import annotations

from ..verdicts import SCREENING_RULE, screening_verdict
from .base import Claim, Kind, rounded

__all__ = ["claims"]


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
                id=f"screen-{g['id']}",
                kind=Kind.WORLD,
                section="section 'Engineering Room-Temperature Superconductors'",
                statement=f"Design guideline: {g.get('name', g['feature'])} points towards superconductors.",
                paper_value="favourable",
                computed_value=rounded(est, 4),
                method=f"ROC AUC of the guideline's sub-score ({g['feature']}, oriented so that higher "
                "is favourable by the paper; the rule fixed from the paper's text before the "
                f"evaluation) for superconducting (n = {n_pos}) against reported "
                f"non-superconducting (n = {n_neg}) SuperCon formulas, bootstrap 95 % CI; "
                + SCREENING_RULE,
                verdict=screening_verdict(ci, est),
                note=f"CI {ci[0]:.3f}–{ci[1]:.3f}; AUC for T_c ≥ 10 K {g['auc_tc10']:.3f}, for "
                f"T_c ≥ 77 K {g['auc_tc77']:.3f}; Spearman ρ with T_c among superconductors "
                f"{g['spearman_tc']:.3f}. "
                f"Data: {data}.",
                estimate=rounded(est, 4),
                ci95=[rounded(v, 4) for v in ci],
                chance=0.5,
            )
        )
    return out
