"""The one switch between the NumPy path and the compiled kernels, and the blocked term sum.

**The switch.** The infinite series has two implementations with the same arithmetic: the
NumPy path (`._series`, `._roots`), which checks the input and writes every error
message, and the fused Numba kernels (`._kernels`), one pass over the data. Inputs that
broadcast to at least `COMPILED_MIN_SIZE` points go to the kernels (`compiled_for`);
smaller ones stay on NumPy, so that scalar calls (the command line, the explorer's read-outs)
never pay for importing Numba and loading the kernels (~0.5 s). Without a working Numba
everything takes the NumPy path. The two paths agree to about 1e-14 of the size of the summed
parts (``tests/test_kernels.py`` states the tolerances it checks; measured: below 1e-15); they
are not bit-identical, because the kernels fuse multiply-adds, evaluate ``H0`` and ``H1`` as
polynomials by Horner's rule and share one division per point (`._kernels` tells how). The
kernels are single-threaded unless asked for threads, so the model's calls from Dask workers
never oversubscribe the cores.

**The blocked sum.** The partial sums ``i = 0..N`` of eq (24) and its parts are vectorised over
points and terms at once; `blocked_sum` bounds the working memory to `TERM_BLOCK`
(point, term) pairs and adds the blocks from the last one (smallest terms) to the first.

Examples
--------
>>> use_compiled(COMPILED_MIN_SIZE - 1)
False
>>> import numpy as np
>>> [float(s[0]) for s in blocked_sum(lambda i: (1.0 / i**2,), 1, 1, 4)]  # 1 + 1/4 + 1/9
[1.3611111111111112]
"""

from __future__ import annotations

import functools
import math

import numpy as np

__all__ = [
    "COMPILED_MIN_SIZE",
    "TERM_BLOCK",
    "blocked_sum",
    "broadcast_shape",
    "compiled_for",
    "kernels",
    "use_compiled",
]

#: Inputs broadcasting to at least this many points take the compiled kernels: below it the
#: NumPy path is as fast (its fixed cost per call is a few tens of microseconds).
COMPILED_MIN_SIZE = 4096

#: Largest number of (point, term) pairs that :func:`blocked_sum` evaluates in one block
#: (8 MiB per float64 work array).
TERM_BLOCK = 1 << 20


@functools.cache
def kernels():
    """The compiled-kernel module `._kernels`, or ``None`` without a working Numba."""
    try:
        # deferred on purpose: importing Numba and loading the compiled kernels costs ~0.5 s
        from . import _kernels as module
    except Exception:  # pragma: no cover - numba is a declared dependency
        return None
    return module


def broadcast_shape(*args) -> tuple | None:
    """The shape the arguments broadcast to, or ``None`` when they do not broadcast."""
    try:
        return np.broadcast_shapes(*(np.shape(a) for a in args))
    except ValueError:
        return None


def use_compiled(size: int | None) -> bool:
    """True when ``size`` points should take the compiled kernels (and they are available).

    ``None`` (inputs that do not broadcast) is ``False``: the NumPy path reports the error.
    Numba is imported only when ``size`` reaches `COMPILED_MIN_SIZE`.
    """
    return size is not None and size >= COMPILED_MIN_SIZE and kernels() is not None


def compiled_for(*args):
    """The kernel module when the inputs broadcast to enough points for it, else ``None``."""
    shape = broadcast_shape(*args)
    return kernels() if use_compiled(None if shape is None else math.prod(shape)) else None


def blocked_sum(block_terms, n_points, first, stop, *, parts=1, budget=TERM_BLOCK) -> list:
    """Per-point sums over the term indices ``first .. stop - 1``, a block of terms at a time.

    Parameters
    ----------
    block_terms : callable
        ``block_terms(i)`` with ``i`` a ``(1, k)`` float64 array of consecutive term indices
        returns a tuple of ``parts`` arrays of shape ``(n_points, k)``, the terms of each sum.
    n_points : int
        Number of points (rows).
    first, stop : int
        Term indices ``first <= i < stop``; ``stop`` is also the most terms in one block.
    parts : int
        Number of sums computed together.
    budget : int
        Most (point, term) pairs per block; blocks hold at least 2 terms.

    Returns
    -------
    list of ndarray
        ``parts`` float64 arrays of ``n_points`` sums (zeros when the index range is empty).

    Notes
    -----
    Each block is summed by ``ndarray.sum`` (pairwise within the block) and the block sums are
    added from the last block to the first, so the smallest terms of a convergent series go in
    first. The rounding error of each sum is at most ``(stop - first) * eps * sum |terms|``,
    the bound of plain recursive summation, and in practice near
    ``(blocks + log2(terms per block)) * eps * sum |terms|``.
    """
    sums = [np.zeros(n_points) for _ in range(parts)]
    step = max(2, min(stop, budget // max(n_points, 1)))
    for start in list(range(first, stop, step))[::-1]:
        i = np.arange(start, min(start + step, stop), dtype=np.float64)[None, :]
        for total, block in zip(sums, block_terms(i), strict=True):
            total += block.sum(axis=1)
    return sums
