"""Every numeric or checkable claim of the paper, computed and given a verdict.

Verdicts follow fixed rules stated here and in the report, applied to computed numbers:

* numbers the paper prints (``2.618``, ``0.621``, ``5.37E+13``): **confirmed** if the computed
  value rounds to the printed one at the printed precision (within half a unit in the last
  printed digit); **approximate** if it is within 5 % of it; **contradicted** otherwise;
* statements about a threshold or an inequality: **confirmed** if the computed quantity satisfies
  the statement everywhere it was checked, **approximate** if on part of the range (the note
  says which), **contradicted** if not;
* **untestable**: the model or the data to decide it is not here (the note says what would be
  needed).

Literature facts used for a verdict carry their citation in ``note``.

One module per section of the paper: [`tunnel`][] (two-centre system, conducting radius,
threshold), [`series`][] (the infinite series), [`figures_table`][] (Figures 1-7, Table 1),
[`phenomenology`][] (eqs 42-45), [`materials`][] (real elements, Figures 11-13),
[`pressure`][] (Figure 8, T_c under pressure), [`meissner`][], [`mainstream`][] (the paper
beside mainstream physics), [`superconductors`][] (type II, superconductivity under pressure),
[`screen`][]; [`base`][] holds the
[`Claim`][] record; the rules are those of [`electron_tunnel.reproduce.verdicts`][].
"""

from __future__ import annotations

from ... import datasets, diagram
from ...errors import InputError
from ...outputs import Result
from ..verdicts import NEGLIGIBLE_RULE, Verdict, judge_meissner, negligible_effect
from . import figures_table, materials, phenomenology, resistance, series, superconductors, tunnel
from . import mainstream as mainstream_claims
from . import meissner as meissner_claims
from . import pressure as pressure_claims
from . import screen as screen_claims
from .base import Claim, Comparison, Evidence, Kind, not_applicable
from .changes import record_changes
from .mainstream import element_table as mainstream_table
from .phenomenology import literature_facts

__all__ = [
    "Claim",
    "Comparison",
    "Evidence",
    "Kind",
    "Verdict",
    "compute_claims",
    "literature_facts",
    "mainstream_table",
]


def compute_claims(
    evaluation=None, figure8=None, meissner=None, pressure=None, screen=None, heldout=None
) -> list[Claim]:
    """Compute every claim, in the order of the paper.

    ``evaluation`` (the results of [`electron_tunnel.materials.evaluation.evaluate`][]) decides the
    claims about real elements; ``meissner`` (the result of
    [`electron_tunnel.magnetism.meissner_experiment`][]) the Meissner claim; without them
    those claims are ``untestable``; ``pressure`` (from [`electron_tunnel.diagram.pressure_evidence`][],
    computed when not given) the pressure claims; ``screen`` (the result of
    [`electron_tunnel.screen.evaluate`][]) the design-guideline claims.
    """
    # the applications' results, read by attribute (plain dicts, e.g. read from JSON, too)
    evaluation, meissner, screen = (
        None if r is None else r if isinstance(r, Result) else Result(r)
        for r in (evaluation, meissner, screen)
    )
    if meissner is not None and "verdict" not in meissner:
        meissner = judge_meissner(meissner)  # the evidence of the experiment, judged here
    if pressure is None:
        pressure = diagram.pressure_evidence()
    evidence = (
        tunnel.claims()
        + series.claims()
        + figures_table.claims()
        + phenomenology.claims()
        + meissner_claims.claims(meissner)
        + materials.claims(evaluation)
        + pressure_claims.claims(figure8, pressure)
        + [screen_claims.high_tc_claim()]
        + resistance.claims()
        + mainstream_claims.claims(pressure)
        + superconductors.claims()
        + screen_claims.claims(screen)
        + [screen_claims.heldout_claim(heldout)]
    )
    claims = _join(evidence)
    mainstream_claims.add_mainstream({c.id: c for c in claims}, pressure)
    for c in claims:
        if (
            c.verdict == Verdict.NO_SIGNAL
            and c.ci95 is not None
            and c.chance is not None
            and negligible_effect(c.ci95, c.chance)
        ):
            c.note = f"negligible effect ({NEGLIGIBLE_RULE}). " + c.note
    _skill_entries(claims)
    record_changes(claims)
    return claims


