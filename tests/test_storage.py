"""Saved work is written atomically and a broken file is reported, never overwritten."""

from __future__ import annotations

import json
import os

import pytest

from infoview_kit import storage


def test_work_dir_follows_environment(work_dir):
    assert storage.work_dir() == work_dir


def test_work_dir_defaults_to_my_work_beside_the_notebook(tmp_path, monkeypatch):
    monkeypatch.delenv(storage.WORK_DIR_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert storage.work_dir() == tmp_path / "my_work"
    assert (tmp_path / "my_work").is_dir()


def test_save_then_load_round_trips_unicode(work_dir):
    data = {"name": "Zoë Ñúñez", "notes": ["café", "→"]}
    path = storage.save_json(work_dir / "a.json", data)
    assert storage.load_json(path) == data
    assert "Zoë" in path.read_text(encoding="utf-8")  # readable by a person, not \u escapes


def test_missing_or_empty_file_gives_default(work_dir):
    assert storage.load_json(work_dir / "nope.json", default=[]) == []
    (work_dir / "empty.json").write_text("")
    assert storage.load_json(work_dir / "empty.json", default={}) == {}


def test_broken_json_names_file_line_and_column_and_is_kept(work_dir):
    path = work_dir / "prospects.json"
    path.write_text('{\n  "a": 1,\n  "b": \n}')
    with pytest.raises(storage.SavedWorkError) as info:
        storage.load_json(path)
    message = str(info.value)
    assert "prospects.json" in message and "line 4" in message and "left as it is" in message
    assert path.read_text() == '{\n  "a": 1,\n  "b": \n}'


def test_crash_during_save_keeps_the_old_file(work_dir, monkeypatch):
    """Does a failure between writing and renaming leave the previous content intact?"""
    path = storage.save_json(work_dir / "plan.json", {"v": 1})

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", explode)
    with pytest.raises(OSError, match="disk full"):
        storage.save_json(path, {"v": 2})
    assert json.loads(path.read_text()) == {"v": 1}
    assert [p.name for p in work_dir.iterdir()] == ["plan.json"]  # no temp file left behind


def test_crash_while_writing_content_keeps_the_old_file(work_dir, monkeypatch):
    path = storage.save_json(work_dir / "plan.json", {"v": 1})

    class Unserialisable:
        pass

    with pytest.raises(TypeError):
        storage.save_json(path, {"v": Unserialisable()})
    assert json.loads(path.read_text()) == {"v": 1}
