"""Drafts of outreach messages, kept per prospect and kind so no draft is ever lost.

Notebook 2 saves the text as the student types; after a restart the same prospect and kind
bring the draft back. Stored in ``messages.json`` as ``{prospect: {kind: text}}``; the
student's own name and goal, which every template uses, live in ``about_me.json``.
"""

from __future__ import annotations

from pathlib import Path

from .fields import FieldError
from .records import ProspectRecords
from .storage import load_json, save_json, work_dir

MESSAGES_FILE = "messages.json"
#: Longest draft kept. Far beyond any sensible message (which the checker flags long before),
#: but it stops a runaway paste from filling the work folder.
MAX_DRAFT_CHARS = 50_000


def load_draft(prospect: str, kind: str, folder: str | Path | None = None) -> str:
    """The saved draft for ``prospect`` and message ``kind`` ("" when there is none)."""
    saved = ProspectRecords(MESSAGES_FILE, folder).get(prospect, {})
    text = saved.get(kind, "") if isinstance(saved, dict) else ""
    return text if isinstance(text, str) else ""


def save_draft(prospect: str, kind: str, text: str, folder: str | Path | None = None) -> Path:
    """Save ``text`` as the draft of ``kind`` for ``prospect``, keeping their other drafts.

    Raises:
        FieldError: on ``draft``, when ``text`` is longer than :data:`MAX_DRAFT_CHARS`;
            nothing is saved.
    """
    if len(text) > MAX_DRAFT_CHARS:
        raise FieldError("draft", f"This draft is {len(text):,} characters long, more than the "
                         f"{MAX_DRAFT_CHARS:,} the kit keeps: it was not saved.")
    records = ProspectRecords(MESSAGES_FILE, folder)
    saved = records.get(prospect, {})
    drafts = dict(saved) if isinstance(saved, dict) else {}
    drafts[kind] = text
    return records.set(prospect, drafts)


ABOUT_ME_FILE = "about_me.json"


def load_about_me(folder: str | Path | None = None) -> dict[str, str]:
    """What the student said about themselves for templates: ``{"name": ..., "goal": ...}``."""
    path = Path(folder if folder is not None else work_dir()) / ABOUT_ME_FILE
    saved = load_json(path, default={})
    saved = saved if isinstance(saved, dict) else {}
    return {key: saved.get(key, "") if isinstance(saved.get(key, ""), str) else ""
            for key in ("name", "goal")}


def save_about_me(name: str, goal: str, folder: str | Path | None = None) -> Path:
    """Save the student's name and goal, used by every message template."""
    path = Path(folder if folder is not None else work_dir()) / ABOUT_ME_FILE
    return save_json(path, {"name": name.strip(), "goal": goal.strip()})
