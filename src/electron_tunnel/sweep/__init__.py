"""Sweeps of the model over large grids, chunk by chunk with dask, into resumable Zarr stores.

``etunnel sweep`` is the command-line front end. A grid over any of the model's inputs
(``R_v`` or ``x = r/R_b``, ``R_b``, ``c``, ``terms``, or temperature, pressure and the
state-diagram parameters) is computed chunk by chunk with `dask.array` and written to a
Zarr store; a restart with the same specification computes only the missing chunks, and
``scheduler=`` runs it on a ``dask.distributed`` cluster. Each output is kept on the grid
dimensions it depends on (``R_c`` has no orbit dimension, ``critical_c`` no ``c``); xarray
broadcasts them against the others (``ds.R_c.broadcast_like(ds.D)`` for the full grid).

Examples
--------
>>> from electron_tunnel import sweep
>>> spec = sweep.spec_from_items([("set", "R_b", "155pm"), ("range", "x", "0.1:1.9:4"),
...                               ("list", "c", "0.1,1")])
>>> ds = sweep.dataset(spec).compute()
>>> ds["state"].values.tolist()  # rows x = 0.1, 0.7, 1.3, 1.9; columns c = 0.1, 1
[[0, 1], [0, 2], [0, 2], [0, 2]]
>>> ds["R_c"].dims, ds["critical_c"].dims, ds["D"].dims
(('c',), ('x',), ('x', 'c'))
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ..diagram import for_element
from ..errors import InputError, require_extra
from .compute import block_outputs, chunk_grid, dask_outputs, dataset, owns
from .spec import (
    LAYOUT_VERSION,
    OUTPUTS,
    READS,
    VARIABLES,
    Spec,
    load_toml,
    parse_values,
    spec_from_items,
)
from .store import SweepError, consolidate, done_chunks, run, write_chunk

# The sweep is the [sweep] extra: without Dask or Zarr, importing this package fails at once with
# one line naming the extra (distributed is checked when a scheduler is used).
for _module in ("dask.array", "zarr"):
    require_extra(_module, "electron_tunnel.sweep", "sweep")

__all__ = [
    "LAYOUT_VERSION",
    "OUTPUTS",
    "READS",
    "VARIABLES",
    "Spec",
    "SweepError",
    "block_outputs",
    "chunk_grid",
    "consolidate",
    "dask_outputs",
    "dataset",
    "done_chunks",
    "load_toml",
    "owns",
    "parse_values",
    "run",
    "spec_from_items",
    "state_diagram",
    "sweep",
    "write_chunk",
]


def sweep(out=None, *, set=None, ranges=None, lists=None, outputs=None, chunk_points=1 << 20,
          scheduler=None, quiet=True):  # fmt: skip
    """Sweep the model over a grid; write it to the Zarr store ``out`` or return it lazily.

    Parameters
    ----------
    out : str or Path, optional
        Zarr store to create or resume. ``None``: return the lazy (dask-backed) Dataset.
    set : dict, optional
        Fixed values, e.g. ``{"R_b": "155pm", "terms": "inf"}`` (numbers are SI).
    ranges : dict, optional
        ``{"x": "0.01:1.99:2000"}`` (inclusive ``start:stop:num``) or ``(start, stop, num)``.
    lists : dict, optional
        ``{"c": [0.1, 0.5, 1.0]}``.
    outputs : sequence of str, optional
        Subset of ``D`` (also the relative resistivity, eq 35), ``R_c``, ``critical_c``,
        ``state``; default all.
    chunk_points : int
        Target points per chunk.
    scheduler : str, optional
        ``dask.distributed`` scheduler address (with ``out``).
    quiet : bool
        No progress on stderr.

    Returns
    -------
    xarray.Dataset
        Lazy when ``out`` is None, else the store opened with `xarray.open_zarr`.
        Dimensions follow the order ranges, then lists; each output has the dimensions it
        depends on ([`Spec.output_dims`][]).
    """
    import xarray as xr  # deferred on purpose: only needed for sweeps

    items = [("set", k, v) for k, v in (set or {}).items()]
    for k, v in (ranges or {}).items():
        if isinstance(v, (tuple, list)):
            v = dict(zip(("start", "stop", "num"), v, strict=True))
        items.append(("range", k, v))
    items += [("list", k, v) for k, v in (lists or {}).items()]
    spec = spec_from_items(items, outputs=outputs, chunk_points=chunk_points)
    if out is None:
        return dataset(spec)
    run(spec, out, scheduler=scheduler, quiet=quiet)
    return xr.open_zarr(out)


def state_diagram(params, temperature, pressure, *, out=None, terms=None, R_b=None, R_v=None,
                  c=None, chunk_points=1 << 20, outputs=("D", "R_c", "state"), scheduler=None,
                  quiet=True):  # fmt: skip
    """[`electron_tunnel.diagram.state_diagram`][] computed chunk by chunk (bounded memory).

    Parameters
    ----------
    params : electron_tunnel.diagram.Parameters or str
        Constitutive parameters, or an element symbol (its defaults).
    temperature, pressure : array_like
        Increasing grids [K] and [Pa], >= 0.
    out : str or Path, optional
        Zarr store; ``None`` returns the lazy Dataset.
    terms : int or None
        Series (default: infinite).
    R_b, R_v, c : callable, optional
        User functions ``f(T, p)`` replacing the default relations, as in
        [`electron_tunnel.diagram.state_diagram`][] (through
        [`electron_tunnel.diagram.Model`][]). They must be picklable to run on a cluster.
    chunk_points, outputs, scheduler, quiet
        As in [`sweep`][].

    Returns
    -------
    xarray.Dataset
        Dimensions ``T`` [K] and ``p`` [Pa]; same rule and values as the in-memory diagram.
    """
    import xarray as xr  # deferred on purpose: only needed for sweeps

    if isinstance(params, str):
        params = for_element(params)
    fixed = {k: v for k, v in dataclasses.asdict(params).items() if k != "label"}
    items = [("set", k, v) for k, v in fixed.items()]
    items.append(("set", "terms", "inf" if terms is None else int(terms)))
    for name, values in (("T", temperature), ("p", pressure)):
        arr = np.asarray(values, dtype=float)
        if arr.ndim != 1 or arr.size < 1 or np.any(np.diff(arr) <= 0):
            raise InputError(f"{name} must be a strictly increasing 1-D grid")
        items.append(("list", name, [float(v) for v in arr]))
    relations = {"R_b": R_b, "R_v": R_v, "c": c}
    spec = spec_from_items(items, outputs=outputs, chunk_points=chunk_points, relations=relations)
    if out is None:
        return dataset(spec)
    run(spec, out, scheduler=scheduler, quiet=quiet)
    return xr.open_zarr(out)
