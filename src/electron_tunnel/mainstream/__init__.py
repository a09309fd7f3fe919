"""Mainstream physics beside the paper's model: evidence for the audit, never verdicts.

Modules: [`superconductivity`][] (McMillan and Allen–Dynes T_c,
BCS gap and critical field, London and coherence lengths, the type rule, McMillan's dT_c/dp,
and [`element_comparison`][]), [`transport`][]
(Bloch–Grüneisen resistivity and its pressure coefficient) and [`transport_evidence`][]
(measured ρ(T) and ρ(p) beside both models, per element), and [`critical_current`][]
(measured J_c(B, T) laws of Nb–Ti and Nb₃Sn).
"""

from __future__ import annotations

from .critical_current import bottura_bordini_jc, bottura_bordini_tc, lubell_jc, lubell_tc
from .superconductivity import (
    BCS_GAP_RATIO,
    MU_STAR,
    TYPE_BORDER_KAPPA,
    allen_dynes_factors,
    allen_dynes_tc,
    bcs_coherence_length,
    bcs_critical_field,
    bcs_gap,
    element_comparison,
    gl_kappa,
    london_penetration_depth,
    mcmillan_tc,
    superconductor_type,
    tc_pressure_slope,
)
from .transport import (
    bloch_gruneisen_integral,
    bloch_gruneisen_resistivity,
    gruneisen_pressure_coefficient,
    resistivity_pressure_coefficient,
)
from .transport_evidence import (
    ANCHOR_MAX_T,
    BETA_RANGE,
    C_AMBIENT,
    T_SCORED,
    pressure_coefficients,
    resistivity_rank_predictor,
    resistivity_temperature,
    temperature_coefficients_293K,
)

__all__ = [
    "ANCHOR_MAX_T",
    "BCS_GAP_RATIO",
    "BETA_RANGE",
    "C_AMBIENT",
    "MU_STAR",
    "TYPE_BORDER_KAPPA",
    "T_SCORED",
    "allen_dynes_factors",
    "allen_dynes_tc",
    "bcs_coherence_length",
    "bcs_critical_field",
    "bcs_gap",
    "bloch_gruneisen_integral",
    "bloch_gruneisen_resistivity",
    "bottura_bordini_jc",
    "bottura_bordini_tc",
    "element_comparison",
    "gl_kappa",
    "gruneisen_pressure_coefficient",
    "london_penetration_depth",
    "lubell_jc",
    "lubell_tc",
    "mcmillan_tc",
    "pressure_coefficients",
    "resistivity_pressure_coefficient",
    "resistivity_rank_predictor",
    "resistivity_temperature",
    "superconductor_type",
    "tc_pressure_slope",
    "temperature_coefficients_293K",
]
