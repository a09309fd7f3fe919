"""The Screen tab: a formula's guideline features, guideline score and SuperCon T_c.

Everything shown comes from [`electron_tunnel.screen.screen`][]. A formula that cannot be
screened shows the reason next to the box and leaves the last good result on the page.
"""

from __future__ import annotations

import html
import math

import panel as pn

from .. import materials
from .common import error_html, guarded

__all__ = ["ScreenTab", "screen_module"]


def screen_module():
    """``(module, None)`` for [`electron_tunnel.screen`][], or ``(None, reason)``."""
    try:
        # deferred on purpose: the screen module is optional for this tab (it is developed
        # separately), and importing it loads SuperCon, which the other tabs do not need
        from .. import screen
    except Exception as exc:  # a missing or broken module shows a message, never a traceback
        return None, f"{type(exc).__name__}: {exc}"
    if not callable(getattr(screen, "screen", None)):
        return None, "electron_tunnel.screen has no screen() function"
    return screen, None


def _num(value, spec=".4g"):
    try:
        v = float(value)
    except (TypeError, ValueError):
        return html.escape(str(value))
    return "—" if not math.isfinite(v) else format(v, spec)


class ScreenTab:
    """Widgets of the Screen tab (one instance per browser session)."""

    def __init__(self, formula: str = "MgB2"):
        self.module, self.unavailable = screen_module()
        self.formula = pn.widgets.TextInput(
            label="chemical formula (press Enter)",
            value=formula,
            placeholder="e.g. YBa2Cu3O7",
            width=260,
            css_classes=["formula-input"],
        )
        self.convention = pn.widgets.Select(
            label="radius convention (R_v / R_b)",
            options=list(materials.RADIUS_CONVENTIONS),
            value=materials.PRIMARY_CONVENTION,
            width=230,
        )
        self.message = pn.pane.HTML("", css_classes=["formula-msg"], min_width=320)
        self.result = pn.pane.HTML("", css_classes=["screen-result"], sizing_mode="stretch_width")
        self.formula.param.watch(lambda _e: self.update(), "value")
        self.convention.param.watch(lambda _e: self.update(), "value")
        self.last_good = None
        if self.module is not None:
            self.update()

    def panel(self):
        """The tab's Panel layout."""
        if self.module is None:
            return pn.Column(
                pn.pane.HTML(
                    error_html(
                        "Screening is not available in this installation: "
                        f"electron_tunnel.screen could not be used ({self.unavailable})."
                    ),
                    css_classes=["screen-unavailable"],
                ),
                name="Screen",
            )
        intro = pn.pane.Markdown(
            "The paper's five design guidelines as features of a formula, the guideline score "
            "(0–1, a rule fixed from the paper's text) and where the formula is in SuperCon its "
            "measured T_c. Computed by `electron_tunnel.screen.screen`.",
            sizing_mode="stretch_width",
        )
        return pn.Column(
            intro,
            pn.Row(self.formula, self.convention, self.message),
            self.result,
            sizing_mode="stretch_width",
            name="Screen",
        )

    @guarded("message")
    def update(self):
        """Screen the formula in the box; on failure show why and keep the last result."""
        text = (self.formula.value or "").strip()
        if not text:
            self.message.object = error_html("formula: type a chemical formula such as MgB2")
            return
        try:
            df = self.module.screen([text], convention=self.convention.value)
        except ValueError as exc:
            self.message.object = error_html(str(exc))
            return
        row = df.iloc[0]
        error = str(row.get("error", "") or "")
        if error and error != "nan":
            self.message.object = error_html(f"{text}: {error}")
            return
        self.message.object = f"<small>✓ {html.escape(text)}</small>"
        self.result.object = self._render(row, df.attrs)
        self.last_good = text

    def _render(self, row, attrs) -> str:
        features = getattr(self.module, "FEATURES", [])
        guidelines = getattr(self.module, "GUIDELINES", {})
        tc = float(row.get("supercon_tc_K", math.nan))
        entries = row.get("supercon_entries", 0)
        if math.isfinite(tc):
            tc_text = (
                "reported not superconducting"
                if tc == 0
                else f"{tc:g} K (highest of {int(entries)} SuperCon entries)"
            )
        else:
            tc_text = "not in SuperCon"
        out = [
            '<div style="display:flex;gap:28px;flex-wrap:wrap">',
            '<div><div style="font-size:0.9em;color:#555">guideline score</div>',
            f'<div class="guideline-score" data-value="{_num(row.get("guideline_score"), ".17g")}" '
            f'style="font-size:2.2em;font-weight:600">{_num(row.get("guideline_score"), ".3f")}'
            "</div>",
            f'<div style="color:#555">percentile among SuperCon superconductors: '
            f"{_num(row.get('score_percentile'), '.1f')}</div></div>",
            '<div><div style="font-size:0.9em;color:#555">SuperCon T_c</div>',
            f'<div class="supercon-tc" style="font-size:1.5em;font-weight:600">'
            f"{html.escape(tc_text)}</div></div></div>",
        ]
        if guidelines:
            out.append('<h4 style="margin:14px 0 4px">Guidelines (score 0–1, 1 = favourable)</h4>')
            out.append('<table style="border-collapse:collapse">')
            for key, (label, _cols) in guidelines.items():
                out.append(
                    f'<tr><td style="padding:2px 12px 2px 0">{html.escape(key)}</td>'
                    f'<td style="padding:2px 12px 2px 0">{html.escape(label)}</td>'
                    f'<td class="score-{html.escape(key)}" style="font-family:monospace">'
                    f"{_num(row.get(f'score_{key}'), '.3f')}</td></tr>"
                )
            out.append("</table>")
        out.append('<h4 style="margin:14px 0 4px">Features</h4>')
        out.append('<table style="border-collapse:collapse;font-size:0.92em">')
        out.append(
            "<tr style='text-align:left;color:#555'><th>feature</th><th>value</th>"
            "<th>guideline</th><th>favourable</th><th>description</th></tr>"
        )
        cell = '<td style="padding:2px 12px 2px 0'
        for f in features:
            fid = html.escape(f["id"])
            guideline = html.escape(str(f.get("guideline", "")))
            favourable = html.escape(str(f.get("favourable") or "—"))
            description = html.escape(str(f.get("description", "")))
            out.append(
                f'<tr>{cell};font-family:monospace">{fid}</td>'
                f'{cell};font-family:monospace" class="feature-{fid}">{_num(row.get(f["id"]))}</td>'
                f'{cell}">{guideline}</td>{cell}">{favourable}</td>'
                f'<td style="padding:2px 0;color:#444">{description}</td></tr>'
            )
        out.append("</table>")
        missing = str(row.get("missing_data", "") or "")
        if missing and missing != "nan":
            out.append(f"<p><small>missing data: {html.escape(missing)}</small></p>")
        cite = attrs.get("citation")
        if cite:
            out.append(
                f"<p><small>SuperCon: {html.escape(str(cite))} "
                f"({html.escape(str(attrs.get('license', '')))})</small></p>"
            )
        return "".join(out)
