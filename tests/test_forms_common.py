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
