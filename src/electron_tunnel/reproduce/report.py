"""The self-contained HTML report of ``etunnel reproduce``."""

from __future__ import annotations

import base64
from collections import Counter

from .. import __version__
from .claims.base import VERDICTS
from .sections import badge as _badge
from .sections import changes_html, kind_table, robustness_html, rules_html, skill_html
from .sections import escape as _e

__all__ = ["render_report"]

CSS = """
:root { --ink:#1d2433; --muted:#5b6478; --line:#dde2ea; --bg:#fbfcfe;
  --confirmed:#1e7d43; --approximate:#a86a00; --contradicted:#b3261e; --untestable:#5b6478;
  --nosignal:#6b5ca5; }
* { box-sizing:border-box; }
body { margin:0; font:15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color:var(--ink); background:var(--bg); }
main { max-width:1080px; margin:0 auto; padding:28px 28px 60px; }
h1 { font-size:27px; margin:0 0 4px; letter-spacing:-0.01em; }
h2 { font-size:20px; margin:38px 0 10px; padding-top:10px; border-top:1px solid var(--line); }
h3 { font-size:16px; margin:22px 0 6px; }
p.lead { color:var(--muted); margin:0 0 18px; }
.meta { color:var(--muted); font-size:13px; }
.cards { display:flex; gap:12px; flex-wrap:wrap; margin:16px 0 6px; }
.card { flex:1 1 150px; background:white; border:1px solid var(--line); border-radius:10px;
  padding:12px 14px; }
.card .n { font-size:28px; font-weight:650; }
.card.confirmed .n { color:var(--confirmed); } .card.approximate .n { color:var(--approximate); }
.card.contradicted .n { color:var(--contradicted); } .card.untestable .n { color:var(--untestable); }
.card.no-signal .n { color:var(--nosignal); }
.badge { display:inline-block; padding:1px 9px; border-radius:99px; font-size:12px;
  font-weight:600; color:white; white-space:nowrap; }
.badge.confirmed { background:var(--confirmed); } .badge.approximate { background:var(--approximate); }
.badge.contradicted { background:var(--contradicted); } .badge.untestable { background:var(--untestable); }
.badge.no-signal { background:var(--nosignal); }
table.kinds td, table.kinds th { text-align:center; } table.kinds td:first-child { text-align:left; }
figure { margin:14px 0 4px; background:white; border:1px solid var(--line); border-radius:10px;
  padding:10px; }
figure img { width:100%; height:auto; display:block; }
.cmp { display:grid; grid-template-columns:1fr 1fr; gap:14px; margin:8px 0 4px; }
.cmp div { background:white; border:1px solid var(--line); border-radius:10px; padding:10px 14px; }
.cmp h4 { margin:0 0 4px; font-size:13px; text-transform:uppercase; letter-spacing:.05em;
  color:var(--muted); }
table { border-collapse:collapse; width:100%; background:white; font-size:13.5px; }
th, td { border-bottom:1px solid var(--line); padding:6px 8px; text-align:left; vertical-align:top; }
th { background:#f1f4f9; font-weight:600; position:sticky; top:0; }
td.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
td.note { color:var(--muted); font-size:12.5px; }
code { font-size:13px; background:#eef1f6; padding:0 4px; border-radius:4px; }
ul.findings li { margin:4px 0; }
.scroll { overflow-x:auto; border:1px solid var(--line); border-radius:10px; }
footer { margin-top:40px; color:var(--muted); font-size:12.5px; }
"""


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{_e(alt)}">'


def _claims_by_id(claims):
    return {c.id: c for c in claims}


def _claim_list(claims, ids):
    by_id = _claims_by_id(claims)
    items = []
    for cid in ids:
        c = by_id[cid]
        items.append(
            f"<li>{_badge(c.verdict)} <code>{_e(c.id)}</code> — paper: {_e(c.paper_value)}; "
            f"model: {_e(c.computed_value)}</li>"
        )
    return "<ul>" + "".join(items) + "</ul>"


