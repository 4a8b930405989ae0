"""The summary's data shape and the rubric: one point per rule, each with a line on how to fix it."""

from __future__ import annotations

import json

import pytest

from kit_paths import DATA
from infoview_kit.storage import SavedWorkError
from infoview_kit.summary import (
    EXAMPLE_APPLY, EXAMPLE_LEARNED, RUBRIC, InterviewSummary, RubricPointMissed, SummaryError,
    check_point, grade_summary, load_summary, save_summary, show_summary, use_answer)

SUMMARIES = DATA / "summaries"


def full() -> InterviewSummary:
    return InterviewSummary.from_dict(json.loads((SUMMARIES / "full_marks.json").read_text()))


def missed(summary: InterviewSummary) -> list[str]:
    return [p.id for p in grade_summary(summary).points if not p.passed]


def with_(**changes) -> InterviewSummary:
    return InterviewSummary.from_dict({**full().to_dict(), **changes})


@pytest.fixture(autouse=True)
def _no_sample_answer():
    use_answer(None)
    yield
    use_answer(None)


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


@pytest.mark.parametrize("data, field", [
    ([], ""), ({"first_name": 3}, "first_name"), ({"questions": "x" * 7000}, "questions"),
    ({"learned": "x" * 7000}, "learned"), ({"questions": {"a": 1}}, "questions"),
])
def test_bad_shapes_are_refused_naming_the_field(data, field):
    with pytest.raises(SummaryError) as info:
        InterviewSummary.from_dict(data)
    assert info.value.field == field and info.value.message


def test_questions_are_cleaned_and_may_come_as_lines():
    summary = InterviewSummary(questions="  How?\n\nWhy?  \n")
    assert summary.questions == ["How?", "Why?"]


def test_save_and_load_round_trip_through_the_work_folder(work_dir):
    save_summary(full())
    assert (work_dir / "summary.json").exists()
    assert load_summary() == full()


def test_loading_nothing_gives_an_empty_summary_and_a_broken_file_is_left_alone(work_dir):
    assert load_summary().is_empty()
    (work_dir / "summary.json").write_text("{oops")
    with pytest.raises(SavedWorkError):
        load_summary()
    assert (work_dir / "summary.json").read_text() == "{oops"
    assert "could not be read" in repr(show_summary())


def test_check_point_prints_a_line_for_each_point_while_the_student_works(work_dir, capsys):
    save_summary(with_(title=""))
    check_point("name")
    check_point("title")
    out = capsys.readouterr().out
    assert "✓ The interviewee's real first and last name" in out
    assert "✗ Not yet. The interviewee's title: Add the interviewee's job title" in out


def test_under_nbgrader_a_missed_point_is_a_one_line_error(work_dir, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    save_summary(with_(title=""))
    check_point("name")
    with pytest.raises(RubricPointMissed) as info:
        check_point("title")
    assert info.value._render_traceback_() == [str(info.value)]
    assert "job title" in str(info.value)


def test_use_answer_grades_the_sample_only_under_validate_and_writes_no_file(work_dir,
                                                                            monkeypatch):
    use_answer(full())
    assert show_summary().is_empty()  # someone working in the source notebook sees their own
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    use_answer(full())
    check_point("apply")
    assert show_summary() == full()
    assert not (work_dir / "summary.json").exists()


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
    from infoview_kit.summary import grade_summary, sample_answer

    result = grade_summary(sample_answer())
    assert {p.id for p in result.points if not p.passed} == {"name", "learned", "apply"}


def test_the_sample_answer_passes_every_point_under_nbgrader_validate(monkeypatch, work_dir, capsys):
    """The source notebook's solution still validates: under validate the sample is not an example."""
    from infoview_kit import summary

    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    monkeypatch.setattr(summary, "_answer_override", None)
    summary.use_answer(summary.sample_answer())
    for point_id in summary.RUBRIC:
        summary.check_point(point_id)  # raises RubricPointMissed on a missed point
    assert capsys.readouterr().out.count("✓") == len(summary.RUBRIC)
    monkeypatch.delenv("NBGRADER_EXECUTION")
    summary.use_answer(summary.sample_answer())  # outside validate it is ignored
    assert summary._answer_override is None
