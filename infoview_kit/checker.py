"""Check an outreach message (request, intro request, follow-up, scheduling reply, thank-you).

``check_message`` is pure and cheap because the "Write requests" notebook calls it on every
keystroke: the draft is read once (``_draft``: subject line, greeting, body, sign-off, names),
then each rule of the message's kind looks at it (``_message_rules``).

How severities are chosen: a **problem** is something that makes the message fail at its one
job or risks offending the reader (no clear ask, a job request, a leftover ``[placeholder]``, a
demanding tone, an afternoon instead of half an hour, far too long). A **tip** makes a working
message better (offering a call as well as coffee, naming the place, phrasing the ask as a
question). A report is ``ok`` when it has no problems, so a student can send a message that
still carries tips. The course's own example messages are judged ok.

The rules are measured on a corpus of messages written blind by others (``tests/data/corpus``,
``benchmarks/bench_checker_accuracy.py``); they are a second pair of eyes, not a grade.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import _message_rules as R
from ._draft import read_draft
from .render import block, counted
from ._message_patterns import P
from ._message_rules import HUGE_WORDS, SEVERITIES, WORD_BUDGET, Finding
from .vocabulary import KIND_TITLES, MESSAGE_KINDS, THANK_YOU_HOURS

__all__ = ["MESSAGE_KINDS", "SEVERITIES", "HUGE_WORDS", "THANK_YOU_HOURS", "Finding", "MessageReport",
           "check_message", "rules_for", "require_kind"]

@dataclass(frozen=True, repr=False)
class MessageReport:
    """The checker's verdict on one message; problems always come before tips."""

    kind: str
    findings: tuple[Finding, ...]
    word_count: int  # words in the body, without greeting and sign-off

    def __post_init__(self) -> None:
        require_kind(self.kind)
        # Stable order whoever builds the report: problems first, each group in rule order.
        ordered = tuple(sorted(self.findings, key=lambda f: SEVERITIES.index(f.severity)))
        object.__setattr__(self, "findings", ordered)

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "problem")

    @property
    def tips(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "tip")

    @property
    def ok(self) -> bool:
        """True when nothing needs fixing before sending (tips may remain)."""
        return not self.problems

    def _footer(self) -> str:
        limit = WORD_BUDGET[self.kind][0]
        return f"{KIND_TITLES[self.kind]}: {counted(self.word_count, 'word')} in the body (aim for {limit} or fewer)."

    def _repr_html_(self) -> str:
        lines = [(f.severity, f.message) for f in self.findings]
        if self.ok:
            heading = "Looks ready to send" + (" (a few optional tips below)" if self.tips else "")
            return block("ok", heading, lines, self._footer())
        n = len(self.problems)
        return block("problem", f"{counted(n, 'thing')} to fix before sending", lines, self._footer())

    def __repr__(self) -> str:
        return (
            f"MessageReport(kind={self.kind!r}, ok={self.ok}, word_count={self.word_count}, "
            f"problems={[f.rule for f in self.problems]}, tips={[f.rule for f in self.tips]})"
        )

    def __str__(self) -> str:
        head = f"{self.kind}: {'ok' if self.ok else 'not ok'}, {counted(self.word_count, 'word')}"
        return "\n".join([head] + [f"  {f.severity.upper()} {f.rule}: {f.message}" for f in self.findings])


_RULES: dict[str, R.Rule] = {
    "no_placeholders": R.no_placeholders,
    "too_long": R.too_long,
    "names_reader": R.names_reader,
    "opens_with_request": R.opens_with_request,
    "ask_is_question": R.ask_is_question,
    "short_meeting": R.short_meeting,
    "soon": R.soon,
    "offers_choice": R.offers_choice,
    "sent_within_24h": R.sent_within_24h,
    "no_job_ask": R.no_job_ask,
    "names_who_to_meet": R.names_who_to_meet,
    "restates_ask": R.restates_ask,
    "speaks_to_reader": R.speaks_to_reader,
    "personal": R.personal,
    "gives_context": R.Needs("context", "Say in a sentence who you are and what you're working towards, so they know why you're writing."),
    "polite": R.Needs("polite", 'Add a word of thanks or a "please"; they owe you nothing, so courtesy goes a long way.'),
    "respectful": R.Avoids("demanding", 'Soften "{found}": you are asking a favour, so let them answer in their own time.'),
    "offers_call": R.Needs("call", "Offer a phone or video call as an alternative, in case meeting in person is hard for them."),
    "convenient_place": R.Needs("their_place", "Offer to meet somewhere convenient for them, such as near their office or a café they like.", only_if="in_person"),
    "your_treat": R.Needs("treat", "Offer to pay for the coffee (and do); it's a small thank-you for their time.", only_if="in_person"),
    "no_attachment": R.Avoids("attachment", 'Don\'t attach anything ("{found}"); a first message should stand on its own, and attachments read like a job application.'),
    "no_resume": R.Avoids("resume", 'Leave your résumé out ("{found}"): this conversation is about learning, not applying.', negatable=True),
    "says_why": R.Needs("why", "Say why you'd like to meet this person, so your contact can explain it when they introduce you."),
    "offers_blurb": R.Needs("blurb", "Offer a short blurb about yourself that your contact can simply forward; it makes the introduction effortless."),
    "easy_out": R.Needs("easy_out", 'Give your contact an easy way to say no, such as "No worries at all if that\'s awkward."'),
    "no_guilt": R.Avoids("guilt", 'Drop "{found}": assume they were busy, and keep the follow-up light and friendly.'),
    "lighter_option": R.Needs("call", "Offer something lighter, such as a quick phone or video call, in case coffee is hard to fit in."),
    "thanks_them": R.Needs("thanks", "Thank them; they're giving you their time for free."),
    "proposes_times": R.Needs("times", 'Suggest a few concrete times, such as "Tuesday or Thursday morning next week".', body_only=True),
    "enthusiasm": R.Needs("enthusiasm", "Show you're looking forward to it; enthusiasm makes the favour feel worthwhile."),
    "names_learning": R.Needs("learned", "Name one specific thing you learned or will act on, not just thanks for the advice.", body_only=True),
    "stay_in_touch": R.Needs("stay_in_touch", "Ask whether they'd be happy for you to stay in touch and share how their advice worked out."),
}


