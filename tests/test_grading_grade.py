"""``infoview-kit grade``: balanced groups, plain reasons, and the same scores as nbgrader."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from infoview_kit.grading.grade import balanced_groups, check_submission, explain

SOURCE = {"cells": [
    {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "answer", "solution": True}}},
    {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "check", "grade": True,
                                                    "solution": False}}},
]}


def test_groups_are_balanced_and_cover_everyone_once():
    """Students split into near-equal groups, each student in exactly one."""
    weights = {f"s{i}": 1000 * (i % 3) for i in range(9)}
    groups = balanced_groups(weights, 2)
    assert sorted(sum(groups, [])) == sorted(weights)
    assert abs(len(groups[0]) - len(groups[1])) <= 1


def test_no_more_groups_than_students():
    """Three cores for two students make two groups, not an empty third."""
    assert balanced_groups({"a": 1, "b": 1}, 3) == [["a"], ["b"]]


@pytest.mark.parametrize("content, expected", [
    ('{"cells": [', "is not valid JSON (line 1, column 12"),
    ("[1, 2]", "is JSON but not a notebook"),
    ('{"cells": []}', "the answer cell answer was deleted"),
])
def test_broken_notebooks_are_named_with_what_is_wrong(tmp_path, content, expected):
    """Each kind of broken notebook gets a line saying what is wrong."""
    (tmp_path / "ps1.ipynb").write_text(content)
    problems, _ = check_submission(tmp_path, {"ps1.ipynb": SOURCE})
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_missing_notebook_and_deleted_test_cells_are_reported(tmp_path):
    """A notebook not submitted is a problem; deleted test cells are a note (restored)."""
    problems, _ = check_submission(tmp_path, {"ps1.ipynb": SOURCE})
    assert "ps1.ipynb is missing" in problems[0]
    (tmp_path / "ps1.ipynb").write_text(json.dumps({"cells": SOURCE["cells"][:1]}))
    problems, notes = check_submission(tmp_path, {"ps1.ipynb": SOURCE})
    assert problems == [] and "test cells check were deleted" in notes[0]


def test_known_nbgrader_errors_are_explained():
    """A dead kernel is explained in plain words, keeping nbgrader's own message."""
    assert explain("Kernel died while waiting").startswith("the notebook's kernel stopped")
    assert explain("Something new") == "Something new"


@pytest.mark.nbgrader
@pytest.mark.slow
def test_parallel_grading_gives_the_scores_of_sequential_nbgrader(generated_course, tmp_path):
    """Two processes on one gradebook score every cell exactly as one nbgrader autograde does."""
    from nbgrader.api import Gradebook

    summaries = [{"first_name": "Renata", "last_name": "Okonkwo-Hale"}, {},
                 {"title": "Senior UX researcher"}, {"first_name": "Ann"}]
    for number, summary in enumerate(summaries):
        folder = generated_course / "submitted" / f"s{number}" / "interviews"
        shutil.copytree(generated_course / "release" / "interviews", folder)
        (folder / "my_work").mkdir()
        (folder / "my_work" / "summary.json").write_text(json.dumps(summary))
    sequential = tmp_path / "sequential"
    shutil.copytree(generated_course, sequential)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    parallel = subprocess.run([sys.executable, "-m", "infoview_kit.cli", "grade", "interviews",
                               "--jobs", "2"], cwd=generated_course, env=env,
                              capture_output=True, text=True)
    subprocess.run([sys.executable, "-m", "nbgrader", "autograde", "interviews"],
                   cwd=sequential, env=env, capture_output=True, check=True)
    assert parallel.returncode == 0, parallel.stdout + parallel.stderr
    assert "4 graded, 0 already graded" in parallel.stdout

    def scores(course):
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            return {(s.id, g.name): g.score for s in gradebook.students
                    for g in gradebook.find_submission_notebook("4_write_summary", "interviews",
                                                                 s.id).grades}

    expected = scores(sequential)
    assert len(expected) == 4 * 7
    assert scores(generated_course) == expected
