"""Held-out test: superconductors reported after the SuperCon snapshot, scored by both methods.

SuperCon as curated by Stanev et al. (2018) predates every row of
[`electron_tunnel.datasets.heldout_superconductors`][] (first reports from 2018 on, with
materials reported in the same period as not superconducting, refuted or retracted). Neither
method saw these rows: the guideline score is a rule fixed from the paper's text, and the two
ML models ([`electron_tunnel.screen.models`][]) were trained once on SuperCon alone.

Rules (fixed before the evaluation was run)
-------------------------------------------
1. **Scored rows.** A row is scored when its formula is read, both methods give it a finite
   score, and it is not (a) a single-element device (twisted graphene: a composition model
   cannot tell it from graphite), (b) a reduced composition that is in SuperCon, (c) an
   ``unconfirmed`` claim, or (d) a second row of a composition already scored: where a
   composition has a superconducting row, that row with the highest T_c is kept (rows of the
   same composition reported as not superconducting differ only in form or pressure, which a
   composition model does not see); otherwise the first row is kept. Every other row is listed
   with its ``reason``.
2. **Classes.** ``superconducting`` rows are the positives; ``not_superconducting``,
   ``refuted`` and ``retracted`` rows with a definite formula are the negatives.
3. **Methods.** ``guideline``: ``guideline_score``. ``ml``: ``ml_p_superconducting`` for the
   AUCs, percentiles and the top-10 % share, ``ml_p_tc10`` for the T_c rank correlation.
4. **Reference distributions** (SuperCon, readable rows): the guideline scores of
   [`electron_tunnel.screen.supercon_features`][]; for the ML baseline the out-of-fold
   probabilities (``GroupKFold`` over element sets, `models.supercon_out_of_fold`),
   because the final models' in-sample probabilities of their own training rows are not
   comparable with those of unseen formulas (they are reported beside, ``in_sample``).
5. **Statistics**, per method and population (``all`` scored rows; ``element_set_not_in_supercon``;
   ``ambient_pressure``): the AUC of held-out superconductors vs held-out negatives with a
   95 % bootstrap CI ([`electron_tunnel.stats.auc_with_ci`][]), flagged ``testable: false``
   with fewer than `MIN_NEGATIVES` negatives; the mid-rank percentile of each held-out
   superconductor among SuperCon's superconductors (median, mean with a bootstrap CI drawn by
   [`electron_tunnel.stats.bootstrap_indices`][], share above 50; 50 is what superconductors
   drawn like SuperCon's would give) and the AUC of held-out superconductors vs SuperCon's
   reported non-superconductors; Spearman's rho of the T_c score with T_c among held-out
   superconductors ([`electron_tunnel.stats.spearman_with_ci`][]); the share of held-out
   superconductors (and negatives) whose percentile among all readable SuperCon rows is at
   least 90 (the method's top 10 % of SuperCon).
6. **Pressure.** Both methods see the composition only, never the pressure; the count of
   scored superconductors measured under pressure is reported with the results.

The module reports evidence only; it gives no verdict.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .. import datasets, outputs, stats
from ..errors import InputError
from .features import composition_key, composition_matrix, element_vectors, ml_features
from .models import ML_SETTINGS, load_models, predict, supercon_out_of_fold
from .score import oriented_percentile, screen, supercon_features

__all__ = [
    "HELDOUT_COLUMNS",
    "MIN_NEGATIVES",
    "heldout_evaluation",
    "heldout_rows",
    "heldout_statistics",
    "write_heldout",
]

#: Fewer held-out negatives than this: the held-out AUC is flagged untestable.
MIN_NEGATIVES = 10
NEGATIVE_STATUSES = ("not_superconducting", "refuted", "retracted")
STATUSES = ("superconducting", *NEGATIVE_STATUSES, "unconfirmed")
#: Method -> (score for AUCs, percentiles and top-10 %; score for the T_c rank correlation).
METHODS = {
    "guideline": ("guideline_score", "guideline_score"),
    "ml": ("ml_p_superconducting", "ml_p_tc10"),
}
POPULATIONS = {
    "all": "every scored row",
    "element_set_not_in_supercon": "scored rows whose exact element set has no SuperCon row",
    "ambient_pressure": "scored rows measured at ambient pressure (pressure_GPa = 0)",
}
#: Columns of heldout.csv, in order (the first thirteen are the summary columns).
HELDOUT_COLUMNS = [
    "formula", "tc_K", "pressure_GPa", "year", "status", "reference", "in_supercon",
    "element_set_in_supercon", "guideline_score", "guideline_percentile",
    "ml_p_superconducting", "ml_p_tc10", "reason",
    "material", "scored", "label", "tc_criterion", "form", "kind", "element_set",
    "supercon_tc_K", "guideline_percentile_all", "ml_percentile", "ml_percentile_all", "doi",
    "note",
]  # fmt: skip
_REQUIRED = ("material", "formula", "status", "tc_K", "pressure_GPa", "form", "year", "doi")
_REQUIRED += ("source",)


# --------------------------------------------------------------------------- the rows
def _clean(table):
    missing = [c for c in _REQUIRED if c not in table.columns]
    if missing:
        raise InputError(f"table: the held-out table lacks column(s) {', '.join(missing)}")
    t = table.reset_index(drop=True).copy()
    for col in ("material", "formula", "status", "form", "doi", "source"):
        t[col] = t[col].astype(object).where(t[col].notna(), "").astype(str).str.strip()
    for col in ("tc_criterion", "kind", "note"):
        if col not in t:
            t[col] = ""
        t[col] = t[col].astype(object).where(t[col].notna(), "").astype(str)
    for col in ("tc_K", "pressure_GPa"):
        t[col] = pd.to_numeric(t[col], errors="coerce")
    return t


def _supercon_matrix(sc_table):
    """Composition matrix of the readable SuperCon rows (parsed once per evaluation)."""
    vec = element_vectors()
    ok = (sc_table.error == "").to_numpy()
    A, _ = composition_matrix(sc_table["name"][ok].tolist(), vec["symbols"])
    return A, vec


def _element_sets(A, symbols):
    symbols = np.asarray(symbols)
    return ["-".join(symbols[row > 0]) for row in A > 0]


def heldout_rows(table=None, *, supercon=None, matrix=None):
    """Every held-out row with both methods' scores, its SuperCon overlap and ``reason``.

    Parameters
    ----------
    table : pandas.DataFrame, optional
        Rows in the layout of [`electron_tunnel.datasets.heldout_superconductors`][]
        (default: that table).
    supercon : pandas.DataFrame, optional
        [`electron_tunnel.screen.supercon_features`][] (default: loaded).
    matrix : tuple, optional
        ``(A, element vectors)`` of SuperCon's readable rows, so that they are parsed once.

    Returns
    -------
    pandas.DataFrame
        The input columns plus ``in_supercon``, ``supercon_tc_K``, ``element_set``,
        ``element_set_in_supercon``, ``guideline_score``, ``ml_p_superconducting``,
        ``ml_p_tc10``, ``scored``, ``label`` and ``reason`` ('' for scored rows).
    """
    t = _clean(datasets.heldout_superconductors() if table is None else table)
    sc_table = supercon_features() if supercon is None else supercon
    scA, vec = _supercon_matrix(sc_table) if matrix is None else matrix
    scr = screen(t["formula"].tolist())
    A, errors = composition_matrix(t["formula"].tolist(), vec["symbols"])
    ok = errors == ""
    t["element_set"] = np.where(ok, _element_sets(A, vec["symbols"]), "")
    t["n_elements"] = (A > 0).sum(axis=1)
    sets = set(_element_sets(scA, vec["symbols"]))
    t["element_set_in_supercon"] = ok & t["element_set"].isin(sets).to_numpy()
    t["supercon_tc_K"] = scr["supercon_tc_K"].to_numpy(float)
    t["in_supercon"] = ok & np.isfinite(t["supercon_tc_K"].to_numpy())
    for col in ("guideline_score", "ml_p_superconducting", "ml_p_tc10"):
        t[col] = scr[col].to_numpy(float)
    t["_key"] = np.where(ok, composition_key(A, vec["symbols"]), "")
    reasons = [
        _reasons(r, err, note)
        for r, err, note in zip(t.itertuples(index=False), errors, scr["missing_data"], strict=True)
    ]
    t["reason"] = ["; ".join(r) for r in reasons]
    t["label"] = np.where(
        t.status == "superconducting",
        "superconducting",
        np.where(t.status.isin(NEGATIVE_STATUSES), "not superconducting", ""),
    )
    _deduplicate(t)
    t["scored"] = t["reason"] == ""
    return t.drop(columns=["_key", "n_elements"])


def _reasons(row, error, missing):
    out = []
    if row.status not in STATUSES:
        out.append(f"status {row.status!r} is not one of {', '.join(STATUSES)}")
    if not row.formula:
        out.append("no definite formula")
        return out
    if error:
        out.append(f"formula not read: {error}")
        return out
    if not np.isfinite(row.guideline_score):
        out.append(f"no guideline score ({missing or 'missing element data'})")
    if not np.isfinite(row.ml_p_superconducting):
        out.append("no ML probability")
    if row.form == "device" and row.n_elements == 1:
        out.append("single-element device: not scored by a composition model")
    if row.in_supercon:
        out.append(f"reduced composition in SuperCon (highest T_c there {row.supercon_tc_K:g} K)")
    if row.status == "unconfirmed":
        out.append("claim neither confirmed nor refuted")
    if row.status == "superconducting" and not np.isfinite(row.tc_K):
        out.append("no T_c")
    return out


def _deduplicate(t):
    """One scored row per reduced composition (rule 1d); the others get a reason."""
    cand = t.index[t["reason"] == ""]
    for _key, idx in t.loc[cand].groupby("_key").groups.items():
        if len(idx) < 2:
            continue
        rows = t.loc[idx]
        sc = rows[rows.status == "superconducting"]
        if len(sc):
            keep = sc.tc_K.idxmax()
            for i in idx:
                if i == keep:
                    continue
                t.loc[i, "reason"] = (
                    "same composition as a superconducting row with a higher or equal T_c"
                    if t.loc[i, "status"] == "superconducting"
                    else "same composition as a superconducting held-out row: differs in form "
                    "or pressure, which a composition model does not see"
                )
        else:
            for i in idx[1:]:
                t.loc[i, "reason"] = "same composition as an earlier non-superconducting row"


# --------------------------------------------------------------------------- the statistics
def _pct(values, ref):
    return 100.0 * oriented_percentile(values, ref, "higher")


def _mean_ci(x, B, seed):
    x = np.asarray(x, float)
    if x.size == 0:
        return float("nan"), [float("nan"), float("nan")]
    idx = stats.bootstrap_indices(np.random.default_rng(seed), x.size, B)
    boot = x[idx].mean(axis=1)
    lo, hi = np.percentile(boot, [2.5, 97.5])
    return float(x.mean()), [float(lo), float(hi)]


def _percentiles(pos, ref, B, seed):
    p = _pct(pos, ref["sc"])
    mean, ci = _mean_ci(p, B, seed)
    return {
        "n": int(p.size),
        "median": float(np.median(p)) if p.size else float("nan"),
        "mean": mean,
        "mean_ci95": ci,
        "share_above_50": float(np.mean(p > 50)) if p.size else float("nan"),
        "value_if_drawn_like_supercon_superconductors": 50.0,
    }


def _top10(pos, neg, ref):
    pp, pn = _pct(pos, ref["all"]), _pct(neg, ref["all"])
    return {
        "definition": "percentile among all readable SuperCon rows >= 90",
        "threshold_score": float(np.percentile(ref["all"], 90)),
        "share_superconducting": float(np.mean(pp >= 90)) if pp.size else float("nan"),
        "n_superconducting_in_top10": int((pp >= 90).sum()),
        "n_superconducting": int(pp.size),
        "share_not_superconducting": float(np.mean(pn >= 90)) if pn.size else float("nan"),
        "n_not_superconducting": int(pn.size),
    }


def _population_stats(rows, score, tc_score, ref, B, seed):
    pos_rows = rows[rows.label == "superconducting"]
    pos = pos_rows[score].to_numpy(float)
    neg = rows.loc[rows.label == "not superconducting", score].to_numpy(float)
    s = np.concatenate([pos, neg])
    lab = np.arange(s.size) < pos.size
    auc = stats.auc_with_ci(s, lab, B=B, seed=seed)
    auc["testable"] = bool(neg.size >= MIN_NEGATIVES)
    if not auc["testable"]:
        auc["note"] = (
            f"untestable: {neg.size} held-out negatives (< {MIN_NEGATIVES}); the percentiles "
            "against SuperCon carry the test"
        )
    s2 = np.concatenate([pos, ref["non_sc"]])
    lab2 = np.arange(s2.size) < pos.size
    out = {
        "n_superconducting": int(pos.size),
        "n_not_superconducting": int(neg.size),
        "auc_heldout": auc,
        "percentile_among_supercon_superconductors": _percentiles(pos, ref, B, seed),
        "auc_vs_supercon_not_superconducting": stats.auc_with_ci(s2, lab2, B=B, seed=seed),
        "spearman_tc": stats.spearman_with_ci(
            pos_rows[tc_score].to_numpy(float), pos_rows.tc_K.to_numpy(float), B=B, seed=seed
        ),
        "supercon_top10": _top10(pos, neg, ref),
    }
    if "in_sample" in ref:
        ins = ref["in_sample"]
        p = _pct(pos, ins["sc"])
        out["in_sample"] = {
            "definition": "the same percentiles against the final models' in-sample "
            "probabilities of their own training rows",
            "median_percentile_among_supercon_superconductors": float(np.median(p))
            if p.size
            else float("nan"),
            "share_superconducting_in_supercon_top10": float(np.mean(_pct(pos, ins["all"]) >= 90))
            if p.size
            else float("nan"),
        }
    return out


def _masks(rows):
    scored = rows["scored"].to_numpy(bool)
    return {
        "all": scored,
        "element_set_not_in_supercon": scored & ~rows["element_set_in_supercon"].to_numpy(bool),
        "ambient_pressure": scored & (rows["pressure_GPa"].to_numpy(float) == 0),
    }


def heldout_statistics(rows, reference, *, B=1000, seed=stats.DEFAULT_SEED):
    """The statistics of rule 5 for each method and population.

    Parameters
    ----------
    rows : pandas.DataFrame
        Columns ``scored`` (bool), ``label`` ('superconducting', 'not superconducting' or
        ''), ``tc_K``, ``pressure_GPa``, ``element_set_in_supercon`` and the score columns of
        `METHODS`.
    reference : dict
        Method -> ``{"sc": scores of SuperCon's superconductors, "non_sc": of its reported
        non-superconductors, "all": of all its readable rows}``, optionally ``"in_sample"``
        (the same three for the final models' in-sample probabilities).
    B, seed : int
        Bootstrap resamples and seed.

    Returns
    -------
    dict
        Method -> ``{"score", "tc_score", "populations": {population -> statistics}}``.
    """
    out = {}
    masks = _masks(rows)
    for method, (score, tc_score) in METHODS.items():
        ref = {
            k: np.asarray(v, float) if k != "in_sample" else v for k, v in reference[method].items()
        }
        ref = {k: v[np.isfinite(v)] if k != "in_sample" else v for k, v in ref.items()}
        pops = {
            name: _population_stats(rows[m], score, tc_score, ref, B, seed)
            for name, m in masks.items()
        }
        out[method] = {"score": score, "tc_score": tc_score, "populations": pops}
    return out


# --------------------------------------------------------------------------- the evaluation
def _references(sc_table, matrix, progress):
    ok = (sc_table.error == "").to_numpy()
    t = sc_table[ok]
    tc = t.Tc.to_numpy(float)
    g = t.guideline_score.to_numpy(float)
    oof = supercon_out_of_fold(progress=progress)
    p_oof = oof.ml_p_superconducting.to_numpy(float)
    tc_oof = oof.Tc.to_numpy(float)
    A, vec = matrix
    p_in = predict(ml_features(A, vec["table"]), load_models(progress=progress))
    p_in = p_in.ml_p_superconducting.to_numpy(float)
    return {
        "guideline": {"sc": g[tc > 0], "non_sc": g[tc == 0], "all": g},
        "ml": {
            "sc": p_oof[tc_oof > 0],
            "non_sc": p_oof[tc_oof == 0],
            "all": p_oof,
            "in_sample": {"sc": p_in[tc > 0], "non_sc": p_in[tc == 0], "all": p_in},
        },
    }


def heldout_evaluation(table=None, *, B=1000, seed=stats.DEFAULT_SEED, progress=None):
    """Score every held-out row with both methods and compute the statistics (module rules).

    Parameters
    ----------
    table : pandas.DataFrame, optional
        Held-out rows (default [`electron_tunnel.datasets.heldout_superconductors`][]).
    B : int
        Bootstrap resamples per CI (>= 1).
    seed : int
        Bootstrap seed.
    progress : callable, optional
        Called with a line of text per step.

    Returns
    -------
    results : dict
        ``rules``, ``settings``, ``counts``, ``pressure``, ``methods`` (method -> populations
        -> statistics, see [`heldout_statistics`][]), ``not_scored`` and ``attribution``:
        the content of ``heldout.json``.
    table : pandas.DataFrame
        One row per held-out row, columns [`HELDOUT_COLUMNS`][] (``heldout.csv``).
    """
    if isinstance(B, bool) or not isinstance(B, (int, np.integer)) or B < 1:
        raise InputError(f"B (bootstrap resamples) must be an integer >= 1, got {B!r}")
    say = progress or (lambda _line: None)
    say("[1/3] scoring the held-out rows")
    sc_table = supercon_features()
    matrix = _supercon_matrix(sc_table)
    rows = heldout_rows(table, supercon=sc_table, matrix=matrix)
    say("[2/3] reference distributions on SuperCon")
    ref = _references(sc_table, matrix, say)
    rows["guideline_percentile"] = _pct(rows.guideline_score, ref["guideline"]["sc"])
    rows["guideline_percentile_all"] = _pct(rows.guideline_score, ref["guideline"]["all"])
    rows["ml_percentile"] = _pct(rows.ml_p_superconducting, ref["ml"]["sc"])
    rows["ml_percentile_all"] = _pct(rows.ml_p_superconducting, ref["ml"]["all"])
    rows["reference"] = [
        f"{s}; doi:{d}" if d else s for s, d in zip(rows.source, rows.doi, strict=True)
    ]
    say("[3/3] statistics")
    methods = heldout_statistics(rows, ref, B=B, seed=seed)
    results = outputs.Result(
        {
            "description": "held-out test of the guideline score and the ML baseline on "
            "superconductors reported after the SuperCon snapshot (Stanev et al. 2018)",
            "rules": _RULES,
            "settings": {
                "bootstrap_resamples": int(B),
                "seed": int(seed),
                "min_negatives_for_auc": MIN_NEGATIVES,
                "methods": {m: {"score": s, "tc_score": ts} for m, (s, ts) in METHODS.items()},
                "populations": POPULATIONS,
                "ml": ML_SETTINGS,
                "reference_guideline": "guideline scores of all readable SuperCon rows",
                "reference_ml": "out-of-fold (GroupKFold over element sets) probabilities of "
                "all readable SuperCon rows",
            },
            "counts": _counts(rows),
            "pressure": _pressure(rows),
            "methods": methods,
            "not_scored": [
                {
                    "material": r.material,
                    "formula": r.formula,
                    "status": r.status,
                    "reason": r.reason,
                }
                for r in rows.itertuples()
                if not r.scored
            ],
            "attribution": {
                "heldout": {
                    "file": "heldout-superconductors.csv",
                    "citation": "one publication per row (columns source and doi)",
                    "license": "facts from the cited publications, one citation per row",
                },
                "supercon": {
                    "citation": sc_table.attrs.get("citation", ""),
                    "license": sc_table.attrs.get("license", ""),
                },
            },
        }
    )
    return results, rows.reindex(columns=HELDOUT_COLUMNS)


_RULES = [
    "scored: formula read, both scores finite; not a single-element device, not a reduced "
    "composition in SuperCon, not an unconfirmed claim, one row per reduced composition "
    "(the superconducting row with the highest T_c)",
    "positives: status superconducting; negatives: not_superconducting, refuted, retracted",
    "guideline: guideline_score; ml: ml_p_superconducting (AUCs, percentiles, top 10 %), "
    "ml_p_tc10 (T_c rank correlation)",
    "references: SuperCon guideline scores; SuperCon out-of-fold ML probabilities (in-sample "
    "reported beside)",
    f"held-out AUC flagged untestable with fewer than {MIN_NEGATIVES} negatives; percentiles "
    "are mid-rank, 0-100; top 10 % = percentile among all SuperCon rows >= 90",
    "no pressure enters either method",
]


def _counts(rows):
    scored = rows[rows.scored]
    return {
        "rows": len(rows),
        "by_status": rows.status.value_counts().to_dict(),
        "by_kind": rows.kind.value_counts().to_dict(),
        "by_form": rows.form.value_counts().to_dict(),
        "scored": len(scored),
        "scored_superconducting": int((scored.label == "superconducting").sum()),
        "scored_not_superconducting": int((scored.label == "not superconducting").sum()),
        "in_supercon": int(rows.in_supercon.sum()),
        "scored_element_set_in_supercon": int(scored.element_set_in_supercon.sum()),
        "not_scored": int((~rows.scored).sum()),
    }


def _pressure(rows):
    sc = rows[rows.scored & (rows.label == "superconducting")]
    p = sc.pressure_GPa.to_numpy(float)
    under = int((p > 0).sum())
    med = float(np.median(p[p > 0])) if under else float("nan")
    return {
        "note": "The guideline score and the ML baseline are functions of the composition "
        "alone: neither takes pressure as an input. "
        f"{under} of the {len(sc)} scored held-out superconductors were measured under "
        f"applied pressure (median {med:.0f} GPa); the ambient_pressure population repeats "
        "the statistics without them.",
        "n_scored_superconducting": len(sc),
        "n_under_pressure": under,
        "n_ambient": int((p == 0).sum()),
        "median_pressure_GPa_under_pressure": med,
    }


def write_heldout(out_dir, **kwargs):
    """Run [`heldout_evaluation`][] and write ``heldout.csv`` and ``heldout.json``.

    Parameters
    ----------
    out_dir : str or pathlib.Path
        Output directory (created if missing).
    **kwargs
        Passed to [`heldout_evaluation`][].

    Returns
    -------
    (pathlib.Path, dict)
        The directory and the results.

    Raises
    ------
    OutputError
        If the files cannot be written.
    """
    results, table = heldout_evaluation(**kwargs)
    with outputs.staged_directory(out_dir, what="the held-out evaluation") as staging:
        outputs.write_csv(staging / "heldout.csv", table)
        outputs.write_json(staging / "heldout.json", results)
    return Path(out_dir), results
