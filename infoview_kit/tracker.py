"""The outreach log: one row per message a student sends, kept as a CSV they can also edit.

The course asks students to note who they wrote to and when, so they know when to follow up
and which kinds of message get answered. The log is a plain CSV in the work folder because
students will open it in a spreadsheet; what it accepts from one, and how each row is checked,
is :mod:`infoview_kit.log_format`. No row is ever dropped, and a save refuses to overwrite a
file that changed on disk since it was loaded.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from .log_format import (COLUMNS, DATE_COLUMNS, LOG_FILE, LogChangedOnDiskError,
                         OutreachLogError, clean_row, column_name, parse_choice, parse_date,
                         read_log_bytes)
from .render import counted, neutralise_formula, noun, show_date
from .storage import atomic_write_text, work_dir


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


def _as_date_text(value: object) -> str:
    if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


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
        columns = {column_name(k): v for k, v in columns.items()}
        known = set(self.frame.columns)
        unknown = sorted(set(columns) - known)
        if unknown:
            raise OutreachLogError(f"unknown {noun('column', len(unknown))} {', '.join(unknown)}; the log has "
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
        return f"OutreachLog({counted(len(self), 'message')}, {where})"

    def _repr_html_(self) -> str:
        # dates as the kit writes them everywhere it shows one (the CSV keeps ISO dates)
        shown = {c: _show_day for c in DATE_COLUMNS if c in self.frame.columns}
        return self.frame.to_html(index=False, na_rep="", formatters=shown)


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


def _show_day(value) -> str:
    if pd.isna(value):
        return ""
    moment = value.to_pydatetime()
    return show_date(moment if moment.time() != datetime.min.time() else moment.date())


def _format_dates(series: pd.Series) -> list[str]:
    has_time = series.notna() & (series != series.dt.normalize())
    day = series.dt.strftime("%Y-%m-%d")
    if has_time.any():
        day = day.where(~has_time, series.dt.strftime("%Y-%m-%dT%H:%M"))
    return day.fillna("").tolist()
