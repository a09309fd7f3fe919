"""The guideline score (a rule fixed from the paper's text) and [`screen`][].

The rule, written down before any evaluation was run
----------------------------------------------------
The paper gives five guidelines and no weights, thresholds or priorities, so:

1. Each guideline ``g1``..``g5`` is measured by the features of [`FEATURES`][] that encode it
   (``g1``: ``en_max``; ``g2``: ``en_min``; ``g3``: ``en_range``; ``g4``: ``radius_ratio`` and
   ``radius_spread``; ``g5``: ``n_elements`` and ``atoms_per_formula_unit``).
2. A feature value is turned into its mid-rank percentile (0..1) among the **reference
   population** — every readable SuperCon formula, superconducting or not (its T_c is not
   used) — and flipped (``1 - p``) where the paper calls lower values favourable, so that
   1 = most favourable by the paper.
3. A guideline's sub-score ``score_gK`` is the mean of its features' oriented percentiles.
4. ``guideline_score`` is the unweighted mean of the five sub-scores (0..1); NaN if any is NaN.

The model's own quantities (``critical_c_*``, ``rv_rb_mean``) and ``en_mean`` are reported but
are not part of the score: they are not among the paper's five guidelines.
"""

from __future__ import annotations

import functools
import hashlib
import os

import numpy as np
import pandas as pd

from .. import datasets, materials
from ..errors import InputError
from .features import (
    FEATURES,
    composition_key,
    composition_matrix,
    element_vectors,
    featurise,
)
from .models import ml_probabilities

__all__ = [
    "GUIDELINES",
    "SCORE_RULE",
    "guideline_scores",
    "oriented_percentile",
    "reference",
    "screen",
    "supercon_features",
]

#: The five guidelines: id -> (short name, features that measure it).
GUIDELINES: dict[str, tuple[str, tuple[str, ...]]] = {
    "g1": ("avoid excessively high electronegativity", ("en_max",)),
    "g2": ("avoid too low electronegativity", ("en_min",)),
    "g3": ("narrow range of electronegativities", ("en_range",)),
    "g4": ("combine large and small atoms", ("radius_ratio", "radius_spread")),
    "g5": ("avoid complex, large compounds", ("n_elements", "atoms_per_formula_unit")),
}

#: The rule of the guideline score in one sentence (the module docstring gives it in full).
SCORE_RULE = (
    "Each feature becomes its mid-rank percentile among all readable SuperCon formulas (T_c "
    "unused), flipped where the paper favours low values; a guideline's sub-score is the mean "
    "over its features (g1 en_max, g2 en_min, g3 en_range, g4 radius_ratio and radius_spread, "
    "g5 n_elements and atoms_per_formula_unit); the guideline score is the unweighted mean of "
    "the five sub-scores (NaN if any is NaN). Fixed from the paper's text, not fitted."
)
_FAVOURABLE = {f["id"]: f["favourable"] for f in FEATURES}
_CACHE_FORMAT = 2


def oriented_percentile(values, reference, favourable):
    """Mid-rank percentile (0..1) of ``values`` within ``reference``, 1 = most favourable.

    ``p = (#{ref < v} + #{ref == v} / 2) / #ref``; returned as ``p`` when higher values are
    favourable and ``1 - p`` when lower ones are. NaN values stay NaN; NaNs in ``reference``
    are ignored.

    Parameters
    ----------
    values : array_like
    reference : array_like
    favourable : {"higher", "lower"}

    Returns
    -------
    ndarray

    Examples
    --------
    >>> oriented_percentile([2.0], [1.0, 2.0, 3.0, 4.0], "higher").tolist()
    [0.375]
    """
    if favourable not in ("higher", "lower"):
        raise InputError(f"favourable must be 'higher' or 'lower', got {favourable!r}")
    v = np.asarray(values, float)
    ref = np.sort(np.asarray(reference, float)[np.isfinite(reference)])
    lo = np.searchsorted(ref, v, side="left")
    hi = np.searchsorted(ref, v, side="right")
    p = (lo + 0.5 * (hi - lo)) / ref.size
    p = np.where(np.isfinite(v), p, np.nan)
    return p if favourable == "higher" else 1.0 - p


def guideline_scores(features, reference_features):
    """Sub-scores ``score_g1``..``score_g5`` and ``guideline_score`` by the fixed rule.

    Parameters
    ----------
    features : pandas.DataFrame
        Rows to score (columns of [`FEATURES`][]).
    reference_features : pandas.DataFrame
        The reference population (every readable SuperCon row).

    Returns
    -------
    pandas.DataFrame
        Columns ``score_g1`` .. ``score_g5``, ``guideline_score``.
    """
    out = {}
    for gid, (_name, feats) in GUIDELINES.items():
        parts = [
            oriented_percentile(features[f], reference_features[f], _FAVOURABLE[f]) for f in feats
        ]
        out[f"score_{gid}"] = np.mean(parts, axis=0)
    df = pd.DataFrame(out, index=features.index)
    df["guideline_score"] = df.mean(axis=1, skipna=False)
    return df


def _cache_file(convention):
    base = materials.cache_path()
    key = hashlib.sha256(f"{base.name}|{convention}|{_CACHE_FORMAT}".encode()).hexdigest()[:12]
    return base.parent / f"screen-supercon-{key}.csv"


