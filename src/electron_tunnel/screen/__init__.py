"""``etunnel screen``: the paper's design guidelines as features, a score, and their evaluation.

The paper's section "Engineering Room-Temperature Superconductors" gives five guidelines:
avoid elements with excessively high electronegativity (``g1``) or too low electronegativity
(``g2``), keep the range of electronegativities narrow (``g3``), combine large and small atoms
(``g4``), and steer clear of excessively complex, large compounds (``g5``). This package turns
them into features of a chemical formula (:data:`FEATURES`), combines them into a guideline
score by a rule fixed in advance from the text (:mod:`electron_tunnel.screen.score`), and
measures them against SuperCon (:func:`evaluate`, :func:`write_evaluation`).

Results from SuperCon carry its attribution (``datasets.supercon().attrs``): SuperCon
database (NIMS), as curated by Stanev et al. (2018), via 3DSC (Sommer et al. 2023), CC BY 4.0.
"""

from __future__ import annotations

from .features import FEATURES, ML_PROPERTIES, featurise, ml_features
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
    "ML_PROPERTIES",
    "SCORE_RULE",
    "STANEV_ACCURACY",
    "EvaluationWriteError",
    "evaluate",
    "families",
    "featurise",
    "figures",
    "guideline_scores",
    "ml_features",
    "oriented_percentile",
    "screen",
    "supercon_features",
    "write_evaluation",
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
}


def __getattr__(name):
    if name in _LAZY:
        # deferred on purpose (see _LAZY): the evaluation and figures load heavy libraries
        import importlib

        module = importlib.import_module(f"{__name__}.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
