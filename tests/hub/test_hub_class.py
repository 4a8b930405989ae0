"""Does the whole class run on a real JupyterHub, with the gradebook on PostgreSQL?

Through the hub, in Chromium: two students log in, fetch ``interviews`` from the Assignments
tab, fill notebook 4's forms and submit; one of them also forges a submission under the other's
name. The instructor collects (``infoview-kit collect``) and autogrades (``infoview-kit grade``,
two processes) into PostgreSQL; the instructor and the TA, logged in through the hub, score
"Reflection quality" in the formgrader service at the same moment for different students.
Every automatic and manual grade must be in the gradebook afterwards; feedback is released and
each student fetches their own, only theirs. Then who may do what: students are refused the
formgrader and each other's work, the TA grades but does not administer the hub.

The steps are module fixtures run once, in the order a class lives them; each test checks one
promise about what they did.
"""

from __future__ import annotations

import pytest

from hub_accounts import run_as
from hub_class import ASSIGNMENT, COURSE_ID, Classroom, open_class
from class_environment import kit_location
import hub_steps as steps
from hub_browser import log_in
from hub_flows import INTERVIEWS, new_page

pytestmark = [pytest.mark.hub, pytest.mark.postgres, pytest.mark.browser, pytest.mark.nbgrader,
              pytest.mark.requires_root, pytest.mark.slow]

#: the "Reflection quality" score each grader gives (out of 3), by grader role
REFLECTION = {"instructor": 3.0, "ta": 2.0}


@pytest.fixture(scope="module")
def hub_class(hub_environment_dir):
    cls = open_class(hub_environment_dir, "postgres")
    yield cls
    cls.close()


@pytest.fixture(scope="module")
def submitted(hub_class: Classroom, hub_browser_instance):
    """Both students submit through the browser; the first also forges one as the second."""
    hub_browser_instance.call(steps.students_submit, hub_class, shot="hub_student_assignments_tab")
    return {"forged": steps.forge_submission(hub_class)}


@pytest.fixture(scope="module")
def collected(hub_class: Classroom, submitted):
    return steps.collect(hub_class)


@pytest.fixture(scope="module")
def graded(hub_class: Classroom, collected, hub_browser_instance):
    """Autograde with two processes; then the instructor and the TA score the reflections of
    different students at the same moment; then export."""
    autograde = steps.autograde(hub_class, jobs=2)
    first, second = hub_class.students
    graded_by = {"instructor": first.name, "ta": second.name}
    hub_browser_instance.call(
        steps.grade_reflections, hub_class,
        {role: [(student, REFLECTION[role])] for role, student in graded_by.items()},
        shot="hub_formgrader_through_the_hub")
    exported, rows = steps.export_grades(hub_class)
    return {"autograde": autograde, "export": exported, "rows": rows, "graded_by": graded_by}


@pytest.fixture(scope="module")
def feedback(hub_class: Classroom, graded, hub_browser_instance):
    return hub_browser_instance.call(steps.release_and_fetch_feedback, hub_class,
                                     shot="hub_released_feedback")


# --- the set-up itself ---------------------------------------------------------------------

def test_the_kit_runs_from_its_wheel_not_the_repository(hub_class: Classroom):
    """Every process of the hub imports the kit installed from the wheel into its environment."""
    location = kit_location(hub_class.environment)
    assert location.is_relative_to(hub_class.environment / "lib"), location
    done = run_as(hub_class.grader, [str(hub_class.environment / "bin" / "pip"), "show", "-f",
                                     "infoview_kit"], path=hub_class.bin_path)
    assert "Editable project location" not in done.stdout, done.stdout


def test_the_gradebook_is_the_postgresql_database(hub_class: Classroom):
    """generate_assignment wrote the assignment into PostgreSQL; no SQLite file was made."""
    assert not (hub_class.course / "gradebook.db").exists()
    names = hub_class.postgres.sql("SELECT name FROM assignment", database="infoview_gradebook")
    assert names.split() == [ASSIGNMENT]


# --- the students, in the browser -----------------------------------------------------------

def test_each_student_submits_through_the_hub(hub_class: Classroom, submitted):
    inbound = hub_class.exchange / COURSE_ID / "inbound"
    owners = {}
    for entry in inbound.iterdir():
        owners.setdefault(entry.name.split("+")[0], set()).add(entry.stat().st_uid)
    first, second = hub_class.students
    assert owners[first.name] == {first.uid}
    # the second student's own submission and the forgery, owned by the first student
    assert owners[second.name] == {second.uid, first.uid}


def test_a_forged_submission_is_refused_at_collect(hub_class: Classroom, submitted, collected):
    """nbgrader accepts the forgery; infoview-kit collect names and refuses it."""
    first, second = hub_class.students
    assert submitted["forged"].returncode == 0, submitted["forged"].stderr
    assert collected.returncode == 1, collected.stdout + collected.stderr
    refused = [line for line in collected.stdout.splitlines() if line.startswith("REFUSED")]
    assert len(refused) == 1, collected.stdout
    assert f"claims to be from {second.name!r}" in refused[0]
    assert f"owned by Unix user {first.name!r}" in refused[0]
    submitted_summary = hub_class.course / "submitted" / second.name / ASSIGNMENT / "my_work" / "summary.json"
    assert INTERVIEWS[1].last_name in submitted_summary.read_text()


