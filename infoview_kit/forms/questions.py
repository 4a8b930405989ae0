"""Notebook 3's question builder: tick questions from the bank, add your own, see them checked.

Questions to avoid (a job, a referral, an internship, their pay) are refused with the reason
shown beside the input; questions that merely could be better (yes/no, answered by a web
search) are kept with a tip. The list is saved in ``questions.json`` on every change.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from ..fields import FieldError
from ..question_list import QuestionList
from ..render import counted, escape
from ..storage import work_dir
from .common import Field, Form, chosen_prospect_or_explain, heading, labelled, prospect_banner

#: How many questions fit a 30-minute conversation with room to follow up on answers.
GOOD_RANGE = (5, 10)


class QuestionsForm(Form):
    """The question list for the chosen prospect.

    Widgets: ``bank`` (question -> Checkbox, grouped by theme), ``own_question``,
    ``add_button``, ``remove_choice``, ``remove_button``; ``list_view`` shows the list and
    ``verdict`` the check of the last question added.
    """

    def __init__(self, folder: str | Path | None = None):
        from ..questions import QUESTION_BANK, QUESTIONS_TO_AVOID

        super().__init__()
        self.folder = Path(folder if folder is not None else work_dir())
        self.prospect = chosen_prospect_or_explain(self, self.folder)
        self.questions = None
        if self.prospect is not None:
            self.questions = self.load_saved(QuestionList.load, self.prospect.name, self.folder)
        if self.questions is None:
            self.questions = QuestionList(self.prospect.name if self.prospect else "", [],
                                          self.folder)
        self.bank: dict[str, widgets.Checkbox] = {}
        themes = []
        for theme, questions in QUESTION_BANK.items():
            boxes = []
            for question in questions:
                box = widgets.Checkbox(value=question in self.questions, description=question,
                                       description_allow_html=False, indent=False,
                                       layout=widgets.Layout(width="auto"))
                box.observe(self.on_bank_toggle, names="value")
                self.bank[question] = box
                boxes.append(box)
            themes.append(widgets.VBox([heading(theme), *boxes]))
        # NB: continuous_update=False sends the text when Enter is pressed (or the box is
        # left), which is how ipywidgets 8 replaces the deprecated Text.on_submit
        self.own_question = labelled(widgets.Text, "Your own question", continuous_update=False,
                                     placeholder="e.g. What surprised you most in your first year? "
                                                 "(Enter adds it)")
        self.add_button = widgets.Button(description="Add question", icon="plus",
                                         button_style="primary")
        self.verdict = widgets.HTML()
        self.remove_choice = labelled(widgets.Dropdown, "Question to remove", options=[])
        self.remove_button = widgets.Button(description="Remove", icon="trash")
        self.list_view = widgets.HTML()
        self.fields = {"question": Field(self.own_question)}
        self.save_buttons = [self.add_button, self.remove_button]
        if not self.saving_enabled:
            self.add_button.disabled = self.remove_button.disabled = True
            for box in self.bank.values():
                box.disabled = True
        self.add_button.on_click(self.on_add)
        self.own_question.observe(self.on_enter, names="value")
        self._added_on_enter = False
        self.remove_button.on_click(self.on_remove)
        avoid = "".join(f"<li><strong>{escape(q)}</strong> {escape(why)}</li>"
                        for q, why in QUESTIONS_TO_AVOID)
        self.widget = widgets.VBox([
            heading("Build your question list"), prospect_banner(self.prospect),
            widgets.HTML("<p>Tick the questions from the bank you want to ask:</p>"),
            *themes,
            heading("Add your own"), self.fields["question"].box, self.add_button, self.verdict,
            widgets.HTML(f"<details><summary>Questions to leave out, and why</summary>"
                         f"<ul>{avoid}</ul></details>"),
            heading("Your list"), self.list_view,
            widgets.HBox([self.remove_choice, self.remove_button]), self.status])
        self.refresh()

    # -- callbacks ----------------------------------------------------------------------
    def on_bank_toggle(self, change) -> None:
        """Add a ticked bank question, drop an unticked one; save."""
        if not self.saving_enabled:
            return
        question = change["owner"].description
        if change["new"]:
            try:
                self.questions.add(question)
            except FieldError as exc:  # the list is full
                self.status.problem(exc.message)
                change["owner"].value = False
                return
        else:
            self.questions.remove(question)
        self._save()

    def on_enter(self, change) -> None:
        """Add the question as soon as its text arrives (Enter, or leaving the box)."""
        if change["new"].strip():
            self.on_add()
            self._added_on_enter = not self.own_question.value

    def on_add(self, widget=None) -> None:
        """Check the typed question: refuse one to avoid (with why), keep one with a tip."""
        if widget is not None and self._added_on_enter and not self.own_question.value.strip():
            # clicking the button leaves the box first, which has just added the question
            self._added_on_enter = False
            return
        self._added_on_enter = False
        self.clear_errors()
        self.verdict.value = ""
        if not self.saving_enabled:
            return
        try:
            verdict = self.questions.add(self.own_question.value)
        except FieldError as exc:
            self.show_field_error(exc)
            self.status.problem("Not added: see the note under your question.")
            return
        if verdict.severity == "tip":
            self.verdict.value = verdict._repr_html_()
        self.own_question.value = ""
        self._save()

    def on_remove(self, button=None) -> None:
        question = self.remove_choice.value
        if not self.saving_enabled or not question:
            return
        if question in self.bank:
            self.bank[question].value = False  # its observer removes and saves
            return
        self.questions.remove(question)
        self._save()

    def _save(self) -> None:
        self.questions.save()
        self.refresh()

    def refresh(self) -> None:
        """Redraw the list, the remove picker and the advice on its length."""
        self.list_view.value = self.questions._repr_html_()
        self.remove_choice.options = list(self.questions.questions)
        count = len(self.questions)
        low, high = GOOD_RANGE
        if count == 0:
            return
        if count < low:
            self.status.info(f"{counted(count, 'question')} saved. Aim for {low} to {high}: enough to "
                             "fill 30 minutes without rushing.")
        elif count <= high:
            self.status.ok(f"{count} questions saved: a good length for 30 minutes.")
        else:
            self.status.info(f"{count} questions saved: more than 30 minutes allows. Put the "
                             "ones you most want answered first.")


def questions_form(folder: str | Path | None = None) -> QuestionsForm:
    """Notebook 3's question list builder for the chosen prospect (displays itself)."""
    return QuestionsForm(folder)
