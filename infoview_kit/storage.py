"""Saved work: where a student's answers live and how they are written without ever being lost.

Everything a student enters is kept in a work folder beside the notebooks (``my_work/``), as
JSON or CSV a person can open. Writes are atomic: the new content goes to a temporary file in
the same folder, is flushed to disk, and then replaces the old file in one ``os.replace``, so
a crash mid-save leaves either the old file or the new one, never a half-written or empty one.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

#: Environment variable that points the kit at another work folder (tests, JupyterHub set-ups).
WORK_DIR_ENV = "INFOVIEW_WORK_DIR"
#: Name of the work folder created beside the notebook a kernel runs in.
WORK_DIR_NAME = "my_work"


class SavedWorkError(ValueError):
    """A saved file exists but cannot be read; it is left untouched for the student to fix."""


def work_dir(create: bool = True) -> Path:
    """Return the student's work folder: ``$INFOVIEW_WORK_DIR`` or ``./my_work``.

    Jupyter starts a notebook's kernel in the notebook's own folder, so ``./my_work`` is the
    folder beside the notebooks, shared by all of them: that is how a later notebook finds
    what an earlier one saved.
    """
    path = Path(os.environ.get(WORK_DIR_ENV) or Path.cwd() / WORK_DIR_NAME)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (temporary file, fsync, rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            # keep the permissions a student (or a spreadsheet) gave the file
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def save_json(path: str | os.PathLike, data: Any) -> Path:
    """Save ``data`` as readable, indented JSON, atomically."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return atomic_write_text(path, text)


def load_json(path: str | os.PathLike, default: Any = None) -> Any:
    """Load JSON from ``path``; ``default`` when the file does not exist yet.

    Raises:
        SavedWorkError: the file exists but is not valid JSON. The message names the file,
            the line and the column, and says the file was left as it is.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return default
    except UnicodeDecodeError as exc:
        raise SavedWorkError(
            f"{path} is not a UTF-8 text file ({exc.reason} at byte {exc.start}). "
            "It was left as it is: open it, save it as UTF-8, and run this cell again."
        ) from None
    if not text.strip():
        return default
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SavedWorkError(
            f"{path} could not be read: {exc.msg} at line {exc.lineno}, column {exc.colno}. "
            "It was left as it is: fix that spot (or rename the file to start afresh) "
            "and run this cell again."
        ) from None
