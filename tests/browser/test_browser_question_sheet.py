"""Does the meeting's question sheet really print on one A4 page, even with a full question list?"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from infoview_kit.meeting import plan_meeting
from infoview_kit.question_list import MAX_QUESTIONS
from infoview_kit.questions import QUESTION_BANK

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("count", [1, 8, MAX_QUESTIONS])
def test_question_sheet_prints_on_one_a4_page(browser, count):
    questions = [q for qs in QUESTION_BANK.values() for q in qs][:count]
    assert len(questions) == count
    plan = plan_meeting(who="Luis Ortega", date=dt.date(2031, 3, 14), start="09:30",
                        mode="in_person", place="Blue Door Café, 5th Avenue, Seattle",
                        role="Product manager", company="Seattle Cancer Care Alliance",
                        questions=questions, today=dt.date(2031, 3, 10),
                        openers=("Studied in Prague", "Medium post on agile", "Started in biology"))
    page = browser.new_page()
    try:
        page.set_content(plan.question_sheet_html())
        pdf = page.pdf(format="A4")
    finally:
        page.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
