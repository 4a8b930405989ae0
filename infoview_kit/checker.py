"""Check an outreach message (request, intro request, follow-up, scheduling reply, thank-you).

``check_message`` is pure and cheap (a few dozen precompiled regular expressions over the text)
because the "Write requests" notebook calls it on every keystroke.

How severities are chosen: a **problem** is something that makes the message fail at its one
job or risks offending the reader (no clear ask, a job request, a leftover ``[placeholder]``, a
demanding tone, far too long). A **tip** makes a working message better (offering a call as well
as coffee, naming the place, phrasing the ask as a question). A report is ``ok`` when it has no
problems, so a student can send a message that still carries tips. The course's own example
messages are judged ok; some of them earn tips, which is fine.

The rules are read from plain patterns, so they can be fooled; they are a second pair of eyes,
not a grade.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property
from collections.abc import Callable

from ._feedback_html import block
from ._message_patterns import P

MESSAGE_KINDS = ("request", "intro_request", "follow_up", "scheduling", "thank_you")
SEVERITIES = ("problem", "tip")

_KIND_TITLES = {
    "request": "Request",
    "intro_request": "Introduction request",
    "follow_up": "Follow-up",
    "scheduling": "Scheduling reply",
    "thank_you": "Thank-you note",
}
# body words: (a tip above this, a problem above this). The request budget is the widely taught
# 75-100 words; the others scale with what each message has to carry.
_WORD_BUDGET = {
    "request": (100, 150),
    "intro_request": (150, 220),
    "follow_up": (70, 110),
    "scheduling": (80, 150),
    "thank_you": (120, 200),
}
# Beyond this a text is not a message at all (a pasted essay, say): always a problem.
HUGE_WORDS = 1000
# The course asks for a thank-you within a day of the meeting.
THANK_YOU_HOURS = 24


@dataclass(frozen=True)
class Finding:
    """One thing to change: which rule, how serious, and one sentence of advice."""

    rule: str
    severity: str  # "problem" (fix before sending) or "tip" (would make it better)
    message: str

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"Finding.severity must be one of {SEVERITIES}, not {self.severity!r}")


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
        limit = _WORD_BUDGET[self.kind][0]
        plural = "" if self.word_count == 1 else "s"
        return f"{_KIND_TITLES[self.kind]}: {self.word_count} word{plural} in the body (aim for {limit} or fewer)."

    def _repr_html_(self) -> str:
        lines = [(f.severity, f.message) for f in self.findings]
        if self.ok:
            heading = "Looks ready to send" + (" (a few optional tips below)" if self.tips else "")
            return block("ok", heading, lines, self._footer())
        n = len(self.problems)
        return block("problem", f"{n} thing{'s' if n != 1 else ''} to fix before sending", lines, self._footer())

    def __repr__(self) -> str:
        return (
            f"MessageReport(kind={self.kind!r}, ok={self.ok}, word_count={self.word_count}, "
            f"problems={[f.rule for f in self.problems]}, tips={[f.rule for f in self.tips]})"
        )

    def __str__(self) -> str:
        head = f"{self.kind}: {'ok' if self.ok else 'not ok'}, {self.word_count} words"
        return "\n".join([head] + [f"  {f.severity.upper()} {f.rule}: {f.message}" for f in self.findings])


# --- reading a draft -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Draft:
    kind: str
    text: str  # the whole message, curly quotes made straight
    low: str  # the same, lowercased, for the (faster) lowercase patterns
    has_greeting: bool
    greeting_name: str | None
    sentences: tuple[str, ...]  # of the body, lowercased
    words: int
    reader_name: str | None
    hours_since_meeting: float | None

    @cached_property
    def asks(self) -> tuple[int, ...]:
        """Indexes of the body sentences that make a request (an introduction, for intro_request)."""
        pattern = P.intro_ask if self.kind == "intro_request" else P.ask
        return tuple(i for i, sentence in enumerate(self.sentences) if pattern.search(sentence))

    def quote(self, match: re.Match[str]) -> str:
        """The student's own words at *match* (found in ``low``), capitals kept where possible."""
        if len(self.low) == len(self.text):
            return self.text[match.start():match.end()].strip()
        return match.group(0).strip()


_STRAIGHT_QUOTES = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))
_GENERIC_NAMES = {"there", "all", "team", "everyone", "folks", "friend", "friends", "sir", "madam"}


