"""Hostile submissions, graded for real: no point unearned, the rest of the class still graded.

One class of students, each trying one attack in the summary notebook (a cell of their own
after the answer cell, or the notebook file itself), is graded twice by ``infoview-kit grade``
with real nbgrader:

* on the repository's course, where notebook 4 is graded from the submitted summary alone:
  the notebook is not executed, so none of the attacks even runs;
* on the same course with an instructor's code exercise added to notebook 4 (a code-graded
  cell): the notebook is executed, in the sandbox, and every attack runs and is contained.

Every attacker saved the same *partial* summary (name and title only: 3 of 9 points), so a
cheat that worked would show as more than 3. The scores are read point by point from the
gradebook.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kit_paths import DATA

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

ASSIGNMENT = "interviews"
NOTEBOOK = "4_write_summary.ipynb"
POINTS = ("rubric_name", "rubric_title", "rubric_questions", "rubric_learned", "rubric_apply",
          "rubric_no_placeholders")
FULL = json.loads((DATA / "summaries" / "full_marks.json").read_text(encoding="utf-8"))
PARTIAL = {key: FULL[key] for key in ("first_name", "last_name", "title")}
# name 1, title 1, questions 2, learned 2, apply 2, no placeholders 1
FULL_MARKS = dict(zip(POINTS, (1, 1, 2, 2, 2, 1)))
PARTIAL_MARKS = dict(zip(POINTS, (1, 1, 0, 0, 0, 1)))
NO_MARKS = dict.fromkeys(POINTS, 0)
ATTACK_MARK = "# attack\n"

SHADOW = """\
import builtins
from infoview_kit import InterviewSummary, use_answer
class Fake(InterviewSummary):
    pass
use_answer(InterviewSummary(**{**%r, 'questions': ['Why?'] * 3, 'learned': 'x', 'apply': 'y'}))
builtins.len = lambda *a: 99
builtins.all = lambda *a: True
builtins.any = lambda *a: True
builtins.isinstance = lambda *a: True
""" % (PARTIAL,)
TRANSFORMER = "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])"
EXIT = "import os\nos._exit(0)"
LOOP = "while True:\n    pass"
FORK_BOMB = """\
import os, time
children = 0
try:
    for _ in range(400):
        if os.fork() == 0:
            time.sleep(20)
            os._exit(0)
        children += 1
    print('FORKS UNBOUNDED', children)
except OSError as error:
    print('FORKS STOPPED AT', children, type(error).__name__)
"""
MEMORY = """\
try:
    hog = bytearray(8 * 1024 ** 3)
    hog[::4096] = b'x' * len(hog[::4096])
    print('MEMORY UNBOUNDED')
except MemoryError:
    print('MEMORY STOPPED')
"""
NETWORK = """\
import socket
try:
    socket.create_connection(('127.0.0.1', {port}), timeout=3).sendall(b'stolen')
    print('NETWORK REACHED')
except OSError as error:
    print('NETWORK BLOCKED', error)
"""
TAMPER = """\
import os
for path in {targets!r}:
    try:
        with open(path, 'a') as handle:
            handle.write('# tampered\\n')
        print('WROTE', path)
    except OSError as error:
        print('BLOCKED', type(error).__name__)
"""
SNOOP = """\
import glob
found = glob.glob({pattern!r}) + glob.glob('../../*/*/my_work/summary.json')
texts = []
for path in found:
    try:
        texts.append(open(path).read())
    except OSError:
        pass
