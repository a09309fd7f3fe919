"""The verdict vocabulary and rules shared by every claim, and the :class:`Claim` record."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

__all__ = [
    "APPROX_REL",
    "PM",
    "VERDICTS",
    "Claim",
    "fmt_value",
    "rounded",
    "verdict_from_printed",
]

VERDICTS = ("confirmed", "approximate", "contradicted", "untestable")
#: Relative difference up to which a printed number is called approximately right.
APPROX_REL = 0.05
PM = 1e-12


@dataclass
class Claim:
    """One audited claim: what the paper says, what was computed, how, and the verdict."""

    id: str
    source: str
    statement: str
    paper_value: object
    computed_value: object
    method: str
    verdict: str
    note: str = ""
    detail: dict = field(default_factory=dict, repr=False)

    def as_dict(self):
        """The claim as a JSON-ready dict (without ``detail``)."""
        out = asdict(self)
        out.pop("detail")
        return out


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
