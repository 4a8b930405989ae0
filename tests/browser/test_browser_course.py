"""Can a student walk the whole course through the forms alone, in a real browser?

One student, one work folder, the four notebooks in order, every answer typed or clicked in
the page (found by its label or role, as a screen reader would find it). After each notebook
the kernel is restarted and the notebook run again: what was entered must come back. What the
kernel saved is read from the work folder, so a value shown but never synced fails here.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PROSPECTS = [
    # (name, role, company, connection label, extra input label, extra value, style)
    ("Priya Raman", "Product manager", "Kestrel Maps",
     "Someone I know (my network)", None, None, "direct"),
    ("Tomasz Wierzbicki", "Lead data engineer", "Baltic Freight Lines",
     "Someone a contact of mine knows (my network's network)",
     "Through whom (your mutual contact)", "Ana Costa", "warm"),
    ("Leila Haddad", "Analytics lead", "Greenfield Energy",
     "A stranger (found on a team page, LinkedIn, ...)",
     "Where you found them", "LinkedIn", "cold"),
]  # fmt: skip
CHOSEN = "Tomasz Wierzbicki"
TODAY = dt.date.today()

BAD_INTRO = "Hi, can you get me a job where your friend works? CV attached."
GOOD_INTRO = (
    "Hi Ana,\n\nCould you introduce me to Tomasz Wierzbicki by email? I am moving from logistics "
    "into data engineering, and his work on the freight pipelines at Baltic Freight Lines is "
    "exactly what I hope to learn about. I would ask him for 30 minutes, a call or a coffee near "
    "his office, my treat.\n\nThank you so much for considering it!\nJordan"
)
BANK_PICKS = [
    "How did you end up working in this field?",
    "What does a typical day look like for you?",
    "Which skills should I focus on building first?",
]
OWN_GOOD = "What surprised you most about freight data when you started?"
OWN_BAD = "Could you refer me for a job on your team?"


def test_walk_the_course_through_the_forms_alone(lab):
    find_people(lab)
    write_requests(lab)
    prepare_questions(lab)
    before_summary = _saved_files(lab.work)
    write_summary(lab)
    # the summary notebook adds its own files and updates the outreach log (the meeting, the
    # thank-you); everything else the earlier notebooks saved must be untouched
    after = _saved_files(lab.work)
    before_summary.pop("outreach_log.csv")
    assert {name: after[name] for name in before_summary} == before_summary


def find_people(lab) -> None:
    """Notebook 1: one prospect of each connection kind, each shown with the style it implies."""
    lab.open("1_find_people.ipynb")
    lab.run_all()
    lab.assert_clean()
    form = lab.output_of("Add a prospect")
    for name, role, company, connection, extra_label, extra, style in PROSPECTS:
        form.get_by_label("How you are connected").select_option(label=connection)
        # the style line follows the connection before anything is saved
        form.get_by_text(f"Style: {style}.").wait_for()
        lab.type_into(form.get_by_label("Name", exact=True), name)
        lab.type_into(form.get_by_label("Role", exact=True), role)
        lab.type_into(form.get_by_label("Company", exact=True), company)
        if extra_label:
            lab.type_into(form.get_by_label(extra_label), extra)
        lab.type_into(form.get_by_label("Why this person"), f"{name} works on what I want to learn.")
        form.get_by_role("button", name="Add prospect").click()
        form.get_by_text(f"Added {name} ({style} style)").wait_for()
        # the form empties its inputs after saying so: typing before that would be wiped
        expect(form.get_by_label("Name", exact=True)).to_have_value("")

    # the list shows each prospect with its style
    for name, *_rest, style in PROSPECTS:
        row = form.locator("tr", has_text=name)
        assert style in row.inner_text().lower(), row.inner_text()
    form.get_by_label("Prospect", exact=True).select_option(label=CHOSEN)
    form.get_by_role("button", name="Choose for notebooks 2 and 3").click()
    form.get_by_text(f"{CHOSEN} is your chosen prospect").wait_for()
    saved = json.loads(lab.wait_for_file(lab.work / "prospects.json", contains=f'"chosen": "{CHOSEN}"'))
    assert [p["name"] for p in saved["prospects"]] == [p[0] for p in PROSPECTS]
    assert lab.accessibility_problems() == []
    lab.screenshot(form, "1_find_people_form")

    lab.restart_and_run_all()
    lab.assert_clean()
    form = lab.output_of("Add a prospect")
    for name, *_rest, style in PROSPECTS:
        assert style in form.locator("tr", has_text=name).inner_text().lower()
    assert form.get_by_label("Prospect", exact=True).input_value() == CHOSEN


def write_requests(lab) -> None:
    """Notebook 2: the warm prospect starts with an introduction request; the checker is live."""
    lab.open("2_write_requests.ipynb")
    lab.run_all()
    lab.assert_clean()
    form = lab.output_of("Write your message")
    kind = form.get_by_label("Message", exact=True)
    assert kind.input_value() == "Introduction request to Ana Costa"
    lab.type_into(form.get_by_label("Your name", exact=True), "Jordan Blake")
    lab.type_into(form.get_by_label("What you are working towards"), "moving from logistics into data engineering")

    draft = form.get_by_label("Your draft")
    form.get_by_role("button", name="Start from template").click()
    form.get_by_text("Template in place").wait_for()
    template = draft.input_value()
    assert "Tomasz Wierzbicki" in template and "Jordan Blake" in template, template
    lab.wait_for_file(lab.work / "messages.json", contains="Tomasz Wierzbicki by email")
    lab.type_into(draft, BAD_INTRO)
    form.get_by_text("things to fix before sending").wait_for()
    form.get_by_text("Leave out the request for a job").wait_for()
    lab.screenshot(form, "2_write_requests_checker_problems")

    lab.type_into(draft, GOOD_INTRO)
    form.get_by_text("looks ready to send").wait_for()
    assert form.get_by_text("Leave out the request for a job").count() == 0
    lab.wait_for_file(lab.work / "messages.json", contains="Could you introduce me to Tomasz")
    assert lab.accessibility_problems() == []
    lab.screenshot(form, "2_write_requests_form")

    tracker = lab.output_of("Log a message you sent")
    lab.type_into(tracker.get_by_label("Their name"), CHOSEN)
    tracker.get_by_label("How you know them").select_option(label=PROSPECTS[1][3])
    tracker.get_by_label("Sent by").select_option(label="Introduction")
    lab.type_into(tracker.get_by_label("Sent on"), (TODAY - dt.timedelta(days=6)).isoformat())
    tracker.get_by_role("button", name="Add to my log").click()
    tracker.get_by_text(f"Saved: {CHOSEN} is in your log (1 message)").wait_for()
    tracker.get_by_label("Who", exact=True).select_option(label=CHOSEN)
    tracker.get_by_label("What happened").select_option(label="They replied")
    tracker.get_by_label("Their answer").select_option(label="Yes, happy to talk")
    lab.type_into(tracker.get_by_label("On", exact=True), (TODAY - dt.timedelta(days=2)).isoformat())
    tracker.get_by_role("button", name="Record").click()
    tracker.get_by_text(f"Saved: They replied ({CHOSEN}").wait_for()
    assert _log_row(lab)["style"] == "warm" and _log_row(lab)["reply"] == "yes"

    lab.restart_and_run_all()
    lab.assert_clean()
    form = lab.output_of("Write your message")
    assert form.get_by_label("Your draft").input_value() == GOOD_INTRO
    form.get_by_text("looks ready to send").wait_for()


def prepare_questions(lab) -> None:
    """Notebook 3: research, a question list with one bad question refused, an exported plan."""
    lab.open("3_prepare_questions.ipynb")
    lab.run_all()
    lab.assert_clean()

    research = lab.output_of("Research notes")
    lab.type_into(research.get_by_label("Their profile (LinkedIn)"), "Eight years in freight analytics; started as a dispatcher.")
    lab.type_into(research.get_by_label("Their company's products and services"), "Rail and sea freight across the Baltic.")
    lab.type_into(research.get_by_label("Openers to connect on (one per line)"), "We both studied in Gdansk\nHis talk on data contracts")
    lab.wait_for_file(lab.work / "research.json", contains="His talk on data contracts")

    questions = lab.output_of("Build your question list")
    for question in BANK_PICKS:
        questions.get_by_role("checkbox", name=question).check()
    own = questions.get_by_label("Your own question")
    lab.type_into(own, OWN_BAD)
    questions.get_by_role("button", name="Add question").click()
    reason = lab.error_next_to(own)
    assert "refer" in reason.lower(), reason
    lab.type_into(own, OWN_GOOD)
    questions.get_by_role("button", name="Add question").click()
    saved = lab.wait_for_file(lab.work / "questions.json", contains=OWN_GOOD)
    assert OWN_BAD not in saved
    for question in BANK_PICKS:
        assert question in saved
    lab.screenshot(questions, "3_prepare_questions_list")

    meeting = lab.output_of("Meeting plan")
    day = dt.date.today() + dt.timedelta(days=10)
    lab.type_into(meeting.get_by_label("Day of the meeting"), day.isoformat())
    lab.type_into(meeting.get_by_label("Start time"), "14:00")
    meeting.get_by_label("How you meet").select_option(label="Video call")
    meeting.get_by_text("Saved your meeting plan").wait_for()
    meeting.get_by_role("button", name="Export calendar file and question sheet").click()
    meeting.get_by_text("Exported the plan with 4 questions").wait_for()
    ics_files = list(lab.work.glob("*.ics"))
    assert len(ics_files) == 1, ics_files
    ics = ics_files[0].read_text(encoding="utf-8").replace("\r\n ", "")  # unfold long lines
    assert day.strftime("%Y%m%d") in ics
    assert "surprised you most" in ics
    sheets = [p for p in lab.work.glob("*.html")]
    assert sheets and OWN_GOOD in sheets[0].read_text(encoding="utf-8")
    assert lab.accessibility_problems() == []
    lab.screenshot(meeting, "3_prepare_questions_meeting_plan")

    lab.restart_and_run_all()
    lab.assert_clean()
    assert "His talk on data contracts" in lab.output_of("Research notes").get_by_label(
        "Openers to connect on (one per line)").input_value()
    questions = lab.output_of("Build your question list")
    for question in BANK_PICKS:
        assert questions.get_by_role("checkbox", name=question).is_checked()
    assert questions.get_by_text(OWN_GOOD).count() >= 1
    meeting = lab.output_of("Meeting plan")
    assert meeting.get_by_label("Day of the meeting").input_value() == day.isoformat()


def write_summary(lab) -> None:
    """Notebook 4: prefilled from notebooks 1 and 3; thank-you and summary; the self-check passes."""
    lab.open("4_write_summary.ipynb")
    lab.run_all()
    lab.assert_clean()
    summary = lab.output_of("Your interview summary")
    # what notebooks 1 and 3 saved is already there
    assert summary.get_by_label("Interviewee's first name").input_value() == "Tomasz"
    assert summary.get_by_label("Interviewee's last name").input_value() == "Wierzbicki"
    asked = summary.get_by_label("Questions you asked").input_value()
    assert OWN_GOOD in asked and all(q in asked for q in BANK_PICKS)

    thanks = lab.output_of("Your thank-you note")
    met = dt.datetime.now().replace(second=0, microsecond=0) - dt.timedelta(hours=3)
    lab.type_into(thanks.get_by_label("When you met"), met.strftime("%Y-%m-%dT%H:%M"))
    thanks.get_by_text("hours left").wait_for()
    lab.type_into(thanks.get_by_label("Thank-you note"), (
        "Hi Tomasz, thank you for your time today. Your advice to agree on definitions with "
        "other teams before writing code stuck with me, and I will use it on my first pipeline. "
        "May I keep you posted? Best, Jordan"))
    thanks.get_by_text("looks ready to send").wait_for()

    tracker = lab.output_of("Record what happened")
    tracker.get_by_label("Who", exact=True).select_option(label=CHOSEN)
    tracker.get_by_label("What happened").select_option(label="We met")
    lab.type_into(tracker.get_by_label("On", exact=True), met.date().isoformat())
    lab.type_into(tracker.get_by_label("At (meeting time, optional)"), met.strftime("%H:%M"))
    tracker.get_by_role("button", name="Record").click()
    tracker.get_by_text(f"Saved: We met ({CHOSEN}").wait_for()
    tracker.locator("tr", has_text=CHOSEN).get_by_text("send thank-you").wait_for()  # what's due
    tracker.get_by_label("What happened").select_option(label="I sent my thank-you")
    tracker.get_by_role("button", name="Record").click()
    tracker.get_by_text(f"Saved: I sent my thank-you ({CHOSEN}").wait_for()
    row = _log_row(lab)
    assert row["meeting_on"].startswith(met.date().isoformat()), row
    assert row["thanked_on"].startswith(met.date().isoformat()), row  # the "On" day kept

    lab.type_into(summary.get_by_label("Their title"), "Lead data engineer, Baltic Freight Lines")
    lab.type_into(summary.get_by_label("What you learned"), (
        "Tomasz spends most mornings reviewing pipeline alerts with the on-call engineer. He said "
        "the hardest part is agreeing on definitions with other teams, not the code. He learned "
        "SQL on the job and only later picked up Python."))
    lab.type_into(summary.get_by_label("How you will apply it"), (
        "I will finish the SQL course I started and build one small pipeline from public shipping "
        "data. I will ask my tutor to review it, and send Tomasz an update in a month."))
    lab.wait_for_file(lab.work / "summary.json", contains="send Tomasz an update")
    summary.get_by_role("button", name="Check my summary").click()
    summary.get_by_text("Self-check: 9 of 9 automatic points.").wait_for()
    assert lab.accessibility_problems() == []
    lab.screenshot(summary, "4_write_summary_form")

    lab.restart_and_run_all()
    lab.assert_clean()
    summary = lab.output_of("Your interview summary")
    assert summary.get_by_label("Their title").input_value() == "Lead data engineer, Baltic Freight Lines"
    assert "send Tomasz an update" in summary.get_by_label("How you will apply it").input_value()
    # the self-check cell (not the button) reads the saved file on a fresh kernel
    lab.page.get_by_text("Self-check: 9 of 9 automatic points.").first.wait_for()
    # the self-check table keeps to the form's right edge
    field = summary.get_by_label("How you will apply it").bounding_box()
    tables = lab.page.locator("table", has_text="Rubric point")
    assert tables.count() >= 1
    for index in range(tables.count()):
        box = tables.nth(index).bounding_box()
        assert box["x"] + box["width"] <= field["x"] + field["width"] + 4, (box, field)


def _log_row(lab) -> dict[str, str]:
    """The one row of the outreach log, as the kernel saved it."""
    with open(lab.work / "outreach_log.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1, rows
    return rows[0]


def _saved_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
