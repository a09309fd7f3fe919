"""Constitutive relations of the state diagram: R_b(T, p), R_v(T), c(T, p) (eqs 40-41)."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from .. import chain
from ..errors import InputError
from ..units import GPA

__all__ = [
    "GPA",
    "STATES",
    "Model",
    "Parameters",
    "attraction",
    "border_radius",
    "compression",
    "valence_radius",
]

STATES = ("insulator", "conductor", "superconductor")


@dataclass(frozen=True)
class Parameters:
    """Constitutive parameters of one material (SI units).

    Attributes
    ----------
    R_b0, R_v0 : float
        Border and valence radius at ``T0`` and zero pressure [m].
    alpha : float
        Linear thermal-expansion coefficient [1/K], >= 0.
    K0 : float
        Bulk modulus [Pa], > 0.
    K0_prime : float
        Pressure derivative of the bulk modulus, > 0 (default 4).
    beta : float
        Relative growth rate of R_v with temperature [1/K], >= 0 (default 0).
    c0 : float
        Attraction coefficient at ``T0`` and zero pressure, in [0, 1].
    n : float
        Exponent of ``c = c0 (R_b0/R_b)^n``, >= 0.
    T0 : float
        Reference temperature [K] (default 0).
    eos : str
        ``"murnaghan"`` or ``"birch-murnaghan"``.
    label : str
        Name shown in outputs.
    """

    R_b0: float
    R_v0: float
    alpha: float
    K0: float
    K0_prime: float = 4.0
    beta: float = 0.0
    c0: float = 0.5
    n: float = 3.0
    T0: float = 0.0
    eos: str = "murnaghan"
    label: str = ""

    def __post_init__(self):
        checks = {
            "R_b0": self.R_b0 > 0,
            "R_v0": 0 < self.R_v0 < 2 * self.R_b0,
            "alpha": self.alpha >= 0,
            "K0": self.K0 > 0,
            "K0_prime": self.K0_prime > 0,
            "beta": self.beta >= 0,
            "c0": 0 <= self.c0 <= 1,
            "n": self.n >= 0,
            "T0": self.T0 >= 0,
        }
        ranges = {
            "R_b0": "> 0 [m]", "R_v0": "in (0, 2 R_b0) [m]", "alpha": ">= 0 [1/K]",
            "K0": "> 0 [Pa]", "K0_prime": "> 0", "beta": ">= 0 [1/K]", "c0": "in [0, 1]",
            "n": ">= 0", "T0": ">= 0 [K]",
        }  # fmt: skip
        for name, ok in checks.items():
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and ok):
                raise InputError(f"{name} must be finite and {ranges[name]}, got {value!r}")
        if self.eos not in ("murnaghan", "birch-murnaghan"):
            raise InputError(f"eos must be 'murnaghan' or 'birch-murnaghan', got {self.eos!r}")

    def replace(self, **changes) -> Parameters:
        return dataclasses.replace(self, **changes)


# --------------------------------------------------------------------------- constitutive
def compression(p, K0, K0_prime=4.0, eos="murnaghan"):
    r"""Linear compression ``s = (V/V0)^{1/3}`` at pressure ``p`` [Pa] (1 at p = 0, decreasing).

    Murnaghan: $V/V_0 = (1 + K'p/K_0)^{-1/K'}$. Birch–Murnaghan (3rd order):
    $p = \tfrac{3K_0}{2}(s^{-7} - s^{-5})[1 + \tfrac34(K'-4)(s^{-2} - 1)]$, solved for
    ``s`` by vectorised bisection (to 1e-15).

    Examples
    --------
    >>> float(compression(0.0, 25e9))
    1.0
    >>> round(float(compression(25e9, 25e9)), 6)  # (1 + 4)^(-1/12)
    0.874485
    """
    p = np.asarray(p, dtype=float)
    if np.any(~np.isfinite(p)) or np.any(p < 0):
        raise InputError("pressure must be finite and >= 0 Pa")
    if eos == "murnaghan":
        return (1.0 + K0_prime * p / K0) ** (-1.0 / (3.0 * K0_prime))
    if eos != "birch-murnaghan":
        raise InputError(f"eos must be 'murnaghan' or 'birch-murnaghan', got {eos!r}")

    def bm(s):
        return 1.5 * K0 * (s**-7 - s**-5) * (1 + 0.75 * (K0_prime - 4) * (s**-2 - 1))

    # for K' < 4 the third-order bracket turns negative at strong compression: stay above it
    # (p(s) then has a maximum: bracket between it and s = 1)
    s_min = 0.2
    if K0_prime < 4:
        s_zero = (1 + 1 / (0.75 * (4 - K0_prime))) ** -0.5
        grid = np.linspace(max(0.2, s_zero), 1.0, 4001)
        s_min = float(grid[np.argmax(bm(grid))])
    if np.any(p > bm(s_min)):
        raise InputError(
            f"pressure exceeds the range of the Birch-Murnaghan equation with K' = {K0_prime} "
            f"(at most {bm(s_min):.3g} Pa); use eos='murnaghan'"
        )
    lo = np.full(p.shape, s_min)
    hi = np.ones(p.shape)
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        above = bm(mid) > p  # too compressed
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
    return 0.5 * (lo + hi)


def border_radius(T, p, params: Parameters):
    """``R_b(T, p)`` [m]: thermal expansion times equation-of-state compression.

    Examples
    --------
    >>> P = Parameters(R_b0=2e-10, R_v0=1e-10, alpha=1e-5, K0=1e11)
    >>> float(border_radius(100.0, 0.0, P)) / 2e-10
    1.001
    """
    T = np.asarray(T, dtype=float)
    s = compression(p, params.K0, params.K0_prime, params.eos)
    return params.R_b0 * (1.0 + params.alpha * (T - params.T0)) * s


def valence_radius(T, params: Parameters):
    """``R_v(T)`` [m] = R_v0 [1 + beta (T - T0)]."""
    return params.R_v0 * (1.0 + params.beta * (np.asarray(T, dtype=float) - params.T0))


def attraction(T, p, params: Parameters):
    """``c(T, p) = min(1, c0 (R_b0 / R_b(T, p))^n)``."""
    R_b = border_radius(T, p, params)
    return np.minimum(1.0, params.c0 * (params.R_b0 / R_b) ** params.n)


class Model:
    """The three relations as callables of ``(T, p)``, from [`Parameters`][] or user functions.

    Parameters
    ----------
    params : Parameters
    R_b, R_v, c : callable, optional
        ``f(T, p)`` replacing [`border_radius`][], [`valence_radius`][], [`attraction`][].
    """

    def __init__(self, params, R_b=None, R_v=None, c=None):
        self.params = params
        self.R_b = R_b or (lambda T, p: border_radius(T, p, params))
        self.R_v = R_v or (lambda T, p: valence_radius(T, params) + 0.0 * np.asarray(p))
        self.c = c or (lambda T, p: attraction(T, p, params))

    def fields(self, T, p, terms=None):
        R_b = np.asarray(self.R_b(T, p), float)
        R_v = np.asarray(self.R_v(T, p), float)
        c = np.clip(np.asarray(self.c(T, p), float), 0.0, 1.0)
        R_b, R_v, c = np.broadcast_arrays(R_b, R_v, c)
        R_c = np.asarray(chain.conducting_radius(R_b, c, terms))
        return R_b, R_v, c, R_c

    def sc_margin(self, T, p, terms=None):
        """R_v - R_c (negative where there is no tunnel): > 0 means superconducting."""
        R_b, R_v, _, R_c = self.fields(T, p, terms)
        return np.where(np.isnan(R_c), -R_b, R_v - R_c)

    def ins_margin(self, T, p, terms=None):
        """c - c*: <= 0 means insulating."""
        return np.clip(np.asarray(self.c(T, p), float), 0, 1) - chain.insulating_threshold(terms)
