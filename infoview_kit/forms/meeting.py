"""Notebook 3's meeting form: date, time, mode and place; the plan, its reminders, its exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import ipywidgets as widgets

from ..fields import FieldError
from ..links import file_link
from ..meeting import (DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES, MODE_LABELS, load_meeting,
                       plan_meeting, save_meeting)
from ..question_list import QuestionList
from ..render import counted
from ..research import load_research
from ..storage import SavedWorkError, work_dir
from .common import (Field, Form, button_layout, chosen_prospect_or_explain, heading, labelled,
                     prospect_banner)

_INPUTS = ("date", "start", "mode", "place", "minutes")
_PLACE_LABELS = {"in_person": "Place (café or office, easy for them to reach)",
                 "video": "Video link (optional)", "phone": "Phone number (optional)"}


class MeetingForm(Form):
    """Plan the meeting; each valid change is saved to ``meeting.json`` and previewed.

    Widgets: ``date``, ``start``, ``mode``, ``place``, ``minutes``, ``export_button``; the
    plan shows in ``plan_view`` and the exported files in ``exports``. ``today`` is a
    parameter so tests can fix the day that counts as "not in the past".
    """

    def __init__(self, folder: str | Path | None = None, today: dt.date | None = None):
        super().__init__()
        self.folder = Path(folder if folder is not None else work_dir())
        self.today = today
        self.prospect = chosen_prospect_or_explain(self, self.folder)
        self.date = labelled(widgets.DatePicker, "Day of the meeting")
        self.start = labelled(widgets.Text, "Start time", placeholder="e.g. 14:30 or 2:30 pm",
                              continuous_update=False)
        self.mode = labelled(widgets.Dropdown, "How you meet",
                             options=[(label, value) for value, label in MODE_LABELS.items()],
                             value="in_person")
        self.place = labelled(widgets.Text, _PLACE_LABELS["in_person"], continuous_update=False)
        self.minutes = labelled(widgets.BoundedIntText, "Length in minutes",
                                value=DEFAULT_MINUTES, min=MIN_MINUTES, max=MAX_MINUTES, step=5)
        self.fields = {
            "date": Field(self.date),
            "start": Field(self.start),
            "mode": Field(self.mode),
            "place": Field(self.place),
            "minutes": Field(self.minutes, "30 minutes is what you asked for: keep your word."),
        }
        self.plan_view = widgets.HTML()
        self.export_button = widgets.Button(
            description="Export calendar file and question sheet", icon="download",
            layout=button_layout())
        self.exports = widgets.HTML()
        self.save_buttons = [self.export_button]
        self.plan = None
        self._restoring = False
        if self.prospect is not None:
            self._restore()
        if not self.saving_enabled:
            self.export_button.disabled = True
        for key in _INPUTS:
            getattr(self, key).observe(self.on_change, names="value")
        self.export_button.on_click(self.on_export)
        self.widget = widgets.VBox([
            heading("Meeting plan"), prospect_banner(self.prospect),
            *(self.fields[key].box for key in _INPUTS), self.status, self.plan_view,
            self.export_button, self.exports])

    def _extras(self) -> dict:
        """What the plan shows besides its own fields: role, company, questions, openers."""
        name = self.prospect.name
        return {"role": self.prospect.role, "company": self.prospect.company,
                "questions": QuestionList.load(name, self.folder).questions,
                "openers": load_research(name, self.folder).opener_list}

    def _restore(self) -> None:
        plan = self.load_saved(load_meeting, self.prospect.name, self.folder)
        if plan is None:
            return
        self._restoring = True
        self.date.value, self.start.value = plan.date, plan.start.strftime("%H:%M")
        self.mode.value, self.place.value, self.minutes.value = plan.mode, plan.place, plan.minutes
        self.place.description = _PLACE_LABELS[plan.mode]
        self._restoring = False
        self.plan = plan
        self.plan_view.value = plan._repr_html_()
        self.status.info(f"Loaded the plan you saved for {plan.who}.")

    def read_plan(self):
        """The plan the inputs describe (raises FieldError naming the bad input)."""
        return plan_meeting(who=self.prospect.name, date=self.date.value, start=self.start.value,
                            mode=self.mode.value, place=self.place.value,
                            minutes=self.minutes.value, today=self.today, **self._extras())

    def on_change(self, change=None) -> None:
        """Relabel the place input, then validate and save the plan when it is complete."""
        self.place.description = _PLACE_LABELS[self.mode.value]
        if self._restoring or not self.saving_enabled:
            return
        self.clear_errors()
        if self.date.value is None or not self.start.value.strip():
            self.status.info("Pick the day and type the start time to see your plan.")
            return
        if not self._validate_and_save():
            return
        self.status.ok(f"Saved your meeting plan with {self.prospect.name}.")

    def _validate_and_save(self) -> bool:
        try:
            plan = self.read_plan()
        except (FieldError, SavedWorkError) as exc:
            if isinstance(exc, FieldError):
                self.show_field_error(exc)
            else:
                self.status.problem(str(exc))
            return False
        save_meeting(plan, self.folder)
        self.plan = plan
        self.plan_view.value = plan._repr_html_()
        return True

    def on_export(self, button=None) -> None:
        """Write the ``.ics`` and the question sheet, with the latest questions and openers."""
        if not self.saving_enabled:
            return
        self.clear_errors()
        if not self._validate_and_save():
            return
        ics, sheet = self.plan.export(self.folder)
        count = len(self.plan.questions)
        self.exports.value = (
            "<p>Written to your work folder:</p><ul>"
            f"<li>{file_link(ics, download=True)}: download it and open it to add the meeting "
            "to your calendar.</li>"
            f"<li>{file_link(sheet)}: opens in a new browser tab; print it from there (one "
            f"page, {counted(count, 'question')}).</li></ul>")
        self.status.ok(f"Exported the plan with {counted(count, 'question')}.")


def meeting_form(folder: str | Path | None = None, today: dt.date | None = None) -> MeetingForm:
    """Notebook 3's meeting plan form for the chosen prospect (displays itself)."""
    return MeetingForm(folder, today)
