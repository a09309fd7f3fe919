"""The State-diagram tab: an element's temperature–pressure diagram with its parameters on sliders.

The diagram, its boundaries and triple points come from [`electron_tunnel.diagram`][]
([`electron_tunnel.diagram.for_element`][], [`electron_tunnel.diagram.fit_ambient`][],
[`electron_tunnel.diagram.state_diagram`][], [`electron_tunnel.diagram.boundaries`][]);
the measured points from [`electron_tunnel.datasets.pressure_superconductors`][] and
[`electron_tunnel.datasets.tc_pressure_slopes`][].
"""

from __future__ import annotations

import functools
import html
import math

import numpy as np
import panel as pn
from bokeh.models import ColumnDataSource, HoverTool, LinearColorMapper, Range1d
from bokeh.plotting import figure

from .. import datasets, diagram, materials, plotting
from ..units import GPA, PM
from .common import SERIES, error_html, guarded

__all__ = ["ILLUSTRATIVE", "DiagramTab", "diagram_data", "measured_points"]

#: Picker entry of the paper's illustrative Figure 8 parameters.
ILLUSTRATIVE = "illustrative (Figure 8)"
_GRID = 151

# slider name -> (Parameters field, scale to SI, start, end, step, label)
_SLIDERS = {
    "R_v0": ("R_v0", PM, 20.0, 400.0, 0.5, "valence radius R_v0 [pm]"),
    "R_b0": ("R_b0", PM, 40.0, 400.0, 0.5, "border radius R_b0 [pm]"),
    "alpha": ("alpha", 1e-6, 0.0, 1000.0, 0.5, "thermal expansion α [10⁻⁶/K]"),
    "K0": ("K0", GPA, 1.0, 500.0, 1.0, "bulk modulus K0 [GPa]"),
    "K0_prime": ("K0_prime", 1.0, 1.0, 10.0, 0.1, "K0′ = dK/dp"),
    "beta": ("beta", 1e-4, 0.0, 20.0, 0.05, "R_v growth β [10⁻⁴/K]"),
    "c0": ("c0", 1.0, 0.0, 1.0, 0.001, "attraction coefficient c0"),
    "n": ("n", 1.0, 0.0, 12.0, 0.1, "exponent n of c = c0 (R_b0/R_b)ⁿ"),
}


@functools.cache
def _pressure_tables():
    """The two shipped pressure tables, read once per process (they are package data)."""
    return datasets.pressure_superconductors(), datasets.tc_pressure_slopes()


def measured_points(material: str) -> dict:
    """Measured (pressure [GPa], T_c [K]) of ``material`` from the shipped pressure data.

    Returns
    -------
    dict
        ``points``: rows of [`electron_tunnel.datasets.pressure_superconductors`][];
        ``slopes``: segments of [`electron_tunnel.datasets.tc_pressure_slopes`][] (the two
        measured ends, or one end and the stated slope), each with ``p``, ``T`` lists and the
        source.
    """
    high, slopes = _pressure_tables()
    rows = high[high.material == material]
    points = {
        "p_GPa": rows.pressure_gpa.to_numpy(float).tolist(),
        "T_K": rows.tc_k.to_numpy(float).tolist(),
        "source": rows.source.astype(str).tolist(),
    }
    segments = []
    for r in slopes[slopes.material == material].itertuples():
        p0, t0, p1, t1 = r.p_low_gpa, r.tc_low_k, r.p_high_gpa, r.tc_high_k
        if math.isfinite(p0) and math.isfinite(t0) and not math.isfinite(t1):
            if math.isfinite(r.dtc_dp_k_per_gpa) and math.isfinite(p1):
                t1 = t0 + r.dtc_dp_k_per_gpa * (p1 - p0)  # the source's stated slope
        ends = [(p, t) for p, t in ((p0, t0), (p1, t1)) if math.isfinite(p) and math.isfinite(t)]
        if ends:
            segments.append(
                {"p": [p for p, _ in ends], "T": [t for _, t in ends], "source": str(r.source)}
            )
    return {"points": points, "slopes": segments}


