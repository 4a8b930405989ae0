"""``infoview-kit feedback ASSIGNMENT``: nbgrader's feedback for the whole class, on every core.

``nbgrader generate_feedback`` renders one student after another in one process. This command
runs nbgrader's own ``GenerateFeedback`` on the same pool of long-lived workers as
``infoview-kit grade`` (:mod:`.pool`), one student at a time per core, so the HTML is exactly
nbgrader's. Students already given feedback are skipped, as nbgrader skips them (``--force``
writes it again); a feedback folder an interrupted run left incomplete is written again.

Exit codes: 0 feedback for every autograded student, 1 some failed (the others have theirs),
2 nothing could be done (no such assignment, nobody autograded, a broken course config),
130 stopped by Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

from .pool import Job, PoolError, finish_logs, run_pool


def _complete_html(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            handle.seek(max(0, path.stat().st_size - 64))
            return b"</html>" in handle.read()
    except OSError:
        return False


def feedback_jobs(course: Path, assignment: str, force: bool) -> list[Job]:
    """One job per autograded student; forced where an earlier run left the feedback incomplete."""
    jobs = []
    for folder in sorted((course / "autograded").glob(f"*/{assignment}")):
        if not folder.is_dir():
            continue
        feedback = course / "feedback" / folder.parent.name / assignment
        html = [feedback / f"{notebook.stem}.html" for notebook in folder.glob("*.ipynb")]
        incomplete = feedback.is_dir() and not all(_complete_html(path) for path in html)
        jobs.append(Job(folder.parent.name, force=force or incomplete))
    return jobs


def feedback_class(course: Path, assignment: str, *, jobs: int = os.cpu_count() or 1,
                   force: bool = False, log_dir: Path, progress=None) -> dict[str, dict]:
    """Generate feedback for every autograded student; each student's reply, by student id.

    A reply's ``status`` is ``done``, ``skipped`` (feedback already there) or ``failed`` (with
    ``errors``). ``progress`` gets ``reset(total)`` and ``update(1)`` per student.
    """
    work = feedback_jobs(Path(course), assignment, force)
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
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    course = Path(args.course).resolve()
    if not any((course / "autograded").glob(f"*/{args.assignment}")):
        print(f"infoview-kit feedback: nobody has been autograded for {args.assignment!r} in "
              f"{course}; run 'infoview-kit grade {args.assignment}' first", file=sys.stderr)
        return 2
    from tqdm import tqdm

    # stopped by the system (a shutdown, a job scheduler): stop the workers as Ctrl+C does
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    started = time.monotonic()
    log_dir = Path(tempfile.mkdtemp(prefix=f"infoview-feedback-{args.assignment}-"))
    try:
        with tqdm(desc=f"feedback {args.assignment}", unit="student", file=sys.stderr) as bar:
            replies = feedback_class(course, args.assignment, jobs=args.jobs, force=args.force,
                                     log_dir=log_dir, progress=bar)
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
    print(f"{args.assignment}: feedback written for {written}, {skipped} already had it (use "
          f"--force to redo), {len(failed)} failed, in {time.monotonic() - started:.1f} s")
    return finish_logs(log_dir, bool(failed))
