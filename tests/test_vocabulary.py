"""The course's words and deadlines are defined once and every module uses that one definition."""

from __future__ import annotations

import ast

import pytest

from kit_paths import REPO
from infoview_kit import vocabulary

PACKAGE = REPO / "infoview_kit"


def test_every_connection_has_a_label_and_a_style_with_a_hint():
    assert set(vocabulary.CONNECTION_LABELS) == set(vocabulary.CONNECTIONS)
    assert set(vocabulary.STYLE_FOR) == set(vocabulary.CONNECTIONS)
    assert set(vocabulary.STYLE_FOR.values()) == set(vocabulary.STYLES)
    assert set(vocabulary.STYLE_HINTS) == set(vocabulary.STYLES)
    assert set(vocabulary.REQUEST_STYLES) < set(vocabulary.STYLES)


def test_channels_replies_and_kinds_have_labels_and_positive_replies_are_replies():
    assert set(vocabulary.CHANNEL_LABELS) == set(vocabulary.CHANNELS)
    assert set(vocabulary.REPLY_LABELS) == set(vocabulary.REPLIES)
    assert set(vocabulary.POSITIVE_REPLIES) < set(vocabulary.REPLIES)
    assert set(vocabulary.KIND_TITLES) == set(vocabulary.MESSAGE_KINDS)


def test_aliases_map_only_to_the_kits_own_words():
    from infoview_kit.log_format import CHOICES, COLUMNS

    assert set(vocabulary.COLUMN_ALIASES.values()) <= set(COLUMNS)
    for column, aliases in vocabulary.VALUE_ALIASES.items():
        assert set(aliases.values()) <= set(CHOICES[column]), column


def test_the_course_deadlines():
    assert (vocabulary.THANK_YOU_HOURS, vocabulary.FOLLOW_UP_DAYS) == (24, 14)


def _assignments(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        for target in targets:
            if isinstance(target, ast.Name):
                yield target.id


# The message and question checkers keep their own copies until they import this module.
_NOT_YET = {"checker.py", "questions.py"}


@pytest.mark.parametrize("path", sorted(p for p in PACKAGE.rglob("*.py")
                                        if p.name != "vocabulary.py" and p.name not in _NOT_YET),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_other_module_defines_a_word_list_or_deadline_again(path):
    """Is each of the vocabulary's names defined in vocabulary.py alone (imported elsewhere)?"""
    words = {name for name in vars(vocabulary) if name.isupper()}
    assert not words & set(_assignments(path))


def test_the_24_hour_rule_is_written_only_in_the_vocabulary():
    """Does no module but vocabulary.py spell the thank-you deadline as a number of hours?"""
    for path in PACKAGE.rglob("*.py"):
        if path.name in _NOT_YET | {"vocabulary.py"}:
            continue
        text = path.read_text(encoding="utf-8")
        assert "hours=24" not in text and "HOURS = 24" not in text, path
