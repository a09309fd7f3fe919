"""The map from the paper's equation numbers to functions (electron_tunnel.equations).

Every equation 1-45 is listed; each computable one resolves to a public function whose
docstring cites that equation number. A citation is any of the forms the docstrings use:
``eq (N)``, ``Eq (N)``, ``eqs (A)-(B)`` (a range containing N), a bare ``(N)``, and
``eq N`` / ``eqs A, B`` / ``eq A/B`` without parentheses.
"""

from __future__ import annotations

import importlib
import inspect
import os
import re
from pathlib import Path

import pytest

import electron_tunnel as et
from electron_tunnel.equations import EQUATIONS, resolve

#: The paper's text, where the environment provides it (CI sets ETUNNEL_PAPER); the test that
#: reads it is skipped otherwise.
PAPER = Path(os.environ.get("ETUNNEL_PAPER", "/nonexistent"))

_NUM = r"\(?\d+\)?"
# "eq 11", "eqs (15)-(17)", "Eq (39)", "eqs 11, 38", "eq 10/41", "eqs (1)-(11)"
_CITE = re.compile(rf"\b[Ee]qs?\.?\s*({_NUM}(?:\s*(?:-|–|,|/|and|to)\s*{_NUM})*)")
# a bare "(N)" not glued to a name, so that e.g. "zeta(3)" does not count
_BARE = re.compile(r"(?<![\w\\^_])\((\d+)\)")


def cited_equations(doc: str) -> set[int]:
    """Equation numbers a docstring cites, with ranges like (20)-(22) expanded."""
    found = {int(m) for m in _BARE.findall(doc)}
    for group in _CITE.findall(doc):
        parts = re.split(r"\s*(-|–|to|,|/|and)\s*", group)
        numbers = [int(p.strip("()")) for p in parts[0::2]]
        seps = parts[1::2]
        found.update(numbers)
        for a, sep, b in zip(numbers, seps, numbers[1:], strict=False):
            if sep in {"-", "–", "to"} and a < b:
                found.update(range(a, b + 1))
    for a, b in re.findall(r"\((\d+)\)\s*[-–]\s*\((\d+)\)", doc):
        found.update(range(int(a), int(b) + 1))
    return found


def test_citation_parser():
    """The parser itself, on hand-written examples (including what must not match)."""
    assert cited_equations("paper eq (12)") == {12}
    assert cited_equations("see eqs (15)-(17) and eq (2)") == {2, 15, 16, 17}
    assert cited_equations("the rule (eq 11)") == {11}
    assert cited_equations("(``c = 1`` gives eq 10/41") == {10, 41}
    assert cited_equations("(eqs 11, 38)") == {11, 38}
    assert cited_equations("Eq (39): ratios") == {39}
    assert cited_equations(r"\zeta(3) and f(2) and x^(4) and 12 terms") == set()
    assert cited_equations("nothing here") == set()


def test_every_equation_is_listed():
    assert sorted(EQUATIONS) == list(range(1, 46))


@pytest.mark.skipif(not PAPER.exists(), reason="paper not available")
def test_paper_has_exactly_these_equations():
    text = PAPER.read_text(encoding="utf-8")
    labels = {int(n) for n in re.findall(r"\((\d+)\)\s*\\quad", text)}
    assert labels == set(EQUATIONS)


@pytest.mark.parametrize("number", sorted(EQUATIONS))
def test_entry_shape(number):
    description, target = EQUATIONS[number]
    assert isinstance(description, str) and description.strip()
    assert target is None or re.fullmatch(r"[a-z_]+\.[a-z_0-9]+", target)


NOT_COMPUTABLE = [n for n, (_, t) in EQUATIONS.items() if t is None]
COMPUTABLE = [n for n, (_, t) in EQUATIONS.items() if t is not None]


@pytest.mark.parametrize("number", NOT_COMPUTABLE)
def test_not_computable_resolves_to_none(number):
    assert resolve(number) is None
    # the description must say why (which other equations it serves)
    assert re.search(r"\beqs? \d", EQUATIONS[number][0])


def test_only_eq_4_is_not_computable():
    assert NOT_COMPUTABLE == [4]


@pytest.mark.parametrize("number", COMPUTABLE)
def test_target_resolves_to_public_function(number):
    func = resolve(number)
    assert callable(func)
    module_name, name = EQUATIONS[number][1].rsplit(".", 1)
    module = importlib.import_module(f"electron_tunnel.{module_name}")
    assert getattr(module, name) is func
    assert getattr(et, module_name) is module
    assert name in module.__all__
    assert func.__module__ == module.__name__
    assert inspect.isfunction(func)


@pytest.mark.parametrize("number", COMPUTABLE)
def test_docstring_cites_its_equation(number):
    func = resolve(number)
    doc = inspect.getdoc(func) or ""
    assert number in cited_equations(doc), f"{EQUATIONS[number][1]} does not cite eq ({number})"


@pytest.mark.parametrize("bad", [0, 46, -1, 100, None, "24", 24.5])
def test_resolve_rejects_non_equations(bad):
    with pytest.raises(ValueError, match=r"^number must be an equation number of the paper, 1-45"):
        resolve(bad)


def test_resolve_known_examples():
    assert resolve(24) is et.resisting_distance
    assert resolve(38) is et.conducting_radius
    assert resolve(11) is et.classify
    assert resolve(45) is et.flux_quantum
    assert resolve(1) is et.two_centre.coulomb_force
