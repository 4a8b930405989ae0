"""``infoview-kit grade ASSIGNMENT``: autograde a whole class on every core, resumably.

nbgrader autogrades one submission after another, and each ``nbgrader`` command pays seconds of
start-up. This command runs one long-lived nbgrader process per core (:mod:`.pool`), each
pulling the next student as soon as it is free and running nbgrader's own ``Autograde`` on it,
so the scores are exactly those of ``nbgrader autograde``. It shows a progress bar (students
done / total, rate, time left), then one line per student that failed and why.

Stopped half-way (Ctrl+C, a crash, a reboot), it picks up where it was: run it again and it
grades only the students not yet graded, and says so. A student an interrupted run left
half-graded is graded again from the start (see :class:`.submissions.GradingRecord`).

Exit codes: 0 every student graded, 1 some students failed (all others graded), 2 nothing
could be graded (no such course or assignment, no submissions, a broken course config),
130 stopped by Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..render import counted
from .pool import Job, PoolError, finish_logs, run_pool
from .submissions import (GRADED, INTERRUPTED, RESUBMITTED, GradingRecord, check_submission,
                          source_notebooks)


@dataclass
class StudentResult:
    """How one student's autograde went."""

    student: str
    status: str = "waiting"  # waiting, graded, skipped (already graded), failed
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        why = f": {'; '.join(self.reasons)}" if self.reasons else ""
        return f"StudentResult({self.student} {self.status}{why})"


# nbgrader's error messages, in words an instructor can act on.
_EXPLANATIONS = {
    "Kernel died": "the notebook's kernel stopped (the student's code exited it, crashed it, "
                   "or went over the sandbox's memory or process limits); no marks were given",
    "NotJSONError": "the notebook is not valid JSON",
    "sandbox: cannot": "the sandbox could not start the kernel (see the log)",
    "CellTimeoutError": "a cell ran past the time limit and the kernel did not answer the "
                        "interrupt (the student's code broke it); no marks were given",
    "Kernel didn't respond": "the kernel did not start in time (see the log)",
}


def explain(message: str) -> str:
    """nbgrader's error line, led by a plain explanation when it is a known one."""
    for needle, words in _EXPLANATIONS.items():
        if needle in message:
            return f"{words} [{message}]"
    return message


#: Students one worker grades before a fresh one takes over. A worker's memory grows over its
#: first few hundred students (nbgrader's and SQLAlchemy's caches: 141 MB after 130, 148 MB
#: after 300, then level); a fresh start every 400 bounds it for a class of any size, for
#: about 5 s of start-up per 400 students.
STUDENTS_PER_WORKER = 400


class GradingStopped(KeyboardInterrupt):
    """Grading was interrupted; ``results`` says who was graded before it stopped."""

    def __init__(self, results: dict[str, StudentResult]) -> None:
        super().__init__()
        self.results = results


