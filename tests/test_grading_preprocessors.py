"""The grader-side rubric steps, without nbgrader commands: snapshot, overwrite, skip, configure."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from traitlets.config import Config

from kit_paths import DATA
from infoview_kit.grading.preprocessors import (SNAPSHOT_KEY, RubricGrader, SnapshotSubmittedSummary,
                                         configure, drop_saved_work, graded_only,
                                         read_submitted_summary)
from infoview_kit.summary import RUBRIC


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


def test_notebooks_without_graded_cells_are_not_executed():
    import logging

    class Recorder:
        calls = []
        log = logging.getLogger("test")

        def preprocess(self, nb, resources):
            self.calls.append(nb)
            return nb, resources

    step = graded_only(Recorder)
    assert graded_only(step) is step
    plain = new_notebook(cells=[new_code_cell("1/0")])
    step().preprocess(plain, {})
    assert Recorder.calls == []
    step().preprocess(_notebook(), {})
    assert len(Recorder.calls) == 1


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
    assert issubclass(steps[at - 1], Execute) and steps[at - 1]._skips_ungraded
    assert at < steps.index(SaveAutoGrades)
    assert {ClearHiddenTests, ClearMarkScheme} <= set(c.GenerateFeedback.preprocessors)


def test_a_release_never_carries_saved_work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "release" / "interviews" / "my_work").mkdir(parents=True)
    (tmp_path / "release" / "interviews" / "my_work" / "summary.json").write_text("{}")
    drop_saved_work(assignment="interviews", student=".", notebooks=[])
    assert not (tmp_path / "release" / "interviews" / "my_work").exists()
