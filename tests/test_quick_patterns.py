"""The rewrite that makes the checkers' large patterns cheap to search: same matches, fewer tries."""

from __future__ import annotations

import re

import pytest

import checker_corpus as corpus
from infoview_kit import _ask_patterns, _message_patterns
from infoview_kit._language import lemmatise
from infoview_kit._quick_patterns import alternatives, first_chars, quick


@pytest.mark.parametrize("source, chars", [
    (r"\bcould you|\bwould you", {"c", "w"}),
    (r"\b(?:hire|employ) me\b", {"h", "e"}),
    (r"(?<!half )(?:an|one) hour", {"a", "o"}),
    (r"\b(?=x)xyz", {"x"}),
    (r"[0-2]?\d:\d\d", set("0123456789")),
    (r"(?:a|b)?c", {"a", "b", "c"}),
    (r"x*(?:y|z)", {"x", "y", "z"}),
    (r"\$\d+", {"$"}),
    (r"(?:up|down){1,2} there", {"u", "d"}),
    (r"(?:up|down){0,2} there", {"u", "d", " "}),
])
def test_first_characters_are_read_from_the_source(source, chars):
    assert first_chars(source) == chars


@pytest.mark.parametrize("source", [
    r"\b\w+ing\b",  # a class escape it does not expand
    r".{0,3}job",  # any character
    r"(?i:job)|role",  # inline flags
    r"(?P<word>job)",  # a named group
    r"[^a-z]job",  # a negated class
    r"(?:x|)",  # can match nothing
    r"a?",
])
def test_it_gives_up_when_unsure(source):
    assert first_chars(source) is None
    assert re.compile(quick(source)).pattern in (source, rf"(?:{source})")


def test_alternatives_split_only_at_the_top_level():
    assert alternatives(r"a(?:b|c)|[|]d|e\|f") == ("a(?:b|c)", "[|]d", r"e\|f")


def test_a_shared_word_boundary_is_tested_once_before_the_look_ahead():
    assert quick(r"\bcould you|\bwould you") == r"\b(?=[cw])(?:could you|would you)"
    assert quick(r"(?:\bhire me)|(?:\bemploy me)") == r"\b(?=[eh])(?:hire me|employ me)"


def test_a_case_insensitive_pattern_keeps_matching_any_case():
    pattern = re.compile(quick(r"\bDear|\bHello", re.IGNORECASE), re.IGNORECASE)
    assert [m.group(0) for m in pattern.finditer("dear Ana, HELLO")] == ["dear", "HELLO"]


def _sources():
    for label, patterns in (("P", _message_patterns.P), ("GENERAL", _ask_patterns.GENERAL),
                            ("TOPIC", _ask_patterns.TOPIC), ("AVAILABLE", _ask_patterns.AVAILABLE)):
        for name in patterns.names():
            yield f"{label}.{name}", *patterns.source(name)
    for category, parts in _ask_patterns.PATTERNS.items():
        yield f"PATTERNS.{category}", "|".join(f"(?:{p})" for p in parts), 0


SOURCES = list(_sources())


@pytest.fixture(scope="module")
def texts():
    """The corpus as the patterns see it: messages lower-cased, questions as lemmas."""
    messages = [row["text"].lower() for row in corpus.load("messages")]
    questions = [lemmatise(row["text"]) for row in corpus.load("questions")[::3]]
    return messages + questions


@pytest.mark.parametrize("name, source, flags", SOURCES, ids=[s[0] for s in SOURCES])
def test_every_checker_pattern_finds_the_same_spans_rewritten(name, source, flags, texts):
    """The whole point: on every corpus text, the rewrite matches exactly where the original does."""
    original, rewritten = re.compile(source, flags), re.compile(quick(source, flags), flags)
    for text in texts:
        assert [m.span() for m in rewritten.finditer(text)] == [m.span() for m in original.finditer(text)], text


def test_most_checker_patterns_get_a_look_ahead():
    """The rewrite is not silently giving up on the patterns it exists for."""
    rewritten = [name for name, source, flags in SOURCES if "(?=[" in quick(source, flags)[:6]]
    assert len(rewritten) >= 0.8 * len(SOURCES), sorted(set(s[0] for s in SOURCES) - set(rewritten))
