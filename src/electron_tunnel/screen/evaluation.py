"""The guidelines scored on SuperCon, by rules fixed before the evaluation was run.

Rules
-----
* Orientation: every score is oriented so that higher = more favourable by the paper (a
  feature the paper wants low enters as its negative; the sub-scores and the guideline score
  are already oriented). ``en_mean`` has no favourable side and enters as is.
* Targets, on every readable SuperCon row: superconducting (T_c > 0) vs reported
  non-superconducting (T_c = 0); T_c >= 10 K vs the rest; T_c >= 77 K vs the rest (ROC AUC);
  Spearman rho with T_c among the superconductors. Each with a bootstrap 95 % CI
  ([`electron_tunnel.screen.resample`][], the resamples of [`electron_tunnel.stats`][]).
* The evidence for each guideline: its AUC superconducting vs not, with CI (the verdict is the
  audit's screening rule, ``electron_tunnel.reproduce.verdicts.SCREENING_RULE``).
* Clusters: the exact element set of a formula (a doping series is one cluster). On all rows,
  every score also gets (`electron_tunnel.screen.resample.ClusterResampler`):
  the pooled AUC superconducting vs not with a cluster-bootstrap CI (element sets drawn with
  replacement over all rows); the family-stratified AUCs superconducting vs not and
  T_c >= 10 K vs the rest (within-family AUCs weighted by the family's number of rows, CI by
  drawing element sets within families); and the AUC for T_c >= 77 K vs the rest within the
  cuprates (CI by drawing the cuprates' element sets). See [`evaluate`][] for the keys.
* Families (first match wins): cuprates (Cu and O); iron-based (Fe with As, P, Se or Te);
  hydrides (H); the rest.
* Baselines on the same rows: fraction-weighted mean density and mean boiling point of the
  elements (higher = "favourable", the paper's proxies), and scikit-learn's
  ``HistGradientBoostingClassifier`` on fraction-weighted statistics of element properties
  ([`electron_tunnel.screen.ml_features`][]), out-of-fold predictions from ``GroupKFold``
  (5 folds) over element sets, one model per target; its accuracy for T_c >= 10 K is also
  given for a shuffled 5-fold split, beside Stanev et al.'s published ~92 %. The out-of-fold
  probabilities are cached on disk, keyed by their inputs (`ml_baseline`).
"""

from __future__ import annotations

import hashlib
import json

import numpy as np

from .. import outputs, stats
from ..errors import InputError
from . import models
from .features import FEATURES, composition_matrix, element_vectors, ml_features
from .resample import AucResampler, ClusterResampler, SpearmanResampler
from .score import GUIDELINES, SCORE_RULE, supercon_features

__all__ = [
    "FAMILIES",
    "STANEV_ACCURACY",
    "evaluate",
    "families",
    "ml_baseline",
]

#: Family names in the order they are assigned (first match wins).
FAMILIES = ("cuprates", "iron-based", "hydrides", "rest")
#: Stanev et al., npj Comput. Mater. 4, 29 (2018): classifier accuracy, T_c above/below 10 K.
STANEV_ACCURACY = {
    "accuracy_tc10": 0.92,
    "split": "random",
    "source": "V. Stanev et al., npj Computational Materials 4, 29 (2018): random-forest "
    "classifier on Magpie features, about 92 % accuracy for T_c above/below 10 K",
}
TARGETS = ("superconducting", "tc10", "tc77")


def families(A, symbols):
    """Family of every row of a composition matrix (see [`FAMILIES`][]).

    Parameters
    ----------
    A : ndarray, shape (n, len(symbols))
    symbols : sequence of str

    Returns
    -------
    ndarray of str
    """
    col = {s: k for k, s in enumerate(symbols)}
    has = {s: A[:, col[s]] > 0 for s in ("Cu", "O", "Fe", "As", "P", "Se", "Te", "H")}
    cuprate = has["Cu"] & has["O"]
    iron = ~cuprate & has["Fe"] & (has["As"] | has["P"] | has["Se"] | has["Te"])
    hydride = ~cuprate & ~iron & has["H"]
    out = np.full(A.shape[0], "rest", dtype=object)
    out[cuprate], out[iron], out[hydride] = "cuprates", "iron-based", "hydrides"
    return out.astype(str)


