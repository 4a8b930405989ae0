"""Grade the summary in the grader's own process, where the student's code cannot reach.

With plain nbgrader the test cells run inside the student's kernel, so anything the student ran
first (a shadowed builtin, an input transformer turning every later cell into ``pass``) can fake
what they compute. The summary is data, so it is graded as data, in two nbgrader steps:

1. :class:`SnapshotSubmittedSummary` (a *sanitize* step, before any of this student's code runs)
   reads ``my_work/summary.json`` from the submitted folder and stores it in the notebook's
   metadata, replacing whatever the submission carried under that key.
2. :class:`RubricGrader` (an *autograde* step, right after execution) takes the snapshot out of
   the metadata, runs :func:`~infoview_kit.rubric.grade_summary` on it, and overwrites the
   outputs of the answer cell and of every rubric test cell. A point earned becomes a friendly
   line on stdout (full marks); a point missed becomes an error output whose whole text is the
   feedback line (zero). nbgrader's own ``SaveAutoGrades`` then records exactly that, so the
   gradebook, the formgrader and the feedback keep working unchanged.

:func:`execute_when_needed` wraps nbgrader's Execute step (or a sandboxed one) so that a notebook
is executed only when a score depends on running it: notebooks without graded cells (the
course's first three) and notebooks whose graded cells are all data-graded (notebook 4: the
rubric cells, the answer cell and the manual task) never start a kernel, so no student code
runs on the grader's machine for them. A notebook with any other graded code cell (an
instructor's code exercise, say) is executed as nbgrader always does. The decision is made per
notebook, from its cells as restored from the gradebook, and logged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import ClearSolutions, NbGraderPreprocessor
from traitlets import Integer

from ..storage import WORK_DIR_NAME
from .cells import SUMMARY_STATUS_KEY, cells_needing_a_kernel, grade_id, is_graded_cell
from ..graded_cells import ANSWER_CELL_ID, RUBRIC_CELL_PREFIX
from ..rubric import RUBRIC, grade_summary
from ..summary import SUMMARY_FILE, InterviewSummary, SummaryError

#: Notebook metadata key holding the grader's snapshot of the submitted summary.
SNAPSHOT_KEY = "infoview_submitted_summary"


def _has_rubric_cells(nb) -> bool:
    return any(grade_id(cell).startswith(RUBRIC_CELL_PREFIX) for cell in nb.cells)


def read_submitted_summary(folder: str | os.PathLike, max_bytes: int = 1_000_000) -> dict:
    """Read ``my_work/summary.json`` under ``folder`` into a snapshot dict; never raises.

    The snapshot is ``{"status": "ok", "summary": {...}}``, ``{"status": "missing"}`` or
    ``{"status": "unreadable", "message": "..."}``: a broken file is a clear line for the student
    and the instructor, not a crash that stops the class's grading.
    """
    path = Path(folder) / WORK_DIR_NAME / SUMMARY_FILE
    try:
        if path.is_symlink():
            return {"status": "unreadable",
                    "message": f"{WORK_DIR_NAME}/{SUMMARY_FILE} is a link, not the saved file."}
        if not path.exists():
            return {"status": "missing"}
        if path.stat().st_size > max_bytes:
            return {"status": "unreadable",
                    "message": f"{WORK_DIR_NAME}/{SUMMARY_FILE} is larger than a summary can be."}
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        summary = InterviewSummary.from_dict(data)
    except (OSError, UnicodeDecodeError) as exc:
        return {"status": "unreadable", "message": f"{WORK_DIR_NAME}/{SUMMARY_FILE} could not be "
                                                   f"read ({type(exc).__name__})."}
    except json.JSONDecodeError as exc:
        return {"status": "unreadable", "message": f"{WORK_DIR_NAME}/{SUMMARY_FILE} is not valid "
                                                   f"JSON ({exc.msg} at line {exc.lineno})."}
    except (SummaryError, TypeError, ValueError) as exc:
        return {"status": "unreadable",
                "message": f"{WORK_DIR_NAME}/{SUMMARY_FILE} is not a summary: {exc}"}
    return {"status": "ok", "summary": summary.to_dict()}


class SnapshotSubmittedSummary(NbGraderPreprocessor):
    """Sanitize step: copy the submitted summary into the notebook before any code runs.

    Put it after ``OverwriteCells`` in ``Autograde.sanitize_preprocessors``, so that the rubric
    cells it looks for are the restored ones. The submission's own value under
    :data:`SNAPSHOT_KEY`, if any, is always dropped: a student cannot plant a snapshot.
    """

    max_bytes = Integer(1_000_000, help="Largest summary.json read, in bytes.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        nb.metadata.pop(SNAPSHOT_KEY, None)
        nb.metadata.pop(SUMMARY_STATUS_KEY, None)  # only the grader writes it
        if _has_rubric_cells(nb):
            folder = resources.get("metadata", {}).get("path") or "."
            nb.metadata[SNAPSHOT_KEY] = read_submitted_summary(folder, self.max_bytes)
        return nb, resources


def _stream(text: str) -> NotebookNode:
    return from_dict({"output_type": "stream", "name": "stdout", "text": text + "\n"})


def _error(text: str) -> NotebookNode:
    # the traceback is the feedback line alone: no code, no assert, no frames
    return from_dict({"output_type": "error", "ename": "RubricPointMissed", "evalue": text,
                      "traceback": [text]})


def _display(summary: InterviewSummary | None, message: str) -> NotebookNode:
    if summary is None:
        html, text = f"<p><strong>{message}</strong></p>", message
    else:
        html, text = summary._repr_html_(), summary.as_text()
    return from_dict({"output_type": "display_data", "metadata": {},
                      "data": {"text/html": html, "text/plain": text}})


class RubricGrader(NbGraderPreprocessor):
    """Autograde step: grade the snapshot and overwrite the rubric cells' outputs.

    Put it right after the Execute step in ``Autograde.autograde_preprocessors`` (before
    ``SaveAutoGrades``, which reads the outputs this step writes).
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        snapshot = nb.metadata.pop(SNAPSHOT_KEY, None)
        if not _has_rubric_cells(nb):
            return nb, resources
        summary, problem = None, ""
        status = (snapshot or {}).get("status")
        if status == "ok":
            summary = InterviewSummary.from_dict(snapshot["summary"])
        elif status == "missing":
            problem = f"No summary was submitted ({WORK_DIR_NAME}/{SUMMARY_FILE} is missing)."
        elif status == "unreadable":
            problem = f"The submitted summary could not be read: {snapshot.get('message', '')}"
        else:  # the sanitize step did not run: a configuration problem, never a student's
            problem = ("The grader found no snapshot of the submitted summary; check that "
                       "SnapshotSubmittedSummary is in Autograde.sanitize_preprocessors.")
            self.log.error(problem)
        result = grade_summary(summary) if summary is not None else None
        resources.setdefault("infoview", {})["summary_status"] = status or "no snapshot"
        # kept in the autograded copy, so an export can tell "no answer" from a poor one
        nb.metadata[SUMMARY_STATUS_KEY] = status or "no snapshot"

        for cell in nb.cells:
            name = grade_id(cell)
            if cell.cell_type != "code":
                continue
            if name == ANSWER_CELL_ID:
                cell.outputs = [_display(summary, problem)]
            elif name.startswith(RUBRIC_CELL_PREFIX):
                point_id = name[len(RUBRIC_CELL_PREFIX):]
                if point_id not in RUBRIC:
                    cell.outputs = [_error(f"Unknown rubric point {point_id!r}: a person should "
                                           "grade this cell.")]
                elif result is None:
                    cell.outputs = [_error(f"{RUBRIC[point_id][0]}: {problem}")]
                else:
                    point = result[point_id]
                    cell.outputs = ([_stream(f"✓ {point.title}: {point.feedback}")] if point.passed
                                    else [_error(f"{point.title}: {point.feedback}")])
        return nb, resources


