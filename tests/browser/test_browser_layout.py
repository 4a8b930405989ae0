"""Do the forms read well on screen? Measured in the page, where only a browser can tell.

Inputs start at one edge (one label column, no label cut short); a table and a row of buttons
stay inside the form's width; no table repeats the heading above it as its caption; logging
one message fits one screen; comparing one group shows no pair of identical drop-downs; the
exported files open as a page and as a download, not as a second JupyterLab; a rubric
verdict stays on one line in a narrow window.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from kit_paths import DATA
from infoview_kit.prospects import Prospect, ProspectList
from infoview_kit.question_list import QuestionList
from infoview_kit.rubric import grade_summary
from infoview_kit.summary import InterviewSummary
from infoview_kit.vocabulary import CONNECTION_LABELS

pytestmark = pytest.mark.browser

#: A laptop screen's height in CSS pixels, less the browser's own bars.
SCREEN_HEIGHT = 800
#: Pixels two edges may differ by and still look like one edge.
EDGE_TOLERANCE = 2
STRANGER = CONNECTION_LABELS["stranger"]
LONG_WHY = ("Her talk on forecasting solar output from weather data at the regional energy "
            "meetup is exactly the kind of work I want to learn about before I apply anywhere.")


def _layout(form) -> dict:
    """Where a form's visible labelled inputs start and end, and which labels are cut short."""
    return form.evaluate(
        """(area) => {
            const visible = (el) => el.getClientRects().length > 0;
            const rows = [...area.querySelectorAll('.widget-inline-hbox')]
                .filter(row => visible(row) && row.querySelector(':scope > .widget-label'));
            const inputs = rows.map(row => row.querySelector(
                    ':scope > input, :scope > select, :scope > textarea,'
                    + ' :scope > .widget-dropdown select, :scope input, :scope select,'
                    + ' :scope textarea')).filter(el => el && visible(el));
            const label = (el) => el.closest('.widget-inline-hbox')
                .querySelector(':scope > .widget-label').textContent;
            return {
                lefts: inputs.map(el => [label(el), Math.round(el.getBoundingClientRect().left)]),
                right: Math.max(...inputs.map(el => el.getBoundingClientRect().right)),
                cut: rows.map(r => r.querySelector(':scope > .widget-label'))
                    .filter(l => l.textContent && l.scrollWidth > l.clientWidth + 1)
                    .map(l => l.textContent),
            };
        }"""
    )


def _assert_one_edge(form) -> dict:
    layout = _layout(form)
    lefts = [left for _, left in layout["lefts"]]
    assert len(lefts) >= 3, layout
    assert max(lefts) - min(lefts) <= EDGE_TOLERANCE, f"inputs start at different x: {layout['lefts']}"
    assert layout["cut"] == [], f"labels cut short: {layout['cut']}"
    return layout


def _repeated_captions(form) -> list[str]:
    """Tables whose caption says what the form heading just above it says."""
    return form.evaluate(
        """(area) => {
            const headings = [...area.querySelectorAll('h1, h2, h3, h4')];
            const repeated = [];
            for (const caption of area.querySelectorAll('caption')) {
                const above = headings.filter(h => h.compareDocumentPosition(caption)
                                                   & Node.DOCUMENT_POSITION_FOLLOWING).pop();
                const norm = (el) => el.textContent.trim().toLowerCase();
                if (above && norm(caption).includes(norm(above)))
                    repeated.push(`${above.textContent} / ${caption.textContent}`);
            }
            return repeated;
        }"""
    )


def test_prospects_form_has_one_input_edge_and_its_list_fits_inside(lab):
    lab.open("1_find_people.ipynb")
    lab.run_all()
    form = lab.output_of("Add a prospect")
    for name in ("Leila Haddad", "Tomasz Wierzbicki"):
        form.get_by_label("How you are connected").select_option(label=STRANGER)
        lab.type_into(form.get_by_label("Name", exact=True), name)
        lab.type_into(form.get_by_label("Role", exact=True), "Analytics lead")
        lab.type_into(form.get_by_label("Company", exact=True), "Greenfield Energy")
        lab.type_into(form.get_by_label("Where you found them"), "LinkedIn")
        lab.type_into(form.get_by_label("Why this person"), LONG_WHY)
        form.get_by_role("button", name="Add prospect").click()
        form.get_by_text(f"Added {name}").wait_for()
    form.locator("tr", has_text="Tomasz Wierzbicki").wait_for()

    layout = _assert_one_edge(form)
    right = layout["right"] + EDGE_TOLERANCE
    table = form.locator("table").bounding_box()
    assert table["x"] + table["width"] <= right, (table, layout["right"])
    for button in ("Choose for notebooks 2 and 3", "Edit", "Remove"):
        box = form.get_by_role("button", name=button).bounding_box()
        assert box["x"] + box["width"] <= right, (button, box, layout["right"])
    assert _repeated_captions(form) == []
    lab.assert_clean()


