"""The ``etunnel`` command line: a thin layer over the public functions.

Every subcommand prints a table for people, or JSON with ``--json``; bad input gives a
one-line error on stderr and exit status 2. Each subcommand lives in its own module of this
package and is listed in [`COMMANDS`][] (see [`electron_tunnel.cli.common`][] for the
protocol).
"""

from __future__ import annotations

import os
import sys

from .. import __version__
from ..errors import ElectronTunnelError, MissingExtraError
from . import diagram, explore, meissner, model, reports, screen, sweep
from .common import Parser, flag_message

__all__ = ["COMMANDS", "build_parser", "main"]

#: Subcommand modules, in the order ``etunnel --help`` lists them.
COMMANDS = (model, reports, diagram, explore, sweep, meissner, screen)


def build_parser() -> Parser:
    """The ``etunnel`` argument parser with every subcommand of [`COMMANDS`][]."""
    parser = Parser(
        prog="etunnel",
        description="Compute J. Z. Liu's electron-tunnel model of superconductivity.",
        epilog="Lengths take a unit: pm, Å (or A, angstrom), nm, um, m. Example: "
        "etunnel state --rv 149pm --rb 155pm --c 0.3",
    )
    parser.add_argument("--version", action="version", version=f"etunnel {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv=None) -> int:
    """Run ``etunnel``; returns the exit status (0 success, 2 bad input, 1 a missing extra)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    out = sys.stdout
    try:
        status = args.func(args, out)
    except MissingExtraError as exc:  # e.g. `etunnel sweep` without the [sweep] extra
        sys.stderr.write(f"etunnel {args.command}: error: {exc}\n")
        return 1
    except (ValueError, ElectronTunnelError) as exc:
        sys.stderr.write(f"etunnel {args.command}: error: {flag_message(str(exc))}\n")
        return 2
    except BrokenPipeError:  # e.g. `etunnel screen ... | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python flushes stdout again at exit
        return 1
    except MemoryError:
        sys.stderr.write(
            f"etunnel {args.command}: error: not enough memory (is --terms too large?)\n"
        )
        return 2
    return int(status or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