# Only the full-marks student's summary mentions nursing; this student's own does not.
print('READ OTHERS', sum('nursing' in text for text in texts), 'OF', len(found))
"""


def _answer_cell(notebook: dict) -> dict:
    return next(c for c in notebook["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade_id") == "summary_answer")


def _submit(course: Path, student: str, summary: dict | None, *, code: str | None = None,
            edit=None, raw: str | None = None) -> None:
    folder = course / "submitted" / student / ASSIGNMENT
    shutil.copytree(course / "release" / ASSIGNMENT, folder)
    if summary is not None:
        (folder / "my_work").mkdir()
        (folder / "my_work" / "summary.json").write_text(json.dumps(summary))
    path = folder / NOTEBOOK
    if raw is not None:
        path.write_text(raw)
        return
    notebook = json.loads(path.read_text())
    if code is not None:
        # A cell of the student's own, after the answer cell (whose output the grader rewrites).
        at = notebook["cells"].index(_answer_cell(notebook)) + 1
        notebook["cells"].insert(at, {"cell_type": "code", "execution_count": None,
                                      "metadata": {}, "outputs": [],
                                      "source": ATTACK_MARK + code})
    if edit is not None:
        edit(notebook)
    path.write_text(json.dumps(notebook))


def _delete_tests(notebook: dict) -> None:
    notebook["cells"] = [c for c in notebook["cells"]
                         if not c["metadata"].get("nbgrader", {}).get("grade_id", "").startswith("rubric_")]


def _edit_tests(notebook: dict) -> None:
    for cell in notebook["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("grade_id", "").startswith("rubric_"):
            cell["source"] = "pass"
            meta["points"] = 100


def _retype_tests(notebook: dict) -> None:
    _delete_tests(notebook)
    notebook["cells"] += [{"cell_type": "code", "execution_count": None, "metadata": {},
                           "outputs": [], "source": f'print("{point} passed")'}
                          for point in POINTS]


def _listener() -> tuple[socket.socket, list]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.5)
    accepted: list = []

    def serve():
        while server.fileno() != -1:
            try:
                accepted.append(server.accept())
            except (TimeoutError, OSError):
                continue

    threading.Thread(target=serve, daemon=True).start()
    return server, accepted


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


EXERCISE_ANSWER = "### BEGIN SOLUTION\ndef add(a, b):\n    return a + b\n### END SOLUTION"
EXERCISE_TEST = "assert add(1, 2) == 3"


def _add_code_exercise(notebook: dict) -> None:
    """An instructor's code exercise at the end of notebook 4: an answer cell and its test."""
    meta = {"schema_version": 3, "locked": False, "solution": True, "grade": False,
            "grade_id": "add_answer"}
    notebook["cells"].append({"cell_type": "code", "execution_count": None, "outputs": [],
                              "metadata": {"nbgrader": meta}, "source": EXERCISE_ANSWER})
    meta = {"schema_version": 3, "locked": True, "solution": False, "grade": True,
            "grade_id": "add_test", "points": 2}
    notebook["cells"].append({"cell_type": "code", "execution_count": None, "outputs": [],
                              "metadata": {"nbgrader": meta}, "source": EXERCISE_TEST})


@pytest.fixture(scope="module")
def exercise_course(tmp_path_factory) -> Path:
    """The repository's course with a code-graded exercise in notebook 4, generated."""
    from kit_paths import REPO

    course = tmp_path_factory.mktemp("exercise") / "course"
    shutil.copytree(REPO / "course", course, symlinks=False,
                    ignore=shutil.ignore_patterns("gradebook.db", "release", "submitted",
                                                  "autograded", "feedback", "my_work"))
    path = course / "source" / ASSIGNMENT / NOTEBOOK
    notebook = json.loads(path.read_text())
    _add_code_exercise(notebook)
    path.write_text(json.dumps(notebook))
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", ASSIGNMENT],
                   cwd=course, env=_env(), check=True, capture_output=True)
    return course


def _env() -> dict:
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def _answer_exercise(notebook: dict) -> None:
    cell = next(c for c in notebook["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade_id") == "add_answer")
    cell["source"] = "def add(a, b):\n    return a + b"


def _forge_graded_cell(notebook: dict) -> None:
    """A code cell the student marks as graded, worth 100 points, that writes a file if run."""
    notebook["cells"].append({
        "cell_type": "code", "execution_count": None, "outputs": [],
        "metadata": {"nbgrader": {"schema_version": 3, "grade": True, "solution": False,
                                  "locked": False, "grade_id": "bonus", "points": 100}},
        "source": ATTACK_MARK + "print('FORGED CELL RAN')"})


