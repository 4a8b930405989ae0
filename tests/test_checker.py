"""The message checker: every rule passes good drafts and flags the mistake it exists for."""

from __future__ import annotations

import pytest

from infoview_kit.checker import (
    _KIND_RULES,
    _RULES,
    MESSAGE_KINDS,
    Finding,
    MessageReport,
    check_message,
    rules_for,
)

# The three examples from the course text (verbatim test data: they must be judged ok).
COURSE_REQUEST = """Hi, Luis,

Would you be willing to get coffee with me in the next month? My treat, and I promise to only take 30 minutes of your time!

My name is Taylor and I'm currently studying product management, with the goal of applying those skills to the medical industry.

Because I'm new to this, I'm hoping to connect with some seasoned professionals in my area who would be willing to share some of their experience and advice\u2014the things you maybe would have benefited from knowing when you started out. 

I'm particularly interested in talking to you, since you're a product manager at Seattle Cancer Care Alliance, and because I'm a fan of your Medium posts (my favorite is the one about agile methodologies).

Thank you and I hope to chat more soon! 
Taylor"""

COURSE_FOLLOW_UP = """Hey, Sofia, 

Just in case you missed my last message, I wanted to circle back and see if you're able to talk sometime in the next few weeks. If coffee doesn't work, a quick phone call or Google Hangout would be great too. 

Hope you're having a nice week!

Respectfully, 
Sam"""

COURSE_SCHEDULING = """Thanks so much for agreeing to this! I can't wait! 

Are you available any morning or evening next week at a coffee shop near your office\u2014or any other time and place that's convenient for you? 

Gratefully,
Orly"""

# Our own realistic drafts, one per kind, that should raise no finding at all.
GOOD = {
    "request": """Hi Priya,

Could I buy you a coffee for 30 minutes sometime in the next few weeks? Somewhere near your office works best, or a video call if that's easier for you.

I'm Jordan, a UX design student hoping to work in healthcare. I'm reaching out because your talk on testing patient forms with older adults changed how I think about accessibility.

Thank you for considering it!
Jordan""",
    "intro_request": """Hi Dana,

Would you be willing to introduce me to your colleague Priya Raman? I'm studying UX design for healthcare, and since Priya runs research at Brightline Health, I'd love to learn how she got into the field.

If it helps, here's a short note you could forward:
"Jordan is a UX design student who would be grateful for 30 minutes of your time, over coffee or a call, to hear about your path into health research."

No worries at all if that's awkward. Thank you!
Jordan""",
    "follow_up": """Hi Marcus,

I hope your spring is going well! I'm writing again in case my note from two weeks ago slipped through the cracks: would you have 20 minutes for a chat sometime this month? A phone call is perfectly fine if that's simpler.

Thanks,
Jordan""",
    "scheduling": """Hi Priya,

Thank you so much for saying yes! I'm really looking forward to it.

Would Tuesday at 8:30 am or Thursday after 4 pm next week work for you? I'm happy to come to a café near your office, or to move things around to suit your schedule.

Best,
Jordan""",
    "thank_you": """Hi Priya,

Thank you for meeting with me yesterday. I learned how you recruit test participants through patient groups, and I've already emailed two local ones.

I'd love to stay in touch and let you know how my first study goes.

Best wishes,
Jordan""",
}

PADDING = " I have spent the last year building small prototypes for a local clinic and watching how nurses use them."


def rule_ids(report: MessageReport, severity: str | None = None) -> list[str]:
    return [f.rule for f in report.findings if severity is None or f.severity == severity]


def swap(kind: str, old: str, new: str) -> str:
    """The good draft of *kind* with one phrase changed (the phrase must be there)."""
    assert old in GOOD[kind], old
    return GOOD[kind].replace(old, new)


# --- the course's examples and our good drafts ---------------------------------------------


@pytest.mark.parametrize(
    "text, kind, reader",
    [
        (COURSE_REQUEST, "request", "Luis"),
        (COURSE_FOLLOW_UP, "follow_up", "Sofia"),
        (COURSE_SCHEDULING, "scheduling", None),
    ],
    ids=["taylor-to-luis", "sam-to-sofia", "orly-schedules"],
)
def test_course_examples_have_no_problems(text, kind, reader):
    """Are the course's own example messages judged ready to send (tips allowed)?"""
    for name in (reader, None):
        report = check_message(text, kind, reader_name=name)
        assert report.ok, str(report)


