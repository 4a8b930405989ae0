"""Notebook 3's question builder: bank ticks, own questions checked beside the input, saved list."""

from __future__ import annotations

import json

from infoview_kit.forms.questions import questions_form
from infoview_kit.questions import QUESTION_BANK


def saved(work_dir):
    return json.loads((work_dir / "questions.json").read_text(encoding="utf-8"))["Luis Ortega"]


def first_bank_question():
    return next(iter(QUESTION_BANK.values()))[0]


def test_bank_is_grouped_by_theme_and_every_input_is_labelled(work_dir, chosen_prospect):
    form = questions_form()
    assert len(form.bank) == sum(len(qs) for qs in QUESTION_BANK.values())
    for box in form.bank.values():
        assert box.description and box.description_allow_html is False
    assert form.own_question.description == "Your own question"


def test_ticking_and_unticking_bank_questions_saves_the_list(work_dir, chosen_prospect):
    form = questions_form()
    question = first_bank_question()
    form.bank[question].value = True
    assert saved(work_dir) == [question]
    form.bank[question].value = False
    assert saved(work_dir) == []


def test_a_question_to_avoid_is_refused_with_its_reason_next_to_the_input(work_dir, chosen_prospect):
    form = questions_form()
    form.own_question.value = "Will you hire me?"
    form.add_button.click()
    assert form.fields["question"].error.value  # the reason, right under the input
    assert "Not added" in form.status.value
    assert form.own_question.value == "Will you hire me?"  # kept so they can rephrase
    assert not (work_dir / "questions.json").exists()


def test_own_good_question_is_added_and_a_closed_one_gets_a_tip(work_dir, chosen_prospect):
    form = questions_form()
    form.own_question.value = "What surprised you most in your first year?"
    form.add_button.click()
    form.own_question.value = "Do you like your job?"
    form.add_button.click()
    assert saved(work_dir) == ["What surprised you most in your first year?", "Do you like your job?"]
    assert "Tip" in form.verdict.value and form.own_question.value == ""


def test_remove_works_for_own_and_bank_questions(work_dir, chosen_prospect):
    form = questions_form()
    question = first_bank_question()
    form.bank[question].value = True
    form.own_question.value = "What surprised you most in your first year?"
    form.add_button.click()
    form.remove_choice.value = question
    form.remove_button.click()
    assert form.bank[question].value is False
    form.remove_choice.value = "What surprised you most in your first year?"
    form.remove_button.click()
    assert saved(work_dir) == []


def test_reopened_form_ticks_saved_bank_questions_and_advises_on_length(work_dir, chosen_prospect):
    form = questions_form()
    for question in list(form.bank)[:6]:
        form.bank[question].value = True
    again = questions_form()
    assert sum(box.value for box in again.bank.values()) == 6
    assert "good length" in again.status.value


def test_broken_questions_file_is_shown_and_left_untouched(work_dir, chosen_prospect):
    path = work_dir / "questions.json"
    path.write_text("[not json", encoding="utf-8")
    form = questions_form()
    assert "questions.json" in form.status.value and form.add_button.disabled
    assert path.read_text(encoding="utf-8") == "[not json"


def test_enter_adds_the_typed_question(work_dir, chosen_prospect):
    """Does pressing Enter add the question (the text arrives once, without the button)?"""
    form = questions_form()
    assert form.own_question.continuous_update is False  # the text is sent on Enter, not per key
    form.own_question.value = "What surprised you most in your first year?"  # what Enter sends
    assert saved(work_dir) == ["What surprised you most in your first year?"]
    assert form.own_question.value == "" and "1 question saved" in form.status.value


def test_clicking_add_after_the_text_arrived_adds_it_once_without_a_complaint(work_dir, chosen_prospect):
    """Clicking "Add question" leaves the box first (which sends the text): one question, no error."""
    form = questions_form()
    form.own_question.value = "What surprised you most in your first year?"
    form.add_button.click()
    assert saved(work_dir) == ["What surprised you most in your first year?"]
    assert form.fields["question"].error.value == ""
    form.add_button.click()  # a second click on the empty box does say what is missing
    assert form.fields["question"].error.value
