"""Writing a sweep to a Zarr store chunk by chunk: resumable, with progress, on any scheduler.

Layout (``layout_version`` 2, [`LAYOUT_VERSION`][]): an
xarray-compatible Zarr (v3) group in which each output is stored on the grid dimensions it
depends on only ([`Spec.output_dims`][]; ``D`` and ``state`` on all of them, ``R_c`` without
the orbit, ``critical_c`` without ``c``) and chunked like the sweep on those dimensions
([`Spec.output_chunks`][], square-ish chunks of about ``chunk_points`` points), so that
each Zarr chunk is written whole by exactly one sweep chunk ([`compute.owns`][]).

After a chunk's data are written, its marker in the ``sweep_done`` array (one Zarr chunk per
marker) is set; a restart with the same specification (same SHA-256 in the
``sweep_spec_sha256`` attribute, which covers the layout) computes only the chunks without a
marker. A chunk interrupted half-way has no marker and is recomputed and rewritten whole, so
the finished store is the same, byte for byte, as an uninterrupted run. A store of another
layout is refused, never mixed. The store's metadata is first written to a temporary directory
beside the target and renamed into place, so a failed start leaves nothing half-made; when
every marker is set, the metadata are consolidated (a store interrupted before that opens
without them, and resumes).

Floats are stored raw: a full 53-bit mantissa hardly compresses. Measured (issue 24) on a
1000 × 1000 chunk of ``D`` (8 MB): Zstandard level 1 keeps 90 % of the bytes for 15 ms to
encode and 13 ms to decode, Blosc-Zstd with byte shuffle 89 % for 24 ms and 18 ms, Blosc-LZ4
100 %. On the whole 10⁴ × 10⁴ sweep (two shared cores), Zstandard level 1 on the floats made
the store 737 MB instead of 801 MB (-8 %) but the sweep 14.3-15.0 s instead of 8.6-11.1 s
(about +40 %) and a column read 2-3 times slower: it costs more than it gains. ``state``
(int8, three values) keeps Zarr's default compressor: it shrinks about 20,000-fold.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

from ..errors import InputError, require_extra
from .compute import block_outputs, chunk_grid, chunk_slices, dataset
from .spec import LAYOUT_VERSION, Spec

__all__ = ["SweepError", "consolidate", "done_chunks", "run", "write_chunk"]

DONE = "sweep_done"
HASH_ATTR = "sweep_spec_sha256"
LAYOUT_ATTR = "layout_version"


class SweepError(InputError):
    """Bad sweep request (bad store, mismatching spec, no space, no scheduler): one line."""


def _bytes(spec: Spec) -> int:
    """Upper bound of the store's size: every output on its dimensions, uncompressed."""
    sizes = dict(zip(spec.names, spec.shape, strict=True))
    return sum(
        (1 if name == "state" else 8) * math.prod(sizes[d] for d in spec.output_dims(name))
        for name in spec.outputs
    )


