"""``etunnel explore``: the model in the browser, as a Panel (HoloViz) app.

Three tabs, every number computed by the package's public functions on the server:

* **Tunnel** — c, R_v and R_b on sliders; the resisting distance and the energy level against the
  orbital radius (the paper's Figures 5 and 7) with the current point marked; the conducting
  radius, the critical c, the threshold c*, the lifting energy and the state;
* **State diagram** — an element's temperature–pressure diagram from [`electron_tunnel.diagram`][]
  with its constitutive parameters on sliders and the measured T_c under pressure;
* **Screen** — a formula's guideline features and score from [`electron_tunnel.screen`][], and its
  measured T_c where SuperCon has it.

In a notebook::

    from electron_tunnel import explore
    explore.app()

From the shell: ``etunnel explore`` (see [`serve`][]).
"""

from __future__ import annotations

from ..errors import require_extra

# The explorer is the [explore] extra: without Panel (and its Bokeh), importing this package fails
# at once with one line naming the extra, before the tabs import them (hence E402 below).
pn = require_extra("panel", "electron_tunnel.explore", "explore")
require_extra("bokeh", "electron_tunnel.explore", "explore")

from .diagram_tab import DiagramTab  # noqa: E402
from .screen_tab import ScreenTab  # noqa: E402
from .server import free_port, serve  # noqa: E402
from .tunnel import TunnelTab, tunnel_curves, tunnel_values  # noqa: E402

__all__ = [
    "DiagramTab",
    "ScreenTab",
    "TunnelTab",
    "app",
    "free_port",
    "serve",
    "tunnel_curves",
    "tunnel_values",
]

TITLE = "electron-tunnel explorer"


def app():
    """The explorer as a Panel object (a fresh one per call: one per browser session).

    Returns
    -------
    panel.Column
        A header and the Tunnel, State diagram and Screen tabs. Display it in Jupyter, or serve
        it with [`serve`][].
    """
    pn.extension(notifications=False)
    tunnel = TunnelTab()
    diagram = DiagramTab()
    screen = ScreenTab()
    tabs = pn.Tabs(
        ("Tunnel", tunnel.panel()),
        ("State diagram", diagram.panel()),
        ("Screen", screen.panel()),
        dynamic=False,
        sizing_mode="stretch_width",
    )
    header = pn.pane.HTML(
        f"<h2 style='margin:4px 0'>{TITLE}</h2>"
        "<div style='color:#555'>J. Z. Liu's electron-tunnel model of superconductivity, "
        "computed live by the <code>electron_tunnel</code> package.</div>",
        sizing_mode="stretch_width",
    )
    root = pn.Column(header, tabs, sizing_mode="stretch_width")
    root.tunnel, root.diagram, root.screen = tunnel, diagram, screen
    return root
