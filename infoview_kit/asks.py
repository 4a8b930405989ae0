"""Tell a request for a job, referral, internship or the reader's pay from a mere mention of one.

The course's one hard rule for an informational interview is that the student asks for
information, never for a job, a referral, an internship, or what the reader earns. Both checkers
apply it: ``check_question`` to each interview question, ``check_message`` to each sentence of an
outreach message. People rarely ask bluntly ("Will you hire me?"); they hedge ("would there be
room for someone like me on your team?"), pass the ask through a third party ("could my CV find
its way to your recruiter?") or ask about availability ("is your team hiring at the moment?").
And the same words are fine as a *mention*: "what do you look for when you hire interns?",
"how did your internship shape you?", "what do juniors earn in this field?".

So a rule here needs two things at once: the topic (a hiring word, an internship word, a
referral word, a pay word) and a sign that the student is the one who would get it: *me* or *my*
as the beneficiary, a first-person request ("could I shadow you"), or a question about openings
*at the reader's organisation right now*. Patterns run on lemmas (see ``_language``), so one
pattern covers every inflection. A hit right after a negation ("I'm not asking you to refer me")
does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._language import INFORMAL, lemmatise
from ._quick_patterns import quick
from ._ask_patterns import AVAILABLE, GENERAL, NEEDS, PATTERNS, TOPIC, word_pairs


def _may_match(category: str, tokens: set[str], pairs: set[str]) -> bool:
    words, needed_pairs = NEEDS[category]
    return not words.isdisjoint(tokens) or not needed_pairs.isdisjoint(pairs)


# Irregular forms of the words above, for reading a sentence before it is lemmatised.
_IRREGULAR = {
    "pay": "paid", "make": "made", "take": "took taken", "bring": "brought", "give": "gave given", "find": "found",
    "get": "got gotten", "keep": "kept", "put": "put", "let": "let", "tell": "told", "come": "came", "begin": "began begun",
    "send": "sent", "hold": "held", "win": "won", "write": "wrote written", "speak": "spoke spoken", "land": "landed",
}


def _forms(word: str) -> set[str]:
    """*word* and the inflections English spelling gives it (over-generating is harmless here)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er", word + "ers"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwy":
        forms |= {word + word[-1] + "ing", word + word[-1] + "ed"}
    forms |= set(_IRREGULAR.get(word, "").split())
    return forms


@lru_cache(maxsize=None)
def _surface_needs() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Every written form of every needed word and word pair, and the pairs' first words, built
    on first use."""
    # (the spellings _language reads as others: "résumé" is "resume", "ur" is "your")
    words: set[str] = {"available", "going", "coming", "anything", "something", "résumé", "résumés", "resumé", "cv's"}
    pairs: set[str] = set()
    for singles, needed_pairs in NEEDS.values():
        for word in singles:
            words |= _forms(word)
        for pair in needed_pairs:
            first, second = pair.split()
            pairs |= {f"{a} {b}" for a in _forms(first) for b in _forms(second)}
    return frozenset(words), frozenset(pairs), frozenset(pair.split()[0] for pair in pairs)


_SPLIT_PUNCTUATION = str.maketrans({c: " " for c in ",.!?;:()[]{}\"/\u2019\u2018\u201c\u201d"})


_INFORMAL_WORDS = frozenset(INFORMAL)
_SUFFIXES = {"re": "are", "m": "am", "ve": "have", "ll": "will", "d": "would", "s": "is"}


def _spelled_out(tokens: list[str]) -> list[str]:
    """*tokens* with contractions and text-speak spelled out as ``_language.normalise`` does
    ("you're" -> "you", "are"), word by word: much cheaper than normalising the sentence."""
    out: list[str] = []
    for token in tokens:
        if "'" in token:
            base, _, suffix = token.replace("\u2019", "'").partition("'")
            if suffix == "t" and base.endswith("n"):
                out += [{"ca": "can", "wo": "will", "sha": "shall"}.get(base[:-1], base[:-1]), "not"]
            elif not suffix and base.endswith("in"):
                out.append(base + "g")  # "makin'" is "making"
            else:
                out += [base, _SUFFIXES.get(suffix, suffix)]
        else:
            out += INFORMAL.get(token, token).split()
    return out


def may_ask(sentence: str) -> bool:
    """A quick look, before any lemmas: could *sentence* hold a job, referral, internship or pay ask?

    False means none of the words any pattern needs is there, in any form, so the checker can skip
    the sentence; True means look properly with ``forbidden_ask``.
    """
    tokens = sentence.lower().translate(_SPLIT_PUNCTUATION).split()
    words, pairs, firsts = _surface_needs()
    if not words.isdisjoint(tokens):
        return True  # most sentences that could ask say so in their own spelling
    if "'" in sentence or not _INFORMAL_WORDS.isdisjoint(tokens):
        tokens = _spelled_out(tokens)  # "you're", "ur": read as the words they stand for
        if not words.isdisjoint(tokens):
            return True
    if firsts.isdisjoint(tokens):
        return False
    return not pairs.isdisjoint(f"{a} {b}" for a, b in zip(tokens, tokens[1:]) if a in firsts)


@lru_cache(maxsize=None)
def _compiled(category: str) -> re.Pattern[str]:
    """The category's patterns as one regular expression, compiled on first use (import stays light)."""
    return re.compile(quick("|".join(f"(?:{p})" for p in PATTERNS[category])))

