"""The "Write summary" forms without a browser: set values, click, check what is shown and saved."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from infoview_kit.forms.summary import SummaryForm, ThankYouForm, due_line, prefill_summary
from infoview_kit.graded_cells import self_check
from infoview_kit.summary import load_summary

GOOD_NOTE = ("Hi Maren,\n\nThank you for taking the time to talk with me yesterday. Your advice to "
             "learn SQL properly before any framework was exactly what I needed, and I have "
             "already signed up for an advanced course. I would love to keep you posted on how "
             "it goes, if that is all right with you.\n\nThanks again,\nAlex")


def test_summary_form_saves_every_change_and_a_fresh_form_brings_it_back(work_dir):
    form = SummaryForm()
    form.fields["first_name"].input.value = "Maren"
    form.fields["questions"].input.value = "How did you start?\nWhat do you enjoy?"
    saved = json.loads((work_dir / "summary.json").read_text())
    assert saved["first_name"] == "Maren" and saved["questions"] == ["How did you start?",
                                                                    "What do you enjoy?"]
    again = SummaryForm()
    assert again.fields["first_name"].input.value == "Maren"
    assert again.fields["questions"].input.value == "How did you start?\nWhat do you enjoy?"


def test_every_input_has_a_plain_text_label(work_dir):
    form = SummaryForm()
    for field in form.fields.values():
        assert field.input.description and field.input.description_allow_html is False
    assert form.check_button.description == "Check my summary"


def test_an_overlong_field_is_refused_next_to_its_input_and_the_file_keeps_the_last_good_text(
        work_dir):
    form = SummaryForm()
    form.fields["learned"].input.value = "A fine start."
    form.fields["learned"].input.value = "word " * 2000
    assert "characters long" in form.fields["learned"].error.value
    assert "Not saved" in form.status.value
    assert load_summary().learned == "A fine start."


def test_a_broken_saved_summary_turns_saving_off_and_is_never_overwritten(work_dir):
    (work_dir / "summary.json").write_text('{"first_name": ')
    form = SummaryForm()
    assert not form.saving_enabled and "could not be read" in form.status.value
    form.fields["first_name"].input.value = "Maren"
    assert (work_dir / "summary.json").read_text() == '{"first_name": '


def test_a_new_summary_is_prefilled_from_the_chosen_prospect_and_their_questions(work_dir):
    (work_dir / "prospects.json").write_text(json.dumps({"chosen": "Maren Lindqvist", "prospects": [
        {"name": "Ola Nordmann", "role": "Analyst", "company": "X"},
        {"name": "Maren Lindqvist", "role": "Data engineer", "company": "Fjordline"}]}))
    (work_dir / "questions.json").write_text(json.dumps(
        {"Maren Lindqvist": ["How did you start?", "What do you enjoy?"], "Ola Nordmann": ["?"]}))
    form = SummaryForm()
    assert form.fields["first_name"].input.value == "Maren"
    assert form.fields["last_name"].input.value == "Lindqvist"
    assert form.fields["title"].input.value == "Data engineer, Fjordline"
    assert form.fields["questions"].input.value == "How did you start?\nWhat do you enjoy?"
    assert not (work_dir / "summary.json").exists()  # nothing saved until the student edits


@pytest.mark.parametrize("prospects, questions", [
    ("{broken", "[1, 2]"), ('{"chosen": 3, "prospects": "no"}', '{"x": {"questions": 5}}'),
    ("[]", "{}"),
])
def test_prefill_reads_odd_or_broken_earlier_files_without_failing(work_dir, prospects, questions):
    (work_dir / "prospects.json").write_text(prospects)
    (work_dir / "questions.json").write_text(questions)
    assert prefill_summary().first_name == ""
    assert (work_dir / "prospects.json").read_text() == prospects


def test_the_self_check_button_shows_each_rubric_point(work_dir):
    form = SummaryForm()
    form.fields["first_name"].input.value = "Maren"
    form.check_button.click()
    assert "Self-check" in form.check_output.value and "✗</span> Not yet" in form.check_output.value
    assert "1 of 9" in self_check()._repr_html_()  # only "no placeholders" so far


def test_thank_you_form_checks_the_note_and_saves_it_with_the_meeting_time(work_dir):
    met = datetime(2026, 11, 20, 14, 0)
    form = ThankYouForm(now=lambda: met + timedelta(hours=3))
    form.meeting.input.value = met
    form.note.input.value = GOOD_NOTE
    saved = json.loads((work_dir / "thank_you.json").read_text())
    assert saved == {"meeting_at": "2026-11-20T14:00", "note": GOOD_NOTE,
                     "edited_at": "2026-11-20T17:00"}
    assert form.hours_since_meeting() == 3
    assert "21 hours left" in form.due.value
    assert "ready to send" in form.report.value
    again = ThankYouForm(now=lambda: met + timedelta(hours=4))
    assert again.note.input.value == GOOD_NOTE and again.meeting.input.value == met


def test_a_note_written_two_days_late_is_flagged_by_the_checker(work_dir):
    met = datetime(2026, 11, 20, 14, 0)
    form = ThankYouForm(now=lambda: met + timedelta(hours=50))
    form.meeting.input.value = met
    form.note.input.value = GOOD_NOTE
    assert form.hours_since_meeting() == 50
    assert "ready to send" not in form.report.value
    assert "Send it anyway" in form.due.value


@pytest.mark.parametrize("offset, expected", [
    (None, "Enter when you met"), (-2, "still ahead"), (23, "1 hour left"), (25, "was due"),
])
def test_due_line_at_the_24_hour_boundary(offset, expected):
    now = datetime(2026, 11, 21, 12, 0)
    meeting = None if offset is None else now - timedelta(hours=offset)
    assert expected in due_line(meeting, now)




def test_every_overlong_field_is_marked_at_once(work_dir):
    """Is each too-long field marked beside its input in one go (the same error as the others)?"""
    form = SummaryForm()
    form.fields["learned"].input.value = "word " * 2000
    form.fields["apply"].input.value = "word " * 2000
    assert "characters long" in form.fields["learned"].error.value
    assert "characters long" in form.fields["apply"].error.value
    assert "fields marked" in form.status.value


def test_thank_you_and_summary_forms_are_ordinary_forms(work_dir):
    from infoview_kit.forms.common import Form

    for form in (ThankYouForm(), SummaryForm()):
        assert isinstance(form, Form) and form.saving_enabled
