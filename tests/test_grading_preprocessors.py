"""The grader-side nbgrader steps, without nbgrader commands: snapshot, overwrite, when to
execute, configure."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from traitlets.config import Config

from kit_paths import DATA
from infoview_kit.grading.preprocessors import (SNAPSHOT_KEY, RubricGrader,
                                                SnapshotSubmittedSummary, configure,
                                                drop_saved_work, execute_when_needed,
                                                execution_decision, read_submitted_summary)
from infoview_kit.grading.cells import SUMMARY_STATUS_KEY, summary_status
from infoview_kit.rubric import RUBRIC


def _notebook(fake_snapshot=None):
    cells = [new_code_cell("show_summary()"), new_markdown_cell("task")]
    cells[0].metadata["nbgrader"] = {"grade_id": "summary_answer", "solution": True}
    for point in RUBRIC:
        cell = new_code_cell(f'check_point("{point}")')
        cell.metadata["nbgrader"] = {"grade_id": f"rubric_{point}", "grade": True, "points": 1}
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="kernel says ok")]
        cells.append(cell)
    nb = new_notebook(cells=cells)
    if fake_snapshot is not None:
        nb.metadata[SNAPSHOT_KEY] = fake_snapshot
    return nb


def _submission(tmp_path, summary_file: str | None):
    if summary_file:
        (tmp_path / "my_work").mkdir()
        shutil.copy(DATA / "summaries" / summary_file, tmp_path / "my_work" / "summary.json")
    return {"metadata": {"path": str(tmp_path)}}


def _grade(nb, resources):
    nb, resources = SnapshotSubmittedSummary().preprocess(nb, resources)
    return RubricGrader().preprocess(nb, resources)[0]


def _outputs(nb):
    return {c.metadata["nbgrader"]["grade_id"]: c.outputs for c in nb.cells
            if c.cell_type == "code"}


def test_the_grader_overwrites_kernel_outputs_with_its_own_verdict(tmp_path):
    out = _outputs(_grade(_notebook(), _submission(tmp_path, "two_questions.json")))
    assert out["rubric_name"][0]["text"].startswith("✓ ")
    missed = out["rubric_questions"][0]
    assert missed["output_type"] == "error" and missed["traceback"] == [missed["evalue"]]
    assert "you have 2" in missed["evalue"]
    assert "Maren Lindqvist" in out["summary_answer"][0]["data"]["text/html"]


def test_a_snapshot_planted_in_the_submission_is_replaced_by_the_real_file(tmp_path):
    planted = {"status": "ok", "summary": json.loads((DATA / "summaries" / "full_marks.json")
                                                     .read_text())}
    nb = _grade(_notebook(fake_snapshot=planted), _submission(tmp_path, None))
    out = _outputs(nb)
    assert all(out[f"rubric_{p}"][0]["output_type"] == "error" for p in RUBRIC)
    assert "No summary was submitted" in out["rubric_name"][0]["evalue"]
    assert SNAPSHOT_KEY not in nb.metadata


@pytest.mark.parametrize("summary_file, status", [("two_questions.json", "ok"), (None, "missing"),
                                                  ("invalid.json", "unreadable")])
def test_the_graded_copy_keeps_whether_a_summary_was_found(tmp_path, summary_file, status):
    """Is "no summary submitted" kept in the autograded notebook, for the export to read?"""
    nb = _grade(_notebook(), _submission(tmp_path, summary_file))
    assert nb.metadata[SUMMARY_STATUS_KEY] == status
    nbformat.write(nb, tmp_path / "graded.ipynb")
    assert summary_status(tmp_path / "graded.ipynb") == status
    assert summary_status(tmp_path / "absent.ipynb") is None


def test_a_summary_status_planted_in_a_submission_is_dropped(tmp_path):
    nb = new_notebook(cells=[new_markdown_cell("no rubric here")])
    nb.metadata[SUMMARY_STATUS_KEY] = "missing"
    nb, _ = SnapshotSubmittedSummary().preprocess(nb, _submission(tmp_path, None))
    assert SUMMARY_STATUS_KEY not in nb.metadata


def test_a_file_changed_after_the_snapshot_does_not_change_the_grade(tmp_path):
    """The student's code runs between the two steps: what it writes then counts for nothing."""
    resources = _submission(tmp_path, "two_questions.json")
    nb, resources = SnapshotSubmittedSummary().preprocess(_notebook(), resources)
    shutil.copy(DATA / "summaries" / "full_marks.json", tmp_path / "my_work" / "summary.json")
    out = _outputs(RubricGrader().preprocess(nb, resources)[0])
    assert out["rubric_questions"][0]["output_type"] == "error"


@pytest.mark.parametrize("content, message", [
    ("{oops", "not valid JSON"), ("[1, 2]", "not a summary"),
    ('{"first_name": 5}', "not a summary"), ("\udcff", "could not be read"),
])
def test_an_unreadable_summary_is_a_clear_line_not_a_crash(tmp_path, content, message):
    (tmp_path / "my_work").mkdir()
    path = tmp_path / "my_work" / "summary.json"
    if content == "\udcff":
        path.write_bytes(b"\xff\xfe\x00bad")
    else:
        path.write_text(content)
    snapshot = read_submitted_summary(tmp_path)
    assert snapshot["status"] == "unreadable" and message in snapshot["message"]


