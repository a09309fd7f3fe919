"""Griffe extension of the documentation build: numpydoc "See Also" and "References" rendered.

Griffe's numpydoc parser keeps both sections as plain text, so ``name : description`` lines run
together and ``[1]_`` / ``.. [1]`` show literally. Before the docstrings are parsed for the API
pages this extension rewrites them, in the documentation only (the source stays numpydoc):

* **See Also**: one list item per entry, each name a cross-reference (``[`name`][]``, resolved
  from the docstring's scope by mkdocstrings' ``scoped_crossrefs``) when it names an object of
  the package, plain code otherwise;
* **References**: ``.. [1] text`` definitions become a list ``[1] text``; a citation ``[1]_``
  becomes ``[1]``, and a docstring that cites a reference defined in its module's docstring
  (the package's habit: the paper is defined once per module) gets that reference appended to
  its own References section, so that every References section reads on its own.

It also makes the names that a package exports lazily (PEP 562 ``__getattr__`` over a
``_LAZY = {name: submodule}`` table, as ``electron_tunnel.screen`` does) known to griffe as
aliases, so that they are documented at the package and cross-references to them resolve.

Loaded by ``mkdocs.yml`` (``extensions: - docs/_build/numpydoc.py:NumpydocSections``).
"""

from __future__ import annotations

import ast
import re
from typing import Any

from griffe import Alias, Extension, Module, Object

PACKAGE = "electron_tunnel"
_UNDERLINE = re.compile(r"^-{3,}\s*$")
_DEFINITION = re.compile(r"^\.\.\s+\[(?P<label>[\w-]+)\]\s*(?P<text>.*)$")
_CITATION = re.compile(r"\[(?P<label>[\w-]+)\]_")
_NAME = re.compile(r"^[A-Za-z_][\w.]*$")


