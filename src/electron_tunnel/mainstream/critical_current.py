r"""Measured critical-current laws J_c(B, T) of technical superconductors.

Fits to measurements of conductors, used by the audit as the measured temperature dependence
of the critical current density that the paper's eq (44), ``J_c = C T^4``, is scored against
(it rises with T; every measured law falls to zero at T_c(B)). The parameters are those of
[`electron_tunnel.datasets.critical_current_laws`][] (UKAEA PROCESS, MIT licence, after the
papers below).

* [`lubell_jc`][] — Nb–Ti (Lubell 1983):
  $T_c(B) = T_{c0}(1 - B/B_{c20})^{0.59}$, $J_c = C_0 (1 - B/B_{c20})(1 - T/T_c(B))$;
* [`bottura_bordini_jc`][] — Nb₃Sn (Bottura & Bordini 2009, ITER EUTF4 parameters):
  $J_c = (C/B)\,s(\varepsilon)\,(1 - t^{1.52})(1 - t^2)\,b^p (1 - b)^q$ with
  $t = T/(T_{c0,max} s^{1/3})$, $b = B/B_{c2}^*(T, \varepsilon)$,
  $B_{c2}^* = B_{c20,max}\, s(\varepsilon)(1 - t^{1.52})$, and the strain function
  $s(\varepsilon) = 1 + [C_{a1}(\sqrt{\varepsilon_{sh}^2 + \varepsilon_{0a}^2}
  - \sqrt{(\varepsilon - \varepsilon_{sh})^2 + \varepsilon_{0a}^2}) - C_{a2}\varepsilon]
  / (1 - C_{a1}\varepsilon_{0a})$, $\varepsilon_{sh} = C_{a2}\varepsilon_{0a}
  / \sqrt{C_{a1}^2 - C_{a2}^2}$.

Both return 0 at and above T_c(B) (and for B at or above B_c2), never a negative current.

References
----------
.. [1] M. S. Lubell, "Empirical scaling formulas for critical current and critical field for
   commercial NbTi", IEEE Trans. Magn. 19, 754 (1983).
.. [2] L. Bottura and B. Bordini, "J_c(B, T, ε) parametrization for the ITER Nb₃Sn
   production", IEEE Trans. Appl. Supercond. 19, 1521 (2009).
.. [3] UKAEA PROCESS, ``process/models/superconductors.py`` (``jcrit_nbti``, ``itersc``).
"""

from __future__ import annotations

import math

import numpy as np

from .. import datasets
from ..errors import InputError

__all__ = [
    "LAWS",
    "bottura_bordini_jc",
    "bottura_bordini_tc",
    "law_parameters",
    "lubell_jc",
    "lubell_tc",
]

#: The laws implemented here, by the ``law`` key of the parameter table.
LAWS = ("lubell_1983_old_empirical", "bottura_bordini_2009_iter_eutf4")


def law_parameters(law: str) -> dict[str, float]:
    """The parameters of one law of [`electron_tunnel.datasets.critical_current_laws`][]."""
    table = datasets.critical_current_laws()
    rows = table[table.law == law]
    if rows.empty:
        raise InputError(f"law must be one of {sorted(set(table.law))}, got {law!r}")
    return {r.parameter: float(r.value) for r in rows.itertuples()}


