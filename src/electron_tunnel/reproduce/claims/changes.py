"""What this version of the audit changed, against the verdicts of the previous release.

`PREVIOUS` names the previous release and `VERDICTS_PREVIOUS` is the verdict of
every claim as its ``etunnel reproduce`` wrote it to ``claims.json`` (`VERDICTS_0_1_0`, the
release before, is kept for the record); a claim whose verdict differs now carries
``previous_verdict`` and ``change`` (the reason, from `REASONS`), and the report lists it.
A claim new in this version has no previous verdict and is listed as new.
"""

from __future__ import annotations

from ...errors import InputError

__all__ = [
    "PREVIOUS",
    "REASONS",
    "VERDICTS_0_1_0",
    "VERDICTS_0_2_0",
    "VERDICTS_PREVIOUS",
    "record_changes",
]

#: The verdicts of electron-tunnel 0.1.0, by claim id (its claims.json).
VERDICTS_0_1_0 = {
    "eq9-border-ratio": "confirmed",
    "eq9-proton-distance": "confirmed",
    "eq10-conducting-radius": "confirmed",
    "eq8-sum": "confirmed",
    "eq39-c1-first": "confirmed",
    "eq39-c1-series": "approximate",
    "eq39-c1_2-first": "approximate",
    "eq39-c1_2-series": "contradicted",
    "eq39-c1_3-first": "confirmed",
    "eq39-c1_3-series": "contradicted",
    "threshold-0225-first": "contradicted",
    "threshold-0225-series": "contradicted",
    "no-tunnel-below-1_6-first": "confirmed",
    "no-tunnel-below-1_6-series": "contradicted",
    "tunnel-above-1_4-first": "confirmed",
    "tunnel-above-1_4-series": "confirmed",
    "insulator-below-1_2-first": "contradicted",
    "insulator-below-1_2-series": "contradicted",
    "eq36-convergence-order": "confirmed",
    "eq36-identity": "confirmed",
    "D-over-d-bounded": "contradicted",
    "D-decreases-with-c": "confirmed",
    "fig5-decreasing": "approximate",
    "D-shrinks-with-Rb": "approximate",
    "fig7-c1-first": "confirmed",
    "fig7-c1-series": "approximate",
    "fig7-c1_3-first": "confirmed",
    "fig7-c1_3-series": "contradicted",
    "fig7-c0-negative": "confirmed",
    "fig2-zero": "confirmed",
    "table1-Si": "contradicted",
    "table1-C": "contradicted",
    "table1-Al": "contradicted",
    "table1-Ca": "contradicted",
    "table1-Fe": "contradicted",
    "table1-Cu": "contradicted",
    "table1-Pt": "approximate",
    "table1-Au": "contradicted",
    "table1-Hg": "contradicted",
    "table1-correlation": "no signal",
    "table1-nonconductors-higher": "contradicted",
    "eq45-flux-quantum": "confirmed",
    "flux-twice-quantum": "contradicted",
    "eq44-critical-current": "contradicted",
    "eq43-stefan-boltzmann": "confirmed",
    "meissner-lorentz": "contradicted",
    "bcs-cannot-explain-meissner": "untestable",
    "fig11-12-superconductors-not-gaseous": "approximate",
    "fig13-density": "approximate",
    "gap-predicts-superconductors": "approximate",
    "resistivity-correlation-elements": "no signal",
    "fig8-state-diagram": "untestable",
    "tc-rises-with-pressure": "contradicted",
    "resistivity-falls-with-pressure": "approximate",
    "screen-g1": "approximate",
    "screen-g2": "no signal",
    "screen-g3": "approximate",
    "screen-g4": "contradicted",
    "screen-g5": "no signal",
    "screen-combined": "no signal",
}

