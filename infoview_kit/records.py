"""Saved work kept per prospect: one JSON file mapping each prospect's name to what was entered.

Drafts of messages, research notes, question lists and meeting plans are all about one person,
so each lives in its own readable file (``messages.json``, ``research.json``, ...) keyed by the
prospect's name. A later notebook opens the same file and finds the entry for the prospect
chosen in notebook 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .render import counted
from .storage import SavedWorkError, load_json, save_json, work_dir


class ProspectRecords:
    """The entries of one per-prospect file, loaded once and saved atomically on request.

    Raises :class:`~infoview_kit.storage.SavedWorkError` on load when the file exists but is
    broken; the file is left untouched so nothing the student wrote is lost.
    """

    def __init__(self, filename: str, folder: str | Path | None = None):
        self.path = Path(folder if folder is not None else work_dir()) / filename
        data = load_json(self.path, default={})
        if not isinstance(data, dict):
            raise SavedWorkError(
                f"{self.path} should hold an object keyed by prospect name, but holds a "
                f"{type(data).__name__}. It was left as it is: fix it or rename it to start afresh."
            )
        self.entries: dict[str, Any] = data

    def get(self, prospect: str, default: Any = None) -> Any:
        """What was saved for ``prospect`` (``default`` when nothing was)."""
        return self.entries.get(prospect, default)

    def set(self, prospect: str, value: Any) -> Path:
        """Store ``value`` for ``prospect`` and save the whole file at once."""
        self.entries[prospect] = value
        return save_json(self.path, self.entries)

    def __repr__(self) -> str:
        return f"ProspectRecords({self.path.name!r}, {counted(len(self.entries), 'prospect')})"


#: Every file keyed by prospect name (drafts, research, questions, meeting plan).
PER_PROSPECT_FILES = ("messages.json", "research.json", "questions.json", "meeting.json")


def rename_prospect(old: str, new: str, folder: str | Path | None = None) -> list[str]:
    """Move what was saved under ``old`` to ``new`` in every per-prospect file.

    Called when a student renames a prospect, so their drafts and notes follow the new name
    instead of being stranded under the old one. An entry already saved under ``new`` is never
    overwritten, and a broken file is skipped (and left alone). Returns the files it could not
    update, with the reason, so the form can say so.
    """
    problems = []
    if old == new:
        return problems
    for filename in PER_PROSPECT_FILES:
        try:
            records = ProspectRecords(filename, folder)
        except SavedWorkError as exc:
            problems.append(str(exc))
            continue
        if old not in records.entries:
            continue
        if new in records.entries:
            problems.append(f"{filename} already has an entry for {new}; the one for {old} "
                            "was kept under the old name.")
            continue
        value = records.entries.pop(old)
        records.set(new, value)
    return problems
