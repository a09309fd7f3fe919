"""The house figure style and shared figure helpers; every figure of the package uses them.

The package leaves matplotlib's global state alone, as xarray does: it never chooses a
backend and never changes the global ``rcParams``, and its figures are
`matplotlib.figure.Figure` objects made without pyplot (so nothing is registered in
pyplot's figure manager; a figure is freed when it is no longer referenced). The house style is
applied with `matplotlib.rc_context` around the whole drawing.

``style()``
    context manager (and decorator) applying [`HOUSE_STYLE`][]: every plot function of the
    package draws inside it, because matplotlib reads rcParams when each artist is made;
``subplots(...)``, ``figure(...)``
    a `matplotlib.figure.Figure` (and its axes) in the house style, without pyplot;
``save(fig, stem)``
    write ``stem.png`` and ``stem.svg`` reproducibly (no dates or software versions inside);
    returns the PNG bytes;
``periodic_table(table, column, ...)``
    a periodic-table heatmap of one element property.

Examples
--------
>>> import matplotlib
>>> from electron_tunnel import plotting
>>> with plotting.style():
...     fig, ax = plotting.subplots(figsize=(4, 3))
...     line, = ax.plot([0, 1], [0, 1])
>>> ax.spines["top"].get_visible(), matplotlib.rcParams["axes.spines.top"]
(False, True)
>>> type(fig).__name__
'Figure'
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import matplotlib
import matplotlib.colors as mcolors
import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

__all__ = [
    "HOUSE_STYLE",
    "STATE_COLOURS",
    "figure",
    "periodic_table",
    "save",
    "style",
    "subplots",
]

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


def style():
    """[`HOUSE_STYLE`][] for the duration of a ``with`` block, or of a decorated function.

    A thin `matplotlib.rc_context`: the global ``rcParams`` are restored on exit. Fonts,
    ticks, grids and legends read rcParams when they are made, and some are made only when the
    figure is drawn, so the whole plot function runs inside it (and [`save`][] draws inside
    it again).

    Examples
    --------
    >>> import matplotlib
    >>> with style():
    ...     matplotlib.rcParams["grid.alpha"]
    0.25
    >>> @style()
    ... def alpha():
    ...     return matplotlib.rcParams["grid.alpha"]
    >>> alpha(), matplotlib.rcParams["grid.alpha"] == 0.25
    (0.25, False)
    """
    return matplotlib.rc_context(HOUSE_STYLE)


def figure(**kwargs) -> Figure:
    """A `matplotlib.figure.Figure` in the house style, made without pyplot.

    ``kwargs`` go to `matplotlib.figure.Figure` (``figsize``, ``layout``, ...).
    """
    with style():
        return Figure(**kwargs)


def subplots(nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, width_ratios=None,
             height_ratios=None, subplot_kw=None, gridspec_kw=None, **fig_kw):  # fmt: skip
    """Like `matplotlib.pyplot.subplots`, in the house style and without pyplot.

    Returns
    -------
    (matplotlib.figure.Figure, axes)
        ``axes`` as `matplotlib.figure.Figure.subplots` returns them.
    """
    with style():
        fig = Figure(**fig_kw)
        axes = fig.subplots(
            nrows,
            ncols,
            sharex=sharex,
            sharey=sharey,
            squeeze=squeeze,
            width_ratios=width_ratios,
            height_ratios=height_ratios,
            subplot_kw=subplot_kw,
            gridspec_kw=gridspec_kw,
        )
    return fig, axes


def save(fig, stem) -> bytes:
    """Write ``fig`` to ``stem.png`` and ``stem.svg`` (byte-reproducible, in the house style).

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
    stem = Path(stem)
    buf = io.BytesIO()
    with style():  # savefig.dpi and svg.hashsalt are read now, and ticks may be made now
        fig.savefig(buf, format="png", metadata={"Software": None})
        png = buf.getvalue()
        stem.with_suffix(".png").write_bytes(png)
        fig.savefig(
            stem.with_suffix(".svg"), format="svg", metadata={"Date": None, "Creator": None}
        )
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # a figure the caller made with pyplot is released, as before
        pyplot.close(fig)
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
    with style():
        return _periodic_table(table, column, title, kind=kind, cmap=cmap, label=label)


def _periodic_table(table, column, title, *, kind, cmap, label):
    fig, ax = subplots(figsize=(10.5, 6.0), layout="constrained")
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
        cm = matplotlib.colormaps.get_cmap(cmap)
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
        sm = ScalarMappable(norm=norm, cmap=cm)
        cb = fig.colorbar(sm, ax=ax, shrink=0.6, pad=0.01)
        cb.set_label(label)
    return fig