_WRAPPED: dict[type, type] = {}


def execution_decision(nb) -> tuple[bool, str]:
    """Whether ``nb`` must be executed for its scores, and why (a phrase for the log)."""
    by_kernel = cells_needing_a_kernel(nb.cells)
    if by_kernel:
        return True, f"{', '.join(by_kernel)} {'is' if len(by_kernel) == 1 else 'are'} graded " \
                     "by running its code"
    graded = [grade_id(cell) or "(no id)" for cell in nb.cells if is_graded_cell(cell)]
    if not graded:
        return False, "it has no graded cells"
    return False, (f"its graded cells ({', '.join(graded)}) are graded from the submitted "
                   f"{WORK_DIR_NAME}/{SUMMARY_FILE} or by a person, so none of the student's "
                   "code runs")


def execute_when_needed(execute_class: type) -> type:
    """Return a subclass of ``execute_class`` that executes a notebook only when a score needs it.

    Works on nbgrader's ``Execute`` and on any subclass of it (a sandboxed one, say), so it can
    wrap whatever Execute step the configuration already holds. The decision is
    :func:`execution_decision`, logged for every notebook.
    """
    if getattr(execute_class, "_decides_execution", False):
        return execute_class
    if execute_class not in _WRAPPED:
        def preprocess(self, nb, resources):
            name = resources.get("nbgrader", {}).get("notebook", "notebook")
            needed, why = execution_decision(nb)
            if not needed:
                self.log.info("Not executing %s: %s", name, why)
                return nb, resources
            self.log.info("Executing %s with %s: %s", name, execute_class.__name__, why)
            return execute_class.preprocess(self, nb, resources)

        _WRAPPED[execute_class] = type(
            f"WhenNeeded{execute_class.__name__}", (execute_class,),
            {"preprocess": preprocess, "_decides_execution": True, "__module__": __name__,
             "__doc__": f"{execute_class.__name__}, run only when a score needs the kernel."})
    return _WRAPPED[execute_class]


