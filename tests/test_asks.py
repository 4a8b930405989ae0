"""Requests for a job, referral, internship or the reader's pay, told from mere mentions."""

from __future__ import annotations

import pytest

import checker_corpus as corpus
from infoview_kit._language import sentences
from infoview_kit.asks import CATEGORIES, forbidden_ask, may_ask


@pytest.mark.parametrize(
    "text, category",
    [
        ("Would there be any room for someone like me on your team?", "job"),
        ("Is your team hiring at the moment?", "job"),
        ("Could I be considered for the analyst opening you posted?", "job"),
        ("Any chance you could be a reference for me?", "referral"),
        ("Could my CV find its way to your recruiter?", "referral"),
        ("Would you put in a good word for me?", "referral"),
        ("Could I shadow you for a day?", "internship"),
        ("Does your company take on interns this summer? Please consider me.", "internship"),
        ("Do you make more than 100k, if you don't mind me asking?", "pay"),
        ("What's your day rate?", "pay"),
        ("How much equity were you given when you joined?", "pay"),
        # wordings found in blind text on 2026-12-02 (our own examples of each)
        ("Would your lab take on a former paramedic with ten years on the road?", "job"),
        ("Could I get onto your team once I graduate?", "job"),
        ("I'd love to know whether your studio might have a position for a returning illustrator.", "job"),
        ("Would you put in a word with the hiring manager for me?", "referral"),
        ("Does your agency run a returners programme I could join?", "internship"),
        ("Could I join your internship programme next summer?", "internship"),
        ("Are ye earning more than 40 grand a year?", "pay"),
        ("Is it rude to ask whether you're on more than 80k?", "pay"),
        ("What are you on a day as a contractor?", "pay"),
        ("How much are you receiving a month in this role?", "pay"),
        ("Does the firm give you a year-end bonus, and roughly how much?", "pay"),
        ("Roughly what does your annual draw come to as a partner?", "pay"),
        ("Is there room for a career changer like me on your crew?", "job"),
        ("Not being nosy, but what does a surveyor like you pull in a year?", "pay"),
        ("What're you makin' a week these days?", "pay"),
        ("do you... earn over six figures?", "pay"),
        ("Could your studio accommodate me in some capacity, even part-time?", "job"),
        ("Could your ward use a new grad like me?", "job"),
        ("Does your lab ever take on trainees? Would love to be one of them.", "internship"),
        ("Could I spend a week observing your classes?", "internship"),
        ("I want to ask for a summer extern spot at your clinic.", "internship"),
        ("Would you mention me to your principal?", "referral"),
        ("Yuh could tek me on at di garage?", "job"),
    ],
)
def test_hedged_and_indirect_asks_are_named_for_what_they_ask(text, category):
    ask = forbidden_ask(text)
    assert ask is not None and ask.category == category, ask
    assert ask.reason and category in CATEGORIES


@pytest.mark.parametrize(
    "text",
    [
        "If you were hiring, what would you look for in a candidate?",
        "How did your own internship shape what you did next?",
        "What do juniors usually earn in this field?",
        "How do referrals work in consulting, in general?",
        "Thank you for the advice about getting ready for my summer internship.",
        "What advice would you give me to get hired somewhere like your company?",
        "Would it be alright if I kept you posted on how it goes?",
        "Tell me how you approached the salary conversation - not the number, just your strategy.",
        "Which courses would you suggest for someone like me who is starting out?",
        "What did you get wrong in your first year, and what would you do differently?",
        "Could you tell me about the people you met during your internship at the council?",
        "Which meetups would you recommend me to join in my first year?",
        "Did you have another job before nursing?",
        "Could you tell me about your job as a dietitian at the hospital?",
    ],
)
def test_mentions_are_not_asks(text):
    assert forbidden_ask(text) is None


def test_a_negated_ask_is_not_an_ask():
    assert forbidden_ask("I'm not asking you to hire me, only for advice.") is None
    assert forbidden_ask("If it's not too personal, what's your salary?").category == "pay"


def test_the_quick_look_never_hides_an_ask():
    """Does every sentence an ask pattern catches also pass the quick look that guards them?"""
    caught = 0
    rows = corpus.load("questions") + corpus.load("messages")
    for row in rows:
        for sentence in sentences(row["text"]):
            if forbidden_ask(sentence, general=False) is not None:
                caught += 1
                assert may_ask(sentence), sentence
    assert caught > 100  # the corpus holds plenty of asks to check the guard on
