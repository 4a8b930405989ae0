"""Research notes on the person you will meet and their company.

A little reading before the meeting gives better questions and easy, friendly topics to open
with ("I saw you studied in Prague; do you miss it?"). The notes are kept per prospect in
``research.json`` so the question sheet of notebook 3 can print the openers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from .fields import ErrorCollector, clean_text
from .records import ProspectRecords
from .render import escape

RESEARCH_FILE = "research.json"
#: Field -> (label the student sees, what to look for); the order of the form.
RESEARCH_FIELDS = {
    "profile": ("Their profile (LinkedIn)",
                "Their path so far: studies, earlier jobs, moves between fields."),
    "site": ("Their site or blog",
             "Anything they wrote or made: a post you liked, a talk, a side project."),
    "products": ("Their company's products and services",
                 "What the company sells or does, and for whom, in a sentence or two."),
    "openers": ("Openers to connect on (one per line)",
                "Casual things in common or worth asking about: a shared school, a city, a post."),
}
MAX_CHARS = 2000


@dataclass(frozen=True)
class ResearchNotes:
    """What the student found out before the meeting; every field is optional."""

    profile: str = ""
    site: str = ""
    products: str = ""
    openers: str = ""

    def __post_init__(self):
        check = ErrorCollector()  # every overlong field at once
        for field, (label, _) in RESEARCH_FIELDS.items():
            object.__setattr__(self, field, check(
                clean_text, getattr(self, field), field, label=label, max_chars=MAX_CHARS))
        check.done()

    @property
    def opener_list(self) -> tuple[str, ...]:
        """The openers, one per non-empty line."""
        return tuple(line.strip(" -•\t") for line in self.openers.splitlines() if line.strip(" -•\t"))

    def gaps(self) -> list[str]:
        """A nudge for each part not yet researched (empty when all are done)."""
        return [f"Nothing yet on {label[0].lower()}{label[1:]}: {hint[0].lower()}{hint[1:]}"
                for field, (label, hint) in RESEARCH_FIELDS.items() if not getattr(self, field)]

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    def __repr__(self) -> str:
        filled = [f for f in RESEARCH_FIELDS if getattr(self, f)]
        return f"ResearchNotes(filled={filled}, openers={len(self.opener_list)})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<dt><strong>{escape(label)}</strong></dt><dd>{escape(getattr(self, field)) or '<em>not yet</em>'}</dd>"
            for field, (label, _) in RESEARCH_FIELDS.items())
        return f"<dl>{rows}</dl>"


def load_research(prospect: str, folder: str | Path | None = None) -> ResearchNotes:
    """The notes saved for ``prospect`` (empty notes when none were saved)."""
    saved = ProspectRecords(RESEARCH_FILE, folder).get(prospect, {})
    if not isinstance(saved, dict):
        saved = {}
    return ResearchNotes(**{f: saved.get(f, "") if isinstance(saved.get(f, ""), str) else ""
                            for f in RESEARCH_FIELDS})


def save_research(prospect: str, notes: ResearchNotes, folder: str | Path | None = None) -> Path:
    """Save ``notes`` for ``prospect`` in ``research.json``."""
    return ProspectRecords(RESEARCH_FILE, folder).set(prospect, notes.to_dict())
