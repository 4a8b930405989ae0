"""The rules ``check_message`` applies, one small function or table row each.

Every rule takes the draft (see ``_draft``), its rule id and its configured severity, and
returns a ``Finding`` or None. Rules that *need* something (thanks, a concrete time) accept the
many ways people say it; rules that *forbid* something (a job ask, a deadline) fire only on
unmistakable wording, because a good message wrongly flagged teaches the wrong lesson.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ._draft import Draft, plain
from ._language import lemmatise
from ._message_patterns import P
from .asks import forbidden_ask, may_ask
from .placeholders import find_placeholders
from .vocabulary import THANK_YOU_HOURS

SEVERITIES = ("problem", "tip")


@dataclass(frozen=True)
class Finding:
    """One thing to change: which rule, how serious, and one sentence of advice."""

    rule: str
    severity: str  # "problem" (fix before sending) or "tip" (would make it better)
    message: str

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"Finding.severity must be one of {SEVERITIES}, not {self.severity!r}")


Rule = Callable[[Draft, str, str], "Finding | None"]

# body words: (a tip above this, a problem above this). The request budget is the widely taught
# 75-100 words; the others scale with what each message has to carry.
WORD_BUDGET = {
    "request": (100, 150),
    "intro_request": (150, 220),
    "follow_up": (70, 110),
    "scheduling": (80, 150),
    "thank_you": (120, 200),
}
# Beyond this a text is not a message at all (a pasted essay, say): always a problem.
HUGE_WORDS = 1000
# Opening pleasantries don't delay the request: "I hope you're well. Could we ...?"
_PLEASANTRY = re.compile(
    r"^(?:i )?(?:hope|hoping|trust)\b|^good (?:day|morning|afternoon|evening)\b|^how are you|^(?:it's|it is|this is) [A-Z]"
    r"|^peace be|^greetings\b|^hello again|^long time\b|^happy (?:new year|friday|monday)|^i hope",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Needs:
    """The message must contain the pattern named *pattern*; *only_if* (a pattern's name too)
    limits the rule to messages matching it. Patterns go by name so that each is compiled only
    when a draft first needs it."""

    pattern: str
    advice: str
    only_if: str | None = None
    body_only: bool = False

    def __call__(self, draft: Draft, rule: str, severity: str) -> Finding | None:
        if self.only_if is not None and not P[self.only_if].search(draft.low):
            return None
        found = P[self.pattern].search(draft.body_low if self.body_only else draft.low)
        return None if found else Finding(rule, severity, self.advice)


@dataclass(frozen=True)
class Avoids:
    """The message must not contain the pattern named *pattern*; ``{found}`` in *advice* quotes
    the offending text.

    With *negatable*, a hit just after a negation ("I'm not sending my CV") doesn't count.
    """

    pattern: str
    advice: str
    negatable: bool = False

    def __call__(self, draft: Draft, rule: str, severity: str) -> Finding | None:
        for m in P[self.pattern].finditer(draft.body_low):
            if self.negatable and P.negation.search(draft.body_low, max(0, m.start() - 30), m.start()):
                continue
            return Finding(rule, severity, self.advice.format(found=_quote(draft, m)))
        return None


def _quote(draft: Draft, match: re.Match[str]) -> str:
    """The student's own words at *match* (found in ``body_low``), capitals kept."""
    return draft.body[match.start():match.end()].strip() if len(draft.body) == len(draft.body_low) else match.group(0).strip()


# Every placeholder shape holds one of these; most drafts hold none, and the full pattern is slow.
_PLACEHOLDER_MARKS = ("[", "{", "<", "___", "XX", "TODO", "FIXME", "TBD")
_PLACEHOLDER_WORDS = ("insert", " here", "lorem")


def _may_hold_placeholder(draft: Draft) -> bool:
    return any(m in draft.text for m in _PLACEHOLDER_MARKS) or any(w in draft.low for w in _PLACEHOLDER_WORDS)


def no_placeholders(draft: Draft, rule: str, severity: str) -> Finding | None:
    found = find_placeholders(draft.text) if _may_hold_placeholder(draft) else []
    if not found:
        return None
    quoted = [f'"{p}"' for p in found[:3]] + ([f"{len(found) - 3} more"] if len(found) > 3 else [])
    shown = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return Finding(rule, severity, f"Replace the template placeholder{'s' if len(found) > 1 else ''} {shown} with your own words.")


def too_long(draft: Draft, rule: str, severity: str) -> Finding | None:
    tip_over, problem_over = WORD_BUDGET[draft.kind]
    n = draft.words
    if n > HUGE_WORDS:
        return Finding(rule, "problem", f"At {n:,} words this is far longer than a message; cut it to a few short paragraphs of at most {tip_over} words.")
    if n > problem_over:
        return Finding(rule, "problem", f"At {n} words this is too long to read at a glance; trim the body to about {tip_over} words or fewer.")
    if n > tip_over:
        return Finding(rule, "tip", f"At {n} words it's a little long; see whether you can trim it to {tip_over} words or fewer.")
    return None


def names_reader(draft: Draft, rule: str, severity: str) -> Finding | None:
    first = draft.reader_name.split()[0] if draft.reader_name else "Alex"
    if not draft.greeting_name:
        if draft.reader_name and draft.sentences and any(w in draft.reader_words for w in _plain_words(draft.sentences[0])):
            return None  # "Thanks so much, Oluwaseun!" greets them in the first sentence
        who = f"{first}'s name" if draft.reader_name else "their name"
        return Finding(rule, severity, f'Open with a greeting that uses {who}, such as "Hi {first},".')
    if draft.reader_name:
        greeted = {plain(w) for w in re.split(r"[\s-]+", draft.greeting_name)}
        wanted = {plain(w) for w in re.split(r"[\s-]+", draft.reader_name) if len(plain(w)) > 1}
        if not greeted & wanted and not any(_same_name(g, w) for g in greeted for w in wanted):
            # a wrong name is worse than none, whatever the kind
            return Finding(rule, "problem", f'Your greeting says "{draft.greeting_name}", but this message is for {draft.reader_name}; fix the name.')
    return None


def _same_name(greeted: str, wanted: str) -> bool:
    """The same name in another grammatical case: Polish "Magdaleno" is "Magdalena" addressed,
    Czech "Petře" is "Petr"; only the ending differs."""
    shared = len(os.path.commonprefix([greeted, wanted]))
    return min(len(greeted), len(wanted)) >= 4 and shared >= max(4, max(len(greeted), len(wanted)) - 2)


def _plain_words(sentence: str) -> set[str]:
    return {plain(w) for w in re.split(r"[\s,!?.:;-]+", sentence) if w}


def opens_with_request(draft: Draft, rule: str, severity: str) -> Finding | None:
    first = draft.first_ask
    if first is None:
        example = "Would you be willing to introduce me to ...?" if draft.kind == "intro_request" else "Would you have 30 minutes for a coffee or a call in the next few weeks?"
        return Finding(rule, severity, f'Ask plainly for what you want, for example "{example}"')
    before = [s for s in draft.sentences[:first] if not _PLEASANTRY.search(s.strip())]
    if len(before) >= 2:
        return Finding(rule, severity, "Move your request up so it comes in the first sentence or two, right after the greeting.")
    return None


def ask_is_question(draft: Draft, rule: str, severity: str) -> Finding | None:
    if not draft.asks_as_question and draft.first_ask is not None:
        return Finding(rule, severity, 'Phrase your request as a question ending in "?", so it is easy to answer with a yes.')
    return None


def _hours(hour: str, minute: str | None, half: str | None) -> float:
    h = int(hour) % 12 + (12 if half == "pm" else 0) if half else int(hour)
    return h + (int(minute) / 60 if minute else 0)


def _long_span(low: str) -> bool:
    """A clock-time span of an hour or more that is the meeting, not a window they could pick from."""
    for m in P.time_range.finditer(low):
        h1, m1, half1, h2, m2, half2 = m.groups()
        if not (half1 or half2 or m1 or m2):
            continue  # "2-3" alone could be anything
        half1 = half1 or half2
        start, end = _hours(h1, m1, half1), _hours(h2, m2, half2 or half1)
        if end < start and not half2:
            end += 12  # "11 to 2pm"
        if end - start >= 1 and not P.window.search(low, max(0, m.start() - 40), m.start()):
            return True
    return False


def short_meeting(draft: Draft, rule: str, severity: str) -> Finding | None:
    # clock spans are windows to pick from when the draft already says the meeting is short
    spans_are_windows = bool(P.short_meeting.search(draft.body_low))
    if P.long_meeting.search(draft.body_low) or (not spans_are_windows and _long_span(draft.body_low)):
        return Finding(rule, "problem", "Ask for 30 minutes rather than an hour or more; a short meeting is much easier to say yes to.")
    if draft.kind == "request" and not P.short_meeting.search(draft.low):
        return Finding(rule, "tip", "Say how long you need; asking for 30 minutes makes it an easy yes.")
    return None


def soon(draft: Draft, rule: str, severity: str) -> Finding | None:
    if P.later_times.search(draft.body_low) and not P.soon_times.search(draft.body_low):
        return Finding(rule, severity, "Offer times within the next week, so the meeting happens while it's fresh for both of you.")
    return None


def offers_choice(draft: Draft, rule: str, severity: str) -> Finding | None:
    """One fixed slot that suits only the student is a problem; a choice or a "whatever suits you" is fine."""
    low = draft.body_low
    rigid = P.rigid.search(low)
    days = {m.group(0) for m in P.days.finditer(low)}  # "Tuesday at 8" is one slot, not two
    slots = len(days) if days else len({m.group(0) for m in P.times.finditer(low)})
    if rigid or (slots <= 1 and not P.flexible.search(low)):
        how = f' ("{_quote(draft, rigid)}")' if rigid else ""
        return Finding(rule, "problem" if rigid or slots == 1 else severity,
                       f"Offer them a choice{how}: two or three times, and say you'll fit around their schedule and place.")
    return None


def sent_within_24h(draft: Draft, rule: str, severity: str) -> Finding | None:
    hours = draft.hours_since_meeting
    if hours is not None and hours > THANK_YOU_HOURS:
        return Finding(rule, severity, f"It has been about {hours:.0f} hours since you met, so send this today; next time aim for within {THANK_YOU_HOURS} hours.")
    late = P.late.search(draft.body_low)
    if hours is None and late:
        return Finding(rule, severity, f'Your note says it comes late ("{_quote(draft, late)}"); send thank-yous within {THANK_YOU_HOURS} hours of meeting, while it is fresh for both of you.')
    return None


_JOB_ADVICE = 'Leave out the request for a job, referral or internship ("{found}"): ask for advice, and let them offer more if they want to.'


def no_job_ask(draft: Draft, rule: str, severity: str) -> Finding | None:
    """A sentence that asks for a job, referral, internship or their pay, however it is worded."""
    intro = draft.kind == "intro_request"
    for sentence in draft.sentences:
        if _asks_for_job(sentence, intro):
            return Finding(rule, severity, _JOB_ADVICE.format(found=sentence.strip()))
    return None


@lru_cache(maxsize=4096)
def _asks_for_job(sentence: str, intro: bool = False) -> bool:
    """Whether one sentence of a message makes a job, referral, internship or pay request.

    The reading depends on the sentence alone (and on whether the message asks for an
    introduction), so it is kept: while a student types, only the sentence being edited is new,
    and the others cost a dictionary look-up.
    """
    if not may_ask(sentence):
        return False  # most sentences: no word any ask needs, so no lemmas needed either
    lemmas = lemmatise(sentence)
    ask = forbidden_ask(sentence, lemmas=lemmas, general="?" in sentence or bool(P.favour.search(sentence.lower())))
    if ask and intro and ask.category == "referral" and P.introduction.search(ask.words) \
            and not P.hiring_people.search(lemmas):
        return False  # "could you pass my number on to her?", "introduce me to your manager": the introduction itself
    if ask:
        return True
    m = P.job_statement.search(lemmas)
    return bool(m) and not P.negation.search(lemmas, max(0, m.start() - 30), m.start())


def names_who_to_meet(draft: Draft, rule: str, severity: str) -> Finding | None:
    if draft.people:
        return None
    return Finding(rule, severity, "Say clearly whom you'd like to be introduced to, by name.")


_MONTHS_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "i", "i'm", "i'd", "i've", "i'll"}


