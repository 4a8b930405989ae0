"""Judge interview questions, and offer a bank of good ones.

An informational interview is for learning, not for getting a job, so four kinds of question
are out: asking to be hired, to be referred, to be given an internship, and what the person is
paid. Those are **problems**. Questions that merely *mention* hiring or networking ("If you were
hiring, what would you look for?") are good. Two kinds work but waste the half hour, so they get
a **tip** with a rewording: closed yes/no questions, and ones a quick web search answers.

Judgment call, documented here: asking what a *field* pays ("What salary range should a junior
expect?") is not asking what *they* are paid, so it is ok, with a tip: salary surveys answer it,
and asking what moves pay up or down gets more out of the person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from .render import block
from ._language import normalise
from .asks import forbidden_ask

_I = re.IGNORECASE

# "I'd love to hear how you made the switch": a question in the form of a statement.
_ASKS_INDIRECTLY = re.compile(
    r"\b(?:hear|know|learn|understand|curious|wonder|wondering|interested|keen to|value hearing)\b[^.]{0,40}"
    r"\b(?:how|what|why|when|where|who|which|whether|if|about)\b"
    r"|\b(?:appreciate|value|welcome) your (?:perspective|view|views|advice|thoughts|take|insight|insights|opinion)\b"
    r"|\b(?:tell|show|walk) me\b|\b(?:describe|explain|share|talk about|talk me through|say more)\b|^please\b",
    _I,
)
# "if you were hiring an intern, what would make you say yes": a question after a leading clause
_QUESTION_AFTER_CLAUSE = re.compile(
    r"^(?:if|when|once|after|before|suppose|say|imagine|looking back)\b[^?]{0,80}?\b(?:what|how|why|which|who|where)\b", _I)
_QUESTION_START = re.compile(
    r"^(?:what|how|why|when|where|who|whom|whose|which|is|are|am|was|were|do|does|did|can|could|would|will|should|"
    r"shall|may|might|have|has|had|tell me|describe|walk me through|explain|share|any)\b",
    _I,
)
# Answered by the company's own site in a minute: asking them wastes the half hour. A company
# is "your company", "the firm" or a name in capitals ("What does Greenfield Energy do?").
_COMPANY = r"(?:(?:your|the|this) (?:company|firm|organi[sz]ation|startup|start-up|business|employer|agency|studio|lab|bank|school|charity)|(?-i:[A-Z][\w&'.-]*)(?: (?-i:[A-Z][\w&'.-]*)){0,3})"
_SEARCHABLE = re.compile(
    rf"\bwhat (?:exactly |actually )?does {_COMPANY} (?:actually |exactly )?(?:do|make|sell|build|offer|produce)\b"
    rf"|\bwhere (?:is|are) {_COMPANY}(?:'s)? (?:based|located|headquartered)\b|\bwhere (?:is|are) (?:your|the) (?:office|offices|company|headquarters|headquarter|hq)\b"
    r"|\bwhere are you (?:based|located)\b"
    rf"|\bhow (?:many people|many employees|many staff|big|large) (?:work at|does|is|are there at|have) {_COMPANY}\b|\bhow many (?:employees|people|staff) (?:does|do|have) {_COMPANY}"
    rf"|\bwhen (?:was|did) {_COMPANY} (?:founded|started|start|founded|launched|set up)\b|\bwho (?:founded|started|runs|owns|is the ceo of) {_COMPANY}"
    rf"|\bwhat (?:products|services|games|apps) (?:do|does|has) (?:you|{_COMPANY}) (?:sell|offer|make|released|release|build)\b"
    rf"|\bwhat(?:'s| is) (?:your|the) company(?:'s)? (?:mission|website|name)\b|\bwho is (?:your|the) ceo\b|\bwhat (?:is|does) {_COMPANY}(?:'s)? (?:main )?(?:business|product)\b",
    _I,
)
_FIELD_PAY = re.compile(r"\b(?:salary|salaries|pay|compensation|paid|earn)\b", _I)
_CLOSED_START = re.compile(
    r"^(?:do|does|did|is|are|was|were|have|has|had|can|could|will|would|should|am|isn't|aren't|don't|doesn't|didn't)\b",
    _I,
)
# Yes/no in form, open in spirit: they invite a list, a story or a permission the course recommends.
_OPEN_IN_SPIRIT = re.compile(
    r"\bany(?:one|thing|body|where)?\b|\b(?:tell|walk|show) me\b|\b(?:describe|explain|share|talk about|say more)\b"
    r"|^would it be (?:ok|okay|alright|all right) if\b|^(?:may|could|can) i (?:reach out|contact|follow up|stay in touch|keep in touch|get in touch)\b",
    _I,
)


@dataclass(frozen=True, repr=False)
class QuestionVerdict:
    """Whether a question suits an informational interview, and why."""

    question: str
    reason: str
    severity: str  # "ok", "tip" (fine, could be better) or "problem" (don't ask it)

    @property
    def ok(self) -> bool:
        """True unless the question should be dropped or rewritten (a tip still counts as ok)."""
        return self.severity != "problem"

    def __post_init__(self) -> None:
        if self.severity not in ("ok", "tip", "problem"):
            raise ValueError(f"QuestionVerdict.severity must be 'ok', 'tip' or 'problem', not {self.severity!r}")

    def _repr_html_(self) -> str:
        if self.severity == "ok":
            return block("ok", self.question, [], self.reason)
        return block(self.severity, self.question or "(empty question)", [(self.severity, self.reason)])

    def __repr__(self) -> str:
        return f"QuestionVerdict({self.question!r}, ok={self.ok}, severity={self.severity!r}, reason={self.reason!r})"


def check_question(text: str) -> QuestionVerdict:
    """Judge one interview question: a problem to drop, a tip to reword, or fine as it is.

    Imperative prompts ("Tell me about ...", "Describe ...") count as questions: they open
    a conversation just as well.
    """
    if not isinstance(text, str):
        raise TypeError(f"check_question expects the question as text (str), not {type(text).__name__}.")
    question = " ".join(text.translate({0x2019: "'", 0x2018: "'"}).split())
    if not question:
        return QuestionVerdict("", "Write a question first.", "problem")
    ask = forbidden_ask(question)
    if ask is not None:
        return QuestionVerdict(question, ask.reason, "problem")
    if ("?" not in question and not _QUESTION_START.match(normalise(question)) and not _ASKS_INDIRECTLY.search(question)
            and not _QUESTION_AFTER_CLAUSE.match(normalise(question))):
        return QuestionVerdict(question, 'This reads as a statement; phrase it as a question, ending with "?".', "problem")
    if _SEARCHABLE.search(question):
        return QuestionVerdict(question, "A quick look at their website answers this; ask for their view instead, such as what surprised them about the company.", "tip")
    if _FIELD_PAY.search(question):
        return QuestionVerdict(question, "Fine to ask about the field rather than their own pay, but salary surveys answer it; asking what moves pay up or down gets more from them.", "tip")
    if _CLOSED_START.match(question) and not _OPEN_IN_SPIRIT.search(question):
        return QuestionVerdict(question, 'This invites a one-word answer; open it up with "what", "how" or "why" (e.g. "What do you enjoy most about ...?").', "tip")
    return QuestionVerdict(question, "A good open question.", "ok")


QUESTION_BANK: dict[str, tuple[str, ...]] = {
    "Their path": (
        "How did you end up working in this field?",
        "If you were starting out where I am now, what would you do differently?",
        "Which experiences prepared you best for the work you do today?",
        "What was the hardest part of landing your first role in this area?",
    ),
    "Day to day": (
        "What does a typical day look like for you?",
        "How is your week usually split between meetings, focused work and everything else?",
        "Which part of your day do you look forward to most?",
        "Which tools do you rely on most in your work?",
    ),
    "The work itself": (
        "Which projects have you enjoyed working on most, and why?",
        "What do you like most about your job, and what would you change if you could?",
        "What surprised you most when you started in this role?",
        "What problems is your team most focused on right now?",
        "How do you know when you've done a piece of work well?",
    ),
    "Staying sharp": (
        "How do you keep your skills up to date?",
        "Which books, newsletters or communities do you rely on to stay current?",
        "Which meetups, groups or professional associations have been worth your time?",
    ),
    "Advice for me": (
        "What advice would you give someone just starting out in this field?",
        "Which skills should I focus on building first?",
        "What do you wish someone had told you early in your career?",
    ),
    "Hiring insight": (
        "If you were hiring for a junior role, what would you look for?",
        "What separates a good candidate from an outstanding one, on paper and in interviews?",
        "What kinds of questions do you usually ask when you interview people?",
        "What mistakes do you see applicants make most often?",
    ),
    "Next steps and people": (
        "Who else would you suggest I talk to?",
        "Is there anyone in your network you think I should meet?",
        "Which companies or teams should I be looking into?",
        "Would it be all right if I got in touch again later with more questions?",
    ),
}

QUESTIONS_TO_AVOID: tuple[tuple[str, str], ...] = (
    (
        "Would you be willing to hire me?",
        "You came to learn, not to apply; asking for a job puts them on the spot and spends the goodwill that made them say yes.",
    ),
    (
        "Could you refer me for the opening on your team?",
        "A referral stakes their reputation on you; after one conversation that's too much to ask, though they may offer it themselves.",
    ),
    (
        "Can you give me an internship this summer?",
        "An internship is a job by another name, so the same rule applies: let them bring it up if they want to.",
    ),
    (
        "How much do you make a year?",
        "Pay is personal and the question makes most people uncomfortable; public salary surveys give you the figures instead.",
    ),
)

