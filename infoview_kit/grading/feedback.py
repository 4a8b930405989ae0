"""``infoview-kit feedback ASSIGNMENT``: nbgrader's feedback for the whole class, on every core.

``nbgrader generate_feedback`` renders one student after another in one process. This command
runs nbgrader's own ``GenerateFeedback`` on the same pool of long-lived workers as
``infoview-kit grade`` (:mod:`.pool`), one student at a time per core, so the HTML is exactly
nbgrader's (the course's page, :mod:`.feedback_page`). Students already given feedback are
skipped, as nbgrader skips them (``--force`` writes it again); a feedback folder an interrupted
run left incomplete is written again, and so is a page written while a manual grade was missing
once that grade is in.

Before anything is written it reads the gradebook: a student whose manual point is not graded
yet is named and held back (plain ``nbgrader generate_feedback`` would write their page with
that point "not graded yet"); the others get their feedback. ``--include-pending`` writes theirs
too.

Exit codes: 0 feedback for every autograded student not held back, 1 some failed (the others
have theirs), 2 nothing could be done (no such assignment, nobody autograded, a broken course
config), 130 stopped by Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

from ..render import counted
from .pool import Job, PoolError, finish_logs, run_pool


def _page_state(path: Path, pending_marker: str) -> str:
    """``complete``, ``pending`` (written while a manual grade was missing) or ``incomplete``."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "incomplete"
    if "</html>" not in text[-64:]:
        return "incomplete"
    return "pending" if pending_marker in text else "complete"


def pending_manual_grades(course: Path, assignment: str) -> dict[str, list[str]]:
    """Autograded students whose manual points are not graded yet: student id -> cell names.

    The same reading as ``infoview-kit export``: a submission with no summary has nothing for a
    person to grade, so it is never pending.
    """
    from .export import collect_grades
    from .gradebook import course_db_url

    _, rows = collect_grades(course_db_url(course), assignment, "", course / "submitted",
                             course / "autograded")
    return {row.student_id: row.pending for row in rows if row.pending}


def feedback_jobs(course: Path, assignment: str, force: bool,
                  hold_back: frozenset[str] | set[str] = frozenset()) -> list[Job]:
    """One job per autograded student not in ``hold_back``; forced where an earlier run left the
    feedback incomplete, or wrote it before a manual grade that is now in."""
    from .feedback_page import PENDING_MARKER  # (nbconvert: not paid by --help)

    jobs = []
    for folder in sorted((course / "autograded").glob(f"*/{assignment}")):
        student = folder.parent.name
        if not folder.is_dir() or student in hold_back:
            continue
        feedback = course / "feedback" / student / assignment
        pages = {_page_state(feedback / f"{notebook.stem}.html", PENDING_MARKER)
                 for notebook in folder.glob("*.ipynb")}
        stale = feedback.is_dir() and pages != {"complete"}
        jobs.append(Job(student, force=force or stale))
    return jobs


def feedback_class(course: Path, assignment: str, *, jobs: int = os.cpu_count() or 1,
                   force: bool = False, log_dir: Path, progress=None,
                   hold_back: frozenset[str] | set[str] = frozenset()) -> dict[str, dict]:
    """Generate feedback for every autograded student not in ``hold_back``; each student's reply,
    by student id.

    A reply's ``status`` is ``done``, ``skipped`` (feedback already there) or ``failed`` (with
    ``errors``). ``progress`` gets ``reset(total)`` and ``update(1)`` per student.
    """
    work = feedback_jobs(Path(course), assignment, force, hold_back)
    if progress is not None:
        progress.reset(total=len(work))
    replies: dict[str, dict] = {}

    def on_result(reply: dict) -> None:
        replies[reply["student"]] = reply
        if progress is not None:
            progress.update(1)

    run_pool(Path(course), "feedback", assignment, work, processes=jobs, options=[],
             log_dir=Path(log_dir), on_result=on_result)
    return replies


def feedback_command(argv: list[str]) -> int:
    """Run ``infoview-kit feedback``; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="infoview-kit feedback",
        description="Generate nbgrader's feedback HTML for every autograded student of "
                    "ASSIGNMENT, in parallel processes; the same files as "
                    "'nbgrader generate_feedback ASSIGNMENT'.")
    parser.add_argument("assignment", help="assignment name, as in source/ASSIGNMENT")
    parser.add_argument("--course", default=".", help="the nbgrader course directory; default: here")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel nbgrader processes (default: one per core)")
    parser.add_argument("--force", action="store_true",
                        help="write feedback again for students who already have it")
    parser.add_argument("--include-pending", action="store_true",
                        help="also write feedback for students whose manual point is not graded "
                             "yet (shown as 'not graded yet'); by default they are held back")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    course = Path(args.course).resolve()
    if not any((course / "autograded").glob(f"*/{args.assignment}")):
        print(f"infoview-kit feedback: nobody has been autograded for {args.assignment!r} in "
              f"{course}; run 'infoview-kit grade {args.assignment}' first", file=sys.stderr)
        return 2
    from nbgrader.api import MissingEntry

    try:
        pending = pending_manual_grades(course, args.assignment)
    except MissingEntry:
        print(f"infoview-kit feedback: no assignment {args.assignment!r} in the gradebook of "
              f"{course}; run 'infoview-kit grade {args.assignment}' first", file=sys.stderr)
        return 2
    if pending:
        who = ", ".join(f"{s} ({', '.join(cells)})" for s, cells in sorted(pending.items()))
        students = counted(len(pending), "student")
        if args.include_pending:
            print(f"Manual grading is still pending for {students}: {who}. "
                  "Their feedback is written with those points shown as 'not graded yet'; run "
                  "this again once they are graded to write it again.")
        else:
            print(f"Manual grading is still pending for {students}: {who}. "
                  "Their feedback is held back; the others' is written. Grade them in the "
                  "formgrader and run this again, or pass --include-pending.")
    hold_back = frozenset() if args.include_pending else frozenset(pending)
    from tqdm import tqdm

    # stopped by the system (a shutdown, a job scheduler): stop the workers as Ctrl+C does
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    started = time.monotonic()
    log_dir = Path(tempfile.mkdtemp(prefix=f"infoview-feedback-{args.assignment}-"))
    try:
        with tqdm(desc=f"feedback {args.assignment}", unit="student", file=sys.stderr) as bar:
            replies = feedback_class(course, args.assignment, jobs=args.jobs, force=args.force,
                                     log_dir=log_dir, progress=bar, hold_back=hold_back)
    except PoolError as error:
        print(f"infoview-kit feedback: nbgrader could not start: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"Stopped. Run the same command again to write the rest. Logs: {log_dir}")
        return 130
    failed = sorted(s for s, r in replies.items() if r["status"] == "failed")
    for student in failed:
        reason = "; ".join(replies[student].get("errors") or ["see the log"])
        print(f"FAILED {student}: {reason}")
    written = sum(r["status"] == "done" for r in replies.values())
    skipped = sum(r["status"] == "skipped" for r in replies.values())
    held = f", {len(hold_back)} held back (manual grading pending)" if hold_back else ""
    print(f"{args.assignment}: feedback written for {written}, {skipped} already had it (use "
          f"--force to redo){held}, {len(failed)} failed, in {time.monotonic() - started:.1f} s")
    return finish_logs(log_dir, bool(failed))
