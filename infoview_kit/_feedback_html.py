"""Shared HTML for feedback blocks (message reports, question verdicts).

Both checkers show the same three states, so they share one look. The states never rely on
colour alone: each line starts with an icon *and* a word ("Problem", "Tip", "Ready"), and the
colours are an orange/blue/green set that stays distinct for the common colour-vision
deficiencies. Every piece of student text goes through :func:`html.escape` here, so callers
cannot forget it.
"""

from __future__ import annotations

from html import escape

# severity -> (icon, label, colour); orange and blue are told apart by red-green colour-blind readers
STATES: dict[str, tuple[str, str, str]] = {
    "problem": ("\u2716", "Problem", "#b35900"),
    "tip": ("\u2139", "Tip", "#1f5fa8"),
    "ok": ("\u2714", "Ready", "#1a7f37"),
}


def badge(severity: str) -> str:
    """An icon plus a bold word for *severity*, coloured but readable without colour."""
    icon, label, colour = STATES[severity]
    return (
        f'<span style="color:{colour};font-weight:bold" aria-hidden="true">{icon}</span> '
        f'<strong style="color:{colour}">{label}:</strong>'
    )


def block(severity: str, title: str, lines: list[tuple[str, str]], footer: str = "") -> str:
    """A bordered block: a title line, then one line per ``(severity, text)``, then a footer.

    *title*, the texts and *footer* are plain text and are escaped here.
    """
    icon, _, colour = STATES[severity]
    items = "".join(
        f'<li style="margin:0.2em 0">{badge(sev)} {escape(text)}</li>' for sev, text in lines
    )
    body = f'<ul style="list-style:none;padding-left:0.2em;margin:0.4em 0">{items}</ul>' if items else ""
    foot = f'<div style="opacity:0.8;font-size:0.9em">{escape(footer)}</div>' if footer else ""
    return (
        f'<div role="status" style="border-left:0.35em solid {colour};padding:0.4em 0.9em;'
        f'margin:0.3em 0;font-family:sans-serif;line-height:1.4">'
        f'<div style="font-weight:bold;color:{colour}"><span aria-hidden="true">{icon}</span> '
        f"{escape(title)}</div>{body}{foot}</div>"
    )
