"""Computing a sweep block by block: the model on one chunk of the grid, and dask arrays.

Each output is computed, and kept, on the grid dimensions it depends on only
([`Spec.output_dims`][]: ``R_c`` does not depend on the orbit, ``critical_c`` not on ``c``),
so most of the work per point is the resisting distance itself (one pass of the compiled
kernel) and the comparison for ``state``. An output that lacks some grid dimensions is computed
by the chunks that are first along them ([`owns`][]), once.
"""

from __future__ import annotations

import numpy as np

from .. import chain, states
from ..diagram import Model, Parameters, for_element
from .spec import (
    DIAGRAM_PARAMS,
    LAYOUT_VERSION,
    LOOPED,
    OUTPUTS,
    VARIABLES,
    Spec,
    describe_function,
)

__all__ = ["block_outputs", "chunk_slices", "dask_outputs", "dataset", "owns"]

STATE_FLAGS = states.STATE_FLAGS


def _axis(values, k, ndim):
    shape = [1] * ndim
    shape[k] = values.size
    return values.reshape(shape)


def _field(spec: Spec, coords: dict, name: str, ndim: int):
    """A variable as an array broadcastable over the block (or a float if it is fixed)."""
    if name in coords:
        k = spec.names.index(name)
        return _axis(coords[name], k, ndim)
    return spec.fixed[name]


def _terms(value):
    return None if value < 0 else int(value)


_RC_CACHE: dict = {}  # small R_c(R_b, c) arrays, shared by the chunks along the orbit axis


def _conducting_radius(R_b, c, terms):
    """``chain.conducting_radius``, remembered for small inputs: in a direct sweep ``R_c``
    depends only on ``R_b`` and ``c``, so every chunk along ``x`` or ``R_v`` needs the same."""
    if R_b.size + c.size > 1 << 16:  # cache cap (512 KiB keys), not _accel's compiled switch
        return np.asarray(chain.conducting_radius(R_b, c, terms))
    key = (R_b.shape, R_b.tobytes(), c.shape, c.tobytes(), terms)
    hit = _RC_CACHE.get(key)
    if hit is None:
        if len(_RC_CACHE) > 16:
            _RC_CACHE.clear()
        hit = np.asarray(chain.conducting_radius(R_b, c, terms))
        hit.flags.writeable = False
        _RC_CACHE[key] = hit
    return hit


def _physics(R_b, r, c, terms, outputs, R_c=None):
    """The outputs from R_b, r (orbit) and c, each on the shape its inputs broadcast to.

    ``R_c`` may be given when the caller has it already (the diagram's [`Model`][]).
    """
    R_b = np.asarray(R_b, dtype=np.float64)
    r = np.asarray(r, dtype=np.float64)
    c = np.asarray(c, dtype=np.float64)
    out = {}
    if R_c is None and ("R_c" in outputs or "state" in outputs):
        R_c = _conducting_radius(R_b, c, terms)
    if "R_c" in outputs:
        out["R_c"] = R_c
    if "state" in outputs:
        out["state"] = states.state_codes(r, R_c)
    if "D" in outputs:
        out["D"] = states.on_domain(chain.resisting_distance, r, R_b, c, terms=terms)
    if "critical_c" in outputs:
        out["critical_c"] = states.on_domain(chain.critical_attraction, r, R_b, terms=terms)
    return out


def _diagram_parameters(spec: Spec, values: dict) -> Parameters:
    params = {k: v for k, v in spec.fixed.items() if k in DIAGRAM_PARAMS or k == "eos"}
    params.update(values)
    if "element" in spec.fixed:
        return for_element(spec.fixed["element"], **params)
    return Parameters(**params)


def owns(spec: Spec, index: tuple, name: str) -> bool:
    """True if the chunk ``index`` writes the output ``name``: it is the first chunk along
    every grid dimension the output does not depend on."""
    dims = spec.output_dims(name)
    return all(i == 0 for i, n in zip(index, spec.names, strict=True) if n not in dims)


def block_outputs(spec: Spec, index: tuple, names=None) -> dict:
    """Outputs of the chunk with block ``index`` (a tuple of chunk numbers), as arrays.

    Each output is on its own dimensions ([`Spec.output_dims`][]), restricted to the
    chunk. ``names``: the outputs to compute; default those the chunk writes ([`owns`][]).
    """
    if names is None:
        names = [name for name in spec.outputs if owns(spec, index, name)]
    sl = chunk_slices(spec, index)
    coords = {name: values[s] for (name, values), s in zip(spec.grid, sl, strict=True)}
    shape = tuple(s.stop - s.start for s in sl)
    ndim = len(shape)
    # looped variables have one value per chunk (Spec.chunks)
    values = {n: float(coords[n][0]) for n in spec.names if n in LOOPED}
    terms = _terms(values.pop("terms", spec.fixed.get("terms", -1.0)))
    if spec.mode == "direct":
        R_b = _field(spec, coords, "R_b", ndim)
        c = _field(spec, coords, "c", ndim)
        if "x" in spec.names or "x" in spec.fixed:
            r = np.asarray(_field(spec, coords, "x", ndim)) * R_b
        else:
            r = _field(spec, coords, "R_v", ndim)
        R_c = None
    else:  # the diagram's relations (or the user's) give R_b, R_v, c and R_c
        model = Model(_diagram_parameters(spec, values), **dict(spec.relations))
        T = _field(spec, coords, "T", ndim) if "T" in spec.names or "T" in spec.fixed else 0.0
        p = _field(spec, coords, "p", ndim) if "p" in spec.names or "p" in spec.fixed else 0.0
        R_b, r, c, R_c = model.fields(T, p, terms)
    result = {}
    for name, arr in _physics(R_b, r, c, terms, names, R_c).items():
        dims = spec.output_dims(name)
        # the first point along the dimensions it does not depend on (there it is constant)
        take = tuple(slice(None) if n in dims else 0 for n in spec.names)
        part = np.asarray(np.broadcast_to(arr, shape)[take], dtype=_dtype(name))
        result[name] = part if part.flags.c_contiguous else part.copy()  # keeps 0-d arrays 0-d
    return result


