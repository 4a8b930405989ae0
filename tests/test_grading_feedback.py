"""``infoview-kit feedback``: nbgrader's own feedback HTML, for the class, on every core."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit_paths import DATA

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

SUMMARIES = {"ann": "full_marks.json", "ben": "two_questions.json", "cat": None}


def _env() -> dict:
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    run = subprocess.run(args, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"{args} failed:\n{run.stdout}\n{run.stderr}"
    return run


@pytest.fixture(scope="module")
def autograded(generated_course):
    """Three students submitted and autograded by ``infoview-kit grade``."""
    for student, summary in SUMMARIES.items():
        folder = generated_course / "submitted" / student / "interviews"
        shutil.copytree(generated_course / "release" / "interviews", folder)
        if summary:
            (folder / "my_work").mkdir()
            shutil.copy(DATA / "summaries" / summary, folder / "my_work" / "summary.json")
    _run([sys.executable, "-m", "infoview_kit.cli", "grade", "interviews"], generated_course)
    return generated_course


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_the_feedback_is_byte_for_byte_what_nbgrader_writes(autograded, tmp_path):
    """Every file under feedback/ is identical to nbgrader generate_feedback's."""
    by_nbgrader = tmp_path / "nbgrader"
    shutil.copytree(autograded, by_nbgrader)
    _run([sys.executable, "-m", "nbgrader", "generate_feedback", "interviews"], by_nbgrader)
    run = _run([sys.executable, "-m", "infoview_kit.cli", "feedback", "interviews", "--jobs", "2"],
               autograded)
    assert "feedback written for 3, 0 already had it" in run.stdout
    expected = _files(by_nbgrader / "feedback")
    assert len([name for name in expected if name.endswith(".html")]) == 3 * 4
    assert _files(autograded / "feedback") == expected


def test_existing_feedback_is_kept_and_a_cut_short_one_is_written_again(autograded):
    """A second run skips students with feedback, except one whose HTML a crash cut short."""
    page = autograded / "feedback" / "ben" / "interviews" / "4_write_summary.html"
    if not page.exists():
        _run([sys.executable, "-m", "infoview_kit.cli", "feedback", "interviews"], autograded)
    whole = page.read_bytes()
    page.write_bytes(whole[:len(whole) // 2])
    run = _run([sys.executable, "-m", "infoview_kit.cli", "feedback", "interviews"], autograded)
    assert "feedback written for 1, 2 already had it" in run.stdout
    assert page.read_bytes() == whole
