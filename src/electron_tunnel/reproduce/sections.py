"""Sections of the reproduction report beyond the paper's figures: the headline by kind, the
verdict rules, robustness to the radius convention, changed verdicts, pressure, the Meissner
simulation and the screening of compounds."""

from __future__ import annotations

import base64
import html
from collections import Counter

from ..outputs import Result
from .claims.base import KINDS, VERDICTS
from .claims.changes import PREVIOUS, VERDICTS_PREVIOUS
from .claims.mainstream import IDS as MAINSTREAM_IDS
from .verdicts import (
    ASSOCIATION_RULE,
    MAGNITUDE_RULE,
    NEGLIGIBLE_RULE,
    PRESSURE_RULE,
    SCREENING_RULE,
    SKILL_RULE,
    STATEMENT_RULE,
    TREND_ABSENT_RULE,
)

__all__ = [
    "badge",
    "changes_html",
    "escape",
    "heldout_html",
    "kind_table",
    "mainstream_html",
    "meissner_html",
    "pressure_html",
    "robustness_html",
    "rules_html",
    "screen_html",
    "skill_html",
]

KIND_LABELS = {
    "mathematics": "the paper's algebra and figures",
    "world": "statements about real matter, tested against measurements",
    "quoted": "standard physics the paper quotes",
    "extension": "results this package adds (e.g. the full series)",
}


def escape(x) -> str:
    """HTML-escaped text of ``x`` ("" for None)."""
    return html.escape("" if x is None else str(x))


_e = escape


def badge(verdict: str) -> str:
    """A coloured verdict badge (CSS classes of the report)."""
    return f'<span class="badge {_e(verdict.replace(" ", "-"))}">{_e(verdict)}</span>'


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<figure><img src="data:image/png;base64,{data}" alt="{_e(alt)}"></figure>'


def _num(v, spec=".3f"):
    return "—" if v is None or v != v else format(v, spec)


def _claim_items(claims, ids):
    by_id = {c.id: c for c in claims}
    items = [
        f"<li>{badge(by_id[i].verdict)} <code>{_e(i)}</code> — {_e(by_id[i].computed_value)}. "
        f"<span class='meta'>{_e(by_id[i].note)}</span></li>"
        for i in ids
        if i in by_id
    ]
    return "<ul>" + "".join(items) + "</ul>"


def kind_table(claims) -> str:
    """The headline: claims counted by kind and verdict, and how many world claims hold."""
    counts = Counter((c.kind, c.verdict) for c in claims)
    head = "".join(f"<th>{badge(v)}</th>" for v in VERDICTS)
    rows = "".join(
        f"<tr><td><b>{k}</b> <span class='meta'>— {_e(KIND_LABELS[k])}</span></td>"
        + "".join(f"<td>{counts.get((k, v), 0) or ''}</td>" for v in VERDICTS)
        + f"<td><b>{sum(counts.get((k, v), 0) for v in VERDICTS)}</b></td></tr>"
        for k in KINDS
    )
    world = [c for c in claims if c.kind == "world"]
    hold = sum(c.verdict in ("confirmed", "approximate") for c in world)
    confirmed = sum(c.verdict == "confirmed" for c in world)
    testable = sum(c.verdict != "untestable" for c in world)
    return (
        f"<p class='lead'><b>{hold} of {len(world)} claims about the world hold</b> "
        f"({confirmed} confirmed, {hold - confirmed} approximately; {testable} of them could be "
        "tested here). The algebra is counted separately from the world:</p>"
        f"<div class='scroll'><table class='kinds'><tr><th>kind</th>{head}<th>all</th></tr>"
        f"{rows}</table></div>"
    )


