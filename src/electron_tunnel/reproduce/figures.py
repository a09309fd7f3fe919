"""The paper's figures, recomputed from the equations.

Each figure has a ``*_data`` function that returns the numbers (a pandas DataFrame or a dict of
arrays, tested against the core API) and a ``plot_*`` function that draws them with matplotlib.
Energies are shown in eV and lengths in pm; the computations are SI.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import chain, plotting, two_centre
from ..constants import COULOMB_K, ELEMENTARY_CHARGE
from ..units import PM

__all__ = [
    "FIG5_C",
    "FIG7_C",
    "FIG_R_B",
    "figure1_data",
    "figure2_data",
    "figure5_data",
    "figure7_crossings",
    "figure7_data",
    "plot_figure1",
    "plot_figure2",
    "plot_figure5",
    "plot_figure7",
    "plot_heldout",
    "plot_mainstream_tc",
]

#: Border radius used by Figures 2, 5 and 7 of the paper: 1000 pm (molecules 2000 pm apart).
FIG_R_B = 1000 * PM
#: Attraction coefficients of Figure 5.
FIG5_C = (0.0, 1 / 3, 1.0)
#: Attraction coefficients of Figure 7 (the paper's three plus two in between).
FIG7_C = (0.0, 0.2, 1 / 3, 0.5, 1.0)

COLOURS = {0.0: "#1f5fbf", 0.2: "#7b3fa0", 1 / 3: "#d62728", 0.5: "#e07b00", 1.0: "#c9a400"}


def _c_label(c):
    return {1 / 3: "1/3", 0.5: "1/2"}.get(c, f"{c:g}")


# --------------------------------------------------------------------------- Figure 1
def figure1_data(R_b: float = 100 * PM, n: int = 401):
    """Energy map of the hydrogen-proton pair in the plane through both nuclei.

    Each point of the plane is read as a circular orbit about the nearer nucleus with radius
    ``rho`` equal to its distance from it; its energy level is the negative of the lifting
    energy of eq (8), ``-E(rho, R_b)``. The electron tunnel is where the lifting energy is
    <= 0, i.e. ``R_c <= rho`` (eq 10) on the near side of the border. Points with
    ``rho >= 2 R_b`` (beyond the other nucleus, outside eq 8's domain) are masked.

    Returns a dict with ``x``, ``y`` [m] (nucleus 1 at 0, nucleus 2 at ``2 R_b``), the level
    ``level_eV`` (2-D, NaN where masked), ``tunnel`` (bool, 2-D), and the centre-line Coulomb
    potential ``line_x``, ``line_potential_eV``.
    """
    x = np.linspace(-1.2 * R_b, 3.2 * R_b, n)
    y = np.linspace(-1.4 * R_b, 1.4 * R_b, int(n * 2.8 / 4.4) | 1)
    X, Y = np.meshgrid(x, y)
    rho1 = np.hypot(X, Y)
    rho2 = np.hypot(X - 2 * R_b, Y)
    rho = np.minimum(rho1, rho2)
    valid = (rho > 1e-3 * R_b) & (rho < 2 * R_b * 0.999)
    safe = np.where(valid, rho, R_b)
    E = np.asarray(two_centre.lifting_energy(safe, R_b))
    level = np.where(valid, -E / ELEMENTARY_CHARGE, np.nan)
    R_c = float(two_centre.conducting_radius(R_b))
    tunnel = valid & (E <= 0) & (rho >= R_c)
    lx = np.linspace(-1.2 * R_b, 3.2 * R_b, 2001)
    d1 = np.abs(lx)
    d2 = np.abs(lx - 2 * R_b)
    with np.errstate(divide="ignore"):
        pot = -COULOMB_K * ELEMENTARY_CHARGE**2 * (1 / d1 + 1 / d2) / ELEMENTARY_CHARGE
    return {
        "R_b": R_b,
        "R_c": R_c,
        "x": x,
        "y": y,
        "level_eV": level,
        "tunnel": tunnel,
        "line_x": lx,
        "line_potential_eV": pot,
    }


@plotting.style()
def plot_figure1(data):
    fig, (ax, ax2) = plotting.subplots(
        2, 1, figsize=(7.2, 6.4), height_ratios=[2.3, 1], sharex=True, layout="constrained"
    )
    pm = 1 / PM
    x, y = data["x"] * pm, data["y"] * pm
    level = data["level_eV"]
    finite = level[np.isfinite(level)]
    vmin, vmax = np.percentile(finite, 3), finite.max()
    im = ax.pcolormesh(
        x, y, np.clip(level, vmin, vmax), cmap="viridis", shading="auto", rasterized=True
    )
    ax.contour(
        x, y, np.nan_to_num(level, nan=vmin), levels=12, colors="white", linewidths=0.4, alpha=0.6
    )
    hatch = ax.contourf(
        x, y, data["tunnel"].astype(float), levels=[0.5, 1.5], colors="none", hatches=["////"]
    )
    hatch.set_rasterized(True)
    ax.contour(x, y, data["tunnel"].astype(float), levels=[0.5], colors="#ff5a36", linewidths=1.4)
    R_b = data["R_b"] * pm
    ax.axvline(R_b, color="white", ls="--", lw=0.9)
    ax.plot([0, 2 * R_b], [0, 0], "o", color="white", ms=5, mec="black")
    ax.set_aspect("equal")
    ax.set_ylabel("y [pm]")
    ax.set_title(
        f"Figure 1 — energy levels of orbits about each nucleus (eq 8), R_b = {R_b:g} pm",
        fontsize=10,
    )
    cb = fig.colorbar(im, ax=ax, shrink=0.85)
    cb.set_label("energy level −E [eV]")
    ax.text(
        0.01,
        0.02,
        "hatched, red outline: electron tunnel (lifting energy ≤ 0)",
        transform=ax.transAxes,
        color="white",
        fontsize=8.5,
    )
    ax.grid(False)
    lx = data["line_x"] * pm
    ax2.plot(lx, data["line_potential_eV"], color="#1f5fbf")
    ax2.set_ylim(
        np.percentile(data["line_potential_eV"][np.isfinite(data["line_potential_eV"])], 2), 0
    )
    ax2.axvline(R_b, color="grey", ls="--", lw=0.9)
    for xc in (data["R_c"] * pm, 2 * R_b - data["R_c"] * pm):
        ax2.axvline(xc, color="#ff5a36", lw=0.9)
    ax2.set_xlabel("position along the centre line [pm]")
    ax2.set_ylabel("Coulomb potential\nenergy [eV]")
    return fig


# --------------------------------------------------------------------------- Figure 2
def figure2_data(R_b: float = FIG_R_B, r_min: float = 100 * PM, n: int = 361):
    """Figure 2: energies of the hydrogen-proton model versus orbital radius (eqs 3, 7, 8).

    Columns: ``r_pm``, ``lifting_eV`` (eq 8), ``kinetic_eV`` (eq 7), ``potential_eV`` (eq 3)
    and ``total_eV`` = −lifting, the "total energy" the paper plots as the inverse of the
    lifting energy.
    """
    r = np.linspace(r_min, R_b, n)
    e = ELEMENTARY_CHARGE
    lift = np.asarray(two_centre.lifting_energy(r, R_b)) / e
    return pd.DataFrame(
        {
            "r_pm": r / PM,
            "lifting_eV": lift,
            "kinetic_eV": np.asarray(two_centre.kinetic_energy_difference(r, R_b)) / e,
            "potential_eV": np.asarray(two_centre.potential_energy_difference(r, R_b)) / e,
            "total_eV": -lift,
        }
    )


@plotting.style()
def plot_figure2(df, R_b: float = FIG_R_B):
    fig, ax = plotting.subplots(figsize=(7.2, 4.2), layout="constrained")
    ax.plot(df.r_pm, df.lifting_eV, color="#1f5fbf", lw=2, label="lifting energy E (eq 8)")
    ax.plot(df.r_pm, df.kinetic_eV, color="#d62728", label="kinetic energy difference E_k (eq 7)")
    ax.plot(
        df.r_pm, df.potential_eV, color="#c9a400", label="potential energy difference E_u (eq 3)"
    )
    ax.plot(df.r_pm, df.total_eV, color="#2ca02c", label="total energy −E")
    R_c = float(two_centre.conducting_radius(R_b)) / PM
    ax.axhline(0, color="black", lw=0.7)
    ax.axvline(R_c, color="grey", ls="--", lw=0.9)
    ax.annotate(
        f"R_c = {R_c:.1f} pm",
        (R_c, 0),
        xytext=(R_c + 30, 2.2),
        fontsize=9,
        arrowprops={"arrowstyle": "->", "lw": 0.7},
    )
    ax.axvspan(R_c, R_b / PM, color="#2ca02c", alpha=0.07, lw=0)
    ax.text(
        0.5 * (R_c + R_b / PM),
        -4.2,
        "electron tunnel\n(E ≤ 0)",
        ha="center",
        fontsize=9,
        color="#2ca02c",
    )
    ax.set_xlim(df.r_pm.min(), R_b / PM)
    ax.set_ylim(-5, 6)
    ax.set_xlabel("orbital radius r [pm]")
    ax.set_ylabel("energy [eV]")
    ax.set_title(f"Figure 2 — hydrogen beside a proton, R_b = {R_b / PM:g} pm", fontsize=10)
    ax.legend(loc="upper right", fontsize=8.5)
    return fig


# --------------------------------------------------------------------------- Figure 5
def figure5_data(R_b: float = FIG_R_B, cs=FIG5_C, r_min: float = 100 * PM, n: int = 451):
    """Figure 5: resisting distance versus R_v for several c, first term (eq 37) and series.

    Long table with columns ``c``, ``series`` ("first term" / "infinite"), ``R_v_pm``,
    ``D_per_m``.
    """
    r = np.linspace(r_min, R_b, n)
    frames = []
    for c in cs:
        for label, terms in (("first term", 0), ("infinite", None)):
            D = np.asarray(chain.resisting_distance(r, R_b, c, terms))
            frames.append(pd.DataFrame({"c": c, "series": label, "R_v_pm": r / PM, "D_per_m": D}))
    return pd.concat(frames, ignore_index=True)


@plotting.style()
def plot_figure5(df, R_b: float = FIG_R_B):
    fig, axes = plotting.subplots(1, 2, figsize=(9.6, 4.0), sharey=True, layout="constrained")
    for ax, series, title in zip(
        axes,
        ("first term", "infinite"),
        ("first term d (eq 37)", "full series D (eq 24)"),
        strict=True,
    ):
        sub = df[df.series == series]
        for c, grp in sub.groupby("c"):
            ax.plot(
                grp.R_v_pm,
                grp.D_per_m,
                color=COLOURS.get(c, "black"),
                lw=1.8,
                label=f"c = {_c_label(c)}",
            )
            R_c = float(chain.conducting_radius(R_b, c, 0 if series == "first term" else None))
            if np.isfinite(R_c):
                ax.plot(R_c / PM, 0, "o", color=COLOURS.get(c, "black"), ms=5)
                ax.annotate(
                    f"R_c = {R_c / PM:.0f} pm",
                    (R_c / PM, 0),
                    xytext=(R_c / PM - 160, -1.6e9),
                    fontsize=8,
                    color=COLOURS.get(c, "black"),
                )
        ax.axhline(0, color="black", lw=0.7)
        ax.set_ylim(-2.5e9, 8e9)
        ax.set_xlim(sub.R_v_pm.min(), R_b / PM)
        ax.set_xlabel("valence radius R_v [pm]")
        ax.set_title(title, fontsize=10)
    axes[0].set_ylabel("resisting distance [1/m]")
    axes[0].legend(loc="upper right")
    fig.suptitle(f"Figure 5 — resisting distance at R_b = {R_b / PM:g} pm", fontsize=10)
    return fig


# --------------------------------------------------------------------------- Figure 7
def figure7_data(R_b: float = FIG_R_B, cs=FIG7_C, r_min: float = 200 * PM, n: int = 401):
    """Figure 7: electron energy level −E_c (eq 23, u = 1) versus orbital radius.

    Long table with ``c``, ``series``, ``r_pm`` and ``level_eV``; the level is the negative of
    the lifting energy, so it turns positive where the orbit enters the tunnel.
    """
    r = np.linspace(r_min, R_b, n)
    frames = []
    for c in cs:
        for label, terms in (("first term", 0), ("infinite", None)):
            E = np.asarray(chain.lifting_energy(r, R_b, c, terms=terms))
            frames.append(
                pd.DataFrame(
                    {"c": c, "series": label, "r_pm": r / PM, "level_eV": -E / ELEMENTARY_CHARGE}
                )
            )
    return pd.concat(frames, ignore_index=True)


def figure7_crossings(R_b: float = FIG_R_B, cs=FIG7_C):
    """Radii [pm] where each curve of Figure 7 turns positive (NaN: never, no tunnel)."""
    rows = []
    for c in cs:
        for label, terms in (("first term", 0), ("infinite", None)):
            rows.append(
                {
                    "c": c,
                    "series": label,
                    "crossing_pm": float(chain.conducting_radius(R_b, c, terms)) / PM,
                }
            )
    return pd.DataFrame(rows)


@plotting.style()
def plot_figure7(df, crossings, R_b: float = FIG_R_B):
    fig, axes = plotting.subplots(1, 2, figsize=(9.6, 4.0), sharey=True, layout="constrained")
    for ax, series, title in zip(
        axes, ("first term", "infinite"), ("first term (eq 37)", "full series (eq 24)"), strict=True
    ):
        sub = df[df.series == series]
        for c, grp in sub.groupby("c"):
            colour = COLOURS.get(c, "black")
            ax.plot(grp.r_pm, grp.level_eV, color=colour, lw=1.8, label=f"c = {_c_label(c)}")
            row = crossings[(crossings.series == series) & np.isclose(crossings.c, c)]
            xc = float(row.crossing_pm.iloc[0])
            if np.isfinite(xc):
                ax.plot(xc, 0, "o", color=colour, ms=5)
                ax.annotate(f"{xc:.0f}", (xc, 0), xytext=(xc + 8, 0.25), fontsize=8, color=colour)
        ax.axhline(0, color="black", lw=0.7)
        ax.set_xlim(sub.r_pm.min(), R_b / PM)
        ax.set_ylim(-2.6, 1.2)
        ax.set_xlabel("orbital radius r [pm]")
        ax.set_title(title, fontsize=10)
    axes[0].set_ylabel("electron energy level −E_c [eV]")
    axes[1].legend(loc="lower right", fontsize=8.5)
    fig.suptitle(
        f"Figure 7 — energy level versus orbital radius, R_b = {R_b / PM:g} pm "
        "(dots: where the level turns positive)",
        fontsize=10,
    )
    return fig


@plotting.style()
def plot_mainstream_tc(table):
    """The mainstream's predicted T_c (Allen–Dynes/McMillan) against measured: the marker says
    where λ comes from (filled: first-principles, source checked; hollow: first-principles,
    not checked; triangle: tunnelling), the colour the paper's class at c = 0.1
    (``mainstream.csv``)."""
    fig, ax = plotting.subplots(figsize=(6.4, 5.4))
    t = table[np.isfinite(table.tc_mainstream_K.to_numpy(float)) & (table.tc_measured_K > 0)]
    checked = t.lambda_checked.astype(bool) if "lambda_checked" in t else np.zeros(len(t), bool)
    fp = t.lambda_method.astype(str) == "first-principles"
    groups = (("first-principles λ, checked (scored)", fp & checked, "o", True),
              ("first-principles λ, not checked", fp & ~checked, "o", False),
              ("tunnelling λ", ~fp, "^", True))  # fmt: skip
    colours = {"insulator": "tab:blue", "conductor": "tab:orange", "superconductor": "tab:green"}
    for label, mask, marker, filled in groups:
        for state, colour in (*colours.items(), ("", "0.5")):
            sub = t[mask & (t.paper_state.astype(str) == state)]
            if not len(sub):
                continue
            ax.scatter(sub.tc_measured_K, sub.tc_mainstream_K, marker=marker, s=60,
                       facecolor=colour if filled else "none", edgecolor=colour,
                       label=f"{label}; paper's class at c = 0.1: {state or 'none'}")  # fmt: skip
    for r in t.itertuples():
        ax.annotate(r.symbol, (r.tc_measured_K, r.tc_mainstream_K), fontsize=8,
                    xytext=(4, 3), textcoords="offset points")  # fmt: skip
    lo, hi = 0.08, 40.0
    x = np.array([lo, hi])
    ax.plot(x, x, "k-", lw=1, label="predicted = measured")
    ax.fill_between(x, x / 2, x * 2, color="0.88", zorder=0, label="within a factor 2")
    ax.set(xscale="log", yscale="log", xlim=(lo, hi), ylim=(lo, hi),
           xlabel="measured T_c [K]", ylabel="mainstream T_c (Allen–Dynes / McMillan) [K]",
           title="Mainstream T_c of the elements (μ* fixed); the paper predicts no T_c")  # fmt: skip
    ax.legend(fontsize=7, loc="upper left")
    return fig


@plotting.style()
def plot_heldout(table):
    """Percentile of each held-out superconductor among SuperCon's superconductors, by the
    guideline score and by the ML baseline, against its T_c; pressure as colour
    (``heldout.csv``)."""
    fig, axes = plotting.subplots(1, 2, figsize=(11, 4.6), sharey=True)
    t = table[table.scored.astype(bool) & (table.label == "superconducting")]
    for ax, col, name in ((axes[0], "guideline_percentile", "guideline score"),
                          (axes[1], "ml_percentile", "ML baseline (out-of-fold reference)")):  # fmt: skip
        sc = ax.scatter(t.tc_K, t[col], c=t.pressure_GPa.fillna(0.0), cmap="viridis", s=40,
                        vmin=0, vmax=max(200.0, float(t.pressure_GPa.max() or 0)))  # fmt: skip
        ax.axhline(50, color="0.4", lw=1, ls="--", label="drawn like SuperCon's superconductors")
        ax.axhline(90, color="0.7", lw=1, ls=":", label="top 10 %")
        ax.set(xscale="log", xlabel="T_c [K]", title=name, ylim=(0, 100))
    axes[0].set_ylabel("percentile among SuperCon superconductors")
    axes[0].legend(fontsize=8, loc="lower right")
    fig.colorbar(sc, ax=axes, label="pressure [GPa]")
    fig.suptitle("Superconductors reported after SuperCon (held out)")
    return fig


@plotting.style()
def plot_resistivity_temperature(table):
    """ρ(T)/ρ(293 K) of each metal: measured, Bloch–Grüneisen (θ_R = θ_D, two anchors at or
    below 200 K) and the paper's model (R_v fixed, c(293 K) = 0.1), one panel a metal
    (``resistivity-temperature.csv``)."""
    metals = list(dict.fromkeys(table.symbol))
    ncols = 5
    nrows = -(-len(metals) // ncols)
    fig, axes = plotting.subplots(nrows, ncols, figsize=(13, 2.5 * nrows + 0.8), squeeze=False,
                                  sharex=True, sharey=True)  # fmt: skip
    for ax in axes.flat[len(metals) :]:
        ax.set_visible(False)
    for ax, sym in zip(axes.flat, metals, strict=False):
        sub = table[table.symbol == sym].sort_values("T_K")
        ref = sub.rho_measured_ohm_m[sub.T_K == 293.0]
        ref = float(ref.iloc[0]) if len(ref) else np.nan
        T = sub.T_K.to_numpy(float)
        ax.plot(T, sub.rho_measured_ohm_m / ref, "ko", ms=3.5, label="measured")
        ax.plot(T, sub.rho_bloch_gruneisen_ohm_m / ref, "-", color="tab:blue",
                label="Bloch–Grüneisen")  # fmt: skip
        ax.plot(T, sub.rho_model_relative, "--", color="tab:red", label="paper's model (ρ = Z·D)")
        anchors = sub[sub.bg_anchor.astype(bool)]
        ax.plot(anchors.T_K, anchors.rho_measured_ohm_m / ref, "o", mfc="none", mec="tab:blue",
                ms=7, label="Bloch–Grüneisen anchors")  # fmt: skip
        ax.set(yscale="log", ylim=(1e-4, 5))
        ax.set_title(sym, fontsize=10)
    for ax in axes[-1]:
        ax.set_xlabel("T [K]")
    for ax in axes[:, 0]:
        ax.set_ylabel("ρ(T)/ρ(293 K)")
    axes.flat[0].legend(fontsize=7, loc="lower right")
    fig.suptitle("Resistivity against temperature: measured, Bloch–Grüneisen and the paper's "
                 "model (no fit at or above 273 K)")  # fmt: skip
    return fig


@plotting.style()
def plot_pressure_coefficients(table):
    """|d ln ρ/dp| at low pressure per element for the paper's model and for −2γ_G/K, with the
    predicted sign as the marker and the measured sign as its colour; measured magnitudes where
    Bridgman's numbers are shipped (``resistivity-pressure.csv``)."""
    t = table.sort_values(["measured_sign", "symbol"]).reset_index(drop=True)
    fig, ax = plotting.subplots(figsize=(11, 4.8))
    x = np.arange(len(t))
    series = (
        ("dlnrho_dp_model_per_GPa", -0.18, "paper's model", "tab:red"),
        ("dlnrho_dp_mainstream_per_GPa", 0.0, "Bloch–Grüneisen −2γ_G/K", "tab:blue"),
        ("dlnrho_dp_measured_per_GPa", 0.18, "measured (Bridgman)", "black"),
    )
    meas = t.measured_sign.to_numpy(float)
    for col, dx, label, colour in series:
        v = t[col].to_numpy(float)
        for sign, marker in ((1, "^"), (-1, "v")):
            ok = np.isfinite(v) & (np.sign(v) == sign) & (v != 0)
            right = ok & (np.sign(v) == meas)
            ax.scatter(x[right] + dx, np.abs(v[right]), marker=marker, s=46, color=colour,
                       label=f"{label}: {'rises' if sign > 0 else 'falls'}")  # fmt: skip
            wrong = ok & (np.sign(v) != meas)
            ax.scatter(x[wrong] + dx, np.abs(v[wrong]), marker=marker, s=46, facecolor="none",
                       edgecolor=colour)  # fmt: skip
    ax.set_xticks(x, [f"{s}\n{'+' if m > 0 else '−'}" for s, m in zip(t.symbol, meas, strict=True)],
                  fontsize=8)  # fmt: skip
    ax.set(yscale="log", ylabel="|d ln ρ/dp| at low pressure [1/GPa]",
           title="Pressure coefficient of resistivity; below each element the measured sign "
           "(hollow marker: predicted sign wrong)")  # fmt: skip
    ax.legend(fontsize=7, ncol=3, loc="upper left")
    return fig
