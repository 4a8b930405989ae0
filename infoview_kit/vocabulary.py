"""The course's words and rules, each defined once: every other module imports them from here.

Message kinds, how a student is connected to someone and the style of message that fits,
channels, replies (and which count as positive), the labels a student sees for each, and the
course's two deadlines. A second spelling of any of these is a bug waiting for the day the two
disagree, so forms, the outreach log, the rates, the templates and the checkers all read them
here. This module imports nothing, so anything may import it.
"""

from __future__ import annotations

# --- messages ---------------------------------------------------------------------------------

#: The outreach messages the course teaches, in the order they are sent.
MESSAGE_KINDS = ("request", "intro_request", "follow_up", "scheduling", "thank_you")
#: What a student sees for each kind.
KIND_TITLES = {
    "request": "Request",
    "intro_request": "Introduction request",
    "follow_up": "Follow-up",
    "scheduling": "Scheduling reply",
    "thank_you": "Thank-you note",
}

# --- connections and styles -------------------------------------------------------------------

#: How the student is connected to someone (a prospect's ``connection``, the log's column).
CONNECTIONS = ("network", "network_of_network", "stranger")
#: Words a student sees for each connection (the forms' dropdowns).
CONNECTION_LABELS = {
    "network": "Someone I know (my network)",
    "network_of_network": "Someone a contact of mine knows (my network's network)",
    "stranger": "A stranger (found on a team page, LinkedIn, ...)",
}
#: For someone in the student's own network: who they are to the student.
RELATIONS = ("family", "friend", "classmate", "coworker", "other")
#: The style of a message: to someone you know, through an introduction, or to a stranger.
STYLES = ("direct", "warm", "cold")
#: The style that fits each connection (a prospect's ``style``).
STYLE_FOR = {"network": "direct", "network_of_network": "warm", "stranger": "cold"}
#: One line on what each style means in practice.
STYLE_HINTS = {
    "direct": "Ask them yourself: a call, a text or an email is fine.",
    "warm": "Ask your mutual contact to introduce you by email, then take it from there.",
    "cold": "Write them a short, personal message (LinkedIn or email) introducing yourself.",
}
#: Styles that have a request template of their own (a warm request starts with an
#: ``intro_request`` and, once introduced, reads like a cold one).
REQUEST_STYLES = ("cold", "direct")

# --- channels and replies ---------------------------------------------------------------------

#: How a message was sent.
CHANNELS = ("email", "linkedin", "phone", "text", "in_person", "intro")
#: What a student sees for each channel.
CHANNEL_LABELS = {"email": "Email", "linkedin": "LinkedIn", "phone": "Phone call",
                  "text": "Text message", "in_person": "In person", "intro": "Introduction"}
#: How someone answered.
REPLIES = ("yes", "declined", "redirected")
#: What a student sees for each reply.
REPLY_LABELS = {"yes": "Yes, happy to talk", "declined": "Declined",
                "redirected": "Redirected me to someone else"}
#: Replies that count as a positive answer in response rates.
POSITIVE_REPLIES = ("yes", "redirected")
#: Said wherever a rate is shown, since "replied" could be read as "answered at all".
POSITIVE_NOTE = "A positive reply is a yes or a redirect to someone else."

# --- what spreadsheets and people write -------------------------------------------------------

#: Other names for the outreach log's columns, accepted in a CSV header and as keywords
#: (``approach`` is what earlier versions called a style).
COLUMN_ALIASES = {"relationship": "connection", "approach": "style"}
# Other words for the enumerated values, mapped to the kit's. "no"/"false" are refused on
# purpose: in a reply column they may mean "declined" or "no answer yet", and guessing wrong
# would quietly skew the student's response rates.
VALUE_ALIASES = {
    "reply": {"y": "yes", "true": "yes", "positive": "yes", "decline": "declined",
              "redirect": "redirected", "referred": "redirected"},
    "channel": {"e_mail": "email", "mail": "email", "linked_in": "linkedin", "call": "phone",
                "sms": "text", "inperson": "in_person", "introduction": "intro"},
    "connection": {"network_of_networks": "network_of_network",
                   "friend_of_friend": "network_of_network"},
}

# --- the course's deadlines -------------------------------------------------------------------

#: Hours after a meeting by which the thank-you should be sent.
THANK_YOU_HOURS = 24
#: Days without an answer after which to follow up once, and the same in words.
FOLLOW_UP_DAYS = 14
FOLLOW_UP_AFTER = "two weeks"
#: Days between check-ins after a meeting ("every few weeks").
CHECK_IN_DAYS = 21
