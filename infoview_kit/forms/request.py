"""Notebook 2's form: draft the message that fits the chosen prospect, with a live checker.

The kinds offered follow the style worked out in notebook 1: a direct or cold prospect gets
the request itself; a warm one starts with the note asking the mutual contact for an
introduction. The follow-up (two weeks of silence) and the scheduling reply (they said yes)
come after, for everyone. Every keystroke re-runs the checker and saves the draft.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from ..drafts import load_about_me, load_draft, save_about_me, save_draft
from ..fields import FieldError
from ..storage import work_dir
from ..vocabulary import FOLLOW_UP_AFTER, KIND_TITLES
from .common import (Field, Form, button_layout, chosen_prospect_or_explain, heading, labelled,
                     prospect_banner)

_AFTERWARDS = [(f"{KIND_TITLES['follow_up']}: no answer after {FOLLOW_UP_AFTER}", "follow_up"),
               (f"{KIND_TITLES['scheduling']}: they said yes", "scheduling")]


def kinds_for(prospect) -> list[tuple[str, str]]:
    """The (label, kind) choices that fit ``prospect``'s style, first one first."""
    if prospect.style == "warm":
        return [(f"Introduction request to {prospect.via}", "intro_request"),
                (f"Request to {prospect.name}, once introduced", "request"), *_AFTERWARDS]
    return [(f"Request to {prospect.name} ({prospect.style})", "request"), *_AFTERWARDS]


class RequestForm(Form):
    """Pick a kind, start from a template, and write; the report updates as you type.

    Widgets: ``kind``, ``your_name``, ``your_goal``, ``template_button``, ``draft`` (a
    textarea with ``continuous_update=True``) and ``report`` (the checker's, which also
    counts the words of the body).
    """

    def __init__(self, folder: str | Path | None = None):
        super().__init__()
        self.folder = Path(folder if folder is not None else work_dir())
        self.prospect = chosen_prospect_or_explain(self, self.folder)
        self.kind = labelled(widgets.Dropdown, "Message",
                             options=kinds_for(self.prospect) if self.prospect else [])
        self.your_name = labelled(widgets.Text, "Your name", continuous_update=False,
                                  placeholder="how you sign your messages")
        self.your_goal = labelled(widgets.Text, "What you are working towards",
                                  continuous_update=False,
                                  placeholder="e.g. moving from nursing into data analysis")
        self.template_button = widgets.Button(description="Start from template", icon="file",
                                              layout=button_layout())
        self.draft = labelled(widgets.Textarea, "Your draft", continuous_update=True,
                              layout=widgets.Layout(width="95%", max_width="46rem",
                                                    height="14em"))
        self.fields = {"your_name": Field(self.your_name), "your_goal": Field(self.your_goal),
                       "draft": Field(self.draft)}
        self.report = widgets.HTML()
        self.save_buttons = [self.template_button]
        self._confirm_replace = False
        self._restoring = False
        self.last_report = None

        if self.prospect is not None:
            self._restore()
        if not self.saving_enabled:
            self.draft.disabled = self.template_button.disabled = True
        self.kind.observe(self.on_kind_change, names="value")
        self.draft.observe(self.on_type, names="value")
        self.your_name.observe(self.on_about_me, names="value")
        self.your_goal.observe(self.on_about_me, names="value")
        self.template_button.on_click(self.on_template)
        self.widget = widgets.VBox([
            heading("Write your message"), prospect_banner(self.prospect), self.kind,
            self.fields["your_name"].box, self.fields["your_goal"].box, self.template_button,
            self.fields["draft"].box, self.report, self.status])

    # -- whom the message is for ----------------------------------------------------------
    @property
    def reader(self) -> str:
        """Who reads this kind: the mutual contact for an intro request, else the prospect."""
        if self.kind.value == "intro_request":
            return self.prospect.via
        return self.prospect.name

    # -- callbacks ----------------------------------------------------------------------
    def _restore(self) -> None:
        about = self.load_saved(load_about_me, self.folder)
        text = self.load_saved(load_draft, self.prospect.name, self.kind.value, self.folder)
        if about is None or text is None:
            return
        self._restoring = True
        self.your_name.value, self.your_goal.value = about["name"], about["goal"]
        self.draft.value = text
        self._restoring = False
        self.show_report()
        if text:
            self.status.info("Your saved draft is back: carry on where you left off.")

    def on_kind_change(self, change=None) -> None:
        """Switch to the saved draft of the newly picked kind (the other stays saved)."""
        if self.prospect is None:
            return
        self._confirm_replace = False
        text = self.load_saved(load_draft, self.prospect.name, self.kind.value, self.folder)
        self._restoring = True
        self.draft.value = text or ""
        self._restoring = False
        self.fields["draft"].clear()
        self.show_report()

    def on_about_me(self, change=None) -> None:
        if self._restoring or not self.saving_enabled:
            return
        save_about_me(self.your_name.value, self.your_goal.value, self.folder)
        self.status.ok("Saved your name and goal for the templates.")

    def on_template(self, button=None) -> None:
        """Fill the draft from the template for this kind; asks once before replacing text."""
        if not self.saving_enabled:
            return
        if self.draft.value.strip() and not self._confirm_replace:
            self._confirm_replace = True
            self.status.info("Your draft already has text. Click “Start from template” again "
                             "to replace it with the template.")
            return
        from ..templates import message_template

        p = self.prospect
        # templates greet the prospect (or, for an intro request, the mutual contact) by first
        # name; a warm request, once introduced, reads like a cold one that names the contact
        self.draft.value = message_template(
            self.kind.value, reader_name=p.name, your_name=self.your_name.value.strip(),
            their_role=p.role, their_company=p.company, your_goal=self.your_goal.value.strip(),
            specific_detail=p.why, mutual_contact=p.via,
            style="direct" if p.style == "direct" else "cold")
        self._confirm_replace = False
        self.status.ok("Template in place: replace every [bracketed] part with your own words.")

    def on_type(self, change=None) -> None:
        """Re-check and save the draft on every change."""
        if self._restoring or not self.saving_enabled:
            return
        self._confirm_replace = False
        self.fields["draft"].clear()
        text = self.draft.value
        try:
            save_draft(self.prospect.name, self.kind.value, text, self.folder)
        except FieldError as exc:
            self.show_field_error(FieldError(exc.field, f"{exc.message} Your last saved draft "
                                                        "is kept; shorten this one to save it."))
        else:
            self.status.ok("Draft saved.")
        self.show_report()

    def show_report(self) -> None:
        """Show the checker's report (with its word count) for the current draft."""
        from ..checker import check_message

        text = self.draft.value
        self.last_report = check_message(text, self.kind.value, reader_name=self.reader)
        self.report.value = self.last_report._repr_html_()
        too_long = [f for f in self.last_report.problems if f.rule == "too_long"]
        if too_long and not self.fields["draft"].error.value:
            # the one problem worth repeating right under the text box: it is about its size
            self.fields["draft"].show_error(too_long[0].message)


def request_form(folder: str | Path | None = None) -> RequestForm:
    """Notebook 2's message form for the chosen prospect (displays itself)."""
    return RequestForm(folder)
