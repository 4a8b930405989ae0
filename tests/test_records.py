"""Per-prospect files: entries saved by name, a broken file reported and left alone."""

from __future__ import annotations

import pytest

from infoview_kit.records import ProspectRecords, rename_prospect
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


def test_renaming_carries_every_saved_entry_over_without_overwriting(work_dir):
    ProspectRecords("messages.json").set("Maya Chen", {"request": "Hi Maya"})
    ProspectRecords("research.json").set("Maya Chen", {"site": "maya.dev"})
    ProspectRecords("questions.json").set("Maya Chen-Li", ["already here?"])
    ProspectRecords("questions.json").set("Maya Chen", ["mine?"])
    problems = rename_prospect("Maya Chen", "Maya Chen-Li")
    assert ProspectRecords("messages.json").get("Maya Chen-Li") == {"request": "Hi Maya"}
    assert ProspectRecords("messages.json").get("Maya Chen") is None
    assert ProspectRecords("research.json").get("Maya Chen-Li") == {"site": "maya.dev"}
    assert ProspectRecords("questions.json").get("Maya Chen-Li") == ["already here?"]
    assert ProspectRecords("questions.json").get("Maya Chen") == ["mine?"]
    assert len(problems) == 1 and "questions.json" in problems[0]


def test_renaming_skips_a_broken_file_and_says_so(work_dir):
    (work_dir / "meeting.json").write_text("{bad", encoding="utf-8")
    ProspectRecords("messages.json").set("A", {"request": "x"})
    problems = rename_prospect("A", "B")
    assert ProspectRecords("messages.json").get("B") == {"request": "x"}
    assert len(problems) == 1 and "meeting.json" in problems[0]
    assert (work_dir / "meeting.json").read_text(encoding="utf-8") == "{bad"


def test_rename_knows_every_per_prospect_file():
    """A new per-prospect file must be added to PER_PROSPECT_FILES, or renames would strand it."""
    from infoview_kit.drafts import MESSAGES_FILE
    from infoview_kit.meeting import MEETING_FILE
    from infoview_kit.question_list import QUESTIONS_FILE
    from infoview_kit.records import PER_PROSPECT_FILES
    from infoview_kit.research import RESEARCH_FILE

    assert set(PER_PROSPECT_FILES) == {MESSAGES_FILE, MEETING_FILE, QUESTIONS_FILE, RESEARCH_FILE}
