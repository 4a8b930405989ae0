"""``infoview-kit grade`` against sequential ``nbgrader autograde`` on the same class.

Builds a throwaway copy of the repository's course, generates the assignment, makes N submissions
(a mix of full, partial and empty summaries), copies the course twice (each with the fresh
gradebook that generate_assignment made), grades one copy with ``nbgrader autograde`` and the
other with ``infoview-kit grade``, checks that every student's score on every rubric point is
identical, and prints a table. Target: at least 1.8x on 2 cores.

    .venv/bin/python benchmarks/bench_grade.py [--students 100] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ASSIGNMENT = "interviews"
NOTEBOOK = "4_write_summary"
# the tests' full-marks sample answer
FULL = json.loads((REPO / "tests" / "data" / "summaries" / "full_marks.json").read_text("utf-8"))
VARIANTS = [FULL, {**FULL, "questions": FULL["questions"][:2]}, {**FULL, "apply": ""},
            {"first_name": FULL["first_name"], "last_name": FULL["last_name"]}, {}]


def _env() -> dict[str, str]:
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def make_class(root: Path, students: int) -> Path:
    course = root / "generated"
    shutil.copytree(REPO / "course", course, ignore=shutil.ignore_patterns(
        "gradebook.db", "release", "submitted", "autograded", "feedback", "my_work"))
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", ASSIGNMENT],
                   cwd=course, env=_env(), check=True, capture_output=True)
    for number in range(students):
        folder = course / "submitted" / f"student{number:03d}" / ASSIGNMENT
        shutil.copytree(course / "release" / ASSIGNMENT, folder)
        (folder / "my_work").mkdir()
        summary = VARIANTS[number % len(VARIANTS)]
        (folder / "my_work" / "summary.json").write_text(json.dumps(summary))
    return course


def scores(course: Path) -> dict[tuple[str, str], float]:
    from nbgrader.api import Gradebook

    found = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student in gradebook.students:
            for grade in gradebook.find_submission_notebook(NOTEBOOK, ASSIGNMENT, student.id).grades:
                found[(student.id, grade.name)] = grade.score
    return found


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (all child processes) of one command."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    run = subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if run.returncode != 0:
        sys.exit(f"{' '.join(command[:4])} failed ({run.returncode}):\n{run.stdout[-3000:]}"
                 f"\n{run.stderr[-3000:]}")
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    # The machine's load skews a speed-up on 2 cores: it is printed with the figures.
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-grade-") as tmp:
        generated = make_class(Path(tmp), args.students)
        sequential, parallel = Path(tmp) / "sequential", Path(tmp) / "parallel"
        shutil.copytree(generated, sequential)
        shutil.copytree(generated, parallel)
        seq_time = timed([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT], sequential)
        par_time = timed([sys.executable, "-m", "infoview_kit.cli", "grade", ASSIGNMENT,
                          "--jobs", str(args.jobs)], parallel)
        seq_scores, par_scores = scores(sequential), scores(parallel)
    assert seq_scores == par_scores, "infoview-kit grade and nbgrader autograde disagree"
    assert len({student for student, _ in seq_scores}) == args.students
    rows = [("nbgrader autograde (sequential)", *seq_time),
            (f"infoview-kit grade --jobs {args.jobs}", *par_time)]
    print(f"{args.students} submissions, {os.cpu_count()} cores, load average before "
          f"{load:.1f}; identical scores on all {len(seq_scores)} graded cells")
    print(f"| {'command':<34} | {'seconds':>8} | {'s/student':>9} | {'CPU s':>7} | "
          f"{'speed-up':>8} |")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 11}|{'-' * 9}|{'-' * 10}|")
    for name, seconds, cpu in rows:
        print(f"| {name:<34} | {seconds:8.1f} | {seconds / args.students:9.2f} | {cpu:7.1f} | "
              f"{seq_time[0] / seconds:7.2f}x |")


if __name__ == "__main__":
    main()
