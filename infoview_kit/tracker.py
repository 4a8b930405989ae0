"""The outreach log: one row per message a student sends, kept as a CSV they can also edit.

The course asks students to note who they wrote to and when, so they know when to follow up
and which kinds of message get answered. The log is a plain CSV in the work folder because
students will open it in a spreadsheet; so reading it accepts what spreadsheets write (a BOM,
``;`` delimiters, Windows line endings, US or spelled-out dates, ``Yes``/``TRUE`` replies,
reordered or extra columns), and anything it cannot read is an :class:`OutreachLogError` that
names the row, the column and the value. No row is ever dropped, and a save refuses to
overwrite a file that changed on disk since it was loaded.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .prospects import APPROACHES, CONNECTIONS
from .render import neutralise_formula
from .storage import atomic_write_text, work_dir

#: The log's file name in the student's work folder.
LOG_FILE = "outreach_log.csv"
#: The columns, in the order the kit writes them (extra columns follow, kept as they are).
COLUMNS = ("contact_name", "contact_title", "company", "relationship", "style", "channel",
           "variant", "sent_on", "replied_on", "reply", "followed_up_on", "meeting_on",
           "thanked_on", "referred_by", "notes")
DATE_COLUMNS = ("sent_on", "replied_on", "followed_up_on", "meeting_on", "thanked_on")
TEXT_COLUMNS = tuple(c for c in COLUMNS if c not in DATE_COLUMNS)
#: The columns about the person written to: never shown outside the student's own notebook.
CONTACT_COLUMNS = ("contact_name", "contact_title", "company", "referred_by", "notes")
RELATIONSHIPS = CONNECTIONS
STYLES = ("direct", "warm", "cold")
CHANNELS = ("email", "linkedin", "phone", "text", "in_person", "intro")
REPLIES = ("yes", "declined", "redirected")
#: Replies that count as a positive answer in response rates.
POSITIVE_REPLIES = ("yes", "redirected")

# What spreadsheets and people write, mapped to the kit's words. "no"/"false" are refused on
# purpose: in a reply column they may mean "declined" or "no answer yet", and guessing wrong
# would quietly skew the student's response rates.
_ALIASES = {
    "reply": {"y": "yes", "true": "yes", "positive": "yes", "decline": "declined",
              "redirect": "redirected", "referred": "redirected"},
    "channel": {"e_mail": "email", "mail": "email", "linked_in": "linkedin", "call": "phone",
                "sms": "text", "inperson": "in_person", "introduction": "intro"},
    "relationship": {"network_of_networks": "network_of_network", "friend_of_friend":
                     "network_of_network"},
}
_CHOICES = {"relationship": RELATIONSHIPS, "style": STYLES, "channel": CHANNELS,
            "reply": REPLIES}
_DATE_FORMATS = ("%m/%d/%Y", "%m/%d/%Y %H:%M", "%d %b %Y", "%d %B %Y", "%b %d, %Y",
                 "%B %d, %Y", "%d-%b-%Y")


class OutreachLogError(ValueError):
    """The log (or a value given for it) cannot be used; nothing was changed or saved.

    Attributes:
        row: the spreadsheet row (the header is row 1), or ``None`` when not about one row.
        column: the column the problem is in, or ``None``.
        value: the value that could not be read, or ``None``.
        reason: the message without saying where (what a form shows beside the input).
    """

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None,
                 value: object = None, reason: str | None = None):
        super().__init__(message)
        self.row, self.column, self.value = row, column, value
        self.reason = reason or message


class LogChangedOnDiskError(OutreachLogError):
    """The file was changed by someone else (a spreadsheet) since the log was loaded."""


@dataclass(frozen=True)
class _Fingerprint:
    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: Path, data: bytes | None = None) -> _Fingerprint | None:
        try:
            stat = path.stat()
            data = path.read_bytes() if data is None else data
        except FileNotFoundError:
            return None
        return cls(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())


def _slug(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


@lru_cache(maxsize=4096)
def parse_choice(column: str, value: str) -> str:
    """Return the kit's word for ``value`` in an enumerated ``column`` ("" stays "").

    Raises ``ValueError`` with a sentence saying what is allowed.
    """
    word = _slug(value)
    word = _ALIASES.get(column, {}).get(word, word)
    if word and word not in _CHOICES[column]:
        hint = ("write declined if they said no, or leave it empty while you wait"
                if column == "reply" else "write one of " + ", ".join(_CHOICES[column]))
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


def _as_date_text(value: object) -> str:
    if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def clean_row(cells: dict[str, str], row: int | None = None) -> dict[str, object]:
    """Check one row of text cells; return it with choices normalised and dates parsed.

    ``row`` is the spreadsheet row number used in messages (``None`` for a form entry).
    Why here and not in pandas: one rule set serves the CSV, the forms and the cohort tool,
    and each failure can say exactly which cell is wrong.
    """
    out: dict[str, object] = dict(cells)

    def problem(column: str, value: str, reason: str) -> OutreachLogError:
        where = f"row {row}, " if row is not None else ""
        return OutreachLogError(f"{where}column {column}: {reason}", row=row, column=column,
                                value=value, reason=reason)

    for column in COLUMNS:
        value = cells.get(column, "") or ""
        try:
            if column in DATE_COLUMNS:
                out[column] = parse_date(value)
            elif column in _CHOICES:
                out[column] = parse_choice(column, value)
            else:
                out[column] = value.strip()
        except ValueError as exc:
            raise problem(column, value, f"{value!r} {exc}.") from None
    if not out["contact_name"]:
        raise problem("contact_name", "", "Empty: who did you write to?")
    if not out["style"] and out["relationship"]:
        out["style"] = APPROACHES[out["relationship"]]
    # A person someone referred you to may be listed before you write to them.
    pending_referral = bool(out["referred_by"]) and out["sent_on"] is None
    if out["sent_on"] is None and not pending_referral:
        raise problem("sent_on", "", "Empty: when did you send it? (Only a referral you have "
                                     "not contacted yet may leave it empty.)")
    if not out["style"] and not pending_referral:
        raise problem("style", "", "Empty: write direct, warm or cold (or fill in "
                                   "relationship).")
    return out


class OutreachLog:
    """The student's outreach log: a pandas DataFrame plus the file it came from.

    Read it with :attr:`frame`; change it with the ``add_``/``record_`` methods, which check
    every value, then :meth:`save`.
    """

    def __init__(self, frame: pd.DataFrame | None = None, path: str | Path | None = None):
        self.frame = frame if frame is not None else _frame_from_rows([], list(COLUMNS))
        self.path = Path(path) if path is not None else None
        self._fingerprint: _Fingerprint | None = None
        self._dialect = {"delimiter": ",", "lineterminator": "\n", "bom": False}

    # ----- reading and writing -------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> OutreachLog:
        """Load the log at ``path`` (default: ``outreach_log.csv`` in the work folder).

        A missing file is an empty log. Raises :class:`OutreachLogError` naming the row,
        column and value of anything that cannot be read; the file is left untouched.
        """
        path = Path(path) if path is not None else work_dir() / LOG_FILE
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return cls(path=path)
        rows, columns, dialect = read_log_bytes(data, path.name)
        log = cls(_frame_from_rows(rows, columns), path=path)
        log._fingerprint = _Fingerprint.of(path, data)
        log._dialect = dialect
        return log

    def to_csv_text(self, *, neutralise_formulas: bool = False) -> str:
        """The log as CSV text in the dialect it was read in (``,`` and no BOM for a new log)."""
        columns = list(self.frame.columns)
        cells = []
        for column in columns:
            series = self.frame[column]
            if column in DATE_COLUMNS:
                cells.append(_format_dates(series))
            else:
                values = ["" if pd.isna(v) else str(v) for v in series.tolist()]
                if neutralise_formulas:
                    values = [neutralise_formula(v) for v in values]
                cells.append(values)
        buffer = io.StringIO()
        if self._dialect["bom"]:
            buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=self._dialect["delimiter"],
                            lineterminator=self._dialect["lineterminator"])
        writer.writerow(columns)
        writer.writerows(zip(*cells))
        return buffer.getvalue()

    def save(self, path: str | Path | None = None) -> Path:
        """Write the log atomically to where it was loaded from (or ``path``).

        Raises :class:`LogChangedOnDiskError` when that file changed since it was loaded (a
        spreadsheet saved it meanwhile): overwriting would lose what was written there.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise OutreachLogError("This log has no file yet: pass save(path).")
        if target == self.path:
            now = _Fingerprint.of(target)
            if now is not None and (self._fingerprint is None
                                    or now.sha256 != self._fingerprint.sha256):
                raise LogChangedOnDiskError(
                    f"{target.name} changed on disk since it was loaded (was it saved from a "
                    "spreadsheet?). Nothing was overwritten: close it in the spreadsheet, load "
                    "the log again and redo your last change.")
        text = self.to_csv_text()
        atomic_write_text(target, text)
        self.path = target
        self._fingerprint = _Fingerprint.of(target)
        return target

    def export_csv(self, path: str | Path) -> Path:
        """Write a copy for sharing, with formula-like text (``=``, ``+``, ``-``, ``@``)
        prefixed by ``'`` so a spreadsheet shows it rather than running it."""
        return atomic_write_text(path, self.to_csv_text(neutralise_formulas=True))

    # ----- changing it ---------------------------------------------------------------------
    def add_outreach(self, contact_name: str, *, sent_on: date | str | None = None,
                     **columns: object) -> int:
        """Add one message you sent (``sent_on`` defaults to today); returns its row index.

        Keywords are the log's columns. Refuses an exact repeat (same person, day and
        channel), which is what a double-clicked button would add.
        """
        known = set(self.frame.columns)
        unknown = sorted(set(columns) - known)
        if unknown:
            raise OutreachLogError(f"unknown column(s) {', '.join(unknown)}; the log has "
                                   f"{', '.join(self.frame.columns)}.", column=unknown[0])
        if sent_on is None and not columns.get("referred_by"):
            sent_on = date.today()
        cells = {k: _as_date_text(v) if k in DATE_COLUMNS else ("" if v is None else str(v))
                 for k, v in {**columns, "contact_name": contact_name, "sent_on": sent_on}.items()}
        row = clean_row(cells)
        same = self._rows_for(row["contact_name"])
        if row["sent_on"] is not None and not same.empty and (
                (same["sent_on"] == row["sent_on"]) & (same["channel"] == row["channel"])).any():
            raise OutreachLogError(f"{row['contact_name']} is already in the log for that day "
                                   "and channel.", column="contact_name", value=contact_name)
        new = _frame_from_rows([row], list(self.frame.columns))
        self.frame = new if self.frame.empty else pd.concat([self.frame, new], ignore_index=True)
        return len(self.frame) - 1

    def record_reply(self, contact_name: str, reply: str, replied_on: date | str | None = None):
        """Note their answer (``yes``, ``declined`` or ``redirected``) on your latest message."""
        try:
            word = parse_choice("reply", str(reply))
        except ValueError as exc:
            raise OutreachLogError(f"reply {reply!r} {exc}.", column="reply", value=reply) from None
        if not word:
            raise OutreachLogError("reply is empty: choose yes, declined or redirected.",
                                   column="reply", value=reply)
        self._record(contact_name, replied_on=replied_on, reply=word)

    def record_follow_up(self, contact_name: str, followed_up_on: date | str | None = None):
        """Note that you followed up (or checked in) with them."""
        self._record(contact_name, followed_up_on=followed_up_on)

    def record_meeting(self, contact_name: str, meeting_on: date | datetime | str | None = None):
        """Note when you met; give a ``datetime`` so the 24-hour thank-you clock is exact."""
        self._record(contact_name, meeting_on=meeting_on)

    def record_thank_you(self, contact_name: str, thanked_on: date | str | None = None):
        """Note that you sent your thank-you."""
        self._record(contact_name, thanked_on=thanked_on)

    def _record(self, contact_name: str, reply: str | None = None, **dates):
        rows = self._rows_for(contact_name)
        if rows.empty:
            raise OutreachLogError(f"{contact_name!r} is not in your log yet: add the message "
                                   "you sent them first.", column="contact_name",
                                   value=contact_name)
        index = rows["sent_on"].fillna(pd.Timestamp.min).idxmax()  # the latest message to them
        for column, value in dates.items():
            text = _as_date_text(value if value is not None else date.today())
            try:
                self.frame.loc[index, column] = parse_date(text)
            except ValueError as exc:
                raise OutreachLogError(f"{column}: {text!r} {exc}.", column=column,
                                       value=value) from None
        if reply is not None:
            self.frame.loc[index, "reply"] = reply

    def _rows_for(self, contact_name: str) -> pd.DataFrame:
        key = str(contact_name).strip().casefold()
        return self.frame[self.frame["contact_name"].str.strip().str.casefold() == key]

    # ----- looking at it -------------------------------------------------------------------
    @property
    def contacts(self) -> list[str]:
        """Everyone in the log, in the order first written to."""
        return list(dict.fromkeys(self.frame["contact_name"].tolist()))

    def due(self, today: date | datetime | None = None, **rules):
        """What to do next and by when: see :func:`infoview_kit.followups.due_actions`."""
        from .followups import due_actions
        return due_actions(self.frame, today, **rules)

    def response_rates(self, by: str = "style"):
        """Positive-reply rates per group: see :func:`infoview_kit.rates.response_rates`."""
        from .rates import response_rates
        return response_rates(self.frame, by=by)

    def __len__(self) -> int:
        return len(self.frame)

    def __repr__(self) -> str:
        where = self.path.name if self.path else "not saved"
        return f"OutreachLog({len(self)} message(s), {where})"

    def _repr_html_(self) -> str:
        return self.frame.to_html(index=False, na_rep="")


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
        raise type(exc)(f"{name}: {exc}", row=exc.row, column=exc.column, value=exc.value,
                        reason=exc.reason) from None
    return rows, columns, dialect


