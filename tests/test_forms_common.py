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