@pytest.mark.parametrize("kind", MESSAGE_KINDS)
def test_good_drafts_raise_nothing(kind):
    """Does a well-written draft of each kind pass without a single finding?"""
    reader = "Dana" if kind == "intro_request" else None
    report = check_message(GOOD[kind], kind, reader_name=reader, hours_since_meeting=5)
    assert report.findings == (), str(report)
    assert report.ok


# --- each rule: a realistic failing draft ---------------------------------------------------
# (kind, draft, rule expected, severity expected, keyword arguments)

FAILING = [
    # placeholders of every usual shape
    ("request", swap("request", "Hi Priya", "Hi [Name]"), "no_placeholders", "problem", {}),
    ("request", swap("request", "your talk", "your talk at {company}"), "no_placeholders", "problem", {}),
    ("request", swap("request", "it!\nJordan", "it!\n<your name>"), "no_placeholders", "problem", {}),
    ("request", swap("request", "older adults", "XXX"), "no_placeholders", "problem", {}),
    ("request", swap("request", "I'm Jordan,", "TODO intro. I'm Jordan,"), "no_placeholders", "problem", {}),
    ("follow_up", swap("follow_up", "Hi Marcus", "Hi [their first name]"), "no_placeholders", "problem", {}),
    ("scheduling", swap("scheduling", "Tuesday", "[day]"), "no_placeholders", "problem", {}),
    ("thank_you", swap("thank_you", "patient groups", "{what you learned}"), "no_placeholders", "problem", {}),
    ("intro_request", swap("intro_request", "Priya Raman", "[their name]"), "no_placeholders", "problem", {}),
    # length: a tip past the budget, a problem well past it
    ("request", swap("request", "accessibility.", "accessibility." + PADDING * 2), "too_long", "tip", {}),
    ("request", swap("request", "accessibility.", "accessibility." + PADDING * 5), "too_long", "problem", {}),
    ("follow_up", swap("follow_up", "simpler.", "simpler." + PADDING * 4), "too_long", "problem", {}),
    ("thank_you", swap("thank_you", "goes.", "goes." + PADDING * 5), "too_long", "tip", {}),
    # greeting with their name
    ("request", swap("request", "Hi Priya,\n\n", ""), "names_reader", "problem", {}),
    ("request", swap("request", "Hi Priya", "Hi there"), "names_reader", "problem", {}),
    ("request", swap("request", "Hi Priya", "To whom it may concern"), "names_reader", "problem", {}),
    ("request", GOOD["request"], "names_reader", "problem", {"reader_name": "Luis Ortega"}),
    ("thank_you", swap("thank_you", "Hi Priya", "Hello"), "names_reader", "tip", {}),
    ("follow_up", GOOD["follow_up"], "names_reader", "problem", {"reader_name": "Marta"}),  # wrong name
    # the ask, early and as a question
    (
        "request",
        swap("request", "Could I buy you a coffee for 30 minutes sometime in the next few weeks? Somewhere near your office works best, or a video call if that's easier for you.\n\n", "")
        + "\nCould I buy you a coffee for 30 minutes near your office, or join a video call?",
        "opens_with_request", "problem", {},
    ),
    (
        "request",
        "Hi Priya,\n\nI'm Jordan, a design student. Your talk on patient forms was great and I have been thinking about it for 30 minutes every day, on the phone and over coffee near your office, my treat.\n\nThanks,\nJordan",
        "opens_with_request", "problem", {},
    ),
    ("request", swap("request", "Could I buy you a coffee for 30 minutes sometime in the next few weeks?", "I'd love to buy you a coffee for 30 minutes sometime in the next few weeks."), "ask_is_question", "tip", {}),
    # personal, context, courtesy
    ("request", swap("request", "your talk on testing patient forms with older adults changed how I think about accessibility", "I am contacting professionals in healthcare design"), "personal", "problem", {}),
    (
        "request",
        "Hi Priya,\n\nCould we meet for 30 minutes over coffee near your office, my treat, or on a video call? Your talk on patient forms was brilliant.\n\nThanks!\nJordan",
        "gives_context", "problem", {},
    ),
    ("request", swap("request", "Thank you for considering it!", "Talk soon."), "polite", "problem", {}),
    ("request", swap("request", "Thank you for considering it!", "Please reply ASAP."), "respectful", "problem", {}),
    ("request", swap("request", "Thank you for considering it!", "You must reply by Friday, thanks."), "respectful", "problem", {}),
    ("follow_up", swap("follow_up", "Thanks,", "I need an answer by tomorrow. Thanks,"), "respectful", "problem", {}),
    ("scheduling", swap("scheduling", "Best,", "Confirm immediately please.\n\nBest,"), "respectful", "problem", {}),
    # easy to say yes to
    ("request", swap("request", "for 30 minutes", "for an hour"), "short_meeting", "problem", {}),
    ("request", swap("request", "for 30 minutes", "for a couple of hours"), "short_meeting", "problem", {}),
    ("request", swap("request", "for 30 minutes", "for 60 minutes"), "short_meeting", "problem", {}),
    ("request", swap("request", "for 30 minutes ", ""), "short_meeting", "tip", {}),
    ("request", swap("request", ", or a video call if that's easier for you", ""), "offers_call", "tip", {}),
    ("request", swap("request", "Somewhere near your office works best, or a video call", "A video call also works"), "convenient_place", "tip", {}),
    ("request", swap("request", "Could I buy you a coffee", "Could we meet for coffee"), "your_treat", "tip", {}),
    # job, referral, internship, résumé, attachments
    ("request", swap("request", "Thank you for", "Also, are you hiring? Thank you for"), "no_job_ask", "problem", {}),
    ("request", swap("request", "Thank you for", "If it goes well, could you refer me for the design role? Thank you for"), "no_job_ask", "problem", {}),
    ("request", swap("request", "hoping to work in healthcare", "looking for a summer internship"), "no_job_ask", "problem", {}),
    ("request", swap("request", "Thank you for", "I am looking for a job in your company. Thank you for"), "no_job_ask", "problem", {}),
    ("request", swap("request", "Thank you for", "I would love a job at your startup someday. Thank you for"), "no_job_ask", "problem", {}),
    ("intro_request", swap("intro_request", "No worries", "Maybe she could put in a good word for me too. No worries"), "no_job_ask", "problem", {}),
    ("thank_you", swap("thank_you", "Best wishes", "Please keep me in mind for any openings on your team.\n\nBest wishes"), "no_job_ask", "problem", {}),
    ("follow_up", swap("follow_up", "Thanks,", "Let me know if any positions open up. Thanks,"), "no_job_ask", "problem", {}),
    ("request", swap("request", "Thank you for", "I've attached my portfolio. Thank you for"), "no_attachment", "problem", {}),
    ("follow_up", swap("follow_up", "Thanks,", "Please find my earlier note enclosed. Thanks,"), "no_attachment", "problem", {}),
    ("follow_up", swap("follow_up", "Thanks,", "I've included my resume again. Thanks,"), "no_resume", "problem", {}),
    ("scheduling", swap("scheduling", "suit your schedule.", "suit your schedule." + PADDING * 6), "too_long", "problem", {}),
    ("scheduling", swap("scheduling", "Best,", "Could you also tell me about any job openings?\n\nBest,"), "no_job_ask", "problem", {}),
    ("request", swap("request", "Thank you for", "My résumé is below for context. Thank you for"), "no_resume", "problem", {}),
    ("thank_you", swap("thank_you", "Best wishes", "I'm sending my CV in case anything comes up.\n\nBest wishes"), "no_resume", "problem", {}),
    # intro requests
    ("intro_request", swap("intro_request", "into the field.", "into the field." + PADDING * 4), "too_long", "tip", {}),
    ("intro_request", swap("intro_request", "Hi Dana", "Hi Dina"), "names_reader", "problem", {"reader_name": "Dana"}),
    ("intro_request", swap("intro_request", "Hi Dana,\n\n", ""), "names_reader", "tip", {}),
    ("intro_request", "Hi Dana,\n\nIntroduce me to Priya Raman at Brightline Health, since I want to learn how she got into research. Here is a blurb you can forward.\n\nJordan", "polite", "problem", {}),
    ("intro_request", swap("intro_request", "No worries", "I need a reply by Monday. No worries"), "respectful", "problem", {}),
    ("intro_request", swap("intro_request", "No worries", "I'll send my résumé too. No worries"), "no_resume", "problem", {}),
    ("intro_request", swap("intro_request", "introduce me to your colleague Priya Raman", "help me meet more people"), "names_who_to_meet", "problem", {}),
    ("intro_request", "Hi Dana,\n\nWould you be willing to introduce me to Priya Raman? Here's a short blurb you could forward. No worries if not. Thank you!\nJordan", "says_why", "problem", {}),
    ("intro_request", swap("intro_request", "If it helps, here's a short note you could forward:\n\"Jordan is a UX design student who would be grateful for 30 minutes of your time, over coffee or a call, to hear about your path into health research.\"\n\n", ""), "offers_blurb", "tip", {}),
    ("intro_request", swap("intro_request", "No worries at all if that's awkward. ", ""), "easy_out", "tip", {}),
    ("intro_request", "Hi Dana,\n\nI'm studying UX design for healthcare. Priya Raman runs research at Brightline Health, and I'd love to learn how she got into the field. Thank you!\n\nCould you introduce me to her?\nJordan", "opens_with_request", "tip", {}),
    # follow-ups
    ("follow_up", swap("follow_up", "I hope your spring is going well! I'm writing again in case my note from two weeks ago slipped through the cracks:", "You never replied to my last message, so"), "no_guilt", "problem", {}),
    ("follow_up", swap("follow_up", "I hope your spring is going well!", "I'm still waiting to hear from you."), "no_guilt", "problem", {}),
    ("follow_up", "Hi Marcus,\n\nJust checking in after my note two weeks ago. Hope your week is going well!\n\nJordan", "restates_ask", "problem", {}),
    ("follow_up", "Hi Marcus,\n\nI'm checking in after my note two weeks ago. Just wondering: would you have 20 minutes for coffee this month?\n\nThanks,\nJordan", "lighter_option", "tip", {}),
    ("follow_up", "Hi Marcus,\n\nWould you have 20 minutes for a phone call this month? My note from two weeks ago may have been buried.\n\nJordan", "polite", "problem", {}),
    # scheduling replies
    ("scheduling", swap("scheduling", "Thank you so much for saying yes!", "Great news!"), "thanks_them", "problem", {}),
    ("scheduling", "Thanks so much for agreeing to meet! Let me know what works for you.\n\nBest,\nJordan", "proposes_times", "problem", {}),
    ("scheduling", swap("scheduling", "Would Tuesday at 8:30 am or Thursday after 4 pm next week work for you?", "Would a morning in a few weeks work for you?"), "soon", "tip", {}),
    # one fixed slot that suits only the student is a problem now: the course asks for flexibility
    ("scheduling", "Thank you for saying yes! I'm looking forward to it. See you Tuesday at 8 am at the Blue Door café.\n\nJordan", "offers_choice", "problem", {}),
    ("scheduling", "Thanks so much for agreeing to meet! I can only do Saturday at 7am, at the café by my flat.\n\nJordan", "offers_choice", "problem", {}),
    ("scheduling", swap("scheduling", "Would Tuesday at 8:30 am or Thursday after 4 pm next week work for you?", "Could we do Tuesday from 1 to 4pm next week, so I can go through my whole plan with you?"), "short_meeting", "problem", {}),
    ("scheduling", swap("scheduling", "Best,", "I've attached my CV so you know my background.\n\nBest,"), "no_attachment", "problem", {}),
    ("scheduling", swap("scheduling", "Best,", "I'll bring my résumé along.\n\nBest,"), "no_resume", "problem", {}),
    ("intro_request", swap("intro_request", "No worries", "I've attached a short bio. No worries"), "no_attachment", "problem", {}),
    ("thank_you", swap("thank_you", "Best wishes", "I've attached the notes I took.\n\nBest wishes"), "no_attachment", "problem", {}),
    ("thank_you", swap("thank_you", "Best wishes", "Please send me the reading list by tomorrow.\n\nBest wishes"), "respectful", "problem", {}),
    ("thank_you", swap("thank_you", "Thank you for meeting with me yesterday.", "Thank you for meeting with me three weeks ago; sorry this is so late."), "sent_within_24h", "problem", {}),
    ("scheduling", swap("scheduling", " I'm really looking forward to it.", ""), "enthusiasm", "tip", {}),
    # thank-you notes
    ("thank_you", swap("thank_you", "Thank you for meeting with me yesterday.", "It was good to meet yesterday."), "thanks_them", "problem", {}),
    ("thank_you", "Hi Priya,\n\nThank you so much for your time and all the great advice yesterday. I learned a lot and it was really helpful!\n\nI'd love to stay in touch.\n\nBest,\nJordan", "names_learning", "problem", {}),
    ("thank_you", GOOD["thank_you"], "sent_within_24h", "problem", {"hours_since_meeting": 30}),
    ("thank_you", swap("thank_you", "I'd love to stay in touch and let you know how my first study goes.", "Have a great week."), "stay_in_touch", "tip", {}),
]
# wordings found in blind text on 2026-12-02 (our own examples of each)
FAILING += [
    ("scheduling", swap("scheduling", "I'm really looking forward to it.", "We could make a day of it and tour the lab after."), "short_meeting", "problem", {}),
    ("scheduling", "Thanks so much, Ana! I'm on nights all week, so the only thing I can do is Sunday at 7am. Does that work?\n\nJordan", "offers_choice", "problem", {}),
    ("follow_up", swap("follow_up", "Thanks,", "Also, if your team ever has an analyst opening, lmk, I'd apply in a heartbeat. Thanks,"), "no_job_ask", "problem", {}),
    ("thank_you", "Hi Priya,\n\nThank you for the chat today! I really enjoyed hearing about your work and I feel so inspired.\n\nBest,\nJordan", "names_learning", "problem", {}),
    ("intro_request", swap("intro_request", "No worries", "Could you pass my name on to her for the researcher opening on her team? No worries"), "no_job_ask", "problem", {}),
]
# a note about the reader, pasted into the message to them
FAILING += [
    ("request", swap("request", "your talk on", "her talk on"), "speaks_to_reader", "problem", {"reader_name": "Priya Raman"}),
    ("follow_up", swap("follow_up", "would you have 20 minutes", "I loved his podcast; would you have 20 minutes"), "speaks_to_reader", "problem", {}),
    ("scheduling", swap("scheduling", "I'm really looking forward to it.", "She said yes and I'm really looking forward to it."), "speaks_to_reader", "problem", {}),
    ("thank_you", swap("thank_you", "how you recruit", "how she recruits"), "speaks_to_reader", "problem", {}),
]


