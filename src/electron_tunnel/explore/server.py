"""Serving the explorer on the loopback interface only.

The server listens on ``127.0.0.1`` (never on every interface) and accepts websocket
connections only from pages served by itself (``127.0.0.1:PORT`` or ``localhost:PORT``). Panel's
and Bokeh's JavaScript and CSS come from the server itself, so the page works offline.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import socket
import sys
import webbrowser

from ..errors import InputError

__all__ = ["HOST", "PortInUseError", "free_port", "make_server", "serve"]

#: The only address the explorer listens on.
HOST = "127.0.0.1"


class PortInUseError(InputError):
    """The requested port cannot be bound on `HOST`."""


def free_port() -> int:
    """A TCP port that is free on `HOST` right now (chosen by the operating system)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _check_port(port: int) -> None:
    if not (isinstance(port, int) and 1 <= port <= 65535):
        raise InputError(f"port must be an integer in 1..65535, got {port!r}")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself binds
        try:
            s.bind((HOST, port))
        except OSError as exc:
            raise PortInUseError(
                f"port {port} on {HOST} is not available ({exc.strerror})"
            ) from None


def make_server(port: int | None = None):
    """A Bokeh/Panel server of [`electron_tunnel.explore.app`][] on ``127.0.0.1:port``.

    Parameters
    ----------
    port : int, optional
        TCP port; default: a free one.

    Returns
    -------
    (server, url)
        The (not yet started) ``bokeh.server.server.Server`` and the URL of the app.

    Raises
    ------
    PortInUseError
        If the port is taken (or otherwise cannot be bound).
    """
    os.environ.setdefault("BOKEH_RESOURCES", "server")  # JS/CSS from this server, not a CDN
    # deferred on purpose: Panel is imported only when the server is made (slow import)
    import panel as pn

    from . import TITLE, app

    pn.config.inline = False
    port = free_port() if port is None else port
    _check_port(port)
    origins = [f"{HOST}:{port}", f"localhost:{port}"]
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # Panel prints its own launch line
            server = pn.serve(
                {"/": app},
                port=port,
                address=HOST,
                websocket_origin=origins,
                show=False,
                start=False,
                title=TITLE,
                threaded=False,
            )
    except OSError as exc:
        raise PortInUseError(f"port {port} on {HOST} is not available ({exc.strerror})") from None
    return server, f"http://{HOST}:{port}/"


def serve(port: int | None = None, *, open_browser: bool = True, out=None) -> int:
    """Serve the explorer until Ctrl-C (SIGINT) or SIGTERM; returns 0.

    Parameters
    ----------
    port : int, optional
        TCP port on 127.0.0.1; default: a free one.
    open_browser : bool
        Open the default web browser at the app's URL.
    out : file, optional
        Where the URL is printed (default stdout).
    """
    out = out or sys.stdout
    server, url = make_server(port)
    loop = server.io_loop

    def stop(_signum, _frame):
        loop.add_callback_from_signal(loop.stop)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.start()
        out.write(f"electron-tunnel explorer: {url}  (Ctrl-C stops it)\n")
        out.flush()
        if open_browser:
            with contextlib.suppress(webbrowser.Error):
                webbrowser.open(url)
        loop.start()
    finally:
        with contextlib.suppress(Exception):
            server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    out.write("electron-tunnel explorer: stopped\n")
    return 0
