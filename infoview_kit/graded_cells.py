"""What the cells of the graded notebook ("Write summary") call, in the student's kernel.

The answer cell shows the saved summary (:func:`show_summary`), each rubric test cell checks
one point of it (:func:`check_point`), and the forms above them are built by the factories here
(:func:`summary_form`, :func:`thank_you_form`, :func:`meeting_tracker`), which stand a short
note in for the form while nbgrader autogrades: nobody sees widgets in the graded copy, and the
graded copy runs once per student, so it must not pay for ipywidgets or pandas. That is why this
module imports the forms only inside the functions that build one; keep it so.

Which summary a kernel grades is an explicit :class:`Answer`: the saved file, or, in the
instructor's source notebook while ``nbgrader validate`` runs, the sample answer handed to
:func:`use_answer`. The notebook's cells share the kernel's one :data:`KERNEL_ANSWER`; a test or
another caller passes its own.
"""

from __future__ import annotations

import os
from pathlib import Path

from .render import FEEDBACK, escape
from .rubric import (DEFAULT_EXAMPLES, RUBRIC, SAMPLE_ANSWER_FIELDS, SAMPLE_GRADING_EXAMPLES,
                     RubricResult, SummaryExamples, grade_summary)
from .storage import SavedWorkError
from .summary import InterviewSummary, SummaryError, load_summary, summary_path

#: grade_id of the notebook cell that shows the answer, and prefix of the rubric test cells.
ANSWER_CELL_ID = "summary_answer"
RUBRIC_CELL_PREFIX = "rubric_"


class RubricPointMissed(AssertionError):
    """A rubric test cell's point was not earned; shown as its one feedback line, no traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of a traceback
        return [str(self)]


class Note:
    """A sentence shown in place of a result (an unreadable file, a form not built); never raises."""

    def __init__(self, message: str, lead: str = ""):
        self.message = message
        self.lead = lead

    def __repr__(self) -> str:
        return f"{self.lead} {self.message}".strip()

    def _repr_html_(self) -> str:
        lead = f"<strong>{escape(self.lead)}</strong> " if self.lead else ""
        return f"<p>{lead}{escape(self.message)}</p>"


def unreadable(message: str) -> Note:
    """The note shown for a saved summary that cannot be read, saying which file and why."""
    return Note(message, lead="Your saved summary could not be read.")


def _under_nbgrader() -> str:
    return os.environ.get("NBGRADER_EXECUTION", "")


def _grading() -> bool:
    return _under_nbgrader() == "autograde"


class Answer:
    """The summary a kernel grades: the saved file, unless a sample answer was set to stand in.

    The sample stands in only while ``nbgrader validate`` runs (see :meth:`use`), and it is
    then graded as the source's solution: not as a copy of the published example it is.
    """

    def __init__(self, folder: str | Path | None = None):
        self.folder = folder
        self.sample: InterviewSummary | None = None

    def use(self, summary: InterviewSummary | None) -> None:
        """Grade ``summary`` instead of the saved file, but only under ``nbgrader validate``."""
        self.sample = summary if summary is not None and _under_nbgrader() == "validate" else None

    def summary(self) -> InterviewSummary:
        """The sample when one stands in, else the saved summary (raises if it is unreadable)."""
        if self.sample is not None:
            return self.sample
        return load_summary(summary_path(self.folder))

    @property
    def examples(self) -> SummaryExamples:
        """What the rubric refuses as copied: the sample answer is not an example of itself."""
        return DEFAULT_EXAMPLES if self.sample is None else SAMPLE_GRADING_EXAMPLES

    def grade(self) -> RubricResult:
        """The rubric's verdict on :meth:`summary`."""
        return grade_summary(self.summary(), examples=self.examples)


#: The answer the notebook's cells share in this kernel.
KERNEL_ANSWER = Answer()


