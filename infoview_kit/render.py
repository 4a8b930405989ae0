"""Small HTML pieces shared by the results the kit shows in a notebook, and their one look.

Everything a student typed passes through :func:`escape` before it reaches HTML, so a name
like ``<Sam & Co>`` shows as typed and never breaks the page.

Feedback has one set of colours and icons (:data:`FEEDBACK`), used by the checkers, the forms
and the rubric alike. No state relies on colour alone: each has its own icon and word, and the
colours are dark shades of the Okabe-Ito set (vermillion, blue, bluish green), which stay
distinct with every common colour-vision deficiency; never red beside green. The icons are
plain symbols every common font has (DejaVu Sans included), never emoji, so no mark shows as a
blank box.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence

#: How wide a form's inputs, tables and rows of buttons may grow, and the results shown under a
#: form: one right edge for all of them.
CONTENT_MAX_WIDTH = "46rem"


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


def noun(word: str, n: int, plural: str | None = None) -> str:
    """*word* in the number that fits *n*: "message" for 1, "messages" otherwise.

    The usual English endings are built in ("process" -> "processes", "reply" -> "replies");
    pass *plural* for the rest ("person", "people").
    """
    if n == 1:
        return word
    if plural:
        return plural
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def counted(n: int, word: str, plural: str | None = None) -> str:
    """A count and its noun that read right: "1 message", "2 messages", "1,200 words".

    Every count the kit shows goes through here, so none reads "1 message(s)".
    """
    return f"{n:,} {noun(word, n, plural)}"


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def show_date(value: dt.date) -> str:
    """A day as the kit shows it, "Sat 28 Nov 2026"; a datetime adds the time, "…, 15:59".

    One way to write dates in everything a student reads (files for other programs, such as
    the log's CSV, keep ISO dates). English names whatever the machine's locale, because the
    rest of the kit's text is English too.
    """
    day = f"{_DAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]} {value.year}"
    return f"{day}, {value:%H:%M}" if isinstance(value, dt.datetime) else day


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


#: Feedback state -> (icon, word, colour). "missed" is a rubric point not earned yet.
FEEDBACK: dict[str, tuple[str, str, str]] = {
    "problem": ("\u26a0", "Problem", "#a63d00"),
    "missed": ("\u2717", "Not yet", "#a63d00"),
    "tip": ("\u2139", "Tip", "#0b5a8f"),
    "info": ("\u2139", "Note", "#0b5a8f"),
    "ok": ("\u2713", "Ready", "#00664a"),
}


def icon(state: str) -> str:
    """The icon of feedback ``state``, hidden from screen readers (the word says it)."""
    return f'<span aria-hidden="true">{FEEDBACK[state][0]}</span>'


def badge(state: str, word: str | None = None) -> str:
    """An icon plus a bold word for ``state`` (its own word unless ``word`` is given)."""
    mark, default, colour = FEEDBACK[state]
    return (f'<span style="color:{colour};font-weight:bold" aria-hidden="true">{mark}</span> '
            f'<strong style="color:{colour}">{escape(word or default)}:</strong>')


def mark(state: str, word: str) -> str:
    """A coloured icon and ``word`` in one span: a table cell's verdict ("✓ Passed").

    The span never wraps: in a narrow table an icon alone on one line and its word on the
    next reads as two verdicts.
    """
    return (f'<span style="color:{FEEDBACK[state][2]};white-space:nowrap">'
            f'{icon(state)} {escape(word)}</span>')


def status_line(state: str, message: str) -> str:
    """One line of feedback (a form's status or a field's error): icon, then the message.

    A problem is announced at once (``role="alert"``); anything else politely.
    """
    role = "alert" if state in ("problem", "missed") else "status"
    mark_, _, colour = FEEDBACK[state]
    return f'<span role="{role}" style="color:{colour}">{mark_} {escape(message)}</span>'


def block(state: str, title: str, lines: list[tuple[str, str]], footer: str = "") -> str:
    """A bordered block: a title line, then one line per ``(state, text)``, then a footer.

    ``title``, the texts and ``footer`` are plain text and are escaped here.
    """
    mark_, _, colour = FEEDBACK[state]
    items = "".join(
        f'<li style="margin:0.2em 0">{badge(sev)} {escape(text)}</li>' for sev, text in lines
    )
    body = (f'<ul style="list-style:none;padding-left:0.2em;margin:0.4em 0">{items}</ul>'
            if items else "")
    foot = f'<div style="opacity:0.8;font-size:0.9em">{escape(footer)}</div>' if footer else ""
    return (
        f'<div role="status" style="border-left:0.35em solid {colour};padding:0.4em 0.9em;'
        f'margin:0.3em 0;font-family:sans-serif;line-height:1.4">'
        f'<div style="font-weight:bold;color:{colour}"><span aria-hidden="true">{mark_}</span> '
        f"{escape(title)}</div>{body}{foot}</div>"
    )
