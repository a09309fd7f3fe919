"""The package's figures leave the user's matplotlib state alone (as xarray's do).

Importing the package, drawing a figure and saving it neither choose a backend nor change the
global ``rcParams``, and no figure is registered with pyplot; the house style is applied inside
the figures only, and :func:`electron_tunnel.plotting.save` is byte-reproducible. The state
checks run in fresh interpreters, where nothing else has touched matplotlib yet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import matplotlib
import numpy as np
import pandas as pd
import pytest

from electron_tunnel import plotting
from electron_tunnel.reproduce import figures

MODULES = [
    "electron_tunnel",
    "electron_tunnel.plotting",
    "electron_tunnel.diagram",
    "electron_tunnel.magnetism",
    "electron_tunnel.magnetism.figures",
    "electron_tunnel.screen",
    "electron_tunnel.screen.draw",
    "electron_tunnel.reproduce",
    "electron_tunnel.reproduce.figures",
]

# Snapshots of matplotlib's global state without resolving the backend: iterating rcParams
# and reading any key but "backend" leave the backend unchosen.
PRELUDE = """
import importlib, json, sys
import matplotlib

def rc():
    return {k: repr(matplotlib.rcParams[k]) for k in matplotlib.rcParams if k != "backend"}

def backend():
    return matplotlib.get_backend(auto_select=False)  # None while no backend is chosen

def changed(before, after):
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
"""


def _fresh(script: str, tmp_path, *, draw: bool = False) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    code = PRELUDE + (DRAW if draw else "") + textwrap.dedent(script)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_import_leaves_backend_and_rcparams_alone(tmp_path):
    result = _fresh(
        f"""
        b0, rc0 = backend(), rc()
        for name in {MODULES!r}:
            importlib.import_module(name)
        print(json.dumps({{"before": b0, "after": backend(), "changed": changed(rc0, rc()),
                          "pyplot": "matplotlib.pyplot" in sys.modules}}))
        """,
        tmp_path,
    )
    assert result["before"] is None
    assert result["after"] is None, "importing the package chose a matplotlib backend"
    assert result["changed"] == []
    assert result["pyplot"] is False


DRAW = """
import numpy as np, pandas as pd
from electron_tunnel import diagram, plotting
from electron_tunnel.reproduce import figures

def draw_all():
    plotting.save(figures.plot_figure2(figures.figure2_data(n=61)), "figure2")
    ill = diagram.illustrative()
    ds = diagram.state_diagram(ill, np.linspace(0, 300, 31), np.linspace(0, 300e9, 31))
    plotting.save(diagram.plot_diagram(ds, diagram.boundaries(ds, ill), title="t"), "diagram")
    plotting.save(diagram.plot_slopes(), "slopes")
    table = pd.DataFrame({"Z": [1, 2, 3], "symbol": ["H", "He", "Li"], "group": [1.0, 18.0, 1.0],
                          "period": [1, 1, 2], "tc_K": [np.nan, 1.0, 10.0]})
    plotting.save(plotting.periodic_table(table, "tc_K", "T_c", kind="log"), "table")
