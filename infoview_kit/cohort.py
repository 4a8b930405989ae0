"""The class view: every student's outreach log pooled into one HTML report for the instructor.

``infoview-kit cohort submitted/ --out report.html`` reads nbgrader's ``submitted/`` folders
(or any folder of CSVs), and reports how many students and messages there are and the
class-wide positive-reply rates by style and by message variant, with a chart. The report
shows numbers, never the people students wrote to: no contact name, title, company, referrer
or note reaches it, and a variant label that names one of a student's contacts is hidden.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from .log_format import CONTACT_COLUMNS, LOG_FILE, OutreachLogError, read_log_bytes
from .render import counted, escape, html_table, neutralise_formula, show_date
from .vocabulary import COLUMN_ALIASES, POSITIVE_NOTE

#: The columns the class view keeps from each log; contact columns are dropped on reading.
KEPT_COLUMNS = ("style", "variant", "channel", "connection", "sent_on", "reply")
#: Shown in place of a variant label that names one of the student's contacts.
HIDDEN_LABEL = "(hidden: named a contact)"
#: At most this many variant labels get a row; the rest are summed as "(other labels)".
MAX_GROUPS = 15


@dataclass
class Cohort:
    """What was read from a class: the pooled messages, and what could not be read."""

    #: One row per message, only :data:`KEPT_COLUMNS` plus ``student``.
    frame: pd.DataFrame
    #: How many students' logs were read.
    students: int
    #: (file, reason) for each file skipped; reasons name row and column, never a value.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: Students with several logs (one per assignment): only the newest counted.
    duplicates: int = 0


def find_logs(paths: list[str | Path]) -> tuple[dict[str, Path], int]:
    """Map each student to their log file; also count students who handed in several.

    In a folder, ``outreach_log.csv`` files are taken (nbgrader's ``submitted/<student>/
    <assignment>/.../outreach_log.csv``); a folder without any is read as a folder of CSVs,
    one student per file. A student id is the folder after ``submitted``, else the file's
    path. When a student handed in several copies (one per assignment), the newest counts.
    """
    found: dict[str, list[Path]] = {}
    for root in map(Path, paths):
        if root.is_dir():
            files = sorted(root.rglob(LOG_FILE)) or sorted(root.rglob("*.csv"))
        else:
            files = [root]
        for file in files:
            found.setdefault(_student_of(file), []).append(file)
    return {student: max(files, key=_mtime) for student, files in sorted(found.items())}, \
        sum(len(files) > 1 for files in found.values())


def _student_of(file: Path) -> str:
    parts = file.resolve().parts
    if "submitted" in parts[:-1]:
        index = len(parts) - 1 - parts[::-1].index("submitted")
        if index + 1 < len(parts) - 1:
            return parts[index + 1]
    return str(file)


def _mtime(file: Path) -> float:
    try:
        return file.stat().st_mtime
    except OSError:
        return 0.0


def _private_rows(rows: list[dict]) -> list[tuple]:
    """Each row's :data:`KEPT_COLUMNS` only; a variant label naming a contact is hidden."""
    names = {str(r[c]).strip().casefold() for r in rows for c in CONTACT_COLUMNS
             if c != "notes" and len(str(r[c]).strip()) >= 3}
    kept = []
    for r in rows:
        variant = r["variant"]
        if variant and any(name in variant.casefold() for name in names):
            variant = HIDDEN_LABEL
        kept.append((r["style"], variant, r["channel"], r["connection"], r["sent_on"],
                     r["reply"]))
    return kept


