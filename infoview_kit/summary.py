"""The interview summary: what the student hands in, and how it is saved and read.

The summary is data, not code: the form in "Write summary" saves it to ``summary.json`` in the
work folder, the graded cell shows it, and the rubric (:mod:`infoview_kit.rubric`) judges it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from .fields import ErrorCollector, FieldError
from .render import escape
from .storage import load_json, save_json, work_dir

#: File name of the saved summary inside the work folder.
SUMMARY_FILE = "summary.json"
#: Longest text accepted in one field; a summary is a page, not a thesis.
MAX_FIELD_CHARS = 6000
#: Most questions accepted; an interview of 30 minutes has room for a dozen at most.
MAX_QUESTIONS = 40

_FIELDS = ("first_name", "last_name", "title", "questions", "learned", "apply")
#: What a student sees for each field (the form's labels and the rubric's feedback).
FIELD_LABELS = {
    "first_name": "First name", "last_name": "Last name", "title": "Title",
    "questions": "Questions asked", "learned": "What you learned", "apply": "How you will apply it",
}


class SummaryError(FieldError):
    """A saved or typed summary has the wrong shape; the message names the field and the fix."""


def _text(value: object, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SummaryError(name, f"{FIELD_LABELS[name]} should be text, not {type(value).__name__}.")
    text = value.strip()
    if len(text) > MAX_FIELD_CHARS:
        raise SummaryError(name, f"{FIELD_LABELS[name]} is {len(text):,} characters long; keep it under "
                                 f"{MAX_FIELD_CHARS:,} (a few sentences are enough).")
    return text


@dataclass(frozen=True)
class InterviewSummary:
    """The written summary of one informational interview.

    Any field may still be empty: a half-written draft is valid data (the form saves it as the
    student types); whether it is *complete* is the rubric's call, not the constructor's.
    """

    first_name: str = ""
    """Interviewee's first name, as they write it."""
    last_name: str = ""
    """Interviewee's last name."""
    title: str = ""
    """Their job title (role and, if they like, company)."""
    questions: list[str] = field(default_factory=list)
    """The questions actually asked in the meeting, one per item."""
    learned: str = ""
    """What the student learned, in a few sentences."""
    apply: str = ""
    """How the student will apply it, in a few sentences."""

    def __post_init__(self):
        check = ErrorCollector(SummaryError)  # every wrong field at once, so the form can mark them all
        for name in ("first_name", "last_name", "title", "learned", "apply"):
            object.__setattr__(self, name, check(_text, getattr(self, name), name))
        object.__setattr__(self, "questions", check(_questions, self.questions, default=[]))
        check.done()

    @classmethod
    def from_dict(cls, data: object) -> InterviewSummary:
        """Build a summary from JSON data, refusing anything that is not a summary's shape."""
        if not isinstance(data, dict):
            raise SummaryError("", "A summary should be a JSON object with the fields "
                                   f"{', '.join(_FIELDS)}; found {type(data).__name__}.")
        return cls(**{name: data.get(name) for name in _FIELDS})

    def to_dict(self) -> dict:
        """The summary as plain JSON data (what ``summary.json`` holds)."""
        return asdict(self)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    def is_empty(self) -> bool:
        return not any((self.first_name, self.last_name, self.title, self.questions,
                        self.learned, self.apply))

    def _repr_html_(self) -> str:
        if self.is_empty():
            return "<p><em>No summary saved yet: fill in the summary form above.</em></p>"
        questions = "".join(f"<li>{escape(q)}</li>" for q in self.questions) or "<li><em>none</em></li>"
        name = escape(self.full_name) or "<em>(no name)</em>"
        return (
            '<div class="infoview-summary">'
            f"<h4>Interview with {name}</h4>"
            f"<p><strong>Title:</strong> {escape(self.title) or '<em>(none)</em>'}</p>"
            f"<p><strong>Questions asked:</strong></p><ol>{questions}</ol>"
            f"<p><strong>What I learned:</strong></p><p>{_paragraphs(self.learned)}</p>"
            f"<p><strong>How I will apply it:</strong></p><p>{_paragraphs(self.apply)}</p>"
            "</div>"
        )

    def as_text(self) -> str:
        """The summary as plain text (what the grader and the feedback show without HTML)."""
        if self.is_empty():
            return "No summary saved yet."
        lines = [f"Interview with {self.full_name or '(no name)'}", f"Title: {self.title or '(none)'}",
                 "Questions asked:"]
        lines += [f"  {i}. {q}" for i, q in enumerate(self.questions, 1)] or ["  (none)"]
        lines += ["What I learned:", f"  {self.learned or '(empty)'}",
                  "How I will apply it:", f"  {self.apply or '(empty)'}"]
        return "\n".join(lines)


def _questions(questions: object) -> list[str]:
    if questions is None:
        questions = []
    if isinstance(questions, str):
        questions = questions.splitlines()
    if not isinstance(questions, (list, tuple)):
        raise SummaryError("questions", "Questions asked should be a list of questions, "
                                        f"not {type(questions).__name__}.")
    cleaned = [q for q in (_text(q, "questions") for q in questions) if q]
    if len(cleaned) > MAX_QUESTIONS:
        raise SummaryError("questions", f"{len(cleaned)} questions is more than a meeting "
                                        f"holds; keep the {MAX_QUESTIONS} you really asked at most.")
    return cleaned


def _paragraphs(text: str) -> str:
    return escape(text).replace("\n", "<br>") if text else "<em>(empty)</em>"


def summary_path(folder: str | Path | None = None) -> Path:
    """Where the summary is saved: ``summary.json`` in the work folder (or in ``folder``)."""
    return Path(folder) / SUMMARY_FILE if folder is not None else work_dir() / SUMMARY_FILE


def load_summary(path: str | Path | None = None) -> InterviewSummary:
    """Load the saved summary (an empty one when nothing was saved yet).

    Raises:
        SavedWorkError: the file is not valid JSON (it is left untouched).
        SummaryError: the JSON does not have a summary's shape.
    """
    data = load_json(path or summary_path(), default=None)
    return InterviewSummary() if data is None else InterviewSummary.from_dict(data)


def save_summary(summary: InterviewSummary, path: str | Path | None = None) -> Path:
    """Save ``summary`` atomically as ``summary.json``."""
    return save_json(path or summary_path(), summary.to_dict())