def rules_html() -> str:
    """The verdict vocabulary and rules, fixed before any outcome was looked at."""
    return f"""
<h2 id="rules">How verdicts are decided</h2>
<p>One vocabulary, fixed in advance (<code>electron_tunnel.reproduce.verdicts</code>):</p>
<ul>
<li>{badge("confirmed")} the computed result agrees with the claim by the claim's rule;</li>
<li>{badge("approximate")} it agrees only roughly;</li>
<li>{badge("no signal")} the estimate's 95 % confidence interval contains chance, so the data
cannot tell — whichever side of chance the estimate falls on; or the whole interval lies within
the negligible band, so the effect is too small to matter (<i>negligible effect</i>);</li>
<li>{badge("contradicted")} the result disagrees;</li>
<li>{badge("untestable")} the model or the data to decide it is not here (the note says what
would be needed).</li>
</ul>
<ul>
<li><b>Printed numbers</b>: <i>confirmed</i> if the computed value rounds to the printed one at
the printed precision; <i>approximate</i> if within 5 %; otherwise <i>contradicted</i>.</li>
<li><b>Statements</b> (thresholds, inequalities, trends): <i>confirmed</i> if the computed
quantity satisfies them everywhere checked; <i>approximate</i> on part of the range (the note
says which); otherwise <i>contradicted</i>.</li>
<li><b>Associations</b> (AUC, chance 0.5; correlation, chance 0): {
        _e(ASSOCIATION_RULE.format(chance=0.5, strong=0.8))
    } (0.8 for an AUC, 0.7 for a correlation: the strength the
paper's words "closely", "strongly" assert). Each stores <code>estimate</code>,
<code>ci95</code> and <code>chance</code> in <code>claims.json</code>. Negligible effect: {
        _e(NEGLIGIBLE_RULE)
    }.</li>
<li><b>Magnitudes</b> that follow from ρ = Z·D: {_e(MAGNITUDE_RULE)}.</li>
<li><b>Skill</b>: {_e(SKILL_RULE)}.</li>
<li><b>Universal statements</b>: {_e(STATEMENT_RULE)}.</li>
<li><b>Absent trends</b>: {_e(TREND_ABSENT_RULE)}.</li>
<li><b>Slopes under pressure</b> (the rule of 0.2.0, kept as evidence in the notes):
{_e(PRESSURE_RULE)}</li>
<li><b>Design guidelines</b>: {_e(SCREENING_RULE)}.</li>
<li><b>Radius conventions</b>: every element-level claim is computed under several conventions
(<code>by_convention</code>); it is <i>robust</i> only if the verdict is the same under all.
The paper's own convention is the primary one.</li>
<li><b>Kinds</b>: {"; ".join(f"<i>{k}</i> — {_e(v)}" for k, v in KIND_LABELS.items())}.</li>
<li>"First term" is the paper's eq (37); "full series" is eq (24) summed exactly (closed form in
digamma/trigamma functions, docs/derivations.md).</li>
</ul>"""


def robustness_html(claims) -> str:
    """Element-level claims under each radius convention."""
    rows = []
    for c in claims:
        if not c.by_convention:
            continue
        cells = "".join(
            f"<td class='num'>{v['estimate']} <span class='meta'>[{v['ci95'][0]}, "
            f"{v['ci95'][1]}]</span><br>{badge(v['verdict'])}</td>"
            for v in c.by_convention.values()
        )
        rows.append(
            f"<tr><td><code>{_e(c.id)}</code></td>{cells}<td>"
            f"{'robust' if c.robust else '<b>not robust</b>'}</td></tr>"
        )
    if not rows:
        return ""
    names = next(c.by_convention for c in claims if c.by_convention)
    head = "".join(f"<th>{_e(n)}</th>" for n in names)
    return f"""
<h3 id="robustness">Does the verdict depend on the radius convention?</h3>
<p>Estimate [95 % CI] and verdict under each convention (R_v/R_b; <code>paper</code> =
covalent R_v with Bondi's van der Waals R_b, else the empirical radius, as the paper's Table 1
caption says). Only elements whose bulk properties are measured are counted.</p>
<div class="scroll"><table><tr><th>claim</th>{head}<th></th></tr>{"".join(rows)}</table></div>"""


