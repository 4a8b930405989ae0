"""The course's feedback page: the rubric first, named and scored, then the summary as graded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from traitlets.config import Config

from infoview_kit.grading.feedback_page import (TEMPLATE_NAME, FeedbackExporter, RubricFeedback,
                                                configure)
from infoview_kit.grading.preprocessors import configure as configure_course
from infoview_kit.rubric import RUBRIC

#: Text of the notebook's code and of the instructor's mark scheme: never on a student's page.
NEVER_SHOWN = ["### BEGIN", "MARK SCHEME", "Read the summary shown above", "check_point(",
               "use_answer", "sample_answer", "Traceback", "RubricPointMissed", "Test cell"]
COMMENT = "Specific and concrete; now tie the plan to what she told you."


@pytest.fixture(scope="module")
def pages(autograded_course, grade_reflection, tmp_path_factory) -> Path:
    """Feedback written by plain ``nbgrader generate_feedback`` (the course config alone), with
    ann's reflection graded and commented, ben's not yet, and cat handed in no summary."""
    course = Path(shutil.copytree(autograded_course, tmp_path_factory.mktemp("pages") / "c"))
    grade_reflection(course, "ann", 3, comment=COMMENT)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_feedback", "interviews"],
                   cwd=course, env=env, check=True, capture_output=True, timeout=600)
    return course / "feedback"


def _page(pages: Path, student: str, notebook: str = "4_write_summary") -> str:
    return (pages / student / "interviews" / f"{notebook}.html").read_text(encoding="utf-8")


def _row(page: str, grade_id: str) -> str:
    match = re.search(rf'<tr class="point [^"]*" data-point="{grade_id}">(.*?)</tr>', page, re.S)
    assert match, f"no rubric line for {grade_id}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


@pytest.mark.nbgrader
@pytest.mark.slow
def test_the_page_opens_with_the_rubric_one_named_scored_line_per_point(pages):
    page = _page(pages, "ann")
    score, summary = page.index("Your score: 12 of 12"), page.index("Your summary, as graded")
    assert score < summary
    for point, (title, points) in RUBRIC.items():
        row = _row(page, f"rubric_{point}")
        assert title in row and f"{points} / {points}" in row
        assert score < page.index(title) < summary
    reflection = _row(page, "reflection_quality")
    assert reflection.startswith("✓ Reflection quality") and "3 / 3" in reflection
    assert COMMENT in reflection
    assert "Interview with" in page[summary:]  # then the summary the grader read
    body = page[page.index("<body>"):]  # (the head's highlighter CSS names "Generic.Traceback")
    for text in NEVER_SHOWN:
        assert text not in body, text


@pytest.mark.nbgrader
@pytest.mark.slow
def test_a_point_not_earned_says_why_and_an_ungraded_one_says_so(pages):
    page = _page(pages, "ben")
    assert "Your score: 7 of 12 so far" in page
    assert "Still to be graded by your instructor: Reflection quality" in re.sub(r"\s+", " ", page)
    questions = _row(page, "rubric_questions")
    assert "0 / 2" in questions and "you have 2" in questions
    assert "not graded yet (of 3)" in _row(page, "reflection_quality")


@pytest.mark.nbgrader
@pytest.mark.slow
def test_no_summary_is_a_plain_zero_not_a_grade_to_wait_for(pages):
    page = _page(pages, "cat")
    assert "not graded yet" not in page and "so far" not in page
    assert "No summary was submitted, so there was nothing to grade." in page
    assert "0 / 3" in _row(page, "reflection_quality")


@pytest.mark.nbgrader
@pytest.mark.slow
def test_an_ungraded_notebook_points_to_the_page_with_the_grade(pages):
    page = _page(pages, "ann", "1_find_people")
    assert "Nothing in this notebook is graded" in page
    assert 'href="4_write_summary.html"' in page
    assert "from infoview_kit import" not in page and "Test cell" not in page


def test_the_course_template_wins_over_the_one_nbgrader_and_its_formgrader_set():
    """nbgrader sets ``HTMLExporter.template_name = 'feedback'`` itself (the formgrader's
    *Generate Feedback* button too); the course's exporter keeps its own template."""
    c = Config()
    configure_course(c)
    configure_course(c)  # twice is the same as once
    assert c.GenerateFeedback.exporter_class is FeedbackExporter
    steps = c.GenerateFeedback.preprocessors
    from nbgrader.preprocessors import ClearMarkScheme, GetGrades

    assert steps.count(RubricFeedback) == 1
    assert steps.index(RubricFeedback) > max(steps.index(GetGrades), steps.index(ClearMarkScheme))
    assert "template_name" not in c.HTMLExporter  # the formgrader's own pages are left alone
    c.HTMLExporter.template_name = "feedback"
    assert FeedbackExporter(config=c).template_name == TEMPLATE_NAME


def test_a_course_may_choose_its_own_template():
    c = Config()
    c.FeedbackExporter.template_name = "my_feedback"
    c.GenerateFeedback.preprocessors = []
    configure(c)
    assert c.FeedbackExporter.template_name == "my_feedback"


def _render(page: dict, cells=(), **scores) -> str:
    """The course template alone, on ``page`` as :class:`RubricFeedback` would leave it."""
    from nbformat.v4 import new_notebook

    c = Config()
    configure(c)
    nbgrader = {"student": "ann", "assignment": "interviews", "notebook": "nb", "score": 1.0,
                "max_score": 2.0, "late_penalty": 0.0, **scores}
    resources = {"nbgrader": nbgrader, "feedback_page": page}
    return FeedbackExporter(config=c).from_notebook_node(new_notebook(cells=list(cells)),
                                                         resources=resources)[0]


def _page_data(*points: tuple[str, float, float], **changes) -> dict:
    lines = [{"id": name, "title": name, "score": score, "points": of, "pending": False,
              "reason": "", "comment": "", "icon": "i", "colour": "#000", "state": "tip"}
             for name, score, of in points]
    page = {"title": "5 · An exercise", "points": lines, "pending": [], "summary": None,
            "comments": [], "graded_elsewhere": [], "pending_marker": ""}
    return {**page, **changes}


def test_a_notebook_graded_by_its_own_code_shows_its_scores_then_the_notebook():
    """A course's own code exercise keeps its rubric line (by cell id, no test text), then its
    cells."""
    from nbformat.v4 import new_code_cell

    html = _render(_page_data(("add_test", 1.0, 2.0)),
                   [new_code_cell("def add(a, b):\n    return a + b")])
    assert html.index('data-point="add_test"') < html.index("return")
    assert "1 / 2" in html and "Your score: 1 of 2" in html


def test_a_late_penalty_is_its_own_line():
    page = _page_data(("rubric_name", 1.0, 1.0), summary="<p>the summary</p>")
    assert "Late submission penalty" not in _render(page)
    html = _render(page, score=0.5, max_score=1.0, late_penalty=0.5)
    assert "Late submission penalty" in html and "\u22120.5" in html
