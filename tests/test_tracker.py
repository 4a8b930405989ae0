"""The outreach log: saved in the dialect it was read in, never over a newer file, never losing a row."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime

import pandas as pd
import pytest

from infoview_kit.log_format import (COLUMNS, LOG_FILE, LogChangedOnDiskError,
                                     OutreachLogError)
from infoview_kit.tracker import OutreachLog
from test_log_format import READABLE, SCENARIOS, _copy  # the scenario files are the format's



def test_missing_file_is_an_empty_log_with_the_columns_in_order(tmp_path):
    log = OutreachLog.load(tmp_path / LOG_FILE)
    assert len(log) == 0 and list(log.frame.columns) == list(COLUMNS)


def test_load_defaults_to_the_work_folder(work_dir):
    """Does OutreachLog.load() with no path use outreach_log.csv in the work folder?"""
    log = OutreachLog.load()
    log.add_outreach("Ana Ruiz", style="warm", sent_on="2026-11-03")
    log.save()
    assert (work_dir / LOG_FILE).exists()


@pytest.mark.parametrize("scenario", READABLE)
def test_save_keeps_every_row_and_extra_column(scenario, tmp_path):
    """Does load -> save -> load give back the same frame, extra columns included?"""
    path = _copy(scenario, tmp_path)
    log = OutreachLog.load(path)
    log.save()
    again = OutreachLog.load(path)
    pd.testing.assert_frame_equal(again.frame, log.frame)
    if scenario == "extra_columns_kept":
        assert list(again.frame.columns[-2:]) == ["phone_number", "next_step"]
        assert again.frame.loc[0, "phone_number"] == "555-0101"


def test_save_writes_back_in_the_spreadsheet_dialect(tmp_path):
    """Is a ';'/BOM/CRLF file saved as ';'/BOM/CRLF, so the spreadsheet opens it as before?"""
    path = _copy("excel_semicolon_bom", tmp_path)
    log = OutreachLog.load(path)
    log.record_follow_up("Bo Li", "2026-11-18")
    log.save()
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert data.split(b"\r\n")[0].count(b";") == len(COLUMNS) - 1
    assert b";2026-11-18;" in data


def test_refuses_to_save_over_a_file_changed_on_disk(tmp_path):
    """When a spreadsheet saved the file after we loaded it, does save refuse and keep
    the spreadsheet's version?"""
    path = _copy("plain_kit_format", tmp_path)
    log = OutreachLog.load(path)
    log.add_outreach("Cy Park", style="cold", channel="email", sent_on="2026-11-06")
    with open(path, "a", encoding="utf-8", newline="") as handle:
        handle.write("Dee Kim,,,network,direct,text,,2026-11-06,,,,,,,\n")
    edited = path.read_bytes()
    with pytest.raises(LogChangedOnDiskError, match="changed on disk"):
        log.save()
    assert path.read_bytes() == edited


def test_refuses_to_save_over_a_file_created_after_loading_an_empty_log(tmp_path):
    path = tmp_path / LOG_FILE
    log = OutreachLog.load(path)
    log.add_outreach("Cy Park", style="cold", sent_on="2026-11-06")
    shutil.copyfile(SCENARIOS / "plain_kit_format.csv", path)
    with pytest.raises(LogChangedOnDiskError):
        log.save()
    assert len(OutreachLog.load(path)) == 2