def use_answer(summary: InterviewSummary | None, answer: Answer = KERNEL_ANSWER) -> None:
    """Grade ``summary`` instead of the saved file, while ``nbgrader validate`` runs.

    Only the instructor's source version calls this, inside its solution region, so that
    ``nbgrader validate`` passes on the source. It never writes a file; outside ``validate``
    (someone opening the source notebook to work in it) it does nothing, so their own saved
    summary is what they see; and the grader ignores it (it grades the submitted file).
    """
    answer.use(summary)


def sample_answer() -> InterviewSummary:
    """The instructor's sample answer (see ``SAMPLE_ANSWER_FIELDS``), for the source's solution."""
    return InterviewSummary.from_dict(SAMPLE_ANSWER_FIELDS)


def show_summary(answer: Answer = KERNEL_ANSWER):
    """Show the graded summary readably (the answer cell calls this); never raises."""
    try:
        return answer.summary()
    except (SavedWorkError, SummaryError) as exc:
        return unreadable(str(exc))


def check_point(point_id: str, answer: Answer = KERNEL_ANSWER) -> None:
    """Check one rubric point of the saved summary and print a line saying how it stands.

    Under nbgrader (``validate``, ``autograde``) a missed point raises
    :class:`RubricPointMissed` (one line, no traceback), since nbgrader counts an error as a
    failed test; while a student works, it prints a "✗ Not yet" line instead, so "Run all" goes
    on to the end. This is what a rubric test cell runs in the student's kernel, so the student
    sees the same verdict as the self-check. At autograde the grader replaces these cells'
    outputs with its own verdict computed from the submitted file, so nothing done in the
    kernel can change a score.
    """
    if point_id not in RUBRIC:
        raise KeyError(f"no rubric point {point_id!r}; the points are {', '.join(RUBRIC)}")
    try:
        point = answer.grade()[point_id]
    except (SavedWorkError, SummaryError) as exc:
        raise RubricPointMissed(f"{RUBRIC[point_id][0]}: the saved summary could not be read. "
                                f"{exc}") from None
    if not point.passed:
        line = f"{point.title}: {point.feedback}"
        if _under_nbgrader():  # validate (and autograde) count errors: a missed point is one
            raise RubricPointMissed(line)
        print(f"{FEEDBACK['missed'][0]} Not yet. {line}")  # "Run all" must not stop here
        return None
    print(f"{FEEDBACK['ok'][0]} {point.title}: {point.feedback}")
    return None


def self_check(folder: str | Path | None = None):
    """Run the rubric on the saved summary: each point passed or not, and how to fix it.

    Returns a :class:`~infoview_kit.rubric.RubricResult`, or, when the saved file cannot be
    read, a short message saying which file and how to fix it (never a traceback).
    """
    try:
        return Answer(folder).grade()
    except (SavedWorkError, SummaryError) as exc:
        return unreadable(str(exc))


# --- the forms, or a note in their place in the autograded copy -------------------------------


def _not_shown(what: str) -> Note:
    """Stands in for a form in the autograded copy, where widgets would not render anyway."""
    return Note(f"({what} is not shown in the graded copy; the graded cells below show the "
                "saved summary.)")


def summary_form(folder: str | Path | None = None):
    """The summary form (or a short note in the autograded copy)."""
    if _grading():
        return _not_shown("The summary form")
    from .forms.summary import SummaryForm

    return SummaryForm(folder)


def thank_you_form(folder: str | Path | None = None):
    """The thank-you form (or a short note in the autograded copy)."""
    if _grading():
        return _not_shown("The thank-you form")
    from .forms.summary import ThankYouForm

    return ThankYouForm(folder)


def meeting_tracker(folder: str | Path | None = None):
    """Notebook 4's part of the outreach tracker: record the meeting, the thank-you and
    follow-ups, and see what's due next (a short note in the autograded copy)."""
    if _grading():
        return _not_shown("The outreach tracker")
    from .forms.tracker import OutreachTrackerForm

    return OutreachTrackerForm.after_meeting(folder)
