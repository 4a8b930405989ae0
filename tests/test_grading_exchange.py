"""The exchange with real Unix users: a student cannot replace another student's submission.

An instructor and two students are real accounts (``useradd -m``), each nbgrader command runs
as its user (``runuser``): release, fetch, submit; then alice runs ``nbgrader submit
--student=bob``, which nbgrader accepts, and the kit's collect step refuses it, names it and
collects bob's own submission instead.

These tests need root to create users; CI runs as root. Run as a normal user they fail with a
message saying so (deselect them with ``-m "not requires_root"``). The users run the checkout's
own venv, or, when the checkout sits in a folder they cannot enter (``mktemp -d`` makes one),
the class's environment built in the shared temporary folder (``class_environment.py``).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from class_environment import class_environment, others_can_reach

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow, pytest.mark.requires_root]

REPO = Path(__file__).resolve().parent.parent
ASSIGNMENT = "interviews"
COURSE_ID = "infoview"


@functools.cache
def _venv_bin() -> Path:
    """A ``bin`` folder with nbgrader and the kit that every user can run (built once)."""
    own = Path(sys.executable).parent
    if others_can_reach(own):
        return own
    return class_environment() / "bin"


def _run_as(user: str, command: list[str], cwd: Path, check: bool = True):
    home = f"/home/{user}"
    run = subprocess.run(["runuser", "-u", user, "--", "env", f"HOME={home}",
                          f"PATH={_venv_bin()}:/usr/bin:/bin", *command],
                         cwd=cwd, capture_output=True, text=True, timeout=300)
    if check and run.returncode != 0:
        raise AssertionError(f"{user}: {' '.join(command)} failed ({run.returncode}):\n"
                             f"{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    return run


@pytest.fixture(scope="module")
def users():
    """Three throwaway accounts, removed with their homes afterwards."""
    if os.geteuid() != 0:
        pytest.fail("these tests create Unix users and need root (CI runs them as root); "
                    "deselect them with -m 'not requires_root'")
    suffix = f"{os.getpid() % 100000}"
    names = {"instructor": f"ivi{suffix}", "alice": f"iva{suffix}", "bob": f"ivb{suffix}"}
    created = []
    try:
        for name in names.values():
            subprocess.run(["useradd", "-m", "-s", "/bin/sh", name], check=True)
            created.append(name)
        yield names
    finally:
        for name in created:
            subprocess.run(["userdel", "-r", name], capture_output=True)


@pytest.fixture(scope="module")
def exchange_class(users):
    """Released by the instructor, fetched and submitted by both students, then forged."""
    base = Path(tempfile.mkdtemp(prefix="infoview-exchange-"))
    base.chmod(0o755)
    exchange = base / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    course = base / "course"
    shutil.copytree(REPO / "course", course, ignore=shutil.ignore_patterns(
        "gradebook.db", "release", "submitted", "autograded", "feedback", "my_work"))
    instructor, alice, bob = users["instructor"], users["alice"], users["bob"]
    subprocess.run(["chown", "-R", f"{instructor}:{instructor}", str(course)], check=True)
    # nbgrader's defaults, said out loud: the shared environment may hold a hub's system-wide
    # config (the hub tests write one there while a hub runs, and put the old one back)
    flags = [f"--Exchange.root={exchange}", "--Exchange.path_includes_course=False",
             "--Authenticator.plugin_class=nbgrader.auth.NoAuthPlugin"]
    student_flags = flags + [f"--course={COURSE_ID}"]
    try:
        _run_as(instructor, ["nbgrader", "generate_assignment", ASSIGNMENT], course)
        _run_as(instructor, ["nbgrader", "release_assignment", ASSIGNMENT, *flags], course)
        for student in (alice, bob):
            home = Path(f"/home/{student}")
            _run_as(student, ["nbgrader", "fetch_assignment", ASSIGNMENT, *student_flags], home)
            work = home / ASSIGNMENT / "my_work"
            _run_as(student, ["mkdir", "-p", str(work)], home)
            summary = json.dumps({"first_name": "Written", "last_name": f"By {student}"})
            _run_as(student, ["sh", "-c", f"printf '%s' '{summary}' > {work}/summary.json"], home)
            _run_as(student, ["nbgrader", "submit", ASSIGNMENT, *student_flags],
                    home)
        # alice overwrites her summary and submits it under bob's name: nbgrader accepts it.
        forged = _run_as(alice, ["nbgrader", "submit", ASSIGNMENT, f"--student={bob}",
                                 *student_flags], Path(f"/home/{alice}"), check=False)
        collect = _run_as(instructor, ["python", "-m", "infoview_kit.cli", "collect",
                                       ASSIGNMENT, f"--exchange={exchange}"], course, check=False)
        yield dict(course=course, exchange=exchange, users=users, forged=forged, collect=collect)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_nbgrader_itself_accepts_the_forged_submission(exchange_class):
    """The attack is real: nbgrader's submit lets alice file work as bob."""
    forged = exchange_class["forged"]
    assert forged.returncode == 0, forged.stderr
    inbound = exchange_class["exchange"] / COURSE_ID / "inbound"
    bob = exchange_class["users"]["bob"]
    entries = [p for p in inbound.iterdir() if p.name.startswith(f"{bob}+")]
    assert len(entries) == 2


def test_collect_refuses_the_forged_submission_and_says_why(exchange_class):
    """The kit's collect names the forged entry, the claimed student and the real owner."""
    collect = exchange_class["collect"]
    users = exchange_class["users"]
    assert collect.returncode == 1, collect.stdout + collect.stderr
    refused = [line for line in collect.stdout.splitlines() if line.startswith("REFUSED")]
    assert len(refused) == 1, collect.stdout
    assert refused[0].startswith(f"REFUSED {users['bob']}+{ASSIGNMENT}+")
    assert f"claims to be from {users['bob']!r}" in refused[0]
    assert f"owned by Unix user {users['alice']!r}" in refused[0]
    assert "2 submissions collected, 1 refused" in collect.stdout


def test_each_student_keeps_their_own_work(exchange_class):
    """bob's collected summary is bob's own, not alice's forgery; alice's is hers."""
    submitted = exchange_class["course"] / "submitted"
    for role in ("alice", "bob"):
        user = exchange_class["users"][role]
        summary = json.loads((submitted / user / ASSIGNMENT / "my_work" / "summary.json").read_text())
        assert summary["last_name"] == f"By {user}"
