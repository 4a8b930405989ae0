"""Does the same class loop pass with nbgrader's embedded default, SQLite, and one grader?

SQLite (``gradebook.db`` in the course folder) is what a course gets without a ``db_url``: right
for one machine and one grader at a time. Through the hub, in Chromium, a student submits; the
instructor (the only grader; no TA here) collects, autogrades (one process), scores the
reflection in the formgrader and releases feedback, which the student fetches.
"""

from __future__ import annotations

import pytest

import hub_steps as steps
from hub_class import Classroom, open_class
from hub_flows import INTERVIEWS

pytestmark = [pytest.mark.hub, pytest.mark.browser, pytest.mark.nbgrader,
              pytest.mark.requires_root, pytest.mark.slow]

SCORES = (1.0,)


@pytest.fixture(scope="module")
def sqlite_class(hub_environment_dir, hub_browser_instance):
    """The whole loop, run once; the tests check what it left behind."""
    cls = open_class(hub_environment_dir, "sqlite", students=1, ta=False)
    try:
        hub_browser_instance.call(steps.students_submit, cls)
        collected = steps.collect(cls)
        autograde = steps.autograde(cls, jobs=1)
        plan = {"instructor": [(s.name, score) for s, score in zip(cls.students, SCORES)]}
        hub_browser_instance.call(steps.grade_reflections, cls, plan)
        exported, rows = steps.export_grades(cls)
        feedback = hub_browser_instance.call(steps.release_and_fetch_feedback, cls)
        yield {"cls": cls, "collect": collected, "autograde": autograde, "export": exported,
               "rows": rows, "feedback": feedback}
    finally:
        cls.close()


def test_the_gradebook_is_sqlite_in_the_course_folder(sqlite_class):
    cls: Classroom = sqlite_class["cls"]
    assert cls.postgres is None
    assert (cls.course / "gradebook.db").is_file()


def test_collect_and_autograde_take_every_submission(sqlite_class):
    collected, autograde = sqlite_class["collect"], sqlite_class["autograde"]
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert "1 submission collected, 0 refused" in collected.stdout
    assert autograde.returncode == 0, autograde.stdout + autograde.stderr
    assert "1 graded" in autograde.stdout


def test_every_grade_of_the_one_grader_is_exported(sqlite_class):
    cls: Classroom = sqlite_class["cls"]
    exported, rows = sqlite_class["export"], sqlite_class["rows"]
    assert exported.returncode == 0, exported.stdout + exported.stderr
    for student, score in zip(cls.students, SCORES):
        row = rows[student.name]
        assert row["status"] == "graded", row
        assert float(row["reflection_quality"]) == score, row
        assert float(row["total"]) == 9 + score, row


def test_the_student_fetches_their_own_feedback(sqlite_class):
    cls: Classroom = sqlite_class["cls"]
    for student, own, other in zip(cls.students, INTERVIEWS, INTERVIEWS[::-1]):
        html = sqlite_class["feedback"][student.name]
        assert own.last_name in html and own.title in html
        assert other.last_name not in html and other.title not in html
