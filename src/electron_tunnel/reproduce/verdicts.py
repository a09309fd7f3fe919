"""The one vocabulary of verdicts and every rule that gives one.

Applications (materials, diagram, screen, magnetism) return evidence — estimates, intervals,
ratios, counts —, never a verdict word; the audit decides here. Each rule was written down
before the outcome it decides was looked at, and is quoted in the report beside the claims it
decides.

The vocabulary ([`Verdict`][]):

* **confirmed** — the computed result agrees with the claim by the claim's rule (a printed
  number rounds to the computed one; an association is on the claimed side of chance with its
  whole 95 % CI and at least as strong as the claim says; a ratio lies within a factor 3);
* **approximate** — it agrees only roughly (within 5 % of a printed number; an association
  whose CI excludes chance but that is weaker than claimed; a ratio within a factor 10);
* **no signal** — the estimate's 95 % CI contains chance, so the data cannot tell, whichever
  side of chance the estimate falls on; or the whole CI lies within the negligible band
  ([`NEGLIGIBLE`][]), so the effect is too small to matter even if it is real;
* **contradicted** — the result disagrees (the CI lies wholly on the other side of chance, a
  ratio off by more than a factor 10, a statement false where it was checked);
* **untestable** — the model or the data to decide it is not here.

References
----------
.. [1] M. E. Rice and G. T. Harris, "Comparing effect sizes in follow-up studies: ROC Area,
   Cohen's d, and r", Law and Human Behavior 29, 615-620 (2005),
   doi:10.1007/s10979-005-6832-7 (AUC 0.56 is a "small" effect).
.. [2] J. Cohen, *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed.
   (Erlbaum, 1988) (|r| = 0.1 is a "small" correlation).
"""

from __future__ import annotations

import math
from enum import StrEnum

from scipy import stats as scipy_stats

__all__ = [
    "APPROX_REL",
    "ASSOCIATION_RULE",
    "MAGNITUDE_FACTORS",
    "MAGNITUDE_RULE",
    "MEISSNER_RULE",
    "MEISSNER_SIGMAS",
    "NEGLIGIBLE",
    "NEGLIGIBLE_RULE",
    "PRESSURE_RULE",
    "SCREENING_RULE",
    "SCREENING_STRONG",
    "SHARE_RULE",
    "SKILL_RULE",
    "STATEMENT_RULE",
    "TREND_ABSENT_RULE",
    "TWO_SHARES_RULE",
    "Verdict",
    "association_verdict",
    "judge_meissner",
    "judge_screening",
    "magnitude_verdict",
    "meissner_field_verdict",
    "meissner_overall",
    "negligible_effect",
    "pressure_verdict",
    "screening_verdict",
    "share_verdict",
    "skill_verdict",
    "statement_verdict",
    "trend_absent_verdict",
    "two_shares_verdict",
    "universal_statement_verdict",
    "verdict_from_printed",
]


class Verdict(StrEnum):
    """The five verdicts; members compare equal to their text (``Verdict.NO_SIGNAL == "no
    signal"``)."""

    CONFIRMED = "confirmed"
    APPROXIMATE = "approximate"
    NO_SIGNAL = "no signal"
    CONTRADICTED = "contradicted"
    UNTESTABLE = "untestable"


#: Relative difference up to which a printed number is called approximately right.
APPROX_REL = 0.05
#: A predicted ratio is confirmed within the first factor of the measured one, approximate
#: within the second, else contradicted.
MAGNITUDE_FACTORS = (3.0, 10.0)
#: Half-width of the negligible band around chance, by chance value: 0.5 is an AUC (|AUC − 0.5|
#: < 0.06, below the "small" AUC 0.56 of [1]_), 0 a rank correlation (|ρ| < 0.1, [2]_).
NEGLIGIBLE: dict[float, float] = {0.5: 0.06, 0.0: 0.1}