def _field_and_temperature(B, T):
    try:
        B = np.asarray(B, dtype=float)
        T = np.asarray(T, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InputError(f"B and T must be real numbers: {exc}") from None
    if not np.all(np.isfinite(B) & (B > 0)):
        raise InputError("B must be > 0 T (the laws diverge or are undefined at B = 0)")
    if not np.all(np.isfinite(T) & (T >= 0)):
        raise InputError("T must be >= 0 K")
    return np.broadcast_arrays(B, T)


def _out(value, B, T):
    value = np.asarray(value, dtype=float)
    return value[()] if np.ndim(B) == 0 and np.ndim(T) == 0 else value


def lubell_jc(B, T, params=None):
    """Nb–Ti critical current density [A/m²] at field ``B`` [T] and temperature ``T`` [K].

    Parameters
    ----------
    B : array_like
        Field [T], > 0.
    T : array_like
        Temperature [K], >= 0.
    params : dict, optional
        ``C_0`` [A/m²], ``B_c20max`` [T], ``T_c0max`` [K], ``exp_tc_b``; default the table's.

    Examples
    --------
    >>> round(float(lubell_jc(8.0517923638507547, 4.75)) / 1e8, 4)  # PROCESS's unit test
    9.0667
    """
    p = params or law_parameters("lubell_1983_old_empirical")
    Bb, Tb = _field_and_temperature(B, T)
    b = np.clip(Bb / p["B_c20max"], 0.0, 1.0)
    t_crit = p["T_c0max"] * (1.0 - b) ** p["exp_tc_b"]
    with np.errstate(divide="ignore", invalid="ignore"):
        j = p["C_0"] * (1.0 - b) * (1.0 - Tb / t_crit)
    return _out(np.where((b < 1) & (Tb < t_crit), j, 0.0), B, T)


def lubell_tc(B, params=None):
    """Nb–Ti critical temperature [K] at field ``B`` [T]: ``T_c0 (1 - B/B_c20)^0.59`` (0 at
    and above B_c20).

    Examples
    --------
    >>> round(float(lubell_tc(8.0517923638507547)), 6)  # PROCESS's unit test: 5.90600827 K
    5.906008
    """
    p = params or law_parameters("lubell_1983_old_empirical")
    Bb, _ = _field_and_temperature(B, 0.0)
    b = np.clip(Bb / p["B_c20max"], 0.0, 1.0)
    return _out(p["T_c0max"] * (1.0 - b) ** p["exp_tc_b"], B, 0.0)


def bottura_bordini_tc(B, strain=0.0, params=None):
    """Nb₃Sn critical temperature [K] at field ``B`` [T] and strain:
    ``T_c0max s^(1/3) (1 - B/B_c2*(0, ε))^(1/1.52)`` (0 at and above B_c2*(0, ε)).

    Examples
    --------
    >>> round(float(bottura_bordini_tc(13.008974843466492, 0.001601605753441172)), 5)
    11.33846
    """
    p = params or law_parameters("bottura_bordini_2009_iter_eutf4")
    Bb, _ = _field_and_temperature(B, 0.0)
    s = _strain(strain, p)
    b = np.clip(Bb / (p["B_c20max"] * s), 0.0, 1.0)
    return _out(p["T_c0max"] * s ** p["exp_s_tc"] * (1.0 - b) ** (1 / p["exp_t_bc2"]), B, 0.0)


def _strain(strain, p):
    strain = float(strain)
    if not (math.isfinite(strain) and abs(strain) < 0.05):
        raise InputError(f"strain must be a real number with |strain| < 0.05, got {strain!r}")
    s = float(_strain_function(strain, p))
    if s <= 0:
        raise InputError(f"strain = {strain:g} gives a non-positive strain function s = {s:g}")
    return s


def _strain_function(strain, p):
    ca1, ca2, e0a = p["C_a1"], p["C_a2"], p["epsilon_0a"]
    e_sh = ca2 * e0a / math.sqrt(ca1**2 - ca2**2)
    top = ca1 * (np.hypot(e_sh, e0a) - np.hypot(strain - e_sh, e0a)) - ca2 * strain
    return 1.0 + top / (1.0 - ca1 * e0a)


def bottura_bordini_jc(B, T, strain=0.0, params=None):
    """Nb₃Sn critical current density [A/m² of non-copper area] at ``B`` [T], ``T`` [K] and
    axial strain ``strain`` (absolute, e.g. -0.005; default 0, where ``s = 1``).

    The scaling constant of the ITER parameters is a strand current times field [A T]; it is
    divided by the non-copper area ``π (d/2)² (1 - f_Cu)`` of the strand (as PROCESS does).

    Examples
    --------
    >>> j = bottura_bordini_jc(13.008974843466492, 4.75, 0.001601605753441172)
    >>> round(float(j) / 1e8, 5)  # PROCESS's unit test: 692348194.774593 A/m^2
    6.92348
    """
    p = params or law_parameters("bottura_bordini_2009_iter_eutf4")
    Bb, Tb = _field_and_temperature(B, T)
    s = _strain(strain, p)
    area_m2 = math.pi * (p["strand_diameter"] / 2) ** 2 * (1 - p["f_Cu"]) * 1e-6
    C = p["C"] / area_m2
    t = Tb / (p["T_c0max"] * s ** p["exp_s_tc"])
    tt = np.clip(t, 0.0, 1.0)
    bc2 = p["B_c20max"] * s * (1.0 - tt ** p["exp_t_bc2"])
    with np.errstate(divide="ignore", invalid="ignore"):
        b = Bb / bc2
        j = (C / Bb) * s * (1 - tt ** p["exp_t_bc2"]) * (1 - tt ** p["exp_t_jc"])
        j = j * np.clip(b, 0, 1) ** p["p"] * np.clip(1 - b, 0, 1) ** p["q"]
    return _out(np.where((t < 1) & (b < 1), j, 0.0), B, T)