def _greeting(first_line: str) -> tuple[bool, str | None, str]:
    """Split a first line into (is a greeting, the name it uses, text left after it)."""
    m = P.greeting.match(first_line)
    if m is None:
        # "Luis," alone on a line also greets by name
        words = first_line.rstrip(",").split()
        if first_line.endswith(",") and 0 < len(words) <= 3 and all(w[0].isupper() for w in words):
            return True, " ".join(words), ""
        return False, None, first_line
    after = first_line[m.end():]
    cut = P.greeting_end.search(after)
    name_part, rest = (after[: cut.start()], after[cut.end():]) if cut else (after, "")
    names = []
    for word in name_part.split():
        if not word[0].isupper() or len(names) == 3:
            rest = name_part[name_part.index(word):] + (" " + rest if rest else "")
            break
        names.append(word.rstrip("."))
    name = " ".join(names)
    if not name or name.lower() in _GENERIC_NAMES:
        return True, None, rest
    return True, name, rest


def _read(text: str, kind: str, reader_name: str | None, hours: float | None) -> _Draft:
    for curly, straight in _STRAIGHT_QUOTES:  # replace() beats translate() on short texts
        if curly in text:
            text = text.replace(curly, straight)
    text = text.replace("\r\n", "\n").strip()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    has_greeting, name, first_rest = _greeting(lines[0]) if lines else (False, None, "")
    body = ([first_rest] if first_rest else []) + lines[1:]
    # Sign-off: a bare name line and/or a closing phrase ("Best," / "Thanks!") at the end.
    if len(body) > 1 and P.signature.match(body[-1]):
        body.pop()
    if len(body) > 1 and P.closing.match(body[-1]):
        body.pop()
    sentences = tuple(s for s in P.sentence.findall("\n".join(body).lower()) if s.strip())
    words = sum(len(s.split()) for s in sentences)
    return _Draft(kind, text, text.lower(), has_greeting, name, sentences, words, reader_name, hours)


# --- rules -----------------------------------------------------------------------------------
# Every rule takes the draft, its rule id and its configured severity and returns a Finding or
# None. Simple ones are table rows (a pattern the text needs, or one it must avoid).

Rule = Callable[[_Draft, str, str], "Finding | None"]


@dataclass(frozen=True)
class _Needs:
    """The message must contain *pattern*; *only_if* limits the rule to messages matching it.

    Patterns run on the lowercased text unless *cased*.
    """

    pattern: re.Pattern[str]
    advice: str
    only_if: re.Pattern[str] | None = None
    cased: bool = False

    def __call__(self, draft: _Draft, rule: str, severity: str) -> Finding | None:
        if self.only_if is not None and not self.only_if.search(draft.low):
            return None
        found = self.pattern.search(draft.text if self.cased else draft.low)
        return None if found else Finding(rule, severity, self.advice)


@dataclass(frozen=True)
class _Avoids:
    """The message must not contain *pattern*; ``{found}`` in *advice* quotes the offending text.

    With *negatable*, a hit just after a negation ("I'm not asking for a job") doesn't count.
    """

    pattern: re.Pattern[str]
    advice: str
    negatable: bool = False

    def __call__(self, draft: _Draft, rule: str, severity: str) -> Finding | None:
        for m in self.pattern.finditer(draft.low):
            if self.negatable and P.negation.search(draft.low, max(0, m.start() - 30), m.start()):
                continue
            return Finding(rule, severity, self.advice.format(found=draft.quote(m)))
        return None


def _no_placeholders(draft: _Draft, rule: str, severity: str) -> Finding | None:
    found = list(dict.fromkeys(m.group(0) for m in P.placeholder.finditer(draft.text)))
    if not found:
        return None
    quoted = [f'"{p}"' for p in found[:3]] + ([f"{len(found) - 3} more"] if len(found) > 3 else [])
    shown = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return Finding(rule, severity, f"Replace the template placeholder{'s' if len(found) > 1 else ''} {shown} with your own words.")


