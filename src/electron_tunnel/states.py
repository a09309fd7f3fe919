"""Electrical-resistance states of matter: the paper's classification rule (eqs 11, 38)."""

from __future__ import annotations

from enum import StrEnum

import numpy as np

from . import chain
from ._validation import check_orbital_radius, scalar_or_array

__all__ = ["State", "classify"]


class State(StrEnum):
    """The three electrical-resistance states; members compare equal to their ``value``."""

    INSULATOR = "insulator"
    CONDUCTOR = "conductor"
    SUPERCONDUCTOR = "superconductor"


def classify(R_v, R_b, c, terms=None):
    r"""Electrical-resistance state of a material, by the paper's rule.

    * no electron tunnel (``c`` at or below :func:`~electron_tunnel.insulating_threshold`):
      ``"insulator"``;
    * a tunnel and :math:`R_v \ge R_c` (eq 11): ``"superconductor"``;
    * a tunnel and :math:`R_v < R_c`: ``"conductor"``.

    Parameters
    ----------
    R_v : array_like
        Valence-orbital radius [m], ``0 < R_v < 2 R_b``.
    R_b : array_like
        Border radius [m], > 0.
    c : array_like
        Attraction coefficient, ``0 <= c <= 1``.
    terms : int or None, optional
        Series used for ``R_c`` (see :func:`~electron_tunnel.resisting_distance`).

    Returns
    -------
    State or ndarray of str
        A :class:`State` for scalar input, an array of the three words otherwise.

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
    out = np.where(
        np.isnan(R_c),
        State.INSULATOR.value,
        np.where(rv >= R_c, State.SUPERCONDUCTOR.value, State.CONDUCTOR.value),
    )
    result = scalar_or_array(out, R_v, R_b, c)
    if isinstance(result, np.ndarray):
        return result.astype(str)
    return State(str(result))
