"""`make lab` for real, in a throwaway clone of the working tree, for the tests that check it.

A clone (the tracked and not-ignored files, committed in a fresh git repository) lets a test
run `git status` on a repository nobody else writes to, and lets `make lab` make its copy in
the default place without touching a developer's own ``my_course/``. The clone runs on the
test's own virtual environment: ``make -o <venv>/.stamp-lab`` tells make not to rebuild it,
whatever the clone's file dates say.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from kit_paths import REPO

#: The virtual environment running the tests (not resolved: the venv's python is a symlink).
VENV = Path(sys.executable).parent.parent
START_TIMEOUT = 120


def clone_working_tree(destination: Path) -> Path:
    """Copy what git would see of the working tree into ``destination`` and commit it there."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, check=True, capture_output=True).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if not (source.exists() or source.is_symlink()):
            continue  # deleted in the working tree, not yet committed
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    git(destination, "init", "-q")
    git(destination, "add", "-A")
    git(destination, "-c", "user.name=kit test", "-c", "user.email=test@example.org",
        "commit", "-q", "-m", "working tree")
    return destination


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` and return what it printed."""
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


def run_make(repo: Path, target: str, *args: str) -> subprocess.CompletedProcess:
    """Run a make target that ends by itself (``lab-update``, ``lab-reset``) in ``repo``."""
    return subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.stamp-lab", target,
                           f"VENV={VENV}", *args], cwd=repo, capture_output=True, text=True,
                          timeout=120, env=_env(repo.parent / "jupyter-env"))


def _env(base: Path) -> dict:
    """Throwaway Jupyter folders, so no developer's settings or old workspace leak in."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        (base / name.lower()).mkdir(parents=True, exist_ok=True)
        env[name] = str(base / name.lower())
    env.pop("INFOVIEW_WORK_DIR", None)  # kernels must save beside the notebooks, as a student's do
    env.pop("JUPYTER_CONFIG_PATH", None)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MakeLab:
    """`make lab` running in ``repo`` (its own process group), with a token and a free port."""

    def __init__(self, repo: Path, *, expose_app: bool = False):
        self.repo = repo
        self.port, self.token = _free_port(), os.urandom(8).hex()
        self.base_url = f"http://127.0.0.1:{self.port}"
        lab_args = (f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port_retries=0 "
                    f"--IdentityProvider.token={self.token} "
                    f"--LabApp.workspaces_dir={repo.parent / 'workspaces'}")
        if expose_app:
            lab_args += " --LabApp.expose_app_in_browser=True"
        self.log = open(repo.parent / f"make-lab-{self.port}.log", "w+")
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "-o", f"{VENV}/.stamp-lab", "lab", f"VENV={VENV}",
             f"PORT={self.port}", f"LAB_ARGS={lab_args}"],
            cwd=repo, env=_env(repo.parent / "jupyter-env"), stdout=self.log,
            stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self) -> "MakeLab":
        """Wait until the server answers; fail with make's output when it never does."""
        deadline = time.monotonic() + START_TIMEOUT
        while self.process.poll() is None and time.monotonic() < deadline:
            try:
                self.api("GET", "/api/status")
                return self
            except OSError:
                time.sleep(0.5)
        raise AssertionError(f"`make lab` never answered on port {self.port}:\n{self.output()}")

    def api(self, method: str, path: str, body: dict | None = None):
        """Call the server's REST API; the decoded JSON (``None`` for an empty reply)."""
        request = urllib.request.Request(
            f"{self.base_url}{path}", method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = response.read()
        return json.loads(payload) if payload else None

    def status_of(self, path: str) -> int:
        """The HTTP status the server answers ``path`` with (an error status is returned, not raised)."""
        request = urllib.request.Request(f"{self.base_url}{path}",
                                         headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def output(self) -> str:
        """What make and JupyterLab printed so far."""
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        """End make and the JupyterLab it started: the whole process group, by its id."""
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, None)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
        self.log.close()

    def shut_down_kernels(self) -> None:
        """Delete every session (which shuts its kernel down), then any kernel left over."""
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self.api("GET", "/api/kernels"):
            self.api("DELETE", f"/api/kernels/{kernel['id']}")

    def __enter__(self) -> "MakeLab":
        try:
            return self.wait_ready()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()