# Which rules run for each kind, in the order their findings are shown, with their severity
# (rules that pick their own severity, such as too_long, ignore the one given here).
_KIND_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "request": (
        ("no_placeholders", "problem"), ("too_long", "problem"), ("names_reader", "problem"),
        ("opens_with_request", "problem"), ("personal", "problem"), ("gives_context", "problem"),
        ("polite", "problem"), ("respectful", "problem"), ("short_meeting", "problem"),
        ("no_job_ask", "problem"), ("no_attachment", "problem"), ("no_resume", "problem"),
        ("ask_is_question", "tip"), ("offers_call", "tip"), ("convenient_place", "tip"), ("your_treat", "tip"),
        ("speaks_to_reader", "problem"),
    ),
    "intro_request": (
        ("no_placeholders", "problem"), ("too_long", "problem"), ("names_reader", "tip"),
        ("names_who_to_meet", "problem"), ("says_why", "problem"), ("polite", "problem"),
        ("respectful", "problem"), ("no_job_ask", "problem"), ("no_resume", "problem"), ("no_attachment", "problem"),
        ("opens_with_request", "tip"), ("offers_blurb", "tip"), ("easy_out", "tip"),
    ),
    "follow_up": (
        ("no_placeholders", "problem"), ("too_long", "problem"), ("names_reader", "tip"),
        ("no_guilt", "problem"), ("respectful", "problem"), ("restates_ask", "problem"),
        ("polite", "problem"), ("no_job_ask", "problem"), ("no_attachment", "problem"),
        ("no_resume", "problem"), ("lighter_option", "tip"),
        ("speaks_to_reader", "problem"),
    ),
    "scheduling": (
        ("no_placeholders", "problem"), ("too_long", "problem"), ("thanks_them", "problem"),
        ("proposes_times", "problem"), ("short_meeting", "problem"), ("offers_choice", "tip"),
        ("respectful", "problem"), ("no_job_ask", "problem"), ("no_attachment", "problem"), ("no_resume", "problem"),
        ("soon", "tip"), ("enthusiasm", "tip"),
        ("speaks_to_reader", "problem"),
    ),
    "thank_you": (
        ("no_placeholders", "problem"), ("too_long", "problem"), ("names_reader", "tip"),
        ("thanks_them", "problem"), ("names_learning", "problem"), ("sent_within_24h", "problem"),
        ("respectful", "problem"), ("no_job_ask", "problem"), ("no_resume", "problem"), ("no_attachment", "problem"),
        ("stay_in_touch", "tip"),
        ("speaks_to_reader", "problem"),
    ),
}


def rules_for(kind: str) -> tuple[str, ...]:
    """The rule ids that ``check_message`` runs for *kind*, in display order."""
    require_kind(kind)
    return tuple(rule for rule, _ in _KIND_RULES[kind])


def require_kind(kind: str) -> None:
    """Raise a ValueError naming the allowed kinds unless *kind* is one of ``MESSAGE_KINDS``."""
    if kind not in MESSAGE_KINDS:
        raise ValueError(f"Unknown message kind {kind!r}; use one of: {', '.join(MESSAGE_KINDS)}.")


def check_message(
    text: str,
    kind: str = "request",
    *,
    reader_name: str | None = None,
    hours_since_meeting: float | None = None,
) -> MessageReport:
    """Check a draft *text* of the given *kind* and say what to change before sending.

    Args:
        text: the whole message, greeting and sign-off included.
        kind: one of ``MESSAGE_KINDS``; each kind has its own rules.
        reader_name: whom the message is for (for an intro request: the mutual contact). When
            given, the greeting must use their name; otherwise any named greeting will do.
        hours_since_meeting: for a thank-you, how long ago you met; more than 24 is a problem.
            Ignored for other kinds. When unknown, a note that says it comes late is flagged.

    An empty text gives a report with one problem rather than an error, because a form shows
    the report while the student is still typing.
    """
    require_kind(kind)
    if not isinstance(text, str):
        raise TypeError(f"check_message expects the message as text (str), not {type(text).__name__}.")
    if hours_since_meeting is not None and not (hours_since_meeting >= 0 and math.isfinite(hours_since_meeting)):
        raise ValueError(f"hours_since_meeting must be a number of hours, zero or more; got {hours_since_meeting!r}.")
    if not text.strip():
        return MessageReport(kind, (Finding("not_empty", "problem", "Write your message here; start from the template if you like."),), 0)
    reader = reader_name.strip() if reader_name and reader_name.strip() else None
    draft = read_draft(text, kind, reader, hours_since_meeting)
    if draft.words > HUGE_WORDS:
        # A pasted essay: the length is the one thing to fix, and other advice would be noise.
        return MessageReport(kind, (R.too_long(draft, "too_long", "problem"),), draft.words)
    findings = []
    for rule, severity in _KIND_RULES[kind]:
        finding = _RULES[rule](draft, rule, severity)
        if finding is not None:
            findings.append(finding)
    return MessageReport(kind, tuple(findings), draft.words)
