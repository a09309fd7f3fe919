"""The ``explore`` subcommand: the interactive explorer in the browser, on 127.0.0.1 only."""

from __future__ import annotations

from .common import UserError, add_command, checked_number

__all__ = ["register"]


def run(args, out):
    # deferred on purpose: Panel and Bokeh take a second or more to import, which would slow
    # down every other subcommand's start-up
    from ..explore import server

    try:
        return server.serve(args.port, open_browser=not args.no_browser, out=out)
    except server.PortInUseError as exc:
        raise UserError(str(exc)) from None


def _port(text):
    return checked_number(
        text, int, "port must be an integer in 1..65535", lambda v: 1 <= v <= 65535
    )


def register(subparsers):
    """Add ``explore`` to ``subparsers``."""
    p = add_command(
        subparsers,
        "explore",
        run,
        help="interactive explorer in the web browser (tunnel, state diagram, screening)",
        description="Serve the electron-tunnel explorer on 127.0.0.1 (this machine only) and open "
        "it in the default web browser. Ctrl-C stops it. Needs the [explore] extra: "
        "pip install 'electron-tunnel[explore]'.",
    )
    p.add_argument("--port", type=_port, help="TCP port (default: a free one)")
    p.add_argument("--no-browser", action="store_true", help="do not open a web browser")
