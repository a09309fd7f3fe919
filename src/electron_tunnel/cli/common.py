"""Shared pieces of the ``etunnel`` subcommands: the parser, argument types, table printing.

A subcommand module exposes ``register(subparsers)``, which adds its parser and sets
``func=run``; ``run(args, out)`` writes to ``out`` and returns ``None`` (success) or an exit
status. A [`UserError`][] or ``ValueError`` raised by ``run`` becomes one line on stderr
and exit status 2.
"""

from __future__ import annotations

import argparse
import math
import re
import sys

from ..errors import ElectronTunnelError
from ..units import parse_length, parse_terms

__all__ = [
    "Parser",
    "UserError",
    "add_command",
    "checked_number",
    "coefficient",
    "fmt",
    "json_parent",
    "length",
    "num",
    "print_grid",
    "print_table",
    "progress_printer",
    "series_parent",
    "terms",
    "terms_label",
]

# a value such as "-5pm" or "-.3" that argparse would otherwise take for an option
_NEGATIVE_VALUE = re.compile(r"^-(\d|\.\d)")


class UserError(ElectronTunnelError):
    """A user error: printed as one line, exit status 2."""


#: Library parameter names and the flags that set them: the library names parameters, the
#: command line maps them to its flags (:func:`flag_message`).
PARAMETER_FLAGS: dict[str, str] = {
    "p_max": "--p-max",
    "t_max": "--t-max",
    "out_dir": "--out",
    "T_c": "--tc",
    "points": "--points",
    "B": "--bootstrap",
    "terms": "--terms",
    "alpha": "--alpha",
    "K0": "--bulk-modulus (GPa)",
    "scheduler": "--scheduler",
}
_PARAMETER = re.compile(
    r"\b(" + "|".join(map(re.escape, PARAMETER_FLAGS)) + r")\b(?=[:,)]| must| give)"
)


def flag_message(message: str) -> str:
    """A library message with its parameter names replaced by the flags that set them.

    Examples
    --------
    >>> flag_message("p_max: give either pressure or p_max, not both")
    '--p-max: give either --pressure or --p-max, not both'
    """
    message = _PARAMETER.sub(lambda m: PARAMETER_FLAGS[m.group(1)], message)
    message = re.sub(
        r"\bpass (alpha|K0)=\.\.\. \[[^]]*\]",
        lambda m: f"give {PARAMETER_FLAGS[m.group(1)]}",
        message,
    )
    message = message.replace("choose another store path", "choose another --out")
    return re.sub(r"\beither (pressure|temperature)\b", r"either --\1", message)


class Parser(argparse.ArgumentParser):
    """Argument parser whose errors are one line (no usage dump), exit status 2.

    A negative value written after a space (``--rv -5pm``) is read as the option's value, so
    that it reaches the value's own check and gets the same message as ``--rv=-5pm`` instead of
    "expected one argument".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # argparse reads "-5" or "-.5" as values, not options, when no option looks like a
        # negative number; widen its pattern to numbers with a unit ("-5pm", "-.5nm")
        self._negative_number_matcher = _NEGATIVE_VALUE

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def length(name):
    """Argument type: a length with a unit (``149pm``), checked by [`units.parse_length`][]."""

    def convert(text):
        try:
            return parse_length(text, name)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc).removeprefix(f"{name}: ")) from None

    convert.__name__ = "length"
    return convert


def terms(text):
    """Argument type: last series index N >= 0, or ``inf`` for the infinite series
    ([`units.parse_terms`][], which also takes its aliases)."""
    try:
        return parse_terms(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def checked_number(text, convert, requirement, valid=None, *, error=argparse.ArgumentTypeError):
    """``convert(text)``, or ``error`` naming ``requirement`` when that fails or, given
    ``valid``, when ``valid(value)`` is false.

    Examples
    --------
    >>> checked_number("8080", int, "port must be an integer in 1..65535", lambda v: v <= 65535)
    8080
    >>> checked_number("x", int, "port must be an integer in 1..65535")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: port must be an integer in 1..65535, got 'x'
    """
    try:
        value = convert(text)
    except ValueError:
        raise error(f"{requirement}, got {text!r}") from None
    if valid is not None and not valid(value):
        raise error(f"{requirement}, got {value}")
    return value


def coefficient(text):
    """Argument type: attraction coefficient c in [0, 1]."""
    value = checked_number(text, float, "c must be a number in [0, 1] (attraction coefficient)")
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(
            f"c must be in [0, 1] (attraction coefficient), got {text}"
        )
    return value


def terms_label(n):
    """Words for a number of series terms."""
    return "infinite series" if n is None else ("first term (eq 37)" if n == 0 else f"i = 0..{n}")


def num(value):
    """A float for JSON, ``None`` for NaN/None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def print_table(rows, out):
    """Print ``(key, value)`` pairs as two aligned columns."""
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        out.write(f"{key:<{width}}  {value}\n")


def print_grid(header, rows, out):
    """Print a table with a header line and a rule under it."""
    cells = [header] + [[str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for k, row in enumerate(cells):
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")
        if k == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def fmt(value, spec=".6g"):
    """Format a number, or an em dash for ``None``."""
    return "—" if value is None else format(value, spec)


def progress_printer(quiet):
    """A progress callback writing one line per step to stderr (silent with --quiet)."""

    def progress(line):
        if not quiet:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    return progress


def add_command(subparsers, name, run, *, json=False, **kwargs):
    """Add the subcommand ``name``, which calls ``run``, and return its parser.

    With ``json``, the subcommand takes ``--json`` ([`json_parent`][]); ``kwargs`` (``help``,
    ``description``, ...) go to ``add_parser``.
    """
    p = subparsers.add_parser(name, parents=[json_parent()] if json else [], **kwargs)
    p.set_defaults(func=run)
    return p


def json_parent():
    """Parent parser adding ``--json``."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return p


def series_parent():
    """Parent parser adding ``--terms``."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--terms",
        type=terms,
        default=None,
        help="last index N of the series (0 = the paper's first term d, eq 37); "
        "default: the infinite series",
    )
    return p
