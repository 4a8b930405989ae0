"""Does the feedback page a student opens show the rubric first, on the first screen?

The page is a real one: the class is autograded, a reflection graded with a comment as in the
formgrader, and ``infoview-kit feedback`` writes the HTML, which headless Chromium opens as the
student would open the file they fetched. The screenshot is the README's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from infoview_kit.rubric import RUBRIC

pytestmark = [pytest.mark.browser, pytest.mark.nbgrader]

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "docs" / "screenshots" / "4_write_summary_feedback.png"
#: A laptop's first screen.
SCREEN = {"width": 1280, "height": 800}
COMMENT = "Good detail on her week. Say which SQL skill you will practise first, and when."
NEVER_SHOWN = ["### BEGIN", "MARK SCHEME", "Read the summary shown above", "check_point(",
               "sample_answer", "Traceback", "RubricPointMissed", "Test cell"]


def test_the_rubric_is_on_the_first_screen_named_and_scored(autograded_course, grade_reflection,
                                                           browser):
    course = autograded_course
    grade_reflection(course, "ann", 3)
    grade_reflection(course, "ben", 2, comment=COMMENT)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    run = subprocess.run([sys.executable, "-m", "infoview_kit.cli", "feedback", "interviews"],
                         cwd=course, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    page_file = course / "feedback" / "ben" / "interviews" / "4_write_summary.html"

    context = browser.new_context(viewport=SCREEN)
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        rubric = page.locator("#rubric")
        box = rubric.bounding_box()
        assert box is not None and box["y"] >= 0
        assert box["y"] + box["height"] <= SCREEN["height"], \
            f"the rubric ends {box['y'] + box['height']:.0f} px down, below the first screen"
        assert "Your score: 9 of 12" in rubric.inner_text()
        for point, (title, points) in RUBRIC.items():
            line = rubric.locator(f'tr[data-point="rubric_{point}"]').inner_text()
            assert title in line, line
            assert ("0" if point == "questions" else str(points)) + f" / {points}" in line, line
        reflection = rubric.locator('tr[data-point="reflection_quality"]').inner_text()
        assert "Reflection quality" in reflection and "2 / 3" in reflection
        assert COMMENT in reflection
        summary = page.locator("#summary")
        assert summary.bounding_box()["y"] >= box["y"] + box["height"]  # the summary comes after
        assert "Interview with Maren Lindqvist" in summary.inner_text()
        text = page.locator("body").inner_text()
        for hidden in NEVER_SHOWN:
            assert hidden not in text, hidden
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
    finally:
        context.close()
