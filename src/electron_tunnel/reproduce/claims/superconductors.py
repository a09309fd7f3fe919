"""Which matter superconducts, and where: the paper's statements about type-II superconductors
and about superconductivity under pressure, scored on cited tables.

* ``type-ii-are-compounds`` ("Type-II superconductors are usually made of alloys or
  compounds"): the share of type II among compound superconductors
  ([`electron_tunnel.datasets.compound_superconductors`][], a list fixed without looking at
  the type) against the share among the elemental superconductors
  ([`electron_tunnel.datasets.mainstream_superconductors`][]), by
  [`TWO_SHARES_RULE`][electron_tunnel.reproduce.verdicts.TWO_SHARES_RULE]; the elements' type
  from the Ginzburg–Landau κ of the mainstream account beside it;
* ``superconductivity-common-under-pressure`` ("superconductivity is common at high
  pressures"): the share of the elements tested under pressure that superconduct at some
  pressure ([`electron_tunnel.datasets.element_pressure_tests`][]), by
  [`SHARE_RULE`][electron_tunnel.reproduce.verdicts.SHARE_RULE]; the share among the elements
  that do not superconduct at ambient pressure beside it.
"""

from __future__ import annotations

from ... import datasets
from ...mainstream import superconductivity as sc
from ..verdicts import SHARE_RULE, TWO_SHARES_RULE, share_verdict, two_shares_verdict
from .base import Comparison, Evidence, rounded

__all__ = ["IDS", "claims"]

IDS = ("type-ii-are-compounds", "superconductivity-common-under-pressure")


def _type_ii() -> Evidence:
    comp = datasets.compound_superconductors()
    k1, n1 = int((comp.type == "II").sum()), len(comp)
    el = sc.element_comparison()
    el = el[el.tc_measured_K > 0]
    measured = el[el.type_measured.notna()]
    k2, n2 = int((measured.type_measured == "II").sum()), len(measured)
    by_kappa = el[el.type_mainstream.notna()]
    k3, n3 = int((by_kappa.type_mainstream == "II").sum()), len(by_kappa)
    verdict = two_shares_verdict(k1, n1, k2, n2)
    kappa_verdict = two_shares_verdict(k1, n1, k3, n3)
    type_i = ", ".join(comp.material[comp.type == "I"]) or "none"
    elem_ii = ", ".join(measured.symbol[measured.type_measured == "II"]) or "none"
    return Evidence(
        id="type-ii-are-compounds",
        computed_value=(f"type II: {k1} of {n1} compound superconductors, {k2} of {n2} elemental "
                        "superconductors"),
        method=("share of type II among the compound and alloy superconductors of "
                "datasets.compound_superconductors (membership: every 'Compound' of a cited list, "
                "fixed without looking at the type) against the share among the elemental "
                "superconductors with a measured type (datasets.mainstream_superconductors); "
                + TWO_SHARES_RULE),
        verdict=verdict,
        estimate=rounded(k1 / n1, 4) if n1 else None,
        note=(f"Type-I compounds: {type_i}. Type-II elements: {elem_ii}. Among the type-II "
              f"superconductors of the two lists, {k1} of {k1 + k2} are compounds or alloys. "
              "The list is of well-known compounds; its membership rule is in each row's "
              "list_rule, and types rest mostly on abstracts (see each row's note)."),
        comparisons=[Comparison(
            name="mainstream (κ)", n=n3, estimate=rounded(k3 / n3, 4) if n3 else None,
            method=("the same rule with the elements' type from the Ginzburg–Landau κ = λ_L/ξ_0 "
                    f"of the free-electron London depth and BCS coherence length (κ > 1/√2: type "
                    f"II): {k3} of {n3} elemental superconductors type II"),
            verdict=kappa_verdict,
        )],
        robust=kappa_verdict == verdict,
    )  # fmt: skip


def _common_under_pressure() -> Evidence:
    tests = datasets.element_pressure_tests()
    tested = tests[tests.tested_under_pressure]
    n = len(tested)
    k = int(tested.superconducts_under_pressure.sum())
    verdict = share_verdict(k, n)
    induced = tested[~tested.superconducts_at_ambient]
    ki, ni = int(induced.superconducts_under_pressure.sum()), len(induced)
    induced_verdict = share_verdict(ki, ni)
    negatives = ", ".join(tested.symbol[~tested.superconducts_under_pressure]) or "none"
    return Evidence(
        id="superconductivity-common-under-pressure",
        computed_value=f"{k} of {n} elements tested under pressure superconduct at some pressure",
        method=("share of the elements tested for superconductivity under pressure "
                "(datasets.element_pressure_tests, cited per element) that superconduct at some "
                "pressure above ambient; " + SHARE_RULE),
        verdict=verdict,
        estimate=rounded(k / n, 4) if n else None,
        chance=0.5,
        note=(f"{n} elements tested; not superconducting in the searches cited: {negatives}. "
              f"Among the {ni} that do not superconduct at ambient pressure, {ki} do under "
              "pressure. The table was built element by element from the abstracts found, so "
              "it leans to elements whose superconductivity was reported (a negative search is "
              "published less often). For scale: Eu (Debessai et al., Phys. Rev. Lett. 102, "
              "197002 (2009)) was reported as the 53rd elemental superconductor and the 23rd "
              "found only under pressure."),
        comparisons=[Comparison(
            name="pressure-induced only", n=ni, estimate=rounded(ki / ni, 4) if ni else None,
            method=("the same rule on the tested elements that do not superconduct at ambient "
                    "pressure"),
            verdict=induced_verdict,
        )],
        robust=induced_verdict == verdict,
    )  # fmt: skip


def claims() -> list[Evidence]:
    """``type-ii-are-compounds`` and ``superconductivity-common-under-pressure``."""
    return [_type_ii(), _common_under_pressure()]
