"""`make lab`, the student's one command: JupyterLab on the student's own copy of the course.

Each test runs the real `make lab` in a throwaway clone of the working tree (see
``make_lab_server.py``) and talks to the server it starts, as the browser would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from make_lab_server import MakeLab, clone_working_tree, git, run_make

pytestmark = pytest.mark.slow

NOTEBOOKS = {"1_find_people.ipynb", "2_write_requests.ipynb", "3_prepare_questions.ipynb",
             "4_write_summary.ipynb"}
INSTRUCTOR_ONLY = ("### BEGIN SOLUTION", "sample_answer", "use_answer(", "BEGIN MARK SCHEME",
                   "Award up to 3 points")


@pytest.fixture
def repo(tmp_path) -> Path:
    """A fresh clone of the working tree, with nothing made in it yet."""
    return clone_working_tree(tmp_path / "repo")


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _save_as_student(lab: MakeLab, name: str) -> dict:
    """Save ``name`` through the server (what autosave does) with an output and an edit in it."""
    model = lab.api("GET", f"/api/contents/{name}?content=1")
    notebook = model["content"]
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    cell["source"] += "\n# my own note"
    cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "student output\n"}]
    cell["execution_count"] = 1
    lab.api("PUT", f"/api/contents/{name}", {"type": "notebook", "format": "json", "content": notebook})
    return notebook


def test_saving_through_make_lab_changes_no_tracked_file_and_lands_in_the_copy(repo):
    """Does a save through `make lab`'s server land in the git-ignored copy, leaving git clean?"""
    with MakeLab(repo) as lab:
        listing = lab.api("GET", "/api/contents")
        assert NOTEBOOKS <= {item["name"] for item in listing["content"]}
        assert lab.status_of("/lab") == 200
        _save_as_student(lab, "1_find_people.ipynb")
        assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
        lab.api("PUT", "/api/contents/my_work/notes.txt",
                {"type": "file", "format": "text", "content": "my notes"})

    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    copy = repo / "my_course"
    saved = json.loads((copy / "1_find_people.ipynb").read_text())
    assert any("student output" in "".join(o.get("text", "")) for c in saved["cells"]
               for o in c.get("outputs", []))
    assert (copy / "my_work" / "notes.txt").read_text() == "my notes"
    assert "student output" not in (repo / "notebooks" / "1_find_people.ipynb").read_text()


def test_the_copy_served_holds_the_student_version_of_notebook_4(repo):
    """Does the server show notebook 4 without the sample answer and mark scheme, outputs cleared?"""
    with MakeLab(repo) as lab:
        notebook = lab.api("GET", "/api/contents/4_write_summary.ipynb?content=1")["content"]
        formgrader = lab.status_of("/formgrader")
    text = json.dumps(notebook)
    for marker in INSTRUCTOR_ONLY:
        assert marker not in text, f"the student's notebook 4 shows {marker!r}"
    assert formgrader == 404  # nbgrader's instructor pages are switched off with its menus
    assert "Nothing to type here" in text  # the course's own stub, from course/nbgrader_config.py
    assert all(not c.get("outputs") for c in notebook["cells"] if c["cell_type"] == "code")
    # and the instructor's source still has them: the copy, not the source, was cleared
    assert "### BEGIN SOLUTION" in (repo / "notebooks" / "4_write_summary.ipynb").read_text()


def test_a_second_make_lab_keeps_the_students_copy_byte_for_byte(repo):
    """Does running `make lab` again open the student's edited copy untouched?"""
    with MakeLab(repo) as lab:
        _save_as_student(lab, "4_write_summary.ipynb")
        lab.api("PUT", "/api/contents/my_work/summary.json",
                {"type": "file", "format": "text", "content": '{"first_name": "Ada"}'})
    copy = repo / "my_course"
    before = _files(copy)
    assert "my own note" in before["4_write_summary.ipynb"].decode()

    with MakeLab(repo) as lab:
        assert NOTEBOOKS <= {item["name"] for item in lab.api("GET", "/api/contents")["content"]}
        said = lab.output()
    assert _files(copy) == before
    assert "Opening your copy of the course" in said and "have changed since" not in said


def test_changed_course_notebooks_are_reported_and_lab_update_keeps_saved_answers(repo):
    """After an upstream change, does `make lab` say so, and `make lab-update` keep my_work?"""
    with MakeLab(repo) as lab:
        lab.api("PUT", "/api/contents/my_work/summary.json",
                {"type": "file", "format": "text", "content": '{"first_name": "Ada"}'})
    changed = repo / "notebooks" / "2_write_requests.ipynb"
    notebook = json.loads(changed.read_text())
    notebook["cells"][0]["source"] = ["# 2 · Write requests (new edition)\n"]
    changed.write_text(json.dumps(notebook, indent=1) + "\n")
    git(repo, "commit", "-qam", "course update")

    copy = repo / "my_course"
    before = _files(copy)
    with MakeLab(repo) as lab:
        said = lab.output()
    assert "have changed since your copy was made (2_write_requests.ipynb)" in said
    assert "make lab-update" in said and "make lab-reset" in said
    assert _files(copy) == before

    update = run_make(repo, "lab-update")
    assert update.returncode == 0, update.stdout + update.stderr
    (aside,) = repo.glob("my_course.old-*")
    assert _files(aside) == before  # moved aside whole, nothing deleted
    assert "new edition" in (copy / "2_write_requests.ipynb").read_text()
    assert (copy / "my_work" / "summary.json").read_text() == '{"first_name": "Ada"}'
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""

    reset = run_make(repo, "lab-reset")
    assert reset.returncode == 0, reset.stdout + reset.stderr
    assert len(list(repo.glob("my_course.old-*"))) == 2
    assert list((copy / "my_work").iterdir()) == []  # started over
