"""One rule for a leftover template placeholder, whichever check asks."""

from __future__ import annotations

import pytest

from infoview_kit.placeholders import find_placeholders
from infoview_kit.templates import PLACEHOLDERS


@pytest.mark.parametrize("text, found", [
    ("Hi [Name],", ["[Name]"]),
    ("your talk at {company}", ["{company}"]),
    ("Best,\n<your name>", ["<your name>"]),
    ("Write to me at <name@example.com>.", ["<name@example.com>"]),
    ("Mail <your.email@uni.edu> today", ["<your.email@uni.edu>"]),
    ("I want to ask about [something specific about their work that caught your eye, for "
     "example a talk, a paper or a product they built]",
     ["[something specific about their work that caught your eye, for example a talk, a paper "
      "or a product they built]"]),
    ("TODO: finish. XXX", ["TODO", "XXX"]),
    ("Name: ______", ["______"]),
    ("insert name here", ["insert name here"]),
    ("[a] and [a] again", ["[a]"]),
])
def test_placeholders_of_every_shape_are_found_once_each(text, found):
    assert find_placeholders(text) == found


@pytest.mark.parametrize("text", [
    "Feel free to email jordan@example.com <jordan@example.com>.",
    "See <https://example.org/talk> for the slides.",
    "My todo list is long.",
    "A plain sentence with no template left in it.",
])
def test_real_addresses_links_and_ordinary_words_are_not_placeholders(text):
    assert find_placeholders(text) == []


def test_every_template_placeholder_is_caught():
    """Is each placeholder the templates show (however long) a placeholder by the rule?"""
    for placeholder in PLACEHOLDERS.values():
        assert find_placeholders(f"Hello {placeholder}.") == [placeholder]


def test_the_summary_rubric_uses_the_same_rule():
    from infoview_kit.rubric import grade_summary
    from infoview_kit.summary import InterviewSummary

    long_template = "[" + "what you are working towards, " * 3 + "e.g. studying UX design]"
    for text in (long_template, "<name@example.com>"):
        point = grade_summary(InterviewSummary(title=f"Engineer {text}"))["no_placeholders"]
        assert not point.passed and text in point.feedback
