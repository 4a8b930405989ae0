"""The instructor's class view: pooled numbers, skipped files said plainly, no contact named."""

from __future__ import annotations

import base64
import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from kit_paths import DATA, REPO
from infoview_kit.cohort import HIDDEN_LABEL, find_logs, read_cohort, report_html
from infoview_kit.rates import response_rates
from infoview_kit.sample_log import make_sample_log
from infoview_kit.log_format import CONTACT_COLUMNS, LOG_FILE
from infoview_kit.tracker import OutreachLog

COMMAND = REPO / ".venv" / "bin" / "infoview-kit"
TODAY = date(2026, 11, 30)


def _submit(root: Path, student: str, log: OutreachLog, assignment: str = "4_summary") -> Path:
    path = root / "submitted" / student / assignment / "my_work" / LOG_FILE
    log.save(path)
    return path


def _secretive_log(student: str) -> OutreachLog:
    """A student's log whose contact fields are all distinctive strings to look for."""
    log = OutreachLog()
    for i, (style, reply) in enumerate([("warm", "yes"), ("warm", "redirected"),
                                        ("cold", ""), ("cold", "declined"), ("direct", "yes")]):
        log.add_outreach(f"Zed{student}{i} Quill", contact_title=f"Chief Wizard {student}{i}",
                         company=f"Secretco {student}{i}", style=style, reply=reply,
                         channel="email", sent_on="2026-11-02", variant="short ask",
                         referred_by=f"Refy {student}{i}", notes=f"private note {student}{i}")
    log.add_outreach(f"Zed{student}9 Quill", style="cold", sent_on="2026-11-03",
                     variant=f"asked Zed{student}9 Quill about data jobs")
    return log


@pytest.fixture
def class_folder(tmp_path) -> Path:
    """Three readable students, one broken log, one log that is not UTF-8."""
    for student in ("alice", "bob", "chen"):
        _submit(tmp_path, student, _secretive_log(student))
    broken = tmp_path / "submitted" / "dana" / "4_summary" / "my_work" / LOG_FILE
    broken.parent.mkdir(parents=True)
    broken.write_bytes((DATA / "tracker" / "bad_date.csv").read_bytes())
    latin = tmp_path / "submitted" / "emil" / "4_summary" / "my_work" / LOG_FILE
    latin.parent.mkdir(parents=True)
    latin.write_bytes((DATA / "tracker" / "not_utf8_latin1.csv").read_bytes())
    return tmp_path


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(COMMAND), "cohort", *args], capture_output=True, text=True,
                          timeout=120)


def test_command_help_lists_its_options():
    result = _run("--help")
    assert result.returncode == 0
    assert "--out" in result.stdout and "PATH" in result.stdout


def test_command_writes_the_class_report_and_skips_broken_files(class_folder):
    """Run as an instructor would: report written, counts right, each skip said in one line."""
    out = class_folder / "report.html"
    result = _run(str(class_folder / "submitted"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "3 students, 18 messages" in result.stdout and "2 files skipped" in result.stdout
    skip_lines = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skip_lines) == 2
    dana = next(line for line in skip_lines if "dana" in line)
    assert "row 3" in dana and "sent_on" in dana and "31/31/2026" in dana
    assert any("emil" in line and "UTF-8" in line for line in skip_lines)
    assert "Reading logs" in result.stderr  # the progress bar
    html = out.read_text(encoding="utf-8")
    assert "3 students, 18 messages sent" in html
    assert "yes or a redirect" in html
    png = re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1)
    assert base64.b64decode(png).startswith(b"\x89PNG")
    assert "Files skipped (2)" in html and "row 3, column sent_on" in html


def test_report_never_names_a_contact(class_folder):
    """No contact name, title, company, referrer or note (nor a variant naming one) leaks."""
    out = class_folder / "report.html"
    assert _run(str(class_folder / "submitted"), "--out", str(out), "--by", "style",
                "--by", "variant", "--by", "channel", "--by", "relationship",
                "--csv", str(class_folder / "rates.csv")).returncode == 0
    report = out.read_text(encoding="utf-8") + (class_folder / "rates.csv").read_text()
    secrets = {str(v) for student in ("alice", "bob", "chen")
               for column in CONTACT_COLUMNS
               for v in _secretive_log(student).frame[column] if v}
    assert len(secrets) > 50
    leaked = sorted(s for s in secrets if s in report or s.split()[0] in report)
    assert leaked == []
    assert "Zed" not in report and "Secretco" not in report and "31/31/2026" not in report
    assert HIDDEN_LABEL in report


def test_pooled_rates_equal_the_rates_of_all_logs_together(tmp_path):
    logs = [make_sample_log(40, seed=i, today=TODAY) for i in range(6)]
    for i, log in enumerate(logs):
        _submit(tmp_path, f"s{i}", log)
    cohort = read_cohort([tmp_path / "submitted"], progress=False)
    pooled = pd.concat([log.frame for log in logs], ignore_index=True)
    for by in ("style", "channel"):
        pd.testing.assert_frame_equal(response_rates(cohort.frame, by=by),
                                      response_rates(pooled, by=by))
    assert cohort.students == 6 and len(cohort.frame) == 240
    assert not set(CONTACT_COLUMNS) & set(cohort.frame.columns)


def test_a_student_with_several_submissions_counts_once_with_the_newest(tmp_path):
    old = _submit(tmp_path, "alice", make_sample_log(10, seed=1, today=TODAY), "2_requests")
    new = _submit(tmp_path, "alice", make_sample_log(25, seed=2, today=TODAY), "4_summary")
    os.utime(old, (1_700_000_000, 1_700_000_000))
    logs, duplicates = find_logs([tmp_path])
    assert logs == {"alice": new} and duplicates == 1
    cohort = read_cohort([tmp_path], progress=False)
    assert cohort.students == 1 and len(cohort.frame) == 25
    assert "handed in their log more than once" in report_html(cohort)


def test_any_folder_of_csvs_is_one_student_per_file(tmp_path):
    for name in ("a.csv", "b.csv"):
        make_sample_log(12, seed=len(name), today=TODAY).save(tmp_path / "logs" / name)
    cohort = read_cohort([tmp_path / "logs"], progress=False)
    assert cohort.students == 2 and len(cohort.frame) == 24


def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "x.csv").write_bytes((DATA / "tracker" / "bad_style.csv").read_bytes())
    result = _run(str(folder), "--out", str(tmp_path / "r.html"), "--no-progress")
    assert result.returncode == 1 and "no readable outreach log" in result.stderr
    assert not (tmp_path / "r.html").exists()
    assert "Reading logs" not in result.stderr


def test_missing_path_is_a_usage_error(tmp_path):
    result = _run(str(tmp_path / "nope"))
    assert result.returncode == 2 and "no such file or folder" in result.stderr


def test_rates_csv_neutralises_formula_labels(tmp_path):
    log = OutreachLog()
    log.add_outreach("Ana Ruiz", style="warm", sent_on="2026-11-02", variant="=1+1")
    _submit(tmp_path, "alice", log)
    assert _run(str(tmp_path), "--out", str(tmp_path / "r.html"), "--csv",
                str(tmp_path / "r.csv"), "--no-progress").returncode == 0
    lines = (tmp_path / "r.csv").read_text().splitlines()
    assert lines[0] == "grouped_by,group,sent,replied,rate,ci_low,ci_high"
    assert "variant,'=1+1,1,0,0.0000,0.0000,0.7935" in lines
