"""The package's exceptions: one base class, each specific error also a builtin.

The pattern is astropy's ``units/errors.py``: every error the package raises on purpose
derives from [`ElectronTunnelError`][], so that a caller can write one ``except``; each also
derives from the builtin it refines, so that ``except ValueError`` keeps working.

Library messages name the *parameter* (``p_max``, ``out_dir``), never a command-line flag; the
command line maps parameters to its flags.

Examples
--------
>>> from electron_tunnel.errors import ElectronTunnelError, InputError
>>> issubclass(InputError, ValueError), issubclass(InputError, ElectronTunnelError)
(True, True)
"""

from __future__ import annotations

import importlib

__all__ = ["ElectronTunnelError", "InputError", "MissingExtraError", "OutputError", "require_extra"]


class ElectronTunnelError(Exception):
    """Base class of every error electron-tunnel raises on purpose."""


class InputError(ElectronTunnelError, ValueError):
    """An argument or input file is outside what the model or the command accepts."""


class OutputError(ElectronTunnelError, OSError):
    """A result could not be written (target not writable, disk full, ...); nothing was left
    half-written."""


class MissingExtraError(ElectronTunnelError, ImportError):
    """An optional part of the package was used without its extra installed.

    The message is one line naming the extra: ``pip install 'electron-tunnel[sweep]'``.
    """

    def __init__(self, feature: str, extra: str):
        self.feature, self.extra = feature, extra
        super().__init__(
            f"{feature} needs the [{extra}] extra: pip install 'electron-tunnel[{extra}]'"
        )


def require_extra(module: str, feature: str, extra: str):
    """Import ``module`` or raise [`MissingExtraError`][] naming ``extra``.

    Examples
    --------
    >>> require_extra("math", "arithmetic", "none").__name__
    'math'
    >>> try:
    ...     require_extra("no_such_module_xyz", "the sweep", "sweep")
    ... except MissingExtraError as exc:
    ...     print(exc)
    the sweep needs the [sweep] extra: pip install 'electron-tunnel[sweep]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(feature, extra) from exc