def diagram_data(params, t_max: float, p_max_gpa: float, terms=None, n: int = _GRID) -> dict:
    """The state grid and boundaries drawn by the tab (``diagram.state_diagram`` + ``boundaries``).

    Returns
    -------
    dict
        ``state`` (2-D int, temperature × pressure), ``T`` [K], ``p_GPa``, ``sc_T``, ``ins_T``
        (boundary temperatures [K] per pressure, NaN where none) and ``triple`` (list of
        (p [GPa], T [K])).
    """
    T = np.linspace(0.0, t_max, n)
    p = np.linspace(0.0, p_max_gpa * GPA, n)
    ds = diagram.state_diagram(params, T, p, terms=terms)
    b = diagram.boundaries(ds, params, terms=terms)
    return {
        "state": ds.state.values,
        "T": T,
        "p_GPa": p / GPA,
        "sc_T": np.asarray(b["superconducting_T"], float),
        "ins_T": np.asarray(b["insulating_T"], float),
        "triple": [(tp["pressure"] / GPA, tp["temperature"]) for tp in b["triple_points"]],
    }


def _round_up(x: float) -> float:
    """``x`` rounded up to 1, 2 or 5 times a power of ten (at least 0.1)."""
    if not x > 0.1:
        return 0.1
    exp = 10.0 ** math.floor(math.log10(x))
    return next(m * exp for m in (1, 2, 5, 10) if m * exp >= x * (1 - 1e-12))


def _has_finite(data) -> bool:
    """Whether a glyph's data has at least one finite y value (then its legend entry shows)."""
    ys = data.get("T", data.get("y", []))
    flat = [v for y in ys for v in (y if isinstance(y, (list, tuple, np.ndarray)) else [y])]
    return bool(np.isfinite(np.asarray(flat, dtype=float)).any()) if flat else False


def _choices():
    table = materials.elements()
    ok = []
    for sym in table.symbol:
        try:
            diagram.for_element(sym)
        except ValueError:
            continue
        ok.append(str(sym))
    return ok


