"""The kind of every claim, and what this version of the audit changed (with the reason).

Kinds (see :mod:`.base`): ``quoted`` and ``world`` are listed here by id; a claim whose id ends
in ``-series`` is this package's ``extension`` (the full series where the paper used the first
term); every other claim is ``mathematics``.
"""

from __future__ import annotations

__all__ = ["PREVIOUS_VERDICTS", "QUOTED", "WORLD", "kind_of", "record_changes"]

#: Standard physics the paper quotes: counted apart from the paper's own claims.
QUOTED = frozenset({"eq43-stefan-boltzmann", "eq45-flux-quantum"})
#: Statements about real matter, tested against measurements.
WORLD = frozenset(
    {
        "table1-correlation",
        "table1-nonconductors-higher",
        "flux-twice-quantum",
        "eq44-critical-current",
        "fig11-12-superconductors-not-gaseous",
        "fig13-density",
        "gap-predicts-superconductors",
        "resistivity-correlation-elements",
        "tc-rises-with-pressure",
        "resistivity-falls-with-pressure",
        "meissner-lorentz",
        "bcs-cannot-explain-meissner",
    }
)

#: Verdicts of the audit before the verdict rules of this version (electron-tunnel 0.1.0 as
#: first released: the old strength rule, element data and sample), for the claims whose
#: verdict has changed since; the report shows them beside the new verdict.
PREVIOUS_VERDICTS = {
    "table1-correlation": "approximate",
    "table1-nonconductors-higher": "approximate",
    "fig11-12-superconductors-not-gaseous": "approximate",
    "fig13-density": "approximate",
    "gap-predicts-superconductors": "approximate",
    "resistivity-correlation-elements": "contradicted",
    "tc-rises-with-pressure": "confirmed",
}

#: Why a verdict may have changed, by claim.
REASONS = {
    "table1-correlation": "scored against measured resistivities (the paper's column has doped Si, "
    "graphite for diamond and silver's value for Au) with a bootstrap CI and the no-signal rule",
    "table1-nonconductors-higher": "scored on the magnitude that ρ = Z·D implies, not only the "
    "order",
    "fig11-12-superconductors-not-gaseous": "the no-signal rule, the measured-sample rule and the "
    "checked ambient superconductors",
    "fig13-density": "superheavy elements (predicted densities) are no longer counted, and the "
    "no-signal rule",
    "gap-predicts-superconductors": "the paper's own radii (Bondi R_b) and the no-signal rule: "
    "the old rule called an estimate whose CI contains chance 'approximate'",
    "resistivity-correlation-elements": "the no-signal rule: the old rule called an estimate on "
    "the wrong side of chance 'contradicted' even when its CI contains chance",
    "tc-rises-with-pressure": "tested on materials whose T_c falls as well as rises, and scored "
    "on the size of the slope, not only its sign",
}


def kind_of(claim_id: str) -> str:
    """The kind of a claim (``mathematics``, ``world``, ``quoted`` or ``extension``)."""
    if claim_id in QUOTED:
        return "quoted"
    if claim_id in WORLD or claim_id.startswith("screen-"):
        return "world"
    if claim_id.endswith("-series"):
        return "extension"
    return "mathematics"


def record_changes(claims) -> None:
    """Set ``kind`` on every claim, and ``previous_verdict``/``change`` where a verdict changed."""
    for c in claims:
        c.kind = kind_of(c.id)
        old = PREVIOUS_VERDICTS.get(c.id)
        if old is not None and old != c.verdict:
            c.previous_verdict = old
            c.change = f"was {old}, now {c.verdict}: {REASONS[c.id]}"
