"""Per-prospect files: entries saved by name, a broken file reported and left alone."""

from __future__ import annotations

import pytest

from infoview_kit.records import ProspectRecords
from infoview_kit.storage import SavedWorkError


def test_entries_round_trip_by_prospect_name(work_dir):
    records = ProspectRecords("notes.json")
    records.set("Maya Chen", {"profile": "nursing → analytics"})
    assert ProspectRecords("notes.json").get("Maya Chen") == {"profile": "nursing → analytics"}
    assert ProspectRecords("notes.json").get("Nobody", "none") == "none"


def test_a_file_that_is_not_an_object_is_refused_untouched(work_dir):
    path = work_dir / "notes.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(SavedWorkError, match="keyed by prospect name"):
        ProspectRecords("notes.json")
    assert path.read_text(encoding="utf-8") == "[1, 2]"