ASSOCIATION_RULE = (
    "no signal if the 95 % CI contains chance ({chance:g}); contradicted if the CI lies wholly "
    "on the other side of chance; confirmed if it lies wholly on the claimed side and the "
    "estimate reaches {strong:g}; approximate if on the claimed side but weaker"
)
NEGLIGIBLE_RULE = (
    "an association whose whole 95 % CI lies strictly within the negligible band around chance "
    "(|AUC − 0.5| < 0.06, below the 'small' effect AUC 0.56 of Rice & Harris 2005; "
    "|Spearman ρ| < 0.1, Cohen 1988) is no signal (negligible effect), whatever its side"
)
MAGNITUDE_RULE = (
    "predicted/measured ratio of resistivities: confirmed within a factor 3, approximate within "
    "a factor 10, else contradicted"
)
PRESSURE_RULE = (
    "Over the rows where the model makes a prediction (n rows), k is the number whose predicted "
    "sign of the pressure slope equals the measured sign, and r is the median of "
    "|predicted/measured| over the rows where both slopes are known. Confirmed only if "
    "k >= 0.9 n AND 1/3 <= r <= 3; approximate if k >= 0.75 n (including sign right on >= 90 % "
    "but r outside a factor 3 or unknown); otherwise contradicted; untestable if n = 0."
)
#: Standard errors that separate "consistent" from "inconsistent" in the Meissner rule.
MEISSNER_SIGMAS = 5.0
MEISSNER_RULE = (
    "For each field value B, with chi_total the full simulation's susceptibility (all charges, "
    "bulk and edge) and SE its standard error over independent seeds: 'contradicted' if "
    "chi_total is consistent with zero (|chi_total| < 5 SE) and inconsistent with the Meissner "
    "value (|chi_total + 1| > 5 SE); 'confirmed' if consistent with -1 (|chi_total + 1| < 5 SE) "
    "and inconsistent with zero (|chi_total| > 5 SE); otherwise 'no signal'. Overall: "
    "'contradicted' if at least one field value is contradicted and none is confirmed, "
    "'confirmed' if at least one is confirmed and none is contradicted, otherwise 'no signal'."
)
#: The AUC a design guideline must reach to be confirmed: what "a guideline that points to
#: superconductors" would need; weaker but above chance (and not negligible) is approximate.
SCREENING_STRONG = 0.8
SCREENING_RULE = (
    "the guidelines' stated aim is high T_c: the primary statistic is the AUC of the "
    "guideline's score (oriented so that higher = favourable by the paper) for T_c >= 10 K "
    "within families (cuprates, iron-based, hydrides, the rest; within-family AUCs weighted by "
    "family size), with a 95 % CI from a cluster bootstrap over element sets (a doping series "
    "is one cluster); the association rule with chance 0.5, strength "
    f"{SCREENING_STRONG:g}, and the negligible-effect rule. Superconducting vs not (pooled and "
    "within families) and T_c >= 77 K within the cuprates are scored beside it by the same rule"
)


SKILL_RULE = (
    "Skill is scored on the same rows as a no-skill baseline ('no-skill': the majority class, "
    "or a constant score; AUC 0.5 with a zero-width CI) and the obvious confound ('confound': "
    "metal vs non-metal for elements, the material family for compounds, scored as a "
    "predictor itself). A sign or class prediction is scored by its balanced accuracy (the AUC "
    "of the predicted sign for the measured one; chance 0.5); a prediction that is the same "
    "for every row has no skill and is no signal, whatever its accuracy. A score's skill is "
    "its association within the strata of the confound (within the metals; within families, "
    "weighted by size), so that a score that only restates the confound is no signal; the "
    "association rule (and the negligible-effect rule) then gives the verdict"
)
STATEMENT_RULE = (
    "A universal statement about matter ('resistivity decreases with increasing pressure') is "
    "contradicted by any measured counterexample in its sample (a row whose measured sign is "
    "the other one; the note lists them); without counterexamples it is confirmed if the "
    "predicted magnitudes (where measured) are within a factor 3 of the measured ones, "
    "approximate if not or if none is measured; untestable without rows"
)
SHARE_RULE = (
    "A statement that something is common ('superconductivity is common at high pressures') is "
    "a share k/n of a cited sample against one half: confirmed if the 95 % Clopper-Pearson "
    "interval of k/n lies wholly above 1/2, contradicted if wholly below, otherwise no signal; "
    "untestable without rows"
)
TWO_SHARES_RULE = (
    "A statement that a property belongs usually to one group ('type-II superconductors are "
    "usually made of alloys or compounds') is scored as the share with the property in that "
    "group (k1/n1) against the share in the other (k2/n2): confirmed if k1/n1 >= 0.8 and it "
    "exceeds k2/n2 by Fisher's exact test at p < 0.05 (one-sided); approximate if k1/n1 > k2/n2 "
    "at p < 0.05 but k1/n1 < 0.8; contradicted if k1/n1 < k2/n2 at p < 0.05; otherwise no "
    "signal; untestable if either group is empty"
)
TREND_ABSENT_RULE = (
    "A statement that a trend does not hold is contradicted if the rank correlation's 95 % CI "
    "lies wholly on the trend's side of 0 and is not negligible; confirmed if it lies wholly "
    "on the other side or within the negligible band (|rho| < 0.1); otherwise no signal"
)