"""


def test_plotting_and_saving_leave_matplotlib_state_alone(tmp_path):
    result = _fresh(
        """
        b0, rc0 = backend(), rc()
        draw_all()
        pyplot_loaded = "matplotlib.pyplot" in sys.modules
        b1, rc1 = backend(), rc()
        import matplotlib.pyplot as plt
        print(json.dumps({"before": b0, "after": b1, "changed": changed(rc0, rc1),
                          "pyplot": pyplot_loaded, "fignums": plt.get_fignums()}))
        """,
        tmp_path,
        draw=True,
    )
    assert result["after"] == result["before"] is None, "a plot function chose a backend"
    assert result["changed"] == []
    assert result["pyplot"] is False
    assert result["fignums"] == []
    for stem in ("figure2", "diagram", "slopes", "table"):
        assert (tmp_path / f"{stem}.png").stat().st_size > 1000
        assert (tmp_path / f"{stem}.svg").stat().st_size > 1000


def test_a_notebook_users_backend_and_style_survive(tmp_path):
    """A user who chose a backend and a style of their own keeps both."""
    result = _fresh(
        """
        matplotlib.use("svg")
        matplotlib.rcParams.update({"font.size": 13, "axes.grid": False, "figure.dpi": 72})
        rc0 = rc()
        import matplotlib.pyplot as plt
        mine = plt.figure()  # the user's own figure stays open and current
        draw_all()
        print(json.dumps({"backend": matplotlib.get_backend(), "changed": changed(rc0, rc()),
                          "fignums": plt.get_fignums(), "current": plt.gcf() is mine,
                          "font": matplotlib.rcParams["font.size"]}))
        """,
        tmp_path,
        draw=True,
    )
    assert result["backend"] == "svg"
    assert result["changed"] == []
    assert result["fignums"] == [1]
    assert result["current"] is True
    assert result["font"] == 13


# --------------------------------------------------------------------------- in-process checks
@pytest.fixture(scope="module")
def figure2():
    return figures.plot_figure2(figures.figure2_data(n=61))


def test_figures_are_plain_figures_outside_pyplot(figure2):
    from matplotlib.figure import Figure

    assert type(figure2) is Figure
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # another test may have loaded it; our figures are not registered
        assert all(pyplot.figure(n) is not figure2 for n in pyplot.get_fignums())


def test_house_style_is_applied_inside_the_figure(figure2, tmp_path):
    ax = figure2.axes[0]
    # axes, spines and grid: read when the axes are made
    assert figure2.dpi == plotting.HOUSE_STYLE["figure.dpi"]
    assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible()
    gridlines = ax.xaxis.get_gridlines()
    assert gridlines and all(g.get_visible() for g in gridlines)
    assert {g.get_alpha() for g in gridlines} == {plotting.HOUSE_STYLE["grid.alpha"]}
    # the legend is made after the axes, later in the plot function: the style still applies
    assert ax.get_legend() is not None and ax.get_legend().get_frame_on() is False
    # while the global rcParams keep matplotlib's (or the user's) values
    assert matplotlib.rcParams["axes.spines.top"] is True
    assert matplotlib.rcParams["grid.alpha"] != plotting.HOUSE_STYLE["grid.alpha"]
    # ticks made while the figure is drawn (at save) are styled too; savefig.dpi is the house's
    png = plotting.save(figure2, tmp_path / "fig")
    assert {g.get_alpha() for g in ax.xaxis.get_gridlines()} == {0.25}
    width, height = (int.from_bytes(png[i : i + 4], "big") for i in (16, 20))
    dpi = plotting.HOUSE_STYLE["savefig.dpi"]
    assert (width, height) == (round(7.2 * dpi), round(4.2 * dpi))


def test_style_context_and_helpers_restore_rcparams():
    before = matplotlib.rcParams["legend.frameon"], matplotlib.rcParams["axes.grid"]
    with plotting.style():
        assert matplotlib.rcParams["legend.frameon"] is False
        fig, axes = plotting.subplots(1, 2, figsize=(4, 2), sharey=True)
        axes[0].plot([0, 1], [0, 1], label="a")
        legend = axes[0].legend()
    assert legend.get_frame_on() is False
    assert (matplotlib.rcParams["legend.frameon"], matplotlib.rcParams["axes.grid"]) == before
    fig = plotting.figure(figsize=(3, 2))
    assert fig.dpi == plotting.HOUSE_STYLE["figure.dpi"]
    assert (matplotlib.rcParams["legend.frameon"], matplotlib.rcParams["axes.grid"]) == before


def test_save_is_byte_reproducible(figure2, tmp_path):
    png1 = plotting.save(figure2, tmp_path / "a")
    svg1 = (tmp_path / "a.svg").read_text(encoding="utf-8")
    png2 = plotting.save(figure2, tmp_path / "b")
    svg2 = (tmp_path / "b.svg").read_text(encoding="utf-8")
    assert png1 == png2 == (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert svg1 == svg2
    # a second, separately drawn copy of the figure gives the same bytes
    again = figures.plot_figure2(figures.figure2_data(n=61))
    assert plotting.save(again, tmp_path / "c") == png1
    assert (tmp_path / "c.svg").read_text(encoding="utf-8") == svg1
    # no dates or software versions inside
    assert b"Software" not in png1 and b"matplotlib" not in png1.lower()
    assert "<dc:date>" not in svg1 and "Matplotlib v" not in svg1


def test_periodic_table_colours_and_state():
    table = pd.DataFrame(
        {
            "Z": [1, 2, 3],
            "symbol": ["H", "He", "Li"],
            "group": [1.0, 18.0, 1.0],
            "period": [1, 1, 2],
            "tc_K": [np.nan, 1.0, 10.0],
        }
    )
    before = matplotlib.rcParams["axes.spines.top"]
    fig = plotting.periodic_table(table, "tc_K", "T_c", kind="log", cmap="magma", label="K")
    assert len(fig.axes) == 2  # the table and its colour bar
    assert fig.axes[1].get_ylabel() == "K"
    assert matplotlib.rcParams["axes.spines.top"] == before
