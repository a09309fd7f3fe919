"""The machine-learning baseline as two final models, trained once and cached on disk.

Two ``HistGradientBoostingClassifier`` models (scikit-learn, ``random_state`` =
`ML_SEED`, otherwise its defaults: the settings of
`electron_tunnel.screen.evaluation.ml_baseline`) are trained on every readable SuperCon
row, one per target: superconducting (T_c > 0) and T_c >= 10 K. The features are
[`electron_tunnel.screen.ml_features`][] of the formula. [`ml_probabilities`][] gives
``ml_p_superconducting`` and ``ml_p_tc10`` for any formulas; `supercon_out_of_fold` gives
the out-of-fold (``GroupKFold`` over element sets) probabilities of the SuperCon rows, the
reference distribution against which new formulas are placed.

Cache
-----
The trained trees are exported to plain arrays (threshold, feature, children, leaf value of
every node) and written, with [`electron_tunnel.outputs.atomic_write`][], as an ``.npz``
file in the user cache directory (``$ETUNNEL_CACHE_DIR`` or the directory of
[`electron_tunnel.materials.cache_path`][]). Its name carries a hash of everything the
models depend on: this package's, scikit-learn's, NumPy's and the element data's versions,
the SuperCon table's content, the features and the settings. Nothing is unpickled: the file is
read with ``allow_pickle=False``, its SHA-256 digest and key are checked and every node index
is validated; a file that fails any check (corrupt, truncated, from other inputs) is rebuilt,
never trusted. Prediction walks the stored trees with NumPy (no scikit-learn import; for many
rows, with the same comparisons compiled by Numba), and the export is checked against
scikit-learn's own ``predict_proba`` when the models are built. The out-of-fold
probabilities of `electron_tunnel.screen.evaluation.ml_baseline` are cached the same way
(`cache_file_for`, `read_arrays`, `write_arrays`), keyed by a hash of their inputs.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import zipfile
from importlib.metadata import version

import numpy as np
import pandas as pd

from .. import __version__, datasets, materials, outputs
from ..errors import ElectronTunnelError, InputError, OutputError
from .features import ML_PROPERTIES, composition_matrix, element_vectors, ml_features

__all__ = [
    "ML_SEED",
    "ML_SETTINGS",
    "ML_TARGETS",
    "cache_file",
    "cache_file_for",
    "load_models",
    "ml_probabilities",
    "predict",
    "read_arrays",
    "supercon_out_of_fold",
    "write_arrays",
]

#: ``random_state`` of the models (the default seed of ``evaluation.ml_baseline``).
ML_SEED = 0
#: Target -> its definition; the column of a target is ``ml_p_<target>``.
ML_TARGETS = {"superconducting": "T_c > 0", "tc10": "T_c >= 10 K"}
#: Everything the models depend on besides the data (part of the cache key).
ML_SETTINGS = {
    "estimator": "sklearn.ensemble.HistGradientBoostingClassifier",
    "parameters": {"random_state": ML_SEED},
    "other_parameters": "scikit-learn defaults (early stopping on a 10 % validation split "
    "above 10,000 rows, seeded by random_state)",
    "threads": 1,
    "training_rows": "every readable SuperCon row (supercon-stanev2018.csv)",
    "targets": ML_TARGETS,
    "features": "fraction-weighted mean, std, min, max, range of " + ", ".join(ML_PROPERTIES),
    "out_of_fold": "GroupKFold(5) over exact element sets (evaluation.ml_baseline)",
}
_FORMAT = 1
_NODE_FIELDS = ("feature", "threshold", "missing_left", "left", "right", "is_leaf", "value")
_MEMO: dict[str, object] = {}


# --------------------------------------------------------------------------- the cache key
def _supercon_digest(sc):
    names = "\x1f".join(sc["name"].astype(str)).encode()
    return hashlib.sha256(names + sc["Tc"].to_numpy(np.float64).tobytes()).hexdigest()


@functools.lru_cache(maxsize=1)
def _inputs(elements_name):
    """Digest of everything but the kind (versions, SuperCon's content, settings)."""
    parts = {
        "format": _FORMAT,
        "package": __version__,
        "scikit-learn": version("scikit-learn"),
        "numpy": np.__version__,
        "elements": elements_name,
        "supercon": _supercon_digest(datasets.supercon()),
        "settings": ML_SETTINGS,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def cache_file(kind="models"):
    """Path and key of the cached models (``kind="models"``) or out-of-fold probabilities
    (``"oof"``).

    The key is a SHA-256 of the kind, the versions of this package, scikit-learn, NumPy and
    the element data, SuperCon's content and [`ML_SETTINGS`][] (computed once per process);
    the file name holds its first 16 hex digits.
    """
    elements = materials.cache_path()
    key = hashlib.sha256(f"{kind}|{_inputs(elements.name)}".encode()).hexdigest()
    return elements.parent / f"screen-ml-{kind}-{key[:16]}.npz", key


def cache_file_for(kind, inputs_digest):
    """Path and key of a cache file of arrays computed from inputs of SHA-256 ``inputs_digest``.

    The key is a SHA-256 of the kind, the digest and the versions of this package,
    scikit-learn and NumPy; the file lies beside the models' ([`cache_file`][]).
    """
    parts = {"format": _FORMAT, "kind": kind, "inputs": inputs_digest, "package": __version__}
    parts |= {"scikit-learn": version("scikit-learn"), "numpy": np.__version__}
    key = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
    return materials.cache_path().parent / f"screen-ml-{kind}-{key[:16]}.npz", key


def read_arrays(path, key):
    """The arrays of a cache file of `write_arrays`, or ``None`` if it fails any check."""
    got = _read(path, key)
    return None if got is None else got[0]


def write_arrays(path, key, arrays, meta=None):
    """Write ``arrays`` (name -> NumPy array, no objects) as a cache file under ``key``."""
    _write(path, key, arrays, meta or {})


def _digest(arrays):
    h = hashlib.sha256()
    for name in sorted(arrays):
        a = np.ascontiguousarray(arrays[name])
        h.update(f"{name}|{a.dtype.str}|{a.shape}".encode())
        h.update(a.tobytes())
    return h.hexdigest()


def _write(path, key, arrays, meta):
    meta = dict(meta, key=key, digest=_digest(arrays), format=_FORMAT)
    payload = dict(arrays, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
    buf = io.BytesIO()
    np.savez(buf, **payload)
    try:
        outputs.atomic_write(path, buf.getvalue())
    except OutputError:
        pass  # a read-only cache is not an error: the models are rebuilt next time


def _read(path, key):
    """The arrays and metadata of a cache file, or ``None`` if it fails any check."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        meta = json.loads(arrays.pop("meta").tobytes().decode())
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, UnicodeDecodeError):
        return None
    if not isinstance(meta, dict) or meta.get("key") != key or meta.get("format") != _FORMAT:
        return None
    if meta.get("digest") != _digest(arrays):
        return None
    return arrays, meta


# --------------------------------------------------------------------------- the trees
#: Rows x trees from which a prediction walks the trees with compiled code (Numba).
_COMPILED_MIN = 1 << 16


@functools.cache
def _compiled_walk():
    """The leaf of every (row, tree), by compiled code (Numba); ``None`` without Numba."""
    try:
        # deferred on purpose: importing Numba costs ~0.5 s; screening a few formulas (< 2 s)
        # walks the trees with NumPy, only predictions for many rows use the compiled walk
        import numba
    except Exception:  # pragma: no cover - numba is a declared dependency
        return None

    def walk(X, roots, feature, threshold, missing_left, left, right, is_leaf, out):
        for i in range(X.shape[0]):
            for t in range(roots.size):
                node = roots[t]
                while not is_leaf[node]:
                    x = X[i, feature[node]]
                    go_left = missing_left[node] if np.isnan(x) else x <= threshold[node]
                    node = left[node] if go_left else right[node]
                out[i, t] = node

    try:
        return numba.njit(cache=True, nogil=True)(walk)
    except Exception:  # no writable cache location: compile in memory
        return numba.njit(cache=False, nogil=True)(walk)


class _Trees:
    """The trees of one fitted binary ``HistGradientBoostingClassifier`` as flat arrays."""

    def __init__(self, arrays, n_features):
        self.__dict__.update(arrays)
        self.n_features = n_features

    @classmethod
    def from_sklearn(cls, model):
        rows, roots = [], []
        offset = 0
        for (predictor,) in model._predictors:  # one tree per iteration for a binary target
            nodes = predictor.nodes
            if nodes["is_categorical"].any():
                raise InputError("categorical splits are not exported")
            roots.append(offset)
            rows.append(
                {
                    "feature": nodes["feature_idx"].astype(np.int64),
                    "threshold": nodes["num_threshold"].astype(np.float64),
                    "missing_left": nodes["missing_go_to_left"].astype(bool),
                    "left": nodes["left"].astype(np.int64) + offset,
                    "right": nodes["right"].astype(np.int64) + offset,
                    "is_leaf": nodes["is_leaf"].astype(bool),
                    "value": nodes["value"].astype(np.float64),
                }
            )
            offset += len(nodes)
        arrays = {f: np.concatenate([r[f] for r in rows]) for f in _NODE_FIELDS}
        arrays["roots"] = np.asarray(roots, np.int64)
        arrays["baseline"] = np.asarray(model._baseline_prediction, np.float64).reshape(1)
        return cls(arrays, model.n_features_in_)

    def arrays(self, prefix):
        names = (*_NODE_FIELDS, "roots", "baseline")
        return {f"{prefix}{n}": getattr(self, n) for n in names}

    @classmethod
    def from_arrays(cls, arrays, prefix, n_features):
        """Rebuild from stored arrays; ``ValueError`` if they do not describe valid trees."""
        a = {n: arrays[f"{prefix}{n}"] for n in (*_NODE_FIELDS, "roots", "baseline")}
        n = a["value"].shape[0]
        kinds = {"feature": "i", "left": "i", "right": "i", "roots": "i", "threshold": "f"}
        kinds |= {"value": "f", "baseline": "f", "missing_left": "b", "is_leaf": "b"}
        for name, kind in kinds.items():
            if a[name].dtype.kind != kind or a[name].ndim != 1:
                raise InputError(f"{name}: wrong type")
        if any(a[f].shape[0] != n for f in _NODE_FIELDS) or a["baseline"].shape != (1,):
            raise InputError("node arrays of unequal length")
        inner = ~a["is_leaf"]
        idx = np.arange(n)
        roots = a["roots"]
        if roots.size == 0 or roots[0] != 0 or np.any(np.diff(roots) <= 0) or roots[-1] >= n:
            raise InputError("bad tree offsets")
        # children lie after their parent inside the same tree: no loops, no escapes
        tree_end = np.append(roots[1:], n)[np.searchsorted(roots, idx, side="right") - 1]
        for side in ("left", "right"):
            child = a[side][inner]
            if np.any(child <= idx[inner]) or np.any(child >= tree_end[inner]):
                raise InputError(f"bad {side} child")
        feat = a["feature"][inner]
        if np.any(feat < 0) or np.any(feat >= n_features):
            raise InputError("bad feature index")
        if not np.all(np.isfinite(a["value"][a["is_leaf"]])) or not np.isfinite(a["baseline"][0]):
            raise InputError("non-finite leaf value")
        return cls(a, n_features)

    def raw(self, X):
        """Raw scores (log-odds) of the rows of ``X`` (n, n_features)."""
        X = np.asarray(X, np.float64)
        n = X.shape[0]
        walk = _compiled_walk() if n * self.roots.size >= _COMPILED_MIN else None
        if walk is not None:  # the same leaves, found by compiled code
            node = np.empty((n, self.roots.size), np.int64)
            fields = (self.feature, self.threshold, self.missing_left, self.left, self.right)
            walk(np.ascontiguousarray(X), self.roots, *fields, self.is_leaf, node)
            return self.baseline[0] + self.value[node].sum(axis=1)
        node = np.broadcast_to(self.roots, (n, self.roots.size)).copy()
        rows = np.arange(n)[:, None]
        while True:
            active = ~self.is_leaf[node]
            if not active.any():
                break
            f = self.feature[node]
            x = X[rows, f]
            go_left = np.where(np.isnan(x), self.missing_left[node], x <= self.threshold[node])
            nxt = np.where(go_left, self.left[node], self.right[node])
            node = np.where(active, nxt, node)
        return self.baseline[0] + self.value[node].sum(axis=1)

    def proba(self, X):
        """P(target) of the rows of ``X``."""
        return 1.0 / (1.0 + np.exp(-self.raw(X)))


# --------------------------------------------------------------------------- training
def _training_data():
    table = datasets.supercon()
    vec = element_vectors()
    A, errors = composition_matrix(table["name"].tolist(), vec["symbols"])
    ok = errors == ""
    X = ml_features(A[ok], vec["table"])
    symbols = np.asarray(vec["symbols"])
    groups = np.asarray(["-".join(symbols[row > 0]) for row in A[ok] > 0])
    return X, table["Tc"].to_numpy(float)[ok], groups, table["name"].to_numpy(str)[ok]


def _fit(progress):
    # deferred on purpose: scikit-learn is needed only to build the cache, once
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    X, tc, _groups, _names = _training_data()
    Xv = X.to_numpy(float)
    targets = {"superconducting": tc > 0, "tc10": tc >= 10.0}
    trees = {}
    for name, y in targets.items():
        if progress:
            progress(f"  training the ML model ({ML_TARGETS[name]}) on {len(y)} SuperCon rows")
        # one OpenMP thread: on a shared, busy machine more threads made a fit much slower
        with threadpool_limits(1):
            model = HistGradientBoostingClassifier(random_state=ML_SEED).fit(Xv, y.astype(int))
            expect = model.predict_proba(Xv)[:, 1]
        t = _Trees.from_sklearn(model)
        if not np.allclose(t.proba(Xv), expect, rtol=0, atol=1e-9):
            raise ElectronTunnelError("exported trees do not reproduce scikit-learn's predictions")
        trees[name] = t
    return trees, list(X.columns)


def load_models(*, refresh=False, progress=None):
    """The two final models, from the cache or trained now (and cached).

    Parameters
    ----------
    refresh : bool
        Retrain even if a valid cache exists.
    progress : callable, optional
        Called with a line of text when the models are trained.

    Returns
    -------
    dict
        ``trees`` (target -> model with ``proba(X)``), ``features`` (column names, in order),
        ``source`` (``"cache"`` or ``"trained"``) and ``path``.
    """
    path, key = cache_file("models")
    memo = f"{path}|{key}"
    if not refresh and memo in _MEMO:
        return _MEMO[memo]
    got = None if refresh else _read(path, key)
    out = None
    if got is not None:
        arrays, meta = got
        try:
            features = list(meta["features"])
            trees = {t: _Trees.from_arrays(arrays, f"{t}/", len(features)) for t in ML_TARGETS}
            out = {"trees": trees, "features": features, "source": "cache", "path": path}
        except (KeyError, TypeError, ValueError):
            out = None
    if out is None:
        trees, features = _fit(progress)
        arrays = {}
        for t, tr in trees.items():
            arrays |= tr.arrays(f"{t}/")
        _write(path, key, arrays, {"features": features, "settings": ML_SETTINGS})
        out = {"trees": trees, "features": features, "source": "trained", "path": path}
    _MEMO[memo] = out
    return out


def predict(X, models=None):
    """``ml_p_<target>`` columns for a feature table ([`ml_features`][])."""
    models = load_models() if models is None else models
    if list(X.columns) != models["features"]:
        raise InputError("X: feature columns differ from those the models were trained on")
    Xv = X.to_numpy(float)
    return pd.DataFrame(
        {f"ml_p_{t}": models["trees"][t].proba(Xv) for t in ML_TARGETS}, index=X.index
    )


def ml_probabilities(A, table=None, *, ok=None, models=None):
    """``ml_p_superconducting`` and ``ml_p_tc10`` of every row of a composition matrix.

    Rows where ``ok`` is false (formulas that were not read) get NaN.
    """
    X = ml_features(A, table)
    p = predict(X, models)
    if ok is not None:
        p.loc[~np.asarray(ok, bool), :] = np.nan
    return p


def supercon_out_of_fold(*, refresh=False, progress=None):
    """Out-of-fold probabilities of every readable SuperCon row (cached like the models).

    From `electron_tunnel.screen.evaluation.ml_baseline` (``GroupKFold``, 5 folds over
    element sets, the same estimator settings): what a model that never saw a row's element
    set gives that row.

    Returns
    -------
    pandas.DataFrame
        ``name``, ``Tc``, ``ml_p_superconducting``, ``ml_p_tc10`` (readable rows, SuperCon order).
    """
    path, key = cache_file("oof")
    got = None if refresh else _read(path, key)
    if got is not None:
        arrays, _meta = got
        try:
            df = pd.DataFrame({k: arrays[k] for k in ("name", "Tc", *_oof_cols())})
            if df.shape[0] > 0 and all(df[c].dtype.kind == "f" for c in _oof_cols()):
                return df
        except (KeyError, ValueError):
            pass
    # deferred on purpose: the evaluation module loads scipy.stats (via stats) and sklearn
    from .evaluation import ml_baseline

    X, tc, groups, names = _training_data()
    ml = ml_baseline(X, tc, groups, seed=ML_SEED, progress=progress)
    arrays = {"name": names.astype(str), "Tc": tc}
    arrays |= {f"ml_p_{t}": np.asarray(ml["oof"][t], float) for t in ML_TARGETS}
    _write(path, key, arrays, {"settings": ML_SETTINGS})
    return pd.DataFrame(arrays)


def _oof_cols():
    return tuple(f"ml_p_{t}" for t in ML_TARGETS)
