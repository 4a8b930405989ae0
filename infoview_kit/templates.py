"""Starting drafts for each kind of outreach message.

A template is a first draft, not a form letter: every field the student hasn't filled in shows
as a visible ``[placeholder]``, which the message checker flags until it is replaced. Filled in
completely, each draft passes ``check_message`` for its kind, so the student starts from
something that works and makes it their own.
"""

from __future__ import annotations

import re

from ._reader_pronouns import to_second_person
from .checker import require_kind
from .vocabulary import REQUEST_STYLES

# field -> what shows until the student fills it in
PLACEHOLDERS = {
    "reader_name": "[their first name]",
    "your_name": "[your name]",
    "their_role": "[their role]",
    "their_company": "[their company]",
    "your_goal": "[what you're working towards, e.g. studying UX design]",
    "specific_detail": "[something specific about their work that caught your eye]",
    "mutual_contact": "[your mutual contact's first name]",
    "learned": "[one specific thing you learned from them]",
}
#: Put before a note about the reader that could not be turned to address them ("Her post ...").
REWRITE_MARK = "[rewrite to them, in your own words:]"

_REQUEST = {
    "cold": (
        "Hi {first},\n\n"
        "Would you have 30 minutes for a coffee with me in the next few weeks? "
        "My treat, somewhere near your office, or a phone or video call if that's easier.\n\n"
        "{mutual_line}My name is {your_name}, and I'm {your_goal}. I'm writing to you in particular because of "
        "your work as {their_role} at {their_company}: {detail_clause}.\n\n"
        "Thank you for considering it, and I hope we get to talk soon!\n"
        "{your_name}"
    ),
    "direct": (
        "Hi {first},\n\n"
        "Could I borrow 30 minutes of your time for a coffee in the next few weeks? "
        "My treat, anywhere near your office, or a quick video call if that suits you better.\n\n"
        "{mutual_line}As you know, I'm {your_goal}, and I'd love to hear what your work as {their_role} at "
        "{their_company} is really like. {detail_sentence}.\n\n"
        "Thanks so much, and no worries at all if now is a busy time!\n"
        "{your_name}"
    ),
}

_TEMPLATES = {
    # Written to the mutual contact; the reader's own details would read oddly to them, so the
    # specific detail stays out and the forwardable blurb carries the essentials.
    "intro_request": (
        "Hi {mutual},\n\n"
        "Would you be willing to introduce me to {reader_full} by email? I'm {your_goal}, and since "
        "{first} works as {their_role} at {their_company}, I'd love to hear how they got there.\n\n"
        "To make it easy, here is a short blurb you could forward:\n\n"
        "\"{your_name} is {your_goal} and would be grateful for 30 minutes over coffee or a call to learn "
        "about your work as {their_role} at {their_company}.\"\n\n"
        "No worries at all if you'd rather not; I completely understand. Thank you!\n"
        "{your_name}"
    ),
    "follow_up": (
        "Hi {first},\n\n"
        "In case my earlier note got buried, I wanted to check whether you might have time for a short "
        "chat in the next few weeks. If coffee is hard to fit in, a 15-minute phone or video call would "
        "be lovely too.\n\n"
        "Hope your week is going well!\n"
        "{your_name}"
    ),
    "scheduling": (
        "Hi {first},\n\n"
        "Thank you so much for agreeing to meet; I'm really looking forward to it!\n\n"
        "Would any of these work for you next week: Tuesday morning, Wednesday at lunchtime or Thursday "
        "after 5 pm? I'm happy to come somewhere near your office or set up a video call, and I can work "
        "around your schedule if none of those fit.\n\n"
        "See you soon,\n"
        "{your_name}"
    ),
    "thank_you": (
        "Hi {first},\n\n"
        "Thank you again for taking the time to talk with me. I especially appreciated what you said "
        "about {learned}, and I'm already putting it to use.\n\n"
        "I'd love to stay in touch and let you know how things go. Thanks again for your generosity!\n\n"
        "Best,\n"
        "{your_name}"
    ),
}


def message_template(
    kind: str,
    *,
    reader_name: str = "",
    your_name: str = "",
    their_role: str = "",
    their_company: str = "",
    your_goal: str = "",
    specific_detail: str = "",
    mutual_contact: str = "",
    learned: str = "",
    style: str = "cold",
) -> str:
    """A first draft of a *kind* message (one of ``MESSAGE_KINDS``) with the given details.

    Args:
        reader_name: the person you'd like to interview. Every message greets them by first
            name, except ``intro_request``, which is written to *mutual_contact* and asks to be
            introduced to them.
        your_goal: what you're working towards, as it would follow "I'm", e.g.
            "studying UX design with the goal of working in healthcare".
        specific_detail: one clause about their work, e.g. "I loved your talk on accessible forms".
        mutual_contact: who connects you; for a ``request`` it adds a "... suggested I get in
            touch" line when given.
        learned: for a thank-you, the specific thing you learned, as it would follow "what you
            said about".
        style: for a ``request``, ``"cold"`` (a stranger) or ``"direct"`` (someone you know,
            more casual). Ignored for other kinds.

    Empty fields show as ``[placeholders]`` so the checker reminds you to fill them in.
    """
    require_kind(kind)
    if style not in REQUEST_STYLES:
        raise ValueError(f"Unknown style {style!r}; use 'cold' or 'direct' (a warm prospect starts with the 'intro_request' kind).")
    given = {
        "reader_name": reader_name, "your_name": your_name, "their_role": their_role,
        "their_company": their_company, "your_goal": your_goal, "specific_detail": specific_detail,
        "mutual_contact": mutual_contact, "learned": learned,
    }
    fields = {key: " ".join((value or "").split()) or PLACEHOLDERS[key] for key, value in given.items()}
    # The detail goes mid-sentence or starts one; strip end punctuation the template adds itself.
    detail = _to_reader(fields["specific_detail"].rstrip(".!;:"), reader_name, mutual_contact)
    mutual = fields["mutual_contact"] if mutual_contact.strip() else ""
    values = {
        **fields,
        "first": fields["reader_name"].split()[0] if reader_name.strip() else PLACEHOLDERS["reader_name"],
        "reader_full": fields["reader_name"],
        "mutual": fields["mutual_contact"].split()[0] if mutual else PLACEHOLDERS["mutual_contact"],
        "mutual_line": f"{mutual} suggested I get in touch with you. " if mutual else "",
        "detail_clause": detail,
        "detail_sentence": detail[:1].upper() + detail[1:],
        "your_goal": fields["your_goal"].rstrip("."),
        "learned": fields["learned"].rstrip("."),
    }
    template = _REQUEST[style] if kind == "request" else _TEMPLATES[kind]
    return template.format(**values)


def _to_reader(detail: str, reader_name: str, mutual_contact: str) -> str:
    """*detail* addressed to the reader: "Her post ..." becomes "your post ...".

    A note on why you chose someone is usually written about them; when it can't be turned
    mechanically (see ``to_second_person``) it keeps a visible mark the checker flags, so the
    student rewrites it instead of sending a sentence about the reader to the reader.
    """
    name = " ".join(reader_name.split())
    names = (name, name.split()[0]) if name else ()
    rewritten = to_second_person(detail, names, others=(mutual_contact,))
    if rewritten is None:
        return f"{REWRITE_MARK} {detail.replace('[', '(').replace(']', ')')}"
    if rewritten != detail and re.match(r"You(?:r|'re|'ve|'d)?\b", rewritten):
        rewritten = rewritten[:1].lower() + rewritten[1:]  # it follows a colon mid-sentence
    return rewritten
