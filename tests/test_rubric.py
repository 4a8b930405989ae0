"""The summary's rubric: one point per rule, each with a line on how to fix it."""

from __future__ import annotations

import json

import pytest

from kit_paths import DATA
from infoview_kit.rubric import EXAMPLE_APPLY, EXAMPLE_LEARNED, RUBRIC, grade_summary
from infoview_kit.summary import InterviewSummary

SUMMARIES = DATA / "summaries"


def full() -> InterviewSummary:
    return InterviewSummary.from_dict(json.loads((SUMMARIES / "full_marks.json").read_text()))


def missed(summary: InterviewSummary) -> list[str]:
    return [p.id for p in grade_summary(summary).points if not p.passed]


def with_(**changes) -> InterviewSummary:
    return InterviewSummary.from_dict({**full().to_dict(), **changes})


def test_a_complete_summary_earns_every_point():
    result = grade_summary(full())
    assert result.passed and result.earned == result.possible == sum(p for _, p in RUBRIC.values())


@pytest.mark.parametrize("first, last", [
    ("Jane", "Smith"), ("John", "Doe"), ("First", "Last"), ("[name]", "Lindqvist"),
    ("Maren", ""), ("", "Lindqvist"), ("Priya", "Raman"), ("M4ren", "Lindqvist"), ("Ana", "Ana"),
])
def test_placeholder_example_or_incomplete_names_miss_only_the_name_point(first, last):
    summary = with_(first_name=first, last_name=last)
    assert "name" in missed(summary)
    assert grade_summary(summary)["name"].feedback


@pytest.mark.parametrize("first, last", [("José", "García-Márquez"), ("Siobhán", "O'Neill"),
                                         ("Nguyễn", "Thị Minh")])
def test_real_names_in_any_script_pass(first, last):
    assert missed(with_(first_name=first, last_name=last)) == []


@pytest.mark.parametrize("title", ["", "title", "[job title]", "N/A"])
def test_a_missing_or_placeholder_title_misses_the_title_point(title):
    assert "title" in missed(with_(title=title))


@pytest.mark.parametrize("questions, why", [
    (["How did you start?", "What do you enjoy?"], "at least 3"),
    (["How did you start?", "How did you start?", "What do you enjoy?"], "at least 3"),
    (["How did you start?", "What do you enjoy?", "Tell me about your week."], "not written as a question"),
    (["How did you start?", "What do you enjoy?", "Will you hire me?"], "not to ask"),
    (["How did you start?", "What do you enjoy?", "How much do you get paid?"], "not to ask"),
])
def test_questions_need_three_real_questions_none_of_the_kind_not_to_ask(questions, why):
    point = grade_summary(with_(questions=questions))["questions"]
    assert not point.passed and why in point.feedback


def test_good_questions_that_mention_hiring_or_networking_pass():
    qs = ["If you were hiring, what would you look for?",
          "Is there anyone in your network I should talk to?", "How did you get into this field?"]
    assert grade_summary(with_(questions=qs))["questions"].passed


@pytest.mark.parametrize("field", ["learned", "apply"])
@pytest.mark.parametrize("text, why", [
    ("", "in a few sentences"),
    ("It was a good talk. I liked it.", "Say more"),
    (EXAMPLE_LEARNED, "example"),
    (EXAMPLE_APPLY, "example"),
    (EXAMPLE_LEARNED + " I also enjoyed it.", "example"),
])
def test_reflections_must_be_substantive_and_not_the_forms_examples(field, text, why):
    point = grade_summary(with_(**{field: text}))[field]
    assert not point.passed and why in point.feedback


def test_apply_may_not_repeat_learned_even_slightly_reworded():
    learned = full().learned
    point = grade_summary(with_(apply=learned.replace("Maren spends", "She spends")))["apply"]
    assert not point.passed and "repeats what you learned" in point.feedback
    assert grade_summary(with_(apply=learned.replace("Maren spends", "She spends")))["learned"].passed


@pytest.mark.parametrize("field, value", [
    ("learned", full().learned + " Next I will email [contact name]."),
    ("title", "Engineer at <company>"),
    ("apply", full().apply + " TODO finish this."),
    ("questions", full().questions + ["What is it like at {company}?"]),
])
def test_leftover_template_placeholders_miss_that_point(field, value):
    point = grade_summary(with_(**{field: value}))["no_placeholders"]
    assert not point.passed and "placeholder" in point.feedback


