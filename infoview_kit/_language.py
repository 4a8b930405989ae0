"""Reading free text the way the checkers need it: normalised, split, and reduced to word stems.

Students write in many voices: contractions and none ("whats", "dont"), text-speak ("u", "ur",
"pls"), curly quotes, and every inflection of a verb ("hire", "hiring", "hired"). The checkers'
patterns are written once, against *lemmas* (dictionary forms), so "Are you hiring?" and "is your
team hiring" and "would they have hired" all read as the same words. Lemmas come from simplemma
(a maintained, pure-Python lemmatiser with an English dictionary); it loads on first use, so
``import infoview_kit`` stays light, and each word's lemma is cached because drafts are checked
on every keystroke and repeat most of their words.

Pronouns and a few function words are kept as written: the lemmatiser maps "me" to "I" and "us"
to "we", and whether a request is *for me* is exactly what the job-ask rules need to see.
"""

from __future__ import annotations

import re

from ._quick_patterns import quick

# Written forms that carry meaning the lemma would lose, kept verbatim.
_KEEP = frozenset(
    "i me my mine myself you your yours yourself we us our they them their he him his she her it its "
    "would could should will shall may might can must do does did is are was were be been am "
    "not no never news data media".split()
)

_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                           "\u2014": " - ", "\u00a0": " ", "\u2026": "..."})

# Informal spellings, read as the words they stand for (whole words only, after lowercasing).
INFORMAL = {
    "u": "you", "ye": "you", "ya": "you", "yuh": "you", "unno": "you", "y'all": "you", "yall": "you", "ur": "your",
    "tek": "take", "mek": "make", "wid": "with", "pon": "on", "inna": "in", "coulda": "could", "woulda": "would",
    "shoulda": "should", "tink": "think", "mi": "me", "fi": "to", "r": "are", "pls": "please", "plz": "please", "cos": "because",
    "coz": "because", "cuz": "because", "bc": "because", "wanna": "want to", "gonna": "going to",
    "im": "i am", "ive": "i have", "id": "i would", "dont": "do not", "doesnt": "does not",
    "didnt": "did not", "cant": "can not", "wont": "will not", "isnt": "is not", "arent": "are not",
    "whats": "what is", "thats": "that is", "hows": "how is", "theres": "there is", "youre": "you are",
    "wat": "what", "wut": "what", "wht": "what", "hw": "how", "abt": "about", "bc": "because", "rn": "right now",
    "tbh": "to be honest", "lmk": "let me know", "idk": "i do not know", "ppl": "people", "thx": "thanks", "ty": "thank you", "tmrw": "tomorrow", "wk": "week", "mins": "minutes", "min": "minutes",
    "hr": "hr", "hrs": "hours", "cv's": "cvs", "resumé": "resume", "résumé": "resume", "résumés": "resumes",
}
_CONTRACTIONS = {"can't": "can not", "won't": "will not", "shan't": "shall not", "i'm": "i am"}
_CONTRACTION = re.compile(r"\b(?:can't|won't|shan't|i'm)\b|n't\b|'(?:re|ve|ll|d)\b|\b(?:what|that|it|who|where|how|there|here|when|why|he|she|this)'s\b|'s\b")
_SUFFIXES = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'d": " would", "'s": ""}


def _expand(match: re.Match[str]) -> str:
    found = match.group(0)
    if found in _CONTRACTIONS:
        return _CONTRACTIONS[found]
    if found in _SUFFIXES:
        return _SUFFIXES[found]  # "'s" alone is a possessive: "the company's" reads as "the company"
    return found[:-2] + " is"  # "what's" -> "what is"


_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*|[^\sa-z0-9]")


def straighten(text: str) -> str:
    """*text* with curly quotes, dashes and non-breaking spaces made plain ASCII."""
    return text.translate(_STRAIGHT)


_DROPPED_G = re.compile(r"\b([a-z]{2,})in'(?=\s|[,.!?]|$)")  # "makin'" is "making"
_ELLIPSIS = re.compile(r"(?<=[a-z])\.{2,}(?= [a-z])")


def normalise(text: str) -> str:
    """Lower-case *text*, expand contractions and text-speak, one space between words."""
    low = straighten(text).lower()
    if "in'" in low:
        low = _DROPPED_G.sub(r"\1ing", low)
    if ".." in low:
        low = _ELLIPSIS.sub(" ", low)  # "do you... make over six figures?" is one question
    if "'" in low:
        low = _CONTRACTION.sub(_expand, low)
    words = [INFORMAL.get(w, w) for w in low.split()]
    return " ".join(words)


