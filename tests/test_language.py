"""Reading text the way the checkers need it: normalised, split and reduced to lemmas."""

from __future__ import annotations

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
