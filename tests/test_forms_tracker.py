"""The tracker form, driven without a browser: set values, click, check the saved log."""

from __future__ import annotations

import base64
import re
import shutil
from datetime import date, datetime, time

import ipywidgets as widgets
import pandas as pd
import pytest

from kit_paths import DATA
from infoview_kit.forms.tracker import OutreachTrackerForm, outreach_tracker
from infoview_kit.graded_cells import meeting_tracker
from infoview_kit.log_format import LOG_FILE
from infoview_kit.tracker import OutreachLog


def _fill(form: OutreachTrackerForm, name: str, **values) -> None:
    form.contact_name.value = name
    for key, value in values.items():
        getattr(form, key).value = value
    form.add_button.click()


def _inputs(widget):
    if isinstance(widget, widgets.Box):
        for child in widget.children:
            yield from _inputs(child)
    elif isinstance(widget, (widgets.ValueWidget,)) and not isinstance(widget, widgets.HTML):
        yield widget


def test_every_input_has_a_plain_text_label(work_dir):
    """Is each input's accessible name a real label (not empty, not HTML)?"""
    form = outreach_tracker()
    inputs = list(_inputs(form.widget))
    assert len(inputs) >= 15
    for widget in inputs:
        assert widget.description.strip(), widget
        assert widget.description_allow_html is False


def test_adding_a_message_saves_it_and_offers_it_for_recording(work_dir):
    form = outreach_tracker()
    _fill(form, "Ana Ruiz", connection="network_of_network", channel="intro",
          sent_on=date(2026, 11, 3), variant="short ask")
    log = OutreachLog.load(work_dir / LOG_FILE)
    assert log.frame.loc[0, ["contact_name", "style", "channel", "variant"]].tolist() == \
        ["Ana Ruiz", "warm", "intro", "short ask"]
    assert log.frame.loc[0, "sent_on"] == pd.Timestamp("2026-11-03")
    assert "Saved" in form.add_status.value and form.add_status.kind == "ok"
    assert form.contact_name.value == ""  # ready for the next one
    assert form.who.options == ("Ana Ruiz",) and form.who.value == "Ana Ruiz"
    assert "Ana Ruiz" in form.due_table.value or "Nothing is due" in form.due_table.value
    assert 'src="data:image/png;base64,' in form.chart.value and "warm" in form.rates_table.value


def test_inputs_are_empty_by_the_time_saved_shows(work_dir):
    """Is what a student types after seeing "Saved: ..." safe? The inputs must already be empty,
    and the contact already offered for recording."""
    form = outreach_tracker()
    seen = []
    form.add_status.observe(lambda change: seen.append(
        (change["new"], form.contact_name.value, form.notes.value, form.who.value)), names="value")
    _fill(form, "Ana Ruiz", style="warm", sent_on=date(2026, 11, 3), notes="met at a fair")
    assert [rest for value, *rest in seen if "Saved: Ana Ruiz" in value] == \
        [["", "", "Ana Ruiz"]]


def test_relationship_picks_the_matching_style(work_dir):
    form = outreach_tracker()
    form.connection.value = "stranger"
    assert form.style.value == "cold"


def test_a_missing_name_or_style_is_shown_beside_its_input_and_nothing_is_saved(work_dir):
    form = outreach_tracker()
    _fill(form, "", style="warm")
    assert "Empty: who did you write to?" in form.fields["contact_name"].error.value
    _fill(form, "Bo Li", style="")
    assert "direct, warm or cold" in form.fields["style"].error.value
    assert form.add_status.kind == "problem"
    assert not (work_dir / LOG_FILE).exists()


def test_a_double_click_adds_one_row(work_dir):
    form = outreach_tracker()
    _fill(form, "Bo Li", style="cold", sent_on=date(2026, 11, 4))
    _fill(form, "Bo Li", style="cold", sent_on=date(2026, 11, 4))
    assert len(OutreachLog.load(work_dir / LOG_FILE)) == 1
    assert "already in the log" in form.fields["contact_name"].error.value


