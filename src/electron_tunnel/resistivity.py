r"""Resistivity and the energy budget (paper eqs 12-14 and 25-35).

The paper relates the lifting energy of eq (23) to Ohm's law through a proportionality
coefficient ``p`` (eq 26), and collects the material constants into the *microscopic
resistivity* ``Z`` (eq 34) so that $\rho = Z D$ (eq 35). SI units throughout.

References
----------
.. [1] J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
   University (2 June 2019, revised 16 January 2023), eqs (12)-(14) and (25)-(35).
"""

from __future__ import annotations

from ._validation import check_finite, check_nonnegative, check_positive, scalar_or_array
from .constants import COULOMB_K, ELEMENTARY_CHARGE

__all__ = [
    "applied_voltage",
    "current",
    "drift_speed",
    "lifting_potential",
    "microscopic_resistivity",
    "resistance",
    "resistivity",
    "resistivity_from_resistance",
    "total_energy",
]


_finite = check_finite


def total_energy(E_v, E_c):
    r"""Energy to raise an electron from its ground orbital to the tunnel, eq (12).

    .. math:: E_t = E_v + E_c

    In a superconductor $E_c = 0$ (eq 13); at 0 K all three vanish (eq 14).

    Parameters
    ----------
    E_v : array_like
        Energy from the ground orbital to the valence orbital [J].
    E_c : array_like
        Lifting energy from the valence orbital to the tunnel [J] (eq 23).

    Returns
    -------
    E_t : float or ndarray
        [J]

    See Also
    --------
    lifting_potential : the potential that supplies ``E_c``.
    electron_tunnel.chain.lifting_energy : ``E_c`` of the chain model.

    References
    ----------
    [1]_ eqs (12)-(14).

    Examples
    --------
    >>> float(total_energy(1.0e-19, 0.0))  # eq (13): a superconductor
    1e-19
    """
    return scalar_or_array(_finite(E_v, "E_v") + _finite(E_c, "E_c"), E_v, E_c)


def lifting_potential(E_c):
    r"""Electric potential that lifts one electron, eq (25): $v = E_c / e$.

    Parameters
    ----------
    E_c : array_like
        Lifting energy [J].

    Returns
    -------
    v : float or ndarray
        [V]

    See Also
    --------
    applied_voltage : the voltage that drives ``n`` such electrons.
    total_energy : the energy budget that ``E_c`` belongs to.
    electron_tunnel.chain.lifting_energy : ``E_c`` of the chain model.

    References
    ----------
    [1]_ eq (25).

    Examples
    --------
    >>> from scipy.constants import e
    >>> float(lifting_potential(2 * e))
    2.0
    """
    return scalar_or_array(_finite(E_c, "E_c") / ELEMENTARY_CHARGE, E_c)


def applied_voltage(p, n, v):
    r"""Voltage that drives ``n`` electrons each lifted by ``v``, eq (26): $V = p n v$.

    Parameters
    ----------
    p : array_like
        Proportionality coefficient of eq (26), > 0 [dimensionless].
    n : array_like
        Number of electrons, > 0.
    v : array_like
        Lifting potential [V] (eq 25).

    Returns
    -------
    V : float or ndarray
        [V]

    See Also
    --------
    lifting_potential : ``v``.
    current : the current the ``n`` electrons carry.
    resistance : ``V / I``.

    References
    ----------
    [1]_ eq (26).

    Examples
    --------
    >>> float(applied_voltage(0.5, 4, 1.5))
    3.0
    """
    out = check_positive(p, "p") * check_positive(n, "n") * _finite(v, "v")
    return scalar_or_array(out, p, n, v)


def current(n, T):
    r"""Current carried by ``n`` electrons in ``T`` seconds, eq (27): $I = e n / T$.

    Parameters
    ----------
    n : array_like
        Number of electrons, >= 0.
    T : array_like
        Time [s], > 0.

    Returns
    -------
    I : float or ndarray
        [A]

    See Also
    --------
    applied_voltage : the voltage that drives the ``n`` electrons.
    resistance : ``V / I``.
    drift_speed : the speed over the same time ``T``.

    References
    ----------
    [1]_ eq (27).

    Examples
    --------
    >>> from scipy.constants import e
    >>> float(current(1 / e, 1.0))
    1.0
    """
    na = check_nonnegative(n, "n")
    return scalar_or_array(ELEMENTARY_CHARGE * na / check_positive(T, "T"), n, T)