# --------------------------------------------------------------------------- numbers


def _printed_half_unit(text: str) -> float:
    """Half a unit in the last printed digit of a number written as text."""
    t = text.strip().lower()
    mant, _, exp = t.partition("e")
    decimals = len(mant.split(".")[1]) if "." in mant else 0
    return 0.5 * 10.0 ** (-decimals + (int(exp) if exp else 0))


def verdict_from_printed(printed: str, computed: float) -> Verdict:
    """Verdict for a number the paper prints as ``printed`` against ``computed``.

    Confirmed if ``computed`` rounds to the printed digits (within half a unit in the last
    printed digit), approximate within [`APPROX_REL`][], else contradicted.

    Examples
    --------
    >>> verdict_from_printed("2.618", 2.6180339887), verdict_from_printed("0.621", 0.64)
    (<Verdict.CONFIRMED: 'confirmed'>, <Verdict.APPROXIMATE: 'approximate'>)
    """
    paper = float(printed)
    if not math.isfinite(computed):
        return Verdict.CONTRADICTED
    diff = abs(computed - paper)
    if diff <= _printed_half_unit(printed) * (1 + 1e-9):
        return Verdict.CONFIRMED
    if diff <= APPROX_REL * abs(paper):
        return Verdict.APPROXIMATE
    return Verdict.CONTRADICTED


def magnitude_verdict(predicted, measured) -> Verdict:
    """Verdict of a predicted ratio against a measured one (see [`MAGNITUDE_RULE`][]).

    A prediction of the wrong direction (ratio on the other side of 1) is contradicted.

    Examples
    --------
    >>> magnitude_verdict(2.3, 2.0e10)
    <Verdict.CONTRADICTED: 'contradicted'>
    >>> [str(magnitude_verdict(p, 10.0)) for p in (25.0, 50.0, 0.5)]
    ['confirmed', 'approximate', 'contradicted']
    """
    p, m = float(predicted), float(measured)
    if not (math.isfinite(p) and math.isfinite(m) and p > 0 and m > 0):
        return Verdict.UNTESTABLE
    if (p > 1) != (m > 1) and p != 1 and m != 1:
        return Verdict.CONTRADICTED
    factor = max(p / m, m / p)
    confirm, approx = MAGNITUDE_FACTORS
    if factor <= confirm:
        return Verdict.CONFIRMED
    if factor <= approx:
        return Verdict.APPROXIMATE
    return Verdict.CONTRADICTED


def statement_verdict(fraction_true) -> Verdict:
    """Verdict of a statement checked at many points, from the fraction where it holds.

    Confirmed where it holds everywhere checked, approximate on more than half of the range
    (the note says where), else contradicted.

    Examples
    --------
    >>> [str(statement_verdict(f)) for f in (1.0, 0.8, 0.3)]
    ['confirmed', 'approximate', 'contradicted']
    """
    f = float(fraction_true)
    if f == 1.0:
        return Verdict.CONFIRMED
    return Verdict.APPROXIMATE if f > 0.5 else Verdict.CONTRADICTED


# --------------------------------------------------------------------------- associations


