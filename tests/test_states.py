"""The one owner of the state rule, the state codes and CF flags, and the model's domain."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from electron_tunnel import chain, states
from electron_tunnel.states import (
    STATE_CODES,
    STATE_FLAGS,
    State,
    classify,
    in_domain,
    on_domain,
    state_codes,
    state_names,
)

R_B = 155e-12


def test_codes_and_flags_follow_cf_conventions():
    assert [STATE_CODES[s] for s in State] == [0, 1, 2]
    assert STATE_FLAGS == {
        "flag_values": [0, 1, 2],
        "flag_meanings": "insulator conductor superconductor",
    }
    assert state_names([2, 0, 1]).tolist() == ["superconductor", "insulator", "conductor"]


def test_state_codes_is_the_rule_of_eq_11():
    # no tunnel (R_c NaN) -> insulator whatever R_v; R_v >= R_c -> superconductor (eq 11)
    rv = np.array([1.0, 1.0, 1.0, 2.0])
    rc = np.array([np.nan, 1.0, 1.5, 1.0])
    assert state_codes(rv, rc).tolist() == [0, 2, 1, 2]
    assert state_codes(rv, rc).dtype == np.int8


def test_classify_agrees_with_the_codes_and_the_threshold():
    # below the exact tunnel threshold every orbit is an insulator; above it the border R_c
    # from an independent bisection of eq 24's lifting energy decides
    c_star = chain.insulating_threshold(None)
    assert classify(149e-12, R_B, 0.99 * c_star) == State.INSULATOR
    c = 0.3
    R_c = float(chain.conducting_radius(R_B, c))
    assert classify(R_c * 1.001, R_B, c) == State.SUPERCONDUCTOR
    assert classify(R_c * 0.999, R_B, c) == State.CONDUCTOR


@given(
    x=st.floats(0.01, 1.99),
    c=st.floats(0.0, 1.0),
)
def test_classify_words_equal_codes(x, c):
    R_c = chain.conducting_radius(R_B, c)
    assert str(classify(x * R_B, R_B, c)) == state_names(state_codes(x * R_B, R_c)).item()


def test_in_domain_masks_instead_of_raising():
    rv = np.array([-1.0, 0.0, 1e-12, 309e-12, 310e-12, np.nan, np.inf])
    assert in_domain(rv, R_B).tolist() == [False, False, True, True, False, False, False]
    assert in_domain(100e-12, np.array([0.0, -1.0, np.nan, 60e-12])).tolist() == [
        False, False, False, True,
    ]  # fmt: skip
    assert in_domain(100e-12, R_B) is np.True_


def test_on_domain_is_nan_outside_and_exact_inside():
    rv = np.array([100e-12, 400e-12, 149e-12])
    got = on_domain(chain.critical_attraction, rv, R_B, terms=0)
    want = chain.critical_attraction(rv[[0, 2]], R_B, terms=0)
    assert np.isnan(got[1]) and got[[0, 2]].tolist() == want.tolist()
    # all inside: called once on the unbroadcast inputs, same values
    inside = on_domain(chain.resisting_distance, rv[[0, 2]], R_B, 0.3)
    assert inside.tolist() == chain.resisting_distance(rv[[0, 2]], R_B, 0.3).tolist()
    # none inside: the function is not called
    calls = []
    out = on_domain(lambda *a: calls.append(a), [400e-12], R_B)
    assert calls == [] and np.isnan(out).all()


def test_on_domain_broadcasts_extra_arguments():
    rv = np.array([[100e-12], [400e-12]])
    c = np.array([0.3, 1.0])
    got = on_domain(chain.resisting_distance, rv, R_B, c)
    assert got.shape == (2, 2) and np.isnan(got[1]).all()
    assert got[0].tolist() == chain.resisting_distance(100e-12, R_B, c).tolist()


def test_classify_checks_its_inputs():
    with pytest.raises(ValueError, match="R_v"):
        classify(400e-12, R_B, 0.3)


def test_every_application_calls_the_one_rule():
    """No other module writes the state rule, the flag table or the domain test again."""
    import pathlib
    import re

    pkg = pathlib.Path(states.__file__).parent
    for path in pkg.rglob("*.py"):
        if path.name == "states.py":
            continue
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(pkg).as_posix()
        assert "insulator conductor superconductor" not in text, rel
        assert not re.search(r"np\.where\(\s*np\.isnan\(\w+\),\s*0,", text), rel
        assert not re.search(r"\(R_v\w* < 2(\.0)? \* R_b\w*\)", text), rel
