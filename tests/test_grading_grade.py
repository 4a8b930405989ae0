"""``infoview-kit grade``: plain reasons, the same scores as nbgrader, resuming after a crash."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from infoview_kit.grading.grade import explain

def test_known_nbgrader_errors_are_explained():
    """A dead kernel is explained in plain words, keeping nbgrader's own message."""
    assert explain("Kernel died while waiting").startswith("the notebook's kernel stopped")
    assert explain("Something new") == "Something new"


@pytest.mark.nbgrader
@pytest.mark.slow
def test_parallel_grading_gives_the_scores_of_sequential_nbgrader(generated_course, tmp_path):
    """Two processes on one gradebook score every cell exactly as one nbgrader autograde does."""
    from nbgrader.api import Gradebook

    summaries = [{"first_name": "Renata", "last_name": "Okonkwo-Hale"}, {},
                 {"title": "Senior UX researcher"}, {"first_name": "Ann"}]
    for number, summary in enumerate(summaries):
        folder = generated_course / "submitted" / f"s{number}" / "interviews"
        shutil.copytree(generated_course / "release" / "interviews", folder)
        (folder / "my_work").mkdir()
        (folder / "my_work" / "summary.json").write_text(json.dumps(summary))
    sequential = tmp_path / "sequential"
    shutil.copytree(generated_course, sequential)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    parallel = subprocess.run([sys.executable, "-m", "infoview_kit.cli", "grade", "interviews",
                               "--jobs", "2"], cwd=generated_course, env=env,
                              capture_output=True, text=True)
    subprocess.run([sys.executable, "-m", "nbgrader", "autograde", "interviews"],
                   cwd=sequential, env=env, capture_output=True, check=True)
    assert parallel.returncode == 0, parallel.stdout + parallel.stderr
    assert "4 graded, 0 already graded" in parallel.stdout

    def scores(course):
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            return {(s.id, g.name): g.score for s in gradebook.students
                    for g in gradebook.find_submission_notebook("4_write_summary", "interviews",
                                                                 s.id).grades}

    expected = scores(sequential)
    assert len(expected) == 4 * 7
    assert scores(generated_course) == expected


def test_a_traceback_is_reduced_to_its_last_error_line():
    """nbgrader logs whole tracebacks; the reason shown is the error they end with."""
    import logging

    from infoview_kit.grading.worker import error_lines

    def record(level, message):
        return logging.LogRecord("AutogradeApp", level, __file__, 1, message, None, None)

    records = [record(logging.ERROR, "There was an error processing assignment: x"),
               record(logging.ERROR, "Traceback (most recent call last):\n  File ...\n"
                                     "    nbclient.exceptions.DeadKernelError: Kernel died\n"),
               record(logging.WARNING, "Removing failed assignment")]
    assert error_lines(records) == ["nbclient.exceptions.DeadKernelError: Kernel died"]


def _class_of(course: Path, tmp_path: Path, students: int) -> Path:
    """A fresh copy of the generated course with ``students`` full-marks submissions."""
    from kit_paths import DATA

    copy = tmp_path / "course"
    shutil.copytree(course, copy, ignore=shutil.ignore_patterns("submitted", "autograded",
                                                                "feedback"))
    full = (DATA / "summaries" / "full_marks.json").read_text()
    for number in range(students):
        folder = copy / "submitted" / f"k{number:02d}" / "interviews"
        shutil.copytree(course / "release" / "interviews", folder)
        (folder / "my_work").mkdir()
        (folder / "my_work" / "summary.json").write_text(full)
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    return copy


def _env() -> dict:
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


GRADE = [sys.executable, "-m", "infoview_kit.cli", "grade", "interviews", "--jobs", "1"]


