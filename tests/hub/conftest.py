"""Fixtures for the class on a real JupyterHub (see hub_class.py for what is started).

Each test module opens one class (accounts, exchange, gradebook, course, hub) and closes it at
the end; the hub's environment (the kit from its wheel) is built once per session. These tests
create Unix users and need root; CI runs as root.
"""

from __future__ import annotations

import os

import pytest

from hub_browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def hub_environment_dir():
    """The class's environment, with the kit installed from a freshly built wheel."""
    if os.geteuid() != 0:
        pytest.fail("the hub tests create Unix users and run JupyterHub's LocalProcessSpawner, "
                    "so they need root (CI runs as root); deselect them with -m 'not hub'",
                    pytrace=False)
    from hub_environment import hub_environment

    return hub_environment()


@pytest.fixture(scope="session")
def hub_browser_instance():
    """One headless Chromium for the hub tests; fails (never skips) when it is missing."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium not found at {CHROMIUM} (make test installs Debian's chromium)",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