def test_logging_one_message_fits_one_screen_and_one_group_is_not_compared(lab):
    lab.open("2_write_requests.ipynb")
    lab.run_all()
    tracker = lab.output_of("Log a message you sent")
    lab.type_into(tracker.get_by_label("Their name"), "Ana Costa")
    tracker.get_by_label("How you know them").select_option(label=CONNECTION_LABELS["network_of_network"])
    # sent long ago, so a follow-up is due and the due table is drawn
    lab.type_into(tracker.get_by_label("Sent on"), (dt.date.today() - dt.timedelta(days=20)).isoformat())
    tracker.get_by_role("button", name="Add to my log").click()
    tracker.get_by_text("Saved: Ana Costa is in your log").wait_for()
    tracker.locator("tr", has_text="Ana Costa").first.wait_for()

    height = tracker.bounding_box()["height"]
    assert height <= SCREEN_HEIGHT, f"the tracker is {height:.0f} px tall for one message"
    _assert_one_edge(tracker)
    assert _repeated_captions(tracker) == []

    tracker.get_by_text("Which messages work").click()
    tracker.get_by_label("Compare by").wait_for()
    assert tracker.get_by_text("Only one group so far (warm)").count() == 1
    assert not tracker.get_by_label("Group A").is_visible()
    assert not tracker.get_by_label("Group B").is_visible()
    lab.assert_clean()


def _choose_prospect_with_questions(work) -> None:
    """What notebooks 1 and 3 save, written through the kit (this test is about notebook 3's
    exports, not about typing them in again)."""
    work.mkdir(exist_ok=True)
    prospects = ProspectList(path=work / "prospects.json")
    prospects.add(Prospect(name="Luis Ortega", role="Product manager", company="Kestrel Maps",
                           connection="stranger", found_at="LinkedIn",
                           why="His posts on mapping software."))
    prospects.choose("Luis Ortega")
    prospects.save()
    QuestionList("Luis Ortega", ["How did you end up working in this field?"], work).save()


def test_exported_sheet_opens_as_a_page_and_the_calendar_file_downloads(lab):
    _choose_prospect_with_questions(lab.work)
    lab.open("3_prepare_questions.ipynb")
    lab.run_all()
    meeting = lab.output_of("Meeting plan")
    lab.type_into(meeting.get_by_label("Day of the meeting"),
                  (dt.date.today() + dt.timedelta(days=7)).isoformat())
    lab.type_into(meeting.get_by_label("Start time", exact=True), "14:00")
    meeting.get_by_label("How you meet").select_option(label="Video call")
    meeting.get_by_text("Saved your meeting plan").wait_for()
    meeting.get_by_role("button", name="Export calendar file and question sheet").click()
    meeting.get_by_text("Exported the plan").wait_for()
    assert "/tmp/" not in meeting.inner_text()  # a link, not a path to copy by hand

    responses = []
    lab.page.context.on("response", lambda r: responses.append(r))
    sheet_link = meeting.get_by_role("link", name="questions_luis_ortega.html")
    with lab.page.context.expect_page() as opened:
        sheet_link.click()
    sheet = opened.value
    sheet.wait_for_load_state()
    try:
        assert re.search(r"/files/.*/my_work/questions_luis_ortega\.html$", sheet.url), sheet.url
        (response,) = [r for r in responses if r.url == sheet.url]
        assert response.status == 200 and response.headers["content-type"].startswith("text/html")
        assert sheet.title() == "Questions for Luis Ortega"
        assert sheet.evaluate("() => window.jupyterapp === undefined && "
                              "!document.getElementById('jupyter-config-data')")
        assert "How did you end up working in this field?" in sheet.inner_text("body")
    finally:
        sheet.close()

    with lab.page.expect_download(timeout=15_000) as download:
        meeting.get_by_role("link", name="meeting_luis_ortega.ics").click()
    assert download.value.suggested_filename == "meeting_luis_ortega.ics"
    with open(download.value.path(), encoding="utf-8") as handle:
        assert handle.read().startswith("BEGIN:VCALENDAR")
    lab.assert_clean()


def test_a_rubric_verdict_stays_on_one_line_in_a_narrow_window(browser):
    summary = InterviewSummary.from_dict(
        json.loads((DATA / "summaries" / "full_marks.json").read_text(encoding="utf-8")))
    page = browser.new_page(viewport={"width": 420, "height": 900})
    try:
        page.set_content(f"<body style='font: 13px sans-serif'>"
                         f"{grade_summary(summary)._repr_html_()}</body>")
        heights = page.locator("td:first-child > span").evaluate_all(
            "spans => spans.map(s => [s.textContent, s.getBoundingClientRect().height,"
            " parseFloat(getComputedStyle(s).lineHeight) || 1.2 * 13])")
    finally:
        page.close()
    assert heights and all("Passed" in text for text, _, _ in heights), heights
    for text, height, line in heights:
        assert height <= line * 1.2, f"{text!r} takes {height:.0f} px, a line is {line:.0f} px"
