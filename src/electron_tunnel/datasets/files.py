"""The one place that opens the package's data files (``electron_tunnel/data``)."""

from __future__ import annotations

from importlib import resources

import pandas as pd

__all__ = ["FACTS", "PAPER", "PER_ROW", "read_csv"]

PAPER = "J. Z. Liu, Unified Theory of Low and High-Temperature Superconductivity"
PER_ROW = "per-row sources in the 'source' column"
FACTS = "facts from the cited publications, one citation per row"


def read_csv(name: str, dtype=None, **attrs: str) -> pd.DataFrame:
    """A shipped CSV file of ``electron_tunnel/data`` with ``attrs`` (citation, license, ...)."""
    with resources.files("electron_tunnel.data").joinpath(name).open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=dtype, keep_default_na=dtype is None)
    df.attrs.update(attrs, file=name)
    return df
