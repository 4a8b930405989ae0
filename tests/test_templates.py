"""Message templates: filled in, each passes the checker; left blank, each says what's missing."""

from __future__ import annotations

import pytest

from infoview_kit.checker import MESSAGE_KINDS, check_message
from infoview_kit.templates import PLACEHOLDERS, REWRITE_MARK, message_template

PRIYA = dict(
    reader_name="Priya Raman",
    your_name="Jordan",
    their_role="a UX researcher",
    their_company="Brightline Health",
    your_goal="studying UX design with the goal of working in healthcare",
    specific_detail="I loved your talk on testing forms with older patients.",
    mutual_contact="Dana Ortiz",
    learned="running five-person tests before every release",
)

# A second, differently shaped prospect, so passing doesn't depend on one set of words.
MALIK = dict(
    reader_name="Malik",
    your_name="Ana Sousa",
    their_role="data engineer",
    their_company="Northwind Logistics",
    your_goal="finishing a data analytics bootcamp",
    specific_detail="your blog post about moving pipelines off cron jobs was the clearest I've read",
    mutual_contact="Chris",
    learned="why small teams should pick boring tools",
)

CASES = [(kind, style) for kind in MESSAGE_KINDS for style in (("cold", "direct") if kind == "request" else ("cold",))]


def reader_for(kind: str, fields: dict) -> str:
    """Whom the message greets: the mutual contact for an intro request, else the prospect."""
    return fields["mutual_contact"] if kind == "intro_request" else fields["reader_name"]


@pytest.mark.parametrize("fields", [PRIYA, MALIK], ids=["priya", "malik"])
@pytest.mark.parametrize("kind, style", CASES)
def test_filled_template_passes_the_checker(kind, style, fields):
    """Does every filled-in template pass its own kind's checks (with the right reader)?"""
    text = message_template(kind, style=style, **fields)
    report = check_message(text, kind, reader_name=reader_for(kind, fields), hours_since_meeting=2)
    assert report.ok, f"{text}\n{report}"
    assert "[" not in text and "]" not in text


@pytest.mark.parametrize("kind, style", CASES)
def test_blank_template_shows_placeholders_the_checker_flags(kind, style):
    text = message_template(kind, style=style)
    assert PLACEHOLDERS["your_name"] in text
    report = check_message(text, kind)
    assert not report.ok
    assert "no_placeholders" in [f.rule for f in report.problems]


def test_partly_filled_template_flags_only_what_is_missing():
    text = message_template("request", **{**PRIYA, "their_company": ""})
    assert PLACEHOLDERS["their_company"] in text
    finding = next(f for f in check_message(text, "request").findings if f.rule == "no_placeholders")
    assert PLACEHOLDERS["their_company"] in finding.message
    assert PLACEHOLDERS["your_name"] not in finding.message


def test_details_end_up_in_the_request():
    text = message_template("request", **PRIYA)
    assert text.startswith("Hi Priya,")  # first name only
    for value in ("Jordan", "a UX researcher", "Brightline Health", PRIYA["your_goal"], "older patients."):
        assert value in text
    assert "patients.." not in text  # the detail's own full stop isn't doubled
    assert "Dana Ortiz suggested" in text


def test_request_without_a_mutual_contact_has_no_referral_line():
    text = message_template("request", **{**PRIYA, "mutual_contact": ""})
    assert "suggested" not in text and "[" not in text


def test_direct_request_is_more_casual_than_cold():
    cold = message_template("request", style="cold", **PRIYA)
    direct = message_template("request", style="direct", **PRIYA)
    assert cold != direct
    assert "My name is" in cold and "My name is" not in direct  # a friend knows who you are
    assert "I loved your talk" in direct  # the detail starts its own sentence, capitalised


def test_intro_request_goes_to_the_mutual_contact_and_names_the_prospect():
    text = message_template("intro_request", **PRIYA)
    assert text.startswith("Hi Dana,")
    assert "introduce me to Priya Raman" in text
    assert "forward" in text


def test_thank_you_names_what_was_learned():
    text = message_template("thank_you", **PRIYA)
    assert PRIYA["learned"] in text


def test_whitespace_only_fields_count_as_missing():
    text = message_template("follow_up", reader_name="   ", your_name="\n")
    assert PLACEHOLDERS["reader_name"] in text and PLACEHOLDERS["your_name"] in text


def test_unknown_kind_or_style_is_a_clear_error():
    with pytest.raises(ValueError, match="request"):
        message_template("cover_letter")
    with pytest.raises(ValueError, match="intro_request"):
        message_template("request", style="warm")


@pytest.mark.parametrize("why, expected", [
    ("Her LinkedIn post about forecasting solar output caught my eye.",
     "your LinkedIn post about forecasting solar output caught my eye"),
    ("She moved from nursing into analytics, like I want to.",
     "you moved from nursing into analytics, like I want to"),
    ("He also teaches a course on SQL and I met him at a meetup",
     "you also teach a course on SQL and I met you at a meetup"),
    ("She's the lead on the new wind farm", "you're the lead on the new wind farm"),
    ("She doesn't use Excel any more", "you don't use Excel any more"),
    ("Maya Chen's talk on dashboards was the clearest I've seen", "your talk on dashboards was the clearest I've seen"),
    ("I loved your talk on testing forms", "I loved your talk on testing forms"),
])
def test_a_reason_about_the_reader_is_written_to_them(why, expected):
    """Is the student's note on why they chose someone turned into second person when it's safe?"""
    text = message_template("request", **{**PRIYA, "reader_name": "Maya Chen", "specific_detail": why})
    assert f": {expected}." in text
    assert check_message(text, "request", reader_name="Maya Chen").ok, text


@pytest.mark.parametrize("why", [
    "I heard her speak at PyData.",  # "her speak": a verb, not a possession
    "She's written three papers on storage.",  # "she's" is "she has" here
    "My cousin Ana says she loves her team.",  # "she" is Ana
    "Dana Ortiz told me she mentors career changers.",  # the mutual contact, not the reader
])
def test_a_reason_that_cannot_be_turned_safely_is_left_to_the_student(why):
    """Does the template mark a reason it can't rewrite, so the checker asks for a rewrite?"""
    text = message_template("request", **{**PRIYA, "reader_name": "Maya Chen", "specific_detail": why})
    assert f"{REWRITE_MARK} {why.rstrip('.')}." in text
    report = check_message(text, "request", reader_name="Maya Chen")
    assert "no_placeholders" in [f.rule for f in report.problems]
