r"""Electrical-resistance state diagrams over temperature and pressure (eqs 40-41, Figures 6, 8).

The paper's rule, applied at every point ``(T, p)``: no electron tunnel (``c <= c*``) is an
insulator; ``R_v(T) >= R_c(c(T, p), R_b(T, p))`` a superconductor; otherwise a conductor. The
paper never says what ``R_b(T, p)``, ``R_v(T)`` and ``c(T, p)`` are; the defaults here are
physically grounded but simple, and each is pluggable:

* [`border_radius`][] — ``R_b = R_b0 [1 + alpha (T - T0)] s(p)``: linear thermal expansion
  (coefficient ``alpha`` from the materials data) times the linear compression
  ``s = (V/V0)^{1/3}`` of an equation of state: Murnaghan, ``V/V0 = (1 + K' p/K0)^{-1/K'}``, or
  third-order Birch–Murnaghan (``eos="birch-murnaghan"``), bulk modulus ``K0`` from the data and
  ``K' = 4`` by default;
* [`valence_radius`][] — ``R_v = R_v0 [1 + beta (T - T0)]``: grows with temperature (electrons
  excite to higher orbitals, as the paper says) at a free rate ``beta`` (default 0);
* [`attraction`][] — ``c = min(1, c0 (R_b0 / R_b)^n)``: grows as molecules come closer, with
  free ``c0`` and ``n`` (default 3).

A user can pass their own functions ``R_b(T, p)``, ``R_v(T, p)``, ``c(T, p)`` to
[`state_diagram`][] instead.

The package is split along the seams of the model: [`constitutive`][] (the relations),
[`grid`][] (the diagram, its boundaries and triple points), [`elements`][] (parameters of
real elements), [`fitting`][] (fits to measured T_c and dT_c/dp), [`slopes`][] (fair tests
of the predicted pressure slopes of T_c and resistivity, and the scan showing that the documented
relations cannot give a falling T_c) and [`output`][] (figure, files and the command line's
range syntax). Every public name is available here.
"""

from __future__ import annotations

from .constitutive import (
    GPA,
    STATES,
    Model,
    Parameters,
    attraction,
    border_radius,
    compression,
    valence_radius,
)
from .elements import for_element, illustrative, pressure_data
from .fitting import (
    FitResult,
    boundary_temperature,
    fit_ambient,
    fit_points,
    predicted_slope,
    prediction_check,
)
from .grid import boundaries, state_diagram
from .output import measured_overlays, parse_range, plot_diagram, write_diagram
from .slopes import (
    RESISTIVITY_DERIVATIVE_ACCURACY,
    SCAN_GRID,
    PressureEvidence,
    falling_tc_possible,
    fit_point,
    plot_slopes,
    pressure_evidence,
    resistivity_pressure_slopes,
    slope_agreement,
    tc_pressure_slopes,
)

__all__ = [
    "GPA",
    "RESISTIVITY_DERIVATIVE_ACCURACY",
    "SCAN_GRID",
    "STATES",
    "FitResult",
    "Model",
    "Parameters",
    "PressureEvidence",
    "attraction",
    "border_radius",
    "boundaries",
    "boundary_temperature",
    "compression",
    "falling_tc_possible",
    "fit_ambient",
    "fit_point",
    "fit_points",
    "for_element",
    "illustrative",
    "measured_overlays",
    "parse_range",
    "plot_diagram",
    "plot_slopes",
    "predicted_slope",
    "prediction_check",
    "pressure_data",
    "pressure_evidence",
    "resistivity_pressure_slopes",
    "slope_agreement",
    "state_diagram",
    "tc_pressure_slopes",
    "valence_radius",
    "write_diagram",
]