def _grade_hostile_class(course: Path) -> dict:
    """Submit the hostile class into ``course`` and grade it in one ``infoview-kit grade`` run."""
    executed = (course / "release" / ASSIGNMENT / NOTEBOOK).read_text().count("add_test") > 0
    server, accepted = _listener()
    port = server.getsockname()[1]
    source = course / "source" / ASSIGNMENT / NOTEBOOK
    config = course / "nbgrader_config.py"
    targets = [str(course / "gradebook.db"), str(source), str(config), "../../../gradebook.db",
               "../../../nbgrader_config.py"]
    _submit(course, "full", FULL, edit=_answer_exercise if executed else None)
    _submit(course, "shadow", PARTIAL, code=SHADOW)
    _submit(course, "transformer", PARTIAL, code=TRANSFORMER)
    _submit(course, "exits", PARTIAL, code=EXIT)
    _submit(course, "loops", PARTIAL, code=LOOP)
    _submit(course, "forkbomb", PARTIAL, code=FORK_BOMB)
    _submit(course, "memoryhog", PARTIAL, code=MEMORY)
    _submit(course, "network", PARTIAL, code=NETWORK.format(port=port))
    _submit(course, "tamper", PARTIAL, code=TAMPER.format(targets=targets))
    _submit(course, "snoop", PARTIAL,
            code=SNOOP.format(pattern=str(course / "submitted" / "*" / ASSIGNMENT / "my_work" / "*")))
    _submit(course, "deleted", FULL, edit=_delete_tests)
    _submit(course, "edited", PARTIAL, edit=_edit_tests)
    _submit(course, "retyped", PARTIAL, edit=_retype_tests)
    _submit(course, "badjson", FULL, raw='{"cells": [')
    _submit(course, "empty", None, edit=lambda nb: nb.update(cells=[]))
    _submit(course, "forged", PARTIAL, edit=_forge_graded_cell)
    before = {"source": _digest(source), "config": _digest(config)}
    run = subprocess.run([sys.executable, "-m", "infoview_kit.cli", "grade", ASSIGNMENT,
                          "--jobs", "2", "--timeout", "5"],
                         cwd=course, env=_env(), capture_output=True, text=True, timeout=600)
    server.close()
    from nbgrader.api import Gradebook, MissingEntry

    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student in (p.name for p in (course / "submitted").iterdir()):
            try:
                notebook = gradebook.find_submission_notebook(NOTEBOOK[:-6], ASSIGNMENT, student)
            except MissingEntry:
                continue
            scores[student] = {g.name: g.score for g in notebook.grades
                               if g.name in POINTS or g.name == "add_test"}
    return dict(course=course, run=run, scores=scores, accepted=accepted, before=before)


@pytest.fixture(scope="module")
def data_only(generated_course):
    """The hostile class on the repository's course: notebook 4 is never executed."""
    return _grade_hostile_class(generated_course)


@pytest.fixture(scope="module")
def graded(exercise_course):
    """The hostile class on the course with a code exercise: notebook 4 runs, sandboxed."""
    return _grade_hostile_class(exercise_course)


def _rubric(scores: dict) -> dict:
    return {name: score for name, score in scores.items() if name in POINTS}


def _attack_output(graded, student: str) -> str:
    """What the student's attack cell printed in the autograded notebook."""
    path = graded["course"] / "autograded" / student / ASSIGNMENT / NOTEBOOK
    cell = next(c for c in json.loads(path.read_text())["cells"]
                if "".join(c["source"]).startswith(ATTACK_MARK))
    return "".join("".join(o.get("text", "")) + o.get("ename", "") + o.get("evalue", "")
                   for o in cell["outputs"])


def _failed_line(graded, student: str) -> str:
    lines = [line for line in graded["run"].stdout.splitlines()
             if line.startswith(f"FAILED {student}:")]
    return lines[0] if lines else ""


def test_the_class_is_graded_and_the_command_reports_failures(graded):
    """Exit code 1 (some failed, others graded); exactly the four unusable submissions failed."""
    run = graded["run"]
    assert run.returncode == 1, run.stdout + run.stderr
    failed = sorted(line.split(":")[0].split()[1] for line in run.stdout.splitlines()
                    if line.startswith("FAILED "))
    assert failed == ["badjson", "empty", "exits", "forged", "shadow"], run.stdout


def test_full_marks_are_earned_by_an_honest_summary(graded):
    """The control: a complete summary gets all 9 points, point by point."""
    assert _rubric(graded["scores"]["full"]) == FULL_MARKS
    assert graded["scores"]["full"]["add_test"] == 2  # the exercise, run in the sandbox


@pytest.mark.parametrize("student", ["transformer", "loops", "forkbomb", "memoryhog",
                                     "network", "tamper", "snoop", "edited", "retyped"])
def test_a_cheat_earns_only_what_the_saved_summary_earns(graded, student):
    """Each attack leaves the score at the partial summary's 3 points, point by point."""
    assert _rubric(graded["scores"][student]) == PARTIAL_MARKS, graded["run"].stdout


def test_deleted_test_cells_are_restored_and_graded(graded):
    """A student who deleted every rubric cell still gets the marks the summary earns."""
    assert _rubric(graded["scores"]["deleted"]) == FULL_MARKS


def test_an_empty_notebook_is_flagged_for_a_person_with_no_marks(graded):
    """An empty notebook lost its answer cell: reported failed, saying so, and scores nothing."""
    line = _failed_line(graded, "empty")
    assert "the answer cells summary_answer, add_answer were deleted or retyped" in line, line
    assert not any(graded["scores"].get("empty", NO_MARKS).values())


def test_shadowed_builtins_earn_nothing_and_fail_only_that_student(graded):
    """Breaking builtins wrecks the student's own kernel: failed with a reason, no marks."""
    assert "time limit" in _failed_line(graded, "shadow")
    assert not any(graded["scores"].get("shadow", NO_MARKS).values())