def _case_id(case) -> str:
    kind, _, rule, severity, _ = case
    return f"{kind}-{rule}-{severity}"


@pytest.mark.parametrize("kind, text, rule, severity, kwargs", FAILING, ids=[_case_id(c) for c in FAILING])
def test_rule_flags_its_mistake(kind, text, rule, severity, kwargs):
    """Does each rule fire, with the expected severity, on a draft that makes its mistake?"""
    report = check_message(text, kind, **kwargs)
    matching = [f for f in report.findings if f.rule == rule]
    assert matching, f"{rule} did not fire:\n{report}"
    assert matching[0].severity == severity
    assert report.ok == (not report.problems)
    if severity == "problem":
        assert not report.ok


def test_every_rule_of_every_kind_has_a_failing_example():
    """Is each rule in each kind's registry pinned by at least one failing draft above?"""
    covered = {(kind, rule) for kind, _, rule, _, _ in FAILING}
    missing = [(kind, rule) for kind, rules in _KIND_RULES.items() for rule, _ in rules if (kind, rule) not in covered]
    assert missing == []


def test_registry_only_names_known_rules():
    """Does every kind list rules that exist, each once, with a valid severity?"""
    for kind, rules in _KIND_RULES.items():
        ids = [rule for rule, _ in rules]
        assert len(ids) == len(set(ids)), kind
        assert set(ids) <= set(_RULES)
        assert {severity for _, severity in rules} <= {"problem", "tip"}
        assert rules_for(kind) == tuple(ids)


