"""``infoview-kit collect ASSIGNMENT``: nbgrader's collect, refusing forged submissions.

With nbgrader's filesystem exchange any student can run ``nbgrader submit ASSIGNMENT
--student=OTHER`` and, at the next ``collect --update``, replace OTHER's work; nbgrader only logs
a warning. This command checks every inbound submission of the assignment first: each file and
folder in it must belong to the Unix user of the student it claims to be (the student id is the
user name, or a ``--users`` CSV maps ids to user names), and it must hold no symbolic links.
Submissions that pass are copied, file by file and checking each opened file's owner (so nothing
can be swapped in between the check and the copy), into a private staging exchange, and
``nbgrader collect`` runs on that; the refused ones are named with the reason and left in the
exchange, untouched, for the instructor to look at.

Exit codes: 0 everything collected, 1 some submissions refused (the rest collected), 2 nothing
could be done (no inbound folder, nbgrader failed).
"""

from __future__ import annotations

import argparse
import csv
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..render import counted


@dataclass(frozen=True)
class Refusal:
    """One inbound submission not collected, and why."""

    entry: str
    student: str
    reason: str

    def __str__(self) -> str:
        return f"REFUSED {self.entry}: {self.reason}"


def claimed_student(entry: str) -> str:
    """The student an inbound folder name claims, read as nbgrader reads it."""
    return entry.rsplit("+", 3)[0]


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def read_user_map(path: Path) -> dict[str, str]:
    """student id -> Unix user name, from a CSV with columns ``student_id,unix_user``."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if rows and not {"student_id", "unix_user"} <= set(rows[0]):
        raise ValueError(f"{path}: the header must be 'student_id,unix_user' (got "
                         f"{','.join(rows[0])})")
    return {row["student_id"].strip(): row["unix_user"].strip() for row in rows}


class _Forged(Exception):
    pass


def _copy_checked(source: Path, target: Path, uid: int, claimed: str) -> None:
    """Copy ``source`` to ``target``, refusing links and anything not owned by ``uid``."""
    info = os.lstat(source)
    if stat.S_ISLNK(info.st_mode):
        raise _Forged(f"{source.name} is a symbolic link; submissions must hold real files")
    if info.st_uid != uid:
        raise _Forged(f"it claims to be from {claimed!r} but "
                      f"{source.name if source.is_file() else 'its folder ' + source.name!s} "
                      f"is owned by Unix user {_user_name(info.st_uid)!r}")
    if stat.S_ISDIR(info.st_mode):
        target.mkdir()
        for child in sorted(os.listdir(source)):
            _copy_checked(source / child, target / child, uid, claimed)
        return
    if not stat.S_ISREG(info.st_mode):
        raise _Forged(f"{source.name} is not a regular file")
    fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as reader:
        # Checked again on the open file: what is copied is what was checked.
        if os.fstat(reader.fileno()).st_uid != uid:
            raise _Forged(f"{source.name} changed owner while it was being collected")
        with open(target, "wb") as writer:
            shutil.copyfileobj(reader, writer)


def stage_submissions(inbound: Path, assignment: str, staging_inbound: Path,
                      users: dict[str, str]) -> tuple[list[str], list[Refusal]]:
    """Copy the genuine submissions of ``assignment`` to ``staging_inbound``; list refusals."""
    accepted, refused = [], []
    for entry in sorted(os.listdir(inbound)):
        parts = entry.rsplit("+", 3)
        if len(parts) < 3 or parts[1] != assignment:
            continue
        student = claimed_student(entry)
        user = users.get(student, student)
        try:
            uid = pwd.getpwnam(user).pw_uid
        except KeyError:
            hint = "" if users else " (give --users FILE to map student ids to Unix users)"
            refused.append(Refusal(entry, student, f"there is no Unix user {user!r} for "
                                                   f"student {student!r}{hint}"))
            continue
        try:
            _copy_checked(inbound / entry, staging_inbound / entry, uid, student)
        except _Forged as why:
            shutil.rmtree(staging_inbound / entry, ignore_errors=True)
            refused.append(Refusal(entry, student, str(why)))
        except OSError as error:
            shutil.rmtree(staging_inbound / entry, ignore_errors=True)
            refused.append(Refusal(entry, student, f"could not be read ({error.strerror})"))
        else:
            accepted.append(entry)
    return accepted, refused


def _course_settings(course: Path) -> tuple[str, str]:
    """(course_id, exchange root) from the course's nbgrader config, with nbgrader's default."""
    from .gradebook import nbgrader_config

    config = nbgrader_config(course)
    course_id = config.get("CourseDirectory", {}).get("course_id", "") or \
        config.get("Exchange", {}).get("course_id", "")
    root = config.get("Exchange", {}).get("root", "/srv/nbgrader/exchange")
    return course_id, root


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="infoview-kit collect",
        description="Collect ASSIGNMENT like 'nbgrader collect', refusing any submission whose "
                    "files are not owned by the Unix user of the student it claims to be.")
    parser.add_argument("assignment")
    parser.add_argument("--course", default=".", help="the nbgrader course directory (default: here)")
    parser.add_argument("--users", type=Path, default=None,
                        help="CSV with columns student_id,unix_user when ids are not user names")
    parser.add_argument("--exchange", default=None, help="exchange root (default: the course's "
                        "Exchange.root, else /srv/nbgrader/exchange)")
    parser.add_argument("--course-id", default=None, help="default: the course's course_id")
    parser.add_argument("--update", action="store_true",
                        help="replace already collected submissions with newer ones")
    return parser.parse_args(argv)


def collect_command(argv: list[str]) -> int:
    """Run ``infoview-kit collect``; returns 0, 1 (some refused) or 2 (failed)."""
    args = _parse_args(argv)
    course = Path(args.course).resolve()
    course_id, root = _course_settings(course)
    course_id = args.course_id or course_id
    root = args.exchange or root
    if not course_id:
        print("infoview-kit collect: no course id; set c.CourseDirectory.course_id in "
              f"{course / 'nbgrader_config.py'} or pass --course-id", file=sys.stderr)
        return 2
    inbound = Path(root) / course_id / "inbound"
    if not inbound.is_dir():
        print(f"infoview-kit collect: no inbound folder {inbound}; was the assignment released "
              f"to this exchange (--exchange)?", file=sys.stderr)
        return 2
    try:
        users = read_user_map(args.users) if args.users else {}
    except (OSError, ValueError) as error:
        print(f"infoview-kit collect: cannot read --users: {error}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="infoview-collect-") as staging:
        staging_inbound = Path(staging) / course_id / "inbound"
        staging_inbound.mkdir(parents=True)
        accepted, refused = stage_submissions(inbound, args.assignment, staging_inbound, users)
        for refusal in refused:
            print(f"{refusal} (left in {inbound}; not collected)")
        command = [sys.executable, "-m", "nbgrader", "collect", args.assignment,
                   f"--Exchange.root={staging}", f"--CourseDirectory.course_id={course_id}",
                   # Owners were checked above; the staged copies belong to the collector.
                   "--ExchangeCollect.check_owner=False"]
        if args.update:
            command.append("--update")
        done = subprocess.run(command, cwd=course, stdin=subprocess.DEVNULL)
    print(f"{args.assignment}: {counted(len(accepted), 'submission')} collected, {len(refused)} refused")
    if done.returncode != 0:
        print(f"infoview-kit collect: nbgrader collect failed (exit code {done.returncode})",
              file=sys.stderr)
        return 2
    return 1 if refused else 0