def test_an_empty_summary_earns_nothing():
    result = grade_summary(InterviewSummary())
    assert result.earned == 0 and all(p.feedback for p in result.points)


def test_self_check_marks_are_in_dejavu_sans_not_emoji():
    """Does every character of the self-check table exist in DejaVu Sans (the font nearly every
    system has), so no mark shows as a blank box where no emoji font is installed?"""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    dejavu = FT2Font(font_manager.findfont("DejaVu Sans", fallback_to_default=False))
    html = grade_summary(with_(title=""))._repr_html_()
    assert "Passed" in html and "Not yet" in html  # both marks are in the table checked
    missing = sorted({c for c in html if ord(c) > 127} - {chr(code) for code in dejavu.get_charmap()})
    assert not missing, missing


def test_results_render_as_html_and_as_plain_text():
    result = grade_summary(with_(title="", learned="<b>bold</b> claim."))
    html = result._repr_html_()
    assert "✗</span> Not yet" in html and "✓</span> Passed" in html and "<b>bold" not in html
    assert "more" in html.lower() and "instructor" in html
    assert repr(result).startswith("RubricResult 5/9") and "MISS title" in repr(result)
    assert "Lindqvist" in full()._repr_html_() and "Title: Data engineer" in full().as_text()


def test_the_published_sample_answer_earns_nothing_but_its_questions_and_form():
    """Copying the instructor's sample answer (public in the source) earns no name or reflection."""
    from infoview_kit.graded_cells import sample_answer

    result = grade_summary(sample_answer())
    assert {p.id for p in result.points if not p.passed} == {"name", "learned", "apply"}


def _sentence_pairs(count: int = 1000) -> list[tuple[str, str]]:
    """Every pair of the sentences of the test summaries and the form's examples, and ``count``
    of those sentences and whole texts each against a rewording of itself (a fixed seed)."""
    import random

    from infoview_kit.rubric import DEFAULT_EXAMPLES, _sentences

    texts = list(DEFAULT_EXAMPLES.texts)
    for path in sorted((DATA / "summaries").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue  # the unreadable-file scenario
        texts += [data[key] for key in ("learned", "apply") if isinstance(data.get(key), str)]
        texts += [q for q in data.get("questions", []) if isinstance(q, str)]
    sentences = sorted({s for text in texts for s in _sentences(text)})
    chance = random.Random(11)
    pairs = [(a, b) for a in sentences for b in sentences]
    sentences += [text for text in texts if text.split()]
    for _ in range(count):
        sentence = chance.choice(sentences)
        words = sentence.split()
        for _ in range(chance.randint(1, 6)):
            words[chance.randrange(len(words))] = chance.choice(["the", "a", "my", "interview",
                                                                 "learned", ""])
        pairs += [(sentence, " ".join(words)), (" ".join(words), sentence)]
    return pairs


def test_near_duplicates_are_judged_exactly_as_difflibs_ratio_judges_them():
    """The fast comparison gives difflib's verdict on every pair, including those rapidfuzz's
    own ratio alone would call the same text (it scores a shared subsequence higher)."""
    import difflib

    from rapidfuzz import fuzz

    from infoview_kit.rubric import NEAR_DUPLICATE_RATIO, _near_duplicate, _words

    def normal(text):
        return " ".join(_words(text.lower()))

    def by_difflib(a, b):
        a, b = normal(a), normal(b)
        return bool(a and b) and difflib.SequenceMatcher(
            None, a, b, autojunk=False).ratio() >= NEAR_DUPLICATE_RATIO

    pairs = _sentence_pairs()
    disagreeing = [(a, b) for a, b in pairs if _near_duplicate(a, b) != by_difflib(a, b)]
    assert disagreeing == []
    # the boundary is exercised: pairs where rapidfuzz alone would give the other verdict
    borderline = [(a, b) for a, b in pairs if normal(a) and normal(b)
                  and (fuzz.ratio(normal(a), normal(b)) >= 80) != by_difflib(a, b)]
    assert len(borderline) >= 10
    assert sum(by_difflib(a, b) for a, b in pairs) >= 100