def skill_html(claims) -> str:
    """Every world claim beside its no-skill baseline, its confound and its other comparisons."""
    rows = []
    for c in claims:
        if str(c.kind) != "world":
            continue
        cells = []
        na = [x for x in c.comparisons if x.estimate is None and x.method.startswith("does not")]
        if na and len({x.method for x in na}) == 1:
            cells.append(f"<b>{_e(', '.join(x.name for x in na))}</b>: {_e(na[0].method)}")
        for comp in c.comparisons:
            if comp.estimate is None:
                if not (na and len({x.method for x in na}) == 1 and comp in na):
                    cells.append(f"<b>{_e(comp.name)}</b>: {_e(comp.method)}")
                continue
            ci = f" [{comp.ci95[0]}, {comp.ci95[1]}]" if comp.ci95 else ""
            cells.append(
                f"<b>{_e(comp.name)}</b>: {_e(comp.estimate)}<span class='meta'>{_e(ci)}</span> "
                f"{badge(comp.verdict)}"
            )
        rows.append(
            f"<tr><td><a href='#{_e(c.id)}'><code>{_e(c.id)}</code></a></td>"
            f"<td>{badge(c.verdict)}</td><td>{_e(c.computed_value)}</td>"
            f"<td class='note'>{'<br>'.join(cells)}</td></tr>"
        )
    if not rows:
        return ""
    return f"""
<h3 id="skill">Skill: the claims about the world beside a no-skill baseline and the confound</h3>
<p>{_e(SKILL_RULE)}. {_e(STATEMENT_RULE)}.</p>
<div class="scroll"><table><tr><th>claim</th><th>verdict</th><th>computed</th>
<th>beside it, on the same rows</th></tr>{"".join(rows)}</table></div>"""


def mainstream_html(claims, pngs=()) -> str:
    """The paper beside mainstream physics: every world test with a mainstream twin."""
    rows = []
    for c in claims:
        ms = next((x for x in c.comparisons if x.name == "mainstream"), None)
        if ms is None:
            continue
        same = next((x for x in c.comparisons if x.name == "paper on the mainstream rows"), None)
        paper = same.verdict if same is not None else c.verdict
        rows.append(
            f"<tr><td><a href='#{_e(c.id)}'><code>{_e(c.id)}</code></a></td>"
            f"<td class='num'>{_e(ms.n)}</td><td>{badge(paper)}</td>"
            f"<td>{badge(ms.verdict)} <span class='meta'>{_e(ms.estimate)}</span></td>"
            f"<td class='note'>{_e(ms.method)}</td></tr>"
        )
    about = [c for c in claims if c.id in MAINSTREAM_IDS or c.id == "bcs-cannot-explain-meissner"]
    items = "".join(
        f"<li>{badge(c.verdict)} <a href='#{_e(c.id)}'><code>{_e(c.id)}</code></a>: "
        f"{_e(c.computed_value)}</li>"
        for c in about
    )
    if not rows and not items:
        return ""
    captions = (
        "Mainstream T_c against measured, with the paper's class",
        "Resistivity against temperature: measured, Bloch–Grüneisen and the paper's model",
        "Pressure coefficient of resistivity: both models and Bridgman's measurements",
    )
    fig = "".join(_img(png, cap) for png, cap in zip(pngs, captions, strict=False) if png)
    return f"""
<h2 id="mainstream">The paper beside mainstream physics</h2>
<p>Each test of the paper that has a mainstream counterpart (McMillan/Allen–Dynes, BCS,
London, Bloch–Grüneisen; <code>electron_tunnel.mainstream</code>), scored on the same rows by the
same rule; <code>mainstream.csv</code> has the elements. The paper's verdict is on the
mainstream's rows where those are fewer.</p>
<div class="scroll"><table><tr><th>claim</th><th>n</th><th>paper</th><th>mainstream</th>
<th>mainstream method</th></tr>{"".join(rows)}</table></div>
<h3>The paper's claims about mainstream physics</h3><ul>{items}</ul>{fig}"""


def _number(v, spec=".3g"):
    """A table cell's number: ``format(v, spec)``, or "—" for missing, NaN or non-numbers."""
    try:
        v = float(v)
    except (TypeError, ValueError):
        return "—"
    return "—" if v != v else format(v, spec)


