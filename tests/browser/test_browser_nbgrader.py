"""Does a summary entered only through the forms, in a real browser, earn full marks in nbgrader?

This is the course's promise end to end: the instructor generates and releases the assignment,
the student fetches it, opens "Write summary" in JupyterLab, types the thank-you note and the
summary into the forms (never into a cell), saves and submits; the instructor collects and
autogrades. Every rubric point must be earned, with no code typed by the student: widget
values are not part of a notebook, so this fails if the answer only lived in the widgets.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.nbgrader]

REPO = Path(__file__).resolve().parents[2]
ASSIGNMENT = "interviews"
COURSE_ID = "infoview"
NOTEBOOK = "4_write_summary.ipynb"

QUESTIONS = [
    "How did you get started in data engineering?",
    "What does a typical week look like for your team?",
    "Which skills would you build first if you were starting out today?",
]
LEARNED = (
    "Tomasz spends most mornings reviewing pipeline alerts with the on-call engineer. He said the "
    "hardest part of the job is agreeing on definitions with other teams, not the code. He learned "
    "SQL on the job and only later picked up Python."
)
APPLY = (
    "I will finish the SQL course I started and build one small pipeline from public shipping "
    "data. I will ask my tutor to review it, and send Tomasz a short update in a month with what "
    "I built."
)
THANK_YOU = (
    "Hi Tomasz, thank you for your time yesterday. Your point about agreeing on definitions with "
    "other teams before writing any code stuck with me, and I will keep it in mind as I build my "
    "first pipeline. May I keep you posted on how it goes? Best, Jordan"
)


def _nbgrader(*args: str, cwd: Path, env: dict) -> str:
    """Run one nbgrader command; fail with its output when it fails."""
    command = [str(Path(sys.executable).parent / "nbgrader"), *args]
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"`nbgrader {' '.join(args)}` failed ({result.returncode}):\n{output}"
    return output


@pytest.fixture
def course(tmp_path) -> tuple[Path, Path, dict]:
    """A throwaway copy of the repo's course (links resolved), its exchange, and the env to use."""
    course_dir = tmp_path / "course"
    shutil.copytree(
        REPO / "course",
        course_dir,
        symlinks=False,
        ignore=shutil.ignore_patterns(
            "gradebook.db", "release", "submitted", "autograded", "feedback", "my_work",
            ".ipynb_checkpoints", "__pycache__",
        ),
    )  # fmt: skip
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    env = dict(os.environ)
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "jupyter-config")
    env.pop("INFOVIEW_WORK_DIR", None)
    # nbgrader runs `alembic` (and the kernel) by name: find the ones of this environment
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return course_dir, exchange, env


def test_summary_entered_only_in_the_browser_gets_full_marks(lab, course):
    course_dir, exchange, env = course
    ex = f"--Exchange.root={exchange}"

    # the instructor: make the student version and release it
    _nbgrader("generate_assignment", ASSIGNMENT, "--force", cwd=course_dir, env=env)
    _nbgrader("release_assignment", ASSIGNMENT, "--force", ex, cwd=course_dir, env=env)

    # the student: fetch it into a folder the JupyterLab server serves
    student_home = lab.folder / "student"
    student_home.mkdir()
    _nbgrader("fetch_assignment", ASSIGNMENT, f"--course={COURSE_ID}", ex, cwd=student_home, env=env)
    released = student_home / ASSIGNMENT
    assert (released / NOTEBOOK).is_file()
    student_version = (released / NOTEBOOK).read_text(encoding="utf-8")
    assert "sample_answer" not in student_version and "use_answer" not in student_version, \
        "the sample answer leaked into the student version"

    # first visit: the forms are empty, so the rubric checks are not passed yet (by design)
    lab.open(f"student/{ASSIGNMENT}/{NOTEBOOK}")
    lab.run_all(allowed_errors=("RubricPointMissed",))
    lab.assert_clean(allowed_errors=("RubricPointMissed",))

    page = lab.page
    lab.type_into(page.get_by_label("When you met"), "2026-11-24T15:00")
    lab.type_into(page.get_by_label("Thank-you note"), THANK_YOU)
    lab.type_into(page.get_by_label("Interviewee's first name"), "Tomasz")
    lab.type_into(page.get_by_label("Interviewee's last name"), "Wierzbicki")
    lab.type_into(page.get_by_label("Their title"), "Lead data engineer, Baltic Freight Lines")
    lab.type_into(page.get_by_label("Questions you asked"), "\n".join(QUESTIONS))
    lab.type_into(page.get_by_label("What you learned"), LEARNED)
    lab.type_into(page.get_by_label("How you will apply it"), APPLY)

    saved = released / "my_work" / "summary.json"
    lab.wait_for_file(saved, contains="send Tomasz a short update")
    lab.wait_for_file(released / "my_work" / "thank_you.json", contains="May I keep you posted")

    page.get_by_role("button", name="Check my summary").click()
    page.get_by_text("Self-check: 9 of 9 automatic points.").wait_for()
    form = lab.cell_outputs().filter(has_text="Your interview summary")
    lab.screenshot(form, "4_write_summary_form_student_version")

    # a fresh kernel reads the answers back from the work folder: every check now passes
    lab.restart_and_run_all()
    lab.assert_clean()
    lab.save()

    _nbgrader("submit", ASSIGNMENT, f"--course={COURSE_ID}", ex, cwd=student_home, env=env)

    # the instructor: collect and autograde
    _nbgrader("collect", ASSIGNMENT, ex, cwd=course_dir, env=env)
    _nbgrader("autograde", ASSIGNMENT, "--create", "--force", cwd=course_dir, env=env)

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gradebook:
        student = gradebook.find_submission(ASSIGNMENT, _student_id(course_dir)).student.id
        notebook = gradebook.find_submission_notebook(NOTEBOOK.removesuffix(".ipynb"), ASSIGNMENT, student)
        autograded = {grade.name: (grade.score, grade.max_score) for grade in notebook.grades
                      if grade.auto_score is not None}  # fmt: skip
        manual = [grade.name for grade in notebook.grades if grade.auto_score is None]
    assert len(autograded) >= 6, autograded
    missed = {name: score for name, score in autograded.items() if score[0] != score[1]}
    assert not missed, f"points not earned: {missed}"
    assert sum(max_score for _, max_score in autograded.values()) == 9
    # only the reflection, which a person reads, is left for manual grading
    assert manual == ["reflection_quality"], manual


def _student_id(course_dir: Path) -> str:
    """The one student whose submission was collected (nbgrader names them after the user)."""
    students = [p.name for p in (course_dir / "submitted").iterdir() if p.is_dir()]
    assert len(students) == 1, students
    return students[0]
