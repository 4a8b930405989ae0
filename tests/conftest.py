"""Shared fixtures: every test gets its own throwaway work folder and never touches a real one."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def work_dir(tmp_path, monkeypatch) -> Path:
    """A fresh, empty student work folder, wired in through ``INFOVIEW_WORK_DIR``."""
    path = tmp_path / "my_work"
    path.mkdir()
    monkeypatch.setenv("INFOVIEW_WORK_DIR", str(path))
    return path