#: World claims that are not a prediction scored over rows (one number against one
#: measurement, a law against a law): why a no-skill baseline and a confound do not apply.
SINGLE_COMPARISON = {
    "table1-nonconductors-higher": "one ratio (non-metals over metals) against one measured "
    "ratio; the claim is itself about the metal/non-metal split",
    "flux-twice-quantum": "one predicted flux step against the measured one",
    "eq45-flux-attribution": "one predicted flux quantum against the measured one",
    "eq44-critical-current": "the shape of one law J(T) against the measured law",
    "jc-t4-across-materials": "one predicted ratio of critical currents against the measured one",
    "vortex-density": "one predicted density against the measured one",
    "meissner-lorentz": "a simulated susceptibility against the Meissner value −1",
    "bcs-cannot-explain-meissner": "a statement about another theory",
    "high-tc-needs-pressure": "a count of materials against the statement's 'most'",
    "resistivity-purity-independent": "one predicted ratio (1) against the measured spread",
    "resistive-transition-shape": "predicted resistance ratios against measured ones, one material",
    "density-not-rising-with-z": "a descriptive statement with no prediction to score; the "
    "confound is shown",
    "mainstream-tc-elements": "a claim about the mainstream account, scored on its own "
    "predictions against measured T_c",
    "bcs-cannot-account-for-pressure": "a claim about another theory, decided by the counts "
    "of both on the same rows",
    "tc-hc-correlation": "a correlation between two measured quantities, no prediction; the "
    "mainstream's B_c(0) is shown",
    "insulators-become-superconductors": "a count of cited examples",
    "resistivity-rises-with-temperature": "every measured coefficient is positive, so there is "
    "no contrast to score skill on; the magnitude decides, beside Bloch–Grüneisen",
    "drude-density-resistivity": "a claim about another theory, decided by its own predictions",
    "type-ii-are-compounds": "two measured shares (type II among compounds and among elements), "
    "no prediction to score; the mainstream's κ-based types are shown",
    "superconductivity-common-under-pressure": "a share of cited outcomes against the "
    "statement's 'common' (one half)",
}


def _skill_entries(claims) -> None:
    """Every world claim carries a ``no-skill`` and a ``confound`` entry: computed, or saying why
    it does not apply ([`SINGLE_COMPARISON`][])."""
    for c in claims:
        if c.kind != Kind.WORLD:
            continue
        names = {x.name for x in c.comparisons}
        reason = SINGLE_COMPARISON.get(c.id)
        for name in ("no-skill", "confound"):
            if name in names:
                continue
            if reason is None and c.verdict != Verdict.UNTESTABLE:
                raise InputError(f"claim {c.id}: world claim without a {name!r} comparison")
            c.comparisons.append(not_applicable(name, reason or "the claim's input is pending"))


def _join(evidence) -> list[Claim]:
    """Each piece of evidence joined with its claim's one declaration (``paper_claims``)."""
    declared = datasets.paper_claims().set_index("id", drop=False)
    ids = [e.id for e in evidence]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise InputError(f"claim ids must be unique; repeated: {', '.join(duplicated)}")
    undeclared = sorted(set(ids) - set(declared.index))
    unchecked = sorted(set(declared.index) - set(ids))
    if undeclared or unchecked:
        raise InputError(
            f"claims declared and checked must match: undeclared {undeclared}, "
            f"unchecked {unchecked}"
        )
    return [Claim.declared(declared.loc[e.id], e) for e in evidence]