@dataclass
class GradingPlan:
    """Who a run grades: the jobs, and who it leaves as they are."""

    jobs: list[Job] = field(default_factory=list)
    already_graded: list[str] = field(default_factory=list)
    interrupted: list[str] = field(default_factory=list)
    resubmitted: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for the instructor when the run resumes earlier work; "" otherwise."""
        if not (self.already_graded or self.interrupted):
            return ""
        parts = [f"{len(self.already_graded)} already graded (kept; --force grades them again)"]
        if self.interrupted:
            parts.append(f"{len(self.interrupted)} left half-graded by an interrupted run "
                         f"(graded again from the start)")
        if self.resubmitted:
            parts.append(f"{len(self.resubmitted)} collected again since (graded again if newer)")
        return f"Resuming: {', '.join(parts)}; {len(self.jobs)} to grade."


def plan_grading(students: list[str], force: bool, record: GradingRecord) -> GradingPlan:
    """Sort the class into who is graded now (and with ``--force`` or not) and who is kept."""
    plan = GradingPlan()
    for student in students:
        state = record.state(student)
        if force or state == INTERRUPTED:
            plan.jobs.append(Job(student, force=True))
            if state == INTERRUPTED:
                plan.interrupted.append(student)
        elif state == GRADED:
            plan.already_graded.append(student)
        else:  # new, resubmitted, or graded elsewhere: nbgrader's own rules decide
            plan.jobs.append(Job(student, force=False))
            if state == RESUBMITTED:
                plan.resubmitted.append(student)
    return plan


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.ipynb"))


def grade_class(course: Path, assignment: str, *, jobs: int = os.cpu_count() or 1,
                force: bool = False, timeout: int | None = None, log_dir: Path,
                progress=None, on_plan: Callable[[GradingPlan], None] | None = None,
                ) -> dict[str, StudentResult]:
    """Autograde every submitted student of ``assignment`` on ``jobs`` nbgrader processes.

    Arguments: ``force`` grades again students already graded; ``timeout`` overrides the
    course's ``Execute.timeout`` (seconds per cell); ``log_dir`` receives nbgrader's logs, one
    file per process; ``progress`` (a tqdm bar, say) gets ``reset(total)`` once the plan is
    known and ``update(1)`` per student done; ``on_plan`` sees the :class:`GradingPlan` first.
    Raises :class:`GradingStopped` on Ctrl+C and :class:`.pool.PoolError` when nbgrader cannot
    start (a broken course config).
    """
    course, log_dir = Path(course), Path(log_dir)
    submitted = course / "submitted"
    students = sorted(p.parent.name for p in submitted.glob(f"*/{assignment}") if p.is_dir())
    results = {name: StudentResult(name) for name in students}
    record = GradingRecord(course, assignment)
    plan = plan_grading(students, force, record)
    for name in plan.already_graded:
        results[name].status = "skipped"
    for name in plan.interrupted:
        results[name].notes.append("an interrupted run had left it half-graded; graded again")
    sources = source_notebooks(course, assignment)
    for job in plan.jobs:
        problems, notes = check_submission(submitted / job.student / assignment, sources)
        results[job.student].reasons += problems
        results[job.student].notes += notes
    # Largest submissions first: the last students to finish are then the quick ones.
    plan.jobs.sort(key=lambda job: -_size(submitted / job.student / assignment))
    if on_plan:
        on_plan(plan)
    if progress is not None:
        progress.reset(total=len(plan.jobs))

    def on_result(reply: dict) -> None:
        result = results[reply["student"]]
        if reply.get("timed_out"):
            result.notes.append("a cell ran past the time limit and was stopped (the rest was "
                                "graded as is)")
        if reply["status"] == "skipped":
            result.status = "skipped"
        elif reply["status"] == "done" and _complete(course, assignment, result.student, sources):
            record.write(result.student, "done")
            # Problems found beforehand did not stop nbgrader (a missing notebook): notes.
            result.notes = result.reasons + result.notes
            result.reasons, result.status = [], "graded"
        else:
            result.status = "failed"
            if not result.reasons:
                errors = reply.get("errors") or ["nbgrader stopped on this student (see the log)"]
                result.reasons.append(explain(errors[0]))
        if progress is not None:
            progress.update(1)

    options = ["--Execute.timeout=%d" % timeout] if timeout is not None else []
    try:
        run_pool(course, "autograde", assignment, plan.jobs, processes=jobs, options=options,
                 log_dir=log_dir, on_result=on_result, max_per_worker=STUDENTS_PER_WORKER,
                 on_start=lambda job: record.write(job.student, "start"))
    except KeyboardInterrupt:
        raise GradingStopped(results) from None
    return results


def _complete(course: Path, assignment: str, student: str, sources: dict) -> bool:
    """nbgrader wrote an autograded copy of every source notebook the student submitted."""
    submitted = course / "submitted" / student / assignment
    autograded = course / "autograded" / student / assignment
    return all((autograded / name).is_file() for name in sources if (submitted / name).is_file())


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="infoview-kit grade",
        description="Autograde every submitted student of ASSIGNMENT with nbgrader, in "
                    "parallel processes sharing one gradebook; same scores as "
                    "'nbgrader autograde ASSIGNMENT'. Run again after an interruption: it "
                    "grades only the students not yet graded.")
    parser.add_argument("assignment", help="assignment name, as in source/ASSIGNMENT")
    parser.add_argument("--course", default=".", help="the nbgrader course directory "
                        "(with nbgrader_config.py and submitted/); default: here")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel nbgrader processes (default: one per core)")
    parser.add_argument("--timeout", type=int, default=None,
                        help="seconds a cell may run before it is stopped "
                             "(default: the course's Execute.timeout)")
    parser.add_argument("--force", action="store_true",
                        help="grade again students that were already autograded")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    return args


def grade_command(argv: list[str]) -> int:
    """Run ``infoview-kit grade``; returns the exit code (0 all graded, 1 some failed, 2 none)."""
    args = _parse_args(argv)
    course = Path(args.course).resolve()
    if not (course / "source" / args.assignment).is_dir():
        print(f"infoview-kit grade: no assignment {args.assignment!r} in {course / 'source'}; "
              f"run it from the course directory or pass --course DIR", file=sys.stderr)
        return 2
    students = [p for p in (course / "submitted").glob(f"*/{args.assignment}") if p.is_dir()]
    if not students:
        print(f"infoview-kit grade: nobody has submitted {args.assignment!r} yet "
              f"(nothing in {course / 'submitted'}/*/{args.assignment}); run "
              f"'nbgrader collect {args.assignment}' first", file=sys.stderr)
        return 2
    from tqdm import tqdm

    # stopped by the system (a shutdown, a job scheduler): stop the workers as Ctrl+C does
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    started = time.monotonic()
    # nbgrader's full logs, kept only when a student failed (they are the details behind the
    # one-line reasons); outside the course, which the sandbox hides from kernels anyway.
    log_dir = Path(tempfile.mkdtemp(prefix=f"infoview-grade-{args.assignment}-"))
    planned: list[GradingPlan] = []

    def on_plan(plan: GradingPlan) -> None:
        planned.append(plan)
        if plan.describe():
            print(plan.describe(), flush=True)

    try:
        with tqdm(total=len(students), desc=f"autograde {args.assignment}", unit="student",
                  file=sys.stderr) as progress:
            results = grade_class(course, args.assignment, jobs=args.jobs, force=args.force,
                                  timeout=args.timeout, log_dir=log_dir, progress=progress,
                                  on_plan=on_plan)
    except PoolError as error:
        print(f"infoview-kit grade: nbgrader could not start, nobody was graded: {error}",
              file=sys.stderr)
        return 2
    except GradingStopped as stopped:
        done = sum(r.status in ("graded", "failed") for r in stopped.results.values())
        left = len(planned[0].jobs) - done if planned else len(students)
        print(f"Stopped: {counted(done, 'student')} graded in this run, {left} not yet. Run the same "
              f"command again to grade only those (the others are kept). nbgrader's logs: "
              f"{log_dir}")
        return 130
    except KeyboardInterrupt:
        print("Stopped before grading began; nothing was changed.")
        return 130
    failed = [r for r in results.values() if r.status == "failed"]
    for result in sorted(results.values(), key=lambda r: r.student):
        for note in result.notes:
            print(f"note   {result.student}: {note}")
        if result.status == "failed":
            print(f"FAILED {result.student}: {'; '.join(result.reasons)}")
    graded = sum(r.status == "graded" for r in results.values())
    skipped = sum(r.status == "skipped" for r in results.values())
    print(f"{args.assignment}: {graded} graded, {skipped} already graded (use --force to redo), "
          f"{len(failed)} failed, in {time.monotonic() - started:.1f} s with "
          f"{counted(min(args.jobs, len(planned[0].jobs) if planned else 0), 'process')}")
    return finish_logs(log_dir, bool(failed))
