"""Checking what a student typed, field by field, at the boundary of the domain.

Every dataclass the forms build (a prospect, a meeting plan, research notes) cleans its text
fields here. A problem raises :class:`FieldError` naming the field, so a form can show the
message right beside the input it is about instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable


class FieldError(ValueError):
    """One field of a form, a saved file or a CSV row holds something the kit cannot use.

    The one error every boundary raises, so every form shows it the same way: right beside
    the input named by :attr:`field` (see ``Form.show_field_error``).

    Attributes:
        field: the dataclass field (and form input, or CSV column) the message is about; ""
            when it is about the whole thing.
        message: one sentence saying what is wrong and how to fix it (without saying where).
        row: the spreadsheet row (the header is row 1) when the error is about a CSV, else None.
        value: the value that could not be used, when there is one.
    """

    def __init__(self, field: str, message: str, *, row: int | None = None,
                 value: object = None, text: str | None = None):
        super().__init__(text if text is not None else
                         (f"{field}: {message}" if field else message))
        self.field = field
        self.message = message
        self.row = row
        self.value = value


def each_error(error: FieldError) -> list[FieldError]:
    """The single errors inside ``error``: all of them when it stands for several."""
    return list(getattr(error, "errors", None) or [error])


def together(errors: list[FieldError], kind: type[FieldError] = FieldError) -> FieldError:
    """One error of class ``kind`` standing for all of ``errors`` (the first one when alone).

    Its ``field``, ``message``, ``row`` and ``value`` are the first error's, so code that
    handles a single error still says something true; ``errors`` lists them all, which is what
    a form shows.
    """
    if len(errors) == 1:
        return errors[0]
    first = errors[0]
    combined = kind.__new__(kind)
    FieldError.__init__(combined, first.field, first.message, row=first.row, value=first.value,
                        text="; ".join(str(e) for e in errors))
    combined.errors = list(errors)
    return combined


class ErrorCollector:
    """Run several field checks and raise all their errors together.

    ``check = ErrorCollector(SummaryError); name = check(clean_text, value, "name"); ...;
    check.done()``: each call returns the check's result, or ``default`` when it raised a
    FieldError; :meth:`done` raises them all as one error of class ``kind``.
    """

    def __init__(self, kind: type[FieldError] = FieldError):
        self.kind = kind
        self.errors: list[FieldError] = []

    def __call__(self, function, *args, default: object = "", **kwargs):
        try:
            return function(*args, **kwargs)
        except FieldError as exc:
            for error in each_error(exc):
                self.add(error)
            return default

    def add(self, error: FieldError) -> None:
        """Keep ``error`` unless its field already has one (a field shows one message)."""
        if not error.field or error.field not in {e.field for e in self.errors}:
            self.errors.append(error)

    def done(self) -> None:
        """Raise the errors found as one (see :func:`together`); nothing when there are none."""
        if self.errors:
            raise together(self.errors, self.kind)


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
