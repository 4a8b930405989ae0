"""What counts as a leftover template placeholder: one rule for every check that looks for one.

A template shows every part the student has to write as a visible placeholder
(``[their first name]``, ``{company}``, ``<your name>``), and a text that still holds one is
not finished. The rule errs towards catching: a long bracketed instruction such as
``[something specific about their work that caught your eye]`` is a placeholder however long,
and so is a template address such as ``<name@example.com>``; a real address in angle brackets
(``<jordan@example.com>``) and a link (``<https://...>``) are not.
"""

from __future__ import annotations

import re

#: Local parts of an e-mail address that only a template would write.
_TEMPLATE_MAILBOX = r"(?:your[\w.\-]*|name|first[\w.\-]*|last[\w.\-]*|e-?mail|user(?:name)?|you)"

#: A leftover placeholder. Cased where a lower-case word is ordinary text ("todo" is a word,
#: "TODO" a note to oneself).
PLACEHOLDER = re.compile(
    r"\[[^\[\]\n]{0,160}\]"  # [their name], [what you're working towards, e.g. ...]
    r"|\{[^{}\n]{0,160}\}"  # {company}
    rf"|<(?i:{_TEMPLATE_MAILBOX})@[^<>\s]+>"  # <name@example.com>
    r"|<(?![^<>\n]*@)(?!https?:)[^<>\n]{0,80}>"  # <your name>, but not a real <a@b.org> or link
    r"|_{3,}"  # a blank to fill in: ______
    r"|\b(?:XX+|TODO|FIXME|TBD)\b"
    r"|\b(?i:insert|your) (?i:name|company|role) (?i:here)\b"
    r"|\b(?i:lorem ipsum)\b"
)


def find_placeholders(text: str) -> list[str]:
    """The placeholders left in ``text``, each once, in the order they first appear."""
    return list(dict.fromkeys(match.group(0).strip() for match in PLACEHOLDER.finditer(text)))
