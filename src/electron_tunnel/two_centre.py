r"""The two-centre model: a hydrogen atom beside a proton (paper eqs 1-11).

An electron on the line through both nuclei, at distance ``r`` from its own nucleus; the
border between the two particles is at ``R_b`` and the proton at ``2 R_b``. The nucleus
carries charge $Q = u e$ (``u = 1`` for hydrogen) and the electron $-e$, so the
product $KQe$ of the paper is $-K u e^2$ here. All lengths in metres, energies in
joules, forces in newtons; constants from `scipy.constants`.

This model is the chain model of [`electron_tunnel.chain`][] with ``c = 1`` and only the
first term (``terms=0``); the tests check that identity.

References
----------
.. [1] J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
   University (2 June 2019, revised 16 January 2023), eqs (1)-(11) and Figures 1-2.
"""

from __future__ import annotations

import math

from ._validation import (
    check_finite,
    check_orbital_radius,
    check_positive,
    scalar_or_array,
)
from .constants import COULOMB_K, KE2

__all__ = [
    "BORDER_RATIO",
    "CONDUCTING_RATIO",
    "conducting_radius",
    "coulomb_force",
    "force",
    "kinetic_energy",
    "kinetic_energy_difference",
    "lifting_energy",
    "potential_energy_difference",
    "zero_lifting_border",
]

#: R_b / r where the lifting energy vanishes, eq (9): (3 + sqrt 5) / 2 = 2.618...
BORDER_RATIO: float = (3.0 + math.sqrt(5.0)) / 2.0
#: R_c / R_b, eq (10): (3 - sqrt 5) / 2 = 0.381966...
CONDUCTING_RATIO: float = (3.0 - math.sqrt(5.0)) / 2.0


def coulomb_force(q1, q2, d):
    r"""Coulomb force between two point charges, eq (1).

    .. math:: F = \frac{K q_1 q_2}{d^2}

    Parameters
    ----------
    q1, q2 : array_like
        Charges [C].
    d : array_like
        Distance between them [m], > 0.

    Returns
    -------
    F : float or ndarray
        Force [N]; negative means attraction.

    See Also
    --------
    force : the two Coulomb pulls on the electron between hydrogen and a proton.
    electron_tunnel.chain.force : the pulls of a whole chain of molecules.

    References
    ----------
    [1]_ eq (1).

    Examples
    --------
    >>> from scipy.constants import e
    >>> round(float(coulomb_force(e, -e, 52.9e-12)) * 1e9, 3)  # Bohr radius, nN
    -82.442
    """
    q1a = check_finite(q1, "q1")
    q2a = check_finite(q2, "q2")
    da = check_positive(d, "d")
    return scalar_or_array(COULOMB_K * q1a * q2a / da**2, q1, q2, d)


def _check_u(u):
    return check_positive(u, "u")


def force(r, R_b, *, u=1.0):
    r"""Force on the electron on the centre line between hydrogen and a proton, eq (2).

    .. math:: F_e = KQe\left[\frac{1}{r^2} - \frac{1}{(2R_b - r)^2}\right], \qquad KQe = -Kue^2

    Parameters
    ----------
    r : array_like
        Distance of the electron from its nucleus [m], ``0 < r < 2 R_b``.
    R_b : array_like
        Distance from the nucleus to the border [m], > 0.
    u : array_like, optional
        Nuclear charge in units of e (eq 32), > 0. Default 1 (hydrogen).

    Returns
    -------
    F_e : float or ndarray
        [N]; negative pulls the electron back to its own nucleus.

    See Also
    --------
    coulomb_force : one of the two pulls.
    potential_energy_difference : minus the integral of this force from ``r`` to the border.
    kinetic_energy : from the centripetal balance with this force.
    electron_tunnel.chain.force : the same force from a whole chain (``c = 1``, ``terms=0``).

    References
    ----------
    [1]_ eqs (2) and (32).

    Examples
    --------
    >>> float(force(1e-9, 1e-9))  # at the border the two pulls cancel
    0.0
    """
    ra, Ra = check_orbital_radius(r, R_b)
    ua = _check_u(u)
    out = -KE2 * ua * (1.0 / ra**2 - 1.0 / (2.0 * Ra - ra) ** 2)
    return scalar_or_array(out, r, R_b, u)


