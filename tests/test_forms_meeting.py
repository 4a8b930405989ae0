"""Notebook 3's meeting form: validation beside the inputs, saved plan, exports on click."""

from __future__ import annotations

import datetime as dt
import json

from icalendar import Calendar

from infoview_kit.forms.meeting import meeting_form
from infoview_kit.question_list import QuestionList
from infoview_kit.research import ResearchNotes, save_research

TODAY = dt.date(2031, 3, 10)


def fill(form, **values):
    defaults = dict(date=dt.date(2031, 3, 14), start="09:30", mode="in_person", place="Blue Door Café")
    defaults.update(values)
    for key, value in defaults.items():
        getattr(form, key).value = value


def test_every_input_is_labelled(work_dir, chosen_prospect):
    for field in meeting_form(today=TODAY).fields.values():
        assert field.input.description and field.input.description_allow_html is False


def test_a_complete_plan_is_saved_and_shows_its_reminders(work_dir, chosen_prospect):
    form = meeting_form(today=TODAY)
    fill(form)
    assert "Saved your meeting plan" in form.status.value
    assert "Arrive by 09:25" in form.plan_view.value and "offer to pay" in form.plan_view.value
    saved = json.loads((work_dir / "meeting.json").read_text(encoding="utf-8"))
    assert saved["Luis Ortega"] == {"date": "2031-03-14", "start": "09:30", "mode": "in_person",
                                    "place": "Blue Door Café", "minutes": 30}


def test_a_past_date_is_refused_next_to_the_date_and_not_saved(work_dir, chosen_prospect):
    form = meeting_form(today=TODAY)
    fill(form, date=dt.date(2031, 3, 1))
    assert "in the past" in form.fields["date"].error.value
    assert not (work_dir / "meeting.json").exists()


def test_in_person_without_place_is_refused_but_a_call_is_fine(work_dir, chosen_prospect):
    form = meeting_form(today=TODAY)
    fill(form, place="")
    assert "Place is empty" in form.fields["place"].error.value
    form.mode.value = "video"
    assert form.fields["place"].error.value == ""
    assert form.place.description == "Video link (optional)"
    assert "Join at 09:30 exactly" in form.plan_view.value


def test_bad_time_is_explained_beside_the_time(work_dir, chosen_prospect):
    form = meeting_form(today=TODAY)
    fill(form, start="half nine")
    assert "09:30" in form.fields["start"].error.value


def test_export_writes_ics_and_sheet_with_saved_questions_and_openers(work_dir, chosen_prospect):
    questions = QuestionList("Luis Ortega", ["How did you get into this industry?"])
    questions.save()
    save_research("Luis Ortega", ResearchNotes(openers="Studied in Prague"))
    form = meeting_form(today=TODAY)
    fill(form)
    form.export_button.click()
    ics = work_dir / "meeting_luis_ortega.ics"
    sheet = work_dir / "questions_luis_ortega.html"
    event = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
    assert "1. How did you get into this industry?" in str(event["description"])
    assert "Studied in Prague" in sheet.read_text(encoding="utf-8")
    assert "meeting_luis_ortega.ics" in form.exports.value
    assert "1 question." in form.status.value


def test_reopened_form_restores_the_plan(work_dir, chosen_prospect):
    fill(meeting_form(today=TODAY), mode="phone", place="+1 206 555 0100")
    again = meeting_form(today=TODAY)
    assert (again.date.value, again.start.value, again.mode.value) == (
        dt.date(2031, 3, 14), "09:30", "phone")
    assert "Loaded the plan" in again.status.value and "Phone call" in again.plan_view.value


def test_without_a_chosen_prospect_export_is_off(work_dir):
    form = meeting_form(today=TODAY)
    assert form.export_button.disabled and "notebook 1" in form.status.value


def test_a_past_date_a_bad_time_and_no_place_are_all_marked_at_once(work_dir, chosen_prospect):
    form = meeting_form(today=TODAY)
    fill(form, date=dt.date(2031, 3, 1), start="half nine", place="")
    assert "in the past" in form.fields["date"].error.value
    assert "09:30" in form.fields["start"].error.value
    assert "Place is empty" in form.fields["place"].error.value
    assert not (work_dir / "meeting.json").exists()


def test_a_start_time_like_2pm_is_understood(work_dir, chosen_prospect):
    """Does the form take "2:30 pm" as people type it, and save it as 14:30?"""
    form = meeting_form(today=TODAY)
    fill(form, start="2:30 pm")
    assert "Saved your meeting plan" in form.status.value
    saved = json.loads((work_dir / "meeting.json").read_text(encoding="utf-8"))
    assert saved["Luis Ortega"]["start"] == "14:30"
    assert "Wrap up by 15:00" in form.plan_view.value


def test_a_time_it_cannot_read_says_what_to_type_beside_the_input(work_dir, chosen_prospect):
    form = meeting_form(today=TODAY)
    fill(form, start="9")
    error = form.fields["start"].error.value
    assert "morning or evening" in error and "09:00" in error and "9 pm" in error
    assert not (work_dir / "meeting.json").exists()