def _default_steps(c, section: str, trait: str) -> list:
    from nbgrader.converters import Autograde

    steps = c[section].get(trait) if section in c else None
    return list(steps) if steps else list(getattr(Autograde, trait).default())


def _is_step(step, cls) -> bool:
    return isinstance(step, type) and issubclass(step, cls)


def configure(c) -> None:
    """Put the rubric steps into an nbgrader config ``c`` (call it in ``nbgrader_config.py``).

    Adds :class:`SnapshotSubmittedSummary` after ``OverwriteCells`` (sanitize),
    :class:`RubricGrader` right after the Execute step (autograde), wraps that Execute step with
    :func:`execute_when_needed`, hides hidden tests from the feedback and sets the course's
    feedback page (:mod:`.feedback_page`). It edits the lists already in
    ``c`` (or nbgrader's defaults), so it composes with other steps: call it after any line
    that swaps the Execute step (a sandbox, say), so the wrapped step is the final one. In the
    release, the answer cell gets :data:`ANSWER_POINTER` (:class:`ClearAnswerToPointer`).
    """
    from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, Execute, OverwriteCells

    sanitize = [s for s in _default_steps(c, "Autograde", "sanitize_preprocessors")
                if s is not SnapshotSubmittedSummary]
    at = next(i for i, s in enumerate(sanitize) if _is_step(s, OverwriteCells))
    c.Autograde.sanitize_preprocessors = sanitize[:at + 1] + [SnapshotSubmittedSummary] + sanitize[at + 1:]

    autograde = [s for s in _default_steps(c, "Autograde", "autograde_preprocessors")
                 if s is not RubricGrader]
    at = next(i for i, s in enumerate(autograde) if _is_step(s, Execute))
    autograde[at] = execute_when_needed(autograde[at])
    c.Autograde.autograde_preprocessors = autograde[:at + 1] + [RubricGrader] + autograde[at + 1:]

    # feedback: neither hidden test code (the rubric cells hold none, but a course may add
    # some) nor the grader's mark scheme (restored into the autograded copy from the gradebook)
    # reaches a student; both must be cleared before the HTML is rendered
    from nbgrader.converters import GenerateFeedback

    feedback = list(c.GenerateFeedback.get("preprocessors")
                    or GenerateFeedback.preprocessors.default())
    for step in (ClearMarkScheme, ClearHiddenTests):
        if step not in feedback:
            feedback.insert(0, step)
    c.GenerateFeedback.preprocessors = feedback
    # the course's page (rubric first); its step reads what GetGrades and ClearMarkScheme leave
    from . import feedback_page

    feedback_page.configure(c)

    if not c.GenerateAssignment.get("post_convert_hook"):
        c.GenerateAssignment.post_convert_hook = drop_saved_work

    from nbgrader.converters import GenerateAssignment

    steps = c.GenerateAssignment.get("preprocessors") or GenerateAssignment.preprocessors.default()
    c.GenerateAssignment.preprocessors = [
        ClearAnswerToPointer if step in (ClearSolutions, "nbgrader.preprocessors.ClearSolutions")
        else step for step in steps]


#: What the released answer cell says where the sample answer was.
ANSWER_POINTER = "# Nothing to type here: your answer is the summary saved by the form above."


class ClearAnswerToPointer(ClearSolutions):
    """nbgrader's ClearSolutions, leaving a pointer in the answer cell instead of the code stub.

    A course's ``ClearSolutions.code_stub`` (``raise NotImplementedError()`` by default) is right
    for its own exercises but breaks *Run All* in the summary notebook, whose answer is the saved
    summary; setting the stub course-wide instead would change every other assignment.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        if grade_id(cell) != ANSWER_CELL_ID:
            return super().preprocess_cell(cell, resources, cell_index)
        course_stub = self.code_stub
        self.code_stub = {**course_stub, resources["language"]: ANSWER_POINTER}
        try:
            return super().preprocess_cell(cell, resources, cell_index)
        finally:
            self.code_stub = course_stub


def drop_saved_work(assignment: str, student: str, notebooks: list) -> None:
    """``GenerateAssignment.post_convert_hook``: never release someone's saved work.

    nbgrader copies every file beside the source notebooks into the release, so a ``my_work/``
    left there (an instructor trying the forms in the source notebook) would hand their answers
    to the whole class. nbgrader runs the hook in the course folder, after the copy.
    """
    import shutil

    for folder in Path("release").glob(f"{assignment}/{WORK_DIR_NAME}"):
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder)
