"""The forms of "Write summary": the thank-you note, the summary itself, and the self-check.

Both forms save as the student types (atomically, to ``thank_you.json`` and ``summary.json`` in
the work folder), so an answer entered only through a widget survives a fresh kernel and
nbgrader's re-execution: the graded cell reads the file, never the widget.

While nbgrader autogrades (``NBGRADER_EXECUTION=autograde``) the forms are not built: nobody sees
widgets in the graded copy, and skipping ipywidgets keeps each submission's run short. That is
why this module imports ipywidgets only inside the functions that build a form.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from ..render import escape
from ..storage import SavedWorkError, load_json, save_json, work_dir
from ..summary import (EXAMPLE_APPLY, EXAMPLE_LEARNED, InterviewSummary, Note, SummaryError,
                       grade_summary, load_summary, save_summary, summary_path)

THANK_YOU_FILE = "thank_you.json"
#: The course's rule: thank the person within a day of meeting them.
THANK_YOU_DUE_HOURS = 24


def _grading() -> bool:
    return os.environ.get("NBGRADER_EXECUTION") == "autograde"


def _not_shown(what: str) -> Note:
    """Stands in for a form in the autograded copy, where widgets would not render anyway."""
    return Note(f"({what} is not shown in the graded copy; the graded cells below show the "
                "saved summary.)")


def _folder(folder: str | Path | None) -> Path:
    return Path(folder) if folder is not None else work_dir()


# --- prefill from the earlier notebooks -------------------------------------------------------


def prefill_summary(folder: str | Path | None = None) -> InterviewSummary:
    """A first draft from what notebooks 1 and 3 saved: the chosen prospect and their questions.

    Read defensively: a missing, broken or differently shaped file only means less is prefilled.
    """
    folder = _folder(folder)

    def read(name: str) -> object:
        try:
            return load_json(folder / name, default=None)
        except SavedWorkError:
            return None

    prospects = read("prospects.json")
    chosen: dict = {}
    if isinstance(prospects, dict):
        name = prospects.get("chosen")
        for entry in prospects.get("prospects") or []:
            if isinstance(entry, dict) and entry.get("name") == name:
                chosen = entry
    name = str(chosen.get("name") or "").strip()
    first, _, last = name.partition(" ")
    role, company = str(chosen.get("role") or ""), str(chosen.get("company") or "")
    title = f"{role}, {company}" if role and company else role

    questions: list = []
    saved = read("questions.json")
    if isinstance(saved, dict):
        entry = saved.get(name) if name else None
        if entry is None and len(saved) == 1:  # one prospect prepared for: that is the one
            entry = next(iter(saved.values()))
        if isinstance(entry, dict):
            entry = entry.get("questions")
        if isinstance(entry, list):
            questions = [q for q in entry if isinstance(q, str)]
    try:
        return InterviewSummary(first_name=first, last_name=last, title=title, questions=questions)
    except SummaryError:
        return InterviewSummary()


# --- the thank-you note -----------------------------------------------------------------------


def thank_you_due(meeting_at: datetime) -> datetime:
    """When the thank-you note is due: 24 hours after the meeting."""
    return meeting_at + timedelta(hours=THANK_YOU_DUE_HOURS)


def due_line(meeting_at: datetime | None, now: datetime) -> str:
    """One sentence on the thank-you deadline, as seen at ``now``."""
    if meeting_at is None:
        return "Enter when you met to see when the thank-you note is due."
    due = thank_you_due(meeting_at)
    if meeting_at > now:
        return f"Your meeting is still ahead; the note will be due by {due:%a %d %b, %H:%M}."
    if now <= due:
        left = due - now
        hours = int(left.total_seconds() // 3600)
        return f"Due by {due:%a %d %b, %H:%M}: {hours} hour{'s' if hours != 1 else ''} left."
    return (f"It was due by {due:%a %d %b, %H:%M}. Send it anyway, today: a late thank-you "
            "is far better than none.")


class ThankYouForm:
    """When you met, the note itself, the checker's live report and the deadline."""

    def __init__(self, folder: str | Path | None = None, now=datetime.now):
        import ipywidgets as widgets

        from .common import Field, StatusLine, heading, labelled

        self.path = _folder(folder) / THANK_YOU_FILE
        self._now = now
        self.status = StatusLine("")
        self.saving_enabled = True
        self.meeting = Field(labelled(widgets.NaiveDatetimePicker, "When you met"),
                             hint="Date and time of the interview.")
        self.note = Field(labelled(widgets.Textarea, "Thank-you note",
                                   placeholder="Hi …, thank you for …",
                                   layout=widgets.Layout(width="95%", max_width="46rem",
                                                         height="12rem")))
        self.due = widgets.HTML("")
        self.report = widgets.HTML("")
        self.edited_at: datetime | None = None
        try:
            saved = load_json(self.path, default={}) or {}
            if not isinstance(saved, dict):
                raise SavedWorkError(f"{self.path} should hold an object with the note; it was "
                                     "left as it is: fix it or rename it to start afresh.")
            self.meeting.input.value = _parse_time(saved.get("meeting_at"))
            self.note.input.value = str(saved.get("note") or "")
            self.edited_at = _parse_time(saved.get("edited_at"))
        except SavedWorkError as exc:
            self.saving_enabled = False
            self.status.problem(str(exc))
        self.meeting.input.observe(self._on_change, names="value")
        self.note.input.observe(self._on_change, names="value")
        self._refresh()
        self.widget = widgets.VBox([heading("Your thank-you note"), self.meeting.box, self.due,
                                    self.note.box, self.report, self.status])

    def hours_since_meeting(self) -> float | None:
        """Hours between the meeting and the last edit of the note (None until both exist)."""
        meeting = self.meeting.input.value
        if meeting is None or self.edited_at is None or not self.note.input.value.strip():
            return None
        return max(0.0, (self.edited_at - meeting).total_seconds() / 3600)

    def _refresh(self) -> None:
        from ..checker import check_message

        self.due.value = f"<p>{escape(due_line(self.meeting.input.value, self._now()))}</p>"
        self.report.value = check_message(self.note.input.value, kind="thank_you",
                                          hours_since_meeting=self.hours_since_meeting())._repr_html_()

    def _on_change(self, change) -> None:
        if change["owner"] is self.note.input:
            self.edited_at = self._now()
        self._refresh()
        if not self.saving_enabled:
            return
        meeting = self.meeting.input.value
        data = {"meeting_at": meeting.isoformat(timespec="minutes") if meeting else None,
                "note": self.note.input.value,
                "edited_at": self.edited_at.isoformat(timespec="minutes") if self.edited_at else None}
        try:
            save_json(self.path, data)
        except OSError as exc:
            self.status.problem(f"Could not save {self.path.name}: {exc.strerror or exc}.")
        else:
            self.status.ok(f"Saved to {self.path.name}.")

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def thank_you_form(folder: str | Path | None = None):
    """The thank-you form (or a short note in the autograded copy)."""
    return _not_shown("The thank-you form") if _grading() else ThankYouForm(folder)


