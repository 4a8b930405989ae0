"""Rewrite a large alternation so that Python's ``re`` rejects most positions at once.

The checkers' patterns are alternations of dozens of wordings, most of them starting with a
word boundary (``\\bcould you ...|\\bwould you ...|...``). Python's regular-expression engine
has no jump table for such a pattern: at every position of the text it tries every alternative
in turn, and a 300-word draft has about 1,800 positions. Two rewrites keep the matches exactly
the same and make almost every position fail on the first test:

* the word boundary all the alternatives start with is tested once, before them
  (``\\b(?:could you ...|would you ...)``);
* a look-ahead for the characters any match can start with comes next
  (``\\b(?=[cw])(?:...)``): at a boundary before any other letter, one character test fails.

The characters are read from the pattern's source by a small scanner that knows literals,
groups, classes, quantifiers and the zero-width assertions; whenever it meets anything else it
gives up, and the pattern is used as written. ``tests/test_quick_patterns.py`` checks both the
scanner and that every checker pattern finds the same spans either way on the whole corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ZERO_WIDTH_GROUPS = ("(?<=", "(?<!", "(?=", "(?!")
_ESCAPED_LITERALS = frozenset(".$^*+?()[]{}|\\-/ '\"#&%@!,:;<>=~`")
_EMPTY = ""  # in a set of first characters: the piece may match nothing, so what follows counts


# An escape, a whole character class, or one of the characters that give a pattern its shape.
_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]")


@lru_cache(maxsize=None)
def _shape(source: str) -> tuple[tuple[int, ...], dict[int, int]]:
    """Where *source* splits at the top level (its ``|`` outside groups and classes), and where
    each group that opens at an index ends (the index just past its ``)``)."""
    bars, ends, opened = [], {}, []
    for match in _TOKEN.finditer(source):
        c = match.group()
        if c == "(":
            opened.append(match.start())
        elif c == ")":
            if not opened:
                raise ValueError(f"unbalanced group in {source!r}")
            ends[opened.pop()] = match.end()
        elif c == "|" and not opened:
            bars.append(match.start())
    if opened:
        raise ValueError(f"unbalanced group in {source!r}")
    return tuple(bars), ends


def _group_end(source: str, start: int) -> int:
    """The index just past the group that opens at ``source[start]`` (a ``(``)."""
    return _shape(source)[1][start]


@lru_cache(maxsize=None)
def alternatives(source: str) -> tuple[str, ...]:
    """The top-level alternatives of *source* (split at ``|`` outside groups and classes)."""
    edges = (-1, *_shape(source)[0], len(source))
    return tuple(source[a + 1:b] for a, b in zip(edges, edges[1:]))


def _class_chars(body: str) -> set[str] | None:
    """The characters of a simple class body (``a-z0-9_``), or None for anything fancier."""
    if not body or body.startswith("^") or "\\" in body or "[" in body:
        return None
    chars, i = set(), 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            low, high = ord(body[i]), ord(body[i + 2])
            if high - low > 300:
                return None
            chars |= {chr(code) for code in range(low, high + 1)}
            i += 3
        else:
            chars.add(body[i])
            i += 1
    return chars


def _quantifier(source: str, i: int) -> tuple[bool, int] | None:
    """(whether the element before *i* may repeat zero times, index past the quantifier)."""
    if i >= len(source) or source[i] not in "?*+{":
        return False, i
    if source[i] == "{":
        match = re.match(r"\{(\d*)(?:,(\d*))?\}", source[i:])
        if not match:
            return None
        optional, i = match.group(1) in ("", "0"), i + match.end()
    else:
        optional, i = source[i] in "?*", i + 1
    if i < len(source) and source[i] in "?+":
        i += 1  # lazy or possessive
    return optional, i


def _first_of_sequence(source: str) -> set[str] | None:
    """The characters a match of the sequence *source* (no top-level ``|``) can start with;
    ``_EMPTY`` among them if it can match the empty string; None if unsure."""
    i = 0
    while i < len(source):
        if source.startswith(("\\b", "\\B"), i):
            i += 2
            continue
        if source[i] in "^$":
            i += 1
            continue
        if source.startswith(_ZERO_WIDTH_GROUPS, i):
            i = _group_end(source, i)  # tests the text around, consumes nothing
            continue
        c = source[i]
        if c == "(":
            end = _group_end(source, i)
            inner = source[i + 1:end - 1]
            if inner.startswith("?:"):
                inner = inner[2:]
            elif inner.startswith("?"):
                return None  # inline flags, named groups, conditionals: not read here
            chars = first_chars(inner, empty_ok=True)
        elif c == "[":
            end = source.find("]", i + 2) + 1
            chars = _class_chars(source[i + 1:end - 1]) if end > 0 else None
        elif c == "\\":
            end, escaped = i + 2, source[i + 1:i + 2]
            chars = set("0123456789") if escaped == "d" else {escaped} if escaped in _ESCAPED_LITERALS else None
        elif c in ".)|*+?{":
            return None
        else:
            end, chars = i + 1, {c}
        quantified = _quantifier(source, end)
        if chars is None or quantified is None:
            return None
        optional, i = quantified
        if _EMPTY not in chars and not optional:
            return chars
        rest = _first_of_sequence(source[i:])
        return None if rest is None else (chars - {_EMPTY}) | rest
    return {_EMPTY}


@lru_cache(maxsize=None)
def first_chars(source: str, empty_ok: bool = False) -> frozenset[str] | None:
    """The characters any match of *source* can start with, or None if unsure (or, unless
    *empty_ok*, if it can match the empty string)."""
    found: set[str] = set()
    for alternative in alternatives(source):
        chars = _first_of_sequence(alternative)
        if chars is None:
            return None
        found |= chars
    return frozenset(found) if empty_ok or _EMPTY not in found else None


def _flattened(source: str) -> list[str]:
    """Top-level alternatives, with an alternative that is one whole ``(?:...)`` group opened."""
    flat = []
    for alternative in alternatives(source):
        if alternative.startswith("(?:") and _group_end(alternative, 0) == len(alternative):
            flat += _flattened(alternative[3:-1])
        else:
            flat.append(alternative)
    return flat


def _literal_head(alternative: str) -> str | None:
    """The plain letter or digit *alternative* must start with, if it starts with one."""
    head = alternative[:1]
    if head.isalnum() and alternative[1:2] not in ("?", "*", "{"):
        return head
    return None


def _grouped(parts: list[str]) -> list[str]:
    """*parts* with the alternatives that start with the same letter joined behind it
    (``could|can|would`` -> ``c(?:ould|an)|would``), so a position is tried once per letter.

    An alternative moves up to its letter's group only past alternatives that cannot start with
    that letter: at any one position, the same alternatives are tried in the same order.
    """
    slots: list[tuple[str | None, list[str], set[str] | None]] = []  # (letter, members, first chars)
    for part in parts:
        head, chars = _literal_head(part), first_chars(part, empty_ok=True)
        if head is not None:
            for index in range(len(slots) - 1, -1, -1):
                letter, members, _ = slots[index]
                if letter == head:
                    members.append(part)
                    break
                between = slots[index][2]
                if between is None or head in between or _EMPTY in between:
                    index = -1
                    break
            else:
                index = -1
            if index >= 0:
                continue
        slots.append((head, [part], chars))
    out = []
    for letter, members, _ in slots:
        if letter is None or len(members) == 1:
            out += members
        else:
            rests = [m[1:] for m in members]
            out.append(letter + "(?:" + "|".join(rests) + ")")
    return out


def _class(chars: set[str], flags: int) -> str:
    if flags & re.IGNORECASE:
        chars = {c.lower() for c in chars}
    return "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars))


def quick(source: str, flags: int = 0) -> str:
    """*source* rewritten to match exactly the same spans, faster (see the module's note)."""
    if flags & re.VERBOSE:
        return source
    tail = ""
    if source.startswith("\\b(?:") and source.endswith(")\\b") and _group_end(source, 2) == len(source) - 2:
        source, tail = source[:-2], "\\b"  # a list of whole words, ``_any``'s shape: \b(?:...)\b
    parts = _flattened(source)
    lead = ""
    if len(parts) > 1 and all(p.startswith("\\b") for p in parts):
        lead, parts = "\\b", [p[2:] for p in parts]
    chars = first_chars("|".join(parts))
    if chars is None or len(chars) > 40:
        return lead + f"(?:{'|'.join(parts)}){tail}" if lead else source + tail
    body = "|".join(parts if flags & re.IGNORECASE else _grouped(parts))
    return f"{lead}(?=[{_class(chars, flags)}])(?:{body}){tail}"
