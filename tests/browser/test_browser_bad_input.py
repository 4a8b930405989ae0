"""Does bad input typed in the browser get a clear message next to its input, and lose nothing?

Three kinds a student really makes: a required field left empty, a meeting date in the past,
and an absurdly long message. Each must show its message on the error line right under the
input (no traceback anywhere), and the work saved before must still be on disk, byte for byte.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

STRANGER = "A stranger (found on a team page, LinkedIn, ...)"
GOOD_REQUEST = (
    "Hi Leila,\n\nWould you have 30 minutes for a video call in the next few weeks? I am moving "
    "from logistics into data analysis, and your post on forecasting demand for heat pumps is why "
    "I am writing to you in particular. A coffee near your office is fine too, my treat.\n\n"
    "Thank you for considering it!\nJordan"
)


def test_bad_input_is_explained_beside_its_input_and_saved_work_is_kept(lab):
    work = lab.work

    # an empty required field, in notebook 1
    lab.open("1_find_people.ipynb")
    lab.run_all()
    form = lab.output_of("Add a prospect")
    form.get_by_label("How you are connected").select_option(label=STRANGER)
    _fill_stranger(lab, form, "Leila Haddad", "Analytics lead", "Greenfield Energy",
                   "company team page", "She wrote about forecasting demand.")
    form.get_by_role("button", name="Add prospect").click()
    form.get_by_text("Added Leila Haddad").wait_for()
    expect(form.get_by_label("Name", exact=True)).to_have_value("")  # the form resets after saving
    prospects = (work / "prospects.json").read_bytes()

    name = form.get_by_label("Name", exact=True)
    _fill_stranger(lab, form, "   ", "Engineer", "Somewhere", "LinkedIn", "A reason.")
    form.get_by_role("button", name="Add prospect").click()
    assert "name" in lab.error_next_to(name).lower()
    lab.screenshot(form, "bad_input_empty_name")
    lab.assert_clean()
    assert (work / "prospects.json").read_bytes() == prospects

    # an absurdly long message, in notebook 2
    lab.open("2_write_requests.ipynb")
    lab.run_all()
    form = lab.output_of("Write your message")
    draft = form.get_by_label("Your draft")
    lab.type_into(draft, GOOD_REQUEST)
    lab.wait_for_file(work / "messages.json", contains="heat pumps")
    messages = (work / "messages.json").read_bytes()
    lab.type_into(draft, "Please read this. " * 4000)  # 16,000 words, 72,000 characters
    message = lab.error_next_to(draft)
    assert "not saved" in message and "shorten" in message, message
    lab.assert_clean()
    assert (work / "messages.json").read_bytes() == messages

    # a meeting date in the past, in notebook 3
    lab.open("3_prepare_questions.ipynb")
    lab.run_all()
    meeting = lab.output_of("Meeting plan")
    day = meeting.get_by_label("Day of the meeting")
    future = dt.date.today() + dt.timedelta(days=7)
    lab.type_into(day, future.isoformat())
    lab.type_into(meeting.get_by_label("Start time"), "10:30")
    lab.type_into(meeting.get_by_label("Place (café or office, easy for them to reach)"), "Café Mokka")
    meeting.get_by_text("Saved your meeting plan").wait_for()
    plans = sorted(p for p in work.iterdir() if p.name.startswith("meeting"))
    assert plans, "the valid plan was not saved"
    saved = {p.name: p.read_bytes() for p in plans}

    lab.type_into(day, (dt.date.today() - dt.timedelta(days=3)).isoformat())
    assert "past" in lab.error_next_to(day).lower()
    lab.screenshot(meeting, "bad_input_past_meeting_date")
    lab.assert_clean()
    assert {p.name: p.read_bytes() for p in plans} == saved


def _fill_stranger(lab, form, name, role, company, found_at, why) -> None:
    labels = ("Name", "Role", "Company", "Where you found them", "Why this person")
    for label, value in zip(labels, (name, role, company, found_at, why)):
        lab.type_into(form.get_by_label(label, exact=True), value)
