"""The state diagram's figure and files, and the range syntax of the command line."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from .. import datasets, materials, outputs, plotting, units
from ..errors import InputError
from .constitutive import GPA, STATES
from .elements import for_element, illustrative, pressure_data
from .fitting import (
    boundary_temperature,
    fit_ambient,
    fit_points,
    predicted_slope,
    prediction_check,
)
from .grid import boundaries, state_diagram

__all__ = ["measured_overlays", "parse_range", "plot_diagram", "write_diagram"]


@plotting.style()
def plot_diagram(
    ds,
    bounds,
    *,
    points=None,
    title=None,
    measured=None,
    pressure_scale="linear",
    temperature_scale="linear",
    ambient_marker=False,
):
    """Draw the three regions, the boundaries, triple points and measured (T_c, p) points.

    Parameters
    ----------
    ds, bounds
        From [`state_diagram`][] and [`boundaries`][].
    points : list of (T [K], p [Pa]), optional
        The points the model was fitted to (red circles).
    title : str, optional
    measured : list of dict, optional
        Further measured data, each ``{"label", "marker", "T" [K], "p" [Pa]}`` (arrays; drawn as
        markers) or with ``"line": True`` (drawn as a line through the points, e.g. a measured
        T_c(p) segment).
    pressure_scale : {"linear", "symlog"}
        ``"symlog"``: logarithmic from the first positive grid pressure, linear below it, so that
        ambient pressure (p = 0) stays on the axis.
    temperature_scale : {"linear", "log"}
        ``"log"`` needs a grid starting above 0 K.
    ambient_marker : bool
        Mark p = 0 ("ambient") with a dotted vertical line.
    """
    if pressure_scale not in ("linear", "symlog"):
        raise InputError(f"pressure_scale must be 'linear' or 'symlog', got {pressure_scale!r}")
    if temperature_scale not in ("linear", "log"):
        raise InputError(f"temperature_scale must be 'linear' or 'log', got {temperature_scale!r}")
    fig, ax = plotting.subplots(figsize=(7.6, 5.4), layout="constrained")
    T = ds.temperature.values
    P = ds.pressure.values / GPA
    cmap = ListedColormap([plotting.STATE_COLOURS[s] for s in STATES])
    ax.pcolormesh(
        P, T, ds.state.values, cmap=cmap, vmin=-0.5, vmax=2.5, shading="auto", rasterized=True
    )
    pb = bounds["pressure"] / GPA
    log_T = temperature_scale == "log"
    for key, colour, label in (
        ("superconducting_T", "#1f5fbf", "superconducting boundary (R_v = R_c)"),
        ("insulating_T", "#7b3fa0", "insulating boundary (c = c*)"),
    ):
        ax.plot(
            pb,
            _break_jumps(bounds[key], T, log_T),
            color=colour,
            lw=2.2,
            label=label if np.isfinite(bounds[key]).any() else "_nolegend_",
        )
    for tp in bounds["triple_points"]:
        ax.plot(tp["pressure"] / GPA, tp["temperature"], "k*", ms=12, label="triple point")
    for m in measured or []:
        p_m = np.asarray(m["p"], float) / GPA
        t_m = np.asarray(m["T"], float)
        if m.get("line"):
            ax.plot(p_m, t_m, color="black", lw=2.0, ls="--", label=m["label"], zorder=4)
        else:
            ax.plot(p_m, t_m, m.get("marker", "s"), color=m.get("colour", "black"), mec="white",
                    ms=8, label=m["label"], zorder=5)  # fmt: skip
    if points:  # hollow rings on top, so that the data they were fitted to stay visible
        ax.plot(
            [p / GPA for _, p in points],
            [t for t, _ in points],
            "o",
            mfc="none",
            mec="#d62728",
            mew=2.0,
            ms=12,
            label="measured T_c the model is fitted to",
            zorder=6,
        )
    if pressure_scale == "symlog":
        positive = P[P > 0]
        linthresh = float(positive[0]) if positive.size else 1.0
        ax.set_xscale("symlog", linthresh=linthresh, linscale=0.4)
    if temperature_scale == "log":
        if T[0] <= 0:
            raise InputError("temperature_scale='log' needs a temperature grid above 0 K")
        ax.set_yscale("log")
    if ambient_marker:
        ax.axvline(0.0, color="black", lw=1.0, ls=":")
        ax.annotate("ambient\n(p = 0)", (0.0, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(4, -4), textcoords="offset points", va="top", fontsize=8)  # fmt: skip
    handles, labels = ax.get_legend_handles_labels()
    handles += [Patch(color=c, label=n) for c, n in zip(cmap.colors, STATES, strict=True)]
    seen = {}
    for h, lab in zip(handles, labels + list(STATES), strict=True):
        seen.setdefault(lab, h)
    ax.legend(
        seen.values(), seen.keys(), loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
        framealpha=0.9, frameon=True,
    )  # fmt: skip
    ax.set_xlim(P[0], P[-1])
    ax.set_ylim(T[0], T[-1])
    ax.set_xlabel("pressure [GPa]" + (" (logarithmic above the first grid pressure)"
                                      if pressure_scale == "symlog" else ""))  # fmt: skip
    ax.set_ylabel("temperature [K]")
    ax.set_title(title or ds.attrs.get("title", ""), fontsize=10)
    ax.grid(False)
    return fig


def _break_jumps(values, T, log):
    """NaN between neighbours that jump by more than a fifth of the temperature axis: a
    boundary that leaves one branch for another is not drawn as a vertical line through a
    region."""
    v = np.array(values, float)
    scale = np.log10 if log else (lambda a: a)
    with np.errstate(invalid="ignore", divide="ignore"):
        y = scale(np.where(v > 0, v, np.nan)) if log else v
        span = scale(T[-1]) - scale(T[0])
        jump = np.abs(np.diff(y)) > 0.2 * span
    v[1:][jump] = np.nan
    return v


def measured_overlays(symbol):
    """Measured T_c(p) of ``symbol`` from both pressure data files, for [`plot_diagram`][].

    ``pressure-superconductors.csv`` rows as diamonds; ``tc-pressure-slopes.csv`` rows as squares
    at their end points and a dashed line from ``p_low`` to ``p_high`` (T_c at ``p_high`` from
    the stated slope where the row gives no end value).

    Returns
    -------
    list of dict
        Entries for ``plot_diagram(measured=...)``; empty if the files hold nothing for it.
    """
    out = []
    hp = datasets.pressure_superconductors()
    hp = hp[hp.material == symbol]
    if len(hp):
        out.append({
            "label": "measured T_c (pressure-superconductors.csv)", "marker": "D",
            "colour": "#2e7d32", "T": hp.tc_k.to_numpy(float),
            "p": hp.pressure_gpa.to_numpy(float) * GPA,
        })  # fmt: skip
    sl = datasets.tc_pressure_slopes()
    sl = sl[sl.material == symbol]
    ends_T, ends_p = [], []
    for r in sl.itertuples():
        t_lo, t_hi = r.tc_low_k, r.tc_high_k
        if math.isfinite(r.p_low_gpa) and math.isfinite(t_lo) and not math.isfinite(t_hi):
            if math.isfinite(r.dtc_dp_k_per_gpa):
                t_hi = t_lo + r.dtc_dp_k_per_gpa * (r.p_high_gpa - r.p_low_gpa)
        for t, p in ((t_lo, r.p_low_gpa), (t_hi, r.p_high_gpa)):
            if math.isfinite(t) and math.isfinite(p) and t > 0:
                ends_T.append(float(t))
                ends_p.append(float(p) * GPA)
        if all(math.isfinite(v) for v in (t_lo, t_hi, r.p_low_gpa)):
            p_line = np.linspace(r.p_low_gpa, r.p_high_gpa, 60)
            t_line = t_lo + (t_hi - t_lo) * (p_line - r.p_low_gpa) / (r.p_high_gpa - r.p_low_gpa)
            keep = t_line > 0
            out.append({
                "label": "measured T_c(p) (tc-pressure-slopes.csv)", "line": True,
                "T": t_line[keep], "p": p_line[keep] * GPA,
            })  # fmt: skip
    if ends_T:
        out.append({
            "label": "measured T_c (tc-pressure-slopes.csv)", "marker": "s", "colour": "black",
            "T": np.array(ends_T), "p": np.array(ends_p),
        })  # fmt: skip
    return out


def _pressure_points(symbol):
    """Measured (T_c [K], p [Pa], source) under pressure from both data files, without repeats."""
    hp = pressure_data()
    hp = hp[(hp.material == symbol) & (hp.kind == "element")]
    pts = {(float(r.tc_k), float(r.pressure_gpa)): r.source for r in hp.itertuples()}
    sl = datasets.tc_pressure_slopes()
    for r in sl[sl.material == symbol].itertuples():
        for t, p in ((r.tc_low_k, r.p_low_gpa), (r.tc_high_k, r.p_high_gpa)):
            if math.isfinite(t) and math.isfinite(p) and t > 0 and p > 0:
                pts.setdefault((float(t), float(p)), r.source)
    return [(t, p * GPA, src) for (t, p), src in sorted(pts.items(), key=lambda kv: kv[0][1])]


def _auto_window(params, overlays, fit_pts, p_max, t_max):
    """Grid window chosen from the boundary and the data: (T_lo, T_hi) [K] and p_max [Pa]."""
    p_max = 300e9 if p_max is None else p_max
    p = np.concatenate([[0.0], np.geomspace(min(1e6, p_max / 1e5), p_max, 200)])
    T_b = boundary_temperature(params, p, T_max=1e6)
    known = [t for t, _ in fit_pts] + [float(v) for m in overlays for v in np.ravel(m["T"])]
    temps = np.concatenate([T_b[np.isfinite(T_b) & (T_b > 0)], np.asarray(known, float)])
    temps = temps[temps > 0]
    if temps.size == 0:
        return (0.1, 1e3 if t_max is None else t_max), p_max
    T_lo = 10 ** np.floor(np.log10(temps.min()) - 0.3)
    T_hi = t_max if t_max is not None else 10 ** np.ceil(np.log10(temps.max()) + 0.2)
    T_hi = max(T_hi, 10 * T_lo) if t_max is None else T_hi
    if T_lo >= T_hi:
        T_lo = T_hi / 1e3
    return (T_lo, T_hi), p_max


def parse_range(text: str, kind: str):
    """Parse ``"0:300K"`` or ``"0:300GPa"`` into (start, stop) in K or Pa.

    ``kind`` is ``"temperature"`` or ``"pressure"``, read by
    [`electron_tunnel.units.parse_range`][] with the units of ``units.TEMPERATURE_UNITS``
    or ``units.PRESSURE_UNITS``; both ends must be >= 0.
    """
    parse = {"temperature": units.parse_temperature, "pressure": units.parse_pressure}[kind]
    lo, hi = units.parse_range(text, kind, parse, num=False)
    if lo < 0:
        raise InputError(f"{kind} must be >= 0, got {text!r}")
    return lo, hi


def write_diagram(
    symbol,
    out_dir,
    *,
    temperature=None,
    pressure=None,
    points=301,
    illustrative_shape=False,
    T_c=None,
    overrides=None,
    p_max=None,
    t_max=None,
):
    """Fit (or take the illustrative set), compute the diagram and write PNG/SVG, NetCDF, JSON.

    Parameters
    ----------
    symbol : str or None
        Element symbol (ignored with ``illustrative_shape``).
    out_dir : str or pathlib.Path
        Output directory (created; files appear only when complete).
    temperature, pressure : (start, stop), optional
        Explicit grid ranges [K], [Pa], drawn on linear axes. Without them the window is
        chosen from the fitted boundary and the measured data: pressure from 0 (ambient) to
        ``p_max`` on a symmetric-log axis (logarithmic above 1e-5 p_max, capped at 1 MPa) and
        temperature on a logarithmic axis spanning the boundary's and the measurements'
        temperatures up to ``t_max``; a material fitted only to high-pressure points (no
        ambient T_c) gets a linear pressure axis from 0 to ``p_max``, where its states change.
        The illustrative set always uses linear axes from 0.
    points : int
        Grid points per axis, 2-2000.
    illustrative_shape : bool
        The paper's Figure 8 shape ([`illustrative`][]) instead of an element.
    T_c : float, optional
        Ambient-pressure T_c to fit [K] (default: the materials table's).
    overrides : dict, optional
        Parameters replacing the element defaults.
    p_max, t_max : float, optional
        Upper ends of the automatic window [Pa], [K] (defaults 300 GPa and from the boundary).
    """
    if not 2 <= points <= 2000:
        raise InputError(f"points must be an integer in [2, 2000], got {points}")
    for name, value, given in (("p_max", p_max, pressure), ("t_max", t_max, temperature)):
        if value is not None and not (math.isfinite(value) and value > 0):
            shown = f"{value / GPA:g} GPa" if name == "p_max" else f"{value:g} K"
            raise InputError(f"{name}: must be finite and > 0, got {shown}")
        if value is not None and given is not None:
            axis = "pressure" if name == "p_max" else "temperature"
            raise InputError(f"{name}: give either {axis} or {name}, not both")
    info = {}
    fit_points_used = []
    if illustrative_shape:
        params = illustrative()
        stem = "illustrative"
        info["note"] = "parameter set chosen for the shape of the paper's Figure 8; not a fit"
    else:
        params = for_element(symbol, **(overrides or {}))
        stem = symbol
        tc = T_c
        source = "user"
        if tc is None:
            row = materials.element(symbol)
            tc = float(row.tc_K)
            source = f"{row.get('tc_source', 'materials table')} (ambient pressure)"
        high = _pressure_points(symbol)
        if math.isfinite(tc):
            params = fit_ambient(params, tc)
            fit_points_used = [(tc, 0.0)]
            info["ambient_fit"] = {
                "T_c_K": tc, "source": source, "c0": params.c0,
                "boundary_T_at_p0_K": float(boundary_temperature(params, 0.0)[0]),
                "predicted_dTc_dp_K_per_GPa": predicted_slope(params, tc) * GPA,
            }  # fmt: skip
        pts = fit_points_used + [(t, p) for t, p, _ in high]
        if len(pts) >= 2:
            fr = fit_points(params, pts)
            info["least_squares"] = {
                "free": list(fr.free), "values": fr.values, "stderr": fr.stderr,
                "residuals_c": fr.residuals_c, "residuals_K": fr.residuals_K, "points": fr.points,
                "sources": [src for _, _, src in high],
            }  # fmt: skip
            if not fit_points_used:  # no ambient T_c: the least-squares fit sets the model
                params = fr.params
                fit_points_used = pts
        elif not fit_points_used:
            raise InputError(
                f"{symbol}: no measured T_c to fit (none at ambient pressure in the materials "
                "table "
                "and fewer than 2 under pressure in the shipped tables); give T_c"
            )
        checks = [r for r in prediction_check() if r["element"] == symbol]
        if checks:
            info["prediction_check"] = checks
    scales = {"pressure_scale": "linear", "temperature_scale": "linear"}
    overlays = [] if illustrative_shape else measured_overlays(symbol)
    if illustrative_shape:
        temperature = temperature or (0.0, t_max or 300.0)
        pressure = pressure or (0.0, p_max or 300e9)
    if pressure is None or temperature is None:
        auto_T, auto_p = _auto_window(params, overlays, fit_points_used, p_max, t_max)
    if pressure is None and not any(p == 0 for _, p in fit_points_used):
        # fitted only to high-pressure points: the states change there, not near ambient
        P = np.linspace(0.0, auto_p, points)
    elif pressure is None:
        p_lin = min(1e6, auto_p / 1e5)
        P = np.concatenate([[0.0], np.geomspace(p_lin, auto_p, points - 1)])
        scales["pressure_scale"] = "symlog"
    else:
        P = np.linspace(pressure[0], pressure[1], points)
    if temperature is None:
        T = np.geomspace(auto_T[0], auto_T[1], points)
        scales["temperature_scale"] = "log"
    else:
        T = np.linspace(temperature[0], temperature[1], points)
    info["window"] = {
        "temperature_K": [float(T[0]), float(T[-1])], "pressure_Pa": [float(P[0]), float(P[-1])],
        **scales,
    }  # fmt: skip
    if overlays:
        info["measured_points"] = [
            {"label": m["label"], "T_K": np.ravel(m["T"]).tolist(),
             "pressure_Pa": np.ravel(m["p"]).tolist()}
            for m in overlays if not m.get("line")
        ]  # fmt: skip
    ds = state_diagram(params, T, P)
    bounds = boundaries(ds, params)
    out = Path(out_dir)
    with outputs.staged_directory(out, what="the state diagram") as staging:
        title = f"Electrical-resistance state diagram — {params.label}"
        if "ambient_fit" in info:
            fit = info["ambient_fit"]
            title += (
                f"\nfitted through T_c = {fit['T_c_K']:g} K at p = 0; model dT_c/dp = "
                f"{fit['predicted_dTc_dp_K_per_GPa']:.3g} K/GPa"
            )
        fig = plot_diagram(
            ds, bounds, points=fit_points_used, title=title, measured=overlays,
            ambient_marker=scales["pressure_scale"] == "symlog", **scales,
        )  # fmt: skip
        outputs.save_figure(fig, staging / f"{stem}-diagram")
        ds.to_netcdf(staging / f"{stem}-diagram.nc", engine="scipy")
        result = {
            "material": params.label,
            "parameters": dataclasses.asdict(params),
            "parameter_units": {"R_b0": "m", "R_v0": "m", "alpha": "1/K", "K0": "Pa",
                                "beta": "1/K", "T0": "K"},
            **info,
            "boundaries": {
                "pressure_Pa": bounds["pressure"].tolist(),
                "superconducting_T_K": bounds["superconducting_T"],
                "insulating_T_K": bounds["insulating_T"],
                "triple_points": bounds["triple_points"],
            },
        }  # fmt: skip
        result = outputs.jsonable(result)
        outputs.write_json(staging / f"{stem}-fit.json", result)
    return out / f"{stem}-diagram.png", result
