"""The student's own list of questions for one meeting, each one checked as it is added.

Writing the questions down (not just thinking of them) keeps the student in charge of the
conversation and gives the meeting a natural end: when the list is done, so is the interview.
Questions that ask for a job, a referral, an internship or a salary are refused with the reason;
tips (a yes/no question, something a web search answers) are shown but the question is kept.
Saved per prospect in ``questions.json`` as ``{prospect: [question, ...]}``.
"""

from __future__ import annotations

from pathlib import Path

from .fields import FieldError, clean_text
from .records import ProspectRecords
from .render import counted, escape

QUESTIONS_FILE = "questions.json"
#: About what fits in thirty minutes with room for follow-up questions; more is a tip-off
#: that the list needs choosing, not lengthening.
MAX_QUESTIONS = 15


class QuestionList:
    """Ordered, checked questions for ``prospect``; refused ones never enter the list."""

    def __init__(self, prospect: str, questions=(), folder: str | Path | None = None):
        self.prospect = prospect
        self._folder = folder
        self._questions: list[str] = []
        for question in questions:
            if isinstance(question, str) and question.strip() and question not in self._questions:
                self._questions.append(question.strip())

    @classmethod
    def load(cls, prospect: str, folder: str | Path | None = None) -> QuestionList:
        """The list saved for ``prospect`` (empty when none was saved)."""
        saved = ProspectRecords(QUESTIONS_FILE, folder).get(prospect, [])
        return cls(prospect, saved if isinstance(saved, list) else [], folder)

    def save(self) -> Path:
        """Save the list in ``questions.json`` under the prospect's name."""
        return ProspectRecords(QUESTIONS_FILE, self._folder).set(self.prospect, list(self._questions))

    def add(self, text: str):
        """Check ``text`` and add it; return the verdict (it may carry a tip).

        Raises:
            FieldError: on ``question`` when it is empty, already listed, one to avoid (the
                reason says why) or the list is full.
        """
        from .questions import check_question

        question = clean_text(text, "question", label="Your question", required=True,
                              max_chars=300)
        if any(q.casefold() == question.casefold() for q in self._questions):
            raise FieldError("question", "That question is already on your list.")
        if len(self._questions) >= MAX_QUESTIONS:
            raise FieldError("question", f"Your list already has {MAX_QUESTIONS} questions, more "
                                         "than 30 minutes allows: remove one before adding another.")
        verdict = check_question(question)
        if verdict.severity == "problem":
            raise FieldError("question", verdict.reason)
        self._questions.append(question)
        return verdict

    def remove(self, text: str) -> None:
        """Take ``text`` off the list (no error if it is not there)."""
        self._questions = [q for q in self._questions if q != text]

    def __contains__(self, text: str) -> bool:
        return text in self._questions

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(self._questions)

    def __len__(self) -> int:
        return len(self._questions)

    def __repr__(self) -> str:
        return f"QuestionList({self.prospect!r}, {counted(len(self), 'question')})"

    def _repr_html_(self) -> str:
        if not self._questions:
            return "<p><em>No questions yet: tick some from the bank or write your own.</em></p>"
        items = "".join(f"<li>{escape(q)}</li>" for q in self._questions)
        return f"<p>Your questions for {escape(self.prospect)}:</p><ol>{items}</ol>"