# Where the dictionary picks the wrong reading for these texts ("opening" the noun, not "open").
_OVERRIDES = {"opening": "opening", "openings": "opening", "based": "based", "gone": "go", "better": "better",
              "best": "best", "worse": "worse", "writing": "write", "rates": "rate", "cvs": "cv", "resumes": "resume",
              "headcount": "headcount", "gigs": "gig", "reqs": "req", "rsus": "rsu", "earnings": "earnings",
              "wages": "wage", "clearing": "clear", "stipends": "stipend", "referees": "referee", "references": "reference"}


_LEMMAS: dict[str, str] = {}  # every lemma found so far: a plain dict lookup is the fast path


def lemma(word: str) -> str:
    """The dictionary form of one lower-case *word* ("hiring" -> "hire"), pronouns kept as written."""
    if word in _KEEP or not word[0].isalpha() or len(word) < 3:
        return word
    if word in _OVERRIDES:
        return _OVERRIDES[word]
    if word in _LEMMAS:
        return _LEMMAS[word]
    from simplemma import lemmatize  # loads its English dictionary on first use

    found = lemmatize(word, lang="en")
    found = found.lower() if found else word
    if len(_LEMMAS) < 50000:
        _LEMMAS[word] = found
    return found


def lemmatise(text: str) -> str:
    """The lemmas of normalised *text*, joined by single spaces, punctuation as its own token.

    ``lemmatise("Are you hiring?") == "are you hire ?"``: patterns over this string match every
    inflection of the words they name.
    """
    return " ".join(_LEMMAS.get(token) or lemma(token) for token in _WORD.findall(normalise(text)))


# A clause boundary inside a sentence: a semicolon, a dash between words, or a comma before a
# conjunction that starts a new thought ("..., and could you ...").
_CLAUSE = re.compile(r"\s*(?:;|\s-\s|,\s*(?=(?:and|but|so|or|because|then|also)\b))\s*")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|(?=\n)|$)")


# A full stop that ends a title or an abbreviation, not a sentence: "Dr. Lim", "St. Luke's",
# "10 a.m.", "e.g.", an initial ("J. Okafor").
_ABBREVIATED = re.compile(
    r"(?:^|[\s(])(?:[A-Za-z]|Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|Sra|Srta|Rev|Hon|Engr|Ing|Mt|Ave|Dept|Univ|"
    r"Inc|Ltd|Co|Corp|approx|vs|etc|No)\.$")


def sentences(text: str) -> list[str]:
    """The sentences of *text* (split at . ! ? and line breaks), stripped, empty ones dropped.

    A full stop after a title, an abbreviation or an initial does not end a sentence, so "I met
    Dr. Lim at St. Luke's" stays one sentence."""
    found: list[str] = []
    joined = False
    for match in _SENTENCE.finditer(text):
        piece = match.group(0)
        if joined and found:
            found[-1] += piece
        else:
            found.append(piece)
        end = match.end()
        # the pattern is anchored at the end, so its last few characters decide (its longest word is 6)
        joined = bool(_ABBREVIATED.search(piece.rstrip()[-12:])) and end < len(text) and text[end] != "\n"
    return [s.strip() for s in found if s.strip(" .!?")]


def clauses(sentence: str) -> list[str]:
    """The clauses of one *sentence*: split at semicolons, dashes and ", and"/", but" joins."""
    return [c for c in _CLAUSE.split(sentence) if c.strip()]


class Patterns:
    """Named regular expressions, each compiled the first time a rule uses it.

    The checkers hold about fifty large patterns; compiling them all at import took most of the
    cost of ``from infoview_kit import check_message``, while one draft needs only some of them.
    A pattern is given as its source (or ``(source, flags)``); after its first use it is a plain
    attribute, so later look-ups cost what any attribute does. ``patterns["name"]`` works too, for
    tables keyed by category.
    """

    def __init__(self, **sources: str | tuple[str, int]) -> None:
        self._sources = sources

    def __getattr__(self, name: str) -> re.Pattern[str]:
        sources = self.__dict__.get("_sources", {})
        if name not in sources:
            raise AttributeError(name)
        source, flags = self.source(name)
        pattern = re.compile(quick(source, flags), flags)
        setattr(self, name, pattern)
        return pattern

    def __getitem__(self, name: str) -> re.Pattern[str]:
        try:
            return getattr(self, name)
        except AttributeError:
            raise KeyError(name) from None

    def names(self) -> tuple[str, ...]:
        """Every pattern's name (for tests that compile them all)."""
        return tuple(self._sources)

    def source(self, name: str) -> tuple[str, int]:
        """The pattern *name* as written: (source, flags), before ``quick`` rewrites it."""
        given = self.__dict__["_sources"][name]
        return (given, 0) if isinstance(given, str) else (*given, 0)[:2]
