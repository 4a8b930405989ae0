"""What the people of the class do through the hub, in Chromium: one function per step.

A student logs in, fetches ``interviews`` from the Assignments tab, fills notebook 4 through its
forms and submits; later fetches the feedback. A grader logs in and scores "Reflection quality"
in the formgrader service. Every answer goes through the page, never into a file directly.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from hub_accounts import Account
from hub_browser import (SCREENSHOTS, Lab, HubUserServer, list_rows, log_in, open_assignments,
                         screenshot, wait_lab, wait_rows)
from hub_class import ASSIGNMENT, COURSE_ID, Classroom

NOTEBOOK = "4_write_summary.ipynb"
VIEWPORT = {"width": 1400, "height": 2200}


@dataclass(frozen=True)
class Interview:
    """What one student types into notebook 4's forms (each student met someone else)."""

    first_name: str
    last_name: str
    title: str
    questions: tuple[str, ...]
    learned: str
    apply: str
    thank_you: str


INTERVIEWS = [
    Interview(
        "Amara", "Okafor", "Clinical data manager, Northside Hospital",
        ("How did you move from nursing into clinical data work?",
         "What does a normal week of data reviews look like for you?",
         "Which habits help you catch errors before a study closes?"),
        "Amara checks every new study's case report forms with the nurses before the first "
        "patient is enrolled. She said most data errors start with a form that is unclear at the "
        "bedside, not with the database. She learned R from colleagues over two years.",
        "I will volunteer to review the intake forms in my lab's next survey before it goes out. "
        "I will also take the free R course she recommended and write to her in six weeks with "
        "one thing I fixed.",
        "Dear Amara, thank you for the hour you gave me on Tuesday. Your advice to test a form "
        "with the people who fill it in changed how I see my lab's surveys. May I tell you in a "
        "few weeks how the review went? Warm regards, Sam"),
    Interview(
        "Hiroshi", "Tanaka", "Senior UX researcher, Kestrel Games",
        ("What led you from psychology into games research?",
         "How do you plan a playtest for a feature that is not built yet?",
         "What would you practise first if you were starting out now?"),
        "Hiroshi runs a small playtest every Friday with five players and a paper prototype. He "
        "said the hard part is saying no to questions the designers want answered too early. He "
        "keeps a shared log of every finding so nobody repeats a study.",
        "I will run a paper prototype test of my club's app idea with five classmates this "
        "month and keep a findings log the way he does. Then I will send him the log and ask "
        "what he would change.",
        "Hello Hiroshi, thanks a lot for talking with me last Thursday. Keeping one shared log "
        "of findings is something I will start with my own project right away. Could I send you "
        "my first log when it is done? All the best, Riley"),
]


def new_page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(60_000)
    return context, page


def student_logs_in(cls: Classroom, page, student: Account) -> float:
    """Log in and wait for the student's own JupyterLab; returns the seconds it took."""
    started = time.monotonic()
    log_in(page, cls.hub.url, student.name, student.password)
    wait_lab(page)
    cls.hub.wait_server_ready(student.name)
    return time.monotonic() - started


def fresh_lab(cls: Classroom, page, student: Account) -> None:
    """JupyterLab again with an empty workspace (no tabs restored from the last visit)."""
    page.goto(f"{cls.hub.url}/user/{student.name}/lab?reset")
    wait_lab(page)


def student_lab(cls: Classroom, page, student: Account) -> Lab:
    """The browser tests' notebook helpers, on this student's server behind the hub."""
    token = cls.tokens.get(student.name) or cls.hub.token_for(student.name)
    cls.tokens[student.name] = token
    server = HubUserServer(f"{cls.hub.url}/user/{student.name}", token, student.home, None)
    return Lab(server, page, student.home / COURSE_ID / ASSIGNMENT)


def fetch_from_assignments_tab(page, shot: str | None = None) -> None:
    """Fetch ``interviews`` with the Assignments tab's Fetch button."""
    open_assignments(page)
    rows = wait_rows(page, "released", 1)
    assert rows.first.locator(".item_name").inner_text().strip() == ASSIGNMENT
    assert rows.first.locator(".item_course").inner_text().strip() == COURSE_ID
    if shot:
        screenshot(page.locator("#jp-main-dock-panel"), shot)
    rows.first.locator(".item_status button").click()
    wait_rows(page, "fetched", 1)


def fill_summary(lab: Lab, interview: Interview) -> None:
    """Notebook 4 through its forms, as a student does it; ends saved with every check passed."""
    lab.open(NOTEBOOK)
    lab.run_all(allowed_errors=("RubricPointMissed",))
    page = lab.page
    lab.type_into(page.get_by_label("When you met"), "2026-11-24T15:00")
    lab.type_into(page.get_by_label("Thank-you note"), interview.thank_you)
    lab.type_into(page.get_by_label("Interviewee's first name"), interview.first_name)
    lab.type_into(page.get_by_label("Interviewee's last name"), interview.last_name)
    lab.type_into(page.get_by_label("Their title"), interview.title)
    lab.type_into(page.get_by_label("Questions you asked"), "\n".join(interview.questions))
    lab.type_into(page.get_by_label("What you learned"), interview.learned)
    lab.type_into(page.get_by_label("How you will apply it"), interview.apply)
    lab.wait_for_file(lab.work / "summary.json", contains=interview.apply[-30:])
    lab.wait_for_file(lab.work / "thank_you.json", contains=interview.thank_you[-20:])
    page.get_by_role("button", name="Check my summary").click()
    page.get_by_text("Self-check: 9 of 9 automatic points.").wait_for()
    lab.restart_and_run_all()
    lab.assert_clean()
    lab.save()