def negligible_effect(ci95, chance, band=None) -> bool:
    """Whether the whole 95 % CI lies strictly within the negligible band around chance.

    Parameters
    ----------
    ci95 : sequence of two floats
    chance : float
        0.5 for an AUC, 0 for a correlation.
    band : float, optional
        Half-width of the band (default [`NEGLIGIBLE`][] for ``chance``; a chance value
        without a default band has none).

    Examples
    --------
    >>> negligible_effect((0.52, 0.55), 0.5), negligible_effect((0.52, 0.57), 0.5)
    (True, False)
    >>> negligible_effect((-0.05, 0.09), 0.0)
    True
    """
    band = NEGLIGIBLE.get(float(chance)) if band is None else band
    if band is None:
        return False
    lo, hi = (float(v) for v in ci95)
    return chance - band < lo and hi < chance + band


def association_verdict(estimate, ci95, chance, strong, band=None) -> Verdict:
    """Verdict of an association by its estimate and 95 % CI.

    See [`ASSOCIATION_RULE`][] and [`NEGLIGIBLE_RULE`][].

    Parameters
    ----------
    estimate : float
        The statistic, oriented so that the claim says "above chance" (an AUC, a correlation).
    ci95 : sequence of two floats
        Its 95 % confidence interval.
    chance : float
        The value under no association (0.5 for an AUC, 0 for a correlation).
    strong : float
        The strength the claim asserts ("strong", "closely"), e.g. 0.8 for an AUC.
    band : float, optional
        Half-width of the negligible band (default by ``chance``, [`NEGLIGIBLE`][]).

    Examples
    --------
    >>> [str(association_verdict(*a)) for a in [
    ...     (0.594, (0.48, 0.71), 0.5, 0.8), (0.85, (0.71, 0.95), 0.5, 0.8),
    ...     (0.65, (0.55, 0.75), 0.5, 0.8), (0.31, (0.2, 0.45), 0.5, 0.8),
    ...     (0.535, (0.52, 0.55), 0.5, 0.8)]]
    ['no signal', 'confirmed', 'approximate', 'contradicted', 'no signal']
    """
    lo, hi = (float(v) for v in ci95)
    if not all(math.isfinite(v) for v in (float(estimate), lo, hi)):
        return Verdict.UNTESTABLE
    if lo <= chance <= hi or negligible_effect((lo, hi), chance, band):
        return Verdict.NO_SIGNAL
    if hi < chance:
        return Verdict.CONTRADICTED
    return Verdict.CONFIRMED if estimate >= strong else Verdict.APPROXIMATE


def screening_verdict(ci95, estimate=None) -> Verdict:
    """Verdict of a design guideline from its AUC and CI ([`SCREENING_RULE`][]).

    Examples
    --------
    >>> [str(screening_verdict(ci)) for ci in ([0.82, 0.90], [0.62, 0.70], [0.40, 0.48])]
    ['confirmed', 'approximate', 'contradicted']
    >>> str(screening_verdict([0.45, 0.55]))
    'no signal'
    >>> str(screening_verdict([0.52, 0.55]))  # on the favourable side, but negligible
    'no signal'
    """
    lo, hi = (float(v) for v in ci95)
    if estimate is None:
        estimate = (lo + hi) / 2
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return Verdict.NO_SIGNAL
    return association_verdict(estimate, (lo, hi), 0.5, SCREENING_STRONG)


def judge_screening(results: dict) -> dict:
    """Add the audit's verdict to every guideline, feature and baseline of a result of
    [`electron_tunnel.screen.evaluate`][] and the rule (``settings.verdict_rule``); returns
    it. ``verdict`` is that of the primary statistic (T_c >= 10 K within families, where the
    entry has it; else the pooled superconducting-vs-not AUC), ``verdict_superconducting`` that
    of the pooled AUC; ``None`` where a feature has no favourable side."""
    for section in ("guidelines", "features", "baselines"):
        for e in results.get(section, []):
            if not e.get("favourable"):
                e["verdict"] = e["verdict_superconducting"] = None
                continue
            pooled = screening_verdict(e["auc_superconducting_ci95"], e["auc_superconducting"])
            primary = e.get("auc_tc10_stratified")
            e["verdict_superconducting"] = pooled.value
            e["verdict"] = (
                screening_verdict(primary["ci95"], primary["auc"]).value
                if primary
                else pooled.value
            )
    results.setdefault("settings", {})["verdict_rule"] = SCREENING_RULE
    return results


# --------------------------------------------------------------------------- skill


