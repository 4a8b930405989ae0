"""The summary's data shape, and saving and loading it: every bad field named at once."""

from __future__ import annotations

import json

import pytest

from kit_paths import DATA
from infoview_kit.graded_cells import show_summary
from infoview_kit.storage import SavedWorkError
from infoview_kit.summary import InterviewSummary, SummaryError, load_summary, save_summary

SUMMARIES = DATA / "summaries"


def full() -> InterviewSummary:
    return InterviewSummary.from_dict(json.loads((SUMMARIES / "full_marks.json").read_text()))


@pytest.mark.parametrize("data, field", [
    ([], ""), ({"first_name": 3}, "first_name"), ({"questions": "x" * 7000}, "questions"),
    ({"learned": "x" * 7000}, "learned"), ({"questions": {"a": 1}}, "questions"),
])
def test_bad_shapes_are_refused_naming_the_field(data, field):
    with pytest.raises(SummaryError) as info:
        InterviewSummary.from_dict(data)
    assert info.value.field == field and info.value.message


def test_questions_are_cleaned_and_may_come_as_lines():
    summary = InterviewSummary(questions="  How?\n\nWhy?  \n")
    assert summary.questions == ["How?", "Why?"]


def test_save_and_load_round_trip_through_the_work_folder(work_dir):
    save_summary(full())
    assert (work_dir / "summary.json").exists()
    assert load_summary() == full()


def test_loading_nothing_gives_an_empty_summary_and_a_broken_file_is_left_alone(work_dir):
    assert load_summary().is_empty()
    (work_dir / "summary.json").write_text("{oops")
    with pytest.raises(SavedWorkError):
        load_summary()
    assert (work_dir / "summary.json").read_text() == "{oops"
    assert "could not be read" in repr(show_summary())


