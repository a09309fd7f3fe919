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

One module per section of the paper: :mod:`.tunnel` (two-centre system, conducting radius,
threshold), :mod:`.series` (the infinite series), :mod:`.figures_table` (Figures 1-7, Table 1),
:mod:`.phenomenology` (eqs 42-45), :mod:`.materials` (real elements, Figures 11-13),
:mod:`.pressure` (Figure 8, T_c under pressure), :mod:`.meissner`, :mod:`.screen`; :mod:`.base` holds the
:class:`Claim` record; the rules are those of :mod:`electron_tunnel.reproduce.verdicts`.
"""

from __future__ import annotations

from ...errors import InputError
from ..verdicts import NEGLIGIBLE_RULE, Verdict, judge_meissner, negligible_effect
from . import figures_table, materials, phenomenology, series, tunnel
from . import meissner as meissner_claims
from . import pressure as pressure_claims
from . import screen as screen_claims
from .base import (
    APPROX_REL,
    ASSOCIATION_RULE,
    KINDS,
    MAGNITUDE_RULE,
    VERDICTS,
    Claim,
    Comparison,
    Kind,
    association_verdict,
    magnitude_verdict,
    verdict_from_printed,
)
from .changes import record_changes
from .phenomenology import literature_facts

__all__ = [
    "APPROX_REL",
    "ASSOCIATION_RULE",
    "KINDS",
    "MAGNITUDE_RULE",
    "VERDICTS",
    "Claim",
    "Comparison",
    "Kind",
    "Verdict",
    "association_verdict",
    "compute_claims",
    "literature_facts",
    "magnitude_verdict",
    "verdict_from_printed",
]


def compute_claims(
    evaluation=None, figure8=None, meissner=None, pressure=None, screen=None
) -> list[Claim]:
    """Compute every claim, in the order of the paper.

    ``evaluation`` (the results of :func:`electron_tunnel.materials.evaluation.evaluate`) decides the
    claims about real elements; ``meissner`` (the result of
    :func:`electron_tunnel.magnetism.meissner_experiment`) the Meissner claim; without them
    those claims are ``untestable``; ``pressure`` (from :func:`.pressure.compute_pressure`,
    computed when not given) the pressure claims; ``screen`` (the result of
    :func:`electron_tunnel.screen.evaluate`) the design-guideline claims.
    """
    if meissner is not None and "verdict" not in meissner:
        meissner = judge_meissner(meissner)  # the evidence of the experiment, judged here
    claims = (
        tunnel.claims()
        + series.claims()
        + figures_table.claims()
        + phenomenology.claims()
        + meissner_claims.claims(meissner)
        + materials.claims(evaluation)
        + pressure_claims.claims(figure8, pressure)
        + screen_claims.claims(screen)
    )
    for c in claims:
        if (
            c.verdict == Verdict.NO_SIGNAL
            and c.ci95 is not None
            and c.chance is not None
            and negligible_effect(c.ci95, c.chance)
        ):
            c.note = f"negligible effect ({NEGLIGIBLE_RULE}). " + c.note
    record_changes(claims)
    ids = [c.id for c in claims]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise InputError(f"claim ids must be unique; repeated: {', '.join(duplicated)}")
    return claims
