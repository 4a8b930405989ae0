"""What the grader knows about each submission before nbgrader runs, and after it stopped.

:func:`check_submission` reads a submitted folder the way nbgrader will and says, in words an
instructor can act on, what will make its grading fail (a notebook that is not JSON, a deleted
answer cell) and what is worth a note (deleted test cells, restored before grading).
:class:`GradingRecord` tells a student graded by an earlier run from one an interrupted run left
half-done. nbgrader skips any student whose ``autograded/`` folder exists, even one a crash
stopped half-way (it writes each notebook there once before grading it and again after), so
the folder alone cannot say; the record, written as each student starts and finishes, can.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..render import noun
from .cells import grade_id, is_answer_cell, is_graded_cell, is_test_cell

NEW = "new"
GRADED = "graded"
INTERRUPTED = "interrupted"
RESUBMITTED = "resubmitted"
UNKNOWN = "graded elsewhere"


def _ids(cells, kind) -> list[str]:
    return [grade_id(cell) for cell in cells if kind(cell)]


def check_submission(folder: Path, sources: dict[str, dict]) -> tuple[list[str], list[str]]:
    """Problems that make grading fail, and notes worth a line, for one submitted folder.

    ``sources`` maps each notebook name of the assignment to its source notebook (parsed).
    """
    problems, notes = [], []
    for name, source in sorted(sources.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} is missing from the submission (re-submit it with "
                            f"nbgrader submit, or the student gets no marks for it)")
            continue
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            problems.append(f"{name} is not UTF-8 text; ask the student to re-submit it")
            continue
        except json.JSONDecodeError as error:
            problems.append(f"{name} is not valid JSON (line {error.lineno}, column "
                            f"{error.colno}: {error.msg}); open it in a text editor or ask the "
                            f"student to re-submit it")
            continue
        if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
            problems.append(f"{name} is JSON but not a notebook (no list of cells)")
            continue
        answers = {grade_id(cell) for cell in notebook["cells"]}
        lost = [cell for cell in _ids(source["cells"], is_answer_cell) if cell not in answers]
        if lost:
            problems.append(f"{name}: the answer {noun('cell', len(lost))} "
                            f"{', '.join(lost)} {'were' if len(lost) > 1 else 'was'} deleted or "
                            f"retyped, so nbgrader cannot grade it; a person must look at it "
                            f"(or the student re-submits with the cell from the released notebook)")
            continue
        known = {grade_id(cell) for cell in source["cells"] if is_graded_cell(cell)}
        forged = [grade_id(cell) or "(no id)" for cell in notebook["cells"]
                  if is_graded_cell(cell) and grade_id(cell) not in known]
        if forged:
            problems.append(f"{name}: {noun('cell', len(forged))} {', '.join(forged)} "
                            f"{'are' if len(forged) > 1 else 'is'} marked as graded but not in "
                            f"the released notebook (added or renamed by the student); nbgrader "
                            f"cannot grade the notebook with it: a person must look at it, or "
                            f"the student removes it and re-submits")
            continue
        present = set(_ids(notebook["cells"], is_test_cell))
        missing = [cell for cell in _ids(source["cells"], is_test_cell) if cell not in present]
        if missing:
            notes.append(f"{name}: test cells {', '.join(missing)} were deleted or retyped; "
                         f"they are restored from the source before grading")
    return problems, notes


def source_notebooks(course: Path, assignment: str) -> dict[str, dict]:
    """Each notebook of the source assignment, by file name, parsed."""
    sources = {}
    for path in sorted((course / "source" / assignment).glob("*.ipynb")):
        sources[path.name] = json.loads(path.read_text(encoding="utf-8"))
    return sources




def _timestamp(folder: Path) -> str:
    path = folder / "timestamp.txt"
    return path.read_text(encoding="utf-8", errors="replace").strip() if path.is_file() else ""


class GradingRecord:
    """Which students ``infoview-kit grade`` started and finished, one JSON line per event.

    Kept beside what it describes, in ``autograded/.infoview-grade-ASSIGNMENT.jsonl`` (nbgrader
    never reads dot-files there), so deleting ``autograded/`` forgets it too. Only the grade
    command writes it, from one process.
    """

    def __init__(self, course: Path, assignment: str) -> None:
        self.course, self.assignment = course, assignment
        self.path = course / "autograded" / f".infoview-grade-{assignment}.jsonl"
        self.last: dict[str, dict] = {}
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        for line in lines:
            try:
                event = json.loads(line)
                self.last[str(event["student"])] = event
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a crash

    def state(self, student: str) -> str:
        """:data:`NEW`, :data:`GRADED`, :data:`INTERRUPTED`, :data:`RESUBMITTED`, or :data:`UNKNOWN`.

        Unknown: autograded by something else (plain ``nbgrader autograde``), which nbgrader
        itself is left to judge.
        """
        if not (self.course / "autograded" / student / self.assignment).is_dir():
            return NEW
        event = self.last.get(student)
        if event is None:
            return UNKNOWN
        if event.get("event") != "done":
            return INTERRUPTED
        submitted = self.course / "submitted" / student / self.assignment
        return GRADED if event.get("timestamp") == _timestamp(submitted) else RESUBMITTED

    def write(self, student: str, event: str) -> None:
        """Append one event (``start`` or ``done``) for ``student``."""
        timestamp = _timestamp(self.course / "submitted" / student / self.assignment)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"student": student, "event": event, "timestamp": timestamp})
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
        self.last[student] = {"student": student, "event": event, "timestamp": timestamp}