def _figure_section(title, png, paper_says, model_gives, claims, ids, eqs):
    return f"""
<h3>{_e(title)} <span class="meta">({_e(eqs)})</span></h3>
<figure>{_img(png, title)}</figure>
<div class="cmp"><div><h4>The paper says</h4>{paper_says}</div>
<div><h4>The model gives</h4>{model_gives}</div></div>
{_claim_list(claims, ids)}
"""


def _materials_section(ev, pngs, claims) -> str:
    if ev is None:
        return ""
    default = ev["settings"]["default_convention"]
    rows = []
    for m in ev["resistivity"]["model"]:
        if m["c"] != 0.1:
            continue
        s, k = m["spearman"], m["kendall"]
        rows.append(
            f"<tr><td>{_e(m['convention'])}</td><td>{_e(m['series'])}</td>"
            f"<td class='num'>{s['rho']:.3f}</td><td class='num'>{s['ci95'][0]:.2f} – {s['ci95'][1]:.2f}</td>"
            f"<td class='num'>{k['tau']:.3f}</td><td class='num'>{s['n']}</td></tr>"
        )
    for b in ev["resistivity"]["baselines"]:
        s, k = b["spearman"], b["kendall"]
        rows.append(
            f"<tr><td><i>baseline:</i> {_e(b['baseline'])}</td><td></td>"
            f"<td class='num'>{s['rho']:.3f}</td><td class='num'>{s['ci95'][0]:.2f} – {s['ci95'][1]:.2f}</td>"
            f"<td class='num'>{k['tau']:.3f}</td><td class='num'>{s['n']}</td></tr>"
        )
    auc_rows = "".join(
        f"<tr><td>{_e(r['score'])}</td><td class='num'>{r['auc']:.3f}</td>"
        f"<td class='num'>{r['ci95'][0]:.2f} – {r['ci95'][1]:.2f}</td>"
        f"<td class='num'>{r['n_pos']} / {r['n_neg']}</td></tr>"
        for r in ev["superconductors"]["scores"]
    )
    t1 = "".join(
        f"<tr><td>{_e(r['symbol'])}</td><td class='num'>{r['paper_R_v_pm']:g} / {r['paper_R_b_pm']:g}</td>"
        f"<td class='num'>{r['covalent_vdw_R_v_pm']:g} / {r['covalent_vdw_R_b_pm']:g}</td>"
        f"<td class='num'>{r['paper_d_per_m']:.3g}</td>"
        f"<td class='num'>{'—' if r['covalent_vdw_d_per_m'] is None else format(r['covalent_vdw_d_per_m'], '.3g')}</td>"
        f"<td class='num'>{r['paper_resistivity_ohm_m']:.3g}</td><td class='num'>{r['library_resistivity_ohm_m']:.3g}</td></tr>"
        for r in ev["table1"]
    )
    fisher = ev["periodic_table"]["fig11_vs_fig12"]
    left = ev["resistivity"]["left_out_default"]
    heatmaps = "".join(
        f"<figure>{_img(pngs[k], k)}</figure>"
        for k in ("figure11_tc", "figure12_state_3500K", "figure13_density")
        if k in pngs
    )
    return f"""
<h2 id="materials">Real materials</h2>
<p>The model applied to the elements, with data read at run time from pymatgen-core
(resistivity, density, melting and boiling points), mendeleev and Bondi (1964) (radii), and ambient
superconductivity checked against the literature (<code>datasets.element_superconductivity</code>).
R_v is the covalent radius and R_b Bondi's van der Waals radius, else the empirical radius (the
paper's convention, "{_e(default)}"); other conventions are in <code>evaluation.json</code> and
the robustness table below. Only elements whose bulk properties are measured are counted. Statistics: Spearman ρ and Kendall τ with
bootstrap 95 % intervals ({ev["settings"]["bootstrap_resamples"]} resamples), ROC AUC for
separating elements with a known T_c.</p>
<h3>Resistivity against the resisting distance (c = 0.1) and simple baselines</h3>
<figure>{_img(pngs["resistivity_vs_D"], "resistivity against D")}</figure>
<div class="scroll"><table><tr><th>R_v / R_b convention or baseline</th><th>series</th><th>Spearman ρ</th>
<th>95 % CI</th><th>Kendall τ</th><th>n</th></tr>{"".join(rows)}</table></div>
<p class="meta">{len(left)} elements left out under the default convention (no radius, no
resistivity, or R_v ≥ 2 R_b); the list is in evaluation.json.</p>
<h3>Which quantity separates superconducting elements?</h3>
<figure>{_img(pngs["superconductor_auc"], "AUC")}</figure>
<div class="scroll"><table><tr><th>score</th><th>AUC</th><th>95 % CI</th><th>T_c known / not</th></tr>
{auc_rows}</table></div>
<h3>Figures 11–13 redrawn from the data</h3>{heatmaps}
<p>Superconducting and not gaseous at 3500 K: {fisher["contingency"]["superconductor_not_gaseous"]};
superconducting and gaseous: {fisher["contingency"]["superconductor_gaseous"]}; other, not gaseous:
{fisher["contingency"]["other_not_gaseous"]}; other, gaseous: {fisher["contingency"]["other_gaseous"]}.
Fisher's exact test: odds ratio {fisher["odds_ratio"]:.3g}, p = {fisher["fisher_p_value"]:.2g}.</p>
{_claim_list(claims, ["fig11-12-superconductors-not-gaseous", "fig13-density", "gap-predicts-superconductors", "resistivity-correlation-elements"])}
<h3>Table 1: the paper's radii beside library radii</h3>
<div class="scroll"><table><tr><th>element</th><th>paper R_v / R_b [pm]</th><th>library R_v / R_b [pm]</th>
<th>d, paper radii [1/m]</th><th>d, library radii [1/m]</th><th>paper ρ [Ω·m]</th><th>library ρ [Ω·m]</th></tr>
{t1}</table></div>
"""


