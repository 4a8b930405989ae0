"""Grade export an LMS takes: one row per student, each rubric point, and an honest status.

``nbgrader export`` gives totals only, and a submission whose autograde failed shows 0.0, the
same as a real zero. Here every row carries a ``status``: ``graded``, ``needs manual grade``,
``flagged``, ``no answer submitted``, ``summary unreadable``, ``grading failed``, ``not autograded yet`` or ``not
submitted``; scores are left blank (never 0) when there is nothing to score, so a gradebook
import cannot turn a grading failure into a zero. A second file in Canvas's gradebook import
format carries the totals that are final: a student whose manual point is not graded yet is
held back (left blank, which Canvas leaves as it was) unless the instructor asks for
provisional totals, and the ``canvas`` column of the first file says which it was.

Everything is read from nbgrader's gradebook (``nbgrader.api.Gradebook``); on disk, the
submitted folder tells "collected, not autograded yet" from "not submitted", and the autograded
notebook says whether the grader found a summary at all (a submission without one is "no answer
submitted", a final 0, not a manual grade to wait for) and whether it could read it (a broken
file is "summary unreadable": its points so far are real, but it is held back like a manual grade
to wait for, because the student should be asked for the file again).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..graded_cells import RUBRIC_CELL_PREFIX
from ..render import counted, neutralise_formula
from ..storage import atomic_write_text
from .cells import summary_status
from .gradebook import course_db_url

GRADED = "graded"
NEEDS_MANUAL = "needs manual grade"
FLAGGED = "flagged"
NO_ANSWER = "no answer submitted"
UNREADABLE = "summary unreadable"
FAILED = "grading failed"
NOT_AUTOGRADED = "not autograded yet"
NOT_SUBMITTED = "not submitted"
#: Statuses whose scores are real (a zero among them is a zero the student earned).
SCORED = (GRADED, NEEDS_MANUAL, FLAGGED, NO_ANSWER, UNREADABLE)
#: What the ``canvas`` column says happened to a student's row in the Canvas file.
POSTED = "posted"
HELD_BACK = "held back: manual grade pending"
PROVISIONAL = "posted as provisional: manual grade pending"
NO_SCORE = "left blank: no score"

CANVAS_HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


@dataclass
class StudentGrade:
    """One student's row: who, the status, the total and each graded cell's score."""

    student_id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    status: str = NOT_SUBMITTED
    total: float | None = None
    max_total: float = 0.0
    cells: dict[str, float | None] = field(default_factory=dict)
    """Graded cell (rubric point or manual task) -> score; None when there is no score."""
    pending: list[str] = field(default_factory=list)
    """Graded cells a person still has to grade (their score so far counts as 0)."""

    def canvas_state(self, include_pending: bool = False) -> str:
        """What the Canvas file does with this row: :data:`POSTED`, :data:`HELD_BACK`, ..."""
        if self.status not in SCORED:
            return NO_SCORE
        if self.pending:
            return PROVISIONAL if include_pending else HELD_BACK
        return POSTED


def _score(grade) -> float | None:
    if grade.manual_score is not None:
        return float(grade.manual_score) + float(grade.extra_credit or 0)
    if grade.auto_score is not None:
        return float(grade.auto_score) + float(grade.extra_credit or 0)
    return None


def _summary_statuses(autograded_dir: str | Path | None, student: str, assignment: str,
                      notebooks: list[str]) -> set[str | None]:
    """What the grader found of this student's summary, per rubric notebook: ``ok``,
    ``missing`` (no ``my_work``) or ``unreadable`` (see ``cells.summary_status``)."""
    if autograded_dir is None:
        return set()
    folder = Path(autograded_dir) / student / assignment
    return {summary_status(folder / f"{name}.ipynb") for name in notebooks}


def collect_grades(db_url: str, assignment: str, course_id: str = "",
                   submitted_dir: str | Path | None = None,
                   autograded_dir: str | Path | None = None,
                   ) -> tuple[list[str], list[StudentGrade]]:
    """Read ``assignment``'s grades for every student in the gradebook.

    Returns the graded cell names (in notebook order) and one :class:`StudentGrade` per student.
    ``submitted_dir`` (the course's ``submitted/`` folder) lets a submission collected but not
    yet autograded show as such instead of "not submitted"; ``autograded_dir`` (``autograded/``)
    lets a submission without a summary show as "no answer submitted".
    """
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url, course_id) as gb:
        target = gb.find_assignment(assignment)
        cells: list[tuple[str, float]] = []
        answers = {c.name for nb in target.notebooks for c in nb.solution_cells}
        rubric_notebooks = [nb.name for nb in target.notebooks
                            if any(c.name.startswith(RUBRIC_CELL_PREFIX) for c in nb.grade_cells)]
        for notebook in target.notebooks:
            graded = list(notebook.grade_cells) + list(notebook.task_cells)
            order = {c.name: i for i, c in enumerate(notebook.source_cells)}
            graded.sort(key=lambda c: order.get(c.name, len(order)))
            cells += [(c.name, float(c.max_score)) for c in graded]
        max_total = sum(points for _, points in cells)
        rows = []
        for student in sorted(gb.students, key=lambda s: s.id):
            row = StudentGrade(student.id, student.first_name or "", student.last_name or "",
                               student.email or "", max_total=max_total,
                               cells={name: None for name, _ in cells})
            try:
                submission = gb.find_submission(assignment, student.id)
            except MissingEntry:
                on_disk = submitted_dir is not None and (
                    Path(submitted_dir) / student.id / assignment).is_dir()
                row.status = NOT_AUTOGRADED if on_disk else NOT_SUBMITTED
                rows.append(row)
                continue
            grades = {g.name: g for nb in submission.notebooks for g in nb.grades}
            row.cells = {name: (_score(grades[name]) if name in grades else None)
                         for name, _ in cells}
            # test cells are scored by the autograder; no score there means it never finished
            autograded = [g for g in grades.values()
                          if g.cell_type == "code" and g.name not in answers]
            if any(g.auto_score is None and g.manual_score is None for g in autograded):
                row.status = FAILED
                row.cells = {name: None for name, _ in cells}
            else:
                row.total = sum(v for v in row.cells.values() if v is not None)
                row.pending = [name for name, _ in cells
                               if name in grades and grades[name].needs_manual_grade]
                found = _summary_statuses(autograded_dir, student.id, assignment, rubric_notebooks)
                if "missing" in found:
                    # nothing for a person to read: the missing manual points are a final 0
                    row.cells.update({name: 0.0 for name in row.pending})
                    row.status, row.pending = NO_ANSWER, []
                elif "unreadable" in found:
                    row.status = UNREADABLE  # its pending points stay pending: ask for the file
                elif any(nb.flagged for nb in submission.notebooks):
                    row.status = FLAGGED
                elif row.pending:
                    row.status = NEEDS_MANUAL
                else:
                    row.status = GRADED
            rows.append(row)
    return [name for name, _ in cells], rows


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def grades_csv(cell_names: list[str], rows: list[StudentGrade],
               include_pending: bool = False) -> str:
    """The per-student CSV: identity, status, total, maximum, what the Canvas file did with the
    row (``canvas``), then one column per graded cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student_id", "last_name", "first_name", "email", "status", "total",
                     "max_total", "canvas", *cell_names])
    for r in rows:
        names = (r.student_id, r.last_name, r.first_name, r.email)
        writer.writerow([*map(neutralise_formula, names), r.status, _number(r.total),
                         _number(r.max_total), r.canvas_state(include_pending),
                         *(_number(r.cells.get(name)) for name in cell_names)])
    return out.getvalue()


