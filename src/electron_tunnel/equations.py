"""Map from the paper's numbered equations to the functions that compute them.

``EQUATIONS[n]`` is ``(description, target)`` where ``target`` is the dotted name of the
function (relative to [`electron_tunnel`][]) or ``None`` with the reason it is not computable
on its own. ``docs/nomenclature.md`` prints this table; a test checks that every target exists.

References
----------
.. [1] J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
   University (2 June 2019, revised 16 January 2023), eqs (1)-(45).
"""

from __future__ import annotations

import importlib

from .errors import InputError

__all__ = ["EQUATIONS", "resolve"]

EQUATIONS: dict[int, tuple[str, str | None]] = {
    1: ("Coulomb force between two charges", "two_centre.coulomb_force"),
    2: ("force on the electron between hydrogen and a proton", "two_centre.force"),
    3: ("potential-energy difference, two-centre model", "two_centre.potential_energy_difference"),
    4: ("centripetal force F_c = m v^2 / d (used to derive eqs 5-6)", None),
    5: ("kinetic energy at the border (= 0)", "two_centre.kinetic_energy"),
    6: ("kinetic energy at orbital r", "two_centre.kinetic_energy"),
    7: ("kinetic-energy difference", "two_centre.kinetic_energy_difference"),
    8: ("lifting energy, two-centre model", "two_centre.lifting_energy"),
    9: ("border radius of zero lifting energy, (3+sqrt5)/2 r", "two_centre.zero_lifting_border"),
    10: ("conducting radius, (3-sqrt5)/2 R_b", "two_centre.conducting_radius"),
    11: ("superconductivity condition R_v >= R_c", "states.classify"),
    12: ("energy budget E_t = E_v + E_c", "resistivity.total_energy"),
    13: ("E_t = E_v in a superconductor (E_c = 0)", "resistivity.total_energy"),
    14: ("E_t = E_v = E_c = 0 at 0 K", "resistivity.total_energy"),
    15: ("force with attraction coefficient, one neighbour", "chain.force"),
    16: ("force with two neighbours on each side", "chain.force"),
    17: ("force from the whole chain", "chain.force"),
    18: ("potential-energy difference along the chain", "chain.potential_energy_difference"),
    19: ("D_u(i), potential part of each term", "chain.potential_energy_difference"),
    20: (
        "kinetic energy at orbital r in the chain (E_k of eq 21 is its difference)",
        "chain.kinetic_energy_difference",
    ),
    21: ("kinetic-energy difference along the chain", "chain.kinetic_energy_difference"),
    22: ("D_k(i), kinetic part of each term", "chain.kinetic_energy_difference"),
    23: ("lifting energy E_c of the chain", "chain.lifting_energy"),
    24: ("resisting distance D", "chain.resisting_distance"),
    25: ("lifting potential v = E_c / e", "resistivity.lifting_potential"),
    26: ("applied voltage V = p n v", "resistivity.applied_voltage"),
    27: ("current I = e n / T", "resistivity.current"),
    28: ("resistance R = p T E_c / e^2", "resistivity.resistance"),
    29: ("resistivity rho = R A / L", "resistivity.resistivity_from_resistance"),
    30: ("rho in terms of D (intermediate form of eq 33)", "resistivity.resistivity"),
    31: ("drift speed s = L / T", "resistivity.drift_speed"),
    32: ("nuclear charge Q = -u e (the u keyword of the energy functions)", "chain.lifting_energy"),
    33: ("rho = p u A K D / (2 s)", "resistivity.resistivity"),
    34: ("microscopic resistivity Z", "resistivity.microscopic_resistivity"),
    35: ("rho = Z D", "resistivity.resistivity"),
    36: ("D_u(i) rewritten to show O(i^-2) convergence", "chain.series_remainder_leading"),
    37: ("first term d of the resisting distance", "chain.resisting_distance"),
    38: ("conducting-radius condition d(R_c) = 0", "chain.conducting_radius"),
    39: ("R_c / R_b for c = 1, 1/2, 1/3", "chain.conducting_radius"),
    40: ("R_c = f(c, R_b) as a state boundary", "chain.conducting_radius"),
    41: ("R_c = (3-sqrt5)/2 R_b at c = 1", "chain.conducting_radius"),
    42: ("Lorentz force", "phenomenology.lorentz_force"),
    43: ("Stefan-Boltzmann law", "phenomenology.blackbody_exitance"),
    44: ("critical current density J = C T^4", "phenomenology.critical_current_density"),
    45: ("flux quantum h / 2e", "phenomenology.flux_quantum"),
}


def resolve(number: int):
    """Return the function computing equation ``number`` (``None`` if not computable).

    Parameters
    ----------
    number : int
        An equation number of the paper, 1-45.

    Returns
    -------
    function or None
        The public function named by ``EQUATIONS[number]``; ``None`` for eq (4), which only
        serves the derivation of eqs (5)-(6).

    Raises
    ------
    ValueError
        If ``number`` is not an equation number of the paper.

    See Also
    --------
    EQUATIONS : the table this looks up, with a description of each equation.

    References
    ----------
    [1]_ eqs (1)-(45).

    Examples
    --------
    >>> resolve(24).__name__
    'resisting_distance'
    """
    if number not in EQUATIONS:
        raise InputError(f"number must be an equation number of the paper, 1-45; got {number!r}")
    target = EQUATIONS[number][1]
    if target is None:
        return None
    module, name = target.rsplit(".", 1)
    return getattr(importlib.import_module(f"electron_tunnel.{module}"), name)
