"""The student's own copy of the course (``infoview_kit.student_copy``), without a server."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import nbformat
import pytest

from infoview_kit import student_copy
from infoview_kit.student_copy import (StudentCopyError, move_aside, prepare_student_copy,
                                       renew_student_copy, write_lab_config)
from kit_paths import NOTEBOOKS, REPO

COURSE_CONFIG = REPO / "course" / "nbgrader_config.py"


@pytest.fixture
def source(tmp_path) -> Path:
    """The committed notebooks, in a folder of the test's own (never a developer's my_work)."""
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, folder, ignore=shutil.ignore_patterns(
        "my_work", ".ipynb_checkpoints", "__pycache__"))
    return folder


def _make(source: Path, copy: Path, **kwargs):
    return prepare_student_copy(source, copy, nbgrader_config=COURSE_CONFIG, **kwargs)


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.nbgrader
def test_the_copy_is_what_nbgraders_release_gives_a_student(source, tmp_path, generated_course):
    """Is each notebook in the copy the one `nbgrader generate_assignment` releases, cell by cell?"""
    _make(source, tmp_path / "copy")
    release = generated_course / "release" / "interviews"
    for name in sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")):
        ours = nbformat.read(tmp_path / "copy" / name, as_version=4)
        theirs = nbformat.read(release / name, as_version=4)
        assert [(c.cell_type, c.source, c.metadata) for c in ours.cells] == \
               [(c.cell_type, c.source, c.metadata) for c in theirs.cells], name


def test_notebook_4_in_the_copy_has_no_sample_answer_mark_scheme_or_outputs(source, tmp_path):
    """Does the student's notebook 4 lose the solution and mark scheme, keeping the course's stub?"""
    notebook = nbformat.read(NOTEBOOKS / "4_write_summary.ipynb", as_version=4)
    notebook.cells[1].outputs = [nbformat.v4.new_output("stream", text="an old output\n")]
    nbformat.write(notebook, source / "4_write_summary.ipynb")

    status = _make(source, tmp_path / "copy")

    assert status.created and (tmp_path / "copy" / "my_work").is_dir()
    text = (tmp_path / "copy" / "4_write_summary.ipynb").read_text()
    for marker in ("### BEGIN SOLUTION", "sample_answer", "use_answer(", "BEGIN MARK SCHEME",
                   "an old output"):
        assert marker not in text
    assert "Nothing to type here: your answer is the summary saved by the form above." in text


def test_each_notebook_carries_what_its_kernel_will_report(source, tmp_path):
    """JupyterLab marks a notebook modified when the kernel's description differs from the file's;
    the copy carries the description of the kernel in this environment, so it opens unmodified."""
    from ipykernel.ipkernel import IPythonKernel
    from jupyter_client.kernelspec import KernelSpecManager

    _make(source, tmp_path / "copy")
    spec = KernelSpecManager().get_kernel_spec("python3")
    for path in sorted((tmp_path / "copy").glob("*.ipynb")):
        metadata = nbformat.read(path, as_version=4).metadata
        assert metadata.language_info == IPythonKernel.language_info, path.name
        assert metadata.kernelspec == {"display_name": spec.display_name, "language": "python",
                                       "name": "python3"}, path.name


def test_a_second_prepare_leaves_an_edited_copy_byte_for_byte(source, tmp_path):
    """Is an existing copy, with the student's edits and saved work, never written to again?"""
    copy = tmp_path / "copy"
    _make(source, copy)
    (copy / "1_find_people.ipynb").write_text("the student's own edit", encoding="utf-8")
    (copy / "my_work" / "prospects.json").write_text('{"prospects": []}', encoding="utf-8")
    before = _files(copy)

    status = _make(source, copy)

    assert not status.created and status.changed_upstream == ()
    assert _files(copy) == before
    assert status.lines() == [f"Opening your copy of the course in {copy}/."]


def test_a_changed_course_is_reported_and_the_copy_is_still_untouched(source, tmp_path):
    """When a notebook changes (or one is added) upstream, is the student told what and how?"""
    copy = tmp_path / "copy"
    _make(source, copy)
    before = _files(copy)
    notebook = nbformat.read(source / "2_write_requests.ipynb", as_version=4)
    notebook.cells[0].source += "\n\nNew this term: a section on cold emails."
    nbformat.write(notebook, source / "2_write_requests.ipynb")
    shutil.copy(source / "1_find_people.ipynb", source / "5_keep_in_touch.ipynb")

    status = _make(source, copy)

    assert status.changed_upstream == ("2_write_requests.ipynb", "5_keep_in_touch.ipynb")
    assert _files(copy) == before
    said = " ".join(status.lines())
    assert "changed since your copy was made (2_write_requests.ipynb, 5_keep_in_touch.ipynb)" in said
    assert "make lab-update" in said and "make lab-reset" in said and "nothing is deleted" in said


def test_a_copy_without_its_version_file_is_opened_with_a_note(source, tmp_path):
    """A copy whose version file was deleted is still opened as it is, with a note saying so."""
    copy = tmp_path / "copy"
    _make(source, copy)
    (copy / student_copy.STAMP_NAME).unlink()
    before = _files(copy)

    status = _make(source, copy)

    assert status.unknown_version and _files(copy) == before
    assert "Can't tell which version" in " ".join(status.lines())


