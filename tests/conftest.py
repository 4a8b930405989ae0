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


@pytest.fixture
def chosen_prospect(work_dir):
    """A work folder where notebook 1 has saved one warm prospect, Luis Ortega, as chosen."""
    from infoview_kit.prospects import Prospect, ProspectList

    prospect = Prospect(name="Luis Ortega", role="Product manager",
                        company="Seattle Cancer Care Alliance", connection="network_of_network",
                        via="Ana Ruiz", why="His Medium posts on agile in health care.")
    prospects = ProspectList(path=work_dir / "prospects.json")
    prospects.add(prospect)
    prospects.choose(prospect.name)
    prospects.save()
    return prospect
