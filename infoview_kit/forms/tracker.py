"""The outreach tracker form: log each message, record what happened, see what's due and what works.

Every button re-reads ``outreach_log.csv`` from the work folder, applies one change and saves
it, so edits made in a spreadsheet meanwhile are kept, and a file the kit cannot read is never
overwritten: the form says which row and column to fix instead.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import ipywidgets as widgets

from ..fields import FieldError, together
from ..log_format import LOG_FILE, OutreachLogError
from ..render import counted, escape, show_date
from ..storage import SavedWorkError, work_dir
from ..tracker import OutreachLog
from ..vocabulary import (CHANNEL_LABELS, CHANNELS, CONNECTION_LABELS, POSITIVE_NOTE,
                          REPLIES, REPLY_LABELS, STYLE_FOR, STYLES)
from .common import FORM_MAX_WIDTH, Field, Form, StatusLine, heading, labelled

_ADD_INPUTS = ("contact_name", "contact_title", "company", "connection", "style", "channel",
               "variant", "sent_on", "referred_by", "notes")
#: Inputs a student rarely needs for one message: folded under "More details", so logging a
#: message takes one screen.
_MORE_DETAILS = ("contact_title", "company", "variant", "referred_by", "notes")
#: What can be recorded about a contact: value -> (label, OutreachLog method, date keyword).
ACTIONS = {
    "reply": ("They replied", "record_reply", "replied_on"),
    "follow_up": ("I followed up / checked in", "record_follow_up", "followed_up_on"),
    "meeting": ("We met", "record_meeting", "meeting_on"),
    "thank_you": ("I sent my thank-you", "record_thank_you", "thanked_on"),
}
#: What the after-the-meeting tracker of notebook 4 shows and offers.
AFTER_MEETING = {"sections": ("record", "due"), "actions": ("meeting", "thank_you", "follow_up")}
_GROUPINGS = (("Style", "style"), ("Message version", "variant"), ("Channel", "channel"),
              ("How you know them", "connection"))
_GROUP_LABELS = {value: label for label, value in _GROUPINGS}


def _fold_layout() -> widgets.Layout:
    """A fold as wide as the inputs around it, not the whole page."""
    return widgets.Layout(width="95%", max_width=FORM_MAX_WIDTH)


class OutreachTrackerForm(Form):
    """Log outreach, record replies/follow-ups/meetings/thank-yous, show what's due and rates.

    Widgets are attributes (``contact_name`` ... ``notes``, ``add_button``; ``who``, ``what``,
    ``reply``, ``on_date``, ``at_time``, ``record_button``; ``due_table``; ``group_by``,
    ``chart``, ``rates_table``, ``group_a``, ``group_b``, ``comparison``) so tests can drive
    the form without a browser.
    """

    def __init__(self, folder: str | Path | None = None, *,
                 sections: tuple[str, ...] = ("add", "record", "due", "rates"),
                 actions: tuple[str, ...] = tuple(ACTIONS)):
        super().__init__()
        self.path = Path(folder if folder is not None else work_dir()) / LOG_FILE
        self._log = OutreachLog()  # the last log read, for the rates view
        self._build_add()
        self._build_record(actions)
        self._build_due_and_rates()
        boxes = {"add": self.add_box, "record": self.record_box, "due": self.due_box,
                 "rates": self.rates_box}
        self.widget = widgets.VBox([boxes[s] for s in sections])
        self.refresh()

    @classmethod
    def after_meeting(cls, folder: str | Path | None = None) -> OutreachTrackerForm:
        """The after-the-meeting part (summary notebook): record the meeting and the
        thank-you, and see what's due next."""
        return cls(folder, **AFTER_MEETING)

    # ----- building ------------------------------------------------------------------------
    def _build_add(self) -> None:
        text = lambda label, **kw: labelled(widgets.Text, label, **kw)  # noqa: E731
        self.contact_name = text("Their name", placeholder="e.g. Alex Morgan")
        self.contact_title = text("Their job title (optional)")
        self.company = text("Company (optional)")
        self.connection = labelled(
            widgets.Dropdown, "How you know them",
            options=[("(choose)", "")] + [(label, v) for v, label in CONNECTION_LABELS.items()])
        self.style = labelled(widgets.Dropdown, "Style of message",
                              options=[("(choose)", "")] + [(s.capitalize(), s) for s in STYLES])
        self.channel = labelled(widgets.Dropdown, "Sent by",
                                options=[(CHANNEL_LABELS[c], c) for c in CHANNELS])
        self.variant = text("Message version (your own label, optional)",
                            placeholder="e.g. short ask, story first")
        self.sent_on = labelled(widgets.DatePicker, "Sent on", value=date.today())
        self.referred_by = text("Referred by (optional)",
                                placeholder="who suggested you contact them")
        self.notes = labelled(widgets.Textarea, "Notes (optional)")
        self.add_button = widgets.Button(description="Add to my log", button_style="primary",
                                         icon="plus", tooltip="Save this message in your log")
        self.add_status = StatusLine("")
        hints = {"style": "Direct: someone you know. Warm: through an introduction. "
                          "Cold: a stranger.",
                 "referred_by": "Fill this in (and leave the date) to note someone to "
                                "contact later."}
        self.fields = {k: Field(getattr(self, k), hints.get(k, "")) for k in _ADD_INPUTS}
        self.connection.observe(self._on_connection, names="value")
        self.add_button.on_click(self.on_add)
        self.more_details = widgets.Accordion(
            [widgets.VBox([self.fields[k].box for k in _MORE_DETAILS])],
            titles=("More details (optional)",), selected_index=None, layout=_fold_layout())
        self.add_box = widgets.VBox([heading("Log a message you sent")]
                                    + [self.fields[k].box for k in _ADD_INPUTS
                                       if k not in _MORE_DETAILS]
                                    + [self.more_details, self.add_button, self.add_status])

    def _build_record(self, actions: tuple[str, ...]) -> None:
        self.who = labelled(widgets.Dropdown, "Who", options=[])
        self.what = labelled(widgets.Dropdown, "What happened",
                             options=[(ACTIONS[a][0], a) for a in actions])
        self.reply = labelled(widgets.Dropdown, "Their answer",
                              options=[(REPLY_LABELS[r], r) for r in REPLIES])
        self.on_date = labelled(widgets.DatePicker, "On", value=date.today())
        self.at_time = labelled(widgets.TimePicker, "At (meeting time, optional)", value=None)
        self.record_button = widgets.Button(description="Record", button_style="primary",
                                            icon="check", tooltip="Save this in your log")
        self.record_status = StatusLine("")
        self.record_fields = {"who": Field(self.who), "on_date": Field(self.on_date)}
        self.what.observe(lambda _change: self._show_relevant_inputs(), names="value")
        self.record_button.on_click(self.on_record)
        self.record_box = widgets.VBox([
            heading("Record what happened"), self.record_fields["who"].box, self.what,
            self.reply, self.record_fields["on_date"].box, self.at_time, self.record_button,
            self.record_status])
        self._show_relevant_inputs()

    def _build_due_and_rates(self) -> None:
        self.due_table = widgets.HTML()
        self.due_box = widgets.VBox([heading("What's due"), self.due_table])
        self.group_by = labelled(widgets.Dropdown, "Compare by", options=list(_GROUPINGS))
        # HTML, not an Image widget: an <img> with alt text is what a screen reader can name
        self.chart = widgets.HTML(layout=widgets.Layout(max_width="40rem"))
        self.rates_table = widgets.HTML()
        self.group_a = labelled(widgets.Dropdown, "Group A", options=[])
        self.group_b = labelled(widgets.Dropdown, "Group B", options=[])
        self.comparison = widgets.HTML()
        self.group_by.observe(lambda _change: self.refresh(), names="value")
        for dropdown in (self.group_a, self.group_b):
            dropdown.observe(lambda _change: self._show_comparison(), names="value")
        # folded: the rates are for looking back, not for logging one more message
        self.rates_box = widgets.Accordion(
            [widgets.VBox([self.group_by, self.chart, self.rates_table, self.group_a,
                           self.group_b, self.comparison])],
            titles=("Which messages work",), selected_index=None, layout=_fold_layout())

    # ----- callbacks -----------------------------------------------------------------------
    def _on_connection(self, change) -> None:
        if change["new"]:
            self.style.value = STYLE_FOR[change["new"]]

    def _show_relevant_inputs(self) -> None:
        action = self.what.value
        self.reply.layout.display = None if action == "reply" else "none"
        self.at_time.layout.display = None if action == "meeting" else "none"

    def _load(self, status: StatusLine) -> OutreachLog | None:
        try:
            return OutreachLog.load(self.path)
        except (OutreachLogError, SavedWorkError) as exc:
            status.problem(f"{exc} Your file was left as it is; fix it, then try again.")
            return None

    def _save(self, log: OutreachLog, status: StatusLine) -> bool:
        """Save ``log``; on failure say why on ``status`` and return False."""
        try:
            log.save()
        except OutreachLogError as exc:
            status.problem(str(exc))
            return False
        except OSError as exc:
            status.problem(f"Could not save {self.path.name}: {exc.strerror}. Nothing was "
                           "changed; check the folder is writable and try again.")
            return False
        return True

    def on_add(self, _button=None) -> None:
        """Add the message described by the inputs to the log and save it."""
        self.clear_errors()
        log = self._load(self.add_status)
        if log is None:
            return
        values = {k: getattr(self, k).value for k in _ADD_INPUTS}
        if values["sent_on"] is None and not values["referred_by"].strip():
            values["sent_on"] = ""  # the log's own check says so, beside the other fields
        try:
            log.add_outreach(**values)
        except OutreachLogError as exc:
            self.show_field_error(exc, self.add_status)
            return
        if not self._save(log, self.add_status):
            return
        # NB: empty the inputs before saying "Saved": a student who starts typing the next
        # contact as soon as the message shows must not have it wiped
        for key in ("contact_name", "contact_title", "company", "variant", "referred_by",
                    "notes"):
            getattr(self, key).value = ""
        name = values["contact_name"].strip()
        if self.refresh():
            self.who.value = name
            self.add_status.ok(f"Saved: {name} is in your log ({counted(len(log), 'message')}).")

    def on_record(self, _button=None) -> None:
        """Record a reply, follow-up, meeting or thank-you for the chosen contact, and save."""
        for field in self.record_fields.values():
            field.clear()
        missing = []
        if not self.who.value:
            missing.append(FieldError("who", "Choose who (add them above first)."))
        if self.on_date.value is None:
            missing.append(FieldError("on_date", "Choose the day."))
        if missing:
            self.show_field_error(together(missing), self.record_status, self.record_fields)
            return
        log = self._load(self.record_status)
        if log is None:
            return
        label, method, date_keyword = ACTIONS[self.what.value]
        when = self.on_date.value
        if self.what.value == "meeting" and self.at_time.value is not None:
            when = datetime.combine(when, self.at_time.value)
        extra = {"reply": self.reply.value} if self.what.value == "reply" else {}
        try:
            getattr(log, method)(self.who.value, **extra, **{date_keyword: when})
        except OutreachLogError as exc:
            self.record_status.problem(str(exc))
            return
        stamp = show_date(when)
        who = self.who.value
        if self._save(log, self.record_status) and self.refresh():
            self.record_status.ok(f"Saved: {label} ({who}, {stamp}).")

    def refresh(self) -> bool:
        """Re-read the log and redraw the contact list, what's due and the rates.

        Returns False (having said why on the status line) when the log can't be read.
        """
        try:
            log = OutreachLog.load(self.path)
        except (OutreachLogError, SavedWorkError) as exc:
            self.due_table.value = f"<p>{escape(exc)}</p>"
            self.add_status.problem(f"{exc} Your file was left as it is; fix it, then run "
                                    "this cell again.")
            return False
        current = self.who.value
        self.who.options = log.contacts
        if current in log.contacts:
            self.who.value = current
        self.due_table.value = log.due().table_html(caption="")  # under its own heading
        self._log = log
        self._show_rates()
        return True

    def _show_rates(self) -> None:
        from ..rates import rates_chart_html, rates_table_html, response_rates

        table = response_rates(self._log, by=self.group_by.value)
        if table.empty:
            self.chart.layout.display = "none"
            self.rates_table.value = "<p><em>Log a few messages to see which ones work.</em></p>"
        else:
            self.chart.layout.display = None
            self.chart.value = rates_chart_html(table)
            self.rates_table.value = (rates_table_html(table, _GROUP_LABELS[self.group_by.value])
                                      + f"<p><small>{escape(POSITIVE_NOTE)}</small></p>")
        groups = list(table.index)
        self.group_a.options, self.group_b.options = groups, groups
        for dropdown in (self.group_a, self.group_b):
            # two drop-downs offering the same one group would compare it with itself
            dropdown.layout.display = None if len(groups) >= 2 else "none"
        if len(groups) >= 2:
            self.group_a.value, self.group_b.value = groups[0], groups[-1]
        self._show_comparison()

    def _show_comparison(self) -> None:
        from ..rates import compare_groups

        groups = self.group_a.options
        if len(groups) < 2:
            self.comparison.value = (
                f"<p><em>Only one group so far ({escape(groups[0])}): log messages of another "
                "kind to compare.</em></p>" if groups else "")
            return
        a, b = self.group_a.value, self.group_b.value
        if not a or not b or a == b:
            self.comparison.value = "<p><em>Choose two different groups to compare.</em></p>"
            return
        # the table above already says what a positive reply is, so only the verdict here
        comparison = compare_groups(self._log, a, b, by=self.group_by.value)
        self.comparison.value = f"<p>{escape(comparison.sentence)}</p>"


def outreach_tracker(folder: str | Path | None = None) -> OutreachTrackerForm:
    """The whole tracker (notebook 2): log messages, record what happened, what's due, rates."""
    return OutreachTrackerForm(folder)
