"""electron-tunnel: J. Z. Liu's electron-tunnel model of superconductivity, as checkable code.

The public API follows the paper's equations (see ``docs/nomenclature.md`` for the map from
equation numbers to functions). Modules:

``two_centre``
    hydrogen atom beside a proton, eqs (1)-(11)
``chain``
    the chain model with attraction coefficient c, eqs (15)-(24), (36)-(41)
``states``
    the insulator / conductor / superconductor rule
``resistivity``
    eqs (12)-(14), (25)-(35)
``phenomenology``
    eqs (42)-(45)
"""

from . import chain, equations, phenomenology, resistivity, states, two_centre, units
from .chain import (
    conducting_radius,
    critical_attraction,
    insulating_threshold,
    lifting_energy,
    resisting_distance,
    series_remainder,
    series_remainder_leading,
)
from .phenomenology import (
    blackbody_exitance,
    critical_current_density,
    flux_quantum,
    lorentz_force,
)
from .resistivity import microscopic_resistivity, total_energy
from .resistivity import resistivity as resistivity_from_distance
from .states import State, classify

__version__ = "0.3.0"

__all__ = [
    "State",
    "__version__",
    "blackbody_exitance",
    "chain",
    "classify",
    "conducting_radius",
    "critical_attraction",
    "critical_current_density",
    "equations",
    "flux_quantum",
    "insulating_threshold",
    "lifting_energy",
    "lorentz_force",
    "microscopic_resistivity",
    "phenomenology",
    "resisting_distance",
    "resistivity",
    "resistivity_from_distance",
    "series_remainder",
    "series_remainder_leading",
    "states",
    "total_energy",
    "two_centre",
    "units",
]
