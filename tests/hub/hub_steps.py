"""The class's steps, in the order a class lives them; each test module runs them on its hub.

Each returns what the tests check (a command's result, the grades exported, what a student
fetched) and records how long it took in ``cls.timings``.
"""

from __future__ import annotations

import csv
import io

from hub_browser import screenshot
from hub_class import ASSIGNMENT, COURSE_ID, Classroom
from hub_flows import (INTERVIEWS, grader_opens_formgrader, open_submission,
                       score_reflection_together, student_fetches_feedback, student_submits,
                       submission_ids)


def students_submit(cls: Classroom, browser, shot: str | None = None) -> None:
    """Every student logs in, fetches, fills notebook 4 and submits, in the browser."""
    for index, (student, interview) in enumerate(zip(cls.students, INTERVIEWS)):
        with cls.step(f"student {index + 1}: log in, fetch, fill notebook 4, submit"):
            timing = student_submits(cls, browser, student, interview,
                                     shot=shot if index == 0 else None)
        cls.timings[f"student {index + 1}: login to own JupyterLab usable"] = round(
            timing["login_to_lab_seconds"], 1)


def forge_submission(cls: Classroom):
    """From a terminal in their own server, the first student files work under the second's
    name. The JupyterHubAuthPlugin is in the student's own config, so they just switch it off."""
    first, second = cls.students[:2]
    return cls.in_server_of(first, "nbgrader", "submit", ASSIGNMENT, f"--course={COURSE_ID}",
                            f"--student={second.name}",
                            "--Authenticator.plugin_class=nbgrader.auth.NoAuthPlugin",
                            check=False)


def collect(cls: Classroom):
    with cls.step("infoview-kit collect"):
        return cls.as_grader("infoview-kit", "collect", ASSIGNMENT, check=False)


def autograde(cls: Classroom, jobs: int):
    with cls.step(f"infoview-kit grade --jobs {jobs}"):
        return cls.as_grader("infoview-kit", "grade", ASSIGNMENT, "--jobs", str(jobs),
                             check=False)


def grade_reflections(cls: Classroom, browser, plan: dict[str, list[tuple[str, float]]],
                      shot: str | None = None) -> None:
    """Graders (by role) score "Reflection quality" in the formgrader service through the hub.

    ``plan`` maps a grader's role to the (student, score) pairs they grade, in order; the
    graders' n-th scores are typed at the same moment, so their saves are in flight together.
    """
    pages = {}
    with cls.step(f"{len(plan)} grader(s): log in, open the formgrader, score reflections"):
        try:
            for role in plan:
                pages[role] = grader_opens_formgrader(cls, browser, cls.accounts[role])
            first_page = pages[next(iter(plan))][1]
            if shot:
                screenshot(first_page.locator("body"), shot)
            ids = submission_ids(first_page)
            for turn in range(max(len(items) for items in plan.values())):
                together = []
                for role, items in plan.items():
                    if turn < len(items):
                        student, score = items[turn]
                        open_submission(pages[role][1], ids[student])
                        together.append((pages[role][1], score))
                score_reflection_together(together)
                if shot and turn == 0:
                    screenshot(first_page.locator("body"), f"{shot}_grading")
        finally:
            for context, _ in pages.values():
                context.close()


def export_grades(cls: Classroom) -> tuple[object, dict[str, dict]]:
    """``infoview-kit export`` as the grader; (its result, the CSV's rows by student id)."""
    exported = cls.as_grader("infoview-kit", "export", ASSIGNMENT, "--out", "grades.csv",
                             "--canvas", "canvas.csv", check=False)
    rows = {}
    if exported.returncode == 0:
        text = (cls.course / "grades.csv").read_text()
        rows = {row["student_id"]: row for row in csv.DictReader(io.StringIO(text))}
    return exported, rows


def release_and_fetch_feedback(cls: Classroom, browser, shot: str | None = None) -> dict[str, str]:
    """generate_feedback and release_feedback as the grader; each student fetches theirs in the
    browser. Returns each student's fetched feedback HTML."""
    with cls.step("nbgrader generate_feedback and release_feedback"):
        cls.as_grader("nbgrader", "generate_feedback", ASSIGNMENT)
        cls.as_grader("nbgrader", "release_feedback", ASSIGNMENT)
    fetched = {}
    for index, student in enumerate(cls.students):
        with cls.step(f"student {index + 1}: fetch feedback in the browser"):
            fetched[student.name] = student_fetches_feedback(
                cls, browser, student, shot=shot if index == 0 else None).read_text()
    return fetched
