"""Input validation of every public function: bad input is a ValueError that says what is wrong.

Each message must name the parameter and state the valid range; for array input it must also
say how many entries are bad and show the first one with its index. Valid boundary values
(c = 0 and 1, terms = 0 and None, T = 0, ...) must *not* raise, and a NaN conducting radius
below the insulating threshold is an answer, not an error.

"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.constants import e as E_CHARGE

import electron_tunnel as et
from electron_tunnel import chain, phenomenology, resistivity, states, two_centre

NAN = math.nan
INF = math.inf
RB = 155e-12  # border radius used throughout [m]
RV = 149e-12  # orbital radius, inside (0, 2 RB)

# --------------------------------------------------------------------------- the functions
# Each entry: id -> (function, valid keyword arguments, {parameter: kind}).
_CHAIN = {"r": "orbital", "R_b": "positive", "c": "c", "terms": "terms"}
_CHAIN_U = {**_CHAIN, "u": "positive"}
_TWO = {"r": "orbital", "R_b": "positive", "u": "positive"}

FUNCTIONS = {
    "chain.force": (chain.force, dict(r=RV, R_b=RB, c=0.3, terms=None, u=1.0), _CHAIN_U),
    "chain.resisting_distance": (
        chain.resisting_distance,
        dict(r=RV, R_b=RB, c=0.3, terms=None),
        _CHAIN,
    ),
    "chain.potential_energy_difference": (
        chain.potential_energy_difference,
        dict(r=RV, R_b=RB, c=0.3, terms=None, u=1.0),
        _CHAIN_U,
    ),
    "chain.kinetic_energy_difference": (
        chain.kinetic_energy_difference,
        dict(r=RV, R_b=RB, c=0.3, terms=None, u=1.0),
        _CHAIN_U,
    ),
    "chain.lifting_energy": (
        chain.lifting_energy,
        dict(r=RV, R_b=RB, c=0.3, terms=None, u=1.0),
        _CHAIN_U,
    ),
    "chain.conducting_radius": (
        chain.conducting_radius,
        dict(R_b=RB, c=0.3, terms=None),
        {"R_b": "positive", "c": "c", "terms": "terms"},
    ),
    "chain.critical_attraction": (
        chain.critical_attraction,
        dict(r=RV, R_b=RB, terms=None),
        {"r": "orbital", "R_b": "positive", "terms": "terms"},
    ),
    "chain.insulating_threshold": (
        chain.insulating_threshold,
        dict(terms=None),
        {"terms": "terms"},
    ),
    "chain.series_remainder": (
        chain.series_remainder,
        dict(r=RV, R_b=RB, c=0.3, terms=5),
        {**_CHAIN, "terms": "terms_remainder"},
    ),
    "chain.series_remainder_leading": (
        chain.series_remainder_leading,
        dict(r=RV, R_b=RB, c=0.3, terms=5),
        {**_CHAIN, "terms": "terms_leading"},
    ),
    "states.classify": (
        states.classify,
        dict(R_v=RV, R_b=RB, c=0.3, terms=None),
        {"R_v": "orbital", "R_b": "positive", "c": "c", "terms": "terms"},
    ),
    "two_centre.coulomb_force": (
        two_centre.coulomb_force,
        dict(q1=E_CHARGE, q2=-E_CHARGE, d=1e-10),
        {"q1": "finite", "q2": "finite", "d": "positive"},
    ),
    "two_centre.force": (two_centre.force, dict(r=RV, R_b=RB, u=1.0), _TWO),
    "two_centre.potential_energy_difference": (
        two_centre.potential_energy_difference,
        dict(r=RV, R_b=RB, u=1.0),
        _TWO,
    ),
    "two_centre.kinetic_energy": (two_centre.kinetic_energy, dict(r=RV, R_b=RB, u=1.0), _TWO),
    "two_centre.kinetic_energy_difference": (
        two_centre.kinetic_energy_difference,
        dict(r=RV, R_b=RB, u=1.0),
        _TWO,
    ),
    "two_centre.lifting_energy": (two_centre.lifting_energy, dict(r=RV, R_b=RB, u=1.0), _TWO),
    "two_centre.zero_lifting_border": (
        two_centre.zero_lifting_border,
        dict(r=RV),
        {"r": "positive"},
    ),
    "two_centre.conducting_radius": (
        two_centre.conducting_radius,
        dict(R_b=RB),
        {"R_b": "positive"},
    ),
    "resistivity.total_energy": (
        resistivity.total_energy,
        dict(E_v=1e-19, E_c=2e-19),
        {"E_v": "finite", "E_c": "finite"},
    ),
    "resistivity.lifting_potential": (
        resistivity.lifting_potential,
        dict(E_c=2e-19),
        {"E_c": "finite"},
    ),
    "resistivity.applied_voltage": (
        resistivity.applied_voltage,
        dict(p=0.5, n=4.0, v=1.5),
        {"p": "positive", "n": "positive", "v": "finite"},
    ),
    "resistivity.current": (
        resistivity.current,
        dict(n=10.0, T=1.0),
        {"n": "count", "T": "positive"},
    ),
    "resistivity.resistance": (
        resistivity.resistance,
        dict(p=0.5, T=1.0, E_c=2e-19),
        {"p": "positive", "T": "positive", "E_c": "finite"},
    ),
    "resistivity.resistivity_from_resistance": (
        resistivity.resistivity_from_resistance,
        dict(R=2.0, A=1e-6, L=1.0),
        {"R": "finite", "A": "positive", "L": "positive"},
    ),
    "resistivity.drift_speed": (
        resistivity.drift_speed,
        dict(L=1.0, T=4.0),
        {"L": "positive", "T": "positive"},
    ),
    "resistivity.microscopic_resistivity": (
        resistivity.microscopic_resistivity,
        dict(p=2.0, u=1.0, A=1e-6, s=1e-3),
        {"p": "positive", "u": "positive", "A": "positive", "s": "positive"},
    ),
    "resistivity.resistivity": (
        resistivity.resistivity,
        dict(Z=2e-17, D=8.41e5),
        {"Z": "positive", "D": "finite"},
    ),
    "phenomenology.lorentz_force": (
        phenomenology.lorentz_force,
        dict(q=-E_CHARGE, E=[0.0, 0.0, 1.0], v=[1.0, 0.0, 0.0], B=[0.0, 0.0, 1.0]),
        {"q": "finite", "E": "vector", "v": "vector", "B": "vector"},
    ),
    "phenomenology.blackbody_exitance": (
        phenomenology.blackbody_exitance,
        dict(T=300.0),
        {"T": "temperature"},
    ),
    "phenomenology.critical_current_density": (
        phenomenology.critical_current_density,
        dict(T=10.0, C=1.0),
        {"T": "temperature", "C": "finite"},
    ),
}


def call(fid, **override):
    func, kwargs, _ = FUNCTIONS[fid]
    return func(**{**kwargs, **override})


# --------------------------------------------------------------------------- bad values
# kind -> list of (bad scalar value, regex for the valid range that must follow "<name> must be")
_ORBITAL = r"in the open interval \(0, 2\*R_b\)"
_POSITIVE = r"finite and > 0"
_C = r"in \[0, 1\]"
_TERMS = r"None \(infinite series\) or an integer >= 0"

BAD_VALUES = {
    "orbital": [(v, _ORBITAL) for v in (0.0, -0.0, -RV, 2 * RB, 3 * RB, NAN, INF, -INF)],
    "positive": [(v, _POSITIVE) for v in (0.0, -1.0, -1e-300, NAN, INF, -INF)],
    "c": [(v, _C) for v in (-0.1, -1e-300, 1.0 + 2**-52, 1.5, NAN, INF, -INF)],
    "finite": [(v, r"finite") for v in (NAN, INF, -INF)],
    "count": [(-1.0, r">= 0"), (-1e-300, r">= 0"), (NAN, r"finite"), (INF, r"finite")],
    "temperature": [
        (v, r"a finite absolute temperature >= 0 K") for v in (-1.0, -1e-300, NAN, INF)
    ],
    "vector": [
        ([0.0, NAN, 0.0], r"finite"),
        ([INF, 0.0, 0.0], r"finite"),
        ([1.0, 2.0], r"have a last axis of length 3"),
        (1.0, r"have a last axis of length 3"),
        ([[1.0, 2.0, 3.0, 4.0]], r"have a last axis of length 3"),
    ],
}


TERMS_BAD = [
    pytest.param(-1, id="-1"),
    pytest.param(-10, id="-10"),
    pytest.param(np.int64(-2), id="np.int64(-2)"),
    pytest.param(1.5, id="1.5"),
    pytest.param(0.5, id="0.5"),
    pytest.param(np.float64(2.25), id="np.float64(2.25)"),
    pytest.param(NAN, id="nan"),
    pytest.param(INF, id="inf"),
    pytest.param(True, id="True"),
    pytest.param(False, id="False"),
    pytest.param(1j, id="1j"),
    pytest.param([1], id="[1]"),
    pytest.param("x", id="'x'"),
    pytest.param("1.5", id="'1.5'"),
    pytest.param("3", id="'3'"),
    pytest.param(b"3", id="b'3'"),
    pytest.param("1e1", id="'1e1'"),
    pytest.param(np.True_, id="np.True_"),
    pytest.param(np.False_, id="np.False_"),
]

# Values that are not real numbers at all, for every numeric parameter.
NON_NUMERIC = [
    pytest.param("1e-10", id="str"),
    pytest.param("", id="empty-str"),
    pytest.param(b"1", id="bytes"),
    pytest.param(None, id="None"),
    pytest.param(1j, id="complex"),
    pytest.param(complex(1.0, 0.0), id="complex-real"),
    pytest.param(True, id="True"),
    pytest.param(np.array([1.0, 2.0j]), id="complex-array"),
    pytest.param([1.0, "a"], id="mixed-list"),
    pytest.param([1.0, None], id="list-with-None"),
    pytest.param(object(), id="object"),
]


def _params_of_kind(*kinds):
    for fid, (_, _, params) in FUNCTIONS.items():
        for name, kind in params.items():
            if kind in kinds:
                yield fid, name, kind


SCALAR_CASES = [
    pytest.param(fid, name, bad, rng, id=f"{fid}-{name}={bad!r}")
    for fid, name, kind in _params_of_kind(*BAD_VALUES)
    for bad, rng in BAD_VALUES[kind]
]


@pytest.mark.parametrize(("fid", "name", "bad", "valid_range"), SCALAR_CASES)
def test_bad_scalar_names_parameter_and_range(fid, name, bad, valid_range):
    with pytest.raises(ValueError, match=rf"^{re.escape(name)} must (be )?.*{valid_range}"):
        call(fid, **{name: bad})


NUMERIC_CASES = [
    pytest.param(fid, name, p.values[0], id=f"{fid}-{name}-{p.id}")
    for fid, name, _ in _params_of_kind(*BAD_VALUES)
    for p in NON_NUMERIC
]


@pytest.mark.parametrize(("fid", "name", "bad"), NUMERIC_CASES)
def test_non_numeric_input_rejected(fid, name, bad):
    with pytest.raises(ValueError, match=rf"^{re.escape(name)} must be a real number"):
        call(fid, **{name: bad})


# --------------------------------------------------------------------------- terms
TERMS_FUNCS = [fid for fid, name, _ in _params_of_kind("terms")]


@pytest.mark.parametrize("bad", TERMS_BAD)
@pytest.mark.parametrize("fid", TERMS_FUNCS)
def test_bad_terms_rejected(fid, bad):
    with pytest.raises(ValueError, match=rf"^terms must be {_TERMS}"):
        call(fid, terms=bad)


@pytest.mark.parametrize(
    ("fid", "bad", "valid"),
    [
        ("chain.series_remainder", None, r"an integer >= 0"),
        pytest.param(
            "chain.series_remainder",
            -1,
            r"an integer >= 0",
        ),
        pytest.param(
            "chain.series_remainder",
            1.5,
            r"an integer >= 0",
        ),
        ("chain.series_remainder_leading", None, r"an integer >= 1"),
        ("chain.series_remainder_leading", 0, r"an integer >= 1"),
        pytest.param(
            "chain.series_remainder_leading",
            -1,
            r"an integer >= 1",
        ),
        pytest.param(
            "chain.series_remainder_leading",
            2.5,
            r"an integer >= 1",
        ),
    ],
)
def test_remainder_terms_message_states_its_own_range(fid, bad, valid):
    with pytest.raises(ValueError, match=rf"^terms must be {valid}"):
        call(fid, terms=bad)


@pytest.mark.parametrize("fid", ["chain.series_remainder", "chain.series_remainder_leading"])
@pytest.mark.parametrize("bad", [-1, 1.5, True, "x", 1j])
def test_remainder_terms_bad_values_rejected(fid, bad):
    with pytest.raises(ValueError, match=r"^terms must be"):
        call(fid, terms=bad)


# --------------------------------------------------------------------------- arrays
# kind -> (valid filler, bad at index 1, bad at index 3)
ARRAY_BAD = {
    "orbital": (RV, -RV, 3 * RB),
    "positive": (1e-10, 0.0, NAN),
    "c": (0.3, 1.5, -0.1),
    "finite": (1e-19, NAN, INF),
    "count": (3.0, -1.0, -2.0),
    "temperature": (300.0, -1.0, NAN),
}


def _array_case(fid, name, kind):
    return pytest.param(fid, name, kind, id=f"{fid}-{name}")


ARRAY_CASES = [
    _array_case(fid, name, kind)
    for fid, name, kind in _params_of_kind(*BAD_VALUES)
    if kind != "vector"
]


@pytest.mark.parametrize(("fid", "name", "kind"), ARRAY_CASES)
def test_bad_array_message_counts_and_shows_first(fid, name, kind):
    good, first, second = ARRAY_BAD[kind]
    arr = np.full(5, good)
    arr[1] = first
    arr[3] = second
    with pytest.raises(ValueError) as info:
        call(fid, **{name: arr})
    msg = str(info.value)
    assert msg.startswith(f"{name} must be"), msg
    assert re.search(r"\b2 of 5 entries\b", msg), msg
    assert re.search(r"\bindex 1\b", msg), msg
    assert repr(float(first)) in msg, msg


VECTOR_CASES = [_array_case(fid, name, kind) for fid, name, kind in _params_of_kind("vector")]


@pytest.mark.parametrize(("fid", "name", "kind"), VECTOR_CASES)
def test_bad_vector_array_message_counts_and_shows_first(fid, name, kind):
    arr = np.ones((5, 3))
    arr[1, 2] = NAN
    arr[3, 0] = INF
    with pytest.raises(ValueError) as info:
        call(fid, **{name: arr})
    msg = str(info.value)
    assert msg.startswith(f"{name} must be"), msg
    assert re.search(r"\b2 of 15 entries\b", msg), msg
    assert "index (1, 2)" in msg, msg


def test_two_dimensional_array_index_is_a_tuple():
    c = np.array([[0.3, 0.4, 0.5], [0.6, 2.0, -1.0]])
    with pytest.raises(ValueError, match=r"^c must be in \[0, 1\]") as info:
        chain.resisting_distance(RV, RB, c)
    msg = str(info.value)
    assert "2 of 6 entries" in msg
    assert "index (1, 1)" in msg
    assert "2.0" in msg


def test_orbital_bound_broadcasts_against_array_border():
    """r fixed, R_b varying: the r entries beyond their own 2*R_b are counted."""
    R_b = np.array([RB, 0.5 * RV, RB, 0.25 * RV, RB, 0.4 * RV])
    with pytest.raises(ValueError, match=r"^r must be in the open interval") as info:
        chain.resisting_distance(RV, R_b, 0.3)
    msg = str(info.value)
    assert "3 of 6 entries" in msg
    assert re.search(r"\bindex 1\b", msg)


def test_r_exactly_at_the_neighbour_is_rejected_for_array_border():
    R_b = np.array([RB, RB / 2, RB])
    with pytest.raises(ValueError, match=r"1 of 3 entries"):
        two_centre.lifting_energy(RB, R_b)


def test_shapes_that_cannot_broadcast_are_a_value_error():
    with pytest.raises(ValueError, match=r"r .*R_b .*cannot be broadcast"):
        chain.resisting_distance(np.full(3, RV), np.full(4, RB), 0.3)


@pytest.mark.parametrize("name", ["r", "R_b", "c", "u"])
def test_scalar_message_shows_the_value(name):
    bad = {"r": 7 * RB, "R_b": -2.5, "c": 1.25, "u": -3.5}[name]
    with pytest.raises(ValueError, match=rf"got {re.escape(repr(bad))}"):
        chain.force(**{**dict(r=RV, R_b=RB, c=0.3, u=1.0), name: bad})


# --------------------------------------------------------------------------- valid boundaries
C_FUNCS = [fid for fid, _, _ in _params_of_kind("c")]


@pytest.mark.parametrize("c", [0.0, 1.0, 0, 1, np.float32(1.0), np.int64(0)])
@pytest.mark.parametrize("fid", C_FUNCS)
def test_c_boundaries_are_valid(fid, c):
    out = np.asarray(call(fid, c=c))
    if fid == "states.classify":
        assert str(out) in {"insulator", "conductor", "superconductor"}
    elif fid == "chain.conducting_radius" and float(c) == 0.0:
        assert np.isnan(out)
    else:
        assert np.all(np.isfinite(out))


@pytest.mark.parametrize("terms", [0, None, 1, 7, np.int64(3), np.uint8(2)])
@pytest.mark.parametrize("fid", [f for f in TERMS_FUNCS if "remainder" not in f])
def test_terms_boundaries_are_valid(fid, terms):
    out = call(fid, terms=terms)
    assert out is not None


@pytest.mark.parametrize("terms", [0, 1, 2, np.int64(4)])
def test_series_remainder_accepts_terms_from_zero(terms):
    assert np.isfinite(chain.series_remainder(RV, RB, 0.3, terms))


@pytest.mark.parametrize("terms", [1, 2, np.int64(4)])
def test_series_remainder_leading_accepts_terms_from_one(terms):
    assert np.isfinite(chain.series_remainder_leading(RV, RB, 0.3, terms))


@pytest.mark.parametrize("fid", TERMS_FUNCS)
def test_integer_like_terms_give_the_same_result_as_int(fid):
    terms = 4 if "remainder" not in fid else 5
    a = np.asarray(call(fid, terms=terms))
    b = np.asarray(call(fid, terms=np.int64(terms)))
    assert np.array_equal(a, b)


@pytest.mark.parametrize(("fid", "name"), [(f, n) for f, n, _ in _params_of_kind("orbital")])
def test_orbital_radius_just_inside_both_ends_is_valid(fid, name):
    for r in (1e-9 * RB, np.nextafter(2 * RB, 0.0), RB):
        out = np.asarray(call(fid, **{name: r}))
        if fid != "states.classify":
            assert np.all(np.isfinite(out))


@pytest.mark.parametrize("terms", [None, 0, 1, 5])
def test_conducting_radius_nan_below_threshold_is_not_an_error(terms):
    c_star = et.insulating_threshold(terms)
    cs = np.array([0.0, 0.25 * c_star, 0.5 * c_star, c_star])
    out = et.conducting_radius(RB, cs, terms)
    assert np.all(np.isnan(out))
    assert math.isnan(et.conducting_radius(RB, 0.0, terms))
    assert list(et.classify(RV, RB, cs, terms)) == ["insulator"] * 4


@settings(max_examples=60, deadline=None)
@given(c=st.floats(0.0, 1.0), R_b=st.floats(1e-12, 1e-8))
def test_conducting_radius_is_nan_exactly_when_no_tunnel(c, R_b):
    c_star = et.insulating_threshold()
    R_c = float(et.conducting_radius(R_b, c))
    if c <= c_star:
        assert math.isnan(R_c)
    elif c > c_star + 1e-9:
        assert 0.0 < R_c < R_b


@pytest.mark.parametrize(
    ("func", "args"),
    [
        (phenomenology.blackbody_exitance, (0.0,)),
        (phenomenology.critical_current_density, (0.0, 3.0)),
        (resistivity.current, (0.0, 1.0)),
        (resistivity.total_energy, (0.0, 0.0)),
        (resistivity.lifting_potential, (0.0,)),
        (resistivity.resistivity, (1.0, 0.0)),
        (resistivity.resistance, (1.0, 1.0, -1e-19)),
        (resistivity.resistivity_from_resistance, (-1.0, 1.0, 1.0)),
        (two_centre.coulomb_force, (0.0, -1.0, 1.0)),
        (phenomenology.lorentz_force, (0.0, [0, 0, 0], [0, 0, 0], [0, 0, 0])),
    ],
)
def test_zero_and_negative_values_that_are_in_range(func, args):
    out = np.asarray(func(*args))
    assert np.all(np.isfinite(out))