def read_canvas_roster(path: str | Path) -> dict[str, dict[str, str]]:
    """Canvas's own gradebook export, keyed by SIS User ID (what nbgrader's student id is)."""
    text = Path(path).read_text(encoding="utf-8-sig")
    roster = {}
    for row in csv.DictReader(io.StringIO(text)):
        sis = (row.get("SIS User ID") or "").strip()
        if sis:
            roster[sis] = {k: (row.get(k) or "").strip() for k in CANVAS_HEADER}
    return roster


def canvas_csv(rows: list[StudentGrade], column: str,
               roster: dict[str, dict[str, str]] | None = None,
               include_pending: bool = False) -> str:
    """Canvas gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, ``column``.

    The second row is Canvas's "Points Possible". A student whose grading failed or who has no
    score gets an empty cell, which Canvas leaves as it was instead of recording a zero; so does
    one whose manual point is not graded yet, unless ``include_pending`` (then the points so far
    are posted, and :func:`grades_csv` marks the row provisional).
    """
    roster = roster or {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CANVAS_HEADER, column])
    max_total = rows[0].max_total if rows else 0.0
    writer.writerow(["Points Possible", "", "", "", "", _number(max_total)])
    for r in rows:
        known = roster.get(r.student_id, {})
        name = known.get("Student") or ", ".join(p for p in (r.last_name, r.first_name) if p)
        posted = r.canvas_state(include_pending) in (POSTED, PROVISIONAL)
        writer.writerow([neutralise_formula(name or r.student_id), known.get("ID", ""),
                         neutralise_formula(r.student_id),
                         known.get("SIS Login ID", ""), known.get("Section", ""),
                         _number(r.total) if posted else ""])
    return out.getvalue()


