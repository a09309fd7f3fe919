"""The headline of a reproduction as Markdown, generated from its claims.

The README and the documentation's home page carry this block between the markers
`START` and `END`; ``python3 tools/sync_headline.py`` rewrites it there from a
reproduction's ``claims.json``, and a test fails when the committed block differs from what the
current code computes. So the counts people read cannot go stale.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from ..errors import InputError
from .claims.base import KINDS, VERDICTS

__all__ = ["END", "START", "headline_markdown", "replace_block", "sync"]

START = "<!-- headline: generated from claims.json by tools/sync_headline.py; do not edit -->"
END = "<!-- /headline -->"


def _get(c, key):
    return c[key] if isinstance(c, dict) else getattr(c, key)


def _value(c):
    v = _get(c, "verdict")
    return v if isinstance(v, str) else v.value


def _fmt(x):
    return "—" if x is None else f"{x:.3g}" if isinstance(x, float) else str(x)


def _comparison(c, name):
    for comp in _get(c, "comparisons") or []:
        comp = comp if isinstance(comp, dict) else comp.as_dict()
        if comp["name"] == name:
            return comp
    return None


def _cell(comp):
    if comp is None:
        return "—"
    if comp["estimate"] is None:
        return "n/a" if str(comp.get("method", "")).startswith("does not apply") else "—"
    return f"{_fmt(comp['estimate'])} ({comp['verdict']})"


def headline_markdown(claims) -> str:
    """The headline block (without markers): counts by kind and verdict, the headline by kind,
    and every world claim with the model's estimate beside its no-skill baseline, its confound
    and its confound-controlled estimate."""
    claims = list(claims)
    by_kind = {k: Counter(_value(c) for c in claims if str(_get(c, "kind")) == k) for k in KINDS}
    lines = [
        f"Counts of the current run ({len(claims)} claims):",
        "",
        "| kind | " + " | ".join(VERDICTS) + " |",
        "|---|" + "---|" * len(VERDICTS),
    ]
    for k in KINDS:
        n = sum(by_kind[k].values())
        cells = " | ".join(str(by_kind[k][v] or "") for v in VERDICTS)
        lines.append(f"| {k} ({n}) | {cells} |")
    lines.append("")
    for k in KINDS:
        n = sum(by_kind[k].values())
        hold = by_kind[k]["confirmed"] + by_kind[k]["approximate"]
        lines.append(
            f"* **{k}**: {hold} of {n} hold ({by_kind[k]['confirmed']} confirmed, "
            f"{by_kind[k]['approximate']} approximate); {by_kind[k]['contradicted']} "
            f"contradicted, {by_kind[k]['no signal']} no signal, "
            f"{by_kind[k]['untestable']} untestable."
        )
    lines += [
        "",
        "Every claim about the world, with the model's own estimate beside the no-skill "
        "baseline, the obvious confound and the confound-controlled estimate (where the claim "
        "has them; verdicts by the same rule; n/a: a single comparison, not a prediction over "
        "rows — `claims.json` says why):",
        "",
        "| claim | verdict | computed | pooled / skill | no-skill | confound | controlled |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in claims:
        if str(_get(c, "kind")) != "world":
            continue
        model = _comparison(c, "pooled") or _comparison(c, "skill")
        controlled = _comparison(c, "controlled")
        if controlled is None and _comparison(c, "pooled") is not None:
            controlled = {"estimate": _get(c, "estimate"), "verdict": _value(c)}
        computed = _get(c, "computed_value")
        lines.append(
            f"| `{_get(c, 'id')}` | {_value(c)} | {_fmt(computed)} | {_cell(model)} | "
            f"{_cell(_comparison(c, 'no-skill'))} | {_cell(_comparison(c, 'confound'))} | "
            f"{_cell(controlled)} |"
        )
    return "\n".join(lines)


def replace_block(text: str, block: str) -> str:
    """``text`` with the content between `START` and `END` replaced by ``block``;
    ``ValueError`` if the markers are missing."""
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise InputError(f"the headline markers are missing: {START!r} … {END!r}")
    return pattern.sub(lambda _: f"{START}\n{block}\n{END}", text, count=1)


def sync(claims_json, paths) -> list[Path]:
    """Rewrite the headline block of each file of ``paths`` from ``claims_json``; returns the
    files that changed."""
    data = json.loads(Path(claims_json).read_text(encoding="utf-8"))
    claims = data["claims"] if isinstance(data, dict) else data
    block = headline_markdown(claims)
    changed = []
    for p in map(Path, paths):
        old = p.read_text(encoding="utf-8")
        new = replace_block(old, block)
        if new != old:
            p.write_text(new, encoding="utf-8")
            changed.append(p)
    return changed
