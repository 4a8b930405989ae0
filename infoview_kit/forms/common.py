"""Pieces every form shares: labelled inputs with their own error line, and a status line.

A form never shows a traceback. Domain code raises :class:`~infoview_kit.fields.FieldError`
naming a field; the form puts the message on that field's error line, right under the input.
A broken saved file (:class:`~infoview_kit.storage.SavedWorkError`) goes to the status line
and switches saving off, so the file stays exactly as it was until the student fixes it.
"""

from __future__ import annotations

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionWidget

from ..fields import FieldError, each_error
from ..render import CONTENT_MAX_WIDTH, FEEDBACK, counted, escape, status_line
from ..storage import SavedWorkError

#: Let labels take the room they need, so the accessible name is the whole label
#: (:func:`align_labels` then gives a whole form one label column).
LABEL_STYLE = {"description_width": "initial"}
#: How wide a form's inputs, tables and rows of buttons may grow: one edge for all of them.
FORM_MAX_WIDTH = CONTENT_MAX_WIDTH
#: Widgets whose description is not a label to the left of an input.
_NOT_LABELLED = (widgets.Button, widgets.Checkbox, widgets.ToggleButton)


def labelled(widget_class, label: str, **kwargs):
    """Build ``widget_class`` with ``label`` as its description (plain text, full width)."""
    kwargs.setdefault("style", LABEL_STYLE)
    kwargs.setdefault("layout", widgets.Layout(width="95%", max_width=FORM_MAX_WIDTH))
    return widget_class(description=label, description_allow_html=False, **kwargs)


def _labelled_widgets(widget):
    if isinstance(widget, widgets.Box):
        for child in widget.children:
            yield from _labelled_widgets(child)
    elif (isinstance(widget, DescriptionWidget) and widget.description
          and not isinstance(widget, _NOT_LABELLED)):
        yield widget


def align_labels(box: widgets.Box) -> None:
    """Give every labelled input inside ``box`` one label column, so all inputs start at one edge.

    The column is as wide as the longest label (in ``ch``, a digit's width, which is wider
    than most letters, so no label is cut short); a label that changes later (the meeting
    place's, say) widens it again.
    """
    labelled_inputs = list(_labelled_widgets(box))

    def fit(_change=None):
        longest = max((len(w.description) for w in labelled_inputs), default=0)
        for w in labelled_inputs:
            w.style.description_width = f"{longest + 1}ch"

    for w in labelled_inputs:
        w.observe(fit, names="description")
    fit()


def button_layout() -> widgets.Layout:
    """A button's layout that fits its whole label.

    ipywidgets gives buttons a fixed width that cuts long labels short; a button in a row
    also shrinks when its neighbours are wide, and one in a column stretches to the full width.
    """
    return widgets.Layout(width="auto", flex="0 0 auto", align_self="flex-start")


class Field:
    """An input and the error line right under it, as one box."""

    def __init__(self, input_widget, hint: str = ""):
        self.input = input_widget
        self.hint = widgets.HTML(f'<small style="color:#555">{escape(hint)}</small>' if hint else "")
        self.error = widgets.HTML("")
        self.box = widgets.VBox([self.input, self.hint, self.error] if hint else
                                [self.input, self.error])

    @property
    def value(self):
        return self.input.value

    def show_error(self, message: str) -> None:
        self.error.value = status_line("problem", message)

    def clear(self) -> None:
        self.error.value = ""


class StatusLine(widgets.HTML):
    """One line saying what just happened: saved, refused, or which file is broken."""

    def show(self, kind: str, message: str) -> None:
        self.value = status_line(kind, message)
        self.kind = kind
        self.message = message

    def ok(self, message: str) -> None:
        self.show("ok", message)

    def problem(self, message: str) -> None:
        self.show("problem", message)

    def info(self, message: str) -> None:
        self.show("info", message)


