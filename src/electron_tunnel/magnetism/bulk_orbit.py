"""The paper's bulk-orbit picture made self-consistent: at most half the applied field expelled.

The paper ("Meissner Effect", eq 42) says free charges deflected by the Lorentz force circulate
so as to cancel the applied field inside the sample. A closed cyclotron orbit of a classical
charge with kinetic energy ``E_perp`` perpendicular to the field ``B`` has the moment
``-E_perp / B`` (diamagnetic for either sign of charge, independent of charge and mass), so
``n`` such carriers per volume give ``M = -n <E_perp> / B``. The orbits turn in the field they
are in, the internal field ``B_int``, not the applied one; for an ellipsoidal sample with
demagnetising factor ``N`` (``N = 0``: infinite cylinder in an axial field)

``B_int = B_a + (1 - N) mu0 M = B_a - (1 - N) mu0 n <E_perp> / B_int``.

This module solves that equation. Derivation, the second root and the limits of the picture:
``docs/derivations.md``, "Meissner: the bulk-orbit bound". The Bohr-van Leeuwen theorem says
the full classical magnetization is zero (edge orbits cancel the bulk ones); the bound here
concerns the bulk orbits alone, which is the paper's picture, granting it. Evidence only.
"""

from __future__ import annotations

import numpy as np

from ..errors import InputError
from .observables import MU_0

__all__ = [
    "BULK_ORBIT_CHI_MIN",
    "CONVENTION_GEOMETRY",
    "bulk_orbit_chi",
    "bulk_orbit_chi_bound",
    "bulk_orbit_critical_density",
    "bulk_orbit_field",
]

#: Lowest susceptibility ``chi = M / H_a = mu0 M / B_a`` of the self-consistent bulk-orbit
#: picture for an infinite cylinder in an axial field (N = 0), reached at the critical density.
BULK_ORBIT_CHI_MIN = -0.5

#: The geometry the 2-D simulation and its ``chi`` stand for.
CONVENTION_GEOMETRY = (
    "infinite cylinder in an axial field (demagnetising factor N = 0); a thin film in a "
    "perpendicular field (N → 1) would have χ_apparent = −1/(1−N) in the Meissner state, so "
    "χ = −1 is not its Meissner value"
)

# Discriminants 1 - 4 (1 - N) u within this of 0 are rounding at the critical density and
# count as 0 (and u as its critical value), so that the critical density of
# bulk_orbit_critical_density fed back gives exactly chi = -1/(2 (1 - N)) and B_int = B_a / 2.
# 16 machine epsilons: near the fold the root moves by sqrt(d), i.e. by at most 6e-8
# relative, the conditioning of the problem.
_ROUNDING = 16 * np.finfo(float).eps


def _real(name, value, unit, *, strict):
    """``value`` as a float array, every element finite and > 0 (``strict``) or >= 0."""
    try:
        a = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{name} must be a real number or array of them [{unit}]") from exc
    bad = ~np.isfinite(a) | ((a <= 0) if strict else (a < 0))
    if bad.any():
        raise InputError(
            f"{name} must be finite and {'>' if strict else '>='} 0 [{unit}]; "
            f"got {float(a[bad].flat[0])!r}"
        )
    return a


def _factor(demagnetising_factor):
    try:
        N = float(demagnetising_factor)
    except (TypeError, ValueError) as exc:
        raise InputError("demagnetising_factor must be a real number in [0, 1)") from exc
    if not 0.0 <= N < 1.0:
        raise InputError(f"demagnetising_factor must be in [0, 1); got {N!r}")
    return N


def _solve(B_applied, n, E_perp, demagnetising_factor):
    """``(B_a, u, s)``: ``u = mu0 n E / B_a^2``, ``s = sqrt(1 - 4 (1 - N) u)`` (NaN if < 0)."""
    B = _real("B_applied", B_applied, "T", strict=True)
    n = _real("n", n, "m^-3", strict=False)
    E = _real("E_perp", E_perp, "J", strict=False)
    N = _factor(demagnetising_factor)
    B, n, E = np.broadcast_arrays(B, n, E)
    with np.errstate(over="ignore", invalid="ignore"):
        u = MU_0 * n * E / B / B  # divided twice: no underflow of B^2 for small B
        d = 1.0 - 4.0 * (1.0 - N) * u
        critical = np.abs(d) <= _ROUNDING
        d = np.where(critical, 0.0, d)
        u = np.where(critical, 0.25 / (1.0 - N), u)
        s = np.sqrt(np.where(d >= 0, d, np.nan))
    return B, u, s


