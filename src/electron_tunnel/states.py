"""Electrical-resistance states of matter: the paper's classification rule (eqs 11, 38).

This module is the one owner of three rules that every application calls:

* the **state rule** ([`classify`][] for words, [`state_codes`][] for the int8 codes that
  the state diagram and the sweep store, with their CF flag attributes [`STATE_FLAGS`][]);
* the **domain** of the chain model, ``0 < R_v < 2 R_b`` ([`in_domain`][], and
  [`on_domain`][] to evaluate a function only there, NaN elsewhere);
* the code ↔ word table ([`STATE_CODES`][], [`state_names`][]).

References
----------
.. [1] J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity" (2019,
   revised 2023), eqs (11) and (38).
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np

from . import chain
from ._validation import check_orbital_radius, scalar_or_array

__all__ = [
    "DOMAIN",
    "STATE_CODES",
    "STATE_FLAGS",
    "State",
    "classify",
    "in_domain",
    "on_domain",
    "state_codes",
    "state_names",
]

#: The chain model's domain in words (the adjacent nucleus sits at 2 R_b).
DOMAIN = "0 < R_v < 2 R_b"


class State(StrEnum):
    """The three electrical-resistance states; members compare equal to their ``value``."""

    INSULATOR = "insulator"
    CONDUCTOR = "conductor"
    SUPERCONDUCTOR = "superconductor"


#: Integer code of each state, as stored by the state diagram and the sweep.
STATE_CODES: dict[State, int] = {State.INSULATOR: 0, State.CONDUCTOR: 1, State.SUPERCONDUCTOR: 2}
#: CF-convention flag attributes of a variable holding :data:`STATE_CODES`.
STATE_FLAGS: dict[str, object] = {
    "flag_values": list(STATE_CODES.values()),
    "flag_meanings": " ".join(s.value for s in STATE_CODES),
}
_NAMES = np.array([s.value for s in STATE_CODES])


def in_domain(R_v, R_b):
    """Where the chain model applies: finite radii with ``R_b > 0`` and ``0 < R_v < 2 R_b``.

    Unlike the checks of the public model functions, this never raises: it is the mask that
    applications use to evaluate the model only where it applies.

    Parameters
    ----------
    R_v, R_b : array_like
        Valence-orbital and border radius [m] (NaN allowed: outside the domain).

    Returns
    -------
    bool or ndarray of bool

    See Also
    --------
    on_domain : evaluate a model function inside the domain, NaN outside.

    Examples
    --------
    >>> in_domain([100e-12, 320e-12, float("nan")], 155e-12).tolist()
    [True, False, False]
    """
    R_v, R_b = np.asarray(R_v, dtype=float), np.asarray(R_b, dtype=float)
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(R_v) & np.isfinite(R_b) & (R_b > 0) & (R_v > 0) & (R_v < 2.0 * R_b)
    return ok[()] if ok.ndim == 0 else ok


def on_domain(func, R_v, R_b, *args, **kwargs):
    """``func(R_v, R_b, *args, **kwargs)`` where [`in_domain`][], NaN elsewhere.

    The arguments are broadcast together; ``func`` is called once, on the points inside the
    domain only (not at all when none is).

    Examples
    --------
    >>> from electron_tunnel import critical_attraction
    >>> on_domain(critical_attraction, [149e-12, 400e-12], 155e-12, terms=0).round(4).tolist()
    [0.2194, nan]
    """
    R_v, R_b = np.asarray(R_v, dtype=float), np.asarray(R_b, dtype=float)
    ok = np.asarray(in_domain(R_v, R_b))
    if np.all(ok):  # the common case: no mask, no copies of broadcast inputs
        return np.asarray(func(R_v, R_b, *args, **kwargs), dtype=float)
    arrays = list(np.broadcast_arrays(R_v, R_b, *map(np.asarray, args), ok))
    ok = arrays.pop()
    out = np.full(ok.shape, np.nan)
    if np.any(ok):
        out[ok] = func(*(a[ok] for a in arrays), **kwargs)
    return out


def state_codes(R_v, R_c):
    """The state rule on codes: 0 where there is no tunnel (``R_c`` NaN), 2 where
    ``R_v >= R_c`` (eq 11), 1 otherwise; int8, broadcast over the inputs.

    Parameters
    ----------
    R_v : array_like
        Valence-orbital radius [m].
    R_c : array_like
        Conducting radius [m] ([`conducting_radius`][]; NaN: no tunnel).

    See Also
    --------
    classify : the same rule from R_v, R_b and c, as words.
    state_names : codes to words.

    Examples
    --------
    >>> state_codes(149e-12, [float("nan"), 150e-12, 140e-12]).tolist()
    [0, 1, 2]
    """
    R_v, R_c = np.asarray(R_v), np.asarray(R_c)
    codes = np.where(R_v >= R_c, np.int8(2), np.int8(1))  # int8 throughout: one pass
    tunnel = ~np.isnan(R_c)
    if not np.all(tunnel):
        codes = np.where(tunnel, codes, np.int8(0))
    return codes


def state_names(codes):
    """State words for codes of [`STATE_CODES`][] (an array of str).

    Examples
    --------
    >>> state_names([0, 1, 2]).tolist()
    ['insulator', 'conductor', 'superconductor']
    """
    return _NAMES[np.asarray(codes, dtype=np.intp)]


def classify(R_v, R_b, c, terms=None):
    r"""Electrical-resistance state of a material, by the paper's rule.

    * no electron tunnel (``c`` at or below [`insulating_threshold`][]):
      ``"insulator"``;
    * a tunnel and $R_v \ge R_c$ (eq 11): ``"superconductor"``;
    * a tunnel and $R_v < R_c$: ``"conductor"``.

    Parameters
    ----------
    R_v : array_like
        Valence-orbital radius [m], ``0 < R_v < 2 R_b``.
    R_b : array_like
        Border radius [m], > 0.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    terms : int or None, optional
        Series used for ``R_c`` (see [`resisting_distance`][]).

    Returns
    -------
    State or ndarray of str
        A [`State`][] for scalar input, an array of the three words otherwise.

    See Also
    --------
    state_codes : the same rule on codes, from R_v and R_c.
    electron_tunnel.conducting_radius : R_c (eq 38 / eq 24).
    electron_tunnel.insulating_threshold : the tunnel threshold of c.

    References
    ----------
    [1]_ eqs (11), (38).

    Examples
    --------
    >>> classify(149e-12, 155e-12, 0.3)
    <State.SUPERCONDUCTOR: 'superconductor'>
    >>> classify(111e-12, 210e-12, [0.1, 0.3, 1.0], terms=0).tolist()
    ['insulator', 'conductor', 'superconductor']
    """
    rv, rb = check_orbital_radius(R_v, R_b, "R_v")
    R_c = np.asarray(chain.conducting_radius(rb, c, terms))
    rv, R_c = np.broadcast_arrays(rv, R_c)
    result = scalar_or_array(state_names(state_codes(rv, R_c)), R_v, R_b, c)
    if isinstance(result, np.ndarray):
        return result.astype(str)
    return State(str(result))