def _targets(tc):
    return {"superconducting": tc > 0, "tc10": tc >= 10.0, "tc77": tc >= 77.0}


#: How the out-of-fold probabilities are made (with the data and the versions, their cache key).
ML_BASELINE = (
    "HistGradientBoostingClassifier(random_state=seed), scikit-learn defaults, one OpenMP "
    "thread; GroupKFold(5) over element sets per target, KFold(5, shuffle=True, "
    "random_state=seed) for tc10"
)


def _fit_oof(Xv, ys, groups, seed, progress):
    """The out-of-fold probabilities of every target, then of the shuffled split for tc10."""
    # deferred on purpose: scikit-learn is only needed by the evaluation, not by screen()
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import GroupKFold, KFold
    from threadpoolctl import threadpool_limits

    def oof(y, splits):
        p = np.full(len(y), np.nan)
        # one OpenMP thread: on a shared, busy machine more threads made a fit 10-40x slower
        # (and two fits in two Python threads are slower than one after the other)
        with threadpool_limits(1):
            for train, test in splits:
                model = HistGradientBoostingClassifier(random_state=seed)
                model.fit(Xv[train], y[train])
                p[test] = model.predict_proba(Xv[test])[:, 1]
        return p

    arrays = {}
    for name in TARGETS:
        if progress:
            progress(f"  ML baseline, GroupKFold: {name}")
        y = ys[name].astype(int)
        arrays[f"oof_{name}"] = oof(y, GroupKFold(n_splits=5).split(Xv, y, groups))
    if progress:
        progress("  ML baseline, shuffled 5-fold: tc10")
    y = ys["tc10"].astype(int)
    arrays["random_split_tc10"] = oof(
        y, KFold(n_splits=5, shuffle=True, random_state=seed).split(Xv)
    )
    return arrays


def _oof_digest(X, Xv, tc, groups, seed):
    """SHA-256 of everything the out-of-fold probabilities depend on but the versions."""
    h = hashlib.sha256()
    about = {"columns": [str(c) for c in X.columns], "shape": Xv.shape, "seed": int(seed)}
    h.update(json.dumps(about | {"method": ML_BASELINE}, sort_keys=True).encode())
    h.update(np.ascontiguousarray(Xv, np.float64).tobytes())
    h.update(np.ascontiguousarray(tc, np.float64).tobytes())
    h.update("\x1f".join(str(g) for g in groups).encode())
    return h.hexdigest()


def ml_baseline(X, tc, groups, *, seed=0, progress=None, refresh=False):
    """Out-of-fold probabilities of ``HistGradientBoostingClassifier`` for each target.

    The probabilities are cached on disk beside the final models
    ([`electron_tunnel.screen.models`][]: an ``.npz`` file read without pickle, its
    digest checked), keyed by a SHA-256 of the features, T_c, the groups, the seed,
    `ML_BASELINE` and the versions of this package, scikit-learn and NumPy: a run on the
    same inputs reads the 20 fits instead of repeating them.

    Parameters
    ----------
    X : pandas.DataFrame
        [`electron_tunnel.screen.ml_features`][] of the rows.
    tc : ndarray
        T_c [K] (0 = not superconducting).
    groups : ndarray of str
        Element set of each row; ``GroupKFold`` keeps a set in one fold.
    seed : int
        ``random_state`` of the models and of the shuffled split.
    progress : callable, optional
        Called with a line of text per model.
    refresh : bool
        Fit the models even if the cache holds their probabilities.

    Returns
    -------
    dict
        ``oof`` (target -> out-of-fold probability, GroupKFold), ``accuracy`` (target ->
        accuracy at 0.5, GroupKFold) and ``random_split`` (accuracy and AUC for T_c >= 10 K,
        shuffled 5-fold).
    """
    Xv = X.to_numpy(float)
    ys = _targets(tc)
    names = [*(f"oof_{t}" for t in TARGETS), "random_split_tc10"]
    path, key = models.cache_file_for("oof-all", _oof_digest(X, Xv, tc, groups, seed))
    arrays = None if refresh else models.read_arrays(path, key)
    if (
        arrays is None
        or sorted(arrays) != sorted(names)
        or any(arrays[k].dtype != np.float64 or arrays[k].shape != (len(Xv),) for k in names)
    ):
        arrays = _fit_oof(Xv, ys, groups, seed, progress)
        models.write_arrays(path, key, arrays, {"method": ML_BASELINE})
    elif progress:
        progress(f"  ML baseline: out-of-fold probabilities from the cache ({path.name})")
    out = {"oof": {}, "accuracy": {}}
    for name in TARGETS:
        y = ys[name].astype(int)
        p = arrays[f"oof_{name}"]
        out["oof"][name] = p
        out["accuracy"][name] = float(np.mean((p >= 0.5) == y))
    y = ys["tc10"].astype(int)
    p = arrays["random_split_tc10"]
    out["random_split"] = {
        "accuracy_tc10": float(np.mean((p >= 0.5) == y)),
        "auc_tc10": stats.auc(p, y),
        "folds": 5,
    }
    out["random_split_oof_tc10"] = p
    return out


