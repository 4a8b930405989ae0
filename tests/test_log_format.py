"""The log's file format: it reads what spreadsheets write, and names the row, column and value
of anything it cannot read."""

from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest

from kit_paths import DATA
from infoview_kit.log_format import COLUMNS, LOG_FILE, OutreachLogError, clean_row
from infoview_kit.tracker import OutreachLog

SCENARIOS = DATA / "tracker"
#: Scenario files that must be refused: the (row, column, value) the error must name.
BROKEN = {
    "bad_date": (3, "sent_on", "31/31/2026"),
    "bad_reply_no": (2, "reply", "no"),
    "bad_style": (4, "style", "lukewarm"),
    "bad_channel": (2, "channel", "carrier pigeon"),
    "missing_contact_name": (2, "contact_name", ""),
    "missing_sent_on_value": (2, "sent_on", ""),
    "missing_style_and_relationship": (2, "style", ""),
    "missing_sent_on_column": (1, "sent_on", None),
    "stray_delimiter": (2, None, None),
    "not_utf8_latin1": (None, None, None),
}
READABLE = sorted(p.stem for p in SCENARIOS.glob("*.csv") if p.stem not in BROKEN)


def _copy(scenario: str, folder) -> os.PathLike:
    target = folder / LOG_FILE
    shutil.copyfile(SCENARIOS / f"{scenario}.csv", target)
    return target


def test_every_scenario_file_is_covered():
    """Is each CSV under tests/data/tracker either a readable or a broken scenario?"""
    assert set(BROKEN) <= {p.stem for p in SCENARIOS.glob("*.csv")}
    assert len(READABLE) >= 10


@pytest.mark.parametrize("scenario", READABLE)
def test_spreadsheet_quirks_load_to_the_same_two_messages(scenario, tmp_path):
    """Do BOM, ';', CRLF, US/spelled dates, Yes/Y/TRUE, reordered, extra or missing columns
    all read as the same two messages?"""
    log = OutreachLog.load(_copy(scenario, tmp_path))
    frame = log.frame
    assert list(frame.columns[:len(COLUMNS)]) == list(COLUMNS)
    assert frame["contact_name"].tolist() == ["Ana Ruiz", "Bo Li"]
    assert frame["style"].tolist() == ["warm", "cold"]
    assert frame["sent_on"].tolist() == [pd.Timestamp("2026-11-03"), pd.Timestamp("2026-11-04")]
    assert frame["reply"].tolist() == ["yes", ""]
    assert frame.loc[0, "replied_on"] == pd.Timestamp("2026-11-05")
    assert pd.isna(frame.loc[1, "replied_on"])


@pytest.mark.parametrize("scenario", sorted(BROKEN))
def test_unreadable_values_are_refused_naming_row_column_and_value(scenario, tmp_path):
    """Does each broken log raise OutreachLogError that names where and what, leaving the
    file untouched?"""
    path = _copy(scenario, tmp_path)
    before = path.read_bytes()
    with pytest.raises(OutreachLogError) as info:
        OutreachLog.load(path)
    row, column, value = BROKEN[scenario]
    error = info.value
    assert (error.row, error.column, error.value) == (row, column, value)
    message = str(error)
    assert message.startswith(LOG_FILE)
    if row is not None:
        assert f"row {row}" in message
    if column is not None:
        assert column in message
    if value:
        assert repr(value) in message
    assert path.read_bytes() == before


def test_other_names_for_a_column_are_read_as_the_kits_own(tmp_path):
    """Is a log written with `relationship` and `approach` headers read as connection/style?"""
    path = tmp_path / LOG_FILE
    path.write_text("contact_name,relationship,approach,sent_on\nAna Ruiz,stranger,,2026-11-03\n"
                    "Bo Li,network,warm,2026-11-04\n", encoding="utf-8")
    frame = OutreachLog.load(path).frame
    assert frame["connection"].tolist() == ["stranger", "network"]
    assert frame["style"].tolist() == ["cold", "warm"]
    assert "relationship" not in frame.columns and "approach" not in frame.columns


def test_a_form_entry_names_every_wrong_cell_at_once():
    with pytest.raises(OutreachLogError) as info:
        clean_row({"contact_name": "", "channel": "pigeon", "sent_on": "31/31/2026"})
    assert [e.field for e in info.value.errors] == ["channel", "sent_on", "contact_name", "style"]
