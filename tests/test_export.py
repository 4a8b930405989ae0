"""Grade export: statuses that tell a grading failure from a real zero, and Canvas's import format."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from infoview_kit.grading.cells import SUMMARY_STATUS_KEY
from infoview_kit.grading.export import (canvas_csv, collect_grades, export_command, grades_csv,
                                         read_canvas_roster)

CELLS = [("rubric_name", 1), ("rubric_questions", 2)]


@pytest.fixture(scope="module")
def _template(tmp_path_factory):
    """A gradebook as autograde leaves it, for one student per status (built once: slow)."""
    tmp = tmp_path_factory.mktemp("gradebook")
    # a new gradebook runs nbgrader's `alembic` migration command from the environment's bin
    old_path = os.environ["PATH"]
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{old_path}"
    try:
        _fill(f"sqlite:///{tmp / 'gradebook.db'}")
    finally:
        os.environ["PATH"] = old_path
    return tmp / "gradebook.db"


@pytest.fixture
def gradebook(_template, tmp_path):
    shutil.copy(_template, tmp_path / "gradebook.db")
    return f"sqlite:///{tmp_path / 'gradebook.db'}", tmp_path


def _fill(url: str) -> None:
    with Gradebook(url) as gb:
        gb.add_assignment("interviews")
        gb.add_notebook("4_write_summary", "interviews")
        for name, points in CELLS:
            gb.add_grade_cell(name, "4_write_summary", "interviews", max_score=points,
                              cell_type="code")
            gb.add_source_cell(name, "4_write_summary", "interviews", cell_type="code",
                               source="", checksum="x", locked=True)
        gb.add_task_cell("reflection_quality", "4_write_summary", "interviews", max_score=3,
                         cell_type="markdown")
        gb.add_source_cell("reflection_quality", "4_write_summary", "interviews",
                           cell_type="markdown", source="", checksum="y", locked=True)
        for sid, first, last in [("ana", "Ana", "Ruiz"), ("ben", "Ben", "=HYPERLINK()"),
                                 ("cat", "Cat", "Li"), ("dan", "Dan", "Ng"), ("eve", "Eve", "Ow"),
                                 ("fay", "Fay", "Poe"), ("gus", "Gus", "Oh"), ("hal", "Hal", "Xu")]:
            gb.add_student(sid, first_name=first, last_name=last)

        def submit(sid, auto: dict, manual=None, flagged=False):
            gb.add_submission("interviews", sid)
            for name, score in auto.items():
                grade = gb.find_grade(name, "4_write_summary", "interviews", sid)
                grade.auto_score = score
                grade.needs_manual_grade = False  # what SaveAutoGrades does for a test cell
            task = gb.find_grade("reflection_quality", "4_write_summary", "interviews", sid)
            task.manual_score = manual
            task.needs_manual_grade = manual is None  # what the formgrader does on grading
            gb.find_submission_notebook("4_write_summary", "interviews", sid).flagged = flagged
            gb.db.commit()

        submit("ana", {"rubric_name": 1, "rubric_questions": 2}, manual=3)  # graded, full
        submit("ben", {"rubric_name": 0, "rubric_questions": 0}, manual=0)  # graded, a real 0
        submit("cat", {"rubric_name": 1, "rubric_questions": 0})  # reflection still to read
        submit("dan", {"rubric_name": None, "rubric_questions": None})  # autograde failed
        submit("eve", {"rubric_name": 1, "rubric_questions": 2}, manual=2, flagged=True)
        # fay never submitted
        submit("gus", {"rubric_name": 1, "rubric_questions": 2}, flagged=True)  # flagged, unread
        submit("hal", {"rubric_name": 0, "rubric_questions": 0})  # handed in without a summary


def _rows(url, **folders):
    names, rows = collect_grades(url, "interviews", **folders)
    return names, {r.student_id: r for r in rows}


def _autograded(root: Path, student: str, status: str) -> Path:
    """An autograded notebook as the rubric step leaves it, saying what it found of the summary."""
    folder = root / "autograded" / student / "interviews"
    folder.mkdir(parents=True)
    (folder / "4_write_summary.ipynb").write_text(
        f'{{"cells": [], "metadata": {{"{SUMMARY_STATUS_KEY}": "{status}"}}, "nbformat": 4, '
        '"nbformat_minor": 5}', encoding="utf-8")
    return root / "autograded"


def test_statuses_tell_failed_grading_and_no_submission_apart_from_a_real_zero(gradebook):
    names, rows = _rows(gradebook[0])
    assert names == ["rubric_name", "rubric_questions", "reflection_quality"]
    assert {sid: r.status for sid, r in rows.items()} == {
        "ana": "graded", "ben": "graded", "cat": "needs manual grade", "dan": "grading failed",
        "eve": "flagged", "fay": "not submitted", "gus": "flagged", "hal": "needs manual grade"}
    assert rows["ben"].total == 0 and rows["dan"].total is None and rows["fay"].total is None
    assert rows["ana"].total == 6 and rows["ana"].max_total == 6
    assert rows["cat"].cells == {"rubric_name": 1, "rubric_questions": 0, "reflection_quality": None}


def test_a_collected_but_not_autograded_submission_is_not_called_missing(gradebook):
    url, root = gradebook
    (root / "submitted" / "fay" / "interviews").mkdir(parents=True)
    _, rows = collect_grades(url, "interviews", submitted_dir=root / "submitted")
    assert {r.student_id: r.status for r in rows}["fay"] == "not autograded yet"


def test_grades_csv_has_every_point_and_blanks_where_there_is_no_score(gradebook):
    names, rows = collect_grades(gradebook[0], "interviews")
    table = {r["student_id"]: r for r in csv.DictReader(io.StringIO(grades_csv(names, rows)))}
    assert table["ben"]["total"] == "0" and table["ben"]["rubric_name"] == "0"
    assert table["dan"]["total"] == "" and table["dan"]["rubric_name"] == ""
    assert table["ana"]["reflection_quality"] == "3" and table["ana"]["max_total"] == "6"
    assert table["ben"]["last_name"] == "'=HYPERLINK()"  # never run as a formula


def test_canvas_csv_has_the_import_header_points_possible_and_names_last_first(gradebook):
    _, rows = collect_grades(gradebook[0], "interviews")
    lines = list(csv.reader(io.StringIO(canvas_csv(rows, "Interview summary (4242)"))))
    assert lines[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                        "Interview summary (4242)"]
    assert lines[1] == ["Points Possible", "", "", "", "", "6"]
    by_sis = {line[2]: line for line in lines[2:]}
    assert by_sis["ana"][0] == "Ruiz, Ana" and by_sis["ana"][-1] == "6"
    assert by_sis["ben"][-1] == "0" and by_sis["dan"][-1] == "" and by_sis["fay"][-1] == ""


def _canvas(rows, **options) -> dict[str, str]:
    lines = list(csv.reader(io.StringIO(canvas_csv(rows, "X", **options))))
    return {line[2]: line[-1] for line in lines[2:]}


def test_a_total_still_waiting_for_its_manual_point_is_not_posted_to_canvas(gradebook):
    """cat's 1 of 6 (the reflection unread) is not final; nor is flagged gus's, also unread."""
    names, rows = collect_grades(gradebook[0], "interviews")
    posted = _canvas(rows)
    assert posted["cat"] == "" and posted["gus"] == ""
    assert posted["eve"] == "5"  # flagged, but every point graded: final
    table = {r["student_id"]: r for r in csv.DictReader(io.StringIO(grades_csv(names, rows)))}
    assert table["cat"]["canvas"] == "held back: manual grade pending"
    assert table["cat"]["total"] == "1"  # the instructor's own file still shows the points so far
    assert table["ana"]["canvas"] == "posted" and table["dan"]["canvas"] == "left blank: no score"


def test_include_pending_posts_the_points_so_far_and_marks_them_provisional(gradebook):
    names, rows = collect_grades(gradebook[0], "interviews")
    assert _canvas(rows, include_pending=True)["cat"] == "1"
    table = {r["student_id"]: r for r in
             csv.DictReader(io.StringIO(grades_csv(names, rows, include_pending=True)))}
    assert table["cat"]["canvas"] == "posted as provisional: manual grade pending"
    assert table["gus"]["canvas"] == "posted as provisional: manual grade pending"
    assert table["ana"]["canvas"] == "posted"


def test_a_submission_without_a_summary_is_no_answer_not_a_manual_grade_to_wait_for(gradebook):
    url, root = gradebook
    autograded = _autograded(root, "hal", "missing")
    _autograded(root, "cat", "ok")
    _, rows = _rows(url, autograded_dir=autograded)
    assert rows["hal"].status == "no answer submitted" and rows["hal"].total == 0
    assert rows["hal"].pending == [] and rows["cat"].status == "needs manual grade"
    assert rows["hal"].cells["reflection_quality"] == 0
    assert _canvas(list(rows.values()))["hal"] == "0"  # a final zero: nothing to read


def test_an_unreadable_summary_has_its_own_status_and_is_held_back(gradebook, capsys):
    """cat handed in a broken summary.json: not "needs manual grade" (there is nothing to read),
    not a final zero either (the student should be asked for the file again)."""
    url, root = gradebook
    _autograded(root, "cat", "unreadable")
    _, rows = _rows(url, autograded_dir=root / "autograded")
    assert rows["cat"].status == "summary unreadable" and rows["cat"].total == 1
    assert rows["cat"].pending == ["reflection_quality"]
    assert _canvas(list(rows.values()))["cat"] == ""  # held back, not posted as a zero
    args = ["interviews", "--course", str(root), "--out", str(root / "g.csv"),
            "--canvas", str(root / "c.csv")]
    assert export_command(args) == 0
    out = capsys.readouterr().out
    assert "1 summary unreadable" in out
    assert "Summary unreadable (the autograded notebook 4 says why): cat. Ask them" in out


def test_a_canvas_roster_fills_in_canvas_ids_and_sections(gradebook, tmp_path):
    roster = tmp_path / "canvas_export.csv"
    roster.write_text("\ufeffStudent,ID,SIS User ID,SIS Login ID,Section,Other\n"
                      "\"Ruiz, Ana M.\",101,ana,aruiz,Tuesday,9\n", encoding="utf-8")
    _, rows = collect_grades(gradebook[0], "interviews")
    lines = list(csv.reader(io.StringIO(canvas_csv(rows, "X", read_canvas_roster(roster)))))
    ana = next(line for line in lines if line[2] == "ana")
    assert ana == ["Ruiz, Ana M.", "101", "ana", "aruiz", "Tuesday", "6"]


def test_export_command_writes_both_files_and_says_what_it_counted(gradebook, capsys):
    _, root = gradebook
    code = export_command(["interviews", "--course", str(root), "--out", str(root / "g.csv"),
                           "--canvas", str(root / "c.csv")])
    assert code == 0 and (root / "g.csv").exists() and (root / "c.csv").exists()
    assert "8 students" in capsys.readouterr().out


def test_export_command_names_who_is_held_back_and_why(gradebook, capsys):
    _, root = gradebook
    _autograded(root, "hal", "missing")
    args = ["interviews", "--course", str(root), "--out", str(root / "g.csv"),
            "--canvas", str(root / "c.csv")]
    assert export_command(args) == 0
    out = capsys.readouterr().out
    assert "1 no answer submitted" in out
    assert "Held back from" in out and "not graded yet): cat, gus." in out
    assert "--include-pending" in out
    assert export_command([*args, "--include-pending"]) == 0
    assert "PROVISIONAL" in capsys.readouterr().out
    assert _canvas_file(root / "c.csv")["cat"] == "1"


def _canvas_file(path: Path) -> dict[str, str]:
    return {line[2]: line[-1] for line in list(csv.reader(path.open()))[2:]}


def test_export_command_refuses_clearly_without_a_gradebook_or_assignment(gradebook, tmp_path,
                                                                          capsys):
    assert export_command(["interviews", "--course", str(tmp_path / "nowhere")]) == 2
    assert "no gradebook.db" in capsys.readouterr().err
    assert export_command(["nope", "--course", str(gradebook[1])]) == 1
    assert "no assignment 'nope'" in capsys.readouterr().err
