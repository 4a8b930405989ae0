"""The summary's rubric: the points, what earns each one, and the feedback on how to earn it.

A pure function of an :class:`~infoview_kit.summary.InterviewSummary`, so the same judgement
runs in three places without drifting apart: the student's self-check, the test cells of the
notebook (:mod:`infoview_kit.graded_cells`), and the grader's own process at autograde time
(:mod:`infoview_kit.grading`), which reads the submitted file where the student's code cannot
reach it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .placeholders import find_placeholders
from .render import CONTENT_MAX_WIDTH, counted, escape, mark
from .summary import FIELD_LABELS, InterviewSummary

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
SAMPLE_GRADING_EXAMPLES = SummaryExamples(
    names=PLACEHOLDER_NAMES | NOTEBOOK_EXAMPLE_NAMES,
    texts=(EXAMPLE_LEARNED, EXAMPLE_APPLY),
)
DEFAULT_EXAMPLES = SummaryExamples(
    names=SAMPLE_GRADING_EXAMPLES.names | {
        f"{SAMPLE_ANSWER_FIELDS['first_name']} {SAMPLE_ANSWER_FIELDS['last_name']}".lower()},
    texts=(*SAMPLE_GRADING_EXAMPLES.texts, SAMPLE_ANSWER_FIELDS["learned"],
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

_NAME_CHARS = re.compile(r"^[^\W\d_]+(?:[ '’.\-][^\W\d_]*)*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


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
        verdict = "PASS" if self.passed else "MISS"
        return f"{verdict} {self.id} {self.earned}/{self.points}: {self.feedback}"


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
            verdict = mark("ok", "Passed") if p.passed else mark("missed", "Not yet")
            rows.append(
                f'<tr><td style="text-align:left">{verdict}</td>'
                f'<td style="text-align:left">{escape(p.title)}</td>'
                f'<td style="text-align:left">{p.earned}/{p.points}</td>'
                f'<td style="text-align:left">{escape(p.feedback)}</td></tr>'
            )
        head = "".join(f'<th scope="col" style="text-align:left">{h}</th>'
                       for h in ("Result", "Rubric point", "Points", "What to do"))
        return (  # no wider than the form above it: long advice wraps instead
            f'<div style="max-width:{CONTENT_MAX_WIDTH}">'
            f"<p><strong>Self-check: {self.earned} of {self.possible} automatic points.</strong></p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "<p><em>This is a preview, not your grade. At grading, the same rubric is run again "
            "on the summary file you submit (not on this notebook), and an instructor reads your "
            "reflection and grades its quality by hand.</em></p></div>"
        )


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text.strip())
    return [p for p in parts if len(_words(p)) >= 3]


def _near_duplicate(a: str, b: str) -> bool:
    """Whether two texts count as the same: difflib's ratio at least ``NEAR_DUPLICATE_RATIO``.

    difflib's ratio is the verdict; rapidfuzz's ``fuzz.ratio`` (the longest common
    subsequence's share, never below difflib's matching blocks' share) rules out, fast, the
    pairs that cannot reach it, so the verdicts are difflib's exactly at a fraction of the cost.
    """
    a, b = " ".join(_words(a.lower())), " ".join(_words(b.lower()))
    if not a or not b:
        return False
    # a hair under the threshold: 0.8 * 100 is 80.00000000000001 in floating point
    if fuzz.ratio(a, b, score_cutoff=NEAR_DUPLICATE_RATIO * 100 - 1e-6) == 0:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_DUPLICATE_RATIO


def _copied_share(text: str, sources: tuple[str, ...]) -> float:
    """Share of ``text``'s words that sit in sentences nearly identical to a source sentence."""
    source_sentences = [s for src in sources for s in _sentences(src)]
    sentences = _sentences(text)
    total = sum(len(_words(s)) for s in sentences)
    if not total or not source_sentences:
        return 0.0
    copied = sum(len(_words(s)) for s in sentences
                 if any(_near_duplicate(s, src) for src in source_sentences))
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
    if find_placeholders(s.full_name):
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
    if find_placeholders(title) or title.lower() in {"title", "job title", "n/a", "na", "none", "-"}:
        return "Replace the placeholder with the interviewee's real job title."
    if len(_words(title)) == 0 or len(title) < 2:
        return "Write the interviewee's job title in words (for example “Product manager”)."
    return None


def _check_questions(s: InterviewSummary) -> str | None:
    from .questions import check_question  # the teammate-owned judge of a single question

    distinct: list[str] = []
    for q in s.questions:
        if not any(_near_duplicate(q, d) for d in distinct):
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
            _near_duplicate(text, ex) for ex in examples.texts):
        return f"Most of {label} is the form's example: write what happened in your own interview."
    if other is not None and _near_duplicate(text, other[1]):
        return f"{label[0].upper()}{label[1:]} repeats {other[0]}: each needs its own text."
    return None


def _check_placeholders(s: InterviewSummary) -> str | None:
    if s.is_empty():
        return "Nothing to check yet: fill in the summary form first."
    fields = [("first_name", s.first_name), ("last_name", s.last_name), ("title", s.title),
              ("learned", s.learned), ("apply", s.apply)]
    fields += [("questions", q) for q in s.questions]
    for name, value in fields:
        found = find_placeholders(value)
        if found:
            return (f"{FIELD_LABELS[name]} still holds the placeholder “{found[0]}”: "
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
                      f"{counted(len(summary.questions), 'question')}, all fine to ask."),
        "learned": (_check_passage(summary.learned, "what you learned", examples),
                    "What you learned is there, in your own words."),
        "apply": (_check_passage(summary.apply, "how you will apply it", examples,
                                 other=("what you learned", summary.learned)),
                  "How you will apply it is there, in your own words."),
        "no_placeholders": (_check_placeholders(summary), "No placeholders left."),
    }
    return RubricResult(tuple(_point(pid, *checks[pid]) for pid in RUBRIC))
