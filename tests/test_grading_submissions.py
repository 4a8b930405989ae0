"""What the grader reads from a submission before nbgrader runs, and the record of each run."""

from __future__ import annotations

import json

import pytest

from infoview_kit.grading.submissions import (GRADED, INTERRUPTED, NEW, RESUBMITTED, UNKNOWN,
                                              GradingRecord, check_submission)

SOURCE = {"cells": [
    {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "answer", "solution": True}}},
    {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "check", "grade": True,
                                                    "solution": False}}},
]}


@pytest.mark.parametrize("content, expected", [
    ('{"cells": [', "is not valid JSON (line 1, column 12"),
    ("[1, 2]", "is JSON but not a notebook"),
    ('{"cells": []}', "the answer cell answer was deleted"),
])
def test_broken_notebooks_are_named_with_what_is_wrong(tmp_path, content, expected):
    """Each kind of broken notebook gets a line saying what is wrong."""
    (tmp_path / "ps1.ipynb").write_text(content)
    problems, _ = check_submission(tmp_path, {"ps1.ipynb": SOURCE})
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_missing_notebook_and_deleted_test_cells_are_reported(tmp_path):
    """A notebook not submitted is a problem; deleted test cells are a note (restored)."""
    problems, _ = check_submission(tmp_path, {"ps1.ipynb": SOURCE})
    assert "ps1.ipynb is missing" in problems[0]
    (tmp_path / "ps1.ipynb").write_text(json.dumps({"cells": SOURCE["cells"][:1]}))
    problems, notes = check_submission(tmp_path, {"ps1.ipynb": SOURCE})
    assert problems == [] and "test cells check were deleted" in notes[0]


def test_a_graded_cell_the_release_does_not_have_is_a_problem(tmp_path):
    """A cell the student marked as graded themselves makes nbgrader fail: said beforehand."""
    forged = {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "bonus", "grade": True,
                                                             "points": 100}}}
    (tmp_path / "ps1.ipynb").write_text(json.dumps({"cells": SOURCE["cells"] + [forged]}))
    problems, _ = check_submission(tmp_path, {"ps1.ipynb": SOURCE})
    assert len(problems) == 1 and "cell bonus is marked as graded but not in the released" \
        in problems[0], problems


def _autograded(course, student, stamp="2026-11-20 10:00:00"):
    for folder in ("submitted", "autograded"):
        path = course / folder / student / "ps1"
        path.mkdir(parents=True)
        (path / "ps1.ipynb").write_text(json.dumps(SOURCE))
        (path / "timestamp.txt").write_text(stamp)


def test_the_record_tells_finished_from_interrupted_students(tmp_path):
    """A student started but never finished is interrupted, even with an autograded folder."""
    for student in ("done", "cut", "elsewhere"):
        _autograded(tmp_path, student)
    (tmp_path / "submitted" / "new" / "ps1").mkdir(parents=True)
    record = GradingRecord(tmp_path, "ps1")
    for student in ("done", "cut", "new"):
        record.write(student, "start")
    record.write("done", "done")
    again = GradingRecord(tmp_path, "ps1")  # read back from the file, as a new run does
    assert [again.state(s) for s in ("done", "cut", "new", "elsewhere")] == \
        [GRADED, INTERRUPTED, NEW, UNKNOWN]


def test_a_recollected_submission_is_not_taken_as_graded(tmp_path):
    """A submission collected again after grading (new timestamp) is for nbgrader to judge."""
    _autograded(tmp_path, "ann")
    record = GradingRecord(tmp_path, "ps1")
    record.write("ann", "done")
    (tmp_path / "submitted" / "ann" / "ps1" / "timestamp.txt").write_text("2026-11-21 09:00:00")
    assert GradingRecord(tmp_path, "ps1").state("ann") == RESUBMITTED


def test_a_line_cut_short_by_a_crash_is_ignored(tmp_path):
    """The record survives a crash mid-write: the broken last line is skipped."""
    _autograded(tmp_path, "ann")
    record = GradingRecord(tmp_path, "ps1")
    record.write("ann", "start")
    record.write("ann", "done")
    with open(record.path, "a") as handle:
        handle.write('{"student": "ann", "ev')
    assert GradingRecord(tmp_path, "ps1").state("ann") == GRADED