def _split(text: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Preamble lines and ``(title, body lines)`` of each numpydoc section."""
    lines = text.splitlines()
    heads = [
        i
        for i in range(len(lines) - 1)
        if lines[i].strip()
        and not lines[i].startswith(" ")
        and _UNDERLINE.match(lines[i + 1])
        and len(lines[i + 1].strip()) >= len(lines[i].strip())
    ]
    if not heads:
        return lines, []
    sections = []
    for k, i in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        sections.append((lines[i].strip(), lines[i + 2 : end]))
    return lines[: heads[0]], sections


def _join(preamble: list[str], sections: list[tuple[str, list[str]]]) -> str:
    out = list(preamble)
    for title, body in sections:
        if out and out[-1].strip():
            out.append("")
        out += [title, "-" * len(title), *body]
    return "\n".join(out).rstrip() + "\n"


def _definitions(body: list[str]) -> tuple[dict[str, str], list[str]]:
    """``.. [N] text`` definitions (continuation lines joined) and the other lines."""
    defs: dict[str, str] = {}
    rest: list[str] = []
    current = None
    for line in body:
        match = _DEFINITION.match(line.strip()) if not line.startswith("    ") else None
        if match:
            current = match["label"]
            defs[current] = match["text"].strip()
        elif current is not None and line.startswith(" ") and line.strip():
            defs[current] += " " + line.strip()
        else:
            current = None
            rest.append(line)
    return defs, rest


def _module_definitions(obj: Object) -> dict[str, str]:
    """References defined in the docstrings of ``obj``'s module and its parent packages."""
    found: dict[str, str] = {}
    node = obj if isinstance(obj, Module) else obj.module
    while node is not None:
        for label, text in getattr(node, "_etunnel_refs", {}).items():
            found.setdefault(label, text)
        node = node.parent
    return found


def _is_package_name(obj: Object, name: str) -> bool:
    if name == PACKAGE or name.startswith(PACKAGE + "."):
        return True
    head = name.split(".", 1)[0]
    try:
        return obj.resolve(head).startswith(PACKAGE + ".")
    except Exception:  # unresolvable: an external name
        return False


def _see_also(obj: Object, body: list[str]) -> list[str]:
    items: list[list[str]] = []  # [names, description]
    for line in body:
        if not line.strip():
            continue
        if line.startswith(" ") and items:  # description on its own line(s)
            items[-1][1] = (items[-1][1] + " " + line.strip()).strip()
            continue
        names, _, desc = line.partition(" : ")
        if not _ and line.rstrip().endswith(" :"):
            names, desc = line.rstrip()[:-2], ""
        items.append([names.strip(), desc.strip()])
    out = []
    for names, desc in items:
        shown = []
        for name in (n.strip() for n in names.split(",")):
            if not name:
                continue
            if _NAME.match(name) and _is_package_name(obj, name):
                shown.append(f"[`{name}`][]")
            else:
                shown.append(f"`{name}`")
        out.append(f"- {', '.join(shown)}" + (f": {desc}" if desc else ""))
    return ["", *out, ""]


def rewrite(obj: Object, text: str) -> str:
    """The docstring text of ``obj`` with See Also and References in renderable form."""
    preamble, sections = _split(text)
    own: dict[str, str] = {}
    new_sections = []
    for title, body in sections:
        low = title.lower()
        if low == "references":
            defs, rest = _definitions(body)
            own.update(defs)
            new_sections.append((title, rest))
        elif low == "see also":
            new_sections.append((title, _see_also(obj, body)))
        else:
            new_sections.append((title, body))
    cited: list[str] = []

    def cite(match: re.Match) -> str:
        if match["label"] not in cited:
            cited.append(match["label"])
        return rf"\[{match['label']}\]"

    preamble = [_CITATION.sub(cite, line) for line in preamble]
    new_sections = [(t, [_CITATION.sub(cite, ln) for ln in b]) for t, b in new_sections]
    available = {**_module_definitions(obj), **own}
    listed = dict(own)
    for label in cited:
        if label not in listed and label in available:
            listed[label] = available[label]
    if not listed:
        return _join(preamble, new_sections)
    titles = [t.lower() for t, _ in new_sections]
    here: dict[str, str] = {}  # "[1]_ eqs (11), (38)." -> the item of [1] says where
    text_paragraphs: list[str] = []
    if "references" in titles:
        body = new_sections[titles.index("references")][1]
        for para in "\n".join(body).split("\n\n"):
            para = " ".join(para.split())
            lead = re.match(r"^\\\[(?P<label>[\w-]+)\\\]\s*(?P<rest>.*)$", para)
            if lead and lead["label"] in listed and lead["label"] not in here:
                here[lead["label"]] = lead["rest"]
            elif para:
                text_paragraphs.append(para)
    items = [
        rf"- \[{label}\] {_CITATION.sub(cite, ref)}"
        + (f" Cited here for: {here[label]}" if here.get(label) else "")
        for label, ref in listed.items()
    ]
    if "references" in titles:
        k = titles.index("references")
        body = [line for para in text_paragraphs for line in (para, "")]
        new_sections[k] = ("References", ["", *body, *items, ""])
    else:
        at = titles.index("examples") if "examples" in titles else len(new_sections)
        new_sections.insert(at, ("References", ["", *items, ""]))
    return _join(preamble, new_sections)


def _walk(obj: Object):
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _walk(member)


def _add_lazy_aliases(module: Module) -> None:
    lazy = module.members.get("_LAZY")
    if lazy is None or lazy.is_alias or getattr(lazy, "value", None) is None:
        return
    try:
        table = ast.literal_eval(str(lazy.value))
    except (ValueError, SyntaxError):
        return
    for name, submodule in table.items():
        if name not in module.members:
            module.set_member(name, Alias(name, f"{module.path}.{submodule}.{name}"))


class NumpydocSections(Extension):
    """Rewrite See Also and References of every docstring of the package (see module docs)."""

    def on_package(self, *, pkg: Module, **kwargs: Any) -> None:
        if pkg.name != PACKAGE:
            return
        for module in [o for o in _walk(pkg) if isinstance(o, Module)]:
            _add_lazy_aliases(module)
        objects = [o for o in _walk(pkg) if o.docstring is not None]
        # first the definitions of every module docstring, read before anything is rewritten
        for obj in objects:
            if isinstance(obj, Module):
                for title, body in _split(obj.docstring.value)[1]:
                    if title.lower() == "references":
                        obj._etunnel_refs = _definitions(body)[0]  # type: ignore[attr-defined]
        for obj in objects:
            obj.docstring.value = rewrite(obj, obj.docstring.value)
