"""Reading nbgrader's cell metadata, and which of a notebook's graded cells need a kernel.

A submitted notebook is untrusted JSON: any level of ``cell["metadata"]["nbgrader"]`` may be
missing or of the wrong type, so every reader here falls back to "not an nbgrader cell" instead
of raising.
"""

from __future__ import annotations

import json
import os

from ..graded_cells import ANSWER_CELL_ID, RUBRIC_CELL_PREFIX

#: Key the autograded notebook keeps (written by the rubric step): what the grader found of the
#: submitted summary, ``ok``, ``missing`` or ``unreadable``.
SUMMARY_STATUS_KEY = "infoview_summary_status"


def nbgrader_metadata(cell) -> dict:
    """The cell's ``metadata.nbgrader`` dict; empty when it has none (or it is malformed)."""
    metadata = cell.get("metadata") if isinstance(cell, dict) else None
    found = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    return found if isinstance(found, dict) else {}


def grade_id(cell) -> str:
    """The cell's nbgrader ``grade_id``, or ``""``."""
    return str(nbgrader_metadata(cell).get("grade_id") or "")


def is_test_cell(cell) -> bool:
    """An autograded test cell: graded, and not an answer."""
    meta = nbgrader_metadata(cell)
    return bool(meta.get("grade")) and not meta.get("solution")


def is_answer_cell(cell) -> bool:
    """A cell the student answers in (nbgrader's "solution")."""
    return bool(nbgrader_metadata(cell).get("solution"))


def is_graded_cell(cell) -> bool:
    """Any cell nbgrader tracks for a score: a test, an answer or a manually graded task."""
    meta = nbgrader_metadata(cell)
    return any(meta.get(flag) for flag in ("grade", "solution", "task"))


def is_data_graded(cell) -> bool:
    """A cell the grader's own process fills from the submitted summary, never the kernel.

    These are the rubric cells (``rubric_<point>``) and the summary's answer cell: the rubric
    step overwrites their outputs whatever the kernel printed.
    """
    name = grade_id(cell)
    return name == ANSWER_CELL_ID or name.startswith(RUBRIC_CELL_PREFIX)


def cells_needing_a_kernel(cells) -> list[str]:
    """Graded code cells whose score depends on running the notebook (their grade ids).

    A code cell that nbgrader scores or that a person grades from its output (``grade``), and
    that is not data-graded, needs the notebook executed. Markdown cells (tasks, written
    answers) and answer cells no test reads never do. A graded cell whose id nbgrader dropped
    (a student's own, unknown to the gradebook) counts too, shown as ``(no id)``.
    """
    return [grade_id(cell) or "(no id)" for cell in cells
            if isinstance(cell, dict) and cell.get("cell_type") == "code"
            and nbgrader_metadata(cell).get("grade") and not is_data_graded(cell)]


def summary_status(autograded_notebook: str | os.PathLike) -> str | None:
    """What the grader found of the summary, read from an autograded notebook's metadata.

    ``None`` when the notebook is not there, cannot be read, or was graded before the key
    existed: the caller then knows nothing either way.
    """
    try:
        with open(autograded_notebook, encoding="utf-8") as handle:
            status = json.load(handle).get("metadata", {}).get(SUMMARY_STATUS_KEY)
    except (OSError, ValueError, AttributeError):
        return None
    return status if isinstance(status, str) else None