def _entry(aucs, r):
    """The AUCs (target -> result) and the Spearman result ``r`` of one score, as entries."""
    e = {}
    for t in TARGETS:
        a = aucs[t]
        e[f"auc_{t}"] = a["auc"]
        e[f"auc_{t}_ci95"] = a["ci95"]
        e[f"auc_{t}_n"] = [a["n_pos"], a["n_neg"]]
    e["spearman_tc"], e["spearman_tc_ci95"], e["spearman_tc_n"] = r["rho"], r["ci95"], r["n"]
    e["spearman_tc_p_value"] = r["p_value"]
    return e


def _score_specs(table, ml):
    """Every evaluated score: (section, id, column, favourable, oriented values, extra)."""
    specs = []
    for gid, (name, feats) in GUIDELINES.items():
        col = f"score_{gid}"
        specs.append(("guidelines", gid, col, "higher", table[col].to_numpy(float), name, feats))
    specs.append(
        (
            "guidelines",
            "combined",
            "guideline_score",
            "higher",
            table["guideline_score"].to_numpy(float),
            "guideline score (mean of the five sub-scores)",
            tuple(f"score_{g}" for g in GUIDELINES),
        )
    )
    for f in FEATURES:
        v = table[f["id"]].to_numpy(float)
        oriented = -v if f["favourable"] == "lower" else v
        specs.append(
            ("features", f["guideline"], f["id"], f["favourable"], oriented, f["description"], ())
        )
    for bid, col, name in (
        ("density", "density_kg_m3_mean", "fraction-weighted mean density of the elements"),
        ("boiling_point", "boiling_point_K_mean", "fraction-weighted mean boiling point"),
    ):
        v = table[col].to_numpy(float)
        specs.append(("baselines", bid, col, "higher", v, name, ()))
    specs.append(
        (
            "baselines",
            "ml_hgb_groupkfold",
            "ml_p_<target>",
            "higher",
            {t: ml["oof"][t] for t in TARGETS} | {"spearman": ml["oof"]["tc10"]},
            "HistGradientBoostingClassifier on element-property statistics, out-of-fold "
            "(GroupKFold over element sets); one model per target; Spearman uses P(T_c >= 10 K)",
            (),
        )
    )
    return specs


def _stratified(r):
    """``stats.stratified_auc_with_ci``'s result with the strata as families, in order."""
    by = r["by_stratum"]
    return {
        "auc": r["auc"],
        "ci95": r["ci95"],
        "by_family": {f: by[f] for f in FAMILIES if f in by},
        "excluded_families": r["excluded"],
        "n_pos": r["n_pos"],
        "n_neg": r["n_neg"],
        "n_clusters": r["n_clusters"],
    }


