"""The state diagram's figure and files, and the range syntax of the command line."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import shutil
import tempfile
from pathlib import Path

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from .. import materials, plotting
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

__all__ = ["parse_range", "plot_diagram", "write_diagram"]


def plot_diagram(ds, bounds, *, points=None, title=None):
    """Draw the three regions, the boundaries, triple points and measured (T_c, p) points."""
    plt = plotting.pyplot()
    fig, ax = plt.subplots(figsize=(7.6, 5.2), layout="constrained")
    T = ds.temperature.values
    P = ds.pressure.values / GPA
    cmap = ListedColormap(["#e8e3d9", "#cfe0f3", "#f6c9a8"])
    ax.pcolormesh(
        P, T, ds.state.values, cmap=cmap, vmin=-0.5, vmax=2.5, shading="auto", rasterized=True
    )
    pb = bounds["pressure"] / GPA
    ax.plot(
        pb,
        bounds["superconducting_T"],
        color="#1f5fbf",
        lw=2.2,
        label="superconducting boundary (R_v = R_c)",
    )
    ax.plot(
        pb, bounds["insulating_T"], color="#7b3fa0", lw=2.2, label="insulating boundary (c = c*)"
    )
    for tp in bounds["triple_points"]:
        ax.plot(tp["pressure"] / GPA, tp["temperature"], "k*", ms=12, label="triple point")
    if points:
        ax.plot(
            [p / GPA for _, p in points],
            [t for t, _ in points],
            "o",
            color="#d62728",
            mec="white",
            ms=7,
            label="measured T_c (fitted)",
        )
    handles, labels = ax.get_legend_handles_labels()
    handles += [Patch(color=c, label=n) for c, n in zip(cmap.colors, STATES, strict=True)]
    seen = {}
    for h, lab in zip(handles, labels + list(STATES), strict=True):
        seen.setdefault(lab, h)
    ax.legend(
        seen.values(), seen.keys(), loc="upper left", fontsize=8, framealpha=0.9, frameon=True
    )
    ax.set_xlim(P[0], P[-1])
    ax.set_ylim(T[0], T[-1])
    ax.set_xlabel("pressure [GPa]")
    ax.set_ylabel("temperature [K]")
    ax.set_title(title or ds.attrs.get("title", ""), fontsize=10)
    ax.grid(False)
    return fig


def parse_range(text: str, kind: str):
    """Parse ``"0:300K"`` or ``"0:300GPa"`` into (start, stop) in K or Pa."""
    units = {
        "temperature": {"K": 1.0},
        "pressure": {"Pa": 1.0, "kPa": 1e3, "MPa": 1e6, "GPa": 1e9, "bar": 1e5, "kbar": 1e8},
    }[kind]
    m = re.fullmatch(
        r"\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)\s*:\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)\s*([A-Za-z]+)\s*",
        text,
    )
    if not m:
        raise ValueError(
            f"--{kind}: cannot read {text!r}; write START:STOP with a unit, e.g. "
            + ("0:300K" if kind == "temperature" else "0:300GPa")
        )
    a, b, unit = m.groups()
    if unit not in units:
        raise ValueError(f"--{kind}: unknown unit {unit!r}; use one of {', '.join(units)}")
    lo, hi = float(a) * units[unit], float(b) * units[unit]
    if lo < 0:
        raise ValueError(f"--{kind}: must be >= 0, got {text!r}")
    if hi <= lo:
        raise ValueError(f"--{kind}: the range {text!r} is empty or inverted (START < STOP)")
    return lo, hi


def _json_safe(obj):
    """NaN and infinities become None (strict JSON); NumPy scalars become Python numbers."""
    if isinstance(obj, dict):
        return {k: _json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_json_safe(v) for v in obj]
    if isinstance(obj, (float, np.floating)):
        return float(obj) if math.isfinite(obj) else None
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.bool_):
        return bool(obj)
    return obj


def write_diagram(
    symbol,
    out_dir,
    *,
    temperature=(0.0, 300.0),
    pressure=(0.0, 300e9),
    points=301,
    illustrative_shape=False,
    T_c=None,
    overrides=None,
):
    """Fit (or take the illustrative set), compute the diagram and write PNG/SVG, NetCDF, JSON."""
    if not 2 <= points <= 2000:
        raise ValueError(f"points must be an integer in [2, 2000], got {points}")
    T = np.linspace(temperature[0], temperature[1], points)
    P = np.linspace(pressure[0], pressure[1], points)
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
            tc = float(materials.element(symbol).tc_K)
            source = "pymatgen-core (ambient pressure)"
        high = pressure_data()
        high = high[(high.material == symbol) & (high.kind == "element")]
        if math.isfinite(tc):
            params = fit_ambient(params, tc)
            fit_points_used = [(tc, 0.0)]
            info["ambient_fit"] = {
                "T_c_K": tc, "source": source, "c0": params.c0,
                "boundary_T_at_p0_K": float(boundary_temperature(params, 0.0)[0]),
                "predicted_dTc_dp_K_per_GPa": predicted_slope(params, tc) * GPA,
            }  # fmt: skip
        pts = fit_points_used + [
            (float(r.tc_k), float(r.pressure_gpa) * GPA) for r in high.itertuples()
        ]
        if len(pts) >= 2:
            fr = fit_points(params, pts)
            info["least_squares"] = {
                "free": list(fr.free), "values": fr.values, "stderr": fr.stderr,
                "residuals_c": fr.residuals_c, "residuals_K": fr.residuals_K, "points": fr.points,
                "sources": [r.source for r in high.itertuples()],
            }  # fmt: skip
            if not fit_points_used:
                params = fr.params
            fit_points_used = pts
        elif not fit_points_used:
            raise ValueError(
                f"{symbol}: no measured T_c to fit (none at ambient pressure in pymatgen-core and "
                "none under pressure in the shipped table); pass --tc"
            )
        checks = [r for r in prediction_check() if r["element"] == symbol]
        if checks:
            info["prediction_check"] = checks
    ds = state_diagram(params, T, P)
    bounds = boundaries(ds, params)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".etunnel-staging-", dir=out))
    except OSError as exc:
        raise ValueError(
            f"--out: output directory {out} is not writable ({exc.strerror})"
        ) from None
    try:
        title = f"Electrical-resistance state diagram — {params.label}"
        if "ambient_fit" in info:
            fit = info["ambient_fit"]
            title += (
                f"\nfitted through T_c = {fit['T_c_K']:g} K at p = 0; model dT_c/dp = "
                f"{fit['predicted_dTc_dp_K_per_GPa']:.3g} K/GPa"
            )
        fig = plot_diagram(ds, bounds, points=fit_points_used, title=title)
        plotting.save(fig, staging / f"{stem}-diagram")
        ds.to_netcdf(staging / f"{stem}-diagram.nc", engine="scipy")
        result = {
            "material": params.label,
            "parameters": dataclasses.asdict(params),
            "parameter_units": {"R_b0": "m", "R_v0": "m", "alpha": "1/K", "K0": "Pa",
                                "beta": "1/K", "T0": "K"},
            **info,
            "boundaries": {
                "pressure_Pa": bounds["pressure"].tolist(),
                "superconducting_T_K": [None if not math.isfinite(v) else v
                                        for v in bounds["superconducting_T"]],
                "insulating_T_K": [None if not math.isfinite(v) else v
                                   for v in bounds["insulating_T"]],
                "triple_points": bounds["triple_points"],
            },
        }  # fmt: skip
        result = _json_safe(result)
        (staging / f"{stem}-fit.json").write_text(
            json.dumps(result, indent=2, allow_nan=False) + "\n"
        )
        for path in sorted(staging.iterdir()):
            os.replace(path, out / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out / f"{stem}-diagram.png", result
