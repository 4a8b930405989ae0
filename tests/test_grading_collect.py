"""The collect step's ownership check, on files made by the test itself (no other users needed)."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import pytest

from infoview_kit.grading.collect import claimed_student, read_user_map, stage_submissions

ME = getpass.getuser()


def _submission(inbound: Path, student: str, stamp: str = "2026-11-25 10:00:00.000000 UTC") -> str:
    entry = f"{student}+ps1+{stamp}+abc123"
    folder = inbound / entry
    (folder / "my_work").mkdir(parents=True)
    (folder / "ps1.ipynb").write_text("{}")
    (folder / "my_work" / "summary.json").write_text("{}")
    return entry


@pytest.fixture
def exchange(tmp_path):
    inbound, staging = tmp_path / "inbound", tmp_path / "staging"
    inbound.mkdir()
    staging.mkdir()
    return inbound, staging


def test_claimed_student_is_read_like_nbgrader_reads_it():
    """User names may contain '+': only the last three '+' separate the other fields."""
    assert claimed_student("ann+lee+ps1+2026-11-25 10:00:00 UTC+xyz") == "ann+lee"


def test_a_submission_owned_by_its_student_is_staged_whole(exchange):
    """Files owned by the Unix user the id names are copied, every file."""
    inbound, staging = exchange
    entry = _submission(inbound, ME)
    accepted, refused = stage_submissions(inbound, "ps1", staging, {})
    assert (accepted, refused) == ([entry], [])
    assert (staging / entry / "my_work" / "summary.json").read_text() == "{}"


def test_a_submission_owned_by_someone_else_is_refused_with_the_owner_named(exchange):
    """A folder claiming 'bob' (mapped to another user) but owned by me is refused."""
    inbound, staging = exchange
    other = "root" if ME != "root" else "nobody"
    entry = _submission(inbound, "bob")
    accepted, refused = stage_submissions(inbound, "ps1", staging, {"bob": other})
    assert accepted == []
    assert refused[0].entry == entry
    assert f"claims to be from 'bob'" in refused[0].reason
    assert f"owned by Unix user {ME!r}" in refused[0].reason
    assert not (staging / entry).exists()


def test_a_symbolic_link_in_a_submission_is_refused(exchange):
    """A link could make the collector copy a file the student cannot read."""
    inbound, staging = exchange
    entry = _submission(inbound, ME)
    os.symlink("/etc/hostname", inbound / entry / "my_work" / "stolen.txt")
    _, refused = stage_submissions(inbound, "ps1", staging, {})
    assert "stolen.txt is a symbolic link" in refused[0].reason


def test_a_student_without_a_unix_user_is_refused_with_a_hint(exchange):
    """An id that is no user name says so and points to --users."""
    inbound, staging = exchange
    _submission(inbound, "no-such-user-xq")
    _, refused = stage_submissions(inbound, "ps1", staging, {})
    assert "no Unix user 'no-such-user-xq'" in refused[0].reason
    assert "--users" in refused[0].reason


def test_other_assignments_are_left_alone(exchange):
    """Only the named assignment's entries are looked at."""
    inbound, staging = exchange
    (inbound / f"{ME}+ps2+2026-11-25 10:00:00 UTC+x").mkdir()
    assert stage_submissions(inbound, "ps1", staging, {}) == ([], [])


def test_the_user_map_needs_its_header(tmp_path):
    """A mapping CSV without 'student_id,unix_user' is refused with what it had instead."""
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("student_id,unix_user\ns001, ann \n")
    bad.write_text("id,user\ns001,ann\n")
    assert read_user_map(good) == {"s001": "ann"}
    with pytest.raises(ValueError, match="got id,user"):
        read_user_map(bad)
