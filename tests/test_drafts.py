"""Message drafts are kept per prospect and kind, and a runaway paste is refused unsaved."""

from __future__ import annotations

import json

import pytest

from infoview_kit.drafts import MAX_DRAFT_CHARS, load_about_me, load_draft, save_about_me, save_draft


def test_each_kind_keeps_its_own_draft(work_dir):
    save_draft("Luis Ortega", "request", "Hi Luis, would you ...")
    save_draft("Luis Ortega", "follow_up", "Hi again, Luis")
    save_draft("Maya Chen", "request", "Hi Maya")
    assert load_draft("Luis Ortega", "request") == "Hi Luis, would you ..."
    assert load_draft("Luis Ortega", "follow_up") == "Hi again, Luis"
    saved = json.loads((work_dir / "messages.json").read_text(encoding="utf-8"))
    assert saved["Maya Chen"] == {"request": "Hi Maya"}


def test_missing_draft_is_empty(work_dir):
    assert load_draft("Nobody", "request") == ""


def test_huge_text_is_refused_and_the_saved_draft_survives(work_dir):
    save_draft("Luis Ortega", "request", "short")
    with pytest.raises(ValueError, match="not saved"):
        save_draft("Luis Ortega", "request", "x" * (MAX_DRAFT_CHARS + 1))
    assert load_draft("Luis Ortega", "request") == "short"


def test_about_me_round_trips_and_defaults_to_empty(work_dir):
    assert load_about_me() == {"name": "", "goal": ""}
    save_about_me(" Taylor ", "product management in health care")
    assert load_about_me() == {"name": "Taylor", "goal": "product management in health care"}
