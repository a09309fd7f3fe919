"""``etunnel screen``: the paper's design guidelines as features, a score, and their evaluation.

The paper's section "Engineering Room-Temperature Superconductors" gives five guidelines:
avoid elements with excessively high electronegativity (``g1``) or too low electronegativity
(``g2``), keep the range of electronegativities narrow (``g3``), combine large and small atoms
(``g4``), and steer clear of excessively complex, large compounds (``g5``). This package turns
them into features of a chemical formula ([`FEATURES`][]), combines them into a guideline
score by a rule fixed in advance from the text ([`electron_tunnel.screen.score`][]), and
measures them against SuperCon ([`evaluate`][], [`write_evaluation`][]). The ML baseline
also runs as two final models trained once on SuperCon and cached
([`electron_tunnel.screen.models`][]): [`screen`][] gives their probabilities beside the
guideline score, and [`heldout_evaluation`][] / [`write_heldout`][] score both methods on
superconductors reported after the SuperCon snapshot ([`electron_tunnel.screen.heldout`][]).

Results from SuperCon carry its attribution (``datasets.supercon().attrs``): SuperCon
database (NIMS), as curated by Stanev et al. (2018), via 3DSC (Sommer et al. 2023), CC BY 4.0.

References
----------
.. [1] J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
   University (2 June 2019, revised 16 January 2023), section "Engineering Room-Temperature
   Superconductors".
.. [2] V. Stanev et al., "Machine learning modeling of superconducting critical temperature",
   npj Computational Materials 4, 29 (2018), doi:10.1038/s41524-018-0085-8.
.. [3] T. Sommer et al., "3DSC — a dataset of superconductors including crystal structures",
   Scientific Data 10, 816 (2023), doi:10.1038/s41597-023-02721-y.
.. [4] L. Ward et al., "A general-purpose machine learning framework for predicting properties
   of inorganic materials", npj Computational Materials 2, 16028 (2016) (Magpie features).
"""

from __future__ import annotations

from .features import FEATURES, ML_PROPERTIES, featurise, ml_features
from .models import ML_SETTINGS, ML_TARGETS, load_models, ml_probabilities
from .score import (
    GUIDELINES,
    SCORE_RULE,
    guideline_scores,
    oriented_percentile,
    screen,
    supercon_features,
)

__all__ = [
    "FAMILIES",
    "FEATURES",
    "GUIDELINES",
    "HELDOUT_COLUMNS",
    "ML_PROPERTIES",
    "ML_SETTINGS",
    "ML_TARGETS",
    "SCORE_RULE",
    "STANEV_ACCURACY",
    "EvaluationWriteError",
    "evaluate",
    "families",
    "featurise",
    "figures",
    "guideline_scores",
    "heldout_evaluation",
    "heldout_rows",
    "heldout_statistics",
    "load_models",
    "ml_features",
    "ml_probabilities",
    "oriented_percentile",
    "screen",
    "supercon_features",
    "write_evaluation",
    "write_heldout",
]

# The evaluation (scipy.stats, scikit-learn) and the figures (matplotlib) are loaded on first
# use, deferred on purpose: screening one formula from the command line must answer in < 2 s,
# and importing scipy.stats alone takes about 2 s on a busy machine.
_LAZY = {
    "FAMILIES": "evaluation",
    "STANEV_ACCURACY": "evaluation",
    "evaluate": "evaluation",
    "families": "evaluation",
    "EvaluationWriteError": "draw",
    "figures": "draw",
    "write_evaluation": "draw",
    "HELDOUT_COLUMNS": "heldout",
    "heldout_evaluation": "heldout",
    "heldout_rows": "heldout",
    "heldout_statistics": "heldout",
    "write_heldout": "heldout",
}


def __getattr__(name):
    if name in _LAZY:
        # deferred on purpose (see _LAZY): the evaluation and figures load heavy libraries
        import importlib

        module = importlib.import_module(f"{__name__}.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