def submit_from_assignments_tab(page) -> None:
    open_assignments(page)
    rows = wait_rows(page, "fetched", 1)
    rows.first.locator(".item_status button", has_text="Submit").click()
    wait_rows(page, "submitted", 1)


def student_submits(cls: Classroom, browser, student: Account, interview: Interview,
                    shot: str | None = None) -> dict:
    """The whole student side up to submission; returns how long logging in took."""
    context, page = new_page(browser)
    try:
        seconds = student_logs_in(cls, page, student)
        fetch_from_assignments_tab(page, shot)
        lab = student_lab(cls, page, student)
        fill_summary(lab, interview)
        page.goto("about:blank")
        lab.server.shut_down_kernels()
        fresh_lab(cls, page, student)
        submit_from_assignments_tab(page)
        return {"login_to_lab_seconds": seconds}
    except BaseException:
        _keep_failure_screenshot(page, f"FAILED_hub_{student.role}_{student.name}")
        raise
    finally:
        context.close()


def _keep_failure_screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    except Exception:  # the page may be gone; the failure itself is what matters
        pass


def student_fetches_feedback(cls: Classroom, browser, student: Account,
                             shot: str | None = None) -> Path:
    """Fetch the released feedback from the Assignments tab; returns the fetched HTML file."""
    context, page = new_page(browser)
    try:
        log_in(page, cls.hub.url, student.name, student.password)
        wait_lab(page)
        fresh_lab(cls, page, student)
        open_assignments(page)
        # one row per submission in the student's own cache: a student who also filed one
        # under someone else's name sees that too, with no feedback for it
        ready = list_rows(page, "submitted").filter(has_text="feedback available to fetch")
        ready.first.wait_for()
        assert ready.count() == 1, page.locator("#submitted_assignments_list").inner_text()
        ready.first.locator("button", has_text="Fetch Feedback").click()
        page.locator("#submitted_assignments_list a", has_text="view feedback").first.wait_for()
        folder = student.home / COURSE_ID / ASSIGNMENT / "feedback"
        found = sorted(folder.glob(f"*/{NOTEBOOK.replace('.ipynb', '.html')}"))
        assert len(found) == 1, f"{student.name}: feedback files {found}"
        relative = found[0].relative_to(student.home).as_posix()
        page.goto(f"{cls.hub.url}/user/{student.name}/files/{relative}")
        page.get_by_text("Reflection quality").first.wait_for()
        if shot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{shot}.png"), full_page=True)
        return found[0]
    except BaseException:
        _keep_failure_screenshot(page, f"FAILED_hub_feedback_{student.name}")
        raise
    finally:
        context.close()


def grader_opens_formgrader(cls: Classroom, browser, grader: Account):
    """Log in and open the course's formgrader service; returns (context, page)."""
    context, page = new_page(browser)
    service = f"/services/{COURSE_ID}/formgrader"
    log_in(page, cls.hub.url, grader.name, grader.password, next_path=service)
    page.wait_for_url(f"**{service}**")
    page.locator("body").wait_for()
    return context, page


def submission_ids(page) -> dict[str, str]:
    """student id -> id of their notebook-4 submission, from the formgrader's own API."""
    listing = page.evaluate(
        """async (url) => {
            // behind JupyterHub (4.1 and later) a cookie counts for an API call only with the
            // page's XSRF token, as the formgrader's own scripts send it
            const xsrf = (document.cookie.match(/(?:^|; )_xsrf=([^;]*)/) || [])[1] || '';
            const r = await fetch(url, {credentials: 'same-origin', redirect: 'manual',
                                        headers: {'X-XSRFToken': decodeURIComponent(xsrf)}});
            return {status: r.status, body: await r.text()};
        }""", f"/services/{COURSE_ID}/formgrader/api/submitted_notebooks/{ASSIGNMENT}/"
                  f"{NOTEBOOK.removesuffix('.ipynb')}")
    assert listing["status"] == 200, listing
    return {item["student"]: item["id"] for item in json.loads(listing["body"])}


def open_submission(page, submission_id: str) -> None:
    page.goto(page.url.split("/formgrader")[0] + f"/formgrader/submissions/{submission_id}/")
    # the formgrader's scripts mark the score box once its grade is loaded and the box is
    # wired to save; a score typed before that is never sent
    page.locator("input#reflection_quality.needs_manual_grade").wait_for()


def score_reflection_together(pages_and_scores: list[tuple[object, float]]) -> None:
    """Several graders type a "Reflection quality" score at the same moment; wait for every
    save to be answered by the formgrader (each page sends its own PUT /api/grade/...)."""
    def is_save(response):
        return "/formgrader/api/grade/" in response.url and response.request.method == "PUT"

    waits = [page.expect_response(is_save, timeout=60_000) for page, _ in pages_and_scores]
    infos = [wait.__enter__() for wait in waits]
    # every score is typed before any answer is awaited: the saves are in flight together
    for page, score in pages_and_scores:
        page.evaluate("""(score) => {
            const input = document.querySelector('input#reflection_quality');
            input.value = String(score);
            input.dispatchEvent(new Event('change', {bubbles: true}));
        }""", score)
    for wait in waits:
        wait.__exit__(None, None, None)
    for info, (page, score) in zip(infos, pages_and_scores):
        response = info.value
        assert response.ok, f"saving {score} failed: {response.status} {response.text()[:300]}"
        assert json.loads(response.text())["manual_score"] == score
