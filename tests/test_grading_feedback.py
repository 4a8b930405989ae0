"""``infoview-kit feedback``: nbgrader's own feedback HTML, for the class, on every core."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

PAGE = Path("interviews") / "4_write_summary.html"


def _env() -> dict:
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    run = subprocess.run(args, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"{args} failed:\n{run.stdout}\n{run.stderr}"
    return run


def _feedback(course: Path, *options: str) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-m", "infoview_kit.cli", "feedback", "interviews", *options],
                course)


@pytest.fixture
def course(autograded_course, tmp_path) -> Path:
    """This test's own copy of the autograded class (tests here grade and write feedback)."""
    return Path(shutil.copytree(autograded_course, tmp_path / "course"))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_the_feedback_is_byte_for_byte_what_nbgrader_writes(course, tmp_path):
    """Every file under feedback/ is identical to nbgrader generate_feedback's."""
    by_nbgrader = tmp_path / "nbgrader"
    shutil.copytree(course, by_nbgrader)
    _run([sys.executable, "-m", "nbgrader", "generate_feedback", "interviews"], by_nbgrader)
    run = _feedback(course, "--jobs", "2", "--include-pending")
    assert "feedback written for 3, 0 already had it" in run.stdout
    expected = _files(by_nbgrader / "feedback")
    assert len([name for name in expected if name.endswith(".html")]) == 3 * 4
    assert _files(course / "feedback") == expected


def test_pending_manual_grades_are_named_and_held_back_the_others_get_theirs(course,
                                                                            grade_reflection):
    """ann's reflection is graded, ben's is not: ben is named, and only ben waits (cat handed in
    no summary, so there is nothing to wait for)."""
    grade_reflection(course, "ann", 3)
    run = _feedback(course)
    assert ("Manual grading is still pending for 1 student: ben (reflection_quality)"
            in run.stdout)
    assert "held back" in run.stdout and "--include-pending" in run.stdout
    assert "feedback written for 2" in run.stdout and "1 held back" in run.stdout
    assert (course / "feedback" / "ann" / PAGE).is_file()
    assert (course / "feedback" / "cat" / PAGE).is_file()
    assert not (course / "feedback" / "ben").exists()


def test_a_page_written_before_the_manual_grade_is_written_again_once_it_is_in(course,
                                                                              grade_reflection):
    _feedback(course, "--include-pending")
    page = course / "feedback" / "ben" / PAGE
    assert "not graded yet" in page.read_text(encoding="utf-8")
    grade_reflection(course, "ben", 2, comment="Name the skill you will practise first.")
    run = _feedback(course)
    assert "Manual grading is still pending for 1 student: ann" in run.stdout
    assert "feedback written for 1, 1 already had it" in run.stdout  # ben again; cat kept
    text = page.read_text(encoding="utf-8")
    assert "not graded yet" not in text and "Name the skill you will practise first." in text


def test_existing_feedback_is_kept_and_a_cut_short_one_is_written_again(course,
                                                                         grade_reflection):
    """A second run skips students with feedback, except one whose HTML a crash cut short."""
    grade_reflection(course, "ann", 3)
    grade_reflection(course, "ben", 1)
    _feedback(course)
    page = course / "feedback" / "ben" / PAGE
    whole = page.read_bytes()
    page.write_bytes(whole[:len(whole) // 2])
    run = _feedback(course)
    assert "feedback written for 1, 2 already had it" in run.stdout
    assert page.read_bytes() == whole
