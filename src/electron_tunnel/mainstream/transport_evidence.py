r"""Evidence tables for resistance: measured ρ(T) and ρ(p) beside Bloch–Grüneisen and the paper.

Each table puts measured values, the mainstream prediction of
[`electron_tunnel.mainstream.transport`][] and the paper's model (``ρ = Z D``, eq 35, with the
documented constitutive relations of [`electron_tunnel.diagram`][]) on the same rows. The
tables carry numbers and reasons only; the audit turns them into verdicts.

* [`resistivity_temperature`][] — ρ(T) of pure metals, both models;
* [`temperature_coefficients_293K`][] — ``d ln ρ/dT`` at 293 K;
* [`pressure_coefficients`][] — ``d ln ρ/dp`` at low pressure (Bridgman);
* [`resistivity_rank_predictor`][] — ``T/(M θ_D²)`` as a rank predictor of ρ(293 K).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .. import chain, datasets, diagram, materials
from ..errors import InputError
from .transport import (
    bloch_gruneisen_integral,
    bloch_gruneisen_resistivity,
    gruneisen_pressure_coefficient,
    resistivity_pressure_coefficient,
)

__all__ = [
    "ANCHOR_MAX_T",
    "BETA_RANGE",
    "C_AMBIENT",
    "T_SCORED",
    "pressure_coefficients",
    "resistivity_rank_predictor",
    "resistivity_temperature",
    "temperature_coefficients_293K",
]

T_SCORED = 293.0
"""Temperature [K] of the scored coefficients (the CRC column the package cites)."""
ANCHOR_MAX_T = 200.0
"""Highest temperature [K] used to fix ρ0 and A of the Bloch–Grüneisen curve (below 273 K)."""
BETA_RANGE = (1e-5, 1e-3)
"""Rates [1/K] of R_v rising with T shown beside the scored β = 0: a typical linear
expansion coefficient, and the value of the illustrative Figure 8 parameters
([`electron_tunnel.diagram.illustrative`][])."""
C_AMBIENT = 0.1
"""Attraction coefficient at (T_SCORED, p = 0): the paper's Table 1 value, as in
[`electron_tunnel.diagram.resistivity_pressure_slopes`][]."""

_GPA = diagram.GPA
_CENTRAL = np.array([1.0, -8.0, 0.0, 8.0, -1.0]) / 12.0  # 4th-order first derivative


# --------------------------------------------------------------------------- helpers
def _bg_phonon_dT(T, theta_R, n):
    """d/dT of (T/θ)^n J_n(θ/T) [1/K] (closed form; J_n' (z) = z^n e^z/(e^z-1)^2)."""
    z = theta_R / T
    J = bloch_gruneisen_integral(z, n)
    dJ = z**n * np.exp(-z) / (-np.expm1(-z)) ** 2
    return (T / theta_R) ** n * (n * J - z * dJ) / T


def _lattice():
    return datasets.mainstream_lattice().set_index("symbol")


def _model(symbol, beta=0.0):
    """The paper's model for one element: parameters of [`diagram.for_element`][] with
    ``c(T_SCORED, 0) = C_AMBIENT``, and ``D(T)`` at zero pressure."""
    params = diagram.for_element(symbol, beta=float(beta))
    c0 = C_AMBIENT * (float(diagram.border_radius(T_SCORED, 0.0, params)) / params.R_b0) ** params.n
    if not 0 <= c0 <= 1:
        raise InputError(
            f"c0 = {c0:.4g} needed for c = {C_AMBIENT} at {T_SCORED} K is outside [0, 1]"
        )
    params = params.replace(c0=c0)

    def D(T):
        T = np.asarray(T, dtype=float)
        R_b = diagram.border_radius(T, 0.0, params)
        c = diagram.attraction(T, 0.0, params)
        return np.asarray(chain.resisting_distance(diagram.valence_radius(T, params), R_b, c))

    return D


def _model_dlnD_dT(D, T=T_SCORED, h=1.0):
    vals = D(T + h * np.arange(-2, 3))
    if not np.all(vals > 0):
        raise InputError(
            f"the resisting distance is not positive near {T:g} K (D <= 0: no resistance)"
        )
    return float(_CENTRAL @ np.log(vals) / h)


def _measured_dlnrho_dT(sub):
    """d ln ρ/dT at T_SCORED from a quadratic through the tabulated points in 250-350 K."""
    near = sub[(sub.T_K >= 250) & (sub.T_K <= 350)]
    if len(near) < 3 or not (near.T_K == T_SCORED).any():
        raise InputError(f"fewer than 3 tabulated points in 250-350 K, or none at {T_SCORED:g} K")
    coef = np.polyfit(near.T_K - T_SCORED, near.rho_ohm_m, 2)
    rho293 = float(near.rho_ohm_m[near.T_K == T_SCORED].iloc[0])
    return float(coef[1]) / rho293


def _bg_fit(sub, theta, n=5):
    """ρ0 and A through the measured ρ at the lowest tabulated T and the highest one <= 200 K."""
    low = sub[sub.T_K <= ANCHOR_MAX_T]
    T_lo, T_hi = float(low.T_K.min()), float(low.T_K.max())
    r_lo = float(low.rho_ohm_m[low.T_K == T_lo].iloc[0])
    r_hi = float(low.rho_ohm_m[low.T_K == T_hi].iloc[0])
    phi = bloch_gruneisen_resistivity(np.array([T_lo, T_hi]), theta, 0.0, 1.0, n)
    A = (r_hi - r_lo) / (phi[1] - phi[0])
    rho0 = r_lo - A * phi[0]
    if rho0 < 0 or A < 0:
        raise InputError(f"anchors give rho_0 = {rho0:.3g}, A = {A:.3g} ohm m (must be >= 0)")
    return float(rho0), float(A), (T_lo, T_hi)


def _theta_source(anchors):
    return (
        "theta_R = theta_D of Kittel (calorimetric; datasets.mainstream_lattice()), not fitted; "
        f"rho_0 and A solved from the measured rho at {anchors[0]:g} K and {anchors[1]:g} K; "
        "no point at or above 273 K enters the fit"
    )


# --------------------------------------------------------------------------- evidence
def resistivity_temperature() -> pd.DataFrame:
    """Measured ρ(T) of pure metals beside Bloch–Grüneisen and the paper's model.

    Rows of [`electron_tunnel.datasets.resistivity_temperature`][] (CRC / Matula values,
    ``checked`` says which were checked against a second copy). The Bloch–Grüneisen curve
    (``n = 5``) has ``θ_R = θ_D`` (Kittel) and ``ρ0``, ``A`` through two anchor points at or
    below [`ANCHOR_MAX_T`][] (``bg_anchor``; there it equals the measurement by construction).
    The paper's model gives only the shape: ``rho_model_relative = D(T)/D(T_SCORED)`` (``ρ = Z
    D``, eq 35, Z fixed; ``R_b`` thermal expansion, ``R_v`` fixed, ``c`` from
    [`electron_tunnel.diagram.attraction`][] with ``c(T_SCORED) = C_AMBIENT``), to compare
    with ``rho_measured_relative = ρ(T)/ρ(T_SCORED)``.

    Returns
    -------
    pandas.DataFrame
        ``symbol``, ``T_K``, ``rho_measured_ohm_m``, ``rho_bloch_gruneisen_ohm_m``,
        ``rho_model_relative``, ``rho_measured_relative``, ``bg_anchor``, ``checked``,
        ``source``, ``reason`` ('' where every prediction exists).

    Examples
    --------
    >>> t = resistivity_temperature()
    >>> t.symbol.nunique() >= 10, float(t.T_K.min()) <= 20, float(t.T_K.max()) >= 300
    (True, True, True)
    """
    data = datasets.resistivity_temperature()
    lattice = _lattice()
    out = []
    for sym, sub in data.groupby("symbol", sort=False):
        sub = sub.sort_values("T_K")
        T = sub.T_K.to_numpy(float)
        rho = sub.rho_ohm_m.to_numpy(float)
        at = sub.rho_ohm_m[sub.T_K == T_SCORED]
        rel = rho / float(at.iloc[0]) if len(at) else np.full(T.shape, np.nan)
        bg = np.full(T.shape, np.nan)
        anchor = np.zeros(T.shape, bool)
        model = np.full(T.shape, np.nan)
        reasons = []
        try:
            theta = float(lattice.loc[sym, "debye_temperature_K"])
            rho0, A, anchors = _bg_fit(sub, theta)
            bg = np.asarray(bloch_gruneisen_resistivity(T, theta, rho0, A))
            anchor = np.isin(T, anchors)
        except (KeyError, ValueError) as exc:
            reasons.append(f"Bloch-Grueneisen: {exc}")
        try:
            D = _model(sym)
            model = D(T) / D(T_SCORED)
        except ValueError as exc:
            reasons.append(f"model: {exc}")
        for i in range(len(T)):
            out.append({
                "symbol": sym, "T_K": T[i], "rho_measured_ohm_m": rho[i],
                "rho_bloch_gruneisen_ohm_m": bg[i], "rho_model_relative": float(model[i]),
                "rho_measured_relative": rel[i], "bg_anchor": bool(anchor[i]),
                "checked": bool(sub.checked.iloc[i]), "source": sub.source.iloc[i],
                "reason": "; ".join(reasons),
            })  # fmt: skip
    return pd.DataFrame(out)


def temperature_coefficients_293K() -> pd.DataFrame:
    r"""``d ln ρ/dT`` at [`T_SCORED`][]: measured, Bloch–Grüneisen and the paper's model.

    * measured: slope at 293 K of a quadratic through the tabulated points in 250–350 K,
      divided by ρ(293 K);
    * Bloch–Grüneisen: the closed-form derivative of [`bloch_gruneisen_resistivity`][]
      (``n = 5``) with ``θ_R``, ``ρ0``, ``A`` as in [`resistivity_temperature`][] (``θ_R``
      not fitted; the anchors lie at or below [`ANCHOR_MAX_T`][], so no scored temperature
      enters), divided by the measured ρ(293 K);
    * model: ``d ln D/dT`` (``ρ = Z D``, Z fixed) by a 4th-order central difference (step
      1 K) with the [`electron_tunnel.diagram`][] relations; ``β = 0`` (R_v fixed) is the
      scored variant, ``β`` = [`BETA_RANGE`][] (R_v rising with T) beside it.

    Returns
    -------
    pandas.DataFrame
        ``symbol``, ``dlnrho_dT_measured_per_K``, ``dlnrho_dT_bloch_gruneisen_per_K``,
        ``dlnrho_dT_model_per_K``, ``dlnrho_dT_model_beta_low_per_K``,
        ``dlnrho_dT_model_beta_high_per_K``, ``theta_R_K``, ``theta_R_source``,
        ``rho_0_ohm_m``, ``A_ohm_m``, ``source``, ``reason``.

    Examples
    --------
    >>> t = temperature_coefficients_293K().set_index("symbol")
    >>> round(float(t.loc["Cu", "dlnrho_dT_measured_per_K"]) * 1e3, 1)
    4.0
    """
    data = datasets.resistivity_temperature()
    lattice = _lattice()
    out = []
    for sym, sub in data.groupby("symbol", sort=False):
        sub = sub.sort_values("T_K")
        rec = {
            "symbol": sym, "dlnrho_dT_measured_per_K": np.nan,
            "dlnrho_dT_bloch_gruneisen_per_K": np.nan, "dlnrho_dT_model_per_K": np.nan,
            "dlnrho_dT_model_beta_low_per_K": np.nan, "dlnrho_dT_model_beta_high_per_K": np.nan,
            "theta_R_K": np.nan, "theta_R_source": "", "rho_0_ohm_m": np.nan, "A_ohm_m": np.nan,
            "source": sub.source.iloc[0], "reason": "",
        }  # fmt: skip
        reasons = []
        try:
            rec["dlnrho_dT_measured_per_K"] = _measured_dlnrho_dT(sub)
            theta = float(lattice.loc[sym, "debye_temperature_K"])
            rho0, A, anchors = _bg_fit(sub, theta)
            rho293 = float(sub.rho_ohm_m[sub.T_K == T_SCORED].iloc[0])
            rec["dlnrho_dT_bloch_gruneisen_per_K"] = (
                A * _bg_phonon_dT(T_SCORED, theta, 5.0) / rho293
            )
            rec.update(theta_R_K=theta, theta_R_source=_theta_source(anchors), rho_0_ohm_m=rho0,
                       A_ohm_m=A)  # fmt: skip
        except (KeyError, ValueError) as exc:
            reasons.append(f"measured/Bloch-Grueneisen: {exc}")
        for col, beta in (("dlnrho_dT_model_per_K", 0.0),
                          ("dlnrho_dT_model_beta_low_per_K", BETA_RANGE[0]),
                          ("dlnrho_dT_model_beta_high_per_K", BETA_RANGE[1])):  # fmt: skip
            try:
                rec[col] = _model_dlnD_dT(_model(sym, beta))
            except ValueError as exc:
                reasons.append(f"model (beta = {beta:g} 1/K): {exc}")
        rec["reason"] = "; ".join(reasons)
        out.append(rec)
    return pd.DataFrame(out)


def pressure_coefficients() -> pd.DataFrame:
    r"""``d ln ρ/dp`` at low pressure: measured, the paper's model and ``-2γ_G/K``, per element.

    Rows of [`electron_tunnel.datasets.resistivity_pressure`][] (Bridgman's signs; his
    magnitudes where the table holds them). The measured ``d ln R/dp`` of a wire is turned into
    ``d ln ρ/dp`` with [`resistivity_pressure_coefficient`][]; the model column is
    [`electron_tunnel.diagram.resistivity_pressure_slopes`][] at [`T_SCORED`][] (``ρ = Z D``,
    Murnaghan EOS, ``c = C_AMBIENT``); the mainstream column is
    [`gruneisen_pressure_coefficient`][] with γ_G of
    [`electron_tunnel.datasets.mainstream_lattice`][] and K of the element data.

    Returns
    -------
    pandas.DataFrame
        ``symbol``, ``measured_sign`` (+1 rises, -1 falls), ``dlnR_dp_measured_per_GPa``,
        ``dlnrho_dp_measured_per_GPa``, ``dlnrho_dp_model_per_GPa``,
        ``dlnrho_dp_mainstream_per_GPa``, ``model_sign``, ``mainstream_sign``,
        ``gruneisen_gamma``, ``bulk_modulus_GPa``, ``source``, ``reason``.

    Examples
    --------
    >>> t = pressure_coefficients().set_index("symbol")
    >>> int(t.loc["Li", "measured_sign"]), int(t.loc["Li", "mainstream_sign"])
    (1, -1)
    """
    signs = datasets.resistivity_pressure()
    model = diagram.resistivity_pressure_slopes(c=C_AMBIENT, T=T_SCORED).set_index("symbol")
    lattice = _lattice()
    elements = materials.elements().set_index("symbol")
    out = []
    for row in signs.itertuples(index=False):
        sym = row.symbol
        K = float(elements.loc[sym, "bulk_modulus_GPa"])
        gamma = float(lattice.gruneisen_gamma.get(sym, np.nan))
        dR = float(row.dlnR_dp_per_GPa)
        rec = {
            "symbol": sym, "measured_sign": int(row.measured_sign), "dlnR_dp_measured_per_GPa": dR,
            "dlnrho_dp_measured_per_GPa": np.nan,
            "dlnrho_dp_model_per_GPa": float(model.loc[sym, "predicted_dlnR_dp_per_GPa"]),
            "dlnrho_dp_mainstream_per_GPa": np.nan,
            "model_sign": float(model.loc[sym, "predicted_sign"]), "mainstream_sign": np.nan,
            "gruneisen_gamma": gamma, "bulk_modulus_GPa": K, "source": row.source,
        }  # fmt: skip
        reasons = []
        if model.loc[sym, "reason"] or not math.isfinite(rec["dlnrho_dp_model_per_GPa"]):
            reasons.append(
                "model: " + (model.loc[sym, "reason"] or model.loc[sym, "predicted_basis"])
            )
        if not math.isfinite(K):
            reasons.append("no bulk modulus in the element data")
        else:
            if math.isfinite(dR):
                rec["dlnrho_dp_measured_per_GPa"] = float(
                    resistivity_pressure_coefficient(dR / _GPA, K * _GPA) * _GPA
                )
            else:
                reasons.append("measured: sign only (no magnitude in the table)")
            if math.isfinite(gamma):
                rec["dlnrho_dp_mainstream_per_GPa"] = float(
                    gruneisen_pressure_coefficient(gamma, K * _GPA) * _GPA
                )
                rec["mainstream_sign"] = float(np.sign(rec["dlnrho_dp_mainstream_per_GPa"]))
            else:
                reasons.append("mainstream: no Grueneisen parameter in mainstream_lattice()")
        rec["reason"] = "; ".join(reasons)
        out.append(rec)
    return pd.DataFrame(out)


def resistivity_rank_predictor(T=T_SCORED) -> pd.DataFrame:
    r"""High-temperature Bloch–Grüneisen scaling $\rho \propto T/(M\theta_D^2)$ per element.

    For ranking room-temperature resistivities: the electronic factors (Fermi surface, number
    of carriers, coupling) are left out, so only the order, not the value, is meaningful.

    Parameters
    ----------
    T : float
        Temperature [K], > 0 (default [`T_SCORED`][]).

    Returns
    -------
    pandas.DataFrame
        ``symbol``, ``atomic_mass_u``, ``theta_D_K``, ``bg_scale_per_u_K``
        ($T/(M\theta_D^2)$ [1/(u K)]), ``rho_measured_ohm_m`` (the element data's
        checked room-temperature value), ``bg_scale_rank`` and ``rho_measured_rank`` (1 =
        lowest, among rows with both), ``source``, ``reason``.

    Examples
    --------
    >>> t = resistivity_rank_predictor().set_index("symbol")
    >>> bool(t.loc["Pb", "bg_scale_per_u_K"] > t.loc["Cu", "bg_scale_per_u_K"])
    True
    """
    T = float(T)
    if not (math.isfinite(T) and T > 0):
        raise InputError(f"T must be > 0 K (got {T!r})")
    lattice = datasets.mainstream_lattice()
    elements = materials.elements().set_index("symbol")
    rows = []
    no_rho = "no room-temperature resistivity in the element data"
    for r in lattice.itertuples(index=False):
        M = float(elements.loc[r.symbol, "atomic_mass_u"])
        rho = float(elements.loc[r.symbol, "resistivity_checked_ohm_m"])
        theta = float(r.debye_temperature_K)
        rows.append({
            "symbol": r.symbol, "atomic_mass_u": M, "theta_D_K": theta,
            "bg_scale_per_u_K": T / (M * theta**2), "rho_measured_ohm_m": rho,
            "source": r.debye_source,
            "reason": "" if math.isfinite(rho) else no_rho,
        })  # fmt: skip
    df = pd.DataFrame(rows)
    both = df.rho_measured_ohm_m.notna()
    df["bg_scale_rank"] = df.bg_scale_per_u_K.where(both).rank()
    df["rho_measured_rank"] = df.rho_measured_ohm_m.where(both).rank()
    cols = ["symbol", "atomic_mass_u", "theta_D_K", "bg_scale_per_u_K", "rho_measured_ohm_m",
            "bg_scale_rank", "rho_measured_rank", "source", "reason"]  # fmt: skip
    return df[cols]
