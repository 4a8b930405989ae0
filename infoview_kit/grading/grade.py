"""``infoview-kit grade ASSIGNMENT``: autograde a whole class on every core.

nbgrader autogrades one submission after another, and each ``nbgrader`` command pays seconds of
start-up. This command splits the submitted students into N balanced groups and runs N
``nbgrader autograde`` processes on the same gradebook, each one told to leave out the others'
students (``--CourseDirectory.student_id_exclude``), so the scores are exactly those of one
sequential ``nbgrader autograde``. It shows a progress bar as students finish, then one line
per student that failed and why, read from nbgrader's log and from the notebooks themselves.

Exit codes: 0 every student graded, 1 some students failed (all others graded), 2 nothing
could be graded (no such course or assignment, no submissions).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

# nbgrader's own log lines start with this; a student's output never reaches the log (the
# sandbox sends it to a file), and nothing else may start a line with it.
_LOG = r"^\[AutogradeApp \| (?P<level>[A-Z]+)\] "
_STARTED = re.compile(_LOG + r"Creating/updating student with ID '(?P<student>[^']+)'")
_SKIPPED = re.compile(_LOG + r"Skipping existing assignment: .*/(?P<student>[^/]+)/[^/]+$")
_FAILED = re.compile(_LOG + r"There was an error processing assignment '[^']*' for student "
                            r"'(?P<student>[^']+)'")
_TIMEOUT = re.compile(_LOG + r"Timeout waiting for execute reply")
_ERROR = re.compile(_LOG.replace("(?P<level>[A-Z]+)", "ERROR") + r"(?P<message>.*)")
_GENERIC_ERRORS = ("There was an error processing", "Traceback (most recent call last)",
                   "Please see the", "Interrupting kernel")


@dataclass
class StudentResult:
    """How one student's autograde went."""

    student: str
    status: str = "waiting"  # waiting, grading, graded, skipped, failed
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        why = f": {'; '.join(self.reasons)}" if self.reasons else ""
        return f"StudentResult({self.student} {self.status}{why})"


def balanced_groups(weights: dict[str, int], jobs: int) -> list[list[str]]:
    """Split students into at most ``jobs`` groups of near-equal total weight (largest first)."""
    groups: list[list[str]] = [[] for _ in range(max(1, min(jobs, len(weights))))]
    loads = [0] * len(groups)
    for student in sorted(weights, key=lambda name: (-weights[name], name)):
        lightest = loads.index(min(loads))
        groups[lightest].append(student)
        # Every submission costs a kernel start whatever its size: count that too.
        loads[lightest] += weights[student] + 50_000
    return [sorted(group) for group in groups if group]


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


def _test_cell_ids(notebook: dict) -> list[str]:
    return [cell["metadata"]["nbgrader"]["grade_id"] for cell in notebook.get("cells", [])
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade")
            and not cell["metadata"]["nbgrader"].get("solution")]


