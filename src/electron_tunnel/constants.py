"""Physical constants used by the model, all taken from `scipy.constants` (CODATA)."""

from __future__ import annotations

import math

from scipy import constants as codata

#: Coulomb's constant K = 1 / (4 pi epsilon_0) [N m^2 C^-2]
COULOMB_K: float = 1.0 / (4.0 * math.pi * codata.epsilon_0)
#: Elementary charge e [C]; the electron carries -e.
ELEMENTARY_CHARGE: float = codata.e
#: Planck constant h [J s]
PLANCK_H: float = codata.h
#: Stefan-Boltzmann constant sigma [W m^-2 K^-4]
STEFAN_BOLTZMANN: float = codata.Stefan_Boltzmann
#: K e^2 [J m]: the energy scale of every Coulomb energy in the paper.
KE2: float = COULOMB_K * ELEMENTARY_CHARGE**2