class _ClusterEvidence:
    """The cluster-bootstrap and family-stratified AUCs of the scores on one population."""

    def __init__(self, tc, family, element_set, B, seed):
        self.y = _targets(tc)
        self.cup = family == "cuprates"
        self.pooled = ClusterResampler(element_set, B=B, seed=seed)
        self.within = ClusterResampler(element_set, strata=family, B=B, seed=seed)
        self.cuprates = ClusterResampler(element_set[self.cup], B=B, seed=seed)

    def entries(self, pers):
        """The entries of every score (target -> values, one dict per score)."""
        y, cup = self.y, self.cup
        sc = [per["superconducting"] for per in pers]
        pooled = self.pooled.auc_many(sc, y["superconducting"])
        within_sc = self.within.stratified_auc_many(sc, y["superconducting"])
        within_10 = self.within.stratified_auc_many([per["tc10"] for per in pers], y["tc10"])
        cuprates = self.cuprates.auc_many([per["tc77"][cup] for per in pers], y["tc77"][cup])
        return [
            {
                "auc_superconducting_cluster_ci95": p["ci95"],
                "auc_superconducting_stratified": _stratified(a),
                "auc_tc10_stratified": _stratified(b),
                "auc_tc77_cuprates": c,
            }
            for p, a, b, c in zip(pooled, within_sc, within_10, cuprates, strict=True)
        ]


def _evaluate_population(table, mask, specs, B, seed, clustered=False):
    tc = table.Tc.to_numpy(float)[mask]
    rs = {t: AucResampler(y, B=B, seed=seed) for t, y in _targets(tc).items()}
    sc = tc > 0
    sp = SpearmanResampler(tc[sc], B=B, seed=seed)
    ce = None
    if clustered:
        fam = table.family.to_numpy(str)[mask]
        es = table.element_set.to_numpy(str)[mask]
        ce = _ClusterEvidence(tc, fam, es, B, seed)
    out = {"guidelines": [], "features": [], "baselines": []}
    pers = []
    for *_spec, values, _name, _parts in specs:
        if isinstance(values, dict):
            per = {t: values[t][mask] for t in TARGETS}
            per["spearman"] = values["spearman"][mask][sc]
        else:
            v = values[mask]
            per = {t: v for t in TARGETS} | {"spearman": v[sc]}
        pers.append(per)
    # every statistic for all the scores at once: one pass over each set of resamples
    aucs = {t: rs[t].auc_many([per[t] for per in pers]) for t in TARGETS}
    rhos = sp.spearman_many([per["spearman"] for per in pers])
    clusters = ce.entries(pers) if ce is not None else [{}] * len(pers)
    for k, (section, sid, col, fav, _v, name, parts) in enumerate(specs):
        e = {"id": sid, "feature": col, "name": name, "favourable": fav}
        if parts:
            e["features"] = list(parts)
        e.update(_entry({t: aucs[t][k] for t in TARGETS}, rhos[k]))
        e.update(clusters[k])
        out[section].append(e)
    return out


CLUSTER_DEFINITION = (
    "exact element set of the formula (the elements with a positive amount, e.g. 'Ba-Cu-O-Y'); "
    "the rows of a doping series share one"
)
CLUSTER_RESAMPLING = (
    "a row enters a resample as often as its element set is drawn (element sets drawn with "
    "replacement, as many draws as element sets): over all readable rows for "
    "auc_superconducting_cluster_ci95, within each family for auc_*_stratified (the CI of the "
    "size-weighted within-family AUC), over the cuprates for auc_tc77_cuprates"
)


FAMILY_CONFOUND = (
    "the material family alone as the score: each row scores its family's share of the target "
    "(T_c >= 10 K; superconducting) over all readable rows, AUC with the cluster bootstrap over "
    "element sets"
)


