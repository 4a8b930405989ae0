"""The instructor's whole loop, with real nbgrader commands, on a throwaway copy of the course.

One module-scoped run (each nbgrader command pays ~4 s of start-up): generate, release, fetch
and submit through a filesystem exchange in tmp, collect, ONE autograde for the whole class,
feedback, export. Three students go through the exchange; the other sample submissions are
placed in ``submitted/`` the way ``collect`` leaves them, to keep the command count low.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from kit_paths import REPO, DATA

pytestmark = pytest.mark.nbgrader

ASSIGNMENT = "interviews"
NOTEBOOK = "4_write_summary"
SUMMARIES = DATA / "summaries"
POINTS = {"rubric_name": 1, "rubric_title": 1, "rubric_questions": 2, "rubric_learned": 2,
          "rubric_apply": 2, "rubric_no_placeholders": 1}
FULL = dict(POINTS)


NAME_AND_TITLE_ONLY = {**dict.fromkeys(POINTS, 0), "rubric_name": 1, "rubric_title": 1,
                       "rubric_no_placeholders": 1}


def _missing(point: str) -> dict:
    return {**FULL, point: 0}


# student id -> (summary file in tests/data/summaries or None, notebook change, expected points)
SCENARIOS = {
    "full": ("full_marks.json", None, FULL),
    "no_name": ("example_name.json", None, _missing("rubric_name")),
    "no_title": ("no_title.json", None, _missing("rubric_title")),
    "two_questions": ("two_questions.json", None, _missing("rubric_questions")),
    "thin_learned": ("thin_learned.json", None, _missing("rubric_learned")),
    "apply_repeats": ("apply_repeats_learned.json", None, _missing("rubric_apply")),
    "placeholder": ("placeholder_left.json", None, _missing("rubric_no_placeholders")),
    "empty": (None, None, dict.fromkeys(POINTS, 0)),
    "unreadable_summary": ("invalid.json", None, dict.fromkeys(POINTS, 0)),
    # the two cheats that earned full marks with plain nbgrader, on a summary worth 3 points;
    # notebook 4 is graded from the saved summary and never executed, so neither cheat runs
    "cheat_builtins": ("name_and_title_only.json", "builtins", NAME_AND_TITLE_ONLY),
    "cheat_transformer": ("name_and_title_only.json", "transformer", NAME_AND_TITLE_ONLY),
    "deleted_tests": ("full_marks.json", "delete_tests", FULL),
    "broken_notebook": ("full_marks.json", "invalid_json", None),
}
VIA_EXCHANGE = ("full", "cheat_transformer", "empty")

CHEATS = {
    "builtins": (
        "import builtins\n"
        "class _Fake:\n"
        "    def __getattr__(self, name): return 'x' * 500\n"
        "summary = _Fake()\n"
        "builtins.len = lambda obj: 500\n"
        "builtins.isinstance = lambda *a: True\n"
        "builtins.all = lambda *a: True\n"
        "def check_point(*args, **kwargs): print('all good')\n"
    ),
    "transformer": "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])\n",
}


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("INFOVIEW_WORK_DIR", "JUPYTER_CONFIG_DIR", "NBGRADER_EXECUTION")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["HOME"] = str(home)
    env["JUPYTER_CONFIG_DIR"] = str(home / ".jupyter")
    return env


def _run(args: list[str], cwd: Path, env: dict, ok: bool = True) -> subprocess.CompletedProcess:
    out = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if ok and out.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    return out


def _student_copy(fetched: Path, dest: Path, student: str) -> Path:
    """The fetched assignment as this student hands it in: summary file and notebook edits."""
    summary, change, _ = SCENARIOS[student]
    folder = dest / ASSIGNMENT
    shutil.copytree(fetched, folder)
    if summary is not None:
        (folder / "my_work").mkdir(exist_ok=True)
        shutil.copy(SUMMARIES / summary, folder / "my_work" / "summary.json")
    path = folder / f"{NOTEBOOK}.ipynb"
    if change == "invalid_json":
        path.write_text(path.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    elif change == "delete_tests":
        nb = nbformat.read(path, as_version=4)
        nb.cells = [c for c in nb.cells if not c.metadata.get("nbgrader", {}).get("grade")]
        nbformat.write(nb, path)
    elif change in CHEATS:
        nb = nbformat.read(path, as_version=4)
        nb.cells.insert(2, nbformat.v4.new_code_cell(CHEATS[change]))
        nbformat.write(nb, path)
    return folder


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory):
    """Run the loop once; return the course folder, the autograde run and the export rows."""
    root = tmp_path_factory.mktemp("class")
    course = root / "course"
    shutil.copytree(REPO / "course", course, symlinks=False)  # links become real notebooks
    exchange = root / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    home = root / "home"
    home.mkdir()
    env = _env(home)
    nbg = ["nbgrader"]
    ex = [f"--Exchange.root={exchange}"]

    _run(nbg + ["generate_assignment", ASSIGNMENT], course, env)
    _run(nbg + ["release_assignment", ASSIGNMENT] + ex, course, env)
    fetch_dir = root / "fetch"
    fetch_dir.mkdir()
    _run(nbg + ["fetch_assignment", ASSIGNMENT, "--course", "infoview"] + ex, fetch_dir, env)
    fetched = fetch_dir / ASSIGNMENT

    for student in SCENARIOS:
        work = root / "students" / student
        work.mkdir(parents=True)
        folder = _student_copy(fetched, work, student)
        if student in VIA_EXCHANGE:
            _run(nbg + ["submit", ASSIGNMENT, "--course", "infoview", f"--student={student}"] + ex,
                 work, env)
        else:  # what collect leaves behind: the folder and its timestamp
            dest = course / "submitted" / student / ASSIGNMENT
            shutil.copytree(folder, dest)
            (dest / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    _run(nbg + ["collect", ASSIGNMENT] + ex, course, env)
    autograde = _run(nbg + ["autograde", ASSIGNMENT], course, env, ok=False)
    _run(nbg + ["generate_feedback", ASSIGNMENT], course, env, ok=False)
    _run([sys.executable, "-m", "infoview_kit.cli", "export", ASSIGNMENT, "--course", ".",
          "--out", "grades.csv", "--canvas", "canvas.csv"], course, env)
    with open(course / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    return {"course": course, "fetched": fetched, "autograde": autograde, "rows": rows,
            "env": env}


def test_generate_assignment_strips_the_sample_answer_and_the_mark_scheme(graded_course):
    """Does the student version keep the rubric cells but lose the solution and mark scheme?"""
    text = (graded_course["fetched"] / f"{NOTEBOOK}.ipynb").read_text(encoding="utf-8")
    assert "sample_answer" not in text and "use_answer" not in text
    assert "MARK SCHEME" not in text and "Award up to 3 points" not in text
    for point in POINTS:
        assert f'check_point(\\"{point.removeprefix("rubric_")}\\")' in text
    assert "Nothing to type here" in text
    assert sorted(p.name for p in graded_course["fetched"].glob("*.ipynb")) == sorted(
        p.name for p in (REPO / "notebooks").glob("*.ipynb"))
    assert not (graded_course["fetched"] / "my_work").exists()


@pytest.mark.parametrize("student", [s for s, v in SCENARIOS.items() if v[2] is not None])
def test_each_sample_submission_scores_exactly_its_rubric_points(graded_course, student):
    """Does every rubric cell get its expected score (partial credit, cheats earn nothing)?"""
    row = graded_course["rows"][student]
    expected = SCENARIOS[student][2]
    got = {point: float(row[point]) for point in POINTS}
    assert got == {k: float(v) for k, v in expected.items()}, row
    assert float(row["total"]) == sum(expected.values())
    if SCENARIOS[student][0] is None:  # handed in without a summary: nothing to read, a final 0
        assert row["status"] == "no answer submitted" and row["reflection_quality"] == "0"
    elif SCENARIOS[student][0] == "invalid.json":  # a broken file: ask for it again
        assert row["status"] == "summary unreadable" and row["reflection_quality"] == ""
    else:
        assert row["status"] == "needs manual grade"  # the reflection is still to be read
        assert row["reflection_quality"] == ""


@pytest.mark.parametrize("student", ["broken_notebook"])
def test_a_failed_submission_is_reported_blank_and_the_rest_of_the_class_is_graded(
        graded_course, student):
    """Does an invalid-JSON notebook show 'grading failed' (blank, not 0)?"""
    row = graded_course["rows"][student]
    assert row["status"] == "grading failed"
    assert row["total"] == "" and all(row[p] == "" for p in POINTS)
    log = graded_course["autograde"].stdout + graded_course["autograde"].stderr
    assert f"for student '{student}'" in log and graded_course["autograde"].returncode == 1
    graded = [s for s, r in graded_course["rows"].items()
              if r["status"] in ("needs manual grade", "no answer submitted", "summary unreadable")]
    assert sorted(graded) == sorted(s for s, v in SCENARIOS.items() if v[2] is not None)


def _feedback(course: Path, student: str) -> str:
    """The feedback page without its style sheets and scripts (their CSS names 'Traceback')."""
    html = (course / "feedback" / student / ASSIGNMENT / f"{NOTEBOOK}.html").read_text(
        encoding="utf-8")
    return re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.S)


FEEDBACK_LINE = {"full": "No placeholders left.", "two_questions": "(you have 2)",
                 "cheat_transformer": "Write what you learned in a few sentences.",
                 "empty": "No summary was submitted"}


@pytest.mark.parametrize("student", FEEDBACK_LINE)
def test_feedback_shows_friendly_lines_and_no_code_asserts_or_mark_scheme(graded_course, student):
    """Is the feedback HTML free of tracebacks, asserts, hidden tests and the mark scheme?"""
    html = _feedback(graded_course["course"], student)
    for leak in ("Traceback", "assert ", "AssertionError", "BEGIN HIDDEN", "MARK SCHEME",
                 "Award up to 3 points", "def check_point", "infoview_kit/"):
        assert leak not in html, f"{leak!r} in {student}'s feedback"
    assert FEEDBACK_LINE[student] in html


def test_feedback_shows_the_submitted_summary_and_the_line_for_the_missed_point(graded_course):
    html = _feedback(graded_course["course"], "two_questions")
    assert "Interview with Maren Lindqvist" in html
    assert "List at least 3 different questions you asked (you have 2)." in html


def test_the_autograded_notebook_shows_what_the_grader_graded_not_the_kernel(graded_course):
    """Does the cheat's autograded copy show the submitted summary and the grader's verdicts?"""
    path = (graded_course["course"] / "autograded" / "cheat_transformer" / ASSIGNMENT
            / f"{NOTEBOOK}.ipynb")
    nb = nbformat.read(path, as_version=4)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    shown = by_id["summary_answer"].outputs[0]["data"]["text/plain"]
    assert "Title: Data engineer" in shown
    errors = by_id["rubric_questions"].outputs
    assert errors[0]["output_type"] == "error" and errors[0]["traceback"] == [errors[0]["evalue"]]
    assert "infoview_submitted_summary" not in nb.metadata


def test_canvas_file_has_the_import_columns_and_leaves_failed_grading_blank(graded_course):
    with open(graded_course["course"] / "canvas.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ASSIGNMENT]
    assert rows[1][0] == "Points Possible" and rows[1][-1] == "12"
    by_sis = {r[2]: r for r in rows[2:]}
    # full's 9 is not final (the reflection is still to be read): held back, not posted
    assert by_sis["full"][-1] == "" and by_sis["broken_notebook"][-1] == ""
    assert by_sis["empty"][-1] == "0"  # no summary handed in: a final zero


def test_source_passes_validate_and_the_student_version_fails_it(graded_course):
    """Does `nbgrader validate` accept the source (sample answer) and refuse the release?"""
    course, env = graded_course["course"], graded_course["env"]
    source = _run(["nbgrader", "validate", f"source/{ASSIGNMENT}/{NOTEBOOK}.ipynb"], course, env)
    assert "Success! Your notebook passes all the tests." in source.stdout
    release = _run(["nbgrader", "validate", f"release/{ASSIGNMENT}/{NOTEBOOK}.ipynb"], course, env,
                   ok=False)
    assert "VALIDATION FAILED ON 6 CELL(S)" in release.stdout
