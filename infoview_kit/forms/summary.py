"""The forms of "Write summary": the thank-you note and the summary itself.

Both forms save as the student types (atomically, to ``thank_you.json`` and ``summary.json`` in
the work folder), so an answer entered only through a widget survives a fresh kernel and
nbgrader's re-execution: the graded cell reads the file, never the widget. The notebook builds
them through :mod:`infoview_kit.graded_cells`, which skips them (and ipywidgets) at autograde.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import ipywidgets as widgets

from ..render import counted, escape, show_date
from ..rubric import EXAMPLE_APPLY, EXAMPLE_LEARNED, grade_summary
from ..storage import SavedWorkError, load_json, save_json, work_dir
from ..summary import InterviewSummary, SummaryError, load_summary, save_summary, summary_path
from ..vocabulary import THANK_YOU_HOURS
from .common import Field, Form, button_layout, heading, labelled

THANK_YOU_FILE = "thank_you.json"


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
    """When the thank-you note is due: :data:`THANK_YOU_HOURS` after the meeting."""
    return meeting_at + timedelta(hours=THANK_YOU_HOURS)


def due_line(meeting_at: datetime | None, now: datetime) -> str:
    """One sentence on the thank-you deadline, as seen at ``now``."""
    if meeting_at is None:
        return "Enter when you met to see when the thank-you note is due."
    due = thank_you_due(meeting_at)
    if meeting_at > now:
        return f"Your meeting is still ahead; the note will be due by {show_date(due)}."
    if now <= due:
        left = due - now
        hours = int(left.total_seconds() // 3600)
        return f"Due by {show_date(due)}: {counted(hours, 'hour')} left."
    return (f"It was due by {show_date(due)}. Send it anyway, today: a late thank-you "
            "is far better than none.")


class ThankYouForm(Form):
    """When you met, the note itself, the checker's live report and the deadline."""

    def __init__(self, folder: str | Path | None = None, now=datetime.now):
        super().__init__()
        self.path = _folder(folder) / THANK_YOU_FILE
        self._now = now
        self.meeting = Field(labelled(widgets.NaiveDatetimePicker, "When you met"),
                             hint="Date and time of the interview.")
        self.note = Field(labelled(widgets.Textarea, "Thank-you note",
                                   placeholder="Hi …, thank you for …",
                                   layout=widgets.Layout(width="95%", max_width="46rem",
                                                         height="12rem")))
        self.fields = {"meeting_at": self.meeting, "note": self.note}
        self.due = widgets.HTML("")
        self.report = widgets.HTML("")
        self.edited_at: datetime | None = None
        saved = self.load_saved(self._read)
        if saved is not None:
            self.meeting.input.value = _parse_time(saved.get("meeting_at"))
            self.note.input.value = str(saved.get("note") or "")
            self.edited_at = _parse_time(saved.get("edited_at"))
        self.meeting.input.observe(self._on_change, names="value")
        self.note.input.observe(self._on_change, names="value")
        self._refresh()
        self.widget = widgets.VBox([heading("Your thank-you note"), self.meeting.box, self.due,
                                    self.note.box, self.report, self.status])

    def _read(self) -> dict:
        saved = load_json(self.path, default={}) or {}
        if not isinstance(saved, dict):
            raise SavedWorkError(f"{self.path} should hold an object with the note; it was "
                                 "left as it is: fix it or rename it to start afresh.")
        return saved

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
        self.save_file(save_json, self.path, {
            "meeting_at": meeting.isoformat(timespec="minutes") if meeting else None,
            "note": self.note.input.value,
            "edited_at": self.edited_at.isoformat(timespec="minutes") if self.edited_at else None})


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None



# --- the summary ------------------------------------------------------------------------------


class SummaryForm(Form):
    """The summary's six fields, saved as the student types, and a self-check button."""

    TEXT_FIELDS = ("first_name", "last_name", "title")

    def __init__(self, folder: str | Path | None = None):
        super().__init__()
        self.path = summary_path(folder)
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

        summary = self.load_saved(load_summary, self.path)
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
        """The summary as typed in the form (raises :class:`SummaryError` naming each bad field)."""
        values = {name: f.input.value for name, f in self.fields.items()}
        return InterviewSummary(**values)

    def _on_change(self, change=None) -> None:
        self.clear_errors()
        if not self.saving_enabled:
            return
        try:
            summary = self.current()
        except SummaryError as exc:
            self.show_field_error(exc)
            return
        self.save_file(save_summary, summary, self.path)

    def _on_check(self, _button=None) -> None:
        try:
            self.check_output.value = grade_summary(self.current())._repr_html_()
        except SummaryError as exc:
            self.show_field_error(exc)  # every wrong field, each beside its input
            self.check_output.value = "<p>Fix what is marked above first, then check again.</p>"