# --- each rule: realistic drafts it must let through ------------------------------------------

PASSING = [
    ("request", swap("request", "Hi Priya", "Dear Ms. Raman"), "names_reader", {"reader_name": "Priya Raman"}),
    ("request", swap("request", "Hi Priya", "Priya"), "names_reader", {"reader_name": "Priya"}),
    ("request", GOOD["request"].replace("Hi Priya,\n\nCould I", "Hi Priya, could I"), "opens_with_request", {}),
    ("request", GOOD["request"].replace("Hi Priya,\n\nCould I", "Hi Priya, could I"), "names_reader", {"reader_name": "Priya"}),
    ("request", swap("request", "for 30 minutes", "for half an hour"), "short_meeting", {}),
    ("request", swap("request", "for 30 minutes", "for a quick chat"), "short_meeting", {}),
    ("request", swap("request", "for 30 minutes", "for 15-20 minutes"), "short_meeting", {}),
    ("request", swap("request", "Thank you for", "I'm not looking for a job, just advice. Thank you for"), "no_job_ask", {}),
    ("request", swap("request", "Thank you for", "To be clear, I'm not asking for a referral. Thank you for"), "no_job_ask", {}),
    ("request", swap("request", "Thank you", "I\u2019d really appreciate it. Thank you"), "polite", {}),
    ("request", swap("request", "I'm Jordan", "I\u2019m Jordan"), "gives_context", {}),
    ("request", "Hi Priya,\n\nWould you have 30 minutes for a video call in the next few weeks? I'm Jordan, a design student, and your talk on patient forms stayed with me.\n\nThank you!\nJordan", "your_treat", {}),
    ("request", "Hi Priya,\n\nWould you have 30 minutes for a video call in the next few weeks? I'm Jordan, a design student, and your talk on patient forms stayed with me.\n\nThank you!\nJordan", "convenient_place", {}),
    ("request", swap("request", "your talk on testing patient forms with older adults changed", "since you're a researcher at Brightline, your view would change"), "personal", {}),
    ("request", swap("request", "Thank you for", "Feel free to email jordan@example.com <jordan@example.com>. Thank you for"), "no_placeholders", {}),
    ("follow_up", swap("follow_up", "I hope your spring is going well!", "I know how busy spring gets."), "no_guilt", {}),
    ("scheduling", swap("scheduling", "Would Tuesday at 8:30 am or Thursday after 4 pm next week work for you?", "Would Monday morning work, or later in the week?"), "soon", {}),
    ("thank_you", GOOD["thank_you"], "sent_within_24h", {"hours_since_meeting": 24}),
    ("thank_you", GOOD["thank_you"], "sent_within_24h", {"hours_since_meeting": None}),
    ("thank_you", swap("thank_you", "I learned how you recruit", "Your advice on recruiting"), "names_learning", {}),
    ("thank_you", swap("thank_you", "I learned how you recruit", "What you said about recruiting"), "names_learning", {}),
    ("thank_you", swap("thank_you", "I learned how you recruit test participants through patient groups, and I've already emailed two local ones.",
                       "Takeaways: patient groups are the best route to participants. Will email two local ones this week."), "names_learning", {}),
    ("scheduling", swap("scheduling", "I'm really looking forward to it.", "I know Lisbon is an hour behind, so I've picked times that suit you."), "short_meeting", {}),
    ("scheduling", swap("scheduling", "Would Tuesday at 8:30 am or Thursday after 4 pm next week work for you?", "I'm free Tuesday after 2 pm and all day Thursday next week, for 30 minutes whenever suits you."), "short_meeting", {}),
    ("follow_up", swap("follow_up", "A phone call is perfectly fine if that's simpler.", "Or, if easier, a short reply by email to one question would help a lot."), "respectful", {}),
    ("request", "Hi Priya! Loved your talk on patient forms at HealthDesign. I'm a UX student and would be so grateful for 20 minutes on a call to hear how you started. No worries if you're busy!\n\nJordan", "opens_with_request", {}),
    ("request", "Dear Dr. Raman,\n\nI wonder if you might spare 20 minutes for a call? Your talk on patient forms at HealthDesign stayed with me. I'm a UX design student hoping to work in healthcare.\n\nWith gratitude,\nJordan", "polite", {}),
    ("intro_request", swap("intro_request", "No worries at all", "Could you pass my number on to her, or start a group text? No worries at all"), "no_job_ask", {}),
    ("intro_request", swap("intro_request", "I'd love to learn how she got into the field.", "I think my clinic years carry over to her research."), "says_why", {}),
    ("intro_request", swap("intro_request", "introduce me to your colleague Priya Raman", "introduce me to your manager, Priya Raman"), "no_job_ask", {}),
    ("request", swap("request", "your talk on testing patient forms with older adults changed how I think about accessibility", "the way you brought patients into your design reviews changed how I think"), "personal", {}),
    ("request", swap("request", "Thank you for", "I'd love to hear about your job as a researcher. Thank you for"), "no_job_ask", {}),
    ("thank_you", swap("thank_you", "and I've already emailed two local ones", "and I've put my name down for a workshop on it"), "no_job_ask", {}),
]


