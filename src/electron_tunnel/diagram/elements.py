"""Constitutive parameters of real elements (materials data) and of the paper's Figure 8."""

from __future__ import annotations

import math

from .. import datasets, materials
from ..errors import InputError
from .constitutive import GPA, Parameters

__all__ = ["for_element", "illustrative", "pressure_data"]


def pressure_data():
    """Measured T_c of elements and hydrides under pressure, with the publication of each row.

    The same table as [`electron_tunnel.datasets.pressure_superconductors`][].
    """
    return datasets.pressure_superconductors()


def _literature(key):
    facts = datasets.literature_facts().set_index("key")
    return facts.loc[key]


def for_element(symbol, *, convention=None, **overrides) -> Parameters:
    """Default [`Parameters`][] of an element from the materials data.

    R_v0 and R_b0 from the radius convention (default
    [`electron_tunnel.materials.PRIMARY_CONVENTION`][], the paper's own), ``alpha`` from
    the thermal-expansion coefficient and ``K0`` from the bulk modulus (pymatgen-core); mercury's
    expansion coefficient, missing there, comes from the CRC Handbook (``data/
    literature_facts.csv``). Any parameter can be given in ``overrides``.

    Raises
    ------
    ValueError
        Unknown element, or a value the defaults need is missing (the message says which and
        which keyword supplies it).
    """
    row = materials.element(symbol)
    conv = convention or materials.PRIMARY_CONVENTION
    R_v, R_b, _ = materials.radii(conv, row.to_frame().T.reset_index(drop=True))
    values = {"R_v0": float(R_v[0]), "R_b0": float(R_b[0])}
    alpha = float(row.thermal_expansion_per_K)
    if not math.isfinite(alpha) and symbol == "Hg":
        alpha = float(_literature("hg_linear_expansion")["value"])
    values["alpha"] = alpha
    values["K0"] = float(row.bulk_modulus_GPa) * GPA
    values.update(overrides)
    missing = {
        "R_v0": "no valence (covalent) radius; pass R_v0=... [m]",
        "R_b0": "no border (van der Waals) radius; pass R_b0=... [m] or another convention",
        "alpha": "no thermal-expansion coefficient; pass alpha=... [1/K]",
        "K0": "no bulk modulus; pass K0=... [Pa]",
    }
    for key, why in missing.items():
        if not math.isfinite(values[key]):
            raise InputError(f"{symbol}: {why}")
    return Parameters(label=symbol, **values)


def illustrative() -> Parameters:
    """The parameter set that draws the shape of the paper's illustrative Figure 8.

    Chosen by hand for the shape (a superconducting boundary rising from low p, T towards high
    p, T, an insulating boundary on its high-temperature side, and a triple point where they
    meet), not fitted to any material: R_b0 = 200 pm, R_v0 = 160 pm, alpha = beta = 1e-3 1/K
    (so R_v/R_b depends on pressure only), K0 = 40 GPa, K' = 4, c0 = 0.12 (an insulator at
    ambient pressure), n = 4. The triple point is where compression brings R_v up to R_b:
    beyond it the insulator turns directly into a superconductor.
    """
    return Parameters(
        R_b0=200e-12, R_v0=160e-12, alpha=1e-3, K0=40e9, K0_prime=4.0, beta=1e-3, c0=0.12,
        n=4.0, label="illustrative (Figure 8)",
    )  # fmt: skip