class Form:
    """Base of every form: named fields, a status line, save buttons, and display.

    Subclasses fill :attr:`fields` (name -> :class:`Field`, keyed like the dataclass fields so
    a :class:`FieldError` finds its input) and :attr:`save_buttons`, and set :attr:`widget`.
    """

    def __init__(self):
        self.fields: dict[str, Field] = {}
        self.save_buttons: list[widgets.Button] = []
        self.status = StatusLine("")
        self.saving_enabled = True
        self.widget = widgets.VBox([])

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.clear()

    def show_field_error(self, error: FieldError, status: StatusLine | None = None,
                         fields: dict[str, Field] | None = None) -> None:
        """Put each of ``error``'s messages next to its input, all at once.

        A message about a field the form lacks goes to the status line (``status``, or the
        form's own); otherwise the status line says which fields to fix. A form with several
        sections passes the section's own ``status`` and ``fields``.
        """
        status = status or self.status
        fields = self.fields if fields is None else fields
        unplaced, marked = [], []
        for single in each_error(error):
            field = fields.get(single.field)
            if field is None:
                unplaced.append(single.message)
            else:
                field.show_error(single.message)
                marked.append(getattr(field.input, "description", "") or single.field)
        if unplaced:
            status.problem(" ".join(unplaced))
        else:
            which = "the field" if len(marked) == 1 else f"the {counted(len(marked), 'field')}"
            status.problem(f"Not saved yet: fix {which} marked {FEEDBACK['problem'][0]} above "
                           f"({', '.join(marked)}).")

    def disable_saving(self, message: str) -> None:
        """Show why saving is off (a broken file) and turn every save button off."""
        self.saving_enabled = False
        for button in self.save_buttons:
            button.disabled = True
        self.status.problem(message)

    def load_saved(self, loader, *args):
        """Return ``loader(*args)``; for a broken saved file, switch saving off and return None.

        A file that is not valid JSON (:class:`SavedWorkError`) and one whose content has the
        wrong shape (:class:`FieldError`) are both broken: they stay as they are.
        """
        try:
            return loader(*args)
        except (SavedWorkError, FieldError) as exc:
            self.disable_saving(f"{exc} Saving is off until the file is fixed or renamed, "
                                "so nothing is overwritten.")
            return None

    def save_file(self, saver, *args) -> bool:
        """Call ``saver(*args)`` (which returns the path written) and say so on the status line.

        Returns False, having said why, when the file could not be written.
        """
        try:
            path = saver(*args)
        except OSError as exc:
            name = getattr(self, "path", None)
            self.status.problem(f"Could not save {getattr(name, 'name', 'your work')}: "
                                f"{exc.strerror or exc}.")
            return False
        self.status.ok(f"Saved to {path.name}.")
        return True

    def _ipython_display_(self):
        from IPython.display import display

        if not getattr(self, "_aligned", False):
            align_labels(self.widget)
            self._aligned = True
        display(self.widget)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status.value!r})"


def heading(text: str) -> widgets.HTML:
    """A small heading inside a form."""
    return widgets.HTML(f"<h4 style='margin:.6rem 0 .2rem'>{escape(text)}</h4>")


def chosen_prospect_or_explain(form: Form, folder):
    """The prospect chosen in notebook 1, or ``None`` with the reason on ``form``'s status line.

    Without a chosen prospect (or with a broken ``prospects.json``) there is nothing to save
    against, so saving is switched off and the student is told where to go.
    """
    from ..prospects import ProspectList

    prospects = form.load_saved(ProspectList.load, folder)
    if prospects is None:
        return None
    prospect = prospects.chosen
    if prospect is None:
        form.disable_saving("No prospect is chosen yet: add one in notebook 1 (1_find_people), "
                            "choose them, then run this cell again.")
    return prospect


def prospect_banner(prospect) -> widgets.HTML:
    """One line saying whom this form is about (or nothing when no one is chosen)."""
    if prospect is None:
        return widgets.HTML("")
    return widgets.HTML(f"<p>For <strong>{escape(prospect.name)}</strong>, "
                        f"{escape(prospect.role)} at {escape(prospect.company)} "
                        f"({escape(prospect.style)} style).</p>")
