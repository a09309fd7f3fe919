"""Figures of the Meissner experiment (house style, PNG + SVG through ``plotting.save``)."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.ticker import NullLocator

from .. import outputs, plotting
from .observables import K_B, M_E, MU_0, E

__all__ = ["current_figure", "moment_figure", "trajectories_figure"]

_PART_COLOURS = {"total": "#222222", "bulk": "#2a6fb0", "edge": "#d9822b"}


def _outline(ax, geometry, size, **kw):
    a, b = size
    if geometry == "disk":
        t = np.linspace(0, 2 * np.pi, 400)
        ax.plot(a * np.cos(t) * 1e6, a * np.sin(t) * 1e6, **kw)
    elif geometry == "rectangle":
        ax.plot(np.array([-a, a, a, -a, -a]) * 1e6, np.array([-b, -b, b, b, -b]) * 1e6, **kw)


def _field_axis(ax, Bm):
    ax.set_xscale("log")
    ax.set_xticks(Bm, [f"{b:g}" for b in Bm])
    ax.xaxis.set_minor_locator(NullLocator())


@plotting.style()
def trajectories_figure(traj, stem):
    """Sample paths: closed bulk orbits and skipping edge orbits; writes ``stem``.png/.svg.

    Parameters
    ----------
    traj : dict
        Output of [`trajectories`][].
    stem : str or pathlib.Path

    Returns
    -------
    bytes
        The PNG.
    """
    fig, ax = plotting.subplots(figsize=(5.6, 6.0), layout="constrained")
    _outline(ax, traj["geometry"], traj["size"], color="0.3", lw=1.2)
    for part in ("bulk", "edge"):
        for k, (path, sign) in enumerate(zip(traj[part], traj[f"{part}_sign"], strict=True)):
            label = None
            if k == 0:
                label = "bulk: closed orbits" if part == "bulk" else "edge: skipping orbits"
            ax.plot(
                path[:, 0] * 1e6,
                path[:, 1] * 1e6,
                color=_PART_COLOURS[part],
                lw=1.0,
                ls="-" if sign < 0 else "--",
                label=label,
            )
            ax.plot(path[0, 0] * 1e6, path[0, 1] * 1e6, "o", color=_PART_COLOURS[part], ms=3)
    ax.plot([], [], color="0.4", ls="-", label="electron (solid)")
    ax.plot([], [], color="0.4", ls="--", label="hole (dashed)")
    ax.set_aspect("equal")
    ax.set_xlabel("x [µm]")
    ax.set_ylabel("y [µm]")
    ax.set_title(
        f"Charges in B = {traj['field_T'] * 1e3:g} mT (out of page), 3 cyclotron periods",
        fontsize=9,
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=2, fontsize=7.5)
    return outputs.save_figure(fig, stem)


@plotting.style()
def moment_figure(result, stem):
    """Magnetization against field: bulk, edge and total, with the Meissner line; writes ``stem``.

    Parameters
    ----------
    result : dict
        Output of [`meissner_experiment`][].
    stem : str or pathlib.Path

    Returns
    -------
    bytes
        The PNG.
    """
    runs = result["runs"]
    B = np.array([r["B_T"] for r in runs])
    Bm = B * 1e3
    fig, (ax, bx) = plotting.subplots(1, 2, figsize=(10.5, 5.2), layout="constrained")
    for part in ("bulk", "edge", "total"):
        chi = np.array([r[f"chi_{part}"] for r in runs])
        err = np.array([r[f"chi_{part}_err"] for r in runs])
        ax.errorbar(
            Bm,
            chi * Bm,
            yerr=err * Bm,
            fmt="o",
            color=_PART_COLOURS[part],
            ms=5,
            capsize=3,
            label=f"{part} (simulation)",
            zorder=3,
        )
    grid = np.geomspace(B.min() * 0.8, B.max() * 1.2, 200)
    n = result["chi_convention"]["density_m3"]
    T = result["inputs"]["temperature_K"]
    ax.plot(
        grid * 1e3,
        -MU_0 * n * K_B * T / grid * 1e3,
        color=_PART_COLOURS["bulk"],
        lw=1,
        label=r"bulk, unbounded sample: $-\mu_0 n k_B T/B$",
    )
    fs = np.array([r["chi_bulk_finite_size"] for r in runs])
    ax.plot(
        Bm,
        fs * Bm,
        color=_PART_COLOURS["bulk"],
        lw=1,
        ls=":",
        label="bulk, closed form for this disk",
    )
    ax.plot(
        grid * 1e3,
        -grid * 1e3,
        color="#b8292f",
        lw=1.5,
        ls="--",
        label=r"Meissner: $\mu_0 M = -B$ ($\chi=-1$)",
    )
    ax.axhline(0, color="0.5", lw=0.8)
    _field_axis(ax, Bm)
    ax.set_yscale("symlog", linthresh=1.0)
    ax.set_xlabel("applied field B [mT]")
    ax.set_ylabel(r"$\mu_0 M$ [mT]")
    ax.set_title(f"Magnetization, n = {n:.3g} m$^{{-3}}$, T = {T:g} K", fontsize=9)
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2)
    chi = np.array([r["chi_total"] for r in runs])
    err = np.array([r["chi_total_err"] for r in runs])
    bx.errorbar(
        Bm,
        chi,
        yerr=5 * err,
        fmt="o",
        color=_PART_COLOURS["total"],
        capsize=3,
        label=r"total (all charges), $\pm 5$ SE",
    )
    bx.axhline(0, color="0.5", lw=1, label="Bohr–van Leeuwen: 0")
    bx.axhline(-1, color="#b8292f", lw=1.5, ls="--", label=r"Meissner: $\chi=-1$")
    _field_axis(bx, Bm)
    bx.set_xlabel("applied field B [mT]")
    bx.set_ylabel(r"susceptibility $\chi_{\rm total}$")
    verdict = f"; verdict: {result['verdict']}" if "verdict" in result else ""
    bx.set_title(f"Full simulation{verdict}", fontsize=9)
    bx.set_ylim(min(-1.3, float((chi - 6 * err).min())), max(0.3, float((chi + 6 * err).max())))
    bx.legend(fontsize=7.5, loc="lower right")
    return outputs.save_figure(fig, stem)


@plotting.style()
def current_figure(cmap, stem):
    """Azimuthal current density: maps of the total, bulk and edge parts and radial profiles.

    Parameters
    ----------
    cmap : dict
        Output of [`current_density`][] (a disk).
    stem : str or pathlib.Path

    Returns
    -------
    bytes
        The PNG.
    """
    a, _ = cmap["size"]
    xe, ye = cmap["x"], cmap["y"]
    xc = 0.5 * (xe[1:] + xe[:-1])
    yc = 0.5 * (ye[1:] + ye[:-1])
    X, Y = np.meshgrid(xc, yc)
    R = np.hypot(X, Y)
    vth = math.sqrt(K_B * cmap["temperature_K"] / M_E)
    area = math.pi * a * a if cmap["geometry"] == "disk" else (xe[-1] - xe[0]) * (ye[-1] - ye[0])
    # sheet current in units of n_2D e v_th: per-carrier j times the sample area / (e v_th)
    scale = area / (E * vth)
    jphi = (-Y * cmap["j"][:, 0] + X * cmap["j"][:, 1]) / np.where(R > 0, R, 1.0) * scale
    inside = R <= a if cmap["geometry"] == "disk" else np.ones_like(R, bool)
    jphi = np.where(inside, jphi, np.nan)
    lim = float(np.nanpercentile(np.abs(jphi[1:]), 99))
    fig, axes = plotting.subplots(1, 4, figsize=(13.5, 3.6), layout="constrained")
    names = ("total", "bulk", "edge")
    for k, name in enumerate(names):
        ax = axes[k]
        im = ax.pcolormesh(xe * 1e6, ye * 1e6, jphi[k], cmap="RdBu_r", vmin=-lim, vmax=lim)
        _outline(ax, cmap["geometry"], cmap["size"], color="0.3", lw=0.8)
        ax.set_aspect("equal")
        ax.set_title(f"{name}: $j_\\varphi$", fontsize=9)
        ax.set_xlabel("x [µm]")
        ax.grid(False)
    axes[0].set_ylabel("y [µm]")
    fig.colorbar(im, ax=axes[:3], shrink=0.85, label=r"$j_\varphi / (n_{2D} e v_{th})$")
    bins = np.linspace(0, a, 25)
    which = np.digitize(R.ravel(), bins) - 1
    rc = 0.5 * (bins[1:] + bins[:-1])
    px = axes[3]
    for k, name in enumerate(names):
        vals = np.nan_to_num(jphi[k].ravel())
        prof = np.bincount(which[inside.ravel()], vals[inside.ravel()], minlength=len(bins))
        cnt = np.bincount(which[inside.ravel()], minlength=len(bins))
        prof = prof[: len(rc)] / np.maximum(cnt[: len(rc)], 1)
        px.plot(rc * 1e6, prof, color=_PART_COLOURS[name], lw=1.5, label=name)
    px.axhline(0, color="0.5", lw=0.8)
    px.set_xlabel("distance from centre [µm]")
    px.set_ylabel(r"ring-averaged $j_\varphi / (n_{2D} e v_{th})$")
    px.set_title(f"B = {cmap['field_T'] * 1e3:g} mT", fontsize=9)
    px.legend(fontsize=8)
    return outputs.save_figure(fig, stem)