def heldout_html(results, table, png, claims) -> str:
    """The held-out superconductors: every row with both scores, the statistics and the claim."""
    if results is None:
        return ""

    num = _number

    rows = "".join(
        f"<tr><td>{_e(r.formula)}</td><td class='num'>{num(r.tc_K)}</td>"
        f"<td class='num'>{num(r.pressure_GPa)}</td><td>{_e(r.year)}</td><td>{_e(r.status)}</td>"
        f"<td class='num'>{num(r.guideline_percentile, '.0f')}</td>"
        f"<td class='num'>{num(r.ml_p_superconducting, '.2f')}</td>"
        f"<td class='note'>{_e(r.reason if isinstance(r.reason, str) else '')}</td></tr>"
        for r in table.itertuples()
    )
    note = results.get("pressure", {}).get("note", "")
    return f"""
<h2 id="heldout">Held out: superconductors reported after SuperCon</h2>
<p>{_e(note)}</p>
{_claim_items(claims, ["guidelines-heldout"])}
{_img(png, "Held-out superconductors: percentiles by both methods")}
<div class="scroll"><table><tr><th>formula</th><th>T_c [K]</th><th>p [GPa]</th><th>year</th>
<th>status</th><th>guideline percentile</th><th>ML P(sc)</th><th>not scored because</th></tr>
{rows}</table></div>"""


def changes_html(claims) -> str:
    """Claims whose verdict changed in this version of the audit, with the reason."""
    items = [
        f"<li><code>{_e(c.id)}</code>: {badge(c.previous_verdict)} → {badge(c.verdict)} — "
        f"{_e(c.change)}</li>"
        for c in claims
        if c.previous_verdict
    ]
    new = [
        f"<li><code>{_e(c.id)}</code>: {badge(c.verdict)}</li>"
        for c in claims
        if c.id not in VERDICTS_PREVIOUS
    ]
    if not items and not new:
        return ""
    out = f"<h3 id='changes'>Verdicts changed since version {PREVIOUS}</h3>"
    if items:
        out += (
            f"<p>Version {PREVIOUS} of this audit gave these claims another verdict; each "
            f"change with its reason:</p><ul>{''.join(items)}</ul>"
        )
    if new:
        out += f"<p>Claims new in this version:</p><ul>{''.join(new)}</ul>"
    return out


def pressure_html(tc_rows, res_rows, pngs, claims) -> str:
    """T_c and resistivity under pressure: every row, predicted beside measured."""
    if tc_rows is None:
        return ""

    fmt = _number

    t = "".join(
        f"<tr><td>{_e(r.material)}</td><td class='num'>{fmt(r.measured_slope_K_per_GPa)}</td>"
        f"<td class='num'>{fmt(r.predicted_slope_K_per_GPa)}</td>"
        f"<td class='num'>{fmt(r.ratio)}</td><td class='note'>{_e(r.anchor)} {_e(r.reason)}</td></tr>"
        for r in tc_rows.itertuples()
    )
    r2 = ""
    if res_rows is not None:
        r2 = "".join(
            f"<tr><td>{_e(r.symbol)}</td><td class='num'>{int(r.measured_sign):+d}</td>"
            f"<td class='num'>{fmt(r.predicted_sign, '+.0f')}</td>"
            f"<td class='num'>{fmt(r.measured_dlnR_dp_per_GPa)}</td>"
            f"<td class='num'>{fmt(r.predicted_dlnR_dp_per_GPa)}</td></tr>"
            for r in res_rows.itertuples()
        )
        r2 = (
            "<h3>Resistance under pressure (Bridgman and later)</h3><div class='scroll'><table>"
            "<tr><th>element</th><th>measured sign</th><th>predicted sign</th>"
            "<th>measured d ln R/dp [1/GPa]</th><th>predicted [1/GPa]</th></tr>"
            f"{r2}</table></div>" + _claim_items(claims, ["resistivity-falls-with-pressure"])
        )
    fig = (
        _img(pngs["pressure_slopes"], "predicted against measured slopes")
        if ("pressure_slopes" in pngs)
        else ""
    )
    return f"""
<h2 id="pressure">Pressure: T_c and resistivity</h2>
<p>Measured dT_c/dp of both signs (<code>datasets.tc_pressure_slopes</code>: Pb, Al, Cd, Zn and
MgB2 fall under pressure; Y, Lu, Sc and S rise) against the state-diagram model anchored to each
material (<code>pressure.csv</code>).</p>
{fig}
<div class="scroll"><table><tr><th>material</th><th>measured [K/GPa]</th><th>predicted [K/GPa]</th>
<th>predicted / measured</th><th>anchor or reason</th></tr>{t}</table></div>
{_claim_items(claims, ["tc-rises-with-pressure"])}
{r2}"""


