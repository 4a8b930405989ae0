"""The outreach log's file format: its columns, what spreadsheets write, and how a row is read.

Students open the log in a spreadsheet, so reading accepts what spreadsheets write (a BOM,
``;`` delimiters, Windows line endings, US or spelled-out dates, ``Yes``/``TRUE`` replies,
reordered, renamed or extra columns), and anything it cannot read is an
:class:`OutreachLogError` that names the row, the column and the value. One rule set serves
the CSV, the tracker form and the class view, so each failure can say exactly which cell is
wrong. This module knows nothing of pandas: the class view reads hundreds of logs through it.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from functools import lru_cache

from .fields import FieldError, together
from .vocabulary import CHANNELS, COLUMN_ALIASES, CONNECTIONS, REPLIES, STYLE_FOR, STYLES, \
    VALUE_ALIASES

#: The log's file name in the student's work folder.
LOG_FILE = "outreach_log.csv"
#: The columns, in the order the kit writes them (extra columns follow, kept as they are).
COLUMNS = ("contact_name", "contact_title", "company", "connection", "style", "channel",
           "variant", "sent_on", "replied_on", "reply", "followed_up_on", "meeting_on",
           "thanked_on", "referred_by", "notes")
DATE_COLUMNS = ("sent_on", "replied_on", "followed_up_on", "meeting_on", "thanked_on")
#: The columns about the person written to: never shown outside the student's own notebook.
CONTACT_COLUMNS = ("contact_name", "contact_title", "company", "referred_by", "notes")
#: The enumerated columns and the words each accepts.
CHOICES = {"connection": CONNECTIONS, "style": STYLES, "channel": CHANNELS, "reply": REPLIES}
_DATE_FORMATS = ("%m/%d/%Y", "%m/%d/%Y %H:%M", "%d %b %Y", "%d %B %Y", "%b %d, %Y",
                 "%B %d, %Y", "%d-%b-%Y")


class OutreachLogError(FieldError):
    """The log (or a value given for it) cannot be used; nothing was changed or saved.

    A :class:`~infoview_kit.fields.FieldError` whose ``field`` is the CSV column (``""`` when
    the problem is not about one column), ``row`` the spreadsheet row (the header is row 1) or
    ``None``, and ``message`` the reason without saying where (what a form shows beside the
    input); ``str()`` says where as well.
    """

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None,
                 value: object = None, reason: str | None = None):
        super().__init__(column or "", reason or message, row=row, value=value, text=message)

    @property
    def column(self) -> str | None:
        """The CSV column, the log's word for :attr:`field` (``None`` when not about one)."""
        return self.field or None

    @property
    def reason(self) -> str:
        """The message without saying where: :attr:`message`, in the log's words."""
        return self.message


class LogChangedOnDiskError(OutreachLogError):
    """The file was changed by someone else (a spreadsheet) since the log was loaded."""


def column_name(name: str) -> str:
    """The kit's name for a column as a header or a keyword names it (aliases accepted)."""
    word = _slug(name)
    return COLUMN_ALIASES.get(word, word)