def test_update_moves_the_old_copy_aside_and_keeps_the_saved_answers(source, tmp_path):
    """Does lab-update give new notebooks with my_work carried over, the old copy kept whole?"""
    copy = tmp_path / "copy"
    _make(source, copy)
    (copy / "my_work" / "summary.json").write_text('{"first_name": "Ada"}', encoding="utf-8")
    (copy / "3_prepare_questions.ipynb").write_text("edited", encoding="utf-8")
    before = _files(copy)

    aside, status = renew_student_copy(source, copy, keep_work=True, nbgrader_config=COURSE_CONFIG)

    assert aside.name.startswith("copy.old-") and _files(aside) == before
    assert status.created and status.work_from == aside / "my_work"
    assert (copy / "my_work" / "summary.json").read_text() == '{"first_name": "Ada"}'
    assert (copy / "3_prepare_questions.ipynb").read_text() != "edited"


def test_reset_starts_over_without_deleting_anything(source, tmp_path):
    """Does lab-reset give an empty my_work, even with an old notebooks/my_work around?"""
    copy = tmp_path / "copy"
    _make(source, copy)
    (copy / "my_work" / "summary.json").write_text("{}", encoding="utf-8")
    (source / "my_work").mkdir()
    (source / "my_work" / "old.json").write_text("{}", encoding="utf-8")

    aside, status = renew_student_copy(source, copy, keep_work=False, nbgrader_config=COURSE_CONFIG)

    assert (aside / "my_work" / "summary.json").is_file()
    assert list((copy / "my_work").iterdir()) == [] and status.work_from is None


def test_work_saved_beside_the_notebooks_before_is_carried_into_a_new_copy(source, tmp_path):
    """Work an earlier `make lab` saved in notebooks/my_work is copied in (and left there)."""
    (source / "my_work").mkdir()
    (source / "my_work" / "prospects.json").write_text('{"chosen": "Ada"}', encoding="utf-8")

    status = _make(source, tmp_path / "copy")

    assert (tmp_path / "copy" / "my_work" / "prospects.json").read_text() == '{"chosen": "Ada"}'
    assert (source / "my_work" / "prospects.json").is_file()
    assert "was copied into" in " ".join(status.lines())
    assert "my_work/prospects.json" not in json.loads(
        (tmp_path / "copy" / student_copy.STAMP_NAME).read_text())["source"]


def test_moving_aside_never_lands_on_an_existing_folder(tmp_path):
    """Two moves in the same second get two names; neither old copy is replaced."""
    now = datetime(2026, 12, 2, 9, 30, 0)
    first, second = tmp_path / "copy", tmp_path / "copy"
    first.mkdir()
    (first / "a").write_text("first")
    one = move_aside(first, now)
    second.mkdir()
    (second / "a").write_text("second")
    two = move_aside(second, now)
    assert (one.name, two.name) == ("copy.old-20261202-093000", "copy.old-20261202-093000-2")
    assert (one / "a").read_text() == "first" and (two / "a").read_text() == "second"


def test_an_interrupted_first_copy_leaves_nothing_half_made(source, tmp_path, monkeypatch):
    """A failure while building leaves no copy (so the next run builds it again) and no temp folder."""
    def broken(notebook, config):
        raise KeyboardInterrupt

    monkeypatch.setattr(student_copy, "student_version", broken)
    with pytest.raises(KeyboardInterrupt):
        _make(source, tmp_path / "copy")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks"]


@pytest.mark.parametrize("problem, expected", [
    ("no notebooks", "No course notebooks in"),
    ("copy is a file", "is a file, not a course folder"),
    ("broken config", "Could not read the course's nbgrader config"),
])
def test_bad_input_is_named_with_how_to_fix_it(source, tmp_path, problem, expected):
    """Each problem names the folder or file and says what to do, instead of a traceback."""
    copy, config = tmp_path / "copy", COURSE_CONFIG
    if problem == "no notebooks":
        source = tmp_path / "empty"
        source.mkdir()
    elif problem == "copy is a file":
        copy.write_text("not a folder")
    else:
        config = tmp_path / "nbgrader_config.py"
        config.write_text("c = get_config()\nc.ClearSolutions.code_stub = {\n")
    with pytest.raises(StudentCopyError, match=expected):
        prepare_student_copy(source, copy, nbgrader_config=config)
    assert student_copy.main(["prepare", "--source", str(source), "--copy", str(copy),
                              "--nbgrader-config", str(config)]) == 2


def test_the_lab_config_hides_nbgrader_and_the_news_for_this_server_only(tmp_path):
    """The config folder names nbgrader's lab and server extensions and turns news off."""
    folder = write_lab_config(tmp_path / "lab-config")
    page = json.loads((folder / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"] == {"@jupyter/nbgrader": True,
                                          "@jupyterlab/apputils-extension:announcements": True}
    server = json.loads((folder / "jupyter_server_config.json").read_text())
    assert set(server["ServerApp"]["jpserver_extensions"].values()) == {False}
    assert len(server["ServerApp"]["jpserver_extensions"]) == 4
    settings = json.loads((folder / "labconfig" / "default_setting_overrides.json").read_text())
    assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
