"""Claims of the sections on the Meissner effect, critical current and flux (eqs 42-45)."""

from __future__ import annotations

import numpy as np
from scipy.constants import c as c_light
from scipy.constants import h, k, physical_constants
from scipy.integrate import quad
from scipy.stats import spearmanr

from ... import datasets, phenomenology
from ...constants import ELEMENTARY_CHARGE, PLANCK_H
from .base import Evidence, rounded, verdict_from_printed


def literature_facts():
    """Literature facts used for verdicts (:func:`electron_tunnel.datasets.literature_facts`),
    as a dict keyed by ``key`` of dicts with ``value``, ``unit``, ``statement``, ``source``."""
    table = datasets.literature_facts()
    return {row["key"]: row for row in table.to_dict("records")}


def claims():
    facts = literature_facts()
    out = []
    phi0 = phenomenology.flux_quantum()
    measured_units = [
        float(facts[k]["value"])
        for k in ("flux_quantum_deaver_fairbank", "flux_quantum_doll_nabauer")
    ]
    unit = PLANCK_H / (2 * ELEMENTARY_CHARGE)  # the experiments' unit, h/2e
    measured = [m * unit for m in measured_units]
    codata = physical_constants["mag. flux quantum"][0]
    agree = all(abs(phi0 - m) <= 1e-9 * m for m in measured) and abs(phi0 - codata) <= 1e-9 * codata
    sources = "; ".join(
        f"{facts[k]['source']}: {facts[k]['statement']}"
        for k in ("flux_quantum_deaver_fairbank", "flux_quantum_doll_nabauer")
    )
    out.append(
        Evidence(
            id="eq45-flux-quantum",
            computed_value=rounded(phi0, 10),
            method="h/(2e) from scipy.constants against the measured unit of flux quantization and CODATA",
            verdict=("confirmed" if agree else "contradicted"),
            note=(f"{sources}. CODATA magnetic flux quantum: {codata:.10e} Wb."),
        )
    )
    predicted = 2 * phi0
    out.append(
        Evidence(
            id="flux-twice-quantum",
            computed_value=rounded(min(measured), 10),
            method="the predicted minimum flux 2Φ0 = h/e against the measured flux step (h/2e), 5 % rule",
            verdict=verdict_from_printed(f"{predicted:.4e}", min(measured)),
            note=(
                f"{sources}. The measured step is h/2e = Φ0, half of the predicted 2Φ0 = h/e "
                "(h/e is London's single-electron value, which these experiments ruled out)."
            ),
        )
    )
    t = np.linspace(0.0, 1.0, 101)[:-1]
    j_paper = np.asarray(phenomenology.critical_current_density(t, 1.0))
    exponent = float(facts["jc_gl_exponent"]["value"])
    j_observed = (1 - t) ** exponent
    rho = float(spearmanr(j_paper, j_observed).statistic)
    out.append(
        Evidence(
            id="eq44-critical-current",
            computed_value=rounded(rho, 4),
            method=(
                "Spearman ρ between eq (44) and the observed temperature dependence on 0 ≤ T/T_c < 1: "
                "confirmed if ρ > 0.9, approximate if > 0, contradicted otherwise"
            ),
            verdict=("confirmed" if rho > 0.9 else ("approximate" if rho > 0 else "contradicted")),
            note=(
                f"{facts['jc_gl_exponent']['source']}: {facts['jc_gl_exponent']['statement']}. "
                "Eq (44) is zero at T = 0 and largest at T_c: the opposite trend."
            ),
        )
    )
    T = 300.0

    def planck(nu):  # spectral radiance B_nu [W m^-2 Hz^-1 sr^-1]
        return 2 * h * nu**3 / c_light**2 / np.expm1(h * nu / (k * T))

    integral = np.pi * quad(planck, 0, 200 * k * T / h, epsabs=0, epsrel=1e-12, limit=200)[0]
    value = float(phenomenology.blackbody_exitance(T))
    out.append(
        Evidence(
            id="eq43-stefan-boltzmann",
            computed_value=rounded(value, 8),
            method="blackbody_exitance(300 K) [W/m²] against π ∫ B_ν dν (Planck's law) integrated with SciPy",
            verdict=("confirmed" if abs(value - integral) <= 1e-8 * integral else "contradicted"),
            note=(f"Planck integral: {integral:.8g} W/m². Standard physics, quoted by the paper."),
        )
    )
    return out