def test_a_summary_link_is_not_followed(tmp_path):
    (tmp_path / "my_work").mkdir()
    (tmp_path / "my_work" / "summary.json").symlink_to(DATA / "summaries" / "full_marks.json")
    assert read_submitted_summary(tmp_path)["status"] == "unreadable"


def test_without_a_snapshot_the_grader_gives_no_points_and_says_why(tmp_path):
    nb = RubricGrader().preprocess(_notebook(), {})[0]
    assert "SnapshotSubmittedSummary" in _outputs(nb)["rubric_name"][0]["evalue"]


class _RecordingExecute:
    """Stands in for nbgrader's Execute step: records the notebooks it is asked to run."""

    calls: list = []

    def __init__(self):
        import logging

        self.log = logging.getLogger("test-execute")

    def preprocess(self, nb, resources):
        self.calls.append(nb)
        return nb, resources


def _code_exercise():
    cell = new_code_cell("assert add(1, 2) == 3")
    cell.metadata["nbgrader"] = {"grade_id": "add_test", "grade": True, "solution": False,
                                 "points": 2}
    return cell


@pytest.fixture
def recording_step():
    _RecordingExecute.calls = []
    return execute_when_needed(_RecordingExecute)


def test_notebooks_without_graded_cells_are_not_executed(recording_step, caplog):
    """A notebook with no graded cell (notebooks 1 to 3) starts no kernel, and the log says why."""
    assert execute_when_needed(recording_step) is recording_step
    with caplog.at_level("INFO", logger="test-execute"):
        recording_step().preprocess(new_notebook(cells=[new_code_cell("1/0")]),
                                    {"nbgrader": {"notebook": "1_find_people"}})
    assert _RecordingExecute.calls == []
    assert "Not executing 1_find_people: it has no graded cells" in caplog.text


def test_a_notebook_graded_only_from_the_summary_is_not_executed(recording_step, caplog):
    """Rubric cells, the answer cell and a manual task need no kernel: none is started."""
    with caplog.at_level("INFO", logger="test-execute"):
        recording_step().preprocess(_notebook(), {"nbgrader": {"notebook": "4_write_summary"}})
    assert _RecordingExecute.calls == []
    assert "Not executing 4_write_summary: its graded cells (summary_answer, rubric_" in caplog.text
    assert "none of the student's code runs" in caplog.text


def test_a_notebook_with_a_code_graded_cell_is_executed(recording_step, caplog):
    """One code exercise beside the rubric cells: the notebook is executed, and the log says why."""
    nb = _notebook()
    nb.cells.append(_code_exercise())
    with caplog.at_level("INFO", logger="test-execute"):
        recording_step().preprocess(nb, {"nbgrader": {"notebook": "4_write_summary"}})
    assert _RecordingExecute.calls == [nb]
    assert "Executing 4_write_summary with _RecordingExecute: add_test is graded by running " \
           "its code" in caplog.text


def test_a_graded_cell_without_an_id_still_gets_the_notebook_executed():
    """A graded code cell nbgrader stripped the id of (a student's own) is not taken as data."""
    nb = _notebook()
    nb.cells.append(_code_exercise())
    del nb.cells[-1].metadata["nbgrader"]["grade_id"]
    assert execution_decision(nb) == (True, "(no id) is graded by running its code")


def test_markdown_answers_and_ungraded_answer_cells_need_no_kernel():
    """A person reads a written answer from the file: no kernel for markdown or plain answers."""
    written = new_markdown_cell("My answer")
    written.metadata["nbgrader"] = {"grade_id": "essay", "grade": True, "solution": True,
                                    "points": 3}
    answer = new_code_cell("x = 1")
    answer.metadata["nbgrader"] = {"grade_id": "scratch", "grade": False, "solution": True}
    needed, why = execution_decision(new_notebook(cells=[written, answer]))
    assert not needed and "(essay, scratch)" in why


def test_configure_places_each_step_where_its_order_matters():
    from nbgrader.preprocessors import (ClearHiddenTests, ClearMarkScheme, Execute,
                                        OverwriteCells, SaveAutoGrades)

    c = Config()
    configure(c)
    configure(c)  # twice is the same as once
    sanitize = c.Autograde.sanitize_preprocessors
    assert sanitize.index(SnapshotSubmittedSummary) == sanitize.index(OverwriteCells) + 1
    steps = c.Autograde.autograde_preprocessors
    assert steps.count(RubricGrader) == 1
    at = steps.index(RubricGrader)
    assert issubclass(steps[at - 1], Execute) and steps[at - 1]._decides_execution
    assert at < steps.index(SaveAutoGrades)
    assert {ClearHiddenTests, ClearMarkScheme} <= set(c.GenerateFeedback.preprocessors)


def test_a_release_never_carries_saved_work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "release" / "interviews" / "my_work").mkdir(parents=True)
    (tmp_path / "release" / "interviews" / "my_work" / "summary.json").write_text("{}")
    drop_saved_work(assignment="interviews", student=".", notebooks=[])
    assert not (tmp_path / "release" / "interviews" / "my_work").exists()
