"""Notebook 3's research form: notes on the person and their company, saved as they go."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from ..fields import FieldError
from ..render import FEEDBACK, counted, escape
from ..research import RESEARCH_FIELDS, ResearchNotes, load_research, save_research
from ..storage import work_dir
from .common import Field, Form, chosen_prospect_or_explain, heading, labelled, prospect_banner


class ResearchForm(Form):
    """One text area per part of the research; each change is saved to ``research.json``.

    Widgets are attributes named like the fields: ``profile``, ``site``, ``products``,
    ``openers``; ``gaps`` shows what is still worth looking up.
    """

    def __init__(self, folder: str | Path | None = None):
        super().__init__()
        self.folder = Path(folder if folder is not None else work_dir())
        self.prospect = chosen_prospect_or_explain(self, self.folder)
        for key, (label, hint) in RESEARCH_FIELDS.items():
            area = labelled(widgets.Textarea, label, continuous_update=False,
                            layout=widgets.Layout(width="95%", max_width="46rem", height="5em"))
            setattr(self, key, area)
            self.fields[key] = Field(area, hint)
        self.gaps = widgets.HTML()
        self._restoring = False
        if self.prospect is not None:
            self._restore()
        for key in RESEARCH_FIELDS:
            getattr(self, key).observe(self.on_change, names="value")
            getattr(self, key).disabled = not self.saving_enabled
        self.widget = widgets.VBox([
            heading("Research notes"), prospect_banner(self.prospect),
            *(field.box for field in self.fields.values()), self.gaps, self.status])

    def _restore(self) -> None:
        notes = self.load_saved(load_research, self.prospect.name, self.folder)
        if notes is None:
            return
        self._restoring = True
        for key in RESEARCH_FIELDS:
            getattr(self, key).value = getattr(notes, key)
        self._restoring = False
        self._show_gaps(notes)

    def on_change(self, change=None) -> None:
        """Validate and save the notes; point out what is still missing."""
        if self._restoring or not self.saving_enabled:
            return
        self.clear_errors()
        try:
            notes = ResearchNotes(**{key: getattr(self, key).value for key in RESEARCH_FIELDS})
        except FieldError as exc:
            self.show_field_error(exc)
            return
        save_research(self.prospect.name, notes, self.folder)
        self.status.ok(f"Saved your research on {self.prospect.name}.")
        self._show_gaps(notes)

    def _show_gaps(self, notes: ResearchNotes) -> None:
        gaps = notes.gaps()
        if gaps:
            items = "".join(f"<li>{escape(g)}</li>" for g in gaps)
            self.gaps.value = f"<p>Still worth a look:</p><ul>{items}</ul>"
        else:
            openers = len(notes.opener_list)
            self.gaps.value = (f"<p>{FEEDBACK['ok'][0]} All four parts researched, with "
                               f"{counted(openers, 'opener')} to break the ice.</p>")


def research_form(folder: str | Path | None = None) -> ResearchForm:
    """Notebook 3's research notes form for the chosen prospect (displays itself)."""
    return ResearchForm(folder)
