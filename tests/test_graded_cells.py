"""The graded notebook's cells: the answer shown, one rubric point per test cell, forms or notes."""

from __future__ import annotations

import json

import pytest

from kit_paths import DATA
from infoview_kit import graded_cells
from infoview_kit.forms.summary import SummaryForm
from infoview_kit.graded_cells import (RubricPointMissed, check_point, self_check, show_summary,
                                       summary_form, thank_you_form, use_answer)
from infoview_kit.rubric import RUBRIC
from infoview_kit.summary import InterviewSummary, save_summary

SUMMARIES = DATA / "summaries"


def full() -> InterviewSummary:
    return InterviewSummary.from_dict(json.loads((SUMMARIES / "full_marks.json").read_text()))


def with_(**changes) -> InterviewSummary:
    return InterviewSummary.from_dict({**full().to_dict(), **changes})


@pytest.fixture(autouse=True)
def _no_sample_answer():
    use_answer(None)
    yield
    use_answer(None)


def test_check_point_prints_a_line_for_each_point_while_the_student_works(work_dir, capsys):
    save_summary(with_(title=""))
    check_point("name")
    check_point("title")
    out = capsys.readouterr().out
    assert "✓ The interviewee's real first and last name" in out
    assert "✗ Not yet. The interviewee's title: Add the interviewee's job title" in out


def test_under_nbgrader_a_missed_point_is_a_one_line_error(work_dir, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    save_summary(with_(title=""))
    check_point("name")
    with pytest.raises(RubricPointMissed) as info:
        check_point("title")
    assert info.value._render_traceback_() == [str(info.value)]
    assert "job title" in str(info.value)


def test_use_answer_grades_the_sample_only_under_validate_and_writes_no_file(work_dir,
                                                                            monkeypatch):
    use_answer(full())
    assert show_summary().is_empty()  # someone working in the source notebook sees their own
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    use_answer(full())
    check_point("apply")
    assert show_summary() == full()
    assert not (work_dir / "summary.json").exists()


def test_the_sample_answer_passes_every_point_under_nbgrader_validate(monkeypatch, work_dir, capsys):
    """The source notebook's solution still validates: under validate the sample is not an example."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    answer = graded_cells.Answer()
    use_answer(graded_cells.sample_answer(), answer)
    for point_id in RUBRIC:
        check_point(point_id, answer)  # raises RubricPointMissed on a missed point
    assert capsys.readouterr().out.count("✓") == len(RUBRIC)
    monkeypatch.delenv("NBGRADER_EXECUTION")
    use_answer(graded_cells.sample_answer(), answer)  # outside validate it is ignored
    assert answer.sample is None


def test_self_check_on_a_broken_file_is_a_message_not_a_traceback(work_dir):
    (work_dir / "summary.json").write_text("[1")
    assert "could not be read" in repr(self_check())


def test_forms_are_not_built_while_nbgrader_autogrades(work_dir, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert "not shown in the graded copy" in repr(summary_form())
    assert "not shown in the graded copy" in repr(thank_you_form())
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    assert isinstance(summary_form(), SummaryForm)


def test_meeting_tracker_is_the_real_form_while_a_student_works(work_dir, monkeypatch):
    from infoview_kit import meeting_tracker
    from infoview_kit.forms.tracker import OutreachTrackerForm

    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert isinstance(meeting_tracker(), OutreachTrackerForm)


def test_autograded_copy_shows_a_note_for_the_tracker_without_importing_pandas(work_dir):
    """Does the per-student autograde run skip pandas and ipywidgets for the tracker cell?"""
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom infoview_kit import meeting_tracker\n"
            "print(repr(meeting_tracker()))\n"
            "print([m for m in ('pandas', 'ipywidgets') if m in sys.modules])")
    env = dict(os.environ, NBGRADER_EXECUTION="autograde")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout
    assert "not shown in the graded copy" in out
    assert out.strip().endswith("[]")


def test_the_whole_autograded_notebook_runs_without_ipywidgets_or_pandas(work_dir):
    """Does every call of the graded notebook (forms, answer, self-check, each rubric point)
    run at autograde without importing ipywidgets or pandas?"""
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom infoview_kit import (check_point, meeting_tracker, self_check, "
            "show_summary, summary_form, thank_you_form)\n"
            "shown = [repr(f()) for f in (thank_you_form, meeting_tracker, summary_form)]\n"
            "self_check(); show_summary()\n"
            "for point in ('name', 'title'):\n"
            "    try:\n        check_point(point)\n    except AssertionError:\n        pass\n"
            "print(sum('not shown in the graded copy' in s for s in shown))\n"
            "print([m for m in ('pandas', 'ipywidgets') if m in sys.modules])")
    env = dict(os.environ, NBGRADER_EXECUTION="autograde", INFOVIEW_WORK_DIR=str(work_dir))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout.split()
    assert out == ["3", "[]"]


def test_an_answer_object_reads_its_own_folder(tmp_path):
    """Is the graded summary an explicit object, so two answers do not share a module global?"""
    save_summary(full(), tmp_path / "summary.json")
    mine, other = graded_cells.Answer(tmp_path), graded_cells.Answer(tmp_path / "nowhere")
    assert show_summary(mine) == full() and show_summary(other).is_empty()
    assert graded_cells.KERNEL_ANSWER.sample is None
