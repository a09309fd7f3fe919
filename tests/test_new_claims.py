"""The claims added in 0.3.0, each recomputed from its inputs by an independent route."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.constants import N_A, e, h, physical_constants

from electron_tunnel import chain, datasets, materials
from electron_tunnel.reproduce.claims import figures_table, phenomenology, resistance
from electron_tunnel.reproduce.claims import screen as screen_claims
from electron_tunnel.reproduce.claims.tunnel import threshold_claims
from electron_tunnel.units import PM


def _by_id(evidence):
    return {x.id: x for x in evidence}


def test_table1_at_c_0_1_has_no_tunnel_anywhere():
    c = _by_id(figures_table.table1_claims())["table1-c-makes-insulators"]
    t = datasets.paper_table1()
    # independent: c = 0.1 lies below the critical attraction of every row
    crit = chain.critical_attraction(t.R_v_pm.to_numpy(float) * PM, t.R_b_pm.to_numpy(float) * PM)
    assert np.all(crit > 0.1)
    assert c.verdict == "contradicted" and c.computed_value.startswith("7 of 7")


def test_threshold_0225_is_where_the_first_term_tunnel_is_five_percent_wide():
    c = _by_id(threshold_claims())["threshold-0225-first"]
    assert "c = 0.2253" in c.note
    assert float(chain.conducting_radius(1.0, 0.22534491568727, 0)) == pytest.approx(0.95, abs=1e-9)


def test_flux_attribution_single_electron_gives_h_over_e():
    c = _by_id(phenomenology.claims())["eq45-flux-attribution"]
    assert c.computed_value == pytest.approx(h / e, rel=1e-9)
    assert c.computed_value == pytest.approx(2 * physical_constants["mag. flux quantum"][0])
    assert c.verdict == "contradicted"
    assert "eq45-flux-attribution" in _by_id(phenomenology.claims())["eq45-flux-quantum"].note


def test_vortex_density_against_one_flux_quantum_per_vortex():
    c = _by_id(phenomenology.claims())["vortex-density"]
    nb = materials.element("Nb")
    a = np.cbrt(float(nb.atomic_mass_u) * 1e-3 / N_A / float(nb.density_kg_m3))
    assert 2.5e-10 < a < 2.8e-10  # bcc Nb: (a0^3/2)^(1/3) with a0 = 330 pm is 262 pm
    measured = 1.0 / physical_constants["mag. flux quantum"][0]
    assert f"{measured:.3g}" in c.computed_value and f"{1 / (9 * a * a):.3g}" in c.computed_value
    assert c.verdict == "contradicted"  # off by more than a factor 10


def test_jc_across_materials_ratio():
    c = _by_id(phenomenology.claims())["jc-t4-across-materials"]
    jc = datasets.critical_currents()
    ybco = jc[jc.material.str.startswith("YBa2Cu3O7") & (jc.field == "self-field")]
    assert f"{(92.0 / 1.175) ** 4:.3g}" in c.computed_value
    assert ybco.jc_A_m2.min() >= 1e10
    assert c.verdict == "contradicted"


def test_high_tc_count():
    c = screen_claims.high_tc_claim()
    sc = datasets.supercon()
    assert (sc.Tc >= 77).sum() > 1000  # rows; the claim counts distinct element sets
    p = datasets.pressure_superconductors()
    hydrides = set(p.material[(p.tc_k >= 77) & (p.pressure_gpa > 1)])
    assert hydrides == {"H3S", "LaH10", "YH6", "CaH6", "CeH10"}
    assert c.computed_value.startswith(f"{len(hydrides)} of ")
    assert c.verdict == "contradicted"


def test_purity_claim_from_the_rrr_table():
    c = resistance.purity_claim()
    rrr = datasets.residual_resistivity()
    spread = rrr.groupby("symbol").rrr.agg(lambda v: v.max() / v.min())
    assert f"×{spread.max():.3g}" in c.computed_value
    assert spread.max() > 10 and c.verdict == "contradicted"


def test_resistive_transition_model_goes_to_zero_continuously():
    ratio, _tc = resistance._model_ratio([4.154 + 1e-4, 4.154 + 1e-3, 4.154 + 1e-2, 3.0])
    assert ratio[-1] == 0.0  # superconducting below T_c
    # linear in T - T_c: ten times closer, ten times smaller
    assert ratio[1] / ratio[0] == pytest.approx(10.0, rel=0.02)
    assert ratio[2] / ratio[1] == pytest.approx(10.0, rel=0.05)
    c = resistance.transition_claim()
    assert c.verdict in ("approximate", "contradicted", "confirmed")
    assert "not decided" in c.note