def skill_verdict(estimate, ci95, chance, strong, *, constant=False) -> Verdict:
    """Verdict on the skill of a prediction ([`SKILL_RULE`][]).

    Parameters
    ----------
    estimate, ci95 : float, sequence of two floats
        The skill statistic (balanced accuracy of a sign; within-stratum AUC or correlation of a
        score) and its 95 % CI.
    chance, strong : float
        As in [`association_verdict`][].
    constant : bool
        The prediction is the same for every row: no skill, whatever the statistic says.

    Examples
    --------
    >>> str(skill_verdict(0.5, (0.5, 0.5), 0.5, 0.8))  # a constant score
    'no signal'
    >>> str(skill_verdict(0.9, (0.85, 0.95), 0.5, 0.8, constant=True))
    'no signal'
    >>> str(skill_verdict(0.72, (0.6, 0.83), 0.5, 0.8))
    'approximate'
    """
    if constant:
        return Verdict.NO_SIGNAL
    return association_verdict(estimate, ci95, chance, strong)


def universal_statement_verdict(n_counter, n, median_ratio=float("nan")) -> Verdict:
    """Verdict on a universal statement from its counterexamples ([`STATEMENT_RULE`][]).

    Parameters
    ----------
    n_counter, n : int
        Measured counterexamples, and rows in the sample.
    median_ratio : float
        Median |predicted/measured| magnitude over the rows where both are known (NaN if none).

    Examples
    --------
    >>> [str(universal_statement_verdict(*a)) for a in ((5, 26), (0, 26, 2.0), (0, 26, 40.0))]
    ['contradicted', 'confirmed', 'approximate']
    >>> str(universal_statement_verdict(0, 0))
    'untestable'
    """
    n_counter, n, r = int(n_counter), int(n), float(median_ratio)
    if n == 0:
        return Verdict.UNTESTABLE
    if n_counter > 0:
        return Verdict.CONTRADICTED
    return Verdict.CONFIRMED if 1 / 3 <= r <= 3 else Verdict.APPROXIMATE


def share_verdict(k, n, threshold=0.5) -> Verdict:
    """Verdict on "common" from a share ``k/n`` against ``threshold`` ([`SHARE_RULE`][]).

    Examples
    --------
    >>> [str(share_verdict(k, 40)) for k in (30, 20, 8)]
    ['confirmed', 'no signal', 'contradicted']
    >>> str(share_verdict(0, 0))
    'untestable'
    """
    k, n = int(k), int(n)
    if n == 0:
        return Verdict.UNTESTABLE
    ci = scipy_stats.binomtest(k, n).proportion_ci(0.95, method="exact")
    lo, hi = ci.low, ci.high
    if lo > threshold:
        return Verdict.CONFIRMED
    if hi < threshold:
        return Verdict.CONTRADICTED
    return Verdict.NO_SIGNAL


def two_shares_verdict(k1, n1, k2, n2, usually=0.8, alpha=0.05) -> Verdict:
    """Verdict on "usually in group 1" from two shares ([`TWO_SHARES_RULE`][]).

    Examples
    --------
    >>> [str(two_shares_verdict(*a)) for a in ((18, 20, 3, 30), (12, 20, 3, 30), (3, 30, 18, 20))]
    ['confirmed', 'approximate', 'contradicted']
    >>> str(two_shares_verdict(5, 10, 4, 10)), str(two_shares_verdict(1, 1, 0, 0))
    ('no signal', 'untestable')
    """
    k1, n1, k2, n2 = (int(v) for v in (k1, n1, k2, n2))
    if n1 == 0 or n2 == 0:
        return Verdict.UNTESTABLE
    table = [[k1, n1 - k1], [k2, n2 - k2]]
    p_more = scipy_stats.fisher_exact(table, alternative="greater").pvalue
    p_less = scipy_stats.fisher_exact(table, alternative="less").pvalue
    if p_more < alpha:
        return Verdict.CONFIRMED if k1 / n1 >= usually else Verdict.APPROXIMATE
    if p_less < alpha:
        return Verdict.CONTRADICTED
    return Verdict.NO_SIGNAL


