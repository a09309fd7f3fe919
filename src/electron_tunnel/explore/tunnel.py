"""The Tunnel tab: c, R_v and R_b on sliders, the paper's Figures 5 and 7 redrawn live.

[`tunnel_values`][] and [`tunnel_curves`][] are the numbers the tab shows, computed with the
package's public functions only; [`TunnelTab`][] wires them to Panel widgets and Bokeh
curves. Every update after a slider move is [`TunnelTab.update`][] (benchmarked in
``benchmarks/bench_explore.py``).
"""

from __future__ import annotations

import functools
import html
import math

import numpy as np
import panel as pn
from bokeh.models import ColumnDataSource, Range1d, Span
from bokeh.plotting import figure

from .. import chain, materials, plotting, states, units
from ..constants import ELEMENTARY_CHARGE, KE2
from ..errors import InputError
from ..units import PM
from .common import SERIES, badge_html, error_html, guarded, readout_html

__all__ = ["PM", "SERIES", "TunnelTab", "tunnel_curves", "tunnel_values"]

_CURVE_POINTS = 400


def tunnel_values(R_v: float, R_b: float, c: float, terms=None) -> dict:
    """The numbers the Tunnel tab shows for one point.

    Parameters
    ----------
    R_v, R_b : float
        Valence and border radius [m], ``0 < R_v < 2 R_b``.
    c : float
        Attraction coefficient in [0, 1].
    terms : int or None
        ``0`` for the first term (eq 37), ``None`` for the full series.

    Returns
    -------
    dict
        ``R_c`` [m] (NaN: no tunnel), ``c_crit`` ([`critical_attraction`][]
        at this R_v), ``c_star`` ([`insulating_threshold`][]), ``D`` [1/m],
        ``lifting_eV`` (eq 23 with u = 1, in eV) and ``state`` (a word).
    """
    return {
        "R_c": float(chain.conducting_radius(R_b, c, terms)),
        "c_crit": float(chain.critical_attraction(R_v, R_b, terms)),
        "c_star": float(chain.insulating_threshold(terms)),
        "D": float(chain.resisting_distance(R_v, R_b, c, terms)),
        "lifting_eV": float(chain.lifting_energy(R_v, R_b, c, terms=terms)) / ELEMENTARY_CHARGE,
        "state": str(states.classify(R_v, R_b, c, terms)),
    }


def curve_radii(R_v: float, R_b: float, n: int = _CURVE_POINTS):
    """Orbital radii [m] of the curves: from 0.1 R_b to R_b, or a little past R_v if larger."""
    top = min(1.9 * R_b, max(R_b, 1.08 * R_v))
    return np.linspace(0.1 * R_b, top, n)


def tunnel_curves(R_v: float, R_b: float, c: float, terms=None, n: int = _CURVE_POINTS) -> dict:
    """Resisting distance (Figure 5) and energy level (Figure 7) against the orbital radius.

    Returns
    -------
    dict
        ``r_pm``, ``D_per_nm`` (resisting distance [1/nm]) and ``level_eV`` (the energy level
        −E_c of eq 23 with u = 1 [eV]) as arrays.
    """
    r = curve_radii(R_v, R_b, n)
    D = np.asarray(chain.resisting_distance(r, R_b, c, terms))
    E = np.asarray(chain.lifting_energy(r, R_b, c, terms=terms))
    return {"r_pm": r / PM, "D_per_nm": D * 1e-9, "level_eV": -E / ELEMENTARY_CHARGE}


@functools.cache
def element_radii(convention: str) -> dict:
    """Element symbol -> (R_v, R_b) [m] of every element with both radii under ``convention``."""
    table = materials.elements()
    R_v, R_b, _ = materials.radii(convention, table)
    ok = states.in_domain(R_v, R_b)
    return {
        str(s): (float(v), float(b))
        for s, v, b in zip(table.symbol[ok], R_v[ok], R_b[ok], strict=True)
    }


