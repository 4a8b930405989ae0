"""Pieces every form shares, checked where the forms use them."""

from __future__ import annotations

import pytest

from infoview_kit.forms.meeting import meeting_form
from infoview_kit.forms.prospects import prospects_form
from infoview_kit.forms.request import request_form
from infoview_kit.graded_cells import summary_form

LONG_LABEL_BUTTONS = [
    (prospects_form, "choose_button", "Choose for notebooks 2 and 3"),
    (request_form, "template_button", "Start from template"),
    (meeting_form, "export_button", "Export calendar file and question sheet"),
    (summary_form, "check_button", "Check my summary"),
]


@pytest.mark.parametrize("factory, name, label", LONG_LABEL_BUTTONS,
                         ids=[name for _, name, _ in LONG_LABEL_BUTTONS])
def test_buttons_fit_their_whole_label(chosen_prospect, factory, name, label):
    """Is the whole label shown: the button sized by its text, neither cut short in a row
    (no fixed width, never shrunk) nor stretched across a column?"""
    button = getattr(factory(), name)
    assert button.description == label
    layout = button.layout
    assert (layout.width, layout.flex, layout.align_self) == ("auto", "0 0 auto", "flex-start")


def test_align_labels_gives_a_form_one_label_column_that_follows_relabelling():
    """Inputs start at one edge: every label gets the width of the longest, even after a
    label changes; buttons and checkboxes keep their own layout."""
    import ipywidgets as widgets

    from infoview_kit.forms.common import align_labels, labelled

    short = labelled(widgets.Text, "Name")
    long = labelled(widgets.Dropdown, "How you are connected", options=["a"])
    nested = labelled(widgets.Text, "Where")
    tick = widgets.Checkbox(description="A question from the bank")
    box = widgets.VBox([short, widgets.Accordion([widgets.VBox([nested, tick])]), long,
                        widgets.Button(description="Save")])
    align_labels(box)
    widths = {w.style.description_width for w in (short, long, nested)}
    assert widths == {f"{len('How you are connected') + 1}ch"}
    assert tick.style.description_width == ""
    nested.description = "Place (café or office, easy for them to reach)"
    assert short.style.description_width == f"{len(nested.description) + 1}ch"


# --- every problem at once ----------------------------------------------------------------

def _marked(fields) -> set[str]:
    return {key for key, field in fields.items() if field.error.value}


def test_an_empty_prospect_form_marks_every_empty_field_and_names_them(work_dir):
    """Does one click on an empty form mark every empty field, and the status line name them?"""
    form = prospects_form()
    form.connection.value = "stranger"
    form.add_button.click()
    assert _marked(form.fields) == {"name", "role", "company", "found_at", "why"}
    status = form.status.value
    assert "5 fields marked" in status
    for label in ("Name", "Role", "Company", "Where you found them", "Why this person"):
        assert label in status, label


def test_an_empty_meeting_form_marks_day_time_and_place_at_once(chosen_prospect):
    form = meeting_form()
    form.export_button.click()
    assert _marked(form.fields) == {"date", "start", "place"}
    assert "3 fields marked" in form.status.value and "Start time" in form.status.value


def test_an_empty_tracker_entry_marks_each_missing_field_at_once(work_dir):
    from infoview_kit.forms.tracker import outreach_tracker

    form = outreach_tracker()
    form.sent_on.value = None
    form.add_button.click()
    marked = _marked(form.fields)
    assert {"contact_name", "sent_on"} <= marked, marked
    assert f"{len(marked)} fields marked" in form.add_status.value


def test_overlong_research_notes_are_all_marked(chosen_prospect):
    from infoview_kit.forms.research import research_form

    form = research_form()
    form.profile.value = form.site.value = "x" * 5000
    assert _marked(form.fields) == {"profile", "site"}
    assert "2 fields marked" in form.status.value


def test_the_summary_self_check_marks_every_wrong_field_not_only_the_first(work_dir):
    form = summary_form()
    form.fields["learned"].input.value = form.fields["apply"].input.value = "word " * 1300
    form.fields["learned"].clear()
    form.check_button.click()
    assert _marked(form.fields) == {"learned", "apply"}
    assert "2 fields marked" in form.status.value
    assert "marked above" in form.check_output.value