def _family_confound(tc, family, element_set, B, seed):
    """The obvious confound of the guidelines: the family's base rate as a predictor."""
    y = _targets(tc)
    rs = ClusterResampler(element_set, B=B, seed=seed)
    out = {"definition": FAMILY_CONFOUND}
    for target in ("tc10", "superconducting"):
        rate = {f: float(y[target][family == f].mean()) for f in np.unique(family)}
        score = np.array([rate[f] for f in family])
        out[f"auc_{target}"] = rs.auc(score, y[target]) | {"family_rate": rate}
    return out


def _cluster_summary(tc, element_set, family):
    """The ``clusters`` entry: definition, counts and how the doping series overlap."""
    sc = tc > 0
    not_sc = tc == 0
    shared = np.isin(element_set[not_sc], np.unique(element_set[sc]))
    sizes = np.unique(element_set, return_counts=True)[1]
    family = np.asarray(family, str)
    return {
        "definition": CLUSTER_DEFINITION,
        "resampling": CLUSTER_RESAMPLING,
        "n_rows": int(tc.size),
        "n_clusters": int(sizes.size),
        "n_clusters_with_superconducting": int(np.unique(element_set[sc]).size),
        "n_clusters_with_not_superconducting": int(np.unique(element_set[not_sc]).size),
        "by_family": {f: int(np.unique(element_set[family == f]).size) for f in FAMILIES},
        "rows_per_cluster": {"median": float(np.median(sizes)), "max": int(sizes.max())},
        "n_not_superconducting": int(not_sc.sum()),
        "n_not_superconducting_sharing_element_set": int(shared.sum()),
        "share_not_superconducting_sharing_element_set": float(shared.mean())
        if shared.size
        else float("nan"),
    }