def _grade_until(course: Path, done: int) -> subprocess.Popen:
    """Start ``infoview-kit grade`` in a session of its own; return once ``done`` are graded."""
    record = course / "autograded" / ".infoview-grade-interviews.jsonl"
    # as from a terminal: a run started in the background (a CI job, `cmd &`) inherits SIGINT
    # ignored, and Python then never turns Ctrl+C into KeyboardInterrupt
    run = subprocess.Popen(GRADE, cwd=course, env=_env(), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, start_new_session=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and run.poll() is None:
        if record.exists() and record.read_text().count('"done"') >= done:
            break
        time.sleep(0.05)
    return run


@pytest.mark.nbgrader
@pytest.mark.slow
def test_a_run_killed_half_way_resumes_with_only_the_students_not_yet_graded(
        generated_course, tmp_path):
    """SIGKILL mid-run (a crash, a reboot); the next run keeps the graded, grades the rest."""
    from nbgrader.api import Gradebook

    from infoview_kit.grading.submissions import GradingRecord

    course = _class_of(generated_course, tmp_path, 10)
    first = _grade_until(course, done=4)
    # the whole run at once, as a power cut would: the command and its nbgrader processes
    os.killpg(first.pid, signal.SIGKILL)
    out, _ = first.communicate()
    kept = {s for s in (f"k{n:02d}" for n in range(10))
            if GradingRecord(course, "interviews").state(s) == "graded"}
    assert 4 <= len(kept) < 10, out
    mtimes = {s: (course / "autograded" / s / "interviews" / "4_write_summary.ipynb").stat().st_mtime
              for s in kept}

    second = subprocess.run(GRADE, cwd=course, env=_env(), capture_output=True, text=True,
                            timeout=600)
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"Resuming: {len(kept)} already graded (kept; --force grades them again)" in second.stdout
    assert f"{10 - len(kept)} graded, {len(kept)} already graded" in second.stdout
    for student, mtime in mtimes.items():  # not graded again
        assert (course / "autograded" / student / "interviews" / "4_write_summary.ipynb"
                ).stat().st_mtime == mtime
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        totals = {s: gradebook.find_submission("interviews", s).code_score
                  for s in (f"k{n:02d}" for n in range(10))}
    assert totals == dict.fromkeys(totals, 9.0), totals


@pytest.mark.nbgrader
def test_a_broken_course_config_stops_before_grading_anyone(generated_course, tmp_path):
    """nbgrader would grade with no config at all (no sandbox, no rubric); the kit refuses."""
    course = _class_of(generated_course, tmp_path, 1)
    with open(course / "nbgrader_config.py", "a") as handle:
        handle.write("\nraise RuntimeError('typo in the config')\n")
    run = subprocess.run([sys.executable, "-m", "infoview_kit.cli", "grade", "interviews"],
                         cwd=course, env=_env(), capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "nbgrader could not start, nobody was graded" in run.stderr
    assert "fix nbgrader_config.py" in run.stderr
    assert not (course / "autograded" / "k00").exists()


@pytest.mark.nbgrader
@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_says_how_to_go_on(generated_course, tmp_path):
    """Ctrl+C (SIGINT to the terminal's process group): exit 130, a plain line, then a resume."""
    course = _class_of(generated_course, tmp_path, 8)
    first = _grade_until(course, done=2)
    os.killpg(first.pid, signal.SIGINT)
    out, _ = first.communicate(timeout=120)
    assert first.returncode == 130, out
    assert re.search(r"\d+ students? graded in this run", out) and "Run the same command again" in out, out
    assert "Traceback" not in out, out
    second = subprocess.run(GRADE, cwd=course, env=_env(), capture_output=True, text=True,
                            timeout=600)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Resuming: " in second.stdout
    graded, kept = (int(n) for n in re.search(r"(\d+) graded, (\d+) already graded",
                                               second.stdout).groups())
    assert graded + kept == 8 and kept >= 2, second.stdout


@pytest.mark.nbgrader
@pytest.mark.slow
def test_a_worker_is_replaced_after_its_share_and_every_student_is_graded(
        generated_course, tmp_path, monkeypatch):
    """Retiring workers to keep memory flat loses no student and grades none twice."""
    from infoview_kit.grading import grade

    course = _class_of(generated_course, tmp_path, 5)
    monkeypatch.setattr(grade, "STUDENTS_PER_WORKER", 2)
    monkeypatch.setenv("PATH", _env()["PATH"])
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    results = grade.grade_class(course, "interviews", jobs=1, log_dir=log_dir)
    assert {r.status for r in results.values()} == {"graded"}, results
    log = (log_dir / "autograde-interviews-1.log").read_text()
    assert log.count("Creating/updating student with ID") == 5
    assert log.count("] ready: nbgrader autograde interviews") == 3  # 2 + 2 + 1 students
    records = (course / "autograded" / ".infoview-grade-interviews.jsonl").read_text()
    assert records.count('"done"') == 5
