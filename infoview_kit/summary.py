"""The interview summary: what the student hands in, and the rubric it is graded by.

The summary is data, not code: the form in "Write summary" saves it to ``summary.json`` in the
work folder, the graded cell shows it, and the rubric below judges it. The rubric is a pure
function so the same judgement runs in three places without drifting apart: the student's
self-check, the test cells of the notebook, and the grader's own process at autograde time (which
reads the submitted file where the student's code cannot reach it).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .render import escape
from .storage import load_json, save_json, work_dir

#: File name of the saved summary inside the work folder.
SUMMARY_FILE = "summary.json"
#: Longest text accepted in one field; a summary is a page, not a thesis.
MAX_FIELD_CHARS = 6000
#: Most questions accepted; an interview of 30 minutes has room for a dozen at most.
MAX_QUESTIONS = 40

_FIELDS = ("first_name", "last_name", "title", "questions", "learned", "apply")
_LABELS = {
    "first_name": "First name", "last_name": "Last name", "title": "Title",
    "questions": "Questions asked", "learned": "What you learned", "apply": "How you will apply it",
}


class SummaryError(ValueError):
    """A saved or typed summary has the wrong shape; the message names the field and the fix."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


def _text(value: object, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SummaryError(name, f"{_LABELS[name]} should be text, not {type(value).__name__}.")
    text = value.strip()
    if len(text) > MAX_FIELD_CHARS:
        raise SummaryError(name, f"{_LABELS[name]} is {len(text):,} characters long; keep it under "
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
        for name in ("first_name", "last_name", "title", "learned", "apply"):
            object.__setattr__(self, name, _text(getattr(self, name), name))
        questions = self.questions
        if questions is None:
            questions = []
        if isinstance(questions, str):
            questions = questions.splitlines()
        if not isinstance(questions, (list, tuple)):
            raise SummaryError("questions", "Questions asked should be a list of questions, "
                                            f"not {type(questions).__name__}.")
        cleaned = [_text(q, "questions") for q in questions]
        cleaned = [q for q in cleaned if q]
        if len(cleaned) > MAX_QUESTIONS:
            raise SummaryError("questions", f"{len(cleaned)} questions is more than a meeting "
                                            f"holds; keep the {MAX_QUESTIONS} you really asked at most.")
        object.__setattr__(self, "questions", cleaned)

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


# --- the rubric -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryExamples:
    """What a summary must not be copied from: the example names and texts the course shows."""

    names: frozenset[str]
    """Full names (lower case) used as examples or placeholders anywhere in the notebooks."""
    texts: tuple[str, ...]
    """Example passages shown to students (the form's hints); copying them earns nothing."""


#: Hints shown in the empty summary form; the rubric refuses them as answers.
EXAMPLE_LEARNED = (
    "Most of her week goes to talking with customers before anything gets built. She said the "
    "people who grow fastest in the field are the ones who write down what users actually do, "
    "not what they say they want."
)
EXAMPLE_APPLY = (
    "Before my next project I will interview three users and write up what I observed. I will "
    "also join the local product meetup she mentioned and follow up with the colleague she "
    "suggested I contact."
)

#: Names no real interviewee has: placeholders and the people in the course's examples.
PLACEHOLDER_NAMES = frozenset({
    "john doe", "jane doe", "john smith", "jane smith", "first last", "firstname lastname",
    "first name last name", "name surname", "your name", "their name", "full name", "test test",
    "foo bar", "asdf asdf", "joe bloggs", "max mustermann", "erika mustermann",
})
#: Names of people in the notebooks' examples (messages, prospects, the summary hints).
NOTEBOOK_EXAMPLE_NAMES = frozenset({
    "luis", "taylor", "sofia", "sam", "orly", "priya raman", "jordan", "maya chen", "alex morgan",
})

#: The instructor's sample answer. The source notebook's solution cell hands it to
#: :func:`use_answer` so that ``nbgrader validate`` passes on the source. It is public (in this
#: package and the course source), so everywhere else the rubric treats it like the other
#: examples: a student who copies it earns neither the name nor the two reflection points.
SAMPLE_ANSWER_FIELDS: dict = {
    "first_name": "Renata",
    "last_name": "Okonkwo-Hale",
    "title": "Senior UX researcher, Northwind Clinics",
    "questions": [
        "How did you move from nursing into user research?",
        "What does a typical week look like for you?",
        "Which resources do you use to keep your research skills sharp?",
        "If you were hiring a junior researcher, what would you look for?",
    ],
    "learned": (
        "Renata spends less time running studies than I expected; half her week goes to "
        "helping product teams decide what to ask. Her clinical background is her edge, because "
        "she knows how tired staff really use software. She keeps a shared log of every "
        "finding so nothing learned gets lost between projects."
    ),
    "apply": (
        "I will rewrite my portfolio case study to show the decision my research changed, not "
        "only the method. This month I will run two short interviews with people at the "
        "community clinic where I volunteer. I will also join the research meetup she "
        "recommended and write to the colleague she offered to introduce."
    ),
}

#: What the sample answer itself is graded against, and only under ``nbgrader validate``.
_SAMPLE_GRADING_EXAMPLES = SummaryExamples(
    names=PLACEHOLDER_NAMES | NOTEBOOK_EXAMPLE_NAMES,
    texts=(EXAMPLE_LEARNED, EXAMPLE_APPLY),
)
DEFAULT_EXAMPLES = SummaryExamples(
    names=_SAMPLE_GRADING_EXAMPLES.names | {
        f"{SAMPLE_ANSWER_FIELDS['first_name']} {SAMPLE_ANSWER_FIELDS['last_name']}".lower()},
    texts=(*_SAMPLE_GRADING_EXAMPLES.texts, SAMPLE_ANSWER_FIELDS["learned"],
           SAMPLE_ANSWER_FIELDS["apply"]),
)

#: Rubric points in the order they are shown and graded: id -> (title, points).
RUBRIC: dict[str, tuple[str, int]] = {
    "name": ("The interviewee's real first and last name", 1),
    "title": ("The interviewee's title", 1),
    "questions": ("At least three questions you asked, each one a question worth asking", 2),
    "learned": ("What you learned, in a few sentences of your own", 2),
    "apply": ("How you will apply it, in a few sentences of your own", 2),
    "no_placeholders": ("No template placeholders left", 1),
}
#: A passage this similar (difflib ratio) to another counts as the same text.
NEAR_DUPLICATE_RATIO = 0.8
MIN_WORDS = 25
MIN_SENTENCES = 2
MIN_QUESTIONS = 3

_PLACEHOLDER = re.compile(
    r"\[[^\]\n]{0,40}\]|<[^>\n]{0,40}>|\{[^}\n]{0,40}\}|_{3,}|\bTODO\b|\bTBD\b|\bXXX+\b"
    r"|\blorem ipsum\b",
    re.IGNORECASE | re.MULTILINE,
)
_NAME_CHARS = re.compile(r"^[^\W\d_]+(?:[ '’.\-][^\W\d_]*)*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


@dataclass(frozen=True)
class RubricPoint:
    """One rubric point: how many points it is worth, whether it was earned, and how to fix it."""

    id: str
    title: str
    points: int
    earned: int
    passed: bool
    feedback: str
    """One sentence: what is right, or what to change to earn the point."""

    def __repr__(self) -> str:
        mark = "PASS" if self.passed else "MISS"
        return f"{mark} {self.id} {self.earned}/{self.points}: {self.feedback}"


@dataclass(frozen=True)
class RubricResult:
    """Every rubric point for one summary; renders as the student's self-check."""

    points: tuple[RubricPoint, ...]

    @property
    def earned(self) -> int:
        return sum(p.earned for p in self.points)

    @property
    def possible(self) -> int:
        return sum(p.points for p in self.points)

    @property
    def passed(self) -> bool:
        return all(p.passed for p in self.points)

    def __getitem__(self, point_id: str) -> RubricPoint:
        for point in self.points:
            if point.id == point_id:
                return point
        raise KeyError(point_id)

    def __repr__(self) -> str:
        lines = [f"RubricResult {self.earned}/{self.possible}"]
        lines += [f"  {p!r}" for p in self.points]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = []
        for p in self.points:
            # ✓/✗ (not emoji): every common font has them, so no blank box where no emoji
            # font is installed; the word carries the meaning, colour only repeats it
            mark = ('<span style="color:#1b5e20"><span aria-hidden="true">✓</span> Passed</span>'
                    if p.passed else
                    '<span style="color:#b00020"><span aria-hidden="true">✗</span> Not yet</span>')
            rows.append(
                f'<tr><td style="text-align:left">{mark}</td>'
                f'<td style="text-align:left">{escape(p.title)}</td>'
                f'<td style="text-align:left">{p.earned}/{p.points}</td>'
                f'<td style="text-align:left">{escape(p.feedback)}</td></tr>'
            )
        head = "".join(f'<th scope="col" style="text-align:left">{h}</th>'
                       for h in ("Result", "Rubric point", "Points", "What to do"))
        return (
            f"<p><strong>Self-check: {self.earned} of {self.possible} automatic points.</strong></p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "<p><em>This is a preview, not your grade. At grading, the same rubric is run again "
            "on the summary file you submit (not on this notebook), and an instructor reads your "
            "reflection and grades its quality by hand.</em></p>"
        )


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text.strip())
    return [p for p in parts if len(_words(p)) >= 3]


def _similar(a: str, b: str) -> float:
    a, b = " ".join(_words(a.lower())), " ".join(_words(b.lower()))
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _copied_share(text: str, sources: tuple[str, ...]) -> float:
    """Share of ``text``'s words that sit in sentences nearly identical to a source sentence."""
    source_sentences = [s for src in sources for s in _sentences(src)]
    sentences = _sentences(text)
    total = sum(len(_words(s)) for s in sentences)
    if not total or not source_sentences:
        return 0.0
    copied = sum(len(_words(s)) for s in sentences
                 if any(_similar(s, src) >= NEAR_DUPLICATE_RATIO for src in source_sentences))
    return copied / total


def _point(point_id: str, problem: str | None, ok: str) -> RubricPoint:
    title, points = RUBRIC[point_id]
    passed = problem is None
    return RubricPoint(point_id, title, points, points if passed else 0, passed,
                       ok if passed else problem)


def _check_name(s: InterviewSummary, examples: SummaryExamples) -> str | None:
    if not s.first_name or not s.last_name:
        missing = "first name" if not s.first_name else "last name"
        return f"Add the interviewee's {missing}: both first and last name are needed."
    if _PLACEHOLDER.search(s.full_name):
        return "Replace the placeholder with the real first and last name of the person you met."
    if not (_NAME_CHARS.match(s.first_name) and _NAME_CHARS.match(s.last_name)):
        return "Write the name in letters only (no digits or symbols), as the person writes it."
    full = " ".join(s.full_name.lower().split())
    if full in examples.names or s.first_name.lower() == s.last_name.lower():
        return (f"“{s.full_name}” is an example or placeholder name: write the name of the person "
                "you actually interviewed.")
    return None


def _check_title(s: InterviewSummary) -> str | None:
    title = s.title.strip()
    if not title:
        return "Add the interviewee's job title (for example their role and company)."
    if _PLACEHOLDER.search(title) or title.lower() in {"title", "job title", "n/a", "na", "none", "-"}:
        return "Replace the placeholder with the interviewee's real job title."
    if len(_words(title)) == 0 or len(title) < 2:
        return "Write the interviewee's job title in words (for example “Product manager”)."
    return None


def _check_questions(s: InterviewSummary) -> str | None:
    from .questions import check_question  # the teammate-owned judge of a single question

    distinct: list[str] = []
    for q in s.questions:
        if not any(_similar(q, d) >= NEAR_DUPLICATE_RATIO for d in distinct):
            distinct.append(q)
    if len(distinct) < MIN_QUESTIONS:
        return (f"List at least {MIN_QUESTIONS} different questions you asked "
                f"(you have {len(distinct)}).")
    for q in distinct:
        if not q.rstrip().endswith("?"):
            return f"“{_short(q)}” is not written as a question: end each one with a question mark."
    for q in distinct:
        verdict = check_question(q)
        if not verdict.ok:
            return f"“{_short(q)}” is a question not to ask: {verdict.reason}"
    return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _check_passage(text: str, label: str, examples: SummaryExamples,
                   other: tuple[str, str] | None = None) -> str | None:
    words, sentences = _words(text), _sentences(text)
    if not text:
        return f"Write {label} in a few sentences."
    if len(words) < MIN_WORDS or len(sentences) < MIN_SENTENCES:
        return (f"Say more about {label}: at least {MIN_SENTENCES} sentences and {MIN_WORDS} words "
                f"(you have {len(sentences)} and {len(words)}).")
    if _copied_share(text, examples.texts) >= 0.5 or any(
            _similar(text, ex) >= NEAR_DUPLICATE_RATIO for ex in examples.texts):
        return f"Most of {label} is the form's example: write what happened in your own interview."
    if other is not None and _similar(text, other[1]) >= NEAR_DUPLICATE_RATIO:
        return f"{label[0].upper()}{label[1:]} repeats {other[0]}: each needs its own text."
    return None


def _check_placeholders(s: InterviewSummary) -> str | None:
    if s.is_empty():
        return "Nothing to check yet: fill in the summary form first."
    fields = [("first_name", s.first_name), ("last_name", s.last_name), ("title", s.title),
              ("learned", s.learned), ("apply", s.apply)]
    fields += [("questions", q) for q in s.questions]
    for name, value in fields:
        match = _PLACEHOLDER.search(value)
        if match:
            return (f"{_LABELS[name]} still holds the placeholder “{match.group(0).strip()}”: "
                    "replace it with your own words.")
    return None


def grade_summary(summary: InterviewSummary, *,
                  examples: SummaryExamples = DEFAULT_EXAMPLES) -> RubricResult:
    """Judge ``summary`` against the rubric: one :class:`RubricPoint` per entry of ``RUBRIC``.

    Pure and deterministic: the self-check, the notebook's test cells and the grader's
    preprocessor all call it and so always agree.
    """
    checks = {
        "name": (_check_name(summary, examples), "The full name is there."),
        "title": (_check_title(summary), "The title is there."),
        "questions": (_check_questions(summary),
                      f"{len(summary.questions)} questions, all fine to ask."),
        "learned": (_check_passage(summary.learned, "what you learned", examples),
                    "What you learned is there, in your own words."),
        "apply": (_check_passage(summary.apply, "how you will apply it", examples,
                                 other=("what you learned", summary.learned)),
                  "How you will apply it is there, in your own words."),
        "no_placeholders": (_check_placeholders(summary), "No placeholders left."),
    }
    return RubricResult(tuple(_point(pid, *checks[pid]) for pid in RUBRIC))


# --- what the graded notebook calls -----------------------------------------------------------

#: grade_id of the notebook cell that shows the answer, and prefix of the rubric test cells.
ANSWER_CELL_ID = "summary_answer"
RUBRIC_CELL_PREFIX = "rubric_"

_answer_override: InterviewSummary | None = None


class RubricPointMissed(AssertionError):
    """A rubric test cell's point was not earned; shown as its one feedback line, no traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of a traceback
        return [str(self)]


class Note:
    """A sentence shown in place of a result (an unreadable file, a form not built); never raises."""

    def __init__(self, message: str, lead: str = ""):
        self.message = message
        self.lead = lead

    def __repr__(self) -> str:
        return f"{self.lead} {self.message}".strip()

    def _repr_html_(self) -> str:
        lead = f"<strong>{escape(self.lead)}</strong> " if self.lead else ""
        return f"<p>{lead}{escape(self.message)}</p>"


def _unreadable(message: str) -> Note:
    return Note(message, lead="Your saved summary could not be read.")


def _under_nbgrader() -> str:
    import os

    return os.environ.get("NBGRADER_EXECUTION", "")


def use_answer(summary: InterviewSummary | None) -> None:
    """Grade ``summary`` instead of the saved file, while ``nbgrader validate`` runs.

    Only the instructor's source version calls this, inside its solution region, so that
    ``nbgrader validate`` passes on the source. It never writes a file; outside ``validate``
    (someone opening the source notebook to work in it) it does nothing, so their own saved
    summary is what they see; and the grader ignores it (it grades the submitted file).
    """
    global _answer_override
    _answer_override = summary if summary is None or _under_nbgrader() == "validate" else None


def sample_answer() -> InterviewSummary:
    """The instructor's sample answer (see ``SAMPLE_ANSWER_FIELDS``), for the source's solution."""
    return InterviewSummary.from_dict(SAMPLE_ANSWER_FIELDS)


def current_answer() -> InterviewSummary:
    """The summary this kernel grades: the sample set by :func:`use_answer`, else the saved one."""
    return _answer_override if _answer_override is not None else load_summary()


def show_summary():
    """Show the saved summary readably (the graded cell calls this); never raises."""
    from .storage import SavedWorkError

    try:
        return current_answer()
    except (SavedWorkError, SummaryError) as exc:
        return _unreadable(str(exc))


def check_point(point_id: str) -> None:
    """Check one rubric point of the saved summary and print a line saying how it stands.

    Under nbgrader (``validate``, ``autograde``) a missed point raises
    :class:`RubricPointMissed` (one line, no traceback), since nbgrader counts an error as a
    failed test; while a student works, it prints a "✗ Not yet" line instead, so "Run all" goes
    on to the end. This is what a rubric test cell runs in the student's kernel, so the student
    sees the same verdict as the self-check. At autograde the grader replaces these cells' outputs with its own
    verdict computed from the submitted file, so nothing done in the kernel can change a score.
    """
    from .storage import SavedWorkError

    if point_id not in RUBRIC:
        raise KeyError(f"no rubric point {point_id!r}; the points are {', '.join(RUBRIC)}")
    try:
        # the sample answer (set only under validate) is not an example of itself
        examples = DEFAULT_EXAMPLES if _answer_override is None else _SAMPLE_GRADING_EXAMPLES
        point = grade_summary(current_answer(), examples=examples)[point_id]
    except (SavedWorkError, SummaryError) as exc:
        raise RubricPointMissed(f"{RUBRIC[point_id][0]}: the saved summary could not be read. "
                                f"{exc}") from None
    if not point.passed:
        line = f"{point.title}: {point.feedback}"
        if _under_nbgrader():  # validate (and autograde) count errors: a missed point is one
            raise RubricPointMissed(line)
        print(f"✗ Not yet. {line}")  # while working, "Run all" must not stop here
        return None
    print(f"✓ {point.title}: {point.feedback}")
    return None