def evaluate(*, B=1000, seed=stats.DEFAULT_SEED, convention=None, progress=None):
    """Score the guidelines, the model's quantities and the baselines on SuperCon.

    Parameters
    ----------
    B : int
        Bootstrap resamples per CI (>= 1; small values are for tests).
    seed : int
        Bootstrap seed (``numpy.random.default_rng``).
    convention : str, optional
        Radius convention (default [`electron_tunnel.materials.PRIMARY_CONVENTION`][]).
    progress : callable, optional
        Called with one line of text per step.

    Returns
    -------
    results : dict
        The content of ``screen-evaluation.json`` (see [`write_evaluation`][]). Every entry
        of ``guidelines``, ``features`` and ``baselines`` (all readable rows) has, besides
        ``auc_<target>``, ``auc_<target>_ci95`` (row bootstrap within classes) and
        ``auc_<target>_n``:

        * ``auc_superconducting_cluster_ci95``: ``[lo, hi]``, the pooled AUC superconducting
          vs not under the cluster bootstrap over element sets;
        * ``auc_superconducting_stratified`` and ``auc_tc10_stratified``: ``{"auc", "ci95",
          "by_family": {family: {"auc", "ci95", "n_pos", "n_neg"}}, "excluded_families",
          "n_pos", "n_neg", "n_clusters"}``, the within-family AUCs weighted by the family's
          number of rows (families holding both classes; the others are listed under
          ``excluded_families`` and left out), CI by drawing element sets within families.
          The population is that of ``auc_superconducting`` and ``auc_tc10``: every readable
          row with a finite score; for T_c >= 10 K the negatives are the superconductors
          below 10 K *and* the reported non-superconductors (T_c = 0);
        * ``auc_tc77_cuprates``: ``{"auc", "ci95", "n_pos", "n_neg", "n_clusters"}``, T_c >=
          77 K vs the other cuprates (superconducting or not), CI by drawing the cuprates'
          element sets.

        ``clusters`` (top level) gives the cluster definition, the number of element sets
        and the share of non-superconducting rows whose element set also occurs among the
        superconducting rows. The ``families`` sections do not carry these keys.
    table : pandas.DataFrame
        Every SuperCon row with its features, scores, family and baseline scores (the content
        of ``screen-features.csv``).
    """
    if not isinstance(B, (int, np.integer)) or B < 1:
        raise InputError(f"B (bootstrap resamples) must be an integer >= 1, got {B!r}")
    say = progress or (lambda _line: None)
    say("[1/4] features of every SuperCon row")
    table = supercon_features(convention)
    vec = element_vectors(convention)
    A, _errors = composition_matrix(table["name"].tolist(), vec["symbols"])
    ok = (table.error == "").to_numpy()
    table["family"] = np.where(ok, families(A, vec["symbols"]), "")
    symbols = np.asarray(vec["symbols"])
    table["element_set"] = ["-".join(symbols[row > 0]) for row in A > 0]
    mlX = ml_features(A, vec["table"])
    table["density_kg_m3_mean"] = mlX["density_kg_m3_mean"].to_numpy()
    table["boiling_point_K_mean"] = mlX["boiling_point_K_mean"].to_numpy()

    say("[2/4] machine-learning baseline")
    ml = ml_baseline(
        mlX[ok], table.Tc.to_numpy(float)[ok], table.element_set.to_numpy()[ok], progress=say
    )
    for t in TARGETS:
        col = np.full(len(table), np.nan)
        col[ok] = ml["oof"][t]
        table[f"ml_p_{t}"] = col
        ml["oof"][t] = col
    col = np.full(len(table), np.nan)
    col[ok] = ml.pop("random_split_oof_tc10")
    table["ml_p_tc10_random_split"] = col

    say("[3/4] AUCs and Spearman with bootstrap CIs: all rows")
    specs = _score_specs(table, ml)
    overall = _evaluate_population(table, ok, specs, B, seed, clustered=True)
    fam = {}
    for name in FAMILIES:
        say(f"[3/4] ... within {name}")
        m = ok & (table.family == name).to_numpy()
        tc = table.Tc.to_numpy(float)[m]
        fam[name] = {
            "n_rows": int(m.sum()),
            "n_superconducting": int((tc > 0).sum()),
            "n_not_superconducting": int((tc == 0).sum()),
            "n_tc10": int((tc >= 10).sum()),
            "n_tc77": int((tc >= 77).sum()),
        } | _evaluate_population(table, m, specs, B, seed)
    say("[4/4] summary")
    tc = table.Tc.to_numpy(float)[ok]
    confound = _family_confound(tc, table.family.to_numpy(str)[ok],
                                table.element_set.to_numpy(str)[ok], B, seed)  # fmt: skip
    clusters = _cluster_summary(tc, table.element_set.to_numpy(str)[ok], table.family[ok])
    unparsed = table[~ok]
    ml_entry = next(e for e in overall["baselines"] if e["id"] == "ml_hgb_groupkfold")
    ml_entry["accuracy_groupkfold"] = ml["accuracy"]
    ml_entry["random_split"] = ml["random_split"]
    ml_entry["published"] = STANEV_ACCURACY
    results = outputs.Result(
        {
            "attribution": {
                "data": "SuperCon (supercon-stanev2018.csv)",
                "citation": table.attrs.get("citation", ""),
                "license": table.attrs.get("license", ""),
            },
            "n_rows": len(table),
            "n_unparsed": int((~ok).sum()),
            "unparsed": [
                {"formula": f, "reason": r}
                for f, r in zip(unparsed["name"], unparsed["error"], strict=True)
            ],
            "n_superconducting": int((tc > 0).sum()),
            "n_not_superconducting": int((tc == 0).sum()),
            "n_tc10": int((tc >= 10).sum()),
            "n_tc77": int((tc >= 77).sum()),
            "n_without_score": int(np.isnan(table.guideline_score.to_numpy(float)[ok]).sum()),
            "settings": {
                "bootstrap_resamples": int(B),
                "seed": int(seed),
                "convention": vec["convention"],
                "score_rule": SCORE_RULE,
                "families": "first match: cuprates (Cu and O); iron-based (Fe with As, P, Se or "
                "Te); hydrides (H); rest",
                "orientation": "higher = more favourable by the paper (features the paper wants "
                "low enter negated); en_mean enters as is",
            },
            "clusters": clusters,
            "confound": confound,
            "guidelines": overall["guidelines"],
            "features": overall["features"],
            "baselines": overall["baselines"],
            "families": fam,
        }
    )
    return results, table
