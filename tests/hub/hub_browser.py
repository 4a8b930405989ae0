"""Driving the hub in Chromium: logging in, the Assignments tab, and JupyterLab through the hub.

The notebook helpers are the browser tests' own (:class:`Lab` in ``tests/browser/conftest.py``),
loaded from that file so both suites drive notebooks the same way; only how a page reaches a
server differs (the hub's login cookie instead of a token in the URL).
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"

_spec = importlib.util.spec_from_file_location("infoview_browser_helpers",
                                               REPO / "tests" / "browser" / "conftest.py")
browser_helpers = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = browser_helpers  # dataclasses look their module up there
_spec.loader.exec_module(browser_helpers)
Lab = browser_helpers.Lab
CHROMIUM = browser_helpers.CHROMIUM
CHROMIUM_ARGS = browser_helpers.CHROMIUM_ARGS
free_port = browser_helpers._free_port

SPAWN_TIMEOUT_MS = 120_000


class HubUserServer(browser_helpers.LabServer):
    """A user's server behind the hub: the REST API with the user's token, pages by cookie."""

    def url(self, path: str) -> str:
        return f"{self.base_url}/lab/tree/{path}?reset"


def log_in(page, hub_url: str, name: str, password: str, next_path: str = "") -> None:
    """Log in on the hub's own login form (``next_path``: where to go afterwards)."""
    target = f"{hub_url}/hub/login" + (f"?next={next_path}" if next_path else "")
    page.goto(target)
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill(password)
    page.locator("#login_submit").click()


def wait_lab(page, timeout_ms: int = SPAWN_TIMEOUT_MS) -> None:
    """Wait until JupyterLab is up in the page (the hub spawned the server and redirected)."""
    page.wait_for_function("() => window.jupyterapp !== undefined && window.jupyterapp.shell",
                           timeout=timeout_ms)
    page.wait_for_function(
        "() => window.jupyterapp.commands.hasCommand('nbgrader:open-assignment-list')",
        timeout=timeout_ms)


def open_assignments(page) -> None:
    """Open (or bring forward) nbgrader's Assignments tab; wait until its lists are loaded."""
    page.evaluate(
        "() => { window.jupyterapp.commands.execute('nbgrader:open-assignment-list'); }")
    page.locator("#released_assignments_list").wait_for()
    refresh = page.locator("#refresh_assignments_list")
    refresh.wait_for()
    refresh.click()
    _wait_lists_loaded(page)


def _wait_lists_loaded(page, timeout_ms: int = 60_000) -> None:
    page.wait_for_function(
        """() => ['released', 'fetched', 'submitted'].every(name => {
            const loading = document.getElementById(name + '_assignments_list_loading');
            return !loading || loading.offsetParent === null;
        })""", timeout=timeout_ms)


def list_rows(page, name: str):
    """The rows of one of the Assignments tab's lists: released, fetched or submitted."""
    return page.locator(f"#{name}_assignments_list > .list_item")


def wait_rows(page, name: str, count: int, timeout_ms: int = 60_000):
    rows = list_rows(page, name)
    deadline = time.monotonic() + timeout_ms / 1000
    while rows.count() != count:
        error = page.locator(f"#{name}_assignments_list_error")
        if error.count() and error.is_visible():
            raise AssertionError(f"the {name} assignments list shows an error: "
                                 f"{error.inner_text()!r}")
        if time.monotonic() > deadline:
            raise AssertionError(f"the {name} assignments list has {rows.count()} rows, "
                                 f"expected {count}: {page.locator('#' + name + '_assignments_list').inner_text()!r}")
        page.wait_for_timeout(200)
    return rows


def screenshot(locator, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    locator.screenshot(path=str(path))
    return path
