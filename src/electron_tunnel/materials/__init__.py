"""Real elements: data from maintained libraries, the radius conventions, and the evaluation.

* [`table`][] — the element table (pymatgen-core and mendeleev, cached) and the radius
  conventions; [`PRIMARY_CONVENTION`][] (the paper's own) is the one convention of the whole
  package, every other is a robustness check;
* [`evaluation`][] — the model's predictions on real elements scored against measurements
  (``etunnel evaluate``);
* [`robustness`][] — the element statistics under every convention, on measured elements only.

The names of [`table`][] are available here; import the other two modules by name (they
load SciPy's statistics and the figure code).

References
----------
.. [1] J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity" (2019,
   revised 2023), Table 1 and Figures 11-13.
"""

from __future__ import annotations

# the table's public names are the package's (one list, in materials.table.__all__)
from .table import *  # noqa: F403
from .table import __all__  # noqa: F401
