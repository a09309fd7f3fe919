"""Physical constants, initial conditions and the closed forms the simulation is compared with.

The closed forms are derived in ``docs/derivations.md`` ("Meissner effect: classical charges in
a field"). Moments are magnetic moments along the field, ``m = q (r x v)_z / 2`` [A m^2];
"per carrier" means divided by the number of charges.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import constants, integrate

from ..constants import ELEMENTARY_CHARGE

__all__ = [
    "B_C_HG",
    "K_B",
    "MU_0",
    "M_E",
    "N_HG",
    "T_C_HG",
    "E",
    "bulk_fraction",
    "bulk_moment_per_carrier",
    "critical_field_hg",
    "cyclotron_period",
    "cyclotron_radius",
    "initial_state",
    "susceptibility",
]

E = ELEMENTARY_CHARGE  #: elementary charge [C] (electron_tunnel.constants)
M_E = constants.m_e  #: electron mass [kg]
K_B = constants.k  #: Boltzmann constant [J/K]
MU_0 = constants.mu_0  #: vacuum permeability [T m/A]

#: Hg (alpha) superconducting transition temperature [K] (Kittel, *Introduction to Solid State
#: Physics*, 8th ed., ch. 10, table "Superconductivity parameters of the elements": 4.153 K).
T_C_HG = 4.153
#: Hg (alpha) thermodynamic critical field at T = 0 [T] (same table: 412 G = 41.2 mT).
B_C_HG = 0.0412
#: Free-electron density of Hg, two valence electrons per atom [m^-3] (Ashcroft & Mermin,
#: *Solid State Physics*, table 1.1: 8.65e22 cm^-3 at 78 K).
N_HG = 8.65e28


def critical_field_hg(temperature_K):
    """Hg's critical field at temperature T by the empirical parabola ``B_c(0) (1 - (T/T_c)^2)``.

    Parameters
    ----------
    temperature_K : float
        Temperature [K], 0 <= T <= T_c.

    Returns
    -------
    float
        Critical field [T].
    """
    return B_C_HG * (1.0 - (temperature_K / T_C_HG) ** 2)


def cyclotron_period(field_T, mass=M_E, charge=E):
    """Cyclotron period ``2 pi m / (|q| B)`` [s] (the same for every speed)."""
    return 2.0 * math.pi * mass / (abs(charge) * field_T)


def cyclotron_radius(speed, field_T, mass=M_E, charge=E):
    """Cyclotron radius ``m v / (|q| B)`` [m]."""
    return mass * np.asarray(speed, float) / (abs(charge) * field_T)


def initial_state(rng, n, *, geometry, size, temperature_K, speed="maxwell"):
    """Uniform positions in the sample, isotropic velocities, charges alternating +e, -e.

    Parameters
    ----------
    rng : numpy.random.Generator
    n : int
        Number of charges (even numbers give exactly as many holes as electrons).
    geometry : {"disk", "rectangle", "none"}
        Disk of radius ``size[0]``, or rectangle / wall-free box ``[-a, a] x [-b, b]`` with
        ``(a, b) = size``.
    size : tuple of float
        Half-sizes [m].
    temperature_K : float
    speed : {"maxwell", "fixed"}
        Maxwell-Boltzmann velocities (each component normal with variance ``k_B T / m``), or
        the fixed speed ``sqrt(2 k_B T / m)`` (the same mean kinetic energy ``k_B T``) in a
        uniformly random direction.

    Returns
    -------
    x, y, vx, vy, s : ndarray
        Positions [m], velocities [m/s] and charge signs.
    """
    a, b = size
    if geometry == "disk":
        r = a * np.sqrt(rng.random(n))
        phi = 2.0 * np.pi * rng.random(n)
        x, y = r * np.cos(phi), r * np.sin(phi)
    else:
        x = a * (2.0 * rng.random(n) - 1.0)
        y = b * (2.0 * rng.random(n) - 1.0)
    sigma = math.sqrt(K_B * temperature_K / M_E)
    if speed == "maxwell":
        vx = sigma * rng.standard_normal(n)
        vy = sigma * rng.standard_normal(n)
    else:
        direction = 2.0 * np.pi * rng.random(n)
        vx = math.sqrt(2.0) * sigma * np.cos(direction)
        vy = math.sqrt(2.0) * sigma * np.sin(direction)
    s = np.where(np.arange(n) % 2 == 0, 1.0, -1.0)
    return x, y, vx, vy, s


def bulk_fraction(radius, *, geometry, size):
    """Fraction of uniformly placed, isotropically moving charges whose orbit misses the walls.

    A charge at uniform position with a uniform velocity direction has its orbit centre
    uniformly distributed, for each direction, over the translated sample; the orbit (a circle
    of the given radius) is clear of the walls exactly when the centre lies in the inner
    parallel set, so the fraction is that set's area over the sample's.

    Parameters
    ----------
    radius : array_like
        Orbit radius [m].
    geometry : {"disk", "rectangle", "none"}
    size : tuple of float
        Half-sizes (a, b) [m]; the disk's radius is ``a``.

    Returns
    -------
    ndarray
        ``(1 - r/a)^2`` (disk), ``(1 - r/a)(1 - r/b)`` (rectangle), 1 without walls; 0 when
        the orbit does not fit.
    """
    r = np.asarray(radius, float)
    a, b = size
    if geometry == "none":
        return np.ones_like(r)
    if geometry == "disk":
        return np.clip(1.0 - r / a, 0.0, None) ** 2
    return np.clip(1.0 - r / a, 0.0, None) * np.clip(1.0 - r / b, 0.0, None)


def bulk_moment_per_carrier(
    field_T, temperature_K, *, geometry="none", size=(1.0, 1.0), speed="maxwell", theta=0.0
):
    """Expected bulk-orbit (walls-clear) moment per carrier [A m^2].

    A closed orbit of speed v has the time-averaged moment ``-m v^2 / (2 B)`` (diamagnetic for
    either sign of charge); averaged over the speeds of the orbits clear of the walls:

    ``<m_bulk> = -(1/B) < (m v^2 / 2) g(theta) f(R(v)) >``,

    with f the [`bulk_fraction`][] and, for the time-discretised orbit of turning angle
    theta per step, ``g = (theta/2) / tan(theta/2)`` (the inscribed/continuous radius ratio)
    and ``R = (m v / |q| B) (theta/2) / sin(theta/2)``; ``theta = 0`` is the continuous orbit.
    Without walls (``geometry="none"``) this is ``-k_B T / B`` for both speed options: the
    per-area tally ``-n k_B T / B``.

    Parameters
    ----------
    field_T, temperature_K : float
    geometry : {"disk", "rectangle", "none"}
    size : tuple of float
        Half-sizes [m].
    speed : {"maxwell", "fixed"}
    theta : float
        Turning angle per step [rad], 0 <= theta <= pi/8.

    Returns
    -------
    float
    """
    sigma2 = K_B * temperature_K / M_E
    g = 1.0 if theta == 0 else (theta / 2) / math.tan(theta / 2)
    c = 1.0 if theta == 0 else (theta / 2) / math.sin(theta / 2)

    def weight(u):  # u = v / sigma; kinetic energy (m sigma^2 / 2) u^2
        radius = c * cyclotron_radius(u * math.sqrt(sigma2), field_T)
        return (
            0.5 * M_E * sigma2 * u * u * float(bulk_fraction(radius, geometry=geometry, size=size))
        )

    if speed == "fixed":
        mean = weight(math.sqrt(2.0))
    else:  # 2-D Maxwell-Boltzmann speeds: density u exp(-u^2/2)
        mean = integrate.quad(lambda u: weight(u) * u * math.exp(-u * u / 2), 0, np.inf, limit=200)[
            0
        ]
    return -g * mean / field_T


def susceptibility(moment_per_carrier, field_T, density):
    """Dimensionless 3-D susceptibility ``chi = mu0 M / B`` with ``M = n <m>``.

    A layer of thickness d holding a 2-D density ``n_2D`` has the 3-D density ``n = n_2D / d``
    and magnetization ``M = n_2D <m> / d = n <m>``; the thickness drops out of M. ``B`` is the
    applied field, so ``chi = M / H_a``; it is the material's ``M / H`` only with demagnetising
    factor N = 0, an infinite cylinder (or slab) in an axial field, the geometry the 2-D
    simulation stands for (``bulk_orbit.CONVENTION_GEOMETRY``). There the Meissner state is
    ``M = -B / mu0``, i.e. ``chi = -1``; a thin film in a perpendicular field (N -> 1) has
    ``chi_apparent = -1 / (1 - N)`` in its Meissner state instead.

    Parameters
    ----------
    moment_per_carrier : array_like
        Mean moment per carrier [A m^2].
    field_T : float
        Applied field [T].
    density : float
        Carrier density [m^-3].

    Returns
    -------
    ndarray or float
    """
    return MU_0 * density * np.asarray(moment_per_carrier, float) / field_T
