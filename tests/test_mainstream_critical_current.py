"""Measured critical-current laws (electron_tunnel.mainstream.critical_current).

The reference numbers are the expected values of UKAEA PROCESS's own unit tests
(``tests/unit/models/test_superconductors.py``, commit 35e1d3f1), an independent implementation
of the same laws: they check the typed parameters and the formulas together.
"""

from __future__ import annotations

import numpy as np
import pytest

from electron_tunnel.errors import InputError
from electron_tunnel.mainstream import critical_current as cc

ITER_B = 13.008974843466492
ITER_STRAIN = 0.001601605753441172


@pytest.mark.parametrize(("T", "expected"), [(4.75, 692348194.774593), (6.251, 495889332.0896)])
def test_iter_nb3sn_against_process(T, expected):
    assert cc.bottura_bordini_jc(ITER_B, T, ITER_STRAIN) == pytest.approx(expected, rel=1e-9)


def test_iter_nb3sn_critical_temperature_against_process():
    assert cc.bottura_bordini_tc(ITER_B, ITER_STRAIN) == pytest.approx(11.3384589, rel=1e-7)


def test_lubell_nbti_against_process():
    B = 8.0517923638507547
    assert cc.lubell_jc(B, 4.75) == pytest.approx(906668274.0456, rel=1e-9)
    assert cc.lubell_tc(B) == pytest.approx(5.90600827, rel=1e-8)
    # PROCESS returns a negative current above T_c (-73718607.55 at 6 K); the law here is 0
    assert cc.lubell_jc(B, 6.0) == 0.0


def test_no_strain_is_the_unstrained_law():
    p = cc.law_parameters("bottura_bordini_2009_iter_eutf4")
    assert cc.bottura_bordini_tc(1e-9) == pytest.approx(p["T_c0max"], rel=1e-9)


LAWS = [("lubell_jc", "lubell_tc", 5.0), ("bottura_bordini_jc", "bottura_bordini_tc", 12.0)]


@pytest.mark.parametrize(("jc", "tc", "B"), LAWS)
def test_laws_fall_to_zero_at_tc(jc, tc, B):
    law, t_c = getattr(cc, jc), float(getattr(cc, tc)(B))
    T = np.linspace(0.0, t_c, 200)
    j = np.asarray(law(B, T))
    assert np.all(np.diff(j) < 0) and j[0] > 0
    assert law(B, t_c) == 0.0 and law(B, t_c + 1.0) == 0.0
    assert law(B, t_c * (1 - 1e-6)) > 0
    assert np.asarray(law([B, B], [1.0, 2.0])).shape == (2,)


def test_bad_input_names_the_parameter():
    for call, name in ((lambda: cc.lubell_jc(0.0, 4.2), "B"), (lambda: cc.lubell_jc(5.0, -1), "T"),
                       (lambda: cc.bottura_bordini_jc(12.0, 4.2, strain=0.5), "strain"),
                       (lambda: cc.law_parameters("nope"), "law")):  # fmt: skip
        with pytest.raises(InputError, match=f"^{name} must"):
            call()
