"""Prospects: the people a student might interview, and how to reach each of them.

How you ask depends on how you are connected. Someone you know can be asked directly; someone
your contact knows is best reached through an introduction from that contact (warm); a stranger
found on a team page or LinkedIn gets a short, careful message of your own (cold). The kit
derives that style from the connection so the student never has to guess it, and notebook 2
picks the message that fits.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from .fields import ErrorCollector, FieldError, clean_text, one_of
from .render import escape, html_table
from .storage import SavedWorkError, load_json, save_json, work_dir
from .vocabulary import CONNECTIONS, RELATIONS, STYLE_FOR, STYLE_HINTS

#: Where strangers are usually found (suggestions; any place may be typed).
FOUND_AT_SUGGESTIONS = ("company team page", "LinkedIn", "meetup or event", "article or blog post")

PROSPECTS_FILE = "prospects.json"


def style_for(connection: str) -> str:
    """Return the outreach style ("direct", "warm" or "cold") that fits ``connection``."""
    return STYLE_FOR[one_of(connection, "connection", CONNECTIONS)]


@dataclass(frozen=True)
class Prospect:
    """One person worth interviewing, validated when built (errors name the field)."""

    #: Their full name, as you would write it in a greeting.
    name: str
    #: Their job title ("Product manager").
    role: str
    #: Where they work.
    company: str
    #: One of :data:`CONNECTIONS`.
    connection: str
    #: For your own network: one of :data:`RELATIONS`.
    relation: str = ""
    #: For your network's network: the mutual contact who can introduce you (required).
    via: str = ""
    #: For strangers: where you found them (team page, LinkedIn, ...).
    found_at: str = ""
    #: Why this person: what about their work makes them worth asking.
    why: str = ""

    def __post_init__(self):
        check = ErrorCollector()  # every wrong field at once, so a form can mark them all
        clean = {
            "name": check(clean_text, self.name, "name", required=True, max_chars=100),
            "role": check(clean_text, self.role, "role", required=True, max_chars=120),
            "company": check(clean_text, self.company, "company", required=True, max_chars=120),
            "connection": check(one_of, self.connection, "connection", CONNECTIONS),
            "why": check(clean_text, self.why, "why", label="Why this person", required=True,
                         max_chars=600),
            "relation": "", "via": "", "found_at": "",
        }
        connection = clean["connection"]
        if connection == "network":
            relation = (self.relation or "").strip() or "other"
            clean["relation"] = check(one_of, relation, "relation", RELATIONS)
        elif connection == "network_of_network":
            clean["via"] = check(clean_text, self.via, "via", label="Through whom",
                                 required=True, max_chars=100)
        elif connection == "stranger":
            clean["found_at"] = check(clean_text, self.found_at, "found_at",
                                      label="Where you found them", required=True, max_chars=120)
        check.done()
        for field, value in clean.items():
            object.__setattr__(self, field, value)

    @property
    def style(self) -> str:
        """How to reach them: "direct", "warm" or "cold" (derived from the connection)."""
        return STYLE_FOR[self.connection]

    @property
    def how_connected(self) -> str:
        """A short phrase for tables: "friend", "via Ana Ruiz", "found on LinkedIn"."""
        if self.connection == "network":
            return self.relation
        if self.connection == "network_of_network":
            return f"via {self.via}"
        return f"found on {self.found_at}"

    def to_dict(self) -> dict[str, str]:
        """The prospect as plain JSON-ready data."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Prospect:
        """Build a prospect from saved data, ignoring keys the kit does not know."""
        if not isinstance(data, dict):
            raise FieldError("name", f"a saved prospect should be an object, not {data!r}.")
        known = {k: data.get(k, "") for k in cls.__dataclass_fields__}
        return cls(**known)

    def __repr__(self) -> str:
        return (f"Prospect({self.name!r}, {self.role!r} at {self.company!r}, "
                f"{self.how_connected}, style={self.style!r})")

    def _repr_html_(self) -> str:
        return (f"<p><strong>{escape(self.name)}</strong>, {escape(self.role)} at "
                f"{escape(self.company)} ({escape(self.how_connected)}). "
                f"Style: <strong>{self.style}</strong>. {escape(STYLE_HINTS[self.style])}"
                f"</p>")


