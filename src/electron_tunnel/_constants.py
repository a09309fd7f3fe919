"""Physical constants, all taken from :mod:`scipy.constants` (CODATA), never typed by hand."""

from __future__ import annotations

import math

from scipy import constants as _c

#: Coulomb's constant K = 1 / (4 pi epsilon_0) [N m^2 C^-2]
COULOMB_K: float = 1.0 / (4.0 * math.pi * _c.epsilon_0)
#: Elementary charge e [C]; the electron carries -e.
ELEMENTARY_CHARGE: float = _c.e
#: Planck constant h [J s]
PLANCK_H: float = _c.h
#: Stefan-Boltzmann constant sigma [W m^-2 K^-4]
STEFAN_BOLTZMANN: float = _c.Stefan_Boltzmann
#: K e^2 [J m]: the energy scale of every Coulomb energy in the paper.
KE2: float = COULOMB_K * ELEMENTARY_CHARGE**2