def _out(a):
    return a[()] if a.ndim == 0 else a


def bulk_orbit_field(B_applied, n, E_perp, *, demagnetising_factor=0.0):
    """Self-consistent internal field of the bulk-orbit picture [T], NaN where none exists.

    Each carrier on a closed cyclotron orbit in the internal field has the moment
    ``-E_perp / B_int``, so ``M = -n E_perp / B_int`` and, for an ellipsoid with
    demagnetising factor N (``H_int = H_a - N M``, ``B_int = mu0 (H_int + M)``),

    ``B_int = B_a - (1 - N) mu0 n E_perp / B_int``, i.e.
    ``B_int^2 - B_a B_int + (1 - N) mu0 n E_perp = 0``,

    ``B_int = [B_a + sqrt(B_a^2 - 4 (1 - N) mu0 n E_perp)] / 2``.

    This is the root continuous with ``B_int -> B_a`` as ``n -> 0`` and the only one with
    ``dB_int / dB_a > 0``; the other root (``<= B_a / 2``, tending to 0 as ``n -> 0``) has
    ``dB_int / dB_a < 0`` and is not a stable state. Hence ``B_int >= B_a / 2`` for every N.
    No real root exists for ``4 (1 - N) mu0 n E_perp > B_a^2``
    ([`bulk_orbit_critical_density`][]): there the result is NaN.

    Parameters
    ----------
    B_applied : array_like
        Applied field B_a = mu0 H_a [T], finite and > 0.
    n : array_like
        Carrier density [m^-3], finite and >= 0.
    E_perp : array_like
        Mean kinetic energy of motion perpendicular to the field per carrier [J], finite and
        >= 0 (``k_B T`` for a Maxwell-Boltzmann gas at temperature T).
    demagnetising_factor : float, optional
        N in [0, 1); 0 (default) is the infinite cylinder in an axial field.

    Returns
    -------
    ndarray or float
        B_int [T] (broadcast shape of the inputs), NaN beyond the critical density.

    Raises
    ------
    InputError
        If an argument is outside its range (the message names it and the range).

    References
    ----------
    .. [1] J. H. van Leeuwen, "Problèmes de la théorie électronique du magnétisme",
       J. Phys. Radium 2, 361 (1921) (the Bohr-van Leeuwen theorem: no classical equilibrium
       magnetization).
    .. [2] N. W. Ashcroft and N. D. Mermin, *Solid State Physics* (1976), ch. 31 (the
       theorem; diamagnetism of free electrons).
    .. [3] C. Kittel, *Introduction to Solid State Physics*, 8th ed. (2005), ch. 10 (the
       Meissner state ``B = 0`` inside, ``chi = -1``).
    .. [4] J. A. Osborn, "Demagnetizing factors of the general ellipsoid", Phys. Rev. 67, 351
       (1945) (N = 0 for an infinite cylinder in an axial field, N -> 1 for a thin plate in a
       perpendicular field).
    """
    B, _, s = _solve(B_applied, n, E_perp, demagnetising_factor)
    return _out(0.5 * B * (1.0 + s))


def bulk_orbit_chi(B_applied, n, E_perp, *, demagnetising_factor=0.0):
    """Self-consistent susceptibility ``chi = M / H_a`` of the bulk-orbit picture, NaN if none.

    With ``u = mu0 n E_perp / B_a^2`` and ``s = sqrt(1 - 4 (1 - N) u)``,

    ``chi = mu0 M / B_a = (B_int - B_a) / ((1 - N) B_a) = -2 u / (1 + s)``

    (the rationalised form, accurate as ``u -> 0`` where ``chi = -u - (1 - N) u^2 - ...``:
    the applied-field tally ``-mu0 n E_perp / B_a^2`` to first order). It lies in
    ``[-1 / (2 (1 - N)), 0]`` ([`bulk_orbit_chi_bound`][]), half the Meissner value
    ``-1 / (1 - N)``; for N = 0, ``H_int = H_a`` and ``chi`` is also ``M / H_int``.

    Parameters
    ----------
    B_applied, n, E_perp, demagnetising_factor
        As for [`bulk_orbit_field`][] ([T], [m^-3], [J], N in [0, 1)).

    Returns
    -------
    ndarray or float
        chi (dimensionless), NaN beyond the critical density.

    Raises
    ------
    InputError
        If an argument is outside its range.

    References
    ----------
    .. [1] J. H. van Leeuwen, "Problèmes de la théorie électronique du magnétisme",
       J. Phys. Radium 2, 361 (1921) (the Bohr-van Leeuwen theorem: no classical equilibrium
       magnetization).
    .. [2] N. W. Ashcroft and N. D. Mermin, *Solid State Physics* (1976), ch. 31 (the
       theorem; diamagnetism of free electrons).
    .. [3] C. Kittel, *Introduction to Solid State Physics*, 8th ed. (2005), ch. 10 (the
       Meissner state ``B = 0`` inside, ``chi = -1``).
    .. [4] J. A. Osborn, "Demagnetizing factors of the general ellipsoid", Phys. Rev. 67, 351
       (1945) (N = 0 for an infinite cylinder in an axial field, N -> 1 for a thin plate in a
       perpendicular field).
    """
    _, u, s = _solve(B_applied, n, E_perp, demagnetising_factor)
    return _out(-2.0 * u / (1.0 + s) + 0.0)  # + 0.0: n = 0 gives 0.0, not -0.0


