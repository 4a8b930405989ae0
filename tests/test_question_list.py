"""The question list: bad questions refused with the reason, tips kept, saved per prospect."""

from __future__ import annotations

import pytest

from infoview_kit.fields import FieldError
from infoview_kit.question_list import MAX_QUESTIONS, QuestionList


def test_good_question_is_added_and_saved(work_dir):
    questions = QuestionList("Maya Chen")
    verdict = questions.add("How did you get into this industry?")
    assert verdict.ok
    questions.save()
    assert QuestionList.load("Maya Chen").questions == ("How did you get into this industry?",)


@pytest.mark.parametrize("bad", ["Will you hire me?", "How much do you get paid?",
                                 "Could you refer me for the opening on your team?"])
def test_questions_to_avoid_are_refused_with_a_reason(bad):
    questions = QuestionList("Maya Chen")
    with pytest.raises(FieldError) as err:
        questions.add(bad)
    assert err.value.field == "question" and err.value.message
    assert len(questions) == 0


def test_a_closed_question_is_kept_with_a_tip():
    questions = QuestionList("Maya Chen")
    verdict = questions.add("Do you like your job?")
    assert verdict.severity == "tip" and "Do you like your job?" in questions


def test_empty_duplicate_and_overflowing_questions_are_refused():
    questions = QuestionList("Maya Chen", [f"What is lesson number {n} you learned?"
                                           for n in range(MAX_QUESTIONS)])
    with pytest.raises(FieldError, match="empty"):
        questions.add("  ")
    with pytest.raises(FieldError, match="already"):
        questions.add("what is lesson number 1 you learned?")
    with pytest.raises(FieldError, match="remove one"):
        questions.add("What tools do you use?")


def test_remove_and_repr():
    questions = QuestionList("Maya Chen", ["A?", "B?"])
    questions.remove("A?")
    assert questions.questions == ("B?",) and repr(questions) == "QuestionList('Maya Chen', 1 question)"
    assert "<ol><li>B?</li></ol>" in questions._repr_html_()
