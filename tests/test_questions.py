"""Interview questions: the four to avoid are flagged, good ones pass, weak ones get a rewording tip."""

from __future__ import annotations

import pytest

from infoview_kit.questions import QUESTION_BANK, QUESTIONS_TO_AVOID, QuestionVerdict, check_question


@pytest.mark.parametrize(
    "question",
    [
        # asking to be hired
        "Will you hire me?",
        "Would you consider me for the analyst job?",
        "Is your team hiring right now?",
        "Do you have a position for me?",
        "Are there any openings on your team?",
        "Could I work for you next year?",
        "Can you help me get a job at your company?",
        # asking to be referred
        "Could you refer me for the opening?",
        "Would you be willing to refer me?",
        "Can I get a referral from you?",
        "Could you pass my résumé to your manager?",
        "Would you put in a good word for me?",
        # asking for an internship
        "Will you give me an internship?",
        "Can I intern with your team?",
        "Could I intern at your company this summer?",
        "Does your team take on interns?",
        # asking what they are paid
        "How much do you get paid?",
        "What's your salary?",
        "How much do you make?",
        "How much money do you earn a year?",
        "What do you earn?",
        "Do you mind sharing your compensation?",
        "How much does your company pay you?",
    ],
)
def test_questions_asking_for_a_job_referral_internship_or_pay_are_problems(question):
    verdict = check_question(question)
    assert not verdict.ok
    assert verdict.severity == "problem"
    assert verdict.reason


@pytest.mark.parametrize(
    "question",
    [
        "If you were hiring, what would you look for?",
        "Is there anyone in your network I should talk to?",
        "What would set an outstanding candidate apart from a good one?",
        "How do referrals usually work in this industry?",
        "What internships helped you most when you were starting out?",
        "How much do you enjoy the client side of the work?",
        "How did you get into product management?",
        "What do you like least about your job?",
        "Tell me about a project you're proud of.",
        "Would it be okay if I reached out again later?",
        "Do you attend any meetups you'd recommend?",
        "Is there anything you'd do differently in my place?",
        "Can you walk me through how a feature goes from idea to launch?",
    ],
)
def test_good_questions_that_mention_hiring_or_networking_pass_cleanly(question):
    verdict = check_question(question)
    assert verdict.ok
    assert verdict.severity == "ok", verdict


@pytest.mark.parametrize(
    "question, hint",
    [
        ("Do you like your job?", "one-word"),
        ("Is it a stressful role?", "one-word"),
        ("Did you study computer science?", "one-word"),
        ("What does your company do?", "website"),
        ("Where is your office?", "website"),
        ("Where are you based?", "website"),
        ("When was the company founded?", "website"),
        ("What does Greenfield Energy do?", "website"),
        ("Where is Brightline Health based?", "website"),
        ("How many employees does Acme Robotics have?", "website"),
        # judgment call: pay in the field, not theirs, is fine but better found in surveys
        ("What salary range should a junior expect in this field?", "salary surveys"),
    ],
)
def test_closed_or_searchable_questions_get_a_tip_not_a_failure(question, hint):
    verdict = check_question(question)
    assert verdict.ok
    assert verdict.severity == "tip"
    assert hint in verdict.reason


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_question_is_a_problem(text):
    verdict = check_question(text)
    assert not verdict.ok and verdict.severity == "problem"
    assert "Write a question" in verdict.reason


@pytest.mark.parametrize("text", ["I like your job", "Your career path.", "Thanks for your time"])
def test_statement_that_is_not_a_question_is_a_problem(text):
    verdict = check_question(text)
    assert not verdict.ok and verdict.severity == "problem"
    assert "question" in verdict.reason


def test_question_word_without_question_mark_is_accepted():
    """Does "How did you start" count, so a missing "?" alone doesn't fail a student?"""
    assert check_question("How did you start out in design").ok


def test_curly_apostrophes_and_extra_spaces_are_normalised():
    verdict = check_question("  What\u2019s   your salary? ")
    assert verdict.question == "What's your salary?"
    assert verdict.severity == "problem"


def test_non_text_is_rejected_clearly():
    with pytest.raises(TypeError, match="str"):
        check_question(42)  # type: ignore[arg-type]


def test_bank_has_themes_and_enough_questions():
    assert len(QUESTION_BANK) >= 6
    assert sum(len(qs) for qs in QUESTION_BANK.values()) >= 25
    for theme, questions in QUESTION_BANK.items():
        assert theme and questions, theme
        assert all(isinstance(q, str) and q.endswith("?") for q in questions)


@pytest.mark.parametrize("question", [q for qs in QUESTION_BANK.values() for q in qs])
def test_every_bank_question_passes_without_a_tip(question):
    verdict = check_question(question)
    assert verdict.ok and verdict.severity == "ok", verdict


COURSE_GOOD_QUESTIONS = [
    "How did you get into this industry?",
    "Is there anything that you'd do differently if you were in my place?",
    "How do you spend your time most days?",
    "Can you tell me about some of the projects that you've gotten to work on?",
    "What do you like and dislike about your job?",
    "What resources do you use to stay sharp?",
    "Do you attend any meetups or associations that you like?",
    "What tips do you have for someone starting out in this field?",
    "If you were hiring, what would you look for in a candidate?",
    "What would differentiate a good candidate and an outstanding candidate on paper or during interviews?",
    "What type of questions do you usually ask during interviews?",
    "Is there anyone in your network who I should connect with?",
    "What companies should I look into?",
    "Would it be okay if I reached out again in the future if I have more questions?",
]


def test_bank_is_in_our_own_words():
    """Does the bank reword the course's questions rather than copy them?"""
    bank = {q.lower() for qs in QUESTION_BANK.values() for q in qs}
    assert not bank & {q.lower() for q in COURSE_GOOD_QUESTIONS}


@pytest.mark.parametrize("question", COURSE_GOOD_QUESTIONS)
def test_course_good_questions_are_all_accepted(question):
    assert check_question(question).ok


def test_questions_to_avoid_are_flagged_and_explained():
    assert len(QUESTIONS_TO_AVOID) == 4
    for question, why in QUESTIONS_TO_AVOID:
        assert check_question(question).severity == "problem", question
        assert len(why) > 20
    reasons = " ".join(check_question(q).reason for q, _ in QUESTIONS_TO_AVOID)
    for word in ("job", "referr", "internship", "earns"):
        assert word in reasons


def test_verdict_shows_as_escaped_html_and_plain_text():
    verdict = check_question("<script>alert(1)</script> will you hire me?")
    html = verdict._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Problem:" in html
    assert repr(verdict).startswith("QuestionVerdict(")
    assert "severity='problem'" in repr(verdict)
    ok_html = check_question("How did you get started?")._repr_html_()
    assert "good open question" in ok_html


def test_ok_follows_from_severity():
    """Is a verdict ok exactly when it is not a problem, so the two can never disagree?"""
    assert QuestionVerdict("Why?", "fine", "tip").ok
    assert QuestionVerdict("Why?", "fine", "ok").ok
    assert not QuestionVerdict("Will you hire me?", "no", "problem").ok


def test_verdict_rejects_unknown_severity():
    with pytest.raises(ValueError, match="severity"):
        QuestionVerdict("Why?", "fine", "great")