def trend_absent_verdict(estimate, ci95, chance=0.0, band=None) -> Verdict:
    """Verdict on "this trend does not hold" from the trend's correlation
    ([`TREND_ABSENT_RULE`][]); the trend's side is above ``chance``.

    Examples
    --------
    >>> [str(trend_absent_verdict(*a)) for a in ((0.76, (0.63, 0.84)), (0.02, (-0.05, 0.08)),
    ...                                         (0.1, (-0.1, 0.3)), (-0.4, (-0.6, -0.2)))]
    ['contradicted', 'confirmed', 'no signal', 'confirmed']
    """
    lo, hi = (float(v) for v in ci95)
    if not all(math.isfinite(v) for v in (float(estimate), lo, hi)):
        return Verdict.UNTESTABLE
    if negligible_effect((lo, hi), chance, band) or hi < chance:
        return Verdict.CONFIRMED
    if lo > chance:
        return Verdict.CONTRADICTED
    return Verdict.NO_SIGNAL


# --------------------------------------------------------------------------- pressure


def pressure_verdict(agreement) -> Verdict:
    """Verdict on predicted pressure slopes ([`PRESSURE_RULE`][]).

    Parameters
    ----------
    agreement : mapping
        ``k``, ``n`` and ``median_ratio``, as returned by
        [`electron_tunnel.diagram.slope_agreement`][].

    Examples
    --------
    >>> [str(pressure_verdict({"k": k, "n": 10, "median_ratio": r}))
    ...  for k, r in ((9, 2.0), (9, 5.0), (7, 1.0), (0, float("nan")))]
    ['confirmed', 'approximate', 'contradicted', 'contradicted']
    >>> str(pressure_verdict({"k": 0, "n": 0, "median_ratio": float("nan")}))
    'untestable'
    """
    k, n, median = int(agreement["k"]), int(agreement["n"]), float(agreement["median_ratio"])
    if n == 0:
        return Verdict.UNTESTABLE
    if 10 * k >= 9 * n and 1 / 3 <= median <= 3:
        return Verdict.CONFIRMED
    if 4 * k >= 3 * n:
        return Verdict.APPROXIMATE
    return Verdict.CONTRADICTED


# --------------------------------------------------------------------------- Meissner


def meissner_field_verdict(chi, se, sigmas=MEISSNER_SIGMAS) -> Verdict:
    """One field value's verdict by [`MEISSNER_RULE`][].

    Examples
    --------
    >>> [str(meissner_field_verdict(*a)) for a in ((0.01, 0.05), (-0.98, 0.05), (-0.5, 0.3))]
    ['contradicted', 'confirmed', 'no signal']
    """
    zero = abs(chi) < sigmas * se
    meissner = abs(chi + 1.0) < sigmas * se
    if zero and not meissner:
        return Verdict.CONTRADICTED
    if meissner and not zero:
        return Verdict.CONFIRMED
    return Verdict.NO_SIGNAL


def meissner_overall(verdicts) -> Verdict:
    """The overall Meissner verdict from the field values' ([`MEISSNER_RULE`][])."""
    verdicts = set(verdicts)
    if Verdict.CONTRADICTED in verdicts and Verdict.CONFIRMED not in verdicts:
        return Verdict.CONTRADICTED
    if Verdict.CONFIRMED in verdicts and Verdict.CONTRADICTED not in verdicts:
        return Verdict.CONFIRMED
    return Verdict.NO_SIGNAL


def judge_meissner(result: dict) -> dict:
    """Add the audit's verdicts to a result of [`electron_tunnel.magnetism.meissner_experiment`][].

    Sets ``verdict`` on every field run and robustness sweep and on its ``realistic_density``
    entry (the overall verdicts are from the field runs), and
    ``verdict_rule``, ``verdict`` and ``verdict_realistic_density`` on the result; returns it.
    """
    runs = result["runs"]
    for r in [*runs, *result.get("sweeps", [])]:
        r["verdict"] = meissner_field_verdict(r["chi_total"], r["chi_total_err"]).value
        real = r["realistic_density"]
        real["verdict"] = meissner_field_verdict(real["chi_total"], real["chi_total_err"]).value
    result["verdict_rule"] = MEISSNER_RULE
    result["verdict"] = meissner_overall(r["verdict"] for r in runs).value
    result["verdict_realistic_density"] = meissner_overall(
        r["realistic_density"]["verdict"] for r in runs
    ).value
    return result