def _slug(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


@lru_cache(maxsize=4096)
def parse_choice(column: str, value: str) -> str:
    """Return the kit's word for ``value`` in an enumerated ``column`` ("" stays "").

    Raises ``ValueError`` with a sentence saying what is allowed.
    """
    word = _slug(value)
    word = VALUE_ALIASES.get(column, {}).get(word, word)
    if word and word not in CHOICES[column]:
        hint = ("write declined if they said no, or leave it empty while you wait"
                if column == "reply" else "write one of " + ", ".join(CHOICES[column]))
        raise ValueError(f"is not a {column} the kit knows: {hint}")
    return word


@lru_cache(maxsize=8192)
def parse_date(value: str) -> datetime | None:
    """Read a date as spreadsheets write it: ISO, ``11/03/2026`` (US) or ``3 Nov 2026``.

    Returns a naive ``datetime`` (midnight unless a time was given), or ``None`` for "".
    """
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError("is not a date the kit can read: write it as 2026-11-03 (year-month-day)")


def clean_row(cells: dict[str, str], row: int | None = None) -> dict[str, object]:
    """Check one row of text cells; return it with choices normalised and dates parsed.

    ``row`` is the spreadsheet row number used in messages (``None`` for a form entry).
    Every wrong cell of the row is reported at once: the error is the first one, and its
    ``errors`` lists them all, so a form marks every input that needs fixing.
    """
    out: dict[str, object] = dict(cells)
    problems: list[OutreachLogError] = []

    def problem(column: str, value: str, reason: str) -> None:
        where = f"row {row}, " if row is not None else ""
        problems.append(OutreachLogError(f"{where}column {column}: {reason}", row=row,
                                         column=column, value=value, reason=reason))

    for column in COLUMNS:
        value = cells.get(column, "") or ""
        try:
            if column in DATE_COLUMNS:
                out[column] = parse_date(value)
            elif column in CHOICES:
                out[column] = parse_choice(column, value)
            else:
                out[column] = value.strip()
        except ValueError as exc:
            out[column] = None if column in DATE_COLUMNS else ""
            problem(column, value, f"{value!r} {exc}.")
    if not out["contact_name"]:
        problem("contact_name", "", "Empty: who did you write to?")
    if not out["style"] and out["connection"]:
        out["style"] = STYLE_FOR[out["connection"]]
    # A person someone referred you to may be listed before you write to them.
    pending_referral = bool(out["referred_by"]) and out["sent_on"] is None
    if out["sent_on"] is None and not pending_referral and "sent_on" not in {
            p.field for p in problems}:
        problem("sent_on", "", "Empty: when did you send it? (Only a referral you have "
                               "not contacted yet may leave it empty.)")
    if not out["style"] and not pending_referral and "style" not in {p.field for p in problems}:
        problem("style", "", "Empty: write direct, warm or cold (or fill in connection).")
    if problems:
        raise together(problems, OutreachLogError)
    return out


def read_log_bytes(data: bytes, name: str = LOG_FILE) -> tuple[list[dict], list[str], dict]:
    """Check a log file's bytes; return its rows (as dicts), its columns and its CSV dialect.

    The class view reads hundreds of small logs through this without building a DataFrame
    for each. Errors are prefixed with ``name`` so a student knows which file to open.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise OutreachLogError(
            f"{name} is not UTF-8 text (byte {exc.start}). In your spreadsheet use "
            "'Save as' with the format 'CSV UTF-8', then load it again.") from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    dialect = {"delimiter": delimiter, "bom": data.startswith(b"\xef\xbb\xbf"),
               "lineterminator": "\r\n" if first_line.endswith("\r") else "\n"}
    try:
        rows, columns = _read_rows(text, delimiter)
    except OutreachLogError as exc:
        raise OutreachLogError(f"{name}: {exc.args[0]}", row=exc.row, column=exc.column,
                               value=exc.value, reason=exc.reason) from None
    return rows, columns, dialect


def _read_rows(text: str, delimiter: str) -> tuple[list[dict], list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return [], list(COLUMNS)
    names = [column_name(h) for h in header]
    while names and not names[-1]:  # spreadsheets pad the header with empty cells
        names.pop()
    if len(set(names)) != len(names) or "" in names:
        raise OutreachLogError("row 1 (the header) has an empty or repeated column name: "
                               f"{header}. Give each column one name.", row=1)
    missing = [c for c in ("contact_name", "sent_on") if c not in names]
    if "style" not in names and "connection" not in names:
        missing.append("style")
    if missing:
        raise OutreachLogError(f"the header (row 1) has no column {', '.join(missing)}; "
                               f"it has {', '.join(names)}.", row=1, column=missing[0])
    width = len(names)
    rows = []
    for cells in reader:
        row_number = reader.line_num  # physical line = spreadsheet row when notes have no newlines
        if not any(c.strip() for c in cells):
            continue  # a blank line (spreadsheets write a few at the end): no data to keep
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            raise OutreachLogError(f"row {row_number} has {len(cells)} values but the header "
                                   f"names {width} columns: is there a stray {delimiter!r}?",
                                   row=row_number)
        rows.append(clean_row(dict(zip(names, cells)), row=row_number))
    extras = [n for n in names if n not in COLUMNS]
    return rows, list(COLUMNS) + extras
