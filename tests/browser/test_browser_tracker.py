"""Does the outreach tracker in "Write requests" log messages and replies and chart the right rates?

Three messages and two replies are entered through the tracker form in the page; the saved
CSV must hold exactly them, the rates table must show the right counts, and the chart must be
drawn (an image with pixels and alt text giving the rates), titled and labelled.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WARM = "Someone a contact of mine knows (my network's network)"
COLD = "A stranger (found on a team page, LinkedIn, ...)"
SENT = [("Ana Costa", WARM), ("Ben Okafor", WARM), ("Chloe Martin", COLD)]
REPLIES = [("Ana Costa", "Yes, happy to talk", "yes"), ("Chloe Martin", "Declined", "declined")]


def test_logged_outreach_and_replies_show_as_the_right_response_rates(lab):
    lab.open("2_write_requests.ipynb")
    lab.run_all()
    tracker = lab.output_of("Log a message you sent")
    sent_on = dt.date.today() - dt.timedelta(days=5)
    for count, (name, connection) in enumerate(SENT, start=1):
        lab.type_into(tracker.get_by_label("Their name"), name)
        tracker.get_by_label("How you know them").select_option(label=connection)
        tracker.get_by_label("Sent by").select_option(label="Email")
        lab.type_into(tracker.get_by_label("Sent on"), sent_on.isoformat())
        tracker.get_by_role("button", name="Add to my log").click()
        messages = "1 message" if count == 1 else f"{count} messages"
        tracker.get_by_text(f"Saved: {name} is in your log ({messages})").wait_for()
        # the form empties its inputs before saying so: the next name can be typed at once
        expect(tracker.get_by_label("Their name")).to_have_value("")

    for name, answer, _ in REPLIES:
        tracker.get_by_label("Who", exact=True).select_option(label=name)
        tracker.get_by_label("What happened").select_option(label="They replied")
        tracker.get_by_label("Their answer").select_option(label=answer)
        lab.type_into(tracker.get_by_label("On", exact=True), dt.date.today().isoformat())
        tracker.get_by_role("button", name="Record").click()
        tracker.get_by_text(f"Saved: They replied ({name}").wait_for()

    with open(lab.work / "outreach_log.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["contact_name"], r["style"]) for r in rows] == [
        ("Ana Costa", "warm"), ("Ben Okafor", "warm"), ("Chloe Martin", "cold")]
    assert {r["contact_name"]: r["reply"] for r in rows} == {
        "Ana Costa": "yes", "Ben Okafor": "", "Chloe Martin": "declined"}

    # the rates are folded under their own title: open them
    tracker.get_by_text("Which messages work").click()
    # the rates table: warm 1 positive of 2 sent, cold 0 of 1
    rates = tracker.locator("table", has_text="Positive replies")
    warm = rates.locator("tr", has_text="warm").inner_text().split()
    cold = rates.locator("tr", has_text="cold").inner_text().split()
    assert warm[:4] == ["warm", "2", "1", "50%"], warm
    assert cold[:4] == ["cold", "1", "0", "0%"], cold

    # the chart is an <img> of a PNG inside an HTML widget, named by alt text giving the rates
    chart = tracker.locator('.widget-html img[src^="data:image/png;base64,"]')
    chart.wait_for()
    assert chart.evaluate("img => img.complete && img.naturalWidth > 100 && img.naturalHeight > 100")
    alt = chart.get_attribute("alt")
    assert alt == "Positive replies by style: warm 1 of 2 (50%), cold 0 of 1 (0%)", alt
    expect(tracker.get_by_role("img", name=alt)).to_be_visible()
    lab.assert_clean()
    lab.screenshot(tracker, "2_write_requests_tracker")
    lab.screenshot(tracker.locator(".jupyter-widget-Accordion", has_text="Which messages work"),
                   "2_write_requests_response_rates")

    # the chart the form drew, rebuilt in the kernel from the same saved log: titled, labelled
    labels = lab.kernel_run(
        "from infoview_kit import OutreachLog, plot_response_rates\n"
        "ax = plot_response_rates(OutreachLog.load('my_work/outreach_log.csv'), by='style')\n"
        "print(repr(ax.get_title()), repr(ax.get_xlabel()), repr(ax.get_ylabel()))\n"
        "print([t.get_text() for t in ax.get_xticklabels()])"
    )
    title, xlabel, ylabel = labels.splitlines()[0].split("' '")
    assert all(part.strip("' ") for part in (title, xlabel, ylabel)), labels
    assert "warm" in labels.lower() and "cold" in labels.lower(), labels
