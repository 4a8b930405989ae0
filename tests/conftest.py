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


#: The class of the feedback tests: who submitted which summary (None: handed in without one).
CLASS_SUMMARIES = {"ann": "full_marks.json", "ben": "two_questions.json", "cat": None}


@pytest.fixture(scope="module")
def autograded_course(generated_course) -> Path:
    """:func:`generated_course` with the class of :data:`CLASS_SUMMARIES` submitted and graded by
    ``infoview-kit grade``; nobody's reflection is graded yet (cat's has nothing to grade)."""
    import os
    import shutil
    import subprocess
    import sys

    for student, summary in CLASS_SUMMARIES.items():
        folder = generated_course / "submitted" / student / "interviews"
        shutil.copytree(generated_course / "release" / "interviews", folder)
        if summary:
            (folder / "my_work").mkdir()
            shutil.copy(DATA / "summaries" / summary, folder / "my_work" / "summary.json")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run([sys.executable, "-m", "infoview_kit.cli", "grade", "interviews"],
                   cwd=generated_course, env=env, check=True, capture_output=True, timeout=600)
    return generated_course


@pytest.fixture(scope="session")
def grade_reflection():
    """A function giving a student's reflection a manual score (and comment), as the formgrader
    does."""
    from nbgrader.api import Gradebook

    def grade(course: Path, student: str, score: float, comment: str = "") -> None:
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            grade = gradebook.find_grade("reflection_quality", "4_write_summary", "interviews",
                                         student)
            grade.manual_score, grade.needs_manual_grade = score, False
            if comment:
                gradebook.find_comment("reflection_quality", "4_write_summary", "interviews",
                                       student).manual_comment = comment
            gradebook.db.commit()

    return grade
