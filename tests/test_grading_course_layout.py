"""``infoview-kit add-assignment``: a course folder with real notebooks, anywhere, and the
instructor guide's dry run followed command by command."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

from infoview_kit.cli import main as cli_main
from infoview_kit.grading import course_layout
from infoview_kit.grading.course_layout import (ASSIGNMENT, BACKUP_DIR, LayoutError,
                                                add_assignment, plan_config)
from infoview_kit.grading.preprocessors import SnapshotSubmittedSummary
from kit_paths import NOTEBOOKS, REPO

KIT = sorted(NOTEBOOKS.glob("*.ipynb"))

#: An instructor's own course config: settings the kit must leave exactly as they are.
INSTRUCTOR_CONFIG = '''\
c = get_config()
c.CourseDirectory.course_id = "ds101"
c.ClearSolutions.code_stub = {"python": "# your code here\\nraise NotImplementedError('ds101')"}
c.Execute.timeout = 300
'''


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _load(config: Path) -> Config:
    """What nbgrader gets from running ``nbgrader_config.py``."""
    c = Config()
    exec(compile(config.read_text(encoding="utf-8"), str(config), "exec"),
         {"get_config": lambda: c})
    return c


def _existing_course(root: Path, config: str = INSTRUCTOR_CONFIG) -> Path:
    course = root / "ds101"
    (course / "source" / "week1").mkdir(parents=True)
    (course / "source" / "week1" / "exercise.ipynb").write_text("{}", encoding="utf-8")
    (course / "nbgrader_config.py").write_text(config, encoding="utf-8")
    return course


def test_the_package_carries_the_one_copy_of_the_notebooks():
    """Is the package's notebooks/ the repository's notebooks/ (a link), not a second copy?"""
    link = REPO / "infoview_kit" / "notebooks"
    assert link.is_symlink() and link.resolve() == NOTEBOOKS.resolve()
    assert [p.name for p in course_layout.kit_notebooks()] == [p.name for p in KIT]


def test_a_new_folder_becomes_a_course_with_real_notebook_files(tmp_path):
    report = add_assignment(tmp_path / "new", course_id="spring27")
    source = tmp_path / "new" / "source" / ASSIGNMENT
    for notebook in KIT:
        copy = source / notebook.name
        assert not copy.is_symlink() and copy.read_bytes() == notebook.read_bytes()
    c = _load(tmp_path / "new" / "nbgrader_config.py")
    assert c.CourseDirectory.course_id == "spring27"
    assert SnapshotSubmittedSummary in c.Autograde.sanitize_preprocessors
    assert "SandboxedExecute" in repr(c.Autograde.autograde_preprocessors)
    assert report.backup is None and len(report.done) == 2


def test_running_it_again_changes_nothing(tmp_path):
    """Even after the instructor tried the forms in source/ (a my_work/ folder beside them)."""
    add_assignment(tmp_path / "c")
    (tmp_path / "c" / "source" / ASSIGNMENT / "my_work").mkdir()
    (tmp_path / "c" / "source" / ASSIGNMENT / "my_work" / "summary.json").write_text("{}")
    before = _snapshot(tmp_path / "c")
    report = add_assignment(tmp_path / "c")
    assert report.done == [] and report.backup is None and not report.add_by_hand
    assert _snapshot(tmp_path / "c") == before


def test_a_copy_of_the_repository_course_is_refused_with_its_dangling_links_named(tmp_path):
    """Copied elsewhere, course/ keeps links to ../../../notebooks that point nowhere: the
    command says so and changes nothing; --force replaces them and keeps the links."""
    course = tmp_path / "copied"
    shutil.copytree(REPO / "course", course, symlinks=True)
    before = _snapshot(course)
    with pytest.raises(LayoutError, match=r"4_write_summary.ipynb is a link to "
                                          r"\.\./\.\./\.\./notebooks/4_write_summary\.ipynb, "
                                          r"which does not exist(.|\n)*--force"):
        add_assignment(course)
    assert _snapshot(course) == before and not (course / BACKUP_DIR).exists()

    report = add_assignment(course, force=True)
    for notebook in KIT:
        assert (course / "source" / ASSIGNMENT / notebook.name).read_bytes() == notebook.read_bytes()
    kept = report.backup / "source" / ASSIGNMENT / "4_write_summary.ipynb"
    assert kept.is_symlink() and str(kept.readlink()).endswith("notebooks/4_write_summary.ipynb")
    assert (course / "nbgrader_config.py").read_bytes() == before["nbgrader_config.py"]


def test_an_instructors_edited_notebook_is_never_overwritten_without_force(tmp_path):
    course = tmp_path / "c"
    add_assignment(course)
    mine = course / "source" / ASSIGNMENT / "2_write_requests.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace("cells", "cells", 1) + "\n")
    edited = mine.read_bytes()
    assert cli_main(["add-assignment", str(course)]) == 2
    assert mine.read_bytes() == edited
    report = add_assignment(course, force=True)
    assert (report.backup / "source" / ASSIGNMENT / mine.name).read_bytes() == edited
    assert mine.read_bytes() == (NOTEBOOKS / mine.name).read_bytes()


def test_an_existing_course_keeps_every_line_of_its_config_and_gets_the_kits_at_the_end(tmp_path):
    course = _existing_course(tmp_path)
    report = add_assignment(course)
    config = course / "nbgrader_config.py"
    text = config.read_text(encoding="utf-8")
    assert text.startswith(INSTRUCTOR_CONFIG)
    assert (report.backup / "nbgrader_config.py").read_text(encoding="utf-8") == INSTRUCTOR_CONFIG
    assert (course / "source" / "week1" / "exercise.ipynb").read_text(encoding="utf-8") == "{}"
    c = _load(config)
    assert c.CourseDirectory.course_id == "ds101" and c.Execute.timeout == 300
    assert c.ClearSolutions.code_stub["python"].endswith("NotImplementedError('ds101')")
    assert c.OverwriteCells.add_missing_cells is True
    assert SnapshotSubmittedSummary in c.Autograde.sanitize_preprocessors
    # the sandbox would change how the instructor's own assignments run: suggested, not set
    assert "SandboxedExecute" not in repr(c.get("Autograde"))
    assert "# sandbox.configure(c, timeout=15)" in text
    add_assignment(course)
    assert config.read_text(encoding="utf-8") == text  # not appended twice


def test_an_instructors_add_missing_cells_choice_is_kept(tmp_path):
    course = _existing_course(tmp_path, INSTRUCTOR_CONFIG + "c.OverwriteCells.add_missing_cells = False\n")
    add_assignment(course)
    assert _load(course / "nbgrader_config.py").OverwriteCells.add_missing_cells is False


def test_a_config_object_by_another_name_gets_lines_for_that_name(tmp_path):
    course = _existing_course(tmp_path, "config = get_config()\nconfig.Execute.timeout = 60\n")
    add_assignment(course)
    c = _load(course / "nbgrader_config.py")
    assert c.Execute.timeout == 60 and SnapshotSubmittedSummary in c.Autograde.sanitize_preprocessors


@pytest.mark.parametrize("config, reason", [
    ("c = get_config(\nc.Execute.timeout = 60\n", "is not valid Python (line 1"),
    ("from shared import *\napply_settings(get_config())\n", "never assigns get_config()"),
])
def test_a_config_it_cannot_merge_is_left_alone_and_the_lines_to_add_are_printed(
        tmp_path, capsys, config, reason):
    course = _existing_course(tmp_path, config)
    assert cli_main(["add-assignment", str(course)]) == 1
    err = capsys.readouterr().err
    assert (course / "nbgrader_config.py").read_text(encoding="utf-8") == config
    assert reason in err and "Add these lines at the end of it" in err
    assert "preprocessors.configure(c)" in err
    assert (course / "source" / ASSIGNMENT / "4_write_summary.ipynb").is_file()


def test_a_course_configured_in_json_is_told_what_to_add(tmp_path):
    course = tmp_path / "jsoncourse"
    course.mkdir()
    (course / "nbgrader_config.json").write_text('{"CourseDirectory": {"course_id": "x"}}')
    report = add_assignment(course)
    assert "nbgrader_config.json" in report.add_by_hand and not (course / "nbgrader_config.py").exists()


def test_a_folder_that_is_not_a_course_is_refused_and_left_as_it_was(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(LayoutError, match="not empty and is not an nbgrader course"):
        add_assignment(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_config_copied_from_the_kit_counts_as_merged():
    text = (REPO / "course" / "nbgrader_config.py").read_text(encoding="utf-8")
    assert plan_config(text) == ("merged", "")


def _env(home: Path) -> dict:
    """This interpreter's tools first on PATH, and a home of the test's own (no user config)."""
    env = dict(os.environ, HOME=str(home), JUPYTER_CONFIG_DIR=str(home / ".jupyter"))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    env.pop("INFOVIEW_WORK_DIR", None)
    return env


@pytest.mark.nbgrader
@pytest.mark.slow
def test_an_existing_course_keeps_its_code_stub_and_the_summary_cell_gets_the_kits_pointer(tmp_path):
    """Merged into a course with its own code stub, does generate_assignment give the kit's
    pointer in the summary's answer cell and the course's stub in the course's own exercise?"""
    course = _existing_course(tmp_path)
    exercise = nbformat.v4.new_notebook()
    exercise.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    exercise.cells = [nbformat.v4.new_code_cell(
        "def add(a, b):\n    ### BEGIN SOLUTION\n    return a + b\n    ### END SOLUTION",
        metadata={"nbgrader": {"solution": True, "grade": False, "locked": False,
                               "grade_id": "add", "schema_version": 3}})]
    nbformat.write(exercise, course / "source" / "week1" / "exercise.ipynb")
    add_assignment(course)
    env = _env(tmp_path)
    for assignment in ("week1", ASSIGNMENT):
        subprocess.run(["nbgrader", "generate_assignment", assignment], cwd=course, env=env,
                       check=True, capture_output=True, timeout=300)
    kit = (course / "release" / ASSIGNMENT / "4_write_summary.ipynb").read_text(encoding="utf-8")
    own = (course / "release" / "week1" / "exercise.ipynb").read_text(encoding="utf-8")
    assert "Nothing to type here" in kit and "NotImplementedError" not in kit
    assert "NotImplementedError('ds101')" in own.replace("\\'", "'")