def _fmt_pm(metres: float) -> str:
    return "none (no tunnel)" if not math.isfinite(metres) else f"{metres / PM:.5g} pm"


class TunnelTab:
    """Widgets, curves and read-outs of the Tunnel tab (one instance per browser session)."""

    R_V_RANGE = (10.0, 1500.0)  # pm
    R_B_RANGE = (20.0, 1500.0)  # pm

    def __init__(self, R_v_pm: float = 111.0, R_b_pm: float = 210.0, c: float = 0.3):
        self.c = pn.widgets.FloatSlider(
            label="attraction coefficient c", start=0.0, end=1.0, step=0.01, value=c,
            format="0.00", sizing_mode="stretch_width",
            css_classes=["c-slider"],
        )  # fmt: skip
        self.R_v = pn.widgets.FloatSlider(
            label="valence radius R_v [pm]", start=self.R_V_RANGE[0], end=self.R_V_RANGE[1],
            step=1.0, value=R_v_pm, format="0.0", sizing_mode="stretch_width",
            css_classes=["rv-slider"],
        )  # fmt: skip
        self.R_b = pn.widgets.FloatSlider(
            label="border radius R_b [pm]", start=self.R_B_RANGE[0], end=self.R_B_RANGE[1],
            step=1.0, value=R_b_pm, format="0.0", sizing_mode="stretch_width",
            css_classes=["rb-slider"],
        )  # fmt: skip
        self.series = pn.widgets.RadioButtonGroup(
            label="series", options=list(SERIES), value="full series (eq 24)", color="light"
        )
        self.R_v_text = pn.widgets.TextInput(
            label="type R_v", placeholder="e.g. 149 pm, 1.49 Å", width=150, css_classes=["rv-text"]
        )
        self.R_b_text = pn.widgets.TextInput(
            label="type R_b", placeholder="e.g. 155 pm", width=150, css_classes=["rb-text"]
        )
        self.R_v_msg = pn.pane.HTML("", css_classes=["rv-msg"], width=370, margin=(0, 10))
        self.R_b_msg = pn.pane.HTML("", css_classes=["rb-msg"], width=370, margin=(0, 10))
        conventions = list(materials.RADIUS_CONVENTIONS)
        self.convention = pn.widgets.Select(
            label="radius convention (R_v / R_b)",
            options=conventions,
            value=materials.PRIMARY_CONVENTION,
            width=230,
        )
        self.element = pn.widgets.Select(label="element", options=["—"], value="—", width=110)
        self.element_msg = pn.pane.HTML("", css_classes=["element-msg"])
        self.badge = pn.pane.HTML("", css_classes=["state-badge-pane"])
        self.readout = pn.pane.HTML("", css_classes=["tunnel-readout"], sizing_mode="stretch_width")
        self.source = ColumnDataSource({"r_pm": [], "D_per_nm": [], "level_eV": []})
        self.point = ColumnDataSource({"r_pm": [], "D_per_nm": [], "level_eV": []})
        self.figures = self._figures()
        self._radii = {}
        self._fill_elements()
        self.c.param.watch(self._on_change, "value")
        self.R_v.param.watch(self._on_change, "value")
        self.R_b.param.watch(self._on_R_b, "value")
        self.series.param.watch(self._on_change, "value")
        self.R_v_text.param.watch(self._on_text, "value")
        self.R_b_text.param.watch(self._on_text, "value")
        self.convention.param.watch(lambda _e: self._fill_elements(), "value")
        self.element.param.watch(self._on_element, "value")
        self.update()

    # ------------------------------------------------------------------ layout
    def _figures(self):
        tools = "pan,wheel_zoom,box_zoom,reset,save"
        common = {"height": 300, "sizing_mode": "stretch_width", "tools": tools}
        f5 = figure(
            title="Resisting distance (Figure 5)",
            x_axis_label="orbital radius r [pm]",
            y_axis_label="resisting distance D [1/nm]",
            y_range=Range1d(-3, 8),
            **common,
        )
        f7 = figure(
            title="Energy level −E_c (Figure 7, u = 1)",
            x_axis_label="orbital radius r [pm]",
            y_axis_label="energy level −E_c [eV]",
            x_range=f5.x_range,
            y_range=Range1d(-6, 2),
            **common,
        )
        self.rc_spans = []
        self.rv_spans = []
        for f, col, colour in ((f5, "D_per_nm", "#1f5fbf"), (f7, "level_eV", "#d62728")):
            f.line("r_pm", col, source=self.source, line_width=2.2, color=colour)
            f.scatter("r_pm", col, source=self.point, size=11, color="black", fill_color="#ffd23f")
            f.add_layout(Span(location=0, dimension="width", line_color="black", line_width=1))
            rc = Span(location=None, dimension="height", line_color="#2ca02c", line_dash="dashed")
            rv = Span(location=None, dimension="height", line_color="#555555", line_dash="dotted")
            f.add_layout(rc)
            f.add_layout(rv)
            self.rc_spans.append(rc)
            self.rv_spans.append(rv)
            f.title.text_font_size = "11pt"
            f.toolbar.logo = None
        return f5, f7

    def panel(self):
        """The tab's Panel layout."""
        legend = pn.pane.HTML(
            "<small>Dot: the current R_v. Dashed green line: the conducting radius R_c "
            "(the curves change sign there). The orbit is superconducting when R_v ≥ R_c."
            "</small>",
            sizing_mode="stretch_width",
        )
        controls = pn.Column(
            pn.pane.Markdown("### Chain of molecules"),
            self.c,
            self.R_v,
            self.R_v_text,
            self.R_v_msg,
            self.R_b,
            self.R_b_text,
            self.R_b_msg,
            self.series,
            pn.pane.Markdown("#### Fill R_v, R_b from an element"),
            pn.Row(self.convention, self.element),
            self.element_msg,
            width=400,
        )
        results = pn.Column(
            self.badge, self.readout, legend, width=330, styles={"padding-left": "12px"}
        )
        plots = pn.Column(
            pn.pane.Bokeh(self.figures[0], sizing_mode="stretch_width"),
            pn.pane.Bokeh(self.figures[1], sizing_mode="stretch_width"),
            sizing_mode="stretch_width",
        )
        return pn.Row(controls, plots, results, sizing_mode="stretch_width", name="Tunnel")

    # ------------------------------------------------------------------ callbacks
    @property
    def terms(self):
        return SERIES[self.series.value]

    def _fill_elements(self):
        self._radii = element_radii(self.convention.value)
        self.element.options = ["—", *self._radii]
        self.element.value = "—"

    @guarded("badge")
    def _on_element(self, event):
        if event.new not in self._radii:
            return
        R_v, R_b = self._radii[event.new]
        rv_pm, rb_pm = R_v / PM, R_b / PM
        if not (self._in(rv_pm, self.R_V_RANGE) and self._in(rb_pm, self.R_B_RANGE)):
            self.element_msg.object = error_html(
                f"{event.new}: radii {rv_pm:g} / {rb_pm:g} pm are outside the sliders' range"
            )
            return
        self.element_msg.object = (
            f"<small>{html.escape(event.new)}: R_v = {rv_pm:g} pm, R_b = {rb_pm:g} pm "
            f"({html.escape(self.convention.value)})</small>"
        )
        self.set_radii(rv_pm, rb_pm)

    @staticmethod
    def _in(value, bounds):
        return bounds[0] <= value <= bounds[1]

    def set_radii(self, rv_pm: float, rb_pm: float):
        """Move both radius sliders at once (one update)."""
        with pn.io.hold():
            self._batch = True
            try:
                self.R_b.value = rb_pm
                self.R_v.value = rv_pm
            finally:
                self._batch = False
            self.update()

    _batch = False

    def _on_R_b(self, event):
        if self._batch:
            return
        self._on_change(event)

    def _on_change(self, _event):
        if self._batch:
            return
        self.update()

    @guarded("badge")
    def _on_text(self, event):
        widget = event.obj
        is_rv = widget is self.R_v_text
        msg = self.R_v_msg if is_rv else self.R_b_msg
        name = "R_v" if is_rv else "R_b"
        text = (event.new or "").strip()
        if not text:
            msg.object = ""
            return
        try:
            value_pm = units.parse_length(text, name) / PM
            lo, hi = self.R_V_RANGE if is_rv else self.R_B_RANGE
            if not (math.isfinite(value_pm) and lo <= value_pm <= hi):
                raise InputError(f"{name} must be between {lo:g} and {hi:g} pm, got {text!r}")
            rv = value_pm if is_rv else self.R_v.value
            rb = self.R_b.value if is_rv else value_pm
            if not states.in_domain(rv, rb):
                raise InputError(
                    f"{name}: R_v must be below 2 R_b (R_v = {rv:g} pm, R_b = {rb:g} pm)"
                )
        except ValueError as exc:
            msg.object = error_html(str(exc))
            return
        msg.object = f"<small>✓ {value_pm:g} pm</small>"
        self.set_radii(rv, rb)

    def _set_ranges(self, R_b, values):
        """Axis ranges on the scale of the border: the paper's Figures 5 and 7 at any R_b."""
        f5, f7 = self.figures
        scale = 1e-9 / R_b  # D R_b is dimensionless; D in 1/nm
        lo, hi = -2.5 * scale, 8.0 * scale
        d = values["D"] * 1e-9
        lo, hi = min(lo, d - 0.1 * (hi - lo)), max(hi, d + 0.1 * (hi - lo))
        f5.y_range.start, f5.y_range.end = lo, hi
        to_ev = KE2 / 2 / ELEMENTARY_CHARGE * 1e9  # level = -(K e^2 / 2) D, eq 23 with u = 1
        f7.y_range.start, f7.y_range.end = -hi * to_ev, -lo * to_ev

    @guarded("badge")
    def update(self):
        """Recompute every number and curve from the widgets' values (the live-update path)."""
        c, rv_pm, rb_pm, terms = self.c.value, self.R_v.value, self.R_b.value, self.terms
        R_v, R_b = rv_pm * PM, rb_pm * PM
        if not states.in_domain(R_v, R_b):
            self.badge.object = error_html(
                f"R_v must be below 2 R_b for the chain model (R_v = {rv_pm:g} pm, "
                f"R_b = {rb_pm:g} pm); move R_v or R_b"
            )
            return
        values = tunnel_values(R_v, R_b, c, terms)
        curves = tunnel_curves(R_v, R_b, c, terms)
        self.source.data = curves
        self._set_ranges(R_b, values)
        self.point.data = {
            "r_pm": [rv_pm],
            "D_per_nm": [values["D"] * 1e-9],
            "level_eV": [-values["lifting_eV"]],
        }
        R_c_pm = values["R_c"] / PM if math.isfinite(values["R_c"]) else None
        for span in self.rc_spans:
            span.location = R_c_pm
        for span in self.rv_spans:
            span.location = rv_pm
        self.badge.object = badge_html(values["state"], plotting.STATE_COLOURS)
        rows = [
            ("c", "c", c, f"{c:.2f}"),
            ("R_v", "R_v", R_v, f"{rv_pm:g} pm"),
            ("R_b", "R_b", R_b, f"{rb_pm:g} pm"),
            ("R_c", "conducting radius R_c", values["R_c"], _fmt_pm(values["R_c"])),
            ("c_crit", "critical c for this R_v", values["c_crit"], f"{values['c_crit']:.5g}"),
            ("c_star", "threshold c*", values["c_star"], f"{values['c_star']:.7g}"),
            ("lifting_eV", "lifting energy E_c", values["lifting_eV"],
             f"{values['lifting_eV']:.5g} eV"),
            ("D", "resisting distance D", values["D"], f"{values['D'] * 1e-9:.5g} nm⁻¹"),
        ]  # fmt: skip
        self.readout.object = readout_html(rows, note=self.series.value)
        self.values = values