@pytest.mark.parametrize("kind, text, rule, kwargs", PASSING, ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(PASSING)])
def test_rule_lets_good_wording_through(kind, text, rule, kwargs):
    """Does each rule stay quiet on realistic wording that does what it asks?"""
    report = check_message(text, kind, **kwargs)
    assert rule not in rule_ids(report), str(report)


# --- inputs at the edges -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t  "])
@pytest.mark.parametrize("kind", MESSAGE_KINDS)
def test_empty_message_is_a_problem_not_an_error(text, kind):
    """Does an empty box give one clear problem instead of raising?"""
    report = check_message(text, kind)
    assert not report.ok
    assert rule_ids(report) == ["not_empty"]
    assert report.word_count == 0


def test_unknown_kind_names_the_allowed_kinds():
    with pytest.raises(ValueError) as info:
        check_message("Hi", "cover_letter")
    for kind in MESSAGE_KINDS:
        assert kind in str(info.value)


def test_text_must_be_a_string():
    with pytest.raises(TypeError, match="str"):
        check_message(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("hours", [-1, float("nan"), float("inf")])
def test_impossible_hours_since_meeting_are_rejected(hours):
    with pytest.raises(ValueError, match="hours_since_meeting"):
        check_message(GOOD["thank_you"], "thank_you", hours_since_meeting=hours)


def test_five_thousand_words_is_one_clear_problem():
    """Is a pasted 5,000-word essay reported as far too long, and only that?"""
    essay = "Hi Priya,\n\n" + ("This sentence has exactly eight words in it. " * 625) + "\n\nJordan"
    report = check_message(essay, "request")
    assert report.word_count == 5000
    assert not report.ok
    assert rule_ids(report) == ["too_long"]
    assert "5,000" in report.findings[0].message


def test_word_count_leaves_out_greeting_and_sign_off():
    report = check_message("Hi Priya,\n\nOne two three four five.\n\nBest wishes,\nJordan Lee", "follow_up")
    assert report.word_count == 5


def test_findings_come_problems_first_whoever_builds_the_report():
    tip = Finding("offers_call", "tip", "Offer a call.")
    problem = Finding("polite", "problem", "Say thanks.")
    report = MessageReport("request", (tip, problem), 40)
    assert report.findings == (problem, tip)
    assert report.problems == (problem,) and report.tips == (tip,)
    checked = check_message(swap("request", "Thank you for considering it!", "Reply ASAP.").replace(", or a video call if that's easier for you", ""))
    severities = [f.severity for f in checked.findings]
    assert severities == sorted(severities, key=["problem", "tip"].index) and "tip" in severities


def test_finding_rejects_unknown_severity():
    with pytest.raises(ValueError, match="severity"):
        Finding("polite", "warning", "Say thanks.")


def test_placeholder_finding_quotes_what_to_replace():
    report = check_message("Hi [first name],\n\nCould we talk for 30 minutes about {topic}?\n\nThanks,\n<your name>")
    message = next(f.message for f in report.findings if f.rule == "no_placeholders")
    assert '"[first name]"' in message and '"{topic}"' in message and '"<your name>"' in message


# --- how reports show ------------------------------------------------------------------------


def test_html_escapes_student_text():
    """Is text the student typed (quoted back in a finding) escaped in the HTML?"""
    report = check_message("Hi Priya,\n\n<script>alert(1)</script> could we talk for 30 minutes?\n\nThanks,\nJordan")
    html = report._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_html_for_a_ready_message_says_so_in_words():
    html = check_message(GOOD["request"])._repr_html_()
    assert "Looks ready to send" in html
    assert "Problem:" not in html


def test_html_labels_problems_and_tips_in_words_not_only_colour():
    report = check_message(swap("request", "Thank you for considering it!", "Reply ASAP.").replace(", or a video call if that's easier for you", ""))
    html = report._repr_html_()
    assert "Problem:" in html and "Tip:" in html
    assert "to fix before sending" in html
    assert f"{report.word_count} words" in html


def test_plain_text_forms_for_tests_and_logs():
    report = check_message(swap("request", "Thank you for considering it!", "Reply ASAP."))
    assert repr(report).startswith("MessageReport(kind='request', ok=False")
    assert "respectful" in repr(report)
    assert "PROBLEM respectful:" in str(report)
    assert "<" not in str(report)


def test_lowercase_patterns_contain_no_capitals():
    """Do the patterns that run on lowercased text avoid capitals (which could never match)?"""
    import re

    from infoview_kit._message_patterns import P

    cased = {"greeting", "greeting_end", "signature", "closing", "who_to_meet", "placeholder"}
    assert len(P.names()) > 30
    for name in P.names():
        if name in cased:
            continue
        pattern = P[name]
        assert not pattern.flags & re.IGNORECASE, name
        letters = re.sub(r"\\[A-Za-z]", "", pattern.pattern)  # escapes such as \b, \s
        assert letters == letters.lower(), name


def test_shouting_and_curly_quotes_are_read_like_plain_text():
    """Is "PLEASE REPLY ASAP" caught although the patterns are lower case, and quoted as typed?"""
    report = check_message(swap("request", "Thank you for considering it!", "PLEASE REPLY ASAP."))
    finding = next(f for f in report.findings if f.rule == "respectful")
    assert '"ASAP"' in finding.message


@pytest.mark.parametrize(
    "kind, text, rule",
    [
        ("follow_up", "Hi Luis, just bumping this up in case it got lost. Would a 15-minute call next week work instead? Thanks!", "restates_ask"),
        ("follow_up", "Hi Luis,\n\nIn case my note got buried: how about a quick phone call one morning this month? Thanks so much!\n\nTaylor", "restates_ask"),
        ("thank_you", "Hi Luis,\n\nThanks for the advice on portfolio reviews yesterday; I've already booked one.\n\nTaylor", "names_learning"),
        ("scheduling", "Wonderful, thank you! How about Thursday at 10am at Victrola on 15th, or whatever suits you?\n\nTaylor", "enthusiasm"),
        ("request", "Hey Sam! Could we grab coffee next week? I'd love to hear about your job at Stripe since I'm thinking of moving into fintech. 30 min, my treat. Thanks!", "opens_with_request"),
    ],
)
def test_short_casual_wording_is_understood(kind, text, rule):
    """Do short, casual drafts (a text to a friend, a quick follow-up) satisfy the rules they meet?"""
    assert rule not in rule_ids(check_message(text, kind))


def test_report_rejects_unknown_kind():
    with pytest.raises(ValueError, match="thank_you"):
        MessageReport("memo", (), 0)


MAYA_REQUEST = """Hi Maya,

Would you have 30 minutes for a coffee with me in the next few weeks? My treat, somewhere near your office, or a phone or video call if that's easier.

My name is Jordan, and I'm moving from nursing into data analysis. I'm writing to you in particular because of your work as Analytics lead at Greenfield Energy: {detail}

Thank you for considering it, and I hope we get to talk soon!
Jordan"""


@pytest.mark.parametrize("detail, quoted", [
    ("Her LinkedIn post about forecasting solar output caught my eye.", '"Her LinkedIn"'),
    ("I read the piece she wrote on battery storage.", '"she wrote"'),
    ("Maya's talk on grid forecasts was brilliant.", "\"Maya's\""),
])
def test_a_message_that_talks_about_its_reader_in_the_third_person_is_flagged(detail, quoted):
    """Is "her post" in a message to her a problem, quoting what to change?"""
    report = check_message(MAYA_REQUEST.format(detail=detail), "request", reader_name="Maya Chen")
    finding = next(f for f in report.problems if f.rule == "speaks_to_reader")
    assert quoted in finding.message and "Maya" in finding.message


@pytest.mark.parametrize("detail", [
    "your LinkedIn post about forecasting solar output caught my eye.",
    "Ana said she loved your talk on grid forecasts.",  # "she" is Ana
    "my cousin says she reads your blog every week.",  # "she" is the cousin
    "Dr. Priya Raman told me she learned a lot from your team.",
    "I'm a career changer (she/her) and your post spoke to me.",  # the writer's own pronouns
])
def test_third_person_about_someone_else_is_not_flagged(detail):
    """Does "Ana said she ..." (someone the message names) pass, so a good message isn't flagged?"""
    report = check_message(MAYA_REQUEST.format(detail=detail), "request", reader_name="Maya Chen")
    assert "speaks_to_reader" not in rule_ids(report), report


def test_an_intro_request_may_speak_of_the_person_to_meet():
    """An intro request is written to the contact, so "her work" (the prospect's) is right there."""
    assert "speaks_to_reader" not in rules_for("intro_request")
    assert "speaks_to_reader" in rules_for("request") and "speaks_to_reader" in rules_for("thank_you")


def test_a_name_greeted_in_another_case_is_the_readers_name():
    """Polish greets Magdalena as "Magdaleno": that is her name, not a wrong one."""
    text = ("Dzień dobry Pani Magdaleno,\n\nWould you have 20 minutes for a call about your work as a "
            "process engineer at LG Energy? I'm a chemical engineer new to Poland.\n\nDziękuję,\nDmytro")
    rules = {f.rule for f in check_message(text, "request", reader_name="Magdalena").findings}
    assert "names_reader" not in rules
    wrong = check_message(text.replace("Magdaleno", "Katarzyno"), "request", reader_name="Magdalena")
    assert "names_reader" in {f.rule for f in wrong.problems}


def test_an_edited_draft_is_judged_afresh_though_sentences_are_kept():
    """The per-sentence reading is kept between keystrokes; an edit that makes a job ask is seen."""
    base = ("Hi Priya,\n\nWould you have 20 minutes for a call about your UX research at Brightline? "
            "I'm a nurse retraining in design.\n\nThanks,\nJordan")
    assert "no_job_ask" not in {f.rule for f in check_message(base).findings}
    edited = base.replace("in design.", "in design. Could you refer me to your hiring manager?")
    assert "no_job_ask" in {f.rule for f in check_message(edited).problems}
    assert "no_job_ask" not in {f.rule for f in check_message(base).findings}