def export_command(argv: list[str]) -> int:
    """``infoview-kit export ASSIGNMENT``: write the grade CSV and the Canvas import file."""
    parser = argparse.ArgumentParser(
        prog="infoview-kit export",
        description="Export an assignment's grades from nbgrader's gradebook: one row per "
                    "student with a status and every rubric point, plus a Canvas import file.")
    parser.add_argument("assignment", help="assignment name, e.g. interviews")
    parser.add_argument("--course", default=".", help="course folder (holds gradebook.db); "
                                                      "default: the current folder")
    parser.add_argument("--db", help="gradebook URL (default: the course config's "
                                     "CourseDirectory.db_url, else sqlite:///COURSE/gradebook.db)")
    parser.add_argument("--course-id", default="", help="nbgrader course id, if the gradebook "
                                                        "holds several courses")
    parser.add_argument("--out", default="grades.csv", help="per-student CSV (default: grades.csv)")
    parser.add_argument("--canvas", default="canvas_grades.csv",
                        help="Canvas gradebook import CSV (default: canvas_grades.csv)")
    parser.add_argument("--canvas-column", help="Canvas assignment column, e.g. "
                                                "'Interview summary (12345)' (default: ASSIGNMENT)")
    parser.add_argument("--canvas-roster", help="a gradebook CSV exported from Canvas, to fill "
                                                "in Canvas IDs and sections by SIS User ID")
    parser.add_argument("--include-pending", action="store_true",
                        help="also post the points so far of students whose manual point is not "
                             "graded yet (marked 'provisional' in the canvas column of --out); "
                             "by default they are left blank in the Canvas file")
    args = parser.parse_args(argv)

    course = Path(args.course).resolve()
    db_url = args.db or course_db_url(course)
    if db_url == f"sqlite:///{course / 'gradebook.db'}" and not (course / "gradebook.db").exists():
        print(f"infoview-kit export: no gradebook.db in {course}; run it in the course folder "
              "or pass --course", file=sys.stderr)
        return 2
    from nbgrader.api import MissingEntry

    try:
        cell_names, rows = collect_grades(db_url, args.assignment, args.course_id,
                                          course / "submitted", course / "autograded")
        roster = read_canvas_roster(args.canvas_roster) if args.canvas_roster else None
    except MissingEntry:
        print(f"infoview-kit export: no assignment {args.assignment!r} in the gradebook "
              f"({db_url}); run nbgrader generate_assignment and autograde first", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError) as exc:
        print(f"infoview-kit export: {exc}", file=sys.stderr)
        return 1
    pending = args.include_pending
    atomic_write_text(args.out, grades_csv(cell_names, rows, pending))
    atomic_write_text(args.canvas, canvas_csv(rows, args.canvas_column or args.assignment, roster,
                                              pending))
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(f"Wrote {args.out} and {args.canvas}: {counted(len(rows), 'student')} ({summary}).")
    broken = [r.student_id for r in rows if r.status == UNREADABLE]
    if broken:
        print(f"Summary unreadable (the autograded notebook 4 says why): {', '.join(broken)}. "
              "Ask them to save the summary again from the form and resubmit.")
    waiting = [r.student_id for r in rows if r.pending]
    if waiting and pending:
        print(f"Posted as PROVISIONAL in {args.canvas} (a manual point is not graded yet): "
              f"{', '.join(waiting)}. Export again once they are graded.")
    elif waiting:
        print(f"Held back from {args.canvas} (a manual point is not graded yet): "
              f"{', '.join(waiting)}. Grade them in the formgrader and export again, or pass "
              "--include-pending to post their points so far.")
    return 0