def meeting_tracker(folder: str | Path | None = None):
    """Notebook 4's part of the outreach tracker: record the meeting, the thank-you and
    follow-ups, and see what's due next (a short note in the autograded copy).

    Defined here rather than in ``forms.tracker`` so that the autograded copy, which runs once
    per student, never imports pandas and ipywidgets just to show a note.
    """
    if _grading():
        return _not_shown("The outreach tracker")
    from .tracker import meeting_tracker as tracker_form

    return tracker_form(folder)


# --- the summary ------------------------------------------------------------------------------


class SummaryForm:
    """The summary's six fields, saved as the student types, and a self-check button."""

    TEXT_FIELDS = ("first_name", "last_name", "title")

    def __init__(self, folder: str | Path | None = None):
        import ipywidgets as widgets

        from .common import Field, StatusLine, button_layout, heading, labelled

        self.path = summary_path(folder)
        self.status = StatusLine("")
        self.saving_enabled = True
        wide = {"width": "95%", "max_width": "46rem"}
        self.fields = {
            "first_name": Field(labelled(widgets.Text, "Interviewee's first name")),
            "last_name": Field(labelled(widgets.Text, "Interviewee's last name")),
            "title": Field(labelled(widgets.Text, "Their title",
                                    placeholder="e.g. Product manager, Acme Health")),
            "questions": Field(labelled(widgets.Textarea, "Questions you asked",
                                        layout=widgets.Layout(height="9rem", **wide)),
                               hint="One question per line; edit the list to match what you "
                                    "really asked."),
            "learned": Field(labelled(widgets.Textarea, "What you learned",
                                      placeholder="Example: " + EXAMPLE_LEARNED,
                                      layout=widgets.Layout(height="8rem", **wide))),
            "apply": Field(labelled(widgets.Textarea, "How you will apply it",
                                    placeholder="Example: " + EXAMPLE_APPLY,
                                    layout=widgets.Layout(height="8rem", **wide))),
        }
        self.check_button = widgets.Button(description="Check my summary",
                                           tooltip="Run the self-check on what is saved",
                                           button_style="info", layout=button_layout())
        self.check_button.on_click(self._on_check)
        self.check_output = widgets.HTML("")

        summary = None
        try:
            summary = load_summary(self.path)
        except (SavedWorkError, SummaryError) as exc:
            self.saving_enabled = False
            self.status.problem(f"{exc} Saving is off until the file is fixed or renamed.")
        if summary is not None and summary.is_empty() and not self.path.exists():
            summary = prefill_summary(self.path.parent)
            if not summary.is_empty():
                self.status.info("Prefilled from your prospect and your prepared questions.")
        if summary is not None:
            self._show(summary)
        for field in self.fields.values():
            field.input.observe(self._on_change, names="value")
        self.widget = widgets.VBox([heading("Your interview summary")]
                                   + [f.box for f in self.fields.values()]
                                   + [self.status, self.check_button, self.check_output])

    def _show(self, summary: InterviewSummary) -> None:
        for name in self.TEXT_FIELDS + ("learned", "apply"):
            self.fields[name].input.value = getattr(summary, name)
        self.fields["questions"].input.value = "\n".join(summary.questions)

    def current(self) -> InterviewSummary:
        """The summary as typed in the form (raises :class:`SummaryError` naming a bad field)."""
        values = {name: f.input.value for name, f in self.fields.items()}
        return InterviewSummary(**values)

    def _on_change(self, change=None) -> None:
        for field in self.fields.values():
            field.clear()
        if not self.saving_enabled:
            return
        try:
            summary = self.current()
        except SummaryError as exc:
            field = self.fields.get(exc.field)
            if field is not None:
                field.show_error(exc.message)
            self.status.problem(f"Not saved: {exc.message}")
            return
        try:
            save_summary(summary, self.path)
        except OSError as exc:
            self.status.problem(f"Could not save {self.path.name}: {exc.strerror or exc}.")
        else:
            self.status.ok(f"Saved to {self.path.name}.")

    def _on_check(self, _button=None) -> None:
        try:
            self.check_output.value = grade_summary(self.current())._repr_html_()
        except SummaryError as exc:
            self.check_output.value = f"<p>Fix this first: {escape(exc.message)}</p>"

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def summary_form(folder: str | Path | None = None):
    """The summary form (or a short note in the autograded copy)."""
    return _not_shown("The summary form") if _grading() else SummaryForm(folder)


def self_check(folder: str | Path | None = None):
    """Run the rubric on the saved summary: each point passed or not, and how to fix it.

    Returns a :class:`~infoview_kit.summary.RubricResult`, or, when the saved file cannot be
    read, a short message saying which file and how to fix it (never a traceback).
    """
    from ..summary import _unreadable

    try:
        return grade_summary(load_summary(summary_path(folder)))
    except (SavedWorkError, SummaryError) as exc:
        return _unreadable(str(exc))
