"""A real JupyterHub for one test module: started from the class's config, stopped by its pid.

The hub runs as root (LocalProcessSpawner starts each user's server with the user's own uid),
from the class's environment, behind npm's configurable-http-proxy, on free loopback ports, with
its database, cookie secret and pid files in a throwaway state folder. Stopping it ends the hub
by its process id (the hub then stops the proxy, the services and every user's server), then
checks each of those by its own recorded pid and ends any that is left.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from hub_browser import free_port
from hub_postgres import _alive

CONFIG = Path(__file__).resolve().parent / "config" / "jupyterhub_config.py"
START_TIMEOUT = 90


def proxy_command() -> str:
    """npm's configurable-http-proxy (make test installs it with npm when it is missing)."""
    found = shutil.which("configurable-http-proxy")
    if not found:
        raise RuntimeError("configurable-http-proxy is not on PATH: install it with "
                           "`npm install -g configurable-http-proxy` (make test does it)")
    return found


@dataclass
class Hub:
    """A running hub: its public URL, an admin token for the API, and the processes it runs."""

    url: str
    admin_token: str
    course_id: str
    state: Path
    log_path: Path
    process: subprocess.Popen
    pids: set[int] = field(default_factory=set)

    def api(self, method: str, path: str, body: dict | None = None,
            token: str | None = None) -> tuple[int, object]:
        """Call the hub's REST API (``/hub/api`` + ``path``); returns (status, decoded body)."""
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}", method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"token {token or self.admin_token}",
                     "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                payload = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            payload, status = error.read(), error.code
        try:
            return status, (json.loads(payload) if payload else None)
        except json.JSONDecodeError:
            return status, payload.decode(errors="replace")

    def token_for(self, user: str, note: str = "tests") -> str:
        """A new API token for ``user``, with the user's own permissions."""
        status, body = self.api("POST", f"/users/{user}/tokens", {"note": note})
        assert status in (200, 201), (status, body)
        return body["token"]

    def wait_server_ready(self, user: str, timeout: float = 120) -> dict:
        """Wait until ``user``'s server has started; record its pid; return the user model."""
        deadline = time.monotonic() + timeout
        while True:
            status, model = self.api("GET", f"/users/{user}")
            server = (model or {}).get("servers", {}).get("", {}) if status == 200 else {}
            if server.get("ready"):
                pid = (server.get("state") or {}).get("pid")
                if pid:
                    self.pids.add(int(pid))
                return model
            if time.monotonic() > deadline:
                raise AssertionError(f"{user}'s server was not ready within {timeout} s: "
                                     f"{model}; see {self.log_path}")
            time.sleep(0.5)

    def record_service_pids(self) -> None:
        """Remember the pids of the proxy and of every managed service's process."""
        proxy_pid = self.state / "proxy.pid"
        if proxy_pid.is_file():
            self.pids.add(int(proxy_pid.read_text().strip()))
        for line in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = line.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:  # a direct child of the hub
                self.pids.add(int(line.parent.name))

    def stop(self) -> None:
        """SIGTERM the hub by pid; then end whatever it started that is still running."""
        self.record_service_pids()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in self.pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        for pid in self.pids:
            if _alive(pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


def start_hub(*, environment: Path, state: Path, settings: dict, log_path: Path) -> Hub:
    """Write the settings, start ``jupyterhub`` and wait until its API and the service answer."""
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    settings = dict(settings, state_dir=str(state), environment=str(environment),
                    proxy_command=proxy_command(), hub_port=free_port(),
                    hub_api_port=free_port(), proxy_api_port=free_port(),
                    service_port=free_port(), admin_token=os.urandom(24).hex())
    settings_file = state / "settings.json"
    settings_file.write_text(json.dumps(settings, indent=1))
    settings_file.chmod(0o600)
    env = {"PATH": f"{environment / 'bin'}:{Path(settings['proxy_command']).parent}:/usr/bin:/bin",
           "HOME": "/root", "LANG": "C.UTF-8", "INFOVIEW_HUB_SETTINGS": str(settings_file)}
    log = open(log_path, "w")
    process = subprocess.Popen([str(environment / "bin" / "jupyterhub"), "-f", str(CONFIG)],
                               cwd=state, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    log.close()
    hub = Hub(f"http://127.0.0.1:{settings['hub_port']}", settings["admin_token"],
              settings["course_id"], state, log_path, process)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise AssertionError(f"jupyterhub exited with {process.returncode}; see {log_path}:"
                                     f"\n{log_path.read_text()[-3000:]}")
            try:
                status, _ = hub.api("GET", "/")
                if status == 200:
                    status, service = hub.api("GET", f"/services/{settings['course_id']}")
                    if status == 200 and _answers(f"http://127.0.0.1:{settings['service_port']}"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"the hub or its {settings['course_id']} service did not "
                                     f"answer within {START_TIMEOUT} s; see {log_path}")
            time.sleep(0.3)
        hub.record_service_pids()
    except BaseException:
        hub.stop()
        raise
    return hub


def _answers(url: str) -> bool:
    """Does an HTTP server answer at ``url`` (any status)?"""
    try:
        urllib.request.urlopen(url, timeout=5)
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True