def _read_rows(text: str, delimiter: str) -> tuple[list[dict], list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return [], list(COLUMNS)
    names = [_slug(h) for h in header]
    while names and not names[-1]:  # spreadsheets pad the header with empty cells
        names.pop()
    if len(set(names)) != len(names) or "" in names:
        raise OutreachLogError("row 1 (the header) has an empty or repeated column name: "
                               f"{header}. Give each column one name.", row=1)
    missing = [c for c in ("contact_name", "sent_on") if c not in names]
    if "style" not in names and "relationship" not in names:
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


def _frame_from_rows(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    columns = list(COLUMNS) + [c for c in columns if c not in COLUMNS]
    data = {}
    for column in columns:
        values = [r.get(column) for r in rows]
        if column in DATE_COLUMNS:
            data[column] = np.array(values, dtype="datetime64[ns]")
        else:
            # object, not pandas' str dtype: faster to build and to group by
            data[column] = pd.Series(["" if v is None else v for v in values], dtype=object)
    return pd.DataFrame(data, columns=columns)


def _format_dates(series: pd.Series) -> list[str]:
    has_time = series.notna() & (series != series.dt.normalize())
    day = series.dt.strftime("%Y-%m-%d")
    if has_time.any():
        day = day.where(~has_time, series.dt.strftime("%Y-%m-%dT%H:%M"))
    return day.fillna("").tolist()