_REASONS = {
    "job": "Asking for a job, or for openings for you, turns a favour into a demand and puts them on the spot; ask what they'd look for in a candidate instead.",
    "referral": "Asking to be referred, recommended or passed on to a recruiter stakes their name on someone they just met; let them offer it if they want to.",
    "internship": "Asking for an internship, placement or shadowing is a job request in another form; ask how people usually get started in the field instead.",
    "pay": "What someone earns is private, and asking makes the chat awkward; salary surveys show typical pay for the field.",
}
CATEGORIES = tuple(_REASONS)


@dataclass(frozen=True)
class Ask:
    """A request the course rules out: its *category* and the student's words that make it."""

    category: str  # "job", "referral", "internship" or "pay"
    words: str  # the matched words, in lemma form ("hire me")

    @property
    def reason(self) -> str:
        """One sentence on why not to ask it, and what to ask instead."""
        return _REASONS[self.category]


def _search(category: str, lemmas: str, tokens: set[str], pairs: set[str]) -> re.Match[str] | None:
    if not _may_match(category, tokens, pairs):
        return None
    for match in _compiled(category).finditer(lemmas):
        if GENERAL.negation.search(lemmas, max(0, match.start() - 45), match.start()):
            continue  # "I'm not asking you to hire me"
        return match
    return None


def _general_ask(lemmas: str) -> Ask | None:
    """A request in other words: the topic, *me* as the one who gets it, and the reader asked."""
    main = GENERAL.leading_clause.sub("", lemmas)  # "When the manager asks, could you tell her ..."
    if GENERAL.advice.search(main) and not GENERAL.ask_for_me.search(main):
        return None
    for category in ("internship", "job"):
        match = AVAILABLE[category].search(lemmas)
        if match and not GENERAL.negation.search(lemmas, max(0, match.start() - 45), match.start()):
            return Ask(category, match.group(0).strip())
    beneficiary = GENERAL.info_me.sub(" ", lemmas)
    if not (GENERAL.first_person.search(beneficiary) and GENERAL.reader.search(lemmas)
            and GENERAL.request.search(lemmas)):
        return None
    for category in ("internship", "referral", "job"):
        for match in TOPIC[category].finditer(lemmas):
            before = lemmas[:match.start()]
            if (category == "internship" and before.endswith(_SOMEONE_ELSES)) or (
                    category == "job" and before.endswith(_THEIRS) and match.group(0).strip() in _OWN_WORK):
                continue  # "Mr. Hoàng from your internship", "about your job as a dietitian": theirs
            if not GENERAL.negation.search(lemmas, max(0, match.start() - 45), match.start()):
                return Ask(category, match.group(0).strip())
    return None


# The reader's or someone else's own job ("about your job as a dietitian"): no job asked for.
_THEIRS = ("your ", "his ", "her ", "their ")
_OWN_WORK = {"job", "role", "position", "career", "post"}
# Someone else's internship, or the reader's own past one ("from your internship at Arup"); but
# "could I join your internship programme?" asks for a place in theirs, so "your" alone is not enough.
_SOMEONE_ELSES = ("his ", "her ", "their ", "from your ", "during your ", "since your ", "after your ", "before your ",
                  "about your ")


def forbidden_ask(text: str, *, lemmas: str | None = None, general: bool = True) -> Ask | None:
    """The first job, referral, internship or pay request in *text*, or None if it only mentions them.

    Internship comes before job and referral before both, so "could you take me on as an intern"
    is named for what it asks. Pay counts only when it is the reader's own: "what do juniors
    earn?" and "how did you negotiate, not the number?" are about the field.

    With *general* (the default) the request may be worded in any way: a topic word, the student
    as the one who would get it, and a request to the reader. A message's sentences are read
    with ``general=False`` too, where only the unmistakable wordings count, because outreach
    messages are full of requests (for a coffee, a call) that share those words.
    """
    lemmas = lemmatise(text) if lemmas is None else lemmas
    tokens, pairs = set(lemmas.split()), word_pairs(lemmas)
    for category in ("internship", "referral", "job"):
        match = _search(category, lemmas, tokens, pairs)
        if match:
            return Ask(category, match.group(0).strip())
    match = GENERAL.for_someone_like_me.search(lemmas) if "like" in tokens else None
    if match and not GENERAL.advice.search(lemmas) and not GENERAL.negation.search(lemmas, max(0, match.start() - 45), match.start()):
        return Ask("job", match.group(0).strip())
    if general:
        found = _general_ask(lemmas)
        if found:
            return found
    match = _search("pay", lemmas, tokens, pairs)
    if match and not GENERAL.pay_general.search(lemmas):
        return Ask("pay", match.group(0).strip())
    return None
