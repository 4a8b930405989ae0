"""Links to exported files: served by the running Jupyter server, so they open as pages."""

from __future__ import annotations

import json
import os

import pytest

from infoview_kit.links import file_link, served_url


@pytest.fixture
def runtime(tmp_path, monkeypatch):
    """An empty Jupyter runtime folder, where running servers leave their jpserver files."""
    folder = tmp_path / "runtime"
    folder.mkdir()
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(folder))
    return folder


def _server(runtime, pid, root, base_url="/"):
    (runtime / f"jpserver-{pid}.json").write_text(json.dumps(
        {"pid": pid, "root_dir": str(root), "base_url": base_url, "port": 8888}))


def test_a_file_under_the_servers_root_is_linked_through_files(runtime, tmp_path):
    """On a hub the base URL is the user's prefix; spaces in names are escaped."""
    _server(runtime, 4321, tmp_path, base_url="/user/ana/")
    sheet = tmp_path / "course" / "my_work" / "questions ana.html"
    assert served_url(sheet) == "/user/ana/files/course/my_work/questions%20ana.html"
    link = file_link(sheet)
    assert 'href="/user/ana/files/course/my_work/questions%20ana.html"' in link
    assert 'target="_blank"' in link and ">questions ana.html</a>" in link


def test_the_kernels_own_server_wins_over_another_one(runtime, tmp_path):
    _server(runtime, 1, tmp_path, base_url="/other/")
    _server(runtime, os.getppid(), tmp_path, base_url="/mine/")
    assert served_url(tmp_path / "a.ics") == "/mine/files/a.ics"


def test_without_a_server_the_link_is_relative_to_the_notebook(runtime, tmp_path, monkeypatch):
    _server(runtime, 1, tmp_path / "elsewhere")
    (runtime / "jpserver-2.json").write_text("{not json")  # a server mid-start: ignored
    monkeypatch.chdir(tmp_path)
    assert served_url(tmp_path / "my_work" / "a.ics") is None
    link = file_link(tmp_path / "my_work" / "a.ics", download=True)
    assert 'href="my_work/a.ics" download="a.ics"' in link
