"""The house figure style and shared figure helpers; every figure of the package uses them.

``pyplot()``
    matplotlib's pyplot on the non-interactive Agg backend with the house style applied;
``save(fig, stem)``
    write ``stem.png`` and ``stem.svg`` reproducibly (no dates or software versions inside) and
    close the figure; returns the PNG bytes;
``periodic_table(table, column, ...)``
    a periodic-table heatmap of one element property.

Examples
--------
>>> from electron_tunnel import plotting
>>> plt = plotting.pyplot()
>>> plt.rcParams["svg.hashsalt"]
'electron-tunnel'
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import matplotlib.colors as mcolors
import numpy as np
from matplotlib.patches import Patch, Rectangle

__all__ = ["HOUSE_STYLE", "STATE_COLOURS", "periodic_table", "pyplot", "save"]

#: matplotlib rcParams of every figure the package draws.
HOUSE_STYLE = {
    "figure.dpi": 110,
    "savefig.dpi": 150,
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.25,
    "legend.frameon": False,
    "svg.hashsalt": "electron-tunnel",
}

#: Colours of the three states, shared by the diagrams, the report and the explorer.
STATE_COLOURS = {"insulator": "#e8e3d9", "conductor": "#cfe0f3", "superconductor": "#f6c9a8"}


def pyplot():
    """``matplotlib.pyplot`` on the Agg backend with :data:`HOUSE_STYLE` applied."""
    matplotlib.use("Agg")
    # deferred on purpose: pyplot must be imported after the backend is chosen
    import matplotlib.pyplot as plt

    plt.rcParams.update(HOUSE_STYLE)
    return plt


def save(fig, stem) -> bytes:
    """Write ``fig`` to ``stem.png`` and ``stem.svg`` (byte-reproducible), close it.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    stem : str or pathlib.Path
        Path without suffix; ``.png`` and ``.svg`` are added.

    Returns
    -------
    bytes
        The PNG file's content (the report embeds it).
    """
    plt = pyplot()
    stem = Path(stem)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    png = buf.getvalue()
    stem.with_suffix(".png").write_bytes(png)
    fig.savefig(stem.with_suffix(".svg"), format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return png


_LANTH = range(57, 72)
_ACT = range(89, 104)


def _position(z, group, period):
    if z in _LANTH:
        return 8.6, z - 57 + 3
    if z in _ACT:
        return 9.6, z - 89 + 3
    return float(period), float(group)


def periodic_table(table, column, title, *, kind="continuous", cmap="viridis", label=""):
    """A periodic-table heatmap of ``column`` (Figures 11-13 of the paper, redrawn).

    Parameters
    ----------
    table : pandas.DataFrame
        One row per element with ``Z``, ``symbol``, ``group``, ``period`` and ``column``.
    column : str
        The property to colour by.
    title : str
    kind : {"continuous", "log", "categorical"}
        Linear or logarithmic colour scale, or the categories solid / liquid / gas / unknown.
    cmap : str
        matplotlib colour map of a continuous scale.
    label : str
        Colour-bar label.

    Returns
    -------
    matplotlib.figure.Figure
    """
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(10.5, 6.0), layout="constrained")
    values = table[column]
    if kind == "categorical":
        palette = {"solid": "#35608d", "liquid": "#f0a030", "gas": "#e6e6e6", "unknown": "#ffffff"}
    else:
        v = values.to_numpy(float)
        finite = v[np.isfinite(v) & (v > 0)] if kind == "log" else v[np.isfinite(v)]
        norm = (
            mcolors.LogNorm(finite.min(), finite.max())
            if kind == "log"
            else mcolors.Normalize(finite.min(), finite.max())
        )
        cm = plt.get_cmap(cmap)
    for row in table.itertuples():
        y, x = _position(row.Z, row.group if np.isfinite(row.group) else 3, row.period)
        val = getattr(row, column)
        if kind == "categorical":
            face = palette.get(val, "#ffffff")
        else:
            face = cm(norm(val)) if np.isfinite(val) and (kind != "log" or val > 0) else "#ffffff"
        ax.add_patch(
            Rectangle((x - 0.47, y - 0.47), 0.94, 0.94, facecolor=face, edgecolor="#9aa3b2", lw=0.6)
        )
        rgb = mcolors.to_rgb(face)
        dark = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 0.5
        ax.text(
            x,
            y - 0.08,
            row.symbol,
            ha="center",
            va="center",
            fontsize=8.5,
            color="white" if dark else "#1d2433",
            fontweight="bold",
        )
        if column == "tc_K" and np.isfinite(val):
            ax.text(
                x,
                y + 0.25,
                f"{val:.3g}",
                ha="center",
                va="center",
                fontsize=5.8,
                color="white" if dark else "#1d2433",
            )
    ax.set_xlim(0.4, 18.6)
    ax.set_ylim(10.2, 0.4)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title, fontsize=11)
    if kind == "categorical":
        ax.legend(
            handles=[Patch(facecolor=c, edgecolor="#9aa3b2", label=k) for k, c in palette.items()],
            loc="upper center",
            bbox_to_anchor=(0.42, 0.9),
            ncol=4,
            fontsize=9,
            title="state at 3500 K",
        )
    else:
        sm = plt.cm.ScalarMappable(norm=norm, cmap=cm)
        cb = fig.colorbar(sm, ax=ax, shrink=0.6, pad=0.01)
        cb.set_label(label)
    return fig
