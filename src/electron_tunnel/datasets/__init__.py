"""Every data set the package ships, one function each, with its citation and license.

This is the only module that opens files in ``electron_tunnel/data``. Each loader returns a
`pandas.DataFrame` whose ``attrs`` carry

``citation``
    where the values come from (per-row sources, where a table has them, are in a column);
``license``
    the terms under which the data are shipped;
``description``
    what the table holds and what it is for.

Examples
--------
>>> from electron_tunnel import datasets
>>> t = datasets.paper_table1()
>>> list(t.symbol)
['Si', 'C', 'Al', 'Ca', 'Fe', 'Cu', 'Pt', 'Au', 'Hg']
>>> t.attrs["license"]
'quoted from the paper under review for comparison'
>>> sorted(datasets.available())[:3]
['bondi_radii', 'chebyshev_coefficients', 'compound_superconductors']
"""

from __future__ import annotations

from .elements import bondi_radii, chebyshev_coefficients, mainstream_lattice
from .paper import literature_facts, paper_claims, paper_table1
from .resistance import (
    residual_resistivity,
    resistive_transition,
    resistivity_measured,
    resistivity_pressure,
    resistivity_temperature,
)
from .superconductors import (
    compound_superconductors,
    critical_current_laws,
    critical_currents,
    element_pressure_onsets,
    element_pressure_tests,
    element_superconductivity,
    heldout_superconductors,
    mainstream_sc_coupling,
    mainstream_sc_normal_state,
    mainstream_superconductors,
    pressure_superconductors,
    supercon,
    tc_pressure_slopes,
)

__all__ = [
    "available",
    "bondi_radii",
    "chebyshev_coefficients",
    "compound_superconductors",
    "critical_current_laws",
    "critical_currents",
    "element_pressure_onsets",
    "element_pressure_tests",
    "element_superconductivity",
    "heldout_superconductors",
    "literature_facts",
    "mainstream_lattice",
    "mainstream_sc_coupling",
    "mainstream_sc_normal_state",
    "mainstream_superconductors",
    "paper_claims",
    "paper_table1",
    "pressure_superconductors",
    "residual_resistivity",
    "resistive_transition",
    "resistivity_measured",
    "resistivity_pressure",
    "resistivity_temperature",
    "supercon",
    "tc_pressure_slopes",
]


def available() -> list[str]:
    """Names of the loader functions in this module."""
    return [n for n in __all__ if n != "available"]