def test_saves_when_the_file_was_only_touched(tmp_path):
    """Is a new timestamp with the same bytes (a spreadsheet re-saving unchanged) not a conflict?"""
    path = _copy("plain_kit_format", tmp_path)
    log = OutreachLog.load(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    log.add_outreach("Cy Park", style="cold", sent_on="2026-11-06")
    log.save()
    assert len(OutreachLog.load(path)) == 3


def test_second_save_after_own_save_is_not_a_conflict(tmp_path):
    path = tmp_path / LOG_FILE
    log = OutreachLog.load(path)
    log.add_outreach("Cy Park", style="cold", sent_on="2026-11-06")
    log.save()
    log.record_reply("Cy Park", "declined", "2026-11-08")
    log.save()
    assert OutreachLog.load(path).frame.loc[0, "reply"] == "declined"
    assert [p.name for p in tmp_path.iterdir()] == [LOG_FILE]  # no temporary file left behind


def test_export_neutralises_formulas_but_the_log_keeps_what_was_typed(tmp_path):
    """Are =, +, -, @ cells prefixed with ' in an export, and kept verbatim in the log itself?"""
    log = OutreachLog(path=tmp_path / LOG_FILE)
    risky = {"contact_name": "=HYPERLINK(\"http://x\")", "company": "+1 Ventures",
             "notes": "-- call back", "variant": "@ask"}
    log.add_outreach(style="cold", sent_on="2026-11-06", **risky)
    log.save()
    log.export_csv(tmp_path / "export.csv")
    exported = (tmp_path / "export.csv").read_text(encoding="utf-8")
    for value in risky.values():
        assert "'" + value.replace('"', '""') in exported
    reloaded = OutreachLog.load(tmp_path / LOG_FILE).frame
    assert reloaded.loc[0, "contact_name"] == risky["contact_name"]
    assert reloaded.loc[0, "notes"] == "-- call back"


def test_add_outreach_derives_style_from_relationship_and_checks_values(tmp_path):
    log = OutreachLog(path=tmp_path / LOG_FILE)
    log.add_outreach("Ana Ruiz", relationship="network", channel="Text", sent_on=date(2026, 11, 3))
    assert log.frame.loc[0, ["style", "channel"]].tolist() == ["direct", "text"]
    with pytest.raises(OutreachLogError, match="style") as info:
        log.add_outreach("Bo Li", style="tepid", sent_on="2026-11-04")
    assert info.value.column == "style" and info.value.value == "tepid"
    with pytest.raises(OutreachLogError, match="unknown column"):
        log.add_outreach("Bo Li", style="cold", mood="hopeful")
    assert len(log) == 1


def test_add_outreach_refuses_an_exact_repeat(tmp_path):
    """Does a double-clicked 'add' (same person, day and channel) add only one row?"""
    log = OutreachLog(path=tmp_path / LOG_FILE)
    log.add_outreach("Ana Ruiz", style="warm", channel="email", sent_on="2026-11-03")
    with pytest.raises(OutreachLogError, match="already in the log"):
        log.add_outreach("ana ruiz ", style="warm", channel="email", sent_on="2026-11-03")
    log.add_outreach("Ana Ruiz", style="warm", channel="linkedin", sent_on="2026-11-03")
    assert len(log) == 2


def test_a_referral_may_be_listed_before_it_is_contacted(tmp_path):
    log = OutreachLog(path=tmp_path / LOG_FILE)
    log.add_outreach("Cy Park", style="warm", referred_by="Ana Ruiz")
    assert pd.isna(log.frame.loc[0, "sent_on"])


def test_records_go_on_the_latest_message_to_that_person(tmp_path):
    """Do reply, follow-up, meeting and thank-you land on the person's latest row?"""
    log = OutreachLog(path=tmp_path / LOG_FILE)
    log.add_outreach("Ana Ruiz", style="cold", channel="email", sent_on="2026-10-01")
    log.add_outreach("Ana Ruiz", style="warm", channel="intro", sent_on="2026-10-20")
    log.record_follow_up("ANA RUIZ", "2026-10-27")
    log.record_reply("Ana Ruiz", "Redirected", "2026-10-28")
    log.record_meeting("Ana Ruiz", datetime(2026, 11, 2, 14, 30))
    log.record_thank_you("Ana Ruiz", "2026-11-02")
    first, latest = log.frame.iloc[0], log.frame.iloc[1]
    assert first["reply"] == "" and pd.isna(first["meeting_on"])
    assert latest["reply"] == "redirected"
    assert latest["followed_up_on"] == pd.Timestamp("2026-10-27")
    assert latest["meeting_on"] == pd.Timestamp("2026-11-02 14:30")
    log.save()
    text = (tmp_path / LOG_FILE).read_text(encoding="utf-8")
    assert "2026-11-02T14:30" in text
    assert OutreachLog.load(tmp_path / LOG_FILE).frame.loc[1, "meeting_on"] == \
        pd.Timestamp("2026-11-02 14:30")


def test_records_refuse_unknown_contacts_and_unclear_replies(tmp_path):
    log = OutreachLog(path=tmp_path / LOG_FILE)
    log.add_outreach("Ana Ruiz", style="warm", sent_on="2026-10-01")
    with pytest.raises(OutreachLogError, match="not in your log"):
        log.record_reply("Nobody", "yes")
    with pytest.raises(OutreachLogError, match="declined"):
        log.record_reply("Ana Ruiz", "no")
    with pytest.raises(OutreachLogError, match="not a date"):
        log.record_meeting("Ana Ruiz", "next Tuesday")
    assert log.frame.loc[0, "reply"] == "" and pd.isna(log.frame.loc[0, "meeting_on"])


def test_contacts_lists_each_person_once_in_order(tmp_path):
    log = OutreachLog.load(_copy("plain_kit_format", tmp_path))
    log.add_outreach("Ana Ruiz", style="warm", channel="phone", sent_on="2026-11-10")
    assert log.contacts == ["Ana Ruiz", "Bo Li"]
    assert "2 message" not in repr(log) and "3 messages" in repr(log)