class ProspectList:
    """The student's prospects and the one they chose, saved in ``prospects.json``.

    Names are unique (ignoring case and spaces) because every later file (drafts, research,
    questions, meeting plan) is keyed by the prospect's name.
    """

    def __init__(self, prospects=(), chosen: str | None = None, path: str | Path | None = None):
        self.path = Path(path) if path is not None else work_dir() / PROSPECTS_FILE
        self._prospects: list[Prospect] = []
        for prospect in prospects:
            self.add(prospect)
        self.chosen_name = chosen if chosen and self.get(chosen) else None

    # -- loading and saving -------------------------------------------------------------
    @classmethod
    def load(cls, folder: str | Path | None = None) -> ProspectList:
        """Load the saved list (empty when nothing was saved yet).

        Raises:
            SavedWorkError: the file is broken or holds a prospect the kit cannot read; the
                message says which one and why, and the file is left as it is.
        """
        path = Path(folder if folder is not None else work_dir()) / PROSPECTS_FILE
        data = load_json(path, default={})
        if not isinstance(data, dict) or not isinstance(data.get("prospects", []), list):
            raise SavedWorkError(
                f"{path} should hold {{\"chosen\": ..., \"prospects\": [...]}}. It was left as "
                "it is: fix it or rename it to start afresh."
            )
        prospects = []
        for number, entry in enumerate(data.get("prospects", []), start=1):
            try:
                prospects.append(Prospect.from_dict(entry))
            except (FieldError, TypeError) as exc:
                raise SavedWorkError(
                    f"{path}: prospect number {number} cannot be read ({exc}). It was left as it "
                    "is: fix that entry and run this cell again."
                ) from None
        try:
            return cls(prospects, chosen=data.get("chosen"), path=path)
        except FieldError as exc:
            raise SavedWorkError(f"{path}: {exc.message} It was left as it is.") from None

    def save(self) -> Path:
        """Write the list and the chosen prospect to ``prospects.json`` atomically."""
        return save_json(self.path, {
            "chosen": self.chosen_name,
            "prospects": [p.to_dict() for p in self._prospects],
        })

    # -- editing ------------------------------------------------------------------------
    def _index(self, name: str) -> int | None:
        key = " ".join(str(name).split()).casefold()
        for index, prospect in enumerate(self._prospects):
            if " ".join(prospect.name.split()).casefold() == key:
                return index
        return None

    def get(self, name: str) -> Prospect | None:
        """The prospect called ``name`` (case and spacing ignored), or ``None``."""
        index = self._index(name)
        return None if index is None else self._prospects[index]

    def add(self, prospect: Prospect) -> None:
        """Add a prospect; a name already listed raises :class:`FieldError` on ``name``."""
        if self._index(prospect.name) is not None:
            raise FieldError("name", f"{prospect.name} is already on your list: pick them in "
                                     "the list to change them, or use another name.")
        self._prospects.append(prospect)

    def update(self, name: str, prospect: Prospect) -> None:
        """Replace the prospect called ``name`` (they may be renamed, to a free name)."""
        index = self._require(name)
        other = self._index(prospect.name)
        if other is not None and other != index:
            raise FieldError("name", f"{prospect.name} is already on your list.")
        was_chosen = self.chosen_name is not None and self._index(self.chosen_name) == index
        self._prospects[index] = prospect
        if was_chosen:
            self.chosen_name = prospect.name

    def remove(self, name: str) -> Prospect:
        """Remove and return the prospect called ``name`` (un-choosing them if chosen)."""
        index = self._require(name)
        if self.chosen_name is not None and self._index(self.chosen_name) == index:
            self.chosen_name = None
        return self._prospects.pop(index)

    def choose(self, name: str) -> Prospect:
        """Make ``name`` the prospect the next notebooks write to and prepare for."""
        prospect = self._prospects[self._require(name)]
        self.chosen_name = prospect.name
        return prospect

    def _require(self, name: str) -> int:
        index = self._index(name)
        if index is None:
            raise FieldError("name", f"There is no prospect called {name!r} on your list.")
        return index

    # -- reading ------------------------------------------------------------------------
    @property
    def chosen(self) -> Prospect | None:
        """The chosen prospect, or ``None`` when none is chosen yet."""
        return self.get(self.chosen_name) if self.chosen_name else None

    @property
    def names(self) -> list[str]:
        return [p.name for p in self._prospects]

    def __iter__(self):
        return iter(list(self._prospects))

    def __len__(self) -> int:
        return len(self._prospects)

    def __repr__(self) -> str:
        return f"ProspectList({self.names!r}, chosen={self.chosen_name!r})"

    def _repr_html_(self) -> str:
        return self.table_html()

    def table_html(self, caption: str = "Your prospects") -> str:
        """The list as an HTML table; a form with its own heading passes ``caption=""``."""
        rows = [
            ("★" if p.name == self.chosen_name else "", p.name, p.role, p.company,
             p.how_connected, p.style, p.why)
            for p in self._prospects
        ]
        return html_table(
            ("Chosen", "Name", "Role", "Company", "Connection", "Style", "Why this person"),
            rows, caption=caption,
            empty="No prospects yet: add the first one with the form above.")


def chosen_prospect(folder: str | Path | None = None) -> Prospect | None:
    """The prospect chosen in notebook 1, or ``None`` (raises SavedWorkError if broken)."""
    return ProspectList.load(folder).chosen