def supercon_features(convention=None, *, refresh=False):
    """Every SuperCon row (``name``, ``Tc``) with its key, error and features (cached on disk).

    Parameters
    ----------
    convention : str, optional
        Radius convention; default [`electron_tunnel.materials.PRIMARY_CONVENTION`][].
    refresh : bool
        Recompute even if a cached table exists.

    Returns
    -------
    pandas.DataFrame
        SuperCon's columns plus ``composition_key``, ``error``, the features and the scores;
        ``attrs`` carry SuperCon's citation and license.
    """
    convention = materials.PRIMARY_CONVENTION if convention is None else convention
    sc = datasets.supercon()
    path = _cache_file(convention)
    df = None
    if not refresh and path.exists():
        try:
            df = pd.read_csv(path, keep_default_na=False, na_values=[""])
            if len(df) != len(sc) or not (df["name"].astype(str) == sc["name"]).all():
                df = None
        except (OSError, ValueError, KeyError, pd.errors.ParserError):
            df = None
    if df is None:
        vec = element_vectors(convention)
        A, errors = composition_matrix(sc["name"].tolist(), vec["symbols"])
        df = pd.concat(
            [
                sc[["name", "Tc"]].reset_index(drop=True),
                pd.DataFrame(
                    {"composition_key": composition_key(A, vec["symbols"]), "error": errors}
                ),
                featurise(A, vec),
            ],
            axis=1,
        )
        ok = df.error == ""
        scores = guideline_scores(df, df[ok])
        df = pd.concat([df, scores], axis=1)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            df.to_csv(tmp, index=False, lineterminator="\n")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only cache is not an error
    for col in ("composition_key", "error", "missing_data"):
        df[col] = df[col].astype(object).where(df[col].notna(), "").astype(str)
    df.attrs.update(citation=sc.attrs["citation"], license=sc.attrs["license"])
    return df


@functools.lru_cache(maxsize=4)
def reference(convention=None):
    """The reference data of [`screen`][]: SuperCon features, superconductor scores, T_c map.

    Returns
    -------
    dict
        ``table`` ([`supercon_features`][]), ``sc_scores`` (sorted guideline scores of the
        superconductors, T_c > 0), ``tc`` (composition key -> highest reported T_c [K]) and
        ``entries`` (key -> number of SuperCon rows), both pandas Series indexed by key.
        Cached per process (the interactive explorer calls [`screen`][] repeatedly); do not
        modify the returned objects.
    """
    table = supercon_features(convention)
    ok = table.error == ""
    sc = table[ok & (table.Tc > 0)]
    scores = sc.guideline_score.to_numpy(float)
    grouped = table[ok].groupby("composition_key").Tc
    return {
        "table": table,
        "sc_scores": np.sort(scores[np.isfinite(scores)]),
        "tc": grouped.max(),
        "entries": grouped.size(),
    }


def screen(formulas, *, convention=None, ml=True):
    """Guideline features, score and SuperCon context of each formula.

    Parameters
    ----------
    formulas : str or sequence of str
        Chemical formulas (pymatgen syntax, e.g. ``"YBa2Cu3O7"``, ``"La1.85Sr0.15CuO4"``).
    convention : str, optional
        Radius convention for the size and model features (a key of
        [`electron_tunnel.materials.RADIUS_CONVENTIONS`][]; default
        [`electron_tunnel.materials.PRIMARY_CONVENTION`][]).
    ml : bool
        Add the machine-learning baseline's probabilities (default). The two models are
        trained once on SuperCon and cached ([`electron_tunnel.screen.models`][]).

    Returns
    -------
    pandas.DataFrame
        One row per input, in input order: ``formula``, ``error`` ('' when computed, else the
        reason), ``missing_data``, every feature of [`FEATURES`][], ``score_g1``..``score_g5``,
        ``guideline_score`` (0..1, the fixed rule of this module), ``score_percentile`` (0..100,
        among SuperCon superconductors), ``ml_p_superconducting`` and ``ml_p_tc10`` (0..1,
        the probabilities of the ML baseline for T_c > 0 and T_c >= 10 K; only with ``ml``),
        ``supercon_tc_K`` (highest T_c SuperCon reports for the
        same reduced composition, 0 = reported not superconducting, NaN = not in SuperCon) and
        ``supercon_entries``. ``attrs`` carry SuperCon's citation and license.

    Examples
    --------
    >>> df = screen(["YBa2Cu3O7", "Xq2O"])
    >>> df.n_elements.tolist(), df.error.tolist()[1]
    ([4.0, nan], 'unknown element symbol(s): Xq')
    """
    if isinstance(formulas, str):
        formulas = [formulas]
    formulas = ["" if f is None else str(f) for f in formulas]
    ref = reference(convention)
    table = ref["table"]
    vec = element_vectors(convention)
    A, errors = composition_matrix(formulas, vec["symbols"])
    keys = composition_key(A, vec["symbols"])
    feats = featurise(A, vec)
    scores = guideline_scores(feats, table[table.error == ""])
    ok = errors == ""
    feats.loc[~ok, :] = np.nan
    feats["missing_data"] = np.where(ok, feats["missing_data"].fillna(""), "")
    scores.loc[~ok, :] = np.nan
    g = scores.guideline_score.to_numpy(float)
    pct = 100.0 * oriented_percentile(g, ref["sc_scores"], "higher")
    df = pd.concat([pd.DataFrame({"formula": formulas, "error": errors}), feats, scores], axis=1)
    df["score_percentile"] = pct
    if ml:
        p = ml_probabilities(A, vec["table"], ok=ok)
        for col in p.columns:
            df[col] = p[col].to_numpy(float)
    df["supercon_tc_K"] = ref["tc"].reindex(keys).to_numpy(float)
    df["supercon_entries"] = ref["entries"].reindex(keys).fillna(0).to_numpy(int)
    df.attrs.update(citation=table.attrs["citation"], license=table.attrs["license"])
    return df