def _create(spec: Spec, path: Path) -> None:
    """Write the empty store (metadata, coordinates, markers) via a temporary directory."""
    import dask.array as da  # deferred on purpose: only needed for sweeps
    import zarr

    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise SweepError(f"cannot write the store {path}: {exc.strerror or exc}") from None
    try:
        sizes = dict(zip(spec.names, spec.shape, strict=True))
        lazy, encoding = {}, {}
        for name in spec.outputs:
            chunks = spec.output_chunks(name)
            shape = tuple(sizes[d] for d in spec.output_dims(name))
            dtype = np.int8 if name == "state" else float
            lazy[name] = da.zeros(shape, chunks=chunks, dtype=dtype)
            # floats with full mantissas hardly compress (measured: module docstring): stored
            # raw; the state compresses
            encoding[name] = {"chunks": chunks}
            if name != "state":
                encoding[name]["compressors"] = None
        ds = dataset(spec, lazy)
        ds.attrs[HASH_ATTR] = spec.digest()
        ds.attrs["sweep_spec"] = json.dumps(spec.canonical())
        ds.to_zarr(
            tmp, mode="w", compute=False, encoding=encoding, zarr_format=3, consolidated=False
        )
        grid = chunk_grid(spec)
        zarr.create_array(
            tmp / DONE,
            shape=grid,
            chunks=(1,) * len(grid),
            dtype="uint8",
            fill_value=0,
            dimension_names=[f"chunk_{n}" for n in spec.names],
            attributes={"long_name": "1 when the sweep chunk is complete"},
        )
        tmp.rename(path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _open_existing(spec: Spec, path: Path):
    # deferred on purpose: zarr is only needed when a sweep is written
    import zarr

    try:
        group = zarr.open_group(path, mode="r")
        stored = group.attrs.get(HASH_ATTR)
    except Exception:
        raise SweepError(
            f"{path} exists and is not a sweep store; choose another store path"
        ) from None
    if stored is None:
        raise SweepError(f"{path} exists and is not a sweep store; choose another store path")
    layout = group.attrs.get(LAYOUT_ATTR, 1)  # layout 1 had no such attribute
    if layout != LAYOUT_VERSION:
        raise SweepError(
            f"{path} was written with sweep store layout {layout} (every output on the full "
            f"grid), this version writes layout {LAYOUT_VERSION} and does not resume or mix "
            "it; write to another store path, or delete the old store and run again"
            if layout == 1 else
            f"{path} was written with sweep store layout {layout}, this version writes layout "
            f"{LAYOUT_VERSION}; write to another store path"
        )  # fmt: skip
    if stored != spec.digest():
        raise SweepError(
            f"{path} holds a different sweep (spec hash {stored[:12]}, this spec "
            f"{spec.digest()[:12]}); use the same spec to resume or another --out"
        )


def done_chunks(path) -> np.ndarray:
    """Boolean array over the chunk grid: True where the chunk is complete."""
    # deferred on purpose: zarr is only needed when a sweep is written
    import zarr

    return zarr.open_array(Path(path) / DONE, mode="r")[...] == 1


def consolidate(path) -> None:
    """Write the store's consolidated metadata (one read opens it; xarray does not warn)."""
    import zarr  # deferred on purpose: zarr is only needed when a sweep is written

    with warnings.catch_warnings():
        # zarr 3 warns on every call that consolidated metadata is not (yet) part of the Zarr
        # v3 specification; zarr-python and xarray read it, and it is what keeps
        # xarray.open_zarr from warning about unconsolidated metadata on every open
        warnings.filterwarnings("ignore", "Consolidated metadata is currently not part")
        zarr.consolidate_metadata(Path(path), zarr_format=3)


def write_chunk(spec: Spec, path: str, index: tuple) -> int:
    """Compute chunk ``index``, write its region of the outputs it owns, then set its marker.

    Returns the number of grid points of the chunk. Runs on any dask worker that sees ``path``.
    """
    out = block_outputs(spec, index)
    region = chunk_slices(spec, index)
    digest = spec.digest()
    for name, arr in out.items():
        dims = spec.output_dims(name)
        where = tuple(s for s, n in zip(region, spec.names, strict=True) if n in dims)
        _array(path, digest, name)[where] = arr
    _array(path, digest, DONE)[tuple(slice(i, i + 1) for i in index)] = 1
    return int(np.prod([s.stop - s.start for s in region]))


_OPEN: dict = {}  # (store, spec hash, array) -> open zarr array, per process


def _array(path, digest, name):
    """The store's array ``name`` opened for writing, reused across chunks (its metadata is
    read once per process, not once per chunk)."""
    key = (str(path), digest, name)
    arr = _OPEN.get(key)
    if arr is None:
        # deferred on purpose: zarr is only needed when a sweep is written
        import zarr

        if len(_OPEN) > 256:
            _OPEN.clear()
        arr = _OPEN[key] = zarr.open_array(Path(path) / name, mode="r+")
    return arr


class _Progress:
    """Chunks done, points per second and time left, on stderr at most once a second."""

    def __init__(self, total_chunks, done, points_left, quiet, stream=None):
        self.total, self.done, self.quiet = total_chunks, done, quiet
        self.points_left = points_left
        self.stream = stream or sys.stderr
        self.start = time.perf_counter()
        self.points = 0
        self.last = 0.0

    def __call__(self, points, final=False):
        self.done += 1
        self.points += points
        now = time.perf_counter()
        if self.quiet or (not final and now - self.last < 1.0 and self.done < self.total):
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = self.points / elapsed
        left = (self.points_left - self.points) / rate if rate > 0 else math.inf
        self.stream.write(
            f"sweep: {self.done}/{self.total} chunks, {rate:.3g} points/s, {left:.0f} s left\n"
        )
        self.stream.flush()


def _client(address, timeout):
    try:
        from distributed import Client  # deferred on purpose: only with a scheduler
    except ImportError:  # pragma: no cover - declared dependency
        raise SweepError("scheduler: needs the 'distributed' package") from None
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SweepError(f"cannot reach the dask scheduler at {address}: {exc}") from None


def run(spec: Spec, out, *, scheduler=None, quiet=False, timeout=5.0, max_chunks=None):
    """Compute the sweep into the Zarr store ``out`` (create it or resume it).

    Parameters
    ----------
    spec : Spec
        The sweep.
    out : str or Path
        Zarr store directory (``.zarr``). If it exists it must hold the same spec.
    scheduler : str or distributed.Client, optional
        Address of a ``dask.distributed`` scheduler (or a Client); default: local threads.
    quiet : bool
        No progress lines on stderr.
    timeout : float
        Seconds to wait for the scheduler.
    max_chunks : int, optional
        Stop after this many chunks (for tests and demonstrations of resumption).

    Returns
    -------
    dict
        ``chunks_total``, ``chunks_computed``, ``points``, ``seconds``, ``points_per_s``.
    """
    path = Path(out).absolute()
    if path.exists():
        _open_existing(spec, path)
    client = None
    if scheduler is not None:  # connect first: a failure must leave nothing behind
        # deferred on purpose: distributed is only needed with a scheduler (the [sweep] extra)
        Client = require_extra("distributed", "a sweep on a scheduler", "sweep").Client

        client = scheduler if isinstance(scheduler, Client) else _client(scheduler, timeout)
    try:
        return _run(spec, path, client, scheduler, quiet, max_chunks)
    finally:
        if client is not None and client is not scheduler:
            client.close()


def _run(spec, path, client, scheduler, quiet, max_chunks):
    # deferred on purpose: dask is only needed when a sweep runs
    import dask

    grid = chunk_grid(spec)
    all_idx = list(itertools.product(*(range(g) for g in grid)))
    if not path.exists():
        need = _bytes(spec)
        parent = next((p for p in [path.parent, *path.parents] if p.exists()), Path("/"))
        if not parent.is_dir():
            raise SweepError(f"cannot write the store {path}: {parent} is not a directory")
        free = shutil.disk_usage(parent).free
        if need > free:
            raise SweepError(
                f"the sweep needs up to {need / 1e9:.3g} GB but {parent} has "
                f"{free / 1e9:.3g} GB free; make the grid smaller or choose another store path"
            )
        if not os.access(parent, os.W_OK):
            raise SweepError(f"cannot write the store {path}: {parent} is not writable")
        _create(spec, path)
    done = done_chunks(path)
    todo = [idx for idx in all_idx if not done[idx]]
    if max_chunks is not None:
        todo = todo[:max_chunks]
    sizes = {idx: math.prod(s.stop - s.start for s in chunk_slices(spec, idx)) for idx in todo}
    progress = _Progress(len(all_idx), len(all_idx) - len(todo) - (0 if max_chunks is None else
                         sum(1 for i in all_idx if not done[i]) - len(todo)),
                         sum(sizes.values()), quiet)  # fmt: skip
    t0 = time.perf_counter()
    tasks = [dask.delayed(write_chunk, pure=False)(spec, str(path), idx) for idx in todo]
    if client is None:
        _run_local(tasks, progress)
    else:
        _run_distributed(tasks, progress, client)
    if done_chunks(path).all():  # finished (now or before): consolidate the metadata
        consolidate(path)
    seconds = time.perf_counter() - t0
    points = sum(sizes.values())
    if todo and not quiet:
        progress.stream.write(f"sweep: wrote {points:,} points to {path} in {seconds:.1f} s\n")
    return {
        "chunks_total": len(all_idx),
        "chunks_computed": len(todo),
        "points": points,
        "seconds": seconds,
        "points_per_s": points / seconds if seconds > 0 else math.nan,
        "store": str(path),
    }


def _run_local(tasks, progress):
    # deferred on purpose: dask is only needed when a sweep runs
    import dask
    from dask.callbacks import Callback

    class Count(Callback):
        def _posttask(self, key, result, dsk, state, worker_id):
            name = key[0] if isinstance(key, tuple) else key
            if str(name).startswith("write_chunk"):
                progress(result)

    with Count():
        dask.compute(*tasks, scheduler="threads")


def _run_distributed(tasks, progress, client):
    # deferred on purpose: distributed is only needed with --scheduler
    from distributed import as_completed

    futures = client.compute(tasks)
    for fut in as_completed(futures):
        progress(fut.result())