def meissner_html(meissner, pngs, claims) -> str:
    """The paper's Meissner argument, simulated."""
    if meissner is None:
        return ""
    meissner = Result(meissner)  # read by attribute, a plain dict too
    runs = "".join(
        f"<tr><td class='num'>{r['B_T'] * 1e3:g}</td>"
        f"<td class='num'>{r['chi_total']:+.4f} ± {r['chi_total_err']:.4f}</td>"
        f"<td class='num'>{r['chi_bulk']:.3f}</td><td class='num'>{r['chi_bulk_analytic']:.3f}</td>"
        f"<td class='num'>{r['chi_edge']:.3f}</td><td>{badge(r['verdict'])}</td></tr>"
        for r in meissner.runs
    )
    figs = "".join(
        _img(pngs[k], k) for k in ("meissner-moment", "meissner-trajectories") if k in pngs
    )
    return f"""
<h2 id="meissner">The Meissner argument, simulated</h2>
<p>The paper explains field expulsion by free electrons and holes deflected by the Lorentz force
(eq 42). Classical statistical mechanics (Bohr–van Leeuwen) says such charges have zero net
magnetization: the bulk cyclotron orbits are cancelled by orbits skipping along the edge.
The simulation (<code>etunnel meissner</code>) counts both; χ in the 3-D convention
χ = μ0 M / B at the carrier density
{meissner.chi_convention["density_m3"]:.3g} m⁻³ (where the bulk picture alone gives χ = −1).</p>
{figs}
<div class="scroll"><table><tr><th>B [mT]</th><th>χ total</th><th>χ bulk</th>
<th>χ bulk, unbounded sample</th><th>χ edge</th><th>verdict</th></tr>{runs}</table></div>
{_claim_items(claims, ["meissner-lorentz", "bcs-cannot-explain-meissner"])}"""


def screen_html(screen, pngs, claims) -> str:
    """The paper's design guidelines scored on SuperCon."""
    if screen is None:
        return ""
    screen = Result(screen)  # read by attribute, a plain dict too
    ids = [c.id for c in claims if c.id.startswith("screen-")]
    attribution = screen.attribution
    rows = "".join(
        f"<tr><td>{_e(g['id'])}</td><td>{_e(g['feature'])}</td><td>{_e(g['favourable'])}</td>"
        f"<td class='num'>{_num(g['auc_superconducting'])}</td>"
        f"<td class='num'>{_num(g['auc_tc10'])}</td><td class='num'>{_num(g['auc_tc77'])}</td>"
        f"<td class='num'>{_num(g['spearman_tc'])}</td><td>{_e(g['verdict'])}</td></tr>"
        for g in screen.guidelines
    )
    base = "".join(
        f"<tr><td>{_e(b.get('name', b.get('id', '')))}</td>"
        f"<td class='num'>{_num(b.get('auc_superconducting'))}</td>"
        f"<td class='num'>{_num(b.get('auc_tc10'))}</td></tr>"
        for b in screen.baselines
    )
    figs = "".join(
        _img(pngs[k], k)
        for k in ("screen-roc", "screen-tc-vs-score", "screen-family-auc")
        if k in pngs
    )
    return f"""
<h2 id="screen">The design guidelines, scored on SuperCon</h2>
<p>The paper's guidelines for room-temperature superconductors as features of a composition,
scored on {screen.n_rows} SuperCon formulas ({screen.n_unparsed} could not be
parsed and are listed in <code>screen-evaluation.json</code>). AUC: superconducting vs reported
non-superconducting; T_c ≥ 10 K and ≥ 77 K vs the rest; Spearman ρ with T_c among
superconductors; oriented so that higher = more favourable by the paper.</p>
{figs}
<div class="scroll"><table><tr><th>guideline</th><th>feature</th><th>favourable</th>
<th>AUC sc</th><th>AUC ≥10 K</th><th>AUC ≥77 K</th><th>ρ with T_c</th><th>screen's label</th></tr>
{rows}</table></div>
<h3>Baselines on the same rows</h3>
<div class="scroll"><table><tr><th>baseline</th><th>AUC sc</th><th>AUC ≥10 K</th></tr>{base}
</table></div>
{_claim_items(claims, ids)}
<p class="meta">Data: {_e(attribution.get("citation", ""))} — license
{_e(attribution.get("license", ""))}.</p>"""
