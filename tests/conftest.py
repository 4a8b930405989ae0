"""Shared fixtures: every test gets its own throwaway work folder and never touches a real one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit_paths import DATA, NOTEBOOKS, REPO  # noqa: F401  (kept importable for fixtures here)


@pytest.fixture
def work_dir(tmp_path, monkeypatch) -> Path:
    """A fresh, empty student work folder, wired in through ``INFOVIEW_WORK_DIR``."""
    path = tmp_path / "my_work"
    path.mkdir()
    monkeypatch.setenv("INFOVIEW_WORK_DIR", str(path))
    return path


@pytest.fixture
def chosen_prospect(work_dir):
    """A work folder where notebook 1 has saved one warm prospect, Luis Ortega, as chosen."""
    from infoview_kit.prospects import Prospect, ProspectList

    prospect = Prospect(name="Luis Ortega", role="Product manager",
                        company="Seattle Cancer Care Alliance", connection="network_of_network",
                        via="Ana Ruiz", why="His Medium posts on agile in health care.")
    prospects = ProspectList(path=work_dir / "prospects.json")
    prospects.add(prospect)
    prospects.choose(prospect.name)
    prospects.save()
    return prospect


@pytest.fixture(scope="module")
def generated_course(tmp_path_factory) -> Path:
    """A throwaway copy of the repository's nbgrader course with the assignment generated.

    The copy is real files (the source's links to ``notebooks/`` are followed), readable by
    every user (the exchange tests run commands as other Unix users), and the venv's ``bin`` is on
    PATH for nbgrader (it runs ``alembic`` from there when it creates a gradebook).
    """
    import os
    import shutil
    import subprocess
    import sys

    base = tmp_path_factory.mktemp("course")
    base.chmod(0o755)
    course = base / "course"
    shutil.copytree(REPO / "course", course, symlinks=False,
                    ignore=shutil.ignore_patterns("gradebook.db", "release", "submitted",
                                                  "autograded", "feedback", "my_work"))
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", "interviews"],
                   cwd=course, env=env, check=True, capture_output=True)
    return course
