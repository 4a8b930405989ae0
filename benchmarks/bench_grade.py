"""``infoview-kit grade`` against stock ``nbgrader autograde`` on the same class.

Builds a throwaway copy of the repository's course, generates the assignment, makes N submissions
(full, partial and empty summaries), copies the course three times (each with the fresh gradebook
that generate_assignment made) and grades each copy once:

* stock ``nbgrader autograde`` with a minimal config (course id, missing cells restored): every
  notebook executed, the rubric's test cells run in each student's kernel;
* the kit's course config run by plain sequential ``nbgrader autograde``;
* ``infoview-kit grade`` (the kit's config, one nbgrader process per core).

It asserts that all three give identical scores on every graded cell of every student, and
prints a table with the load average beside each figure (the machine may be shared).
Target: ``infoview-kit grade`` at least 15x faster than stock nbgrader on 60 submissions.

    .venv/bin/python benchmarks/bench_grade.py [--students 60] [--jobs N] [--kit-only]

``--kit-only`` skips the stock leg (10 to 25 minutes on 60 students) and asserts that the two
kit legs agree; it is how a change to the kit's own cost is measured before and after.
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
# the tests' full-marks sample answer, and partial and empty variants of it
FULL = json.loads((REPO / "tests" / "data" / "summaries" / "full_marks.json").read_text("utf-8"))
VARIANTS = [FULL, {**FULL, "questions": FULL["questions"][:2]}, {**FULL, "apply": ""},
            {"first_name": FULL["first_name"], "last_name": FULL["last_name"]}, {}]
MINIMAL_CONFIG = """\
c = get_config()
c.CourseDirectory.course_id = "infoview"
c.OverwriteCells.add_missing_cells = True
"""


def env() -> dict[str, str]:
    """The environment for nbgrader: this interpreter's bin first (nbgrader runs alembic)."""
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def make_class(root: Path, students: int) -> Path:
    """A generated copy of the course with ``students`` submissions cycling through VARIANTS."""
    course = root / "generated"
    shutil.copytree(REPO / "course", course, ignore=shutil.ignore_patterns(
        "gradebook.db", "release", "submitted", "autograded", "feedback", "my_work"))
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", ASSIGNMENT],
                   cwd=course, env=env(), check=True, capture_output=True)
    for number in range(students):
        folder = course / "submitted" / f"student{number:04d}" / ASSIGNMENT
        shutil.copytree(course / "release" / ASSIGNMENT, folder)
        (folder / "my_work").mkdir()
        summary = VARIANTS[number % len(VARIANTS)]
        (folder / "my_work" / "summary.json").write_text(json.dumps(summary))
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    return course


def scores(course: Path) -> dict[tuple[str, str, str], float]:
    """Every graded cell's score, by (student, notebook, cell)."""
    from nbgrader.api import Gradebook

    found = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for notebook in gradebook.find_assignment(ASSIGNMENT).notebooks:
            for student in gradebook.students:
                submitted = gradebook.find_submission_notebook(notebook.name, ASSIGNMENT, student.id)
                for grade in submitted.grades:
                    found[(student.id, notebook.name, grade.name)] = grade.score
    return found


def timed(command: list[str], cwd: Path) -> dict:
    """Wall seconds, CPU seconds (all child processes) and the load average around a command."""
    load_before = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    run = subprocess.run(command, cwd=cwd, env=env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if run.returncode != 0:
        sys.exit(f"{' '.join(command[:4])} failed ({run.returncode}):\n{run.stdout[-3000:]}"
                 f"\n{run.stderr[-3000:]}")
    return {"seconds": elapsed, "cpu": cpu, "load": (load_before, os.getloadavg()[0])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--kit-only", action="store_true",
                        help="skip stock nbgrader; compare the two kit legs only")
    args = parser.parse_args()
    nbgrader = [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT]
    with tempfile.TemporaryDirectory(prefix="bench-grade-") as tmp:
        generated = make_class(Path(tmp), args.students)
        legs = ("kit_sequential", "kit_grade") if args.kit_only else \
            ("stock", "kit_sequential", "kit_grade")
        copies = {name: Path(tmp) / name for name in legs}
        for copy in copies.values():
            shutil.copytree(generated, copy)
        rows = []
        if not args.kit_only:
            (copies["stock"] / "nbgrader_config.py").write_text(MINIMAL_CONFIG)
            rows.append(("stock `nbgrader autograde` (minimal config)",
                         timed(nbgrader, copies["stock"])))
        rows += [
            ("kit config, sequential `nbgrader autograde`", timed(nbgrader, copies["kit_sequential"])),
            (f"`infoview-kit grade --jobs {args.jobs}`",
             timed([sys.executable, "-m", "infoview_kit.cli", "grade", ASSIGNMENT,
                    "--jobs", str(args.jobs)], copies["kit_grade"])),
        ]
        found = {name: scores(copy) for name, copy in copies.items()}
    first = found[legs[0]]
    assert all(found[name] == first for name in legs), \
        f"the runs ({', '.join(legs)}) disagree on some cell's score"
    assert len({student for student, _, _ in first}) == args.students
    baseline = rows[0][1]["seconds"]
    print(f"{args.students} submissions, {os.cpu_count()} cores; identical scores on all "
          f"{len(first)} graded cells (every notebook, every student) in {len(legs)} runs")
    print("| command | seconds | s/student | CPU s | CPU s/student | speed-up | load before/after |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, row in rows:
        print(f"| {name} | {row['seconds']:.1f} | {row['seconds'] / args.students:.2f} | "
              f"{row['cpu']:.1f} | {row['cpu'] / args.students:.3f} | "
              f"{baseline / row['seconds']:.1f}x | "
              f"{row['load'][0]:.1f} / {row['load'][1]:.1f} |")


if __name__ == "__main__":
    main()
