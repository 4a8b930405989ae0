"""`make lab`, the student's one command, really opens JupyterLab on the course's notebooks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from kit_paths import REPO

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _output(server: subprocess.Popen) -> str:
    if server.poll() is None:
        return "(still running)"
    return server.stdout.read().decode(errors="replace")[-3000:]


def test_make_lab_serves_the_four_notebooks(tmp_path):
    """Does `make lab` start a server whose file browser opens on the four notebooks?"""
    port, token = _free_port(), "make-lab-test"
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), IPYTHONDIR=str(tmp_path / "ipython"))
    lab_args = (f"--no-browser --ServerApp.ip=127.0.0.1 --IdentityProvider.token={token} "
                f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}")
    server = subprocess.Popen(["make", "--no-print-directory", "lab", f"PORT={port}",
                               f"LAB_ARGS={lab_args}"], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        deadline, listing = time.monotonic() + 90, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/api/contents?token={token}"
                with urllib.request.urlopen(url, timeout=2) as answer:
                    listing = json.load(answer)
                break
            except OSError:
                time.sleep(0.5)
        assert listing is not None, f"JupyterLab never answered:\n{_output(server)}"
        names = {item["name"] for item in listing["content"]}
        assert {"1_find_people.ipynb", "2_write_requests.ipynb", "3_prepare_questions.ipynb",
                "4_write_summary.ipynb"} <= names
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as page:
            assert page.status == 200 and b"JupyterLab" in page.read()
    finally:
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    """End make and the JupyterLab it started (its whole process group)."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, None)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            pass
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
