"""The course's feedback page: the rubric first, one line per point, then the summary as graded.

nbgrader's stock page lists every graded cell as "Test cell" and shows the rubric's results
far below the notebook's instructions. This page is nbgrader's own ``GenerateFeedback`` with two
course parts, both set by :func:`configure` (called from ``preprocessors.configure(c)`` in the
course's ``nbgrader_config.py``), so ``nbgrader generate_feedback``, the formgrader's
*Generate Feedback* button and ``infoview-kit feedback`` all write the same page:

- :class:`RubricFeedback`, a feedback step after nbgrader's ``GetGrades``, collects each graded
  cell's name, score and one-line reason (and the grader's comment) into ``resources``;
- :class:`FeedbackExporter`, nbgrader's HTML exporter under its own name, renders them with the
  template in ``templates/infoview_feedback/``. Its own config section is what makes the
  course's template win: nbgrader sets ``HTMLExporter.template_name = 'feedback'`` itself, and
  the formgrader sets ``HTMLExporter`` for its own pages, so that section is left to nbgrader.

Nothing from the notebook's code reaches the page for the graded notebook: no cell source, no
error output (a rubric point's reason is taken from the grader's own line, never a traceback),
and the mark scheme is cleared by ``ClearMarkScheme`` before this step reads the task cell.
"""

from __future__ import annotations

import re
from pathlib import Path

from nbconvert.exporters import HTMLExporter
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from ..graded_cells import ANSWER_CELL_ID, RUBRIC_CELL_PREFIX
from ..render import FEEDBACK
from ..rubric import RUBRIC
from .cells import SUMMARY_STATUS_KEY, grade_id, nbgrader_metadata

#: Folder holding the course's nbconvert template (``infoview_feedback/``).
TEMPLATES = Path(__file__).with_name("templates")
TEMPLATE_NAME = "infoview_feedback"
#: Written into a page made while a person's grade was still missing, so that a later
#: ``infoview-kit feedback`` writes it again once the grade is in.
#: (The name of a ``<meta>`` tag: nbconvert re-serialises the page, so only a word is kept as is.)
PENDING_MARKER = "infoview-feedback-pending"
#: Exception name of a rubric point not earned: its text is the grader's line, nothing else.
MISSED = "RubricPointMissed"


class FeedbackExporter(HTMLExporter):
    """nbgrader's feedback HTML exporter under its own config section (see the module doc)."""

    export_from_notebook = None  # not offered in JupyterLab's "Export as" menu


