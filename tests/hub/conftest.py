"""Fixtures for the class on a real JupyterHub (see hub_class.py for what is started).

Each test module opens one class (accounts, exchange, gradebook, course, hub) and closes it at
the end; the hub's environment (the kit from its wheel) is built once per session. These tests
create Unix users and need root; CI runs as root.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from hub_browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def hub_environment_dir():
    """The class's environment, with the kit installed from a freshly built wheel."""
    if os.geteuid() != 0:
        pytest.fail("the hub tests create Unix users and run JupyterHub's LocalProcessSpawner, "
                    "so they need root (CI runs as root); deselect them with -m 'not hub'",
                    pytrace=False)
    from class_environment import class_environment

    return class_environment()


class BrowserThread:
    """One headless Chromium driven from a thread of its own.

    Playwright's sync API allows one instance per thread, and the browser suite's Chromium
    (``tests/browser/``) is still running in the main thread when these tests start in the same
    session; so every browser step here runs, one at a time, in this worker thread.
    """

    def __init__(self):
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hub-browser")
        self._executor.submit(self._start).result()

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                         args=CHROMIUM_ARGS)

    def call(self, step, cls, *args, **kwargs):
        """Run ``step(cls, browser, *args, **kwargs)`` in the browser's thread; its result."""
        return self._executor.submit(step, cls, self._browser, *args, **kwargs).result()

    def close(self) -> None:
        def stop():
            self._browser.close()
            self._playwright.stop()

        try:
            self._executor.submit(stop).result()
        finally:
            self._executor.shutdown()


@pytest.fixture(scope="session")
def hub_browser_instance():
    """Chromium for the hub tests; fails (never skips) when it is missing."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium not found at {CHROMIUM} (make test installs Debian's chromium)",
                    pytrace=False)
    browser = BrowserThread()
    yield browser
    browser.close()