def _too_long(draft: _Draft, rule: str, severity: str) -> Finding | None:
    tip_over, problem_over = _WORD_BUDGET[draft.kind]
    n = draft.words
    if n > HUGE_WORDS:
        return Finding(rule, "problem", f"At {n:,} words this is far longer than a message; cut it to a few short paragraphs of at most {tip_over} words.")
    if n > problem_over:
        return Finding(rule, "problem", f"At {n} words this is too long to read at a glance; trim the body to about {tip_over} words or fewer.")
    if n > tip_over:
        return Finding(rule, "tip", f"At {n} words it's a little long; see whether you can trim it to {tip_over} words or fewer.")
    return None


def _first_name(draft: _Draft) -> str:
    return draft.reader_name.split()[0] if draft.reader_name else "Alex"


def _names_reader(draft: _Draft, rule: str, severity: str) -> Finding | None:
    first = _first_name(draft)
    if not draft.greeting_name:
        who = f"{first}'s name" if draft.reader_name else "their name"
        return Finding(rule, severity, f'Open with a greeting that uses {who}, such as "Hi {first},".')
    if draft.reader_name:
        greeted = {w.lower().strip(".,") for w in draft.greeting_name.split()}
        if not greeted & {w.lower() for w in draft.reader_name.split() if len(w) > 1}:
            # a wrong name is worse than none, whatever the kind
            return Finding(rule, "problem", f'Your greeting says "{draft.greeting_name}", but this message is for {draft.reader_name}; fix the name.')
    return None


def _opens_with_request(draft: _Draft, rule: str, severity: str) -> Finding | None:
    where = draft.asks[0] if draft.asks else None
    if where is None:
        example = "Would you be willing to introduce me to ...?" if draft.kind == "intro_request" else "Would you have 30 minutes for a coffee or a call in the next few weeks?"
        return Finding(rule, severity, f'Ask plainly for what you want, for example "{example}"')
    if where >= 2:
        return Finding(rule, severity, "Move your request up so it comes in the first sentence or two, right after the greeting.")
    return None


def _ask_is_question(draft: _Draft, rule: str, severity: str) -> Finding | None:
    if draft.asks and not any("?" in draft.sentences[i] for i in draft.asks):
        return Finding(rule, severity, 'Phrase your request as a question ending in "?", so it is easy to answer with a yes.')
    return None


def _short_meeting(draft: _Draft, rule: str, severity: str) -> Finding | None:
    if P.long_meeting.search(draft.low):
        return Finding(rule, "problem", "Ask for 30 minutes rather than an hour or more; a short meeting is much easier to say yes to.")
    if not P.short_meeting.search(draft.low):
        return Finding(rule, "tip", "Say how long you need; asking for 30 minutes makes it an easy yes.")
    return None


def _soon(draft: _Draft, rule: str, severity: str) -> Finding | None:
    if P.later_times.search(draft.low) and not P.soon_times.search(draft.low):
        return Finding(rule, severity, "Offer times within the next week, so the meeting happens while it's fresh for both of you.")
    return None


def _sent_within_24h(draft: _Draft, rule: str, severity: str) -> Finding | None:
    hours = draft.hours_since_meeting
    if hours is None or hours <= THANK_YOU_HOURS:
        return None
    return Finding(rule, severity, f"It has been about {hours:.0f} hours since you met, so send this today; next time aim for within {THANK_YOU_HOURS} hours.")


_JOB_ADVICE = 'Leave out the request for a job, referral or internship ("{found}"): ask for advice, and let them offer more if they want to.'

