"""The verdict vocabulary and rules shared by every claim, and the :class:`Claim` record.

The vocabulary, fixed before any outcome was looked at:

* **confirmed** — the computed result agrees with the claim by the claim's rule (a printed number
  rounds to the computed one; an association is on the claimed side of chance with its whole
  95 % CI and at least as strong as the claim says; a ratio lies within a factor 3);
* **approximate** — it agrees only roughly (within 5 % of a printed number; an association whose
  CI excludes chance but that is weaker than claimed; a ratio within a factor 10);
* **no signal** — the estimate's 95 % CI contains chance, so the data cannot tell, whichever
  side of chance the estimate falls on;
* **contradicted** — the result disagrees (the CI lies wholly on the other side of chance, a
  ratio off by more than a factor 10, a statement false where it was checked);
* **untestable** — the model or the data to decide it is not here (the note says what would be
  needed).

Every claim also has a **kind**: ``mathematics`` (the paper's algebra and figures),
``world`` (a statement about real matter, tested against measurements), ``quoted`` (standard
physics the paper cites) or ``extension`` (a result this package adds, such as the full series
where the paper used the first term).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

__all__ = [
    "APPROX_REL",
    "KINDS",
    "MAGNITUDE_FACTORS",
    "PM",
    "VERDICTS",
    "Claim",
    "association_verdict",
    "fmt_value",
    "magnitude_verdict",
    "rounded",
    "verdict_from_printed",
]

VERDICTS = ("confirmed", "approximate", "no signal", "contradicted", "untestable")
KINDS = ("mathematics", "world", "quoted", "extension")
#: Relative difference up to which a printed number is called approximately right.
APPROX_REL = 0.05
#: A predicted ratio is confirmed within the first factor of the measured one, approximate
#: within the second, else contradicted.
MAGNITUDE_FACTORS = (3.0, 10.0)
PM = 1e-12

ASSOCIATION_RULE = (
    "no signal if the 95 % CI contains chance ({chance:g}); contradicted if the CI lies wholly "
    "on the other side of chance; confirmed if it lies wholly on the claimed side and the "
    "estimate reaches {strong:g}; approximate if on the claimed side but weaker"
)
MAGNITUDE_RULE = (
    "predicted/measured ratio of resistivities: confirmed within a factor 3, approximate within "
    "a factor 10, else contradicted"
)


@dataclass
class Claim:
    """One audited claim: what the paper says, what was computed, how, and the verdict.

    ``estimate``, ``ci95`` and ``chance`` are set for association claims (the verdict follows
    from them by :func:`association_verdict`); ``by_convention`` and ``robust`` for claims about
    elements that depend on the choice of radii; ``previous_verdict`` and ``change`` where this
    version of the audit changed a verdict, with the reason.
    """

    id: str
    source: str
    statement: str
    paper_value: object
    computed_value: object
    method: str
    verdict: str
    note: str = ""
    kind: str = ""
    estimate: float | None = None
    ci95: list | None = None
    chance: float | None = None
    by_convention: dict | None = None
    robust: bool | None = None
    previous_verdict: str | None = None
    change: str = ""
    detail: dict = field(default_factory=dict, repr=False)

    def as_dict(self):
        """The claim as a JSON-ready dict (without ``detail``)."""
        out = asdict(self)
        out.pop("detail")
        return out


def association_verdict(estimate, ci95, chance, strong) -> str:
    """Verdict of an association by its estimate and 95 % CI (see :data:`ASSOCIATION_RULE`).

    Parameters
    ----------
    estimate : float
        The statistic, oriented so that the claim says "above chance" (an AUC, a correlation).
    ci95 : sequence of two floats
        Its 95 % confidence interval.
    chance : float
        The value under no association (0.5 for an AUC, 0 for a correlation).
    strong : float
        The strength the claim asserts ("strong", "closely"), e.g. 0.8 for an AUC.

    Examples
    --------
    >>> association_verdict(0.594, (0.48, 0.71), 0.5, 0.8)
    'no signal'
    >>> association_verdict(-0.18, (-0.44, 0.07), 0.0, 0.7)
    'no signal'
    >>> association_verdict(0.85, (0.71, 0.95), 0.5, 0.8)
    'confirmed'
    >>> association_verdict(0.65, (0.55, 0.75), 0.5, 0.8)
    'approximate'
    >>> association_verdict(0.31, (0.2, 0.45), 0.5, 0.8)
    'contradicted'
    """
    lo, hi = (float(v) for v in ci95)
    if not all(math.isfinite(v) for v in (float(estimate), lo, hi)):
        return "untestable"
    if lo <= chance <= hi:
        return "no signal"
    if hi < chance:
        return "contradicted"
    return "confirmed" if estimate >= strong else "approximate"


def magnitude_verdict(predicted, measured) -> str:
    """Verdict of a predicted ratio against a measured one (see :data:`MAGNITUDE_RULE`).

    A prediction of the wrong direction (ratio on the other side of 1) is contradicted.

    Examples
    --------
    >>> magnitude_verdict(2.3, 2.0e10)
    'contradicted'
    >>> magnitude_verdict(25.0, 10.0), magnitude_verdict(50.0, 10.0), magnitude_verdict(0.5, 10)
    ('confirmed', 'approximate', 'contradicted')
    """
    p, m = float(predicted), float(measured)
    if not (math.isfinite(p) and math.isfinite(m) and p > 0 and m > 0):
        return "untestable"
    if (p > 1) != (m > 1) and p != 1 and m != 1:
        return "contradicted"
    factor = max(p / m, m / p)
    confirm, approx = MAGNITUDE_FACTORS
    if factor <= confirm:
        return "confirmed"
    if factor <= approx:
        return "approximate"
    return "contradicted"


def _printed_half_unit(text: str) -> float:
    """Half a unit in the last printed digit of a number written as text."""
    t = text.strip().lower()
    mant, _, exp = t.partition("e")
    decimals = len(mant.split(".")[1]) if "." in mant else 0
    return 0.5 * 10.0 ** (-decimals + (int(exp) if exp else 0))


def verdict_from_printed(printed: str, computed: float) -> str:
    """Verdict for a number the paper prints as ``printed`` against ``computed``."""
    paper = float(printed)
    if not math.isfinite(computed):
        return "contradicted"
    diff = abs(computed - paper)
    if diff <= _printed_half_unit(printed) * (1 + 1e-9):
        return "confirmed"
    if diff <= APPROX_REL * abs(paper):
        return "approximate"
    return "contradicted"


def rounded(x, digits=6):
    """``x`` rounded to ``digits`` significant digits for JSON; ``None`` if not finite."""
    x = float(x)
    return None if not math.isfinite(x) else float(f"{x:.{digits}g}")


def fmt_value(x, digits=4):
    """``x`` as text with ``digits`` significant digits, or "none (no tunnel)"."""
    return "none (no tunnel)" if not math.isfinite(x) else f"{x:.{digits}g}"