def resistance(p, T, E_c):
    r"""Resistance from the lifting energy, eq (28): $R = V/I = p T E_c / e^2$.

    Parameters
    ----------
    p : array_like
        Coefficient of eq (26), > 0.
    T : array_like
        Time for the electrons to cross the conductor [s], > 0.
    E_c : array_like
        Lifting energy [J] (eq 23).

    Returns
    -------
    R : float or ndarray
        [ohm]

    See Also
    --------
    applied_voltage, current : ``V`` and ``I``.
    resistivity_from_resistance : the resistivity of a conductor of this resistance.

    References
    ----------
    [1]_ eq (28).

    Examples
    --------
    >>> from scipy.constants import e
    >>> float(resistance(1.0, 1.0, e**2))
    1.0
    """
    out = check_positive(p, "p") * check_positive(T, "T") * _finite(E_c, "E_c")
    return scalar_or_array(out / ELEMENTARY_CHARGE**2, p, T, E_c)


def resistivity_from_resistance(R, A, L):
    r"""Resistivity of a conductor of cross-section ``A`` and length ``L``, eq (29).

    .. math:: \rho = R\,\frac{A}{L}

    Parameters
    ----------
    R : array_like
        Resistance [ohm].
    A : array_like
        Cross-sectional area [m^2], > 0.
    L : array_like
        Length [m], > 0.

    Returns
    -------
    rho : float or ndarray
        [ohm m]

    See Also
    --------
    resistance : ``R`` from the lifting energy.
    resistivity : the same resistivity from ``Z`` and ``D``.

    References
    ----------
    [1]_ eq (29).

    Examples
    --------
    >>> float(resistivity_from_resistance(2.0, 1e-6, 1.0))
    2e-06
    """
    out = _finite(R, "R") * check_positive(A, "A") / check_positive(L, "L")
    return scalar_or_array(out, R, A, L)


def drift_speed(L, T):
    r"""Speed of electrons drifting through the conductor, eq (31): $s = L / T$.

    Parameters
    ----------
    L : array_like
        Length [m], > 0.
    T : array_like
        Time [s], > 0.

    Returns
    -------
    s : float or ndarray
        [m/s]

    See Also
    --------
    current : the current over the same time ``T``.
    microscopic_resistivity : ``Z``, which depends on ``s``.

    References
    ----------
    [1]_ eq (31).

    Examples
    --------
    >>> float(drift_speed(1.0, 4.0))
    0.25
    """
    return scalar_or_array(check_positive(L, "L") / check_positive(T, "T"), L, T)


def microscopic_resistivity(p, u, A, s):
    r"""Microscopic resistivity ``Z``, eq (34).

    .. math:: Z = \frac{p\,u\,A\,K}{2 s}

    Parameters
    ----------
    p : array_like
        Coefficient of eq (26), > 0.
    u : array_like
        Equivalent nuclear charge in units of e (eq 32), > 0.
    A : array_like
        Cross-sectional area [m^2], > 0.
    s : array_like
        Drift speed [m/s] (eq 31), > 0.

    Returns
    -------
    Z : float or ndarray
        [ohm m^2], so that ``Z * D`` (``D`` in 1/m) is a resistivity in ohm m.

    See Also
    --------
    resistivity : ``rho = Z D``.
    drift_speed : ``s``.
    applied_voltage : the coefficient ``p``.

    References
    ----------
    [1]_ eqs (32) and (34).

    Examples
    --------
    >>> import numpy as np
    >>> from scipy.constants import epsilon_0, pi
    >>> bool(np.isclose(microscopic_resistivity(2.0, 1.0, 1.0, 1.0), 1 / (4 * pi * epsilon_0)))
    True
    """
    out = (
        check_positive(p, "p")
        * check_positive(u, "u")
        * check_positive(A, "A")
        * COULOMB_K
        / (2.0 * check_positive(s, "s"))
    )
    return scalar_or_array(out, p, u, A, s)


def resistivity(Z, D):
    r"""Resistivity from the microscopic resistivity and the resisting distance, eq (35).

    .. math:: \rho = Z D

    With ``Z`` of eq (34) this is also eq (33), $\rho = \frac{puAK}{2s}D$, and eq (30)
    (the same with ``s = L/T`` and ``Q = -ue``).

    Parameters
    ----------
    Z : array_like
        Microscopic resistivity [ohm m^2] (eq 34), > 0.
    D : array_like
        Resisting distance [1/m] (eq 24).

    Returns
    -------
    rho : float or ndarray
        [ohm m]; <= 0 means the valence orbit is inside the tunnel (superconducting).

    See Also
    --------
    microscopic_resistivity : ``Z``.
    resistivity_from_resistance : the resistivity from a measured resistance.
    electron_tunnel.chain.resisting_distance : ``D``.

    References
    ----------
    [1]_ eqs (30), (33) and (35).

    Examples
    --------
    >>> float(resistivity(2e-17, 8.41e5))
    1.682e-11
    """
    return scalar_or_array(check_positive(Z, "Z") * _finite(D, "D"), Z, D)