_RULES: dict[str, Rule] = {
    "no_placeholders": _no_placeholders,
    "too_long": _too_long,
    "names_reader": _names_reader,
    "opens_with_request": _opens_with_request,
    "ask_is_question": _ask_is_question,
    "short_meeting": _short_meeting,
    "soon": _soon,
    "sent_within_24h": _sent_within_24h,
    "personal": _Needs(P.personal, "Mention something specific about them, such as their role, their company or a post of theirs you liked, so they know why you chose them."),
    "gives_context": _Needs(P.context, "Say in a sentence who you are and what you're working towards, so they know why you're writing."),
    "polite": _Needs(P.polite, 'Add a word of thanks or a "please"; they owe you nothing, so courtesy goes a long way.'),
    "respectful": _Avoids(P.demanding, 'Soften "{found}": you are asking a favour, so let them answer in their own time.'),
    "offers_call": _Needs(P.call, "Offer a phone or video call as an alternative, in case meeting in person is hard for them."),
    "convenient_place": _Needs(P.their_place, "Offer to meet somewhere convenient for them, such as near their office or a café they like.", only_if=P.in_person),
    "your_treat": _Needs(P.treat, "Offer to pay for the coffee (and do); it's a small thank-you for their time.", only_if=P.in_person),
    "no_job_ask": _Avoids(P.job_ask, _JOB_ADVICE, negatable=True),
    "no_attachment": _Avoids(P.attachment, 'Don\'t attach anything ("{found}"); a first message should stand on its own, and attachments read like a job application.'),
    "no_resume": _Avoids(P.resume, 'Leave your résumé out ("{found}"): this conversation is about learning, not applying.', negatable=True),
    "names_who_to_meet": _Needs(P.who_to_meet, "Say clearly whom you'd like to be introduced to, by name.", cased=True),
    "says_why": _Needs(P.why, "Say why you'd like to meet this person, so your contact can explain it when they introduce you."),
    "offers_blurb": _Needs(P.blurb, "Offer a short blurb about yourself that your contact can simply forward; it makes the introduction effortless."),
    "easy_out": _Needs(P.easy_out, 'Give your contact an easy way to say no, such as "No worries at all if that\'s awkward."'),
    "no_guilt": _Avoids(P.guilt, 'Drop "{found}": assume they were busy, and keep the follow-up light and friendly.'),
    "restates_ask": _Needs(P.ask, "Repeat your request briefly, for example whether they'd have time for a short chat in the next few weeks."),
    "lighter_option": _Needs(P.call, "Offer something lighter, such as a quick phone or video call, in case coffee is hard to fit in."),
    "thanks_them": _Needs(P.thanks, "Thank them; they're giving you their time for free."),
    "proposes_times": _Needs(P.times, 'Suggest a few concrete times, such as "Tuesday or Thursday morning next week".'),
    "flexible": _Needs(P.flexible, "Say you'll fit their schedule and place, for example \"or any other time and place that suits you\"."),
    "enthusiasm": _Needs(P.enthusiasm, "Show you're looking forward to it; enthusiasm makes the favour feel worthwhile."),
    "names_learning": _Needs(P.learned, "Name one specific thing you learned or will act on, not just thanks for the advice."),
    "stay_in_touch": _Needs(P.stay_in_touch, "Ask whether they'd be happy for you to stay in touch and share how their advice worked out."),
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
    ),
    "intro_request": (
        ("no_placeholders", "problem"), ("too_long", "problem"), ("names_reader", "tip"),
        ("names_who_to_meet", "problem"), ("says_why", "problem"), ("polite", "problem"),
        ("respectful", "problem"), ("no_job_ask", "problem"), ("no_resume", "problem"),
        ("opens_with_request", "tip"), ("offers_blurb", "tip"), ("easy_out", "tip"),
    ),
    "follow_up": (
        ("no_placeholders", "problem"), ("too_long", "problem"), ("names_reader", "tip"),
        ("no_guilt", "problem"), ("respectful", "problem"), ("restates_ask", "problem"),
        ("polite", "problem"), ("no_job_ask", "problem"), ("no_attachment", "problem"),
        ("no_resume", "problem"), ("lighter_option", "tip"),
    ),
    "scheduling": (
        ("no_placeholders", "problem"), ("too_long", "problem"), ("thanks_them", "problem"),
        ("proposes_times", "problem"), ("respectful", "problem"), ("no_job_ask", "problem"),
        ("soon", "tip"), ("flexible", "tip"), ("enthusiasm", "tip"),
    ),
    "thank_you": (
        ("no_placeholders", "problem"), ("too_long", "problem"), ("names_reader", "tip"),
        ("thanks_them", "problem"), ("names_learning", "problem"), ("sent_within_24h", "problem"),
        ("no_job_ask", "problem"), ("no_resume", "problem"), ("stay_in_touch", "tip"),
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
            Ignored for other kinds, and no finding when unknown.

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
    draft = _read(text, kind, reader, hours_since_meeting)
    if draft.words > HUGE_WORDS:
        # A pasted essay: the length is the one thing to fix, and other advice would be noise.
        return MessageReport(kind, (_too_long(draft, "too_long", "problem"),), draft.words)
    findings = []
    for rule, severity in _KIND_RULES[kind]:
        finding = _RULES[rule](draft, rule, severity)
        if finding is not None:
            findings.append(finding)
    return MessageReport(kind, tuple(findings), draft.words)