# --- grading ------------------------------------------------------------------------------

def test_every_automatic_and_manual_grade_is_in_the_gradebook(hub_class: Classroom, graded):
    assert graded["autograde"].returncode == 0, graded["autograde"].stdout + graded["autograde"].stderr
    assert "2 graded" in graded["autograde"].stdout, graded["autograde"].stdout
    assert graded["export"].returncode == 0, graded["export"].stdout + graded["export"].stderr
    rows = graded["rows"]
    for role, student in graded["graded_by"].items():
        row = rows[student]
        assert row["status"] == "graded", row
        assert float(row["reflection_quality"]) == REFLECTION[role], row
        automatic = [name for name in row if name.startswith("rubric_")]
        assert len(automatic) == 6 and all(float(row[name]) > 0 for name in automatic), row
        assert float(row["total"]) == 9 + REFLECTION[role], row


def test_formgrader_grades_were_saved_by_the_service_in_postgresql(hub_class: Classroom, graded):
    """The manual scores are rows of the PostgreSQL gradebook, one per student, none lost."""
    scores = hub_class.postgres.sql(
        "SELECT s.student_id, g.manual_score FROM grade g "
        "JOIN submitted_notebook n ON g.notebook_id = n.id "
        "JOIN submitted_assignment s ON n.assignment_id = s.id "
        "JOIN base_cell c ON g.cell_id = c.id "
        "WHERE c.name = 'reflection_quality' ORDER BY s.student_id",
        database="infoview_gradebook")
    found = dict(line.split("|") for line in scores.split())
    expected = {student: REFLECTION[role] for role, student in graded["graded_by"].items()}
    assert {k: float(v) for k, v in found.items()} == expected


# --- feedback -----------------------------------------------------------------------------

def test_each_student_fetches_their_own_feedback_only(hub_class: Classroom, feedback):
    first, second = hub_class.students
    for student, own, other in ((first, INTERVIEWS[0], INTERVIEWS[1]),
                                (second, INTERVIEWS[1], INTERVIEWS[0])):
        html = feedback[student.name]
        assert own.last_name in html and own.title in html
        assert other.last_name not in html and other.title not in html


# --- who may do what ----------------------------------------------------------------------

def _status_in_browser(cls: Classroom, browser, account, path: str) -> tuple[int, str]:
    context, page = new_page(browser)
    try:
        log_in(page, cls.hub.url, account.name, account.password, next_path=path)
        page.wait_for_load_state("networkidle")
        response = page.goto(f"{cls.hub.url}{path}")
        return response.status, page.locator("body").inner_text()
    finally:
        context.close()


def test_a_student_is_refused_the_formgrader(hub_class: Classroom, submitted, hub_browser_instance):
    student = hub_class.students[0]
    status, text = hub_browser_instance.call(_status_in_browser, hub_class, student,
                                             f"/services/{COURSE_ID}/formgrader")
    assert status == 403, (status, text[:500])
    assert "Reflection quality" not in text and "Manage Assignments" not in text


def test_the_ta_grades_but_does_not_administer_the_hub(hub_class: Classroom, hub_browser_instance):
    ta = hub_class.accounts["ta"]
    status, text = hub_browser_instance.call(_status_in_browser, hub_class, ta,
                                             f"/services/{COURSE_ID}/formgrader/manage_assignments")
    assert status == 200 and "Manage Assignments" in text, (status, text[:500])
    status, text = hub_browser_instance.call(_status_in_browser, hub_class, ta, "/hub/admin")
    assert status == 403, (status, text[:300])
    token = hub_class.hub.token_for(ta.name)
    assert hub_class.hub.api("GET", "/users", token=token)[0] == 403
    instructor = hub_class.accounts["instructor"]
    status, _ = hub_browser_instance.call(_status_in_browser, hub_class, instructor, "/hub/admin")
    assert status == 200


def test_a_student_cannot_read_another_students_work(hub_class: Classroom, submitted):
    """Not in the exchange (inbound can't be listed), not in their home (mode 700), not in the
    gradebook (the database lets in only the grader account)."""
    first, second = hub_class.students
    inbound = hub_class.exchange / COURSE_ID / "inbound"
    listing = run_as(second, ["ls", str(inbound)], check=False)
    assert listing.returncode != 0 and "Permission denied" in listing.stderr, listing
    own = first.home / COURSE_ID / ASSIGNMENT / "my_work" / "summary.json"
    assert own.is_file()
    peek = run_as(second, ["cat", str(own)], check=False)
    assert peek.returncode != 0 and "Permission denied" in peek.stderr, peek
    psql = str(hub_class.postgres.socket_dir)
    database = run_as(second, ["psql", "-h", psql, "-p", str(hub_class.postgres.port),
                               "-d", "infoview_gradebook", "-c", "SELECT 1"], check=False)
    assert database.returncode != 0, database
    assert "authentication failed" in database.stderr or "does not exist" in database.stderr
