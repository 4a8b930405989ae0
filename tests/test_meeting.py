"""Meeting plan: derived times, reminders, refusals, and the calendar/sheet exports."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from infoview_kit.fields import FieldError
from infoview_kit.meeting import MeetingPlan, load_meeting, parse_time, plan_meeting, save_meeting

TODAY = dt.date(2031, 3, 10)
QUESTIONS = ("How did you get into this industry?", "What do you like and dislike about your job?")


def plan(**overrides):
    data = dict(who="Luis Ortega", date=dt.date(2031, 3, 14), start="09:30", mode="in_person",
                place="Blue Door Café, 5th Ave", today=TODAY, role="Product manager",
                company="SCCA", questions=QUESTIONS, openers=("Favourite Medium post on agile",))
    data.update(overrides)
    return plan_meeting(**data)


def test_in_person_means_five_minutes_early_and_ending_after_thirty_minutes():
    p = plan()
    assert p.minutes == 30
    assert p.arrive_by == dt.datetime(2031, 3, 14, 9, 25)
    assert p.end_by == dt.datetime(2031, 3, 14, 10, 0)


@pytest.mark.parametrize("mode", ["video", "phone"])
def test_calls_start_exactly_on_time_and_need_no_place(mode):
    p = plan(mode=mode, place="")
    assert p.arrive_by == dt.datetime(2031, 3, 14, 9, 30)
    assert p.where in {"Video call", "Phone call"}


def test_checklist_in_person_has_the_cafe_offer_thanks_and_notes():
    text = " ".join(plan().checklist)
    for phrase in ("Arrive by 09:25", "offer to pay", "at the start", "again at the end",
                   "pen and paper or a laptop", "Dress the part", "Wrap up by 10:00",
                   "within 24 hours"):
        assert phrase in text


def test_checklist_for_a_phone_call_skips_the_cafe_and_the_dress():
    text = " ".join(plan(mode="phone", place="").checklist)
    assert "Join at 09:30 exactly" in text
    assert "offer to pay" not in text and "Dress" not in text


def test_a_date_in_the_past_is_refused_but_today_is_fine():
    with pytest.raises(FieldError) as err:
        plan(date=dt.date(2031, 3, 9))
    assert err.value.field == "date" and "in the past" in err.value.message
    assert err.value.message.startswith("Sun 9 Mar 2031 is in the past: pick a day from Mon 10 Mar 2031 on")
    assert plan(date=TODAY).date == TODAY


def test_in_person_without_a_place_is_refused():
    with pytest.raises(FieldError) as err:
        plan(place="  ")
    assert err.value.field == "place"


@pytest.mark.parametrize("bad", ["", "25:00", "half past nine", "14pm", "13:60"])
def test_bad_start_times_are_refused_with_an_example(bad):
    with pytest.raises(FieldError) as err:
        parse_time(bad)
    assert err.value.field == "start" and "09:30" in err.value.message and "2:30 pm" in err.value.message


@pytest.mark.parametrize("typed, expected", [
    ("2pm", dt.time(14, 0)), ("2 pm", dt.time(14, 0)), ("2:30 pm", dt.time(14, 30)),
    ("2.30PM", dt.time(14, 30)), ("2 p.m.", dt.time(14, 0)), ("11:45am", dt.time(11, 45)),
    ("12pm", dt.time(12, 0)), ("12 am", dt.time(0, 0)), ("noon", dt.time(12, 0)),
    ("14:00", dt.time(14, 0)), ("14h", dt.time(14, 0)), ("14h30", dt.time(14, 30)),
    ("9:30", dt.time(9, 30)), ("14.05", dt.time(14, 5)),
])
def test_start_times_are_read_as_people_type_them(typed, expected):
    """Is "2pm" (or "2:30 pm", "14h") understood as well as "14:00"?"""
    assert parse_time(typed) == expected


def test_a_bare_hour_is_explained_not_guessed():
    """"9" could be morning or evening: the message says so and shows both ways to type it."""
    with pytest.raises(FieldError) as err:
        parse_time("9")
    assert "morning or evening" in err.value.message
    assert "09:00" in err.value.message and "9 pm" in err.value.message


def test_missing_date_and_odd_length_are_refused():
    with pytest.raises(FieldError, match="date picker"):
        plan(date=None)
    with pytest.raises(FieldError) as err:
        plan(minutes=120)
    assert err.value.field == "minutes"


def test_ics_parses_back_with_times_place_questions_and_alarm():
    cal = Calendar.from_ical(plan().to_ics())
    event = cal.walk("VEVENT")[0]
    assert event.decoded("dtstart") == dt.datetime(2031, 3, 14, 9, 30)
    assert event.decoded("dtend") == dt.datetime(2031, 3, 14, 10, 0)
    assert str(event["summary"]) == "Informational interview with Luis Ortega"
    assert str(event["location"]) == "Blue Door Café, 5th Ave"
    description = str(event["description"])
    for n, question in enumerate(QUESTIONS, 1):
        assert f"{n}. {question}" in description
    alarm = event.walk("VALARM")[0]
    assert alarm.decoded("trigger") == -dt.timedelta(hours=1)


def test_same_meeting_keeps_its_calendar_uid_so_re_export_updates_it():
    first = Calendar.from_ical(plan().to_ics()).walk("VEVENT")[0]["uid"]
    again = Calendar.from_ical(plan().to_ics()).walk("VEVENT")[0]["uid"]
    assert first == again


def test_question_sheet_lists_numbered_questions_and_escapes_text():
    html = plan(questions=QUESTIONS + ("What's <R&D> like?",)).question_sheet_html()
    assert html.startswith("<!DOCTYPE html>") and "@media print" in html
    assert html.count('class="q"') == 3
    assert QUESTIONS[0] in html and "What&#x27;s &lt;R&amp;D&gt; like?" in html
    assert "Arrive / join:</strong> 09:25" in html and "Favourite Medium post" in html


def test_export_writes_both_files_into_the_work_folder(work_dir):
    ics, sheet = plan().export()
    assert ics == work_dir / "meeting_luis_ortega.ics"
    assert sheet == work_dir / "questions_luis_ortega.html"
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert QUESTIONS[1] in sheet.read_text(encoding="utf-8")


def test_saved_plan_comes_back_even_once_its_day_has_passed(work_dir):
    save_meeting(plan())
    again = load_meeting("Luis Ortega")
    assert (again.date, again.start, again.mode, again.place) == (
        dt.date(2031, 3, 14), dt.time(9, 30), "in_person", "Blue Door Café, 5th Ave")
    assert load_meeting("Somebody else") is None


def test_repr_is_plain_and_html_lists_the_checklist():
    p = plan()
    assert repr(p) == ("MeetingPlan('Luis Ortega', Fri 14 Mar 2031, 09:30-10:00, "
                       "in_person, arrive_by=09:25)")
    assert "<li>" in p._repr_html_() and isinstance(p, MeetingPlan)