def _answer_cell_ids(notebook: dict) -> list[str]:
    return [cell["metadata"]["nbgrader"]["grade_id"] for cell in notebook.get("cells", [])
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution")]


def check_submission(folder: Path, sources: dict[str, dict]) -> tuple[list[str], list[str]]:
    """Problems that make grading fail, and notes worth a line, for one submitted folder.

    ``sources`` maps each notebook name of the assignment to its source notebook (parsed).
    """
    problems, notes = [], []
    for name, source in sorted(sources.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} is missing from the submission (re-submit it with "
                            f"nbgrader submit, or the student gets no marks for it)")
            continue
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            problems.append(f"{name} is not UTF-8 text; ask the student to re-submit it")
            continue
        except json.JSONDecodeError as error:
            problems.append(f"{name} is not valid JSON (line {error.lineno}, column "
                            f"{error.colno}: {error.msg}); open it in a text editor or ask the "
                            f"student to re-submit it")
            continue
        if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
            problems.append(f"{name} is JSON but not a notebook (no list of cells)")
            continue
        answers = {cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                   for cell in notebook["cells"] if isinstance(cell, dict)}
        lost = [grade_id for grade_id in _answer_cell_ids(source) if grade_id not in answers]
        if lost:
            problems.append(f"{name}: the answer cell{'s' if len(lost) > 1 else ''} "
                            f"{', '.join(lost)} {'were' if len(lost) > 1 else 'was'} deleted or "
                            f"retyped, so nbgrader cannot grade it; a person must look at it "
                            f"(or the student re-submits with the cell from the released notebook)")
            continue
        present = set(_test_cell_ids(notebook))
        missing = [grade_id for grade_id in _test_cell_ids(source) if grade_id not in present]
        if missing:
            notes.append(f"{name}: test cells {', '.join(missing)} were deleted or retyped; "
                         f"they are restored from the source before grading")
    return problems, notes


def _source_notebooks(course: Path, assignment: str) -> dict[str, dict]:
    sources = {}
    for path in sorted((course / "source" / assignment).glob("*.ipynb")):
        sources[path.name] = json.loads(path.read_text(encoding="utf-8"))
    return sources


def _reader(group_id: int, stream, events: queue.Queue, log_file) -> None:
    """Turn one nbgrader process's log into (group, kind, student, text) events."""
    for line in stream:
        log_file.write(line)
        line = line.rstrip("\n")
        if match := _STARTED.match(line):
            events.put((group_id, "start", match["student"], ""))
        elif match := _SKIPPED.match(line):
            events.put((group_id, "skip", match["student"], ""))
        elif match := _FAILED.match(line):
            events.put((group_id, "failed", match["student"], ""))
        elif _TIMEOUT.match(line):
            events.put((group_id, "timeout", None, ""))
        elif (match := _ERROR.match(line)) and not match["message"].startswith(_GENERIC_ERRORS):
            events.put((group_id, "error", None, match["message"].strip()))
        elif line.startswith("    ") and re.match(r"^    [\w.]+(Error|Exception)\b", line):
            events.put((group_id, "error", None, line.strip()))
    events.put((group_id, "exit", None, ""))


def _nbgrader_command(assignment: str, exclude: list[str], args) -> list[str]:
    command = [sys.executable, "-m", "nbgrader", "autograde", assignment]
    if exclude:
        command.append("--CourseDirectory.student_id_exclude=" + ",".join(exclude))
    if args.force:
        command.append("--force")
    if args.timeout is not None:
        command += [f"--Execute.timeout={args.timeout}"]
    return command


def grade_class(course: Path, assignment: str, args, progress=None) -> dict[str, StudentResult]:
    """Autograde every submitted student in ``args.jobs`` parallel nbgrader processes."""
    submitted = course / "submitted"
    students = sorted(p.parent.name for p in submitted.glob(f"*/{assignment}") if p.is_dir())
    results = {name: StudentResult(name) for name in students}
    sources = _source_notebooks(course, assignment)
    weights = {}
    for name in students:
        folder = submitted / name / assignment
        problems, notes = check_submission(folder, sources)
        results[name].reasons += problems
        results[name].notes += notes
        weights[name] = sum(p.stat().st_size for p in folder.glob("*.ipynb"))
    found_before = {name for name in students if results[name].reasons}
    groups = balanced_groups(weights, args.jobs)
    log_dir = Path(args.log_dir)
    events: queue.Queue = queue.Queue()
    processes, threads, current = [], [], {}
    for group_id, group in enumerate(groups):
        others = [name for name in students if name not in group]
        log_file = open(log_dir / f"autograde-{assignment}-{group_id + 1}.log", "w")
        process = subprocess.Popen(
            _nbgrader_command(assignment, others, args), cwd=course, text=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, errors="replace")
        thread = threading.Thread(target=_reader, args=(group_id, process.stdout, events, log_file),
                                  daemon=True)
        thread.start()
        processes.append((process, log_file))
        threads.append(thread)
    running = len(groups)
    last_error: dict[int, str] = {}

    def finish(group_id: int) -> None:
        student = current.pop(group_id, None)
        if student and results[student].status == "grading":
            results[student].status = "graded"
            if progress:
                progress.update(1)

    while running:
        group_id, kind, student, text = events.get()
        if kind == "start" and student in results:
            finish(group_id)
            current[group_id] = student
            results[student].status = "grading"
        elif kind == "skip" and student in results:
            finish(group_id)
            results[student].status = "skipped"
            if progress:
                progress.update(1)
        elif kind == "timeout" and group_id in current:
            results[current[group_id]].notes.append(
                "a cell ran past the time limit and was stopped (the rest was graded as is)")
        elif kind == "error":
            last_error[group_id] = text
            result = results.get(current.get(group_id, ""))
            # A problem found beforehand already says it plainly; else explain nbgrader's error.
            if result and result.student not in found_before and not result.reasons:
                result.reasons.append(explain(text))
        elif kind == "failed" and student in results:
            if current.get(group_id) == student:
                finish(group_id)
            results[student].status = "failed"
        elif kind == "exit":
            finish(group_id)
            running -= 1
    for (process, log_file), thread in zip(processes, threads):
        process.wait()
        thread.join()
        log_file.close()
    _settle(results, course, assignment, sources, processes, last_error, groups)
    return results


def _settle(results, course, assignment, sources, processes, last_error, groups) -> None:
    """Final status: a student is graded only if every autograded notebook is there."""
    for group_id, group in enumerate(groups):
        code = processes[group_id][0].returncode
        for student in group:
            result = results[student]
            if result.status == "skipped":
                continue
            folder = course / "autograded" / student / assignment
            complete = all((folder / name).is_file() for name in sources) and folder.is_dir()
            if result.status == "failed" or not complete:
                if not result.reasons:
                    result.reasons.append(
                        "nbgrader never reached this student "
                        f"(it stopped with exit code {code}: {last_error.get(group_id, '?')})"
                        if result.status == "waiting" else
                        last_error.get(group_id, f"nbgrader stopped with exit code {code}"))
                result.status = "failed"
            else:
                # Problems found beforehand did not stop nbgrader (a missing notebook, say):
                # they stay as notes.
                result.notes = result.reasons + result.notes
                result.reasons = []
                result.status = "graded"


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="infoview-kit grade",
        description="Autograde every submitted student of ASSIGNMENT with nbgrader, in "
                    "parallel processes sharing one gradebook; same scores as "
                    "'nbgrader autograde ASSIGNMENT'.")
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

    started = time.monotonic()
    # nbgrader's full logs, kept only when a student failed (they are the details behind the
    # one-line reasons); outside the course, which the sandbox hides from kernels anyway.
    args.log_dir = tempfile.mkdtemp(prefix=f"infoview-grade-{args.assignment}-")
    with tqdm(total=len(students), desc=f"autograde {args.assignment}", unit="student",
              file=sys.stderr) as progress:
        results = grade_class(course, args.assignment, args, progress)
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
          f"{min(args.jobs, len(results))} processes")
    if failed:
        print(f"nbgrader's full logs: {args.log_dir}")
    else:
        shutil.rmtree(args.log_dir, ignore_errors=True)
    return 1 if failed else 0