DRY_RUN = re.compile(r"<!-- dry-run:[^\n]*-->\n```sh\n(?P<commands>.*?)\n```", re.S)


@pytest.mark.nbgrader
@pytest.mark.slow
def test_the_guides_dry_run_works_command_by_command(tmp_path):
    """Run the shell block of the instructor guide's dry run as written, in an empty folder:
    are the students graded, with their names in grades.csv, and their feedback written?"""
    guide = (REPO / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    (commands,) = [m.group("commands") for m in DRY_RUN.finditer(guide)]
    for step in ("infoview-kit add-assignment", "nbgrader generate_assignment",
                 "nbgrader db student add", "infoview-kit grade", "infoview-kit feedback",
                 "infoview-kit export", "my_work/summary.json"):
        assert step in commands, f"the dry run no longer shows {step!r}"
    home = tmp_path / "home"
    home.mkdir()
    # -e: stop at the first command that fails, -x: name it in the trace
    done = subprocess.run(["bash", "-eux", "-o", "pipefail", "-c", commands], cwd=tmp_path,
                          env=_env(home), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"the dry run stopped:\n{done.stderr[-3000:]}"

    course = tmp_path / "dry-run"
    with open(course / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    assert {sid: (r["first_name"], r["last_name"], r["email"]) for sid, r in rows.items()} == {
        "ada": ("Ada", "Lovelace", "ada@example.org"),
        "alan": ("Alan", "Turing", "alan@example.org")}
    automatic = {sid: sum(float(r[k] or 0) for k in r if k.startswith("rubric_"))
                 for sid, r in rows.items()}
    assert automatic == {"ada": 9.0, "alan": 0.0}  # as the guide says
    for student in rows:
        assert (course / "autograded" / student / ASSIGNMENT / "4_write_summary.ipynb").is_file()
        assert (course / "feedback" / student / ASSIGNMENT / "4_write_summary.html").is_file()
    # what the guide says generate_feedback copies
    assert (course / "feedback" / "ada" / ASSIGNMENT / "my_work" / "summary.json").read_bytes() \
        == (course / "submitted" / "ada" / ASSIGNMENT / "my_work" / "summary.json").read_bytes()
    assert (course / "canvas_grades.csv").is_file()