def read_cohort(paths: list[str | Path], *, progress: bool = True, stream=None) -> Cohort:
    """Read every student's log under ``paths``; unreadable files are skipped and reported.

    Each skip prints one line on ``stream`` (stderr) saying which file and why, while the
    progress bar runs; the rest of the class still counts.
    """
    from tqdm import tqdm

    stream = stream or sys.stderr
    logs, duplicates = find_logs(paths)
    kept, students, skipped, read = [], [], [], 0
    bar = tqdm(logs.items(), total=len(logs), desc="Reading logs", unit="log", file=stream,
               disable=not progress, leave=False)
    for student, path in bar:
        try:
            rows, _, _ = read_log_bytes(path.read_bytes(), str(path))
        except OutreachLogError as exc:
            skipped.append((str(path), _safe_reason(exc)))
            bar.write(f"skipped {exc}", file=stream)
            continue
        except (OSError, csv.Error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            skipped.append((str(path), reason))
            bar.write(f"skipped {path}: {reason}", file=stream)
            continue
        private = _private_rows(rows)
        kept += private
        students += [student] * len(private)
        read += 1
    frame = pd.DataFrame(kept, columns=list(KEPT_COLUMNS))
    frame["sent_on"] = pd.to_datetime(frame["sent_on"])
    frame["student"] = students
    return Cohort(frame, students=read, skipped=skipped, duplicates=duplicates)


def _safe_reason(exc: OutreachLogError) -> str:
    """Where the problem is, without the value (it could be a contact's name)."""
    where = ", ".join(p for p in (f"row {exc.row}" if exc.row else "",
                                  f"column {exc.column}" if exc.column else "") if p)
    return f"could not be read at {where}" if where else "could not be read (not a UTF-8 CSV log)"


def _top_groups(table: pd.DataFrame) -> pd.DataFrame:
    if len(table) <= MAX_GROUPS:
        return table
    from .rates import wilson_interval

    head, rest = table.iloc[:MAX_GROUPS].copy(), table.iloc[MAX_GROUPS:]
    sent, replied = int(rest["sent"].sum()), int(rest["replied"].sum())
    low, high = wilson_interval(replied, sent)
    head.loc[f"(other labels: {len(rest)})"] = [sent, replied, replied / sent, low, high]
    return head


def rates_tables(cohort: Cohort, by: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """Class-wide response rates for each grouping column (long variant lists trimmed)."""
    from .rates import response_rates

    return {column: _top_groups(response_rates(cohort.frame, by=column)) for column in by}


def report_html(cohort: Cohort, by: tuple[str, ...] = ("style", "variant"),
                title: str = "Informational interview outreach: the class view") -> str:
    """The self-contained HTML report (charts embedded as PNG): numbers only, no contacts."""
    from .rates import compare_groups, rates_chart_html, rates_table_html

    tables = rates_tables(cohort, by)
    sent = int(cohort.frame["sent_on"].notna().sum())
    parts = [f"<h1>{escape(title)}</h1>",
             f"<p>{counted(cohort.students, 'student')}, {counted(sent, 'message')} sent. "
             f"{escape(POSITIVE_NOTE)} Bars and ranges show 95% Wilson intervals.</p>"]
    if cohort.duplicates:
        parts.append(f"<p>{counted(cohort.duplicates, 'student')} handed in their log more than once; "
                     "the newest copy was counted.</p>")
    for column, table in tables.items():
        label = column.replace("_", " ")
        parts.append(f"<h2>By {escape(label)}</h2>")
        if not table.empty:
            parts.append(rates_chart_html(table, f"Positive replies by {label}, whole class"))
        parts.append(rates_table_html(table, label.capitalize()))
    if "style" in tables:
        for a, b in (("warm", "cold"), ("direct", "cold")):
            parts.append(f"<p>{escape(compare_groups(cohort.frame, a, b).sentence)}</p>")
    if cohort.skipped:
        parts.append(f"<h2>Files skipped ({len(cohort.skipped)})</h2>")
        parts.append(html_table(["File", "Why"], cohort.skipped))
    stamp = show_date(datetime.now())
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title></head><body>{''.join(parts)}"
            f"<p><small>Made {stamp} by infoview-kit cohort.</small></p></body></html>\n")


def rates_csv(tables: dict[str, pd.DataFrame]) -> str:
    """The rates as CSV for a spreadsheet, labels neutralised so none runs as a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["grouped_by", "group", "sent", "replied", "rate", "ci_low", "ci_high"])
    for column, table in tables.items():
        for group, r in table.iterrows():
            writer.writerow([column, neutralise_formula(str(group)), int(r.sent), int(r.replied),
                             *(f"{v:.4f}" if not pd.isna(v) else "" for v in
                               (r.rate, r.ci_low, r.ci_high))])
    return buffer.getvalue()


def cohort_command(argv: list[str]) -> int:
    """``infoview-kit cohort PATHS... --out report.html``; returns the exit code."""
    from .storage import atomic_write_text

    parser = argparse.ArgumentParser(
        prog="infoview-kit cohort",
        description="Pool every student's outreach log into one HTML report of class-wide "
                    "response rates (numbers only: no contact is ever named).")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="nbgrader submitted/ folders, folders of CSV logs, or CSV files")
    parser.add_argument("--out", default="cohort_report.html", metavar="FILE",
                        help="where to write the HTML report (default: %(default)s)")
    parser.add_argument("--by", action="append", metavar="COLUMN",
                        choices=("style", "variant", "channel", "connection", *COLUMN_ALIASES),
                        help="group rates by this column; repeat for several "
                             "(default: style and variant)")
    parser.add_argument("--csv", metavar="FILE", help="also write the rates as CSV")
    parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    cohort = read_cohort(args.paths, progress=not args.no_progress)
    if cohort.students == 0:
        print(f"infoview-kit cohort: no readable outreach log under {', '.join(args.paths)}; "
              "nothing written.", file=sys.stderr)
        return 1
    by = tuple(dict.fromkeys(COLUMN_ALIASES.get(b, b) for b in args.by or ("style", "variant")))
    atomic_write_text(args.out, report_html(cohort, by))
    if args.csv:
        atomic_write_text(args.csv, rates_csv(rates_tables(cohort, by)))
    sent = int(cohort.frame["sent_on"].notna().sum())
    print(f"Wrote {args.out}: {counted(cohort.students, 'student')}, {counted(sent, 'message')}"
          + (f", {counted(len(cohort.skipped), 'file')} skipped (see above)" if cohort.skipped else "")
          + ".")
    return 0