def test_os_exit_fails_only_that_student_with_a_reason(graded):
    """``os._exit`` stops the kernel: that student is reported failed, with no marks."""
    assert "kernel stopped" in _failed_line(graded, "exits")
    assert not any(graded["scores"].get("exits", NO_MARKS).values())


def test_invalid_json_gets_a_clear_line(graded):
    """A notebook that is not JSON is named, with where the JSON breaks and what to do."""
    line = _failed_line(graded, "badjson")
    assert "4_write_summary.ipynb is not valid JSON (line 1" in line
    assert "re-submit" in line


def test_an_infinite_loop_costs_only_the_timeout(graded):
    """The loop is stopped after the 5 s timeout and noted; the student is still graded."""
    assert "note   loops: a cell ran past the time limit" in graded["run"].stdout
    assert "KeyboardInterrupt" in _attack_output(graded, "loops") or \
        "CellTimeoutError" in _attack_output(graded, "loops")


def test_a_fork_bomb_is_stopped_by_the_process_limit(graded):
    """Forking stops at the sandbox's process limit, far below the 400 tried."""
    output = _attack_output(graded, "forkbomb")
    assert "FORKS STOPPED AT" in output, output
    assert int(output.split("FORKS STOPPED AT")[1].split()[0]) <= 64


def test_a_memory_hog_gets_memory_error(graded):
    """Asking for 8 GiB fails inside the kernel, which goes on."""
    assert "MEMORY STOPPED" in _attack_output(graded, "memoryhog")


def test_no_network_not_even_loopback(graded):
    """A listener on 127.0.0.1 never sees the kernel's connection."""
    assert "NETWORK BLOCKED" in _attack_output(graded, "network")
    assert graded["accepted"] == []


def test_the_gradebook_source_and_config_cannot_be_changed(graded):
    """Every write to the course's files fails, and the source and config are unchanged."""
    output = _attack_output(graded, "tamper")
    assert "WROTE" not in output and output.count("BLOCKED") == 5, output
    course = graded["course"]
    assert _digest(course / "source" / ASSIGNMENT / NOTEBOOK) == graded["before"]["source"]
    assert _digest(course / "nbgrader_config.py") == graded["before"]["config"]
    assert b"# tampered" not in (course / "gradebook.db").read_bytes()


def test_other_students_work_cannot_be_read(graded):
    """Neither absolute nor relative paths reach another student's saved summary."""
    output = _attack_output(graded, "snoop")
    assert output.startswith("READ OTHERS 0 OF"), output


# --- the same class on the repository's course: notebook 4 is graded from data, never run

ATTACKERS = ["shadow", "transformer", "exits", "loops", "forkbomb", "memoryhog", "network",
             "tamper", "snoop", "edited", "retyped"]


def test_without_a_code_graded_cell_no_attack_runs_and_each_earns_its_summary(data_only):
    """Every attacker, those that broke their kernel included, gets exactly the partial marks."""
    for student in ATTACKERS:
        assert _rubric(data_only["scores"][student]) == PARTIAL_MARKS, (student, data_only["run"].stdout)
    assert _rubric(data_only["scores"]["full"]) == FULL_MARKS
    assert _rubric(data_only["scores"]["deleted"]) == FULL_MARKS


def test_without_a_code_graded_cell_the_attack_cells_never_run(data_only):
    """The attack cells have no output at all, and nothing reached the listener."""
    for student in ["shadow", "exits", "loops", "forkbomb", "network", "tamper", "snoop"]:
        assert _attack_output(data_only, student) == "", student
    assert data_only["accepted"] == []
    assert "time limit" not in data_only["run"].stdout


def test_without_a_code_graded_cell_only_unusable_notebooks_fail(data_only):
    """Kernel-breaking code costs nothing now: only the broken files and the forged cell fail."""
    run = data_only["run"]
    failed = sorted(line.split(":")[0].split()[1] for line in run.stdout.splitlines()
                    if line.startswith("FAILED "))
    assert failed == ["badjson", "empty", "forged"], run.stdout
    assert "the answer cell summary_answer was deleted" in _failed_line(data_only, "empty")


def test_a_graded_cell_of_the_students_own_fails_only_them_with_a_reason(data_only, graded):
    """nbgrader cannot grade a notebook with a graded cell it does not know; no marks, and why."""
    for run in (data_only, graded):
        assert "cell bonus is marked as graded but not in the released notebook" in \
            _failed_line(run, "forged")
        assert not any(run["scores"].get("forged", NO_MARKS).values())
