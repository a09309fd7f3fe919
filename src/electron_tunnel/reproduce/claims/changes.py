"""What this version of the audit changed, against the verdicts of electron-tunnel 0.1.0.

:data:`VERDICTS_0_1_0` is the verdict of every claim as ``etunnel reproduce`` of version 0.1.0
wrote it to ``claims.json``; a claim whose verdict differs now carries ``previous_verdict`` and
``change`` (the reason, from :data:`REASONS`), and the report lists it.
"""

from __future__ import annotations

from ...errors import InputError

__all__ = ["REASONS", "VERDICTS_0_1_0", "record_changes"]

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

#: The reason for a change of radii: 0.1.0 scored the pressure and screening claims with the
#: covalent/vdw convention and the element claims with the paper's; 0.2.0 has one.
_CONVENTION = (
    "one primary radius convention for the whole package, the paper's own (covalent R_v, "
    "Bondi's van der Waals R_b as in its Table 1), where 0.1.0 used covalent/vdw here"
)

#: Why a verdict may differ from 0.1.0, by claim (a change without a reason is an error).
REASONS = {
    "resistivity-falls-with-pressure": _CONVENTION,
    "screen-g1": "the negligible-effect rule: the whole CI of the AUC lies within 0.5 ± 0.06",
    "screen-g3": "the negligible-effect rule: the whole CI of the AUC lies within 0.5 ± 0.06",
    "screen-g4": "the negligible-effect rule (the 0.1.0 CI of the AUC, 0.465–0.485, already lay "
    "within 0.5 ± 0.06); the primary radius convention then moved the AUC to 0.492, with a CI "
    "that contains chance",
}


def record_changes(claims) -> None:
    """Set ``previous_verdict`` and ``change`` on every claim whose verdict differs from 0.1.0.

    Raises
    ------
    ValueError
        If a verdict changed and :data:`REASONS` does not say why.
    """
    for c in claims:
        old = VERDICTS_0_1_0.get(c.id)
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
