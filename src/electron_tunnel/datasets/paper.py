"""The paper under review as data.

Its Table 1, its claims, and the literature facts its verdicts cite.

Loaders of [`electron_tunnel.datasets`][] (see there for the columns' conventions)."""

from __future__ import annotations

import pandas as pd

from .files import FACTS, PAPER, PER_ROW, read_csv

__all__ = ["literature_facts", "paper_claims", "paper_table1"]


def paper_table1() -> pd.DataFrame:
    """The paper's Table 1 as printed: radii [pm], resisting distance [1/m], resistivity.

    ``resistivity_uohm_m`` is the paper's "Resistivity (m/MS)" column: metres per megasiemens,
    i.e. micro-ohm metres.

    References
    ----------
    J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
    University (2 June 2019, revised 16 January 2023), Table 1.
    """
    return read_csv(
        "paper_table1.csv",
        citation=f"{PAPER}, Table 1",
        license="quoted from the paper under review for comparison",
        description="Table 1 of the paper: R_b, R_v, resisting distance and resistivity",
    )


def paper_claims() -> pd.DataFrame:
    """Every claim of the paper that the audit checks, declared once.

    One row per claim: ``id``, ``section`` (where the paper makes it), ``kind``
    (``mathematics``, ``world``, ``quoted`` or ``extension``), ``statement`` (the claim in the
    paper's words or a close paraphrase) and ``paper_value`` (what the paper gives). The audit
    (``electron_tunnel.reproduce.claims``) joins each row with the evidence its check returns.

    References
    ----------
    J. Z. Liu, "Unified Theory of Low and High-Temperature Superconductivity", Stanford
    University (2 June 2019, revised 16 January 2023).

    Examples
    --------
    >>> t = paper_claims()
    >>> t.set_index("id").loc["eq9-border-ratio", "paper_value"]
    '2.618'
    """
    return read_csv(
        "paper-claims.csv",
        citation=PAPER,
        license="quoted from the paper under review for comparison",
        description="the paper's checkable claims: id, section, kind, statement, paper value",
        dtype=str,
    )


def literature_facts() -> pd.DataFrame:
    """Single literature values used by the audit (key, value, unit, statement, source).

    References
    ----------
    One per row, in the ``source`` column:

    * B. S. Deaver and W. M. Fairbank, Phys. Rev. Lett. 7, 43 (1961) (flux quantum h/2e);
    * R. Doll and M. Näbauer, Phys. Rev. Lett. 7, 51 (1961) (flux quantum h/2e);
    * M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (McGraw-Hill, 1996), section 4.4
      (temperature dependence of the critical current density);
    * CRC Handbook of Chemistry and Physics, 97th ed. (2016), "Thermal expansion of liquids"
      (mercury).
    """
    return read_csv(
        "literature_facts.csv",
        citation=PER_ROW,
        license=FACTS,
        description="literature facts the audit's verdicts rest on",
    )