def _materials_findings(by_id) -> str:
    items = []
    res, gap = (
        by_id.get("resistivity-correlation-elements"),
        by_id.get("gap-predicts-superconductors"),
    )
    if res is not None and res.ci95 and gap is not None and gap.ci95:
        items.append(
            "<li>On the elements (measured data, the paper's radii) the resisting distance ranks "
            f"resistivity with Spearman ρ = {res.estimate:.2f} (95 % CI {res.ci95[0]:.2f} to "
            f"{res.ci95[1]:.2f}: {_e(res.verdict)}); as a predictor of which elements "
            f"superconduct, the model's critical c reaches AUC {gap.estimate:.2f} (CI "
            f"{gap.ci95[0]:.2f} to {gap.ci95[1]:.2f}; 0.5 is chance), "
            f"{'a verdict that depends on the radius convention' if not gap.robust else 'robust'}"
            " (see Real materials).</li>"
        )
    for cid, label in (
        ("tc-rises-with-pressure", "T_c under pressure, rises and falls"),
        ("resistivity-falls-with-pressure", "Resistance under pressure"),
        ("meissner-lorentz", "The Meissner argument, simulated"),
    ):
        if cid in by_id:
            c = by_id[cid]
            items.append(f"<li>{label}: {_badge(c.verdict)} {_e(c.computed_value)}.</li>")
    return "".join(items)


#: The claims the findings list opens with, in the order of the paper (each shown with its
#: verdict and computed value: the words come from the claims, not from this module).
FINDINGS = (
    "eq9-border-ratio",
    "eq10-conducting-radius",
    "eq39-c1-first",
    "eq39-c1-series",
    "threshold-0225-series",
    "D-over-d-bounded",
    "eq36-convergence-order",
    "table1-correlation",
    "eq45-flux-quantum",
    "flux-twice-quantum",
    "eq44-critical-current",
)


def _findings(by_id) -> str:
    def which(c):  # the same statement checked on the paper's first term and the full series
        return " <i>(full series, this package's extension)</i>" if c.kind == "extension" else ""

    return "".join(
        f"<li>{_badge(c.verdict)} {_e(c.statement)}{which(c)} <i>Computed:</i> "
        f"{_e(c.computed_value)}.</li>"
        for c in (by_id[cid] for cid in FINDINGS if cid in by_id)
    )