def _heading(source: str) -> str:
    """The first Markdown heading of ``source``, without its ``#`` marks; ``""`` if none."""
    match = re.search(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", source, re.M)
    return match.group(1) if match else ""


def _output_text(output) -> tuple[str, str]:
    """(kind, text) of a grader-written output: ``("ok", line)``, ``("missed", line)``, else
    ``("", "")``."""
    if output.get("output_type") == "stream" and output.get("name") == "stdout":
        return "ok", "".join(output.get("text", "")).strip().removeprefix("✓").strip()
    if output.get("output_type") == "error" and output.get("ename") == MISSED:
        return "missed", str(output.get("evalue", "")).strip()
    return "", ""


def _reason(cell, title: str) -> str:
    """The grader's one-line reason for a rubric cell, without the point's title in front."""
    for output in cell.get("outputs", []):
        kind, text = _output_text(output)
        if kind:
            return text.removeprefix(f"{title}:").strip()
    return ""


def _summary_html(cell) -> str:
    """The summary the grader read, as the answer cell's grader-written HTML output shows it."""
    for output in cell.get("outputs", []):
        data = output.get("data") or {}
        if output.get("output_type") == "display_data" and "text/html" in data:
            html = data["text/html"]
            return "".join(html) if isinstance(html, list) else str(html)
    return ""


def _state(score: float, points: float, pending: bool) -> str:
    """The point's look (a :data:`~infoview_kit.render.FEEDBACK` state): partial credit is a tip."""
    if pending:
        return "info"
    if score >= points:
        return "ok"
    return "tip" if score > 0 else "missed"


class RubricFeedback(NbGraderPreprocessor):
    """Feedback step: the page's rubric (name, score, reason per point) and the graded summary.

    Put it after ``GetGrades`` and ``ClearMarkScheme`` in ``GenerateFeedback.preprocessors``: it
    reads the scores and comments ``GetGrades`` writes into the cells, and a task cell's text
    must already be free of its mark scheme. It reads from the gradebook which points still
    wait for a person, which the cells do not say.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        from nbgrader.api import Gradebook

        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            submitted = gradebook.find_submission_notebook(
                info["notebook"], info["assignment"], info["student"])
            pending = {grade.name for grade in submitted.grades if grade.needs_manual_grade}
            # a person's comments only: nbgrader's automatic one on an answer cell left as
            # released ("No response.") is wrong here, where the answer is the saved summary
            comments = {c.name: c.manual_comment for c in submitted.comments if c.manual_comment}
            assignment = gradebook.find_assignment(info["assignment"])
            graded_elsewhere = [notebook.name for notebook in assignment.notebooks
                                if notebook.max_score and notebook.name != info["notebook"]]
        no_answer = nb.metadata.get(SUMMARY_STATUS_KEY) == "missing"
        if no_answer:
            pending = set()  # no summary: nothing for a person to grade, the points are 0
        points, summary, answer_comments = [], None, []
        for cell in nb.cells:
            meta = nbgrader_metadata(cell)
            name = grade_id(cell)
            if name == ANSWER_CELL_ID:
                summary = _summary_html(cell)
            if not (meta.get("grade") or meta.get("task")) or name == ANSWER_CELL_ID:
                if name in comments:
                    answer_comments.append(comments[name])
                continue
            point = self._point(cell, meta, name, name in pending, comments.get(name, ""))
            if no_answer and meta.get("task") and not point["reason"]:
                point["reason"] = "No summary was submitted, so there was nothing to grade."
            points.append(point)
        resources["feedback_page"] = {
            "title": next((h for h in (_heading(c.source) for c in nb.cells
                                       if c.cell_type == "markdown") if h), info["notebook"]),
            "points": points,
            "pending": [p["title"] for p in points if p["pending"]],
            "summary": summary,
            "comments": answer_comments,
            "graded_elsewhere": graded_elsewhere,
            "pending_marker": PENDING_MARKER if any(p["pending"] for p in points) else "",
        }
        return nb, resources

    @staticmethod
    def _point(cell, meta: dict, name: str, pending: bool, comment: str) -> dict:
        score, points = float(meta.get("score") or 0), float(meta.get("points") or 0)
        if name.startswith(RUBRIC_CELL_PREFIX) and name[len(RUBRIC_CELL_PREFIX):] in RUBRIC:
            title = RUBRIC[name[len(RUBRIC_CELL_PREFIX):]][0]
            reason = _reason(cell, title)
        else:  # a task (its heading) or a course's own test cell (its id: no hidden test text)
            # "Reflection quality (graded by your instructor)": the page says who grades it
            title = re.sub(r"\s*\([^()]*\)$", "", _heading(cell.source)) if meta.get("task") else ""
            title = title or name
            reason = ""
        state = _state(score, points, pending)
        icon, _, colour = FEEDBACK[state]
        return {"id": name, "title": title, "score": score, "points": points, "pending": pending,
                "reason": reason, "comment": comment, "icon": icon,
                "colour": colour, "state": state}


def configure(c) -> None:
    """Make ``GenerateFeedback`` write the course's page (call it from ``preprocessors.configure``).

    Appends :class:`RubricFeedback` to ``c.GenerateFeedback.preprocessors`` (nbgrader's own list
    when the config has none; ``preprocessors.configure`` has put ``ClearMarkScheme`` in it
    first) and sets the exporter and its template.
    An ``HTMLExporter.template_name`` of the course's own is left alone: this exporter's section
    is more specific, so set ``c.FeedbackExporter.template_name`` to use another template.
    """
    from nbgrader.converters import GenerateFeedback

    steps = [step for step in (c.GenerateFeedback.get("preprocessors")
                               or GenerateFeedback.preprocessors.default())
             if step is not RubricFeedback]
    c.GenerateFeedback.preprocessors = [*steps, RubricFeedback]
    c.GenerateFeedback.exporter_class = FeedbackExporter
    if "template_name" not in c.FeedbackExporter:
        c.FeedbackExporter.template_name = TEMPLATE_NAME
    basedirs = list(c.FeedbackExporter.get("extra_template_basedirs") or [])
    if str(TEMPLATES) not in basedirs:
        c.FeedbackExporter.extra_template_basedirs = [str(TEMPLATES), *basedirs]
