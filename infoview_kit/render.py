"""Small HTML pieces shared by the results the kit shows in a notebook.

Everything a student typed passes through :func:`escape` before it reaches HTML, so a name
like ``<Sam & Co>`` shows as typed and never breaks the page.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence


def escape(value: object) -> str:
    """HTML-escape ``value`` (quotes included), turning ``None`` into an empty string."""
    return html.escape("" if value is None else str(value), quote=True)


def html_table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str = "",
               empty: str = "Nothing here yet.") -> str:
    """Render a plain, accessible HTML table (header cells with ``scope``), escaping each cell."""
    rows = list(rows)
    if not rows:
        return f"<p><em>{escape(empty)}</em></p>"
    head = "".join(f'<th scope="col" style="text-align:left">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td style="text-align:left">{escape(c)}</td>' for c in row) + "</tr>"
        for row in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


#: What a spreadsheet runs as a formula when a cell starts with it (tab and CR too: some
#: spreadsheets strip them and then see the "=").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> str:
    """Text a spreadsheet will show as typed rather than run as a formula (``'`` prefixed).

    Used on everything the kit writes for export: a contact called ``=HYPERLINK(...)`` must
    not become a live formula in an instructor's spreadsheet.
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