def potential_energy_difference(r, R_b, *, u=1.0):
    r"""Potential-energy difference of the electron between ``r`` and the border, eq (3).

    .. math:: E_u = -\int_r^{R_b} F_e\,dx = -KQe\left[\frac{1}{r} + \frac{1}{2R_b-r}
              - \frac{2}{R_b}\right]

    Parameters
    ----------
    r : array_like
        Orbital radius [m], ``0 < r < 2 R_b``.
    R_b : array_like
        Border radius [m], > 0.
    u : array_like, optional
        Nuclear charge in units of e, > 0.

    Returns
    -------
    E_u : float or ndarray
        [J]; >= 0 for ``r < R_b``.

    See Also
    --------
    force : the force integrated here.
    kinetic_energy_difference : the other part of the lifting energy.
    lifting_energy : the sum of the two parts.
    electron_tunnel.chain.potential_energy_difference : the same along a chain.

    References
    ----------
    [1]_ eq (3).

    Examples
    --------
    >>> from scipy.constants import e
    >>> round(float(potential_energy_difference(382e-12, 1000e-12)) / e, 4)  # eV
    1.7796
    """
    ra, Ra = check_orbital_radius(r, R_b)
    ua = _check_u(u)
    out = KE2 * ua * (1.0 / ra + 1.0 / (2.0 * Ra - ra) - 2.0 / Ra)
    return scalar_or_array(out, r, R_b, u)


def kinetic_energy(r, R_b, *, u=1.0):
    r"""Kinetic energy of the electron circling at ``r``, eq (6) (eq 5 at ``r = R_b`` is 0).

    From the centripetal balance $m v^2 / r = -F_e$:

    .. math:: E_r = -\frac{KQe}{2}\left[\frac{1}{r} - \frac{r}{(2R_b - r)^2}\right]

    Parameters
    ----------
    r, R_b : array_like
        Orbital and border radius [m], ``0 < r < 2 R_b``.
    u : array_like, optional
        Nuclear charge in units of e, > 0.

    Returns
    -------
    E_r : float or ndarray
        [J]

    See Also
    --------
    kinetic_energy_difference : its value at the border (zero) minus its value at ``r``.
    force : the force in the centripetal balance.

    References
    ----------
    [1]_ eqs (4)-(6).

    Examples
    --------
    >>> float(kinetic_energy(1e-9, 1e-9))  # eq (5)
    0.0
    """
    ra, Ra = check_orbital_radius(r, R_b)
    ua = _check_u(u)
    out = 0.5 * KE2 * ua * (1.0 / ra - ra / (2.0 * Ra - ra) ** 2)
    return scalar_or_array(out, r, R_b, u)


def kinetic_energy_difference(r, R_b, *, u=1.0):
    r"""Kinetic-energy difference between the border and ``r``, eq (7).

    .. math:: E_k = E_{R_b} - E_r = -\frac{KQe}{2}\left[\frac{r}{(2R_b - r)^2}
              - \frac{1}{r}\right]

    Parameters
    ----------
    r, R_b : array_like
        Orbital and border radius [m], ``0 < r < 2 R_b``.
    u : array_like, optional
        Nuclear charge in units of e, > 0.

    Returns
    -------
    E_k : float or ndarray
        [J]; <= 0 for ``r < R_b``.

    See Also
    --------
    kinetic_energy : the kinetic energy at ``r``.
    potential_energy_difference : the other part of the lifting energy.
    lifting_energy : the sum of the two parts.
    electron_tunnel.chain.kinetic_energy_difference : the same along a chain.

    References
    ----------
    [1]_ eq (7).

    Examples
    --------
    >>> from scipy.constants import e
    >>> round(float(kinetic_energy_difference(382e-12, 1000e-12)) / e, 4)  # eV
    -1.7797
    """
    ra, Ra = check_orbital_radius(r, R_b)
    ua = _check_u(u)
    out = 0.5 * KE2 * ua * (ra / (2.0 * Ra - ra) ** 2 - 1.0 / ra)
    return scalar_or_array(out, r, R_b, u)


