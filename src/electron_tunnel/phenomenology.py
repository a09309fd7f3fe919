r"""Phenomenology formulas quoted in the paper's last sections (eqs 42-45).

These are standard physics, not results of the electron-tunnel model, except eq (44), the
paper's own claim $J = C T^4$. They are here so that the audit can compute with them.

References
----------
.. [1] J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
   University (2 June 2019, revised 16 January 2023), eqs (42)-(45).

.. [2] J. D. Jackson, *Classical Electrodynamics*, 3rd ed. (Wiley, New York, 1999).

.. [3] J. Stefan, "Über die Beziehung zwischen der Wärmestrahlung und der Temperatur",
   Sitzungsber. Kais. Akad. Wiss. Wien, Math.-Naturwiss. Cl. 79, 391 (1879).

.. [4] L. Boltzmann, "Ableitung des Stefan'schen Gesetzes, betreffend die Abhängigkeit der
   Wärmestrahlung von der Temperatur aus der electromagnetischen Lichttheorie", Ann. Phys.
   (Leipzig) 258, 291 (1884).

.. [5] B. S. Deaver and W. M. Fairbank, "Experimental Evidence for Quantized Flux in
   Superconducting Cylinders", Phys. Rev. Lett. 7, 43 (1961).

.. [6] R. Doll and M. Näbauer, "Experimental Proof of Magnetic Flux Quantization in a
   Superconducting Ring", Phys. Rev. Lett. 7, 51 (1961).

.. [7] M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (McGraw-Hill, New York, 1996),
   section 4.4.
"""

from __future__ import annotations

import numpy as np

from ._validation import check_finite, check_nonnegative, scalar_or_array
from .constants import ELEMENTARY_CHARGE, PLANCK_H, STEFAN_BOLTZMANN
from .errors import InputError

__all__ = [
    "blackbody_exitance",
    "critical_current_density",
    "flux_quantum",
    "lorentz_force",
]


_finite = check_finite


def _temperature(T):
    return check_nonnegative(T, "T", "a finite absolute temperature >= 0 K")


def _fourth_power(T):
    """T**4 as (T*T)**2: correctly rounded squares make J(2T) = 16 J(T) exact."""
    t2 = T * T
    return t2 * t2


def lorentz_force(q, E, v, B):
    r"""Lorentz force on a moving charge, eq (42).

    .. math:: \mathbf F = q(\mathbf E + \mathbf v \times \mathbf B)

    Parameters
    ----------
    q : array_like
        Charge [C]; broadcast against the leading axes of the vectors.
    E : array_like, shape (..., 3)
        Electric field [V/m].
    v : array_like, shape (..., 3)
        Velocity [m/s].
    B : array_like, shape (..., 3)
        Magnetic flux density [T].

    Returns
    -------
    F : ndarray, shape (..., 3)
        [N]

    See Also
    --------
    flux_quantum : the other formula of the paper's magnetic-field sections.
    electron_tunnel.magnetism : the paper's Meissner mechanism, charges moved by this force.

    References
    ----------
    [1]_ eq (42); [2]_ (the Lorentz force law).

    Examples
    --------
    >>> from scipy.constants import e
    >>> (lorentz_force(-e, [0, 0, 0], [1.0, 0, 0], [0, 0, 1.0]) / e).tolist()
    [-0.0, 1.0, -0.0]
    """
    Ea, va, Ba = (_finite(a, n) for a, n in ((E, "E"), (v, "v"), (B, "B")))
    for name, arr in (("E", Ea), ("v", va), ("B", Ba)):
        if arr.ndim == 0 or arr.shape[-1] != 3:
            raise InputError(f"{name} must have a last axis of length 3, got shape {arr.shape}")
    qa = _finite(q, "q")
    return np.asarray(qa)[..., None] * (Ea + np.cross(va, Ba))


def blackbody_exitance(T):
    r"""Power radiated per unit area by a black body, eq (43) (Stefan-Boltzmann law).

    .. math:: P = \sigma T^4

    (the paper writes the constant as ``p``).

    Parameters
    ----------
    T : array_like
        Absolute temperature [K], >= 0.

    Returns
    -------
    P : float or ndarray
        [W m^-2]

    See Also
    --------
    critical_current_density : the paper's ``J = C T^4``, derived from this law.

    References
    ----------
    [1]_ eq (43); the law: [3]_ (measured) and [4]_ (derived).

    Examples
    --------
    >>> round(float(blackbody_exitance(300.0)), 2)
    459.3
    """
    return scalar_or_array(STEFAN_BOLTZMANN * _fourth_power(_temperature(T)), T)


def critical_current_density(T, C):
    r"""Critical current density of a superconductor, the paper's eq (44).

    .. math:: J = C T^4

    The paper derives this from the Stefan-Boltzmann law (eq 43); ``C`` is a
    material-specific "conversion efficiency". Note that it grows with temperature and is zero
    only at 0 K.

    Parameters
    ----------
    T : array_like
        Absolute temperature [K], >= 0.
    C : array_like
        Conversion efficiency [A m^-2 K^-4], finite.

    Returns
    -------
    J : float or ndarray
        [A m^-2]

    See Also
    --------
    blackbody_exitance : the Stefan-Boltzmann law it is derived from.

    References
    ----------
    [1]_ eqs (13), (43) and (44). For comparison, the measured critical current density falls
    as the temperature rises and vanishes at T_c; near T_c, as $(1 - T/T_c)^{3/2}$ in
    Ginzburg-Landau theory [7]_.

    Examples
    --------
    >>> float(critical_current_density(2.0, 1.0))
    16.0
    """
    return scalar_or_array(_finite(C, "C") * _fourth_power(_temperature(T)), T, C)


def flux_quantum():
    r"""Magnetic flux quantum, eq (45): $\Phi_0 = h / 2e$.

    Returns
    -------
    Phi_0 : float
        [Wb]

    See Also
    --------
    electron_tunnel.constants : the values of ``h`` and ``e`` used.

    References
    ----------
    [1]_ eq (45); measured in [5]_ and [6]_ (the paper's references 28 and 29).

    Examples
    --------
    >>> f"{flux_quantum():.6e}"
    '2.067834e-15'
    """
    return PLANCK_H / (2.0 * ELEMENTARY_CHARGE)