# Where anyone's profile is: naming it says nothing about this reader ("your profile on LinkedIn").
_PLATFORMS = {"linkedin", "zoom", "teams", "whatsapp", "skype", "email", "e-mail", "instagram", "facebook", "twitter", "x"}


def personal(draft: Draft, rule: str, severity: str) -> Finding | None:
    """Something about this reader in particular: their work, a post, a name that places them."""
    text = P.generic_personal.sub(" ", draft.body_low)
    if P.personal.search(text):
        return None
    for sentence in draft.sentences:  # "Your evidence to the Justice Committee ...": a proper noun beside them
        words = sentence.split()
        low = sentence.lower()
        if not re.search(r"\b(?:you|your|yours)\b", low):
            continue
        near = 0  # a proper noun within a few words after "you"/"your" places them
        for word in words:
            core = word.strip(".,!?:;()\"'")
            if core.lower() in ("you", "your", "yours"):
                near = 7
                continue
            if (near and core[:1].isupper() and core.lower() not in _MONTHS_DAYS and core.lower() not in _PLATFORMS
                    and plain(core) not in draft.reader_words | draft.signer):
                return None
            near = max(0, near - 1)
    return Finding(rule, severity, "Mention something specific about them, such as their role, their company or a post of theirs you liked, so they know why you chose them.")