def _dtype(name):
    return np.int8 if name == "state" else np.float64


def chunk_grid(spec: Spec) -> tuple:
    """Number of chunks along each dimension."""
    return tuple(-(-n // c) for n, c in zip(spec.shape, spec.chunks(), strict=True))


def chunk_slices(spec: Spec, index: tuple) -> tuple:
    """The grid slices of the chunk with block ``index``."""
    return tuple(
        slice(i * c, min((i + 1) * c, n))
        for i, c, n in zip(index, spec.chunks(), spec.shape, strict=True)
    )


def _packed(spec: Spec, dims: tuple, names: list):
    """One dask array ``(len(names), *dims)`` whose blocks hold the outputs ``names`` (all on
    the dimensions ``dims``) of one chunk; ``state`` is carried as float64 (0, 1, 2 exactly)."""
    import dask.array as da  # deferred on purpose: dask is only needed for sweeps

    axes = [spec.names.index(d) for d in dims]
    chunks = spec.chunks()
    dims_chunks = tuple(
        tuple(min(chunks[k], spec.shape[k] - s) for s in range(0, spec.shape[k], chunks[k]))
        for k in axes
    )

    def block(block_info=None):
        loc = block_info[None]["chunk-location"][1:]
        index = [0] * len(spec.names)
        for k, i in zip(axes, loc, strict=True):
            index[k] = i
        out = block_outputs(spec, tuple(index), names)
        return np.stack([out[name].astype(np.float64) for name in names])

    return da.map_blocks(
        block,
        chunks=((len(names),), *dims_chunks),
        dtype=np.float64,
        meta=np.empty((0,) * (len(dims) + 1)),
        name=f"sweep-{'-'.join(names)}-{spec.digest()[:16]}",
    )


def dask_outputs(spec: Spec) -> dict:
    """Each output as a lazy dask array on its own dimensions ([`Spec.output_dims`][]),
    chunked as [`Spec.output_chunks`][]; outputs on the same dimensions share the work."""
    groups: dict = {}
    for name in spec.outputs:
        groups.setdefault(spec.output_dims(name), []).append(name)
    out = {}
    for dims, names in groups.items():
        arr = _packed(spec, dims, names)
        out.update({name: arr[k].astype(_dtype(name)) for k, name in enumerate(names)})
    return {name: out[name] for name in spec.outputs}


def dataset(spec: Spec, arrays: dict | None = None):
    """The sweep as an `xarray.Dataset` (lazy dask arrays unless ``arrays`` given).

    Units are in the ``units`` attributes; ``state`` is a CF flag variable
    (the CF flags of [`electron_tunnel.states.STATE_FLAGS`][]).
    """
    import xarray as xr  # deferred on purpose: only needed for sweeps

    arrays = dask_outputs(spec) if arrays is None else arrays
    data_vars = {}
    for name in spec.outputs:
        unit, text = OUTPUTS[name]
        attrs = {"long_name": text}
        if name == "state":
            attrs.update(STATE_FLAGS)
        else:
            attrs["units"] = unit
        data_vars[name] = (spec.output_dims(name), arrays[name], attrs)
    coords = {}
    for name, values in spec.grid:
        attrs = {"units": VARIABLES[name][1]}
        if name == "terms":
            attrs["comment"] = "-1 means the infinite series"
        if name == "x":
            attrs["long_name"] = "r / R_b"
        coords[name] = (name, values, attrs)
    attrs = {
        "title": "electron-tunnel sweep",
        "layout_version": LAYOUT_VERSION,
        "layout": "each output on the grid dimensions it depends on (xarray broadcasts them)",
        "mode": spec.mode,
        "fixed": ", ".join(f"{k}={v}" for k, v in spec.fixed.items()) or "none",
    }
    for name, fn in spec.relations:
        attrs[f"relation_{name}"] = describe_function(fn)
    for k, v in spec.fixed.items():
        attrs[f"fixed_{k}"] = v
        if k in VARIABLES:
            attrs[f"fixed_{k}_units"] = VARIABLES[k][1]
    return xr.Dataset(data_vars, coords=coords, attrs=attrs)