def bulk_orbit_critical_density(B_applied, E_perp, *, demagnetising_factor=0.0):
    """Largest density with a self-consistent bulk-orbit state [m^-3].

    ``n_c = B_a^2 / (4 (1 - N) mu0 E_perp)``; there ``B_int = B_a / 2`` and
    ``chi = -1 / (2 (1 - N))``. With ``E_perp = k_B T`` it is a quarter of
    [`paper_density`][] (the density at which the applied-field
    tally gives ``chi = -1``) for N = 0.

    Parameters
    ----------
    B_applied : array_like
        Applied field [T], finite and > 0.
    E_perp : array_like
        Mean perpendicular kinetic energy per carrier [J], finite and > 0.
    demagnetising_factor : float, optional
        N in [0, 1).

    Returns
    -------
    ndarray or float
        n_c [m^-3].

    Raises
    ------
    InputError
        If an argument is outside its range.

    References
    ----------
    .. [1] J. H. van Leeuwen, "Problèmes de la théorie électronique du magnétisme",
       J. Phys. Radium 2, 361 (1921) (the Bohr-van Leeuwen theorem: no classical equilibrium
       magnetization).
    .. [2] N. W. Ashcroft and N. D. Mermin, *Solid State Physics* (1976), ch. 31 (the
       theorem; diamagnetism of free electrons).
    .. [3] C. Kittel, *Introduction to Solid State Physics*, 8th ed. (2005), ch. 10 (the
       Meissner state ``B = 0`` inside, ``chi = -1``).
    .. [4] J. A. Osborn, "Demagnetizing factors of the general ellipsoid", Phys. Rev. 67, 351
       (1945) (N = 0 for an infinite cylinder in an axial field, N -> 1 for a thin plate in a
       perpendicular field).
    """
    B = _real("B_applied", B_applied, "T", strict=True)
    E = _real("E_perp", E_perp, "J", strict=True)
    N = _factor(demagnetising_factor)
    return _out(np.asarray(B * B / (4.0 * (1.0 - N) * MU_0 * E)))


def bulk_orbit_chi_bound(demagnetising_factor=0.0):
    """Minimum of ``chi = M / H_a`` over all densities in the bulk-orbit picture.

    ``-1 / (2 (1 - N))``, half the Meissner value ``-1 / (1 - N)``; ``BULK_ORBIT_CHI_MIN =
    -1/2`` for N = 0. Referred to the internal field it is ``M / H_int >= -1 / (2 - N)``.

    Parameters
    ----------
    demagnetising_factor : float, optional
        N in [0, 1); 0 (default) is the infinite cylinder in an axial field.

    Returns
    -------
    float

    Raises
    ------
    InputError
        If ``demagnetising_factor`` is outside [0, 1).

    References
    ----------
    .. [1] J. H. van Leeuwen, "Problèmes de la théorie électronique du magnétisme",
       J. Phys. Radium 2, 361 (1921) (the Bohr-van Leeuwen theorem: no classical equilibrium
       magnetization).
    .. [2] N. W. Ashcroft and N. D. Mermin, *Solid State Physics* (1976), ch. 31 (the
       theorem; diamagnetism of free electrons).
    .. [3] C. Kittel, *Introduction to Solid State Physics*, 8th ed. (2005), ch. 10 (the
       Meissner state ``B = 0`` inside, ``chi = -1``).
    .. [4] J. A. Osborn, "Demagnetizing factors of the general ellipsoid", Phys. Rev. 67, 351
       (1945) (N = 0 for an infinite cylinder in an axial field, N -> 1 for a thin plate in a
       perpendicular field).
    """
    return -0.5 / (1.0 - _factor(demagnetising_factor))
