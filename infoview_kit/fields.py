"""Checking what a student typed, field by field, at the boundary of the domain.

Every dataclass the forms build (a prospect, a meeting plan, research notes) cleans its text
fields here. A problem raises :class:`FieldError` naming the field, so a form can show the
message right beside the input it is about instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable


class FieldError(ValueError):
    """One field of a form holds something the kit cannot use.

    Attributes:
        field: the dataclass field (and form input) the message is about.
        message: one sentence saying what is wrong and how to fix it.
    """

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def clean_text(value: object, field: str, *, label: str | None = None, required: bool = False,
               max_chars: int = 200) -> str:
    """Return ``value`` as stripped text, or raise :class:`FieldError` for ``field``.

    ``label`` is the wording the student sees on the form (defaults to the field name), so the
    message speaks their language: "Name is empty" rather than "name is empty".
    """
    label = label or field.replace("_", " ").capitalize()
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise FieldError(field, f"{label} should be text, not {type(value).__name__}.")
    text = value.strip()
    if required and not text:
        raise FieldError(field, f"{label} is empty: please fill it in.")
    if len(text) > max_chars:
        raise FieldError(field, f"{label} is {len(text):,} characters long; keep it under "
                                f"{max_chars:,} (a short phrase is enough).")
    return text


def one_of(value: object, field: str, allowed: Iterable[str], *, label: str | None = None) -> str:
    """Return ``value`` if it is one of ``allowed``, else raise :class:`FieldError`."""
    allowed = tuple(allowed)
    label = label or field.replace("_", " ").capitalize()
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise FieldError(field, f"{label} must be one of {choices}, not {value!r}.")
    return str(value)
