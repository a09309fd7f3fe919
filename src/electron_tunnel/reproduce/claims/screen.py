"""Claims of the section "Engineering Room-Temperature Superconductors": the design guidelines,
scored on SuperCon."""

from __future__ import annotations

from ..verdicts import SCREENING_RULE, screening_verdict
from .base import Evidence, pending, rounded

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
