"""Does pressing Enter in "Your own question" add it, in real JupyterLab (notebook 3)?

ipywidgets 8 deprecates ``Text.on_submit``; the form instead sends the text when Enter is
pressed (``continuous_update=False``) and adds it then. Only a browser shows that Enter really
sends it, so the question is typed and Enter pressed here, and the saved file is checked.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from infoview_kit.prospects import Prospect, ProspectList

pytestmark = pytest.mark.browser

FIRST = "What surprised you most in your first year?"
SECOND = "How do you decide which forecasts to trust?"


def test_enter_adds_the_typed_question(lab):
    prospects = ProspectList(path=lab.work / "prospects.json")
    prospects.add(Prospect(name="Maya Chen", role="Analytics lead", company="Greenfield Energy",
                           connection="stranger", found_at="LinkedIn",
                           why="Her post on forecasting solar output."))
    prospects.choose("Maya Chen")
    prospects.save()

    lab.open("3_prepare_questions.ipynb")
    lab.run_all()
    lab.assert_clean()
    questions = lab.output_of("Build your question list")
    own = questions.get_by_label("Your own question")

    own.fill(FIRST)
    own.press("Enter")
    saved = lab.wait_for_file(lab.work / "questions.json", contains=FIRST)
    expect(own).to_have_value("")  # added, so the box is ready for the next one
    questions.get_by_text("1 question saved").wait_for()

    own.fill(SECOND)
    own.press("Enter")
    saved = lab.wait_for_file(lab.work / "questions.json", contains=SECOND)
    assert saved.index(FIRST) < saved.index(SECOND)
    questions.get_by_text("2 questions saved").wait_for()
    assert questions.get_by_role("alert").count() == 0  # no error beside the input
    lab.assert_clean()