class DiagramTab:
    """Widgets and figure of the State-diagram tab (one instance per browser session)."""

    _elements_cache: list | None = None

    def __init__(self, element: str = ILLUSTRATIVE):
        if DiagramTab._elements_cache is None:
            DiagramTab._elements_cache = _choices()
        options = [ILLUSTRATIVE, *DiagramTab._elements_cache]
        self.element = pn.widgets.Select(
            label="element", options=options, value=element if element in options else options[0],
            width=200,
        )  # fmt: skip
        self.sliders = {
            key: pn.widgets.FloatSlider(
                label=label, start=lo, end=hi, step=step, value=lo, sizing_mode="stretch_width"
            )
            for key, (_f, _s, lo, hi, step, label) in _SLIDERS.items()
        }
        self.eos = pn.widgets.RadioButtonGroup(
            label="equation of state", options=["murnaghan", "birch-murnaghan"], color="light"
        )
        self.fit = pn.widgets.Checkbox(label="fit c0 to the measured ambient T_c", value=True)
        self.series = pn.widgets.RadioButtonGroup(options=list(SERIES), color="light")
        self.t_max = pn.widgets.FloatSlider(
            label="temperature range [K]", start=10, end=1000, step=10, value=300,
            sizing_mode="stretch_width",
        )  # fmt: skip
        self.p_max = pn.widgets.FloatSlider(
            label="pressure range [GPa]", start=0.1, end=400, step=0.1, value=300,
            sizing_mode="stretch_width",
        )  # fmt: skip
        self.message = pn.pane.HTML("", css_classes=["diagram-msg"], sizing_mode="stretch_width")
        self.info = pn.pane.HTML("", css_classes=["diagram-info"], sizing_mode="stretch_width")
        self._build_figure()
        self._loading = False
        self.element.param.watch(lambda _e: self.load_element(), "value")
        for w in (*self.sliders.values(), self.t_max, self.p_max):
            w.param.watch(self._on_change, "value_throttled")
        for w in (self.eos, self.fit, self.series):
            w.param.watch(self._on_change, "value")
        self.load_element()

    # ------------------------------------------------------------------ layout
    def _build_figure(self):
        colours = [plotting.STATE_COLOURS[s] for s in diagram.STATES]
        self.mapper = LinearColorMapper(palette=colours, low=-0.5, high=2.5)
        self.image = ColumnDataSource({"image": [], "x": [], "y": [], "dw": [], "dh": []})
        self.sc_line = ColumnDataSource({"p": [], "T": []})
        self.ins_line = ColumnDataSource({"p": [], "T": []})
        self.triple = ColumnDataSource({"p": [], "T": []})
        self.points = ColumnDataSource({"p": [], "T": [], "source": []})
        self.slopes = ColumnDataSource({"p": [], "T": [], "source": []})
        self.ambient = ColumnDataSource({"p": [], "T": []})
        f = figure(
            height=520, sizing_mode="stretch_width", x_axis_label="pressure [GPa]",
            y_axis_label="temperature [K]", tools="pan,wheel_zoom,box_zoom,reset,save",
            x_range=Range1d(0, 300), y_range=Range1d(0, 300),
        )  # fmt: skip
        f.image(
            "image", x="x", y="y", dw="dw", dh="dh", source=self.image, color_mapper=self.mapper
        )
        # invisible squares carry the legend entries of the three regions
        for state, colour in zip(diagram.STATES, colours, strict=True):
            f.scatter(
                [math.nan],
                [math.nan],
                marker="square",
                size=14,
                color=colour,
                line_color="#00000055",
                legend_label=state,
            )
        for source, colour, label in (
            (self.sc_line, "#1f5fbf", "superconducting boundary (R_v = R_c)"),
            (self.ins_line, "#7b3fa0", "insulating boundary (c = c*)"),
        ):
            f.line("p", "T", source=source, color=colour, line_width=2.5, legend_label=label)
        f.scatter(
            "p",
            "T",
            source=self.triple,
            marker="star",
            size=16,
            color="black",
            legend_label="triple point",
        )
        measured = f.scatter(
            "p",
            "T",
            source=self.points,
            size=9,
            color="#d62728",
            line_color="white",
            legend_label="measured T_c under pressure",
        )
        slopes = f.multi_line(
            "p",
            "T",
            source=self.slopes,
            color="#e07b00",
            line_width=3,
            legend_label="measured T_c(p) slope",
        )
        f.scatter(
            "p",
            "T",
            source=self.ambient,
            marker="diamond",
            size=13,
            color="#2ca02c",
            line_color="black",
            legend_label="ambient T_c (element table, checked)",
        )
        f.add_tools(
            HoverTool(
                renderers=[measured, slopes],
                tooltips=[("p", "$x{0.0} GPa"), ("T", "$y{0.0} K"), ("source", "@source")],
            )
        )
        legend = f.legend[0]
        f.add_layout(legend, "right")
        legend.background_fill_alpha = 0.85
        self._legend_sources = {
            item.label.value: item.renderers[0].data_source for item in legend.items
        }
        f.legend.label_text_font_size = "9pt"
        f.toolbar.logo = None
        f.grid.visible = False
        f.title.text_font_size = "11pt"
        self.figure = f

    def panel(self):
        """The tab's Panel layout."""
        controls = pn.Column(
            pn.pane.Markdown("### Material"),
            self.element,
            self.fit,
            *self.sliders.values(),
            pn.pane.Markdown("equation of state", margin=(0, 10)),
            self.eos,
            self.series,
            self.t_max,
            self.p_max,
            width=380,
        )
        right = pn.Column(
            self.message,
            pn.pane.Bokeh(self.figure, sizing_mode="stretch_width"),
            self.info,
            sizing_mode="stretch_width",
        )
        return pn.Row(controls, right, sizing_mode="stretch_width", name="State diagram")

    # ------------------------------------------------------------------ callbacks
    def _ambient_tc(self, symbol):
        if symbol == ILLUSTRATIVE:
            return math.nan
        return float(materials.element(symbol).tc_K)

    @guarded("message")
    def load_element(self):
        """Set every slider to the chosen element's parameters and redraw."""
        symbol = self.element.value
        try:
            params = (
                diagram.illustrative() if symbol == ILLUSTRATIVE else diagram.for_element(symbol)
            )
        except ValueError as exc:
            self.message.object = error_html(str(exc))
            return
        tc = self._ambient_tc(symbol)
        self._loading = True
        try:
            with pn.io.hold():
                for key, w in self.sliders.items():
                    field, scale = _SLIDERS[key][:2]
                    value = getattr(params, field) / scale
                    w.start, w.end = min(w.start, value), max(w.end, value)
                    w.value = value
                self.eos.value = params.eos
                self.t_max.value, self.p_max.value = self._view(symbol, tc)
                self.fit.value = math.isfinite(tc)
                self.fit.disabled = not math.isfinite(tc)
        finally:
            self._loading = False
        self.update()

    @staticmethod
    def _view(symbol, tc):
        """Temperature and pressure ranges that show the element's measured points."""
        marks = measured_points(symbol)
        temps = [tc, *marks["points"]["T_K"], *(t for s in marks["slopes"] for t in s["T"])]
        press = [*marks["points"]["p_GPa"], *(p for s in marks["slopes"] for p in s["p"])]
        temps = [t for t in temps if math.isfinite(t)]
        press = [p for p in press if math.isfinite(p)]
        t_max = (
            min(1000.0, max(10.0, 10.0 * math.ceil(2.5 * max(temps) / 10.0))) if temps else 300.0
        )
        p_model = DiagramTab._pressure_scale(symbol, tc, t_max)
        p_data = _round_up(1.2 * max(press)) if press and max(press) > 0 else 0.0
        return t_max, min(400.0, max(p_model, p_data))

    @staticmethod
    def _pressure_scale(symbol, tc, t_max):
        """The pressure at which the fitted boundary, at its slope at p = 0
        (``diagram.predicted_slope``), would cross the temperature range twice (300 GPa if
        there is no fit)."""
        if not math.isfinite(tc):
            return 300.0
        try:
            params = diagram.fit_ambient(diagram.for_element(symbol), tc)
            slope = abs(diagram.predicted_slope(params, tc)) * GPA
        except ValueError:
            return 300.0
        if not (math.isfinite(slope) and slope > 0):
            return 300.0
        return min(300.0, _round_up(2.0 * t_max / slope))

    def _on_change(self, _event):
        if not self._loading:
            self.update()

    def parameters(self):
        """The diagram Parameters the sliders describe (``ValueError`` if invalid)."""
        values = {_SLIDERS[key][0]: w.value * _SLIDERS[key][1] for key, w in self.sliders.items()}
        label = self.element.value
        return diagram.Parameters(eos=self.eos.value, label=label, **values)

    @property
    def terms(self):
        return SERIES[self.series.value]

    @guarded("message")
    def update(self):
        """Recompute and redraw the diagram from the widgets; on bad values keep the last one."""
        symbol = self.element.value
        notes = []
        try:
            params = self.parameters()
            tc = self._ambient_tc(symbol)
            self.sliders["c0"].disabled = bool(self.fit.value and math.isfinite(tc))
            if self.fit.value and math.isfinite(tc):
                params = diagram.fit_ambient(params, tc, terms=self.terms)
                self._loading = True
                try:
                    self.sliders["c0"].value = params.c0
                finally:
                    self._loading = False
            data = diagram_data(params, self.t_max.value, self.p_max.value, self.terms)
        except ValueError as exc:
            self.message.object = error_html(str(exc))
            return
        self.message.object = ""
        self._draw(data, symbol, tc)
        if self.fit.value and math.isfinite(tc):
            slope = diagram.predicted_slope(params, tc, terms=self.terms) * GPA
            notes.append(
                f"c0 = {params.c0:.5g} puts the superconducting boundary through the measured "
                f"T_c = {tc:g} K at p = 0; the model's dT_c/dp there is {slope:.3g} K/GPa."
            )
        notes.append(f"{len(data['triple'])} triple point(s) in view.")
        text = " ".join(html.escape(n) for n in notes)
        self.info.object = f'<small class="fit-info">{text}</small>'
        self.params = params

    def _draw(self, data, symbol, tc):
        t_max, p_max = float(data["T"][-1]), float(data["p_GPa"][-1])
        marks = measured_points(symbol)
        with pn.io.hold():
            self.image.data = {
                "image": [data["state"].astype(float)], "x": [0.0], "y": [0.0],
                "dw": [p_max], "dh": [t_max],
            }  # fmt: skip
            self.sc_line.data = {"p": data["p_GPa"], "T": data["sc_T"]}
            self.ins_line.data = {"p": data["p_GPa"], "T": data["ins_T"]}
            self.triple.data = {
                "p": [p for p, _ in data["triple"]], "T": [t for _, t in data["triple"]]
            }  # fmt: skip
            pts = marks["points"]
            self.points.data = {"p": pts["p_GPa"], "T": pts["T_K"], "source": pts["source"]}
            segs = marks["slopes"]
            self.slopes.data = {
                "p": [s["p"] for s in segs], "T": [s["T"] for s in segs],
                "source": [s["source"] for s in segs],
            }  # fmt: skip
            self.ambient.data = {
                "p": [0.0] if math.isfinite(tc) else [],
                "T": [tc] if math.isfinite(tc) else [],
            }
            self.figure.x_range.start, self.figure.x_range.end = 0.0, p_max
            self.figure.y_range.start, self.figure.y_range.end = 0.0, t_max
            for item in self.figure.legend[0].items:  # no entry for what is not drawn
                label = item.label.value
                if label in diagram.STATES:
                    item.visible = bool((data["state"] == diagram.STATES.index(label)).any())
                else:
                    item.visible = _has_finite(self._legend_sources[label].data)
            self.figure.title.text = f"Electrical-resistance state diagram — {symbol}"
