"""Notebook 1's form: list the people worth interviewing and choose whom to contact first."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from ..fields import FieldError
from ..prospects import FOUND_AT_SUGGESTIONS, PROSPECTS_FILE, Prospect, ProspectList, style_for
from ..records import rename_prospect
from ..render import counted, escape
from ..storage import work_dir
from ..vocabulary import CONNECTION_LABELS, RELATIONS, STYLE_HINTS
from .common import FORM_MAX_WIDTH, Field, Form, button_layout, heading, labelled

_INPUTS = ("name", "role", "company", "connection", "relation", "via", "found_at", "why")


class ProspectsForm(Form):
    """Add, edit, remove and choose prospects; everything is saved in ``prospects.json``.

    Widgets are attributes (``name``, ``role``, ``company``, ``connection``, ``relation``,
    ``via``, ``found_at``, ``why``, ``add_button``, ``selected``, ``choose_button``,
    ``edit_button``, ``remove_button``) so tests can drive the form without a browser.
    """

    def __init__(self, folder: str | Path | None = None):
        super().__init__()
        self.folder = Path(folder if folder is not None else work_dir())
        self.name = labelled(widgets.Text, "Name", placeholder="e.g. Maya Chen")
        self.role = labelled(widgets.Text, "Role", placeholder="e.g. Data analyst")
        self.company = labelled(widgets.Text, "Company", placeholder="e.g. Harbor Health")
        self.connection = labelled(
            widgets.Dropdown, "How you are connected",
            options=[(label, value) for value, label in CONNECTION_LABELS.items()], value="network")
        self.relation = labelled(widgets.Dropdown, "Who they are to you",
                                 options=[(r.capitalize(), r) for r in RELATIONS], value="friend")
        self.via = labelled(widgets.Text, "Through whom (your mutual contact)",
                            placeholder="the person who can introduce you")
        self.found_at = labelled(widgets.Combobox, "Where you found them",
                                 options=list(FOUND_AT_SUGGESTIONS), ensure_option=False,
                                 placeholder="company team page, LinkedIn, ...")
        self.why = labelled(widgets.Textarea, "Why this person",
                            placeholder="What about their work makes them worth asking?")
        self.style = widgets.HTML()
        self.add_button = widgets.Button(description="Add prospect", button_style="primary",
                                         icon="plus", tooltip="Add this person to your list")
        # as wide as the inputs above it, so the table wraps its text instead of running past
        self.table = widgets.HTML(layout=widgets.Layout(width="95%", max_width=FORM_MAX_WIDTH))
        self.selected = labelled(widgets.Dropdown, "Prospect", options=[])
        self.choose_button = widgets.Button(description="Choose for notebooks 2 and 3",
                                            icon="star", layout=button_layout())
        self.edit_button = widgets.Button(description="Edit", icon="pencil", layout=button_layout())
        self.remove_button = widgets.Button(description="Remove", icon="trash",
                                            layout=button_layout())
        self.save_buttons = [self.add_button, self.choose_button, self.remove_button]
        self._editing: str | None = None

        hints = {"via": "Required: you will ask this person for an introduction.",
                 "why": "One or two sentences: this makes your request personal."}
        self.fields = {key: Field(getattr(self, key), hints.get(key, "")) for key in _INPUTS}

        self.connection.observe(self.on_connection_change, names="value")
        self.add_button.on_click(self.on_add)
        self.choose_button.on_click(self.on_choose)
        self.edit_button.on_click(self.on_edit)
        self.remove_button.on_click(self.on_remove)

        self.widget = widgets.VBox([
            heading("Add a prospect"),
            *(self.fields[key].box for key in _INPUTS),
            self.style, self.add_button, self.status,
            heading("Your prospects"), self.table,
            # the picker on its own line, like every input; its buttons in a row that wraps
            # rather than running past the form's edge
            self.selected,
            widgets.HBox([self.choose_button, self.edit_button, self.remove_button],
                         layout=widgets.Layout(width="95%", max_width=FORM_MAX_WIDTH,
                                               flex_flow="row wrap")),
        ])
        self.prospects = self._load()
        self.on_connection_change()
        self.refresh()

    # -- callbacks ----------------------------------------------------------------------
    def _load(self) -> ProspectList:
        prospects = self.load_saved(ProspectList.load, self.folder)
        if prospects is None:
            return ProspectList(path=self.folder / PROSPECTS_FILE)
        if len(prospects):
            self.status.info(f"Loaded {counted(len(prospects), 'prospect')} you saved earlier.")
        return prospects

    def on_connection_change(self, change=None) -> None:
        """Show only the inputs that fit the connection, and the style it implies."""
        connection = self.connection.value
        shown = {"relation": connection == "network", "via": connection == "network_of_network",
                 "found_at": connection == "stranger"}
        for key, visible in shown.items():
            self.fields[key].box.layout.display = None if visible else "none"
        style = style_for(connection)
        self.style.value = (f"<p>Style: <strong>{style}</strong>. "
                               f"{escape(STYLE_HINTS[style])}</p>")

    def read_prospect(self) -> Prospect:
        """The prospect the inputs describe (raises FieldError naming the bad input)."""
        return Prospect(**{key: getattr(self, key).value for key in _INPUTS})

    def on_add(self, button=None) -> None:
        """Validate the inputs, add (or save the edit of) the prospect, and save the list."""
        self.clear_errors()
        if not self.saving_enabled:
            return
        try:
            prospect = self.read_prospect()
            if self._editing:
                self.prospects.update(self._editing, prospect)
            else:
                self.prospects.add(prospect)
        except FieldError as exc:
            self.show_field_error(exc)
            return
        first = self.prospects.chosen is None
        if first:
            self.prospects.choose(prospect.name)
        self.prospects.save()
        verb = "Saved changes to" if self._editing else "Added"
        extra = " and chose them for notebooks 2 and 3" if first else ""
        problems = []
        if self._editing and self._editing != prospect.name:
            # drafts, notes and plans are keyed by name: carry them over to the new one
            problems = rename_prospect(self._editing, prospect.name, self.folder)
        self._editing = None
        self.add_button.description = "Add prospect"
        # NB: empty the inputs before saying "Added": a student who starts typing the next
        # prospect as soon as the message shows must not have it wiped
        for key in ("name", "role", "company", "via", "found_at", "why"):
            getattr(self, key).value = ""
        self.refresh()
        if problems:
            self.status.problem(f"Saved {prospect.name}, but: " + " ".join(problems))
        else:
            self.status.ok(f"{verb} {prospect.name} ({prospect.style} style){extra}.")

    def on_choose(self, button=None) -> None:
        if not self.saving_enabled or not self.selected.value:
            return
        prospect = self.prospects.choose(self.selected.value)
        self.prospects.save()
        self.status.ok(f"{prospect.name} is your chosen prospect: notebooks 2 and 3 will use them.")
        self.refresh()

    def on_edit(self, button=None) -> None:
        """Load the selected prospect into the inputs; "Save changes" then updates them."""
        prospect = self.prospects.get(self.selected.value or "")
        if prospect is None:
            return
        self.clear_errors()
        for key in _INPUTS:
            value = getattr(prospect, key)
            if key == "relation" and not value:
                continue  # keep the dropdown on a real choice
            getattr(self, key).value = value
        self._editing = prospect.name
        self.add_button.description = "Save changes"
        self.status.info(f"Editing {prospect.name}: change the fields above, then Save changes.")

    def on_remove(self, button=None) -> None:
        if not self.saving_enabled or not self.selected.value:
            return
        prospect = self.prospects.remove(self.selected.value)
        self.prospects.save()
        self.status.ok(f"Removed {prospect.name} from your list (drafts and notes about them "
                       "stay in your work folder).")
        self.refresh()

    def refresh(self) -> None:
        """Redraw the table and the prospect picker from the list."""
        self.table.value = self.prospects.table_html(caption="")  # under its own heading
        names = self.prospects.names
        self.selected.options = names
        self.selected.value = self.prospects.chosen_name or (names[0] if names else None)


def prospects_form(folder: str | Path | None = None) -> ProspectsForm:
    """Notebook 1's form for listing prospects and choosing one (displays itself)."""
    return ProspectsForm(folder)