def test_recording_reply_meeting_and_thank_you(work_dir):
    form = outreach_tracker()
    _fill(form, "Ana Ruiz", style="warm", sent_on=date(2026, 11, 3))
    form.what.value = "reply"
    form.reply.value = "redirected"
    form.on_date.value = date(2026, 11, 5)
    form.record_button.click()
    form.what.value = "meeting"
    assert form.at_time.layout.display is None and form.reply.layout.display == "none"
    form.on_date.value = date(2026, 11, 10)
    form.at_time.value = time(14, 30)
    form.record_button.click()
    form.what.value = "thank_you"
    form.on_date.value = date(2026, 11, 10)
    form.record_button.click()
    row = OutreachLog.load(work_dir / LOG_FILE).frame.iloc[0]
    assert row["reply"] == "redirected" and row["replied_on"] == pd.Timestamp("2026-11-05")
    assert row["meeting_on"] == pd.Timestamp("2026-11-10 14:30")
    assert row["thanked_on"] == pd.Timestamp("2026-11-10")
    assert "thank-you" in form.record_status.value


def test_recording_needs_a_contact(work_dir):
    form = outreach_tracker()
    form.record_button.click()
    assert "add them above first" in form.record_fields["who"].error.value


def test_a_broken_log_is_reported_and_never_overwritten(work_dir):
    """A log the kit can't read: the form names row/column, and no click rewrites the file."""
    path = work_dir / LOG_FILE
    shutil.copyfile(DATA / "tracker" / "bad_date.csv", path)
    before = path.read_bytes()
    form = outreach_tracker()
    assert "row 3" in form.add_status.value and "sent_on" in form.add_status.value
    _fill(form, "Cy Park", style="cold", sent_on=date(2026, 11, 6))
    assert form.add_status.kind == "problem" and "left as it is" in form.add_status.value
    assert path.read_bytes() == before


def test_edits_made_in_a_spreadsheet_meanwhile_are_kept(work_dir):
    """Each click re-reads the file, so a row added in a spreadsheet survives the next add."""
    form = outreach_tracker()
    _fill(form, "Ana Ruiz", style="warm", sent_on=date(2026, 11, 3))
    with open(work_dir / LOG_FILE, "a", encoding="utf-8") as handle:
        handle.write("Dee Kim,,,network,direct,text,,2026-11-06,,,,,,,\n")
    _fill(form, "Bo Li", style="cold", sent_on=date(2026, 11, 7))
    assert OutreachLog.load(work_dir / LOG_FILE).contacts == ["Ana Ruiz", "Dee Kim", "Bo Li"]


def test_a_save_refused_on_disk_change_is_shown(work_dir, monkeypatch):
    """If the file changes between reading and saving, the form says so and keeps the file."""
    form = outreach_tracker()
    path = work_dir / LOG_FILE
    real_load = OutreachLog.load

    def load_then_spreadsheet_saves(p):
        log = real_load(p)
        shutil.copyfile(DATA / "tracker" / "plain_kit_format.csv", path)
        return log

    monkeypatch.setattr(OutreachLog, "load", staticmethod(load_then_spreadsheet_saves))
    _fill(form, "Cy Park", style="cold", sent_on=date(2026, 11, 6))
    assert "changed on disk" in form.add_status.value
    assert path.read_bytes() == (DATA / "tracker" / "plain_kit_format.csv").read_bytes()


def test_rates_view_compares_two_groups_in_words(work_dir):
    shutil.copyfile(DATA / "tracker" / "plain_kit_format.csv", work_dir / LOG_FILE)
    form = outreach_tracker()
    assert form.group_a.value == "warm" and form.group_b.value == "cold"
    assert "1 of 1 vs 0 of 1: not enough data yet to say warm beats cold" in \
        form.comparison.value
    form.group_by.value = "variant"
    assert "short ask" in form.rates_table.value and "positive reply is a yes" in \
        form.rates_table.value.lower()


def test_what_a_positive_reply_is_is_said_once_on_the_rates_view(work_dir):
    shutil.copyfile(DATA / "tracker" / "plain_kit_format.csv", work_dir / LOG_FILE)
    form = outreach_tracker()
    shown = (form.rates_table.value + form.comparison.value).lower()
    assert "warm beats cold" in form.comparison.value
    assert shown.count("a positive reply is") == 1