#: The verdict of every claim as ``etunnel reproduce`` of version 0.2.0 wrote it.
VERDICTS_0_2_0 = {
    "eq9-border-ratio": "confirmed",
    "eq9-proton-distance": "confirmed",
    "eq10-conducting-radius": "confirmed",
    "eq8-sum": "confirmed",
    "eq39-c1-first": "confirmed",
    "eq39-c1-series": "approximate",
    "eq39-c1_2-first": "approximate",
    "eq39-c1_2-series": "contradicted",
    "eq39-c1_3-first": "confirmed",
    "eq39-c1_3-series": "contradicted",
    "threshold-0225-first": "contradicted",
    "threshold-0225-series": "contradicted",
    "no-tunnel-below-1_6-first": "confirmed",
    "no-tunnel-below-1_6-series": "contradicted",
    "tunnel-above-1_4-first": "confirmed",
    "tunnel-above-1_4-series": "confirmed",
    "insulator-below-1_2-first": "contradicted",
    "insulator-below-1_2-series": "contradicted",
    "eq36-convergence-order": "confirmed",
    "eq36-identity": "confirmed",
    "D-over-d-bounded": "contradicted",
    "D-decreases-with-c": "confirmed",
    "fig5-decreasing": "approximate",
    "D-shrinks-with-Rb": "approximate",
    "fig7-c1-first": "confirmed",
    "fig7-c1-series": "approximate",
    "fig7-c1_3-first": "confirmed",
    "fig7-c1_3-series": "contradicted",
    "fig7-c0-negative": "confirmed",
    "fig2-zero": "confirmed",
    "table1-Si": "contradicted",
    "table1-C": "contradicted",
    "table1-Al": "contradicted",
    "table1-Ca": "contradicted",
    "table1-Fe": "contradicted",
    "table1-Cu": "contradicted",
    "table1-Pt": "approximate",
    "table1-Au": "contradicted",
    "table1-Hg": "contradicted",
    "table1-correlation": "no signal",
    "table1-nonconductors-higher": "contradicted",
    "eq45-flux-quantum": "confirmed",
    "flux-twice-quantum": "contradicted",
    "eq44-critical-current": "contradicted",
    "eq43-stefan-boltzmann": "confirmed",
    "meissner-lorentz": "contradicted",
    "bcs-cannot-explain-meissner": "untestable",
    "fig11-12-superconductors-not-gaseous": "approximate",
    "fig13-density": "approximate",
    "gap-predicts-superconductors": "approximate",
    "resistivity-correlation-elements": "no signal",
    "fig8-state-diagram": "untestable",
    "tc-rises-with-pressure": "contradicted",
    "resistivity-falls-with-pressure": "contradicted",
    "screen-g1": "no signal",
    "screen-g2": "no signal",
    "screen-g3": "no signal",
    "screen-g4": "no signal",
    "screen-g5": "no signal",
    "screen-combined": "no signal",
}

#: The release the changes are counted from.
PREVIOUS = "0.2.0"
VERDICTS_PREVIOUS = VERDICTS_0_2_0

#: Why a verdict may differ from the previous release, by claim (a change without a reason is
#: an error). Filled in from the rules, before the new verdicts were looked at, then checked.
_SKILL = (
    "skill over the obvious confound: the verdict is now the association within the metals "
    "(0.2.0 pooled metals and non-metals, where 'is a metal' alone scores as well)"
)
_STATEMENT = (
    "a universal statement is scored as one, falsified by its measured counterexamples, and "
    "the model's constant sign prediction is scored for skill beside it (0.2.0 counted signs "
    "right, which rewards a constant prediction by what the sample holds)"
)
_SCREEN = (
    "the guidelines' stated aim, high T_c, is the primary target: the AUC for T_c >= 10 K "
    "within families (cuprates, iron-based, hydrides, the rest), with a cluster bootstrap over "
    "element sets (0.2.0 pooled superconducting vs not across families, with a row bootstrap "
    "too narrow for doping series)"
)
REASONS: dict[str, str] = {
    "fig11-12-superconductors-not-gaseous": _SKILL,
    "fig13-density": _SKILL,
    "gap-predicts-superconductors": _SKILL,
    "resistivity-correlation-elements": _SKILL + "; one data standard with Table 1 (intrinsic "
    "Si, Ge and diamond)",
    "tc-rises-with-pressure": _STATEMENT,
    "resistivity-falls-with-pressure": _STATEMENT,
    **{f"screen-{g}": _SCREEN for g in ("g1", "g2", "g3", "g4", "g5", "combined")},
    "bcs-cannot-explain-meissner": "made testable: the London penetration depth (the "
    "mainstream account of the Meissner effect) against measured depths",
}


def record_changes(claims) -> None:
    """Set ``previous_verdict`` and ``change`` on every claim whose verdict differs from 0.1.0.

    Raises
    ------
    ValueError
        If a verdict changed and `REASONS` does not say why.
    """
    for c in claims:
        old = VERDICTS_PREVIOUS.get(c.id)
        if c.verdict == "untestable" and old != "untestable":
            continue  # computed without its evidence (compute_claims() alone): not a change
        if old is not None and old != c.verdict:
            if c.id not in REASONS:
                raise InputError(
                    f"claim {c.id}: verdict changed from {old} to {c.verdict} "
                    "and REASONS does not say why"
                )
            c.previous_verdict = old
            c.change = f"was {old}, now {c.verdict}: {REASONS[c.id]}"
