"""HTML snippets shared by the explorer's tabs: the state badge, error messages, read-outs.

Every snippet escapes its text; numbers arrive already computed by the package.
"""

from __future__ import annotations

import functools
import html
import math

__all__ = ["SERIES", "badge_html", "error_html", "guarded", "readout_html"]

#: Labels of the tabs' series switches and the ``terms`` argument each one means.
SERIES = {"full series (eq 24)": None, "first term (eq 37)": 0}


def badge_html(state: str, colours: dict) -> str:
    """A coloured badge naming the electrical-resistance ``state`` (colour from ``colours``).

    Examples
    --------
    >>> "superconductor" in badge_html("superconductor", {"superconductor": "#f6c9a8"})
    True
    """
    colour = colours.get(state, "#dddddd")
    word = html.escape(state)
    return (
        f'<div class="state-badge" data-state="{word}" style="display:inline-block;'
        f"background:{colour};border:1px solid #00000033;border-radius:14px;"
        f'padding:6px 16px;font-size:1.25em;font-weight:600;letter-spacing:0.02em">{word}</div>'
    )


def error_html(message: str) -> str:
    """A visible one-line error message (red text, ``role="alert"``)."""
    return (
        f'<div class="input-error" role="alert" style="color:#b00020;font-size:0.9em">'
        f"⚠ {html.escape(message)}</div>"
    )


def readout_html(rows, note: str = "") -> str:
    """A two-column table of ``(key, label, value, text)`` rows.

    ``text`` is shown; ``value`` (full precision, ``repr``) is kept in the cell's
    ``data-value`` attribute so that tests can compare it with the package's functions.
    """
    out = ['<table class="readout" style="border-collapse:collapse;font-size:0.95em">']
    for key, label, value, text in rows:
        number = float(value)
        data = repr(number) if math.isfinite(number) else "nan"
        out.append(
            f'<tr><td style="padding:3px 10px 3px 0;color:#444">{html.escape(label)}</td>'
            f'<td class="value-{html.escape(key)}" data-value="{data}" '
            f'style="padding:3px 0;font-family:monospace">{html.escape(text)}</td></tr>'
        )
    out.append("</table>")
    if note:
        out.append(f'<div style="color:#666;font-size:0.85em">computed with the {note}</div>')
    return "".join(out)


def guarded(pane: str):
    """Decorator of a tab's callback: an unexpected exception becomes one visible line in the
    HTML pane ``self.<pane>`` instead of a traceback on the page or in the terminal.

    Expected bad input is handled by the callbacks themselves; this is the last resort.
    """

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:  # the last resort: shown on the page, see the docstring
                getattr(self, pane).object = error_html(
                    f"could not update: {type(exc).__name__}: {exc}"
                )
                return None

        return wrapper

    return decorate