def lifting_energy(r, R_b, *, u=1.0):
    r"""Energy to lift the electron from orbital ``r`` to the border, eq (8).

    .. math:: E = E_k + E_u = -\frac{KQe}{2}\left[\frac{1}{r} + \frac{2}{2R_b - r}
              + \frac{r}{(2R_b - r)^2} - \frac{4}{R_b}\right]

    Parameters
    ----------
    r, R_b : array_like
        Orbital and border radius [m], ``0 < r < 2 R_b``.
    u : array_like, optional
        Nuclear charge in units of e, > 0.

    Returns
    -------
    E : float or ndarray
        [J]; zero at ``r = R_b`` and at ``r = (3 - sqrt 5)/2 R_b`` (eq 10), negative between.

    See Also
    --------
    potential_energy_difference, kinetic_energy_difference : its two parts.
    zero_lifting_border : the border at which it vanishes for a given ``r``.
    conducting_radius : the orbit at which it vanishes for a given ``R_b``.
    electron_tunnel.chain.lifting_energy : the same for a chain with attraction ``c``.

    References
    ----------
    [1]_ eq (8) and Figure 2.

    Examples
    --------
    >>> from scipy.constants import e
    >>> round(float(lifting_energy(200e-12, 1000e-12)) / e, 4)  # eV, Figure 2
    1.5644
    """
    ra, Ra = check_orbital_radius(r, R_b)
    ua = _check_u(u)
    s = 2.0 * Ra - ra
    # Written as (R_b - r) * (r^2 - 3 r R_b + R_b^2) * 4 / (r R_b s^2): exact zero at r = R_b.
    out = 0.5 * KE2 * ua * 4.0 * (Ra - ra) * (ra * ra - 3.0 * ra * Ra + Ra * Ra) / (ra * Ra * s * s)
    return scalar_or_array(out, r, R_b, u)


def zero_lifting_border(r):
    r"""Border radius at which the lifting energy of an electron at ``r`` vanishes, eq (9).

    .. math:: R_b = \frac{3+\sqrt{5}}{2}\,r \approx 2.618\,r

    (the proton is then at $2R_b \approx 5.236\,r$).

    Parameters
    ----------
    r : array_like
        Orbital radius [m], > 0.

    Returns
    -------
    R_b : float or ndarray
        [m]

    See Also
    --------
    conducting_radius : the inverse relation, ``R_c = R_b / 2.618...``.
    lifting_energy : the energy that vanishes there.

    References
    ----------
    [1]_ eq (9).

    Examples
    --------
    >>> round(float(zero_lifting_border(1.0)), 6)
    2.618034
    """
    ra = check_positive(r, "r")
    return scalar_or_array(BORDER_RATIO * ra, r)


def conducting_radius(R_b):
    r"""Conducting radius of the hydrogen-proton pair, eq (10).

    .. math:: R_c = \frac{3-\sqrt{5}}{2}\,R_b \approx 0.382\,R_b

    Parameters
    ----------
    R_b : array_like
        Border radius [m], > 0.

    Returns
    -------
    R_c : float or ndarray
        [m]

    See Also
    --------
    zero_lifting_border : the inverse relation, ``R_b = 2.618... r``.
    lifting_energy : the energy that changes sign at ``R_c``.
    electron_tunnel.chain.conducting_radius : ``R_c`` of a chain for any ``c`` and series
        length (this function is its ``c = 1``, ``terms=0`` case, eq 41).

    References
    ----------
    [1]_ eqs (10) and (41).

    Examples
    --------
    >>> round(float(conducting_radius(1000e-12)) * 1e12, 3)  # pm
    381.966
    """
    Ra = check_positive(R_b, "R_b")
    return scalar_or_array(CONDUCTING_RATIO * Ra, R_b)