def render_report(
    *, claims, table, correlations, pngs, fig7_crossings, timestamp, evaluation=None, extra=""
) -> str:
    """Render the report as one HTML string (images embedded, no external resources).

    ``extra`` is HTML of further sections (pressure, Meissner, screening) placed before the
    table of every claim.
    """
    counts = Counter(c.verdict for c in claims)
    cards = "".join(
        f'<div class="card {v.replace(" ", "-")}"><div class="n">{counts.get(v, 0)}</div>'
        f"{_badge(v)}</div>"
        for v in VERDICTS
    )
    by_id = _claims_by_id(claims)

    findings = f"""
<ul class="findings">
{_findings(by_id)}{_materials_findings(by_id)}
</ul>"""

    fig1 = _figure_section(
        "Figure 1 — the electron tunnel between a hydrogen atom and a proton",
        pngs["figure1"],
        "<p>Contours of orbitals at different energy levels around the two protons; the electron "
        "tunnel lets the electron move from one to the other (path A–B–C).</p>",
        "<p>Energy level −E (eq 8) of the orbit through each point about the nearer nucleus. The "
        "tunnel (lifting energy ≤ 0) is the ring R_c ≤ ρ ≤ R_b with R_c = 0.382 R_b; the lower "
        "panel is the Coulomb potential energy on the centre line.</p>",
        claims,
        ["eq10-conducting-radius"],
        "eqs 8, 10",
    )
    fig2 = _figure_section(
        "Figure 2 — energy to lift the electron to the border",
        pngs["figure2"],
        "<p>At R_b = 1000 pm the lifting energy (blue) decreases with orbital radius, reaching "
        "zero at R_v and turning negative beyond (the tunnel); kinetic (red), potential (yellow) "
        "and total energy (green) for reference.</p>",
        "<p>The same curves from eqs (3), (7), (8); the lifting energy is zero at "
        "R_c = 381.97 pm.</p>",
        claims,
        ["fig2-zero", "eq8-sum"],
        "eqs 3, 7, 8",
    )
    rows5 = "".join(
        f"<li>c = {r.c:.3g}, {r.series}: R_c = "
        f"{'none' if r.crossing_pm != r.crossing_pm else f'{r.crossing_pm:.1f} pm'}</li>"
        for r in fig7_crossings.itertuples()
    )
    fig5 = _figure_section(
        "Figure 5 — resisting distance versus valence radius",
        pngs["figure5"],
        "<p>With R_b = 1000 pm, d (eq 37) decreases as R_v increases; it crosses zero at R_c, the "
        "start of the tunnel; with c = 0 it stays positive (insulator).</p>",
        f"<p>Left: eq (37), as in the paper. Right: the full series eq (24). Zero crossings:</p>"
        f"<ul>{rows5}</ul>",
        claims,
        ["fig5-decreasing", "D-decreases-with-c", "fig7-c0-negative"],
        "eqs 24, 37",
    )
    fig7 = _figure_section(
        "Figure 7 — electron energy level and the width of the tunnel",
        pngs["figure7"],
        "<p>Energy level versus orbital radius (eq 23, R_b = 1000 pm): with c = 1 it turns "
        "positive at 382 pm, with c = 1/3 at 785 pm; with c = 0 it stays negative.</p>",
        "<p>The crossings are the conducting radii: 382 and 785 pm for the first term; 387 and "
        "713 pm for the full series, which eq (23) actually defines.</p>",
        claims,
        ["fig7-c1-first", "fig7-c1-series", "fig7-c1_3-first", "fig7-c1_3-series"],
        "eq 23",
    )
    fig8 = _figure_section(
        "Figure 8 — illustrative electrical-resistance state diagram",
        pngs["figure8"],
        "<p>An illustration: a superconducting boundary rising from low pressure and temperature "
        "towards high pressure and temperature, an insulating boundary (c falls to the threshold) "
        "on its high-temperature side, and possibly a triple point where they meet.</p>",
        "<p>The state rule applied to documented constitutive relations (thermal expansion, a "
        "Murnaghan equation of state, R_v(T), c growing under compression) with an illustrative "
        f"parameter set: {_e(by_id['fig8-state-diagram'].computed_value)}. Fitted diagrams of "
        "real elements: <code>etunnel diagram Hg</code>.</p>",
        claims,
        ["fig8-state-diagram", "tc-rises-with-pressure"],
        "eqs 40, 41",
    )

    trows = "".join(
        f"<tr><td>{_e(r.symbol)}</td><td class='num'>{r.R_b_pm:g}</td><td class='num'>{r.R_v_pm:g}</td>"
        f"<td class='num'>{r.resistivity_paper:.3g}</td><td class='num'>{r.D_paper_per_m:.3g}</td>"
        f"<td class='num'>{r.d_per_m:.3g}</td><td class='num'>{r.D_per_m:.3g}</td>"
        f"<td class='num'>{r.ratio_paper_to_d:.3g}</td><td>{_badge(by_id['table1-' + r.symbol].verdict)}</td></tr>"
        for r in table.itertuples()
    )
    crows = "".join(
        f"<tr><td>{_e(c['label'])}</td><td class='num'>{c['spearman_rho']:.3f}</td>"
        f"<td class='num'>{c['p_value']:.3g}</td><td class='num'>{c['n']}</td></tr>"
        for c in correlations
    )
    table_html = f"""
<h2 id="table1">Table 1 — resisting distance and resistivity</h2>
<p>The paper's inputs (radii in pm, uniform c = 0.1) and its Resisting D column, beside eq (37)
(first term d) and eq (24) (full series D) recomputed from the same inputs. Resistivity in the
paper's unit m/MS = µΩ·m.</p>
<div class="scroll"><table>
<tr><th>element</th><th>R_b [pm]</th><th>R_v [pm]</th><th>resistivity [µΩ·m]</th>
<th>paper D [1/m]</th><th>d, eq 37 [1/m]</th><th>D, eq 24 [1/m]</th><th>paper / d</th>
<th>verdict</th></tr>{trows}</table></div>
<h3>Rank correlation with resistivity (Spearman)</h3>
<div class="scroll"><table><tr><th>column</th><th>ρ</th><th>p-value</th><th>n</th></tr>{crows}
</table></div>
{_claim_list(claims, ["table1-correlation", "table1-nonconductors-higher"])}
"""
    claim_rows = "".join(
        f"<tr id='{_e(c.id)}'><td><code>{_e(c.id)}</code></td><td>{_e(c.section)}</td>"
        f"<td>{_e(c.kind)}</td>"
        f"<td>{_e(c.statement)}</td><td>{_e(c.paper_value)}</td><td>{_e(c.computed_value)}</td>"
        f"<td>{_badge(c.verdict)}</td><td class='note'>{_e(c.method)}"
        f"{'<br>' + _e(c.note) if c.note else ''}"
        f"{'<br><b>Changed:</b> ' + _e(c.change) if c.change else ''}</td></tr>"
        for c in claims
    )
    claims_html = f"""
<h2 id="claims">Every claim</h2>
<p>One row per numeric or checkable claim (also in <code>claims.json</code> and
<code>claims.csv</code>).</p>
<div class="scroll"><table>
<tr><th>id</th><th>section</th><th>kind</th><th>statement</th><th>paper</th><th>computed</th>
<th>verdict</th><th>method and note</th></tr>{claim_rows}</table></div>
"""
    rules = rules_html()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>electron-tunnel — reproduction and audit of Liu's Unified Theory of Superconductivity</title>
<style>{CSS}</style></head>
<body><main>
<h1>The electron-tunnel model, recomputed and audited</h1>
<p class="lead">J. Z. Liu, <i>Unified Theory of Low and High-Temperature Superconductivity</i>:
every figure, table and numeric claim recomputed from the paper's own equations. The software
takes no side; it reports what holds and what does not.</p>
<p class="meta">electron-tunnel {_e(__version__)} · {len(claims)} claims ·
<a href="#table1">Table 1</a> · <a href="#materials">real materials</a> · <a href="#claims">all claims</a> · <a href="#rules">verdict rules</a></p>
<div class="cards">{cards}</div>
{kind_table(claims)}
<h2>Main findings</h2>{findings}{skill_html(claims)}{changes_html(claims)}
<h2>Figures</h2>{fig1}{fig2}{fig5}{fig7}{fig8}
{table_html}{_materials_section(evaluation, pngs, claims)}{robustness_html(claims)}{extra}
{claims_html}{rules}
<footer>Generated {_e(timestamp)} by <code>etunnel reproduce</code>.</footer>
</main></body></html>
"""