def test_chart_is_an_image_whose_alt_text_says_the_rates(work_dir):
    """Can a screen reader name the chart? It is an <img> of a real PNG, with the rates as alt."""
    shutil.copyfile(DATA / "tracker" / "plain_kit_format.csv", work_dir / LOG_FILE)
    form = outreach_tracker()
    match = re.fullmatch(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)"[^>]*>',
                         form.chart.value)
    assert match, form.chart.value
    assert base64.b64decode(match[1])[:4] == b"\x89PNG"
    assert match[2] == "Positive replies by style: warm 1 of 1 (100%), cold 0 of 1 (0%)"
    form.group_by.value = "variant"
    assert 'alt="Positive replies by variant: ' in form.chart.value


def test_meeting_tracker_offers_only_the_after_meeting_actions(work_dir):
    form = meeting_tracker()
    assert [value for _, value in form.what.options] == ["meeting", "thank_you", "follow_up"]
    assert form.widget.children == (form.record_box, form.due_box)


def test_due_table_lists_the_thank_you_after_a_meeting(work_dir):
    log = OutreachLog.load(work_dir / LOG_FILE)
    log.add_outreach("Ana Ruiz", style="warm", sent_on="2026-11-01")
    log.record_meeting("Ana Ruiz", datetime(2020, 1, 1, 9, 0))  # long ago: overdue now
    log.save()
    form = meeting_tracker()
    assert "send thank-you" in form.due_table.value and "Ana Ruiz" in form.due_table.value
    assert form.who.value is None  # no one is preselected: a click can't hit the wrong person
    form.who.value = "Ana Ruiz"
    form.what.value = "thank_you"
    form.record_button.click()
    assert "send thank-you" not in form.due_table.value


@pytest.mark.parametrize("factory", [outreach_tracker, meeting_tracker])
def test_forms_display_as_widgets(work_dir, factory):
    form = factory()
    assert isinstance(form, OutreachTrackerForm) and isinstance(form.widget, widgets.VBox)


def test_every_wrong_input_of_a_message_is_marked_at_once(work_dir):
    """Do a missing name, a missing day and a missing style all show after one click?"""
    form = outreach_tracker()
    _fill(form, "", style="", sent_on=None)
    assert "who did you write to" in form.fields["contact_name"].error.value
    assert "when did you send it" in form.fields["sent_on"].error.value
    assert "direct, warm or cold" in form.fields["style"].error.value
    assert not (work_dir / LOG_FILE).exists()


def test_recording_marks_both_a_missing_contact_and_a_missing_day(work_dir):
    form = outreach_tracker()
    form.on_date.value = None
    form.record_button.click()
    assert "add them above first" in form.record_fields["who"].error.value
    assert "Choose the day" in form.record_fields["on_date"].error.value


def test_with_one_group_the_comparison_says_so_once_without_dropdowns(work_dir):
    _fill(form := outreach_tracker(), "Ana Ruiz", connection="network_of_network",
          sent_on=date(2026, 11, 2))
    assert form.group_a.layout.display == "none" and form.group_b.layout.display == "none"
    assert "Only one group so far (warm)" in form.comparison.value
    shown = " ".join(w.value for w in (form.rates_table, form.comparison))
    assert shown.count("Only one group") == 1 and "Choose two different" not in shown
    _fill(form, "Ben Ode", connection="stranger", sent_on=date(2026, 11, 2))
    assert form.group_a.layout.display is None and form.group_b.layout.display is None
    assert "1 of 1" not in form.comparison.value and "warm" in form.comparison.value


def test_rarely_used_inputs_and_the_rates_are_folded_away(work_dir):
    """Logging one message takes one screen: optional inputs and the rates start closed."""
    form = outreach_tracker()
    assert form.more_details.selected_index is None and form.rates_box.selected_index is None
    folded = set(_inputs(form.more_details))
    assert {form.contact_title, form.company, form.variant, form.referred_by,
            form.notes} == folded
    assert form.contact_name not in folded and form.sent_on not in folded


def test_the_due_table_has_no_caption_repeating_its_heading(work_dir):
    log = OutreachLog.load(work_dir / LOG_FILE)
    log.add_outreach("Ana Ruiz", style="warm", sent_on="2020-01-01")  # long ago: follow-up due
    log.save()
    form = outreach_tracker()
    assert "Ana Ruiz" in form.due_table.value and "<caption" not in form.due_table.value