def restates_ask(draft: Draft, rule: str, severity: str) -> Finding | None:
    if P.meeting.search(draft.body_low) or draft.first_ask is not None:
        return None
    return Finding(rule, severity, "Repeat your request briefly, for example whether they'd have time for a short chat in the next few weeks.")


def speaks_to_reader(draft: Draft, rule: str, severity: str) -> Finding | None:
    """"Her post caught my eye" in a message to her: a note about the reader, pasted unchanged.

    Only when no one else in the message could be the "she" or "he" (a named person, a
    relation such as "my cousin", a first name beside a verb: "Ana said she ...").
    """
    from ._reader_pronouns import OTHER_PERSON, may_be_person, phrase_at, third_person_words, to_second_person
    from .placeholders import PLACEHOLDER

    first = draft.reader_name.split()[0] if draft.reader_name else None
    possessive = re.compile(rf"\b{re.escape(first)}'s\b") if first else None  # "Maya's talk", to Maya
    if not third_person_words(draft.body) and not (possessive and possessive.search(draft.body)):
        return None  # most drafts: checked on every keystroke, so out early
    body = PLACEHOLDER.sub(" ", draft.body)  # "[café near her office]" is the template's
    found = third_person_words(body) + (list(possessive.finditer(body)) if possessive else [])
    if not found or any(may_be_person(p) for p in draft.people) or OTHER_PERSON.search(_without_reader(draft, body)):
        return None
    phrase = phrase_at(body, min(found, key=lambda m: m.start()))
    better = to_second_person(phrase, (draft.reader_name,) if draft.reader_name else ())
    hint = f' ("{better}")' if better and better != phrase else ""
    who = first or draft.greeting_name or "them"
    return Finding(rule, severity, f'"{phrase}" talks about {who} as someone else, but you are writing to '
                                   f'them: say "you" and "your"{hint}.')


def _without_reader(draft: Draft, body: str) -> str:
    """*body* with the reader's own name taken out, so "Maya's" isn't someone else."""
    for word in draft.reader_words:
        body = re.sub(rf"\b{re.escape(word)}\b", " ", body, flags=re.IGNORECASE)
    return body
