"""Reading text the way the checkers need it: normalised, split and reduced to lemmas."""

from __future__ import annotations

import pytest

from infoview_kit._language import clauses, lemmatise, normalise, sentences


def test_contractions_and_text_speak_are_spelled_out():
    assert normalise("Whats ur take? I can't say, u know") == "what is your take? i can not say, you know"
    assert normalise("The company\u2019s CEO won\u2019t mind") == "the company ceo will not mind"


def test_every_inflection_reads_as_one_word():
    assert lemmatise("Are you hiring?") == lemmatise("are you hire ?")
    assert "hire" in lemmatise("She was hired") and "refer" in lemmatise("referring me")


def test_pronouns_stay_as_written():
    """The lemmatiser maps "me" to "I"; the ask rules need to see "me"."""
    assert lemmatise("hire me") == "hire me"
    assert lemmatise("an opening for us").endswith("us")


def test_sentences_and_clauses_split_where_people_do():
    assert sentences("Hi. Could we talk?\nThanks!") == ["Hi.", "Could we talk?", "Thanks!"]
    assert clauses("I loved your talk; could we meet, and could I bring a friend") == [
        "I loved your talk", "could we meet", "and could I bring a friend"]


def test_a_title_or_an_initial_does_not_end_a_sentence():
    """ "Dr. Lim" and "St. Luke's" stay inside their sentence; a line with no full stop is one."""
    assert sentences("I saw your post at St. Luke's. Could Dr. Lim meet at 10 a.m. on Friday?") == [
        "I saw your post at St. Luke's.", "Could Dr. Lim meet at 10 a.m. on Friday?"]
    assert sentences("Any time suits me\nThanks, J. Okafor") == ["Any time suits me", "Thanks, J. Okafor"]


def test_patterns_compile_on_first_use_and_then_stay():
    import re

    from infoview_kit._language import Patterns

    patterns = Patterns(word=r"\bhire\b", cased=(r"Hire", re.IGNORECASE))
    assert "word" not in vars(patterns)  # nothing compiled yet
    assert patterns.word.search("we hire juniors") and patterns["cased"].search("HIRE")
    assert vars(patterns)["word"] is patterns.word  # compiled once, kept as a plain attribute
    assert patterns.names() == ("word", "cased")
    with pytest.raises(AttributeError):
        patterns.missing
    with pytest.raises(KeyError):
        patterns["missing"]
