"""A draft read into its parts: subject, greeting, body, sign-off and the people it names."""

from __future__ import annotations

import pytest

from infoview_kit._draft import read_draft


def test_a_subject_line_and_signature_block_are_set_aside():
    text = ("Subject: Quick chat?\n\nDear Dr. Okafor,\n\nWould you have 20 minutes?\n\nBest regards,\n"
            "Daniel Okoro-Briggs\nDetective Constable, West Midlands Police\nlinkedin.com/in/daniel")
    draft = read_draft(text, "request", "Chiamaka Okafor", None)
    assert draft.subject == "Subject: Quick chat?"
    assert draft.greeting_name == "Dr. Okafor"
    assert draft.body == "Would you have 20 minutes?"


@pytest.mark.parametrize(
    "first_line, name",
    [("Hola Joaquín,", "Joaquín"), ("Siobhán,", "Siobhán"), ("Hello Mehmet", "Mehmet"),
     ("Dear Ms. Nguyen-Tran,", "Ms. Nguyen-Tran"), ("Hi there,", None)],
)
def test_greetings_in_many_forms_name_the_reader(first_line, name):
    draft = read_draft(first_line + "\n\nCould we talk?", "request", None, None)
    assert draft.has_greeting and draft.greeting_name == name


def test_a_last_line_that_is_a_sentence_is_not_a_signature():
    draft = read_draft("Hi Priya,\n\nCould we talk?\nPlease reply ASAP.\nJordan", "request", None, None)
    assert draft.body.endswith("Please reply ASAP.")


def test_people_named_are_found_but_not_the_reader_writer_or_places():
    text = ("Hi Deshawn, it's Marcus. Would you mind putting me in touch with Lena Fischer at "
            "Brightline Health, or your cousin Ngozi? Thanks man")
    draft = read_draft(text, "intro_request", "Deshawn", None)
    assert "Lena Fischer" in draft.people and "Ngozi" in draft.people
    assert not any("Brightline" in p for p in draft.people)
