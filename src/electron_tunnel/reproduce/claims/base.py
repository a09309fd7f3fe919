"""The [`Claim`][] record, its kinds, and the evidence entries it carries.

A claim is declared once, with keyword fields: what the paper says (``id``, ``section``,
``kind``, ``statement``, ``paper_value``), what was computed and how (``computed_value``,
``method``), and the verdict given by one of the rules of [`verdicts`][] (which owns the
vocabulary). ``comparisons`` is the one extension point: named evidence entries (a no-skill
baseline, an obvious confound, a mainstream model, an ML baseline) scored on the same rows by
the same rule.

Every claim has a **kind** ([`Kind`][]): ``mathematics`` (the paper's algebra and figures),
``world`` (a statement about real matter, tested against measurements), ``quoted`` (standard
physics the paper cites) or ``extension`` (a result this package adds, such as the full series
where the paper used the first term).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from enum import StrEnum

from ...errors import InputError
from ..verdicts import (
    APPROX_REL,
    ASSOCIATION_RULE,
    MAGNITUDE_FACTORS,
    MAGNITUDE_RULE,
    Verdict,
    association_verdict,
    magnitude_verdict,
    skill_verdict,
    verdict_from_printed,
)

__all__ = [
    "APPROX_REL",
    "ASSOCIATION_RULE",
    "KINDS",
    "MAGNITUDE_FACTORS",
    "MAGNITUDE_RULE",
    "VERDICTS",
    "Claim",
    "Comparison",
    "Evidence",
    "Kind",
    "Verdict",
    "association_verdict",
    "fmt_value",
    "magnitude_verdict",
    "no_skill",
    "not_applicable",
    "pending",
    "rounded",
    "verdict_from_printed",
]


class Kind(StrEnum):
    """What a claim is about; members compare equal to their text."""

    MATHEMATICS = "mathematics"
    WORLD = "world"
    QUOTED = "quoted"
    EXTENSION = "extension"


#: The verdict words, in the order the report lists them.
VERDICTS = tuple(v.value for v in Verdict)
KINDS = tuple(k.value for k in Kind)


@dataclass(kw_only=True)
class Comparison:
    """One named piece of evidence beside a claim's own: scored on the same rows, same rule.

    ``name`` says what it is (``no-skill``, ``confound``, ``mainstream``, ``ml_baseline``);
    ``method`` how it was computed; ``n`` the rows; ``estimate`` and ``ci95`` its statistic;
    ``verdict`` what the claim's rule gives it.
    """

    name: str
    method: str
    n: int | None = None
    estimate: float | None = None
    ci95: list | None = None
    verdict: Verdict = Verdict.UNTESTABLE

    def __post_init__(self):
        self.verdict = Verdict(self.verdict)

    def as_dict(self):
        return {f.name: getattr(self, f.name) for f in fields(self)} | {
            "verdict": self.verdict.value
        }


@dataclass(kw_only=True)
class Evidence:
    """What a claim's check returns: the computed value, how, and the verdict by its rule.

    The claim's declaration (``id``, ``section``, ``kind``, ``statement``, ``paper_value``) is
    not repeated here: it is read once from [`electron_tunnel.datasets.paper_claims`][] and
    joined by ``id`` ([`Claim.declared`][]).
    """

    id: str
    computed_value: object
    method: str
    verdict: Verdict
    note: str = ""
    estimate: float | None = None
    ci95: list | None = None
    chance: float | None = None
    by_convention: dict | None = None
    robust: bool | None = None
    comparisons: list[Comparison] = field(default_factory=list)
    detail: dict = field(default_factory=dict, repr=False)


#: Key order of a claim in claims.json.
FIELD_ORDER = (
    "id", "section", "kind", "statement", "paper_value", "computed_value", "method", "verdict",
    "note", "estimate", "ci95", "chance", "by_convention", "robust", "previous_verdict", "change",
    "comparisons",
)  # fmt: skip


@dataclass(kw_only=True)
class Claim(Evidence):
    """One audited claim: its declaration (what the paper says) joined with its evidence.

    ``estimate``, ``ci95`` and ``chance`` are set for association claims (the verdict follows
    from them by [`association_verdict`][]);
    ``by_convention`` and ``robust`` for claims about elements that depend on the choice of
    radii; ``previous_verdict`` and ``change`` where this version of the audit changed a verdict
    since 0.1.0, with the reason; ``comparisons`` the evidence beside the paper's own.
    """

    section: str
    kind: Kind
    statement: str
    paper_value: object
    previous_verdict: str | None = None
    change: str = ""

    def __post_init__(self):
        try:
            self.verdict = Verdict(self.verdict)
        except ValueError:
            raise InputError(
                f"claim {self.id}: verdict must be one of {VERDICTS}, got {self.verdict!r}"
            ) from None
        try:
            self.kind = Kind(self.kind)
        except ValueError:
            raise InputError(
                f"claim {self.id}: kind must be one of {KINDS}, got {self.kind!r}"
            ) from None

    @classmethod
    def declared(cls, declaration, evidence: Evidence) -> Claim:
        """The claim from its declaration (a row of ``paper_claims``) and its evidence."""
        if declaration["id"] != evidence.id:
            raise InputError(f"declaration {declaration['id']} joined with evidence {evidence.id}")
        fixed = {k: declaration[k] for k in ("section", "kind", "statement", "paper_value")}
        given = {f.name: getattr(evidence, f.name) for f in fields(evidence)}
        return cls(**given, **fixed)

    def as_dict(self):
        """The claim as a JSON-ready dict (without ``detail``)."""
        out = {name: getattr(self, name) for name in FIELD_ORDER}
        out["verdict"] = self.verdict.value
        out["kind"] = self.kind.value
        out["comparisons"] = [c.as_dict() for c in self.comparisons]
        return out


def pending(ids, method: str, note: str) -> list[Evidence]:
    """``untestable`` evidence for claims whose input was not given (``method`` says which)."""
    return [
        Evidence(id=i, computed_value="pending", method=method, verdict="untestable", note=note)
        for i in ids
    ]


def no_skill(chance, n, what="a constant prediction") -> Comparison:
    """The no-skill baseline on ``n`` rows: ``what`` (the majority class, a constant score)
    gives the chance value with a zero-width CI, and no signal by `SKILL_RULE`."""
    return Comparison(
        name="no-skill",
        method=f"{what}: every row gets the same prediction, so the statistic is chance "
        f"({chance:g}) exactly",
        n=int(n),
        estimate=float(chance),
        ci95=[float(chance), float(chance)],
        verdict=skill_verdict(chance, (chance, chance), chance, 1.0, constant=True),
    )


def not_applicable(name: str, reason: str) -> Comparison:
    """A ``name`` comparison (``no-skill``, ``confound``) that does not apply to a claim, and why."""
    return Comparison(name=name, method=f"does not apply: {reason}", verdict=Verdict.UNTESTABLE)


def rounded(x, digits=6):
    """``x`` rounded to ``digits`` significant digits for JSON; ``None`` if not finite."""
    x = float(x)
    return None if not math.isfinite(x) else float(f"{x:.{digits}g}")


def fmt_value(x, digits=4):
    """``x`` as text with ``digits`` significant digits, or "none (no tunnel)"."""
    return "none (no tunnel)" if not math.isfinite(x) else f"{x:.{digits}g}"
