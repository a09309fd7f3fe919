"""Real elements: data from maintained libraries, the radius conventions, and the evaluation.

* :mod:`.table` — the element table (pymatgen-core and mendeleev, cached) and the radius
  conventions; :data:`PRIMARY_CONVENTION` (the paper's own) is the one convention of the whole
  package, every other is a robustness check;
* :mod:`.evaluation` — the model's predictions on real elements scored against measurements
  (``etunnel evaluate``);
* :mod:`.robustness` — the element statistics under every convention, on measured elements only.

The names of :mod:`.table` are available here; import the other two modules by name (they
load SciPy's statistics and the figure code).

References
----------
.. [1] J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity" (2019,
   revised 2023), Table 1 and Figures 11-13.
"""

from __future__ import annotations

from .table import (
    COLUMNS,
    CURATED_COLUMNS,
    EXCLUDED_TC,
    PAPER_CONVENTION,
    PRIMARY_CONVENTION,
    RADIUS_CONVENTIONS,
    cache_path,
    element,
    elements,
    radii,
)

__all__ = [
    "COLUMNS",
    "CURATED_COLUMNS",
    "EXCLUDED_TC",
    "PAPER_CONVENTION",
    "PRIMARY_CONVENTION",
    "RADIUS_CONVENTIONS",
    "cache_path",
    "element",
    "elements",
    "radii",
]
