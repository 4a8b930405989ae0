"""Fixtures for the end-to-end tests: one real JupyterLab and one headless Chromium per session.

The server runs on a free loopback port with throwaway config, runtime, IPython and matplotlib
folders, so nothing from a developer's own Jupyter set-up (old workspaces, news pop-ups,
extensions' settings) leaks into a test. Each test gets its own fresh copy of the course
notebooks (and so its own ``my_work`` folder) under the server's root, its own browser
context, and its kernels shut down afterwards: tests share the server and the browser, which
is what keeps the suite fast, but nothing else.

Waits are on real conditions (kernel idle, every cell run, a file written); there are no
fixed sleeps and no retries.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

#: Debian's chromium: browser downloads are blocked on our machines, so Playwright drives it.
CHROMIUM = os.environ.get("INFOVIEW_CHROMIUM", "/usr/bin/chromium")
#: Measured to work as root in a container; the last four keep Chromium off outside hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Lab settings for tests: no news pop-up, and every cell attached to the page so that a
#: locator finds an output below the fold (the default windowing detaches far-off cells).
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}

SERVER_START_TIMEOUT = 60
#: A whole notebook, run on a shared 2-core machine; generous because a miss fails loudly.
RUN_ALL_TIMEOUT_MS = 120_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    """A running JupyterLab: where it listens, how to authenticate, and its root folder."""

    base_url: str
    token: str
    root: Path
    process: subprocess.Popen

    def api(self, method: str, path: str, body: dict | None = None):
        """Call the server's REST API; returns the decoded JSON (``None`` for an empty reply)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"{self.base_url}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = response.read()
        return json.loads(payload) if payload else None

    def url(self, path: str) -> str:
        """The browser URL of a file under the root, opened in a fresh (``?reset``) workspace."""
        return f"{self.base_url}/lab/tree/{path}?reset&token={self.token}"

    def shut_down_kernels(self) -> None:
        """Delete every session (which shuts its kernel down), then any kernel left over."""
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self.api("GET", "/api/kernels"):
            self.api("DELETE", f"/api/kernels/{kernel['id']}")


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory) -> LabServer:
    """Start JupyterLab once for the session; stop it (its whole process group) at the end."""
    base = tmp_path_factory.mktemp("jupyterlab")
    root = base / "root"
    root.mkdir()
    settings = base / "app-settings"
    settings.mkdir()
    (settings / "overrides.json").write_text(json.dumps(LAB_OVERRIDES))
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        folder = base / name.lower()
        folder.mkdir()
        env[name] = str(folder)
    # kernels must save to ./my_work beside the notebooks they run, like a student's do
    env.pop("INFOVIEW_WORK_DIR", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"

    port = _free_port()
    token = os.urandom(16).hex()
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        f"--port={port}", "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", f"--LabApp.app_settings_dir={settings}",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "jupyterlab.log", "w")
    process = subprocess.Popen(
        command, env=env, cwd=root, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    server = LabServer(f"http://127.0.0.1:{port}", token, root, process)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab exited with {process.returncode}; see {log.name}")
            try:
                server.api("GET", "/api/status")
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s; see {log.name}")
                time.sleep(0.2)
        yield server
        leftover = server.api("GET", "/api/kernels")
        assert leftover == [], f"kernels left running after the browser tests: {leftover}"
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session; fails (never skips) when Chromium is missing."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. The browser tests drive a system Chromium: "
            "on Debian/Ubuntu `sudo apt-get install chromium` (make test does it when run as root), "
            "elsewhere set INFOVIEW_CHROMIUM to a Chromium or Chrome binary.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class Lab:
    """One test's view of JupyterLab: a page, a private course folder, and notebook helpers.

    ``folder`` is the test's own copy of the notebooks (relative to the server root ``path``),
    so what a test saves in ``my_work`` is never seen by another test.
    """

    def __init__(self, server: LabServer, page, folder: Path):
        self.server = server
        self.page = page
        self.folder = folder
        self.rel = folder.relative_to(server.root).as_posix()

    @property
    def work(self) -> Path:
        """The student's work folder beside the notebooks, as the kernel sees it."""
        return self.folder / "my_work"

    # -- opening and running -------------------------------------------------------------

    def open(self, notebook: str) -> None:
        """Open ``notebook`` (a path in the course folder) and wait for its kernel to be idle.

        Kernels of notebooks opened before are shut down first: a test works in one notebook
        at a time, and idle kernels would only crowd a small CI machine.
        """
        if self.page.url != "about:blank":
            self.page.goto("about:blank")
            self.server.shut_down_kernels()
        self.page.goto(self.server.url(f"{self.rel}/{notebook}"))
        self.page.wait_for_function("() => window.jupyterapp !== undefined")
        self.page.wait_for_function(
            """(name) => {
                const w = window.jupyterapp.shell.currentWidget;
                return !!w && !!w.context && w.context.path.endsWith(name) && !!w.content;
            }""",
            arg=notebook,
        )
        self.wait_kernel_idle()

    def wait_kernel_idle(self, timeout_ms: int = 60_000) -> None:
        """Wait until the notebook's session is ready and its kernel reports ``idle``.

        Run All issued before this opens a "Select Kernel" dialog and runs nothing.
        """
        self.page.wait_for_function(
            """() => {
                const w = window.jupyterapp.shell.currentWidget;
                const ctx = w && w.sessionContext;
                return !!ctx && ctx.isReady && !!ctx.session && !!ctx.session.kernel
                    && ctx.session.kernel.status === 'idle';
            }""",
            timeout=timeout_ms,
        )

    def run_all(self, allowed_errors: tuple[str, ...] = (), timeout_ms: int = RUN_ALL_TIMEOUT_MS) -> None:
        """Run every cell and wait until each code cell has run and the kernel is idle again.

        The command is started without awaiting it: awaiting inside the page waits for the
        whole run, or forever on a dialog. A run that stops at an error fails here with the
        error's text rather than waiting out the timeout, unless every error raised is one of
        ``allowed_errors`` (by exception name): a rubric check that is not passed yet, say.
        """
        self.page.evaluate(
            "() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
        )
        state = self.page.wait_for_function(
            """() => {
                const w = window.jupyterapp.shell.currentWidget;
                const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
                if (!kernel || kernel.status !== 'idle') return false;
                const cells = w.content.widgets.filter(c => c.model.type === 'code');
                const hasError = cells.some(c => c.model.outputs.toJSON()
                    .some(o => o.output_type === 'error'));
                if (hasError) return 'error';
                return cells.every(c => c.model.executionCount !== null) ? 'done' : false;
            }""",
            timeout=timeout_ms,
        ).json_value()
        if state == "error" and set(self.error_names()) - set(allowed_errors):
            raise AssertionError("a cell raised during Run All:\n" + self.error_text())
        self.wait_widgets_rendered()

    def restart_and_run_all(self) -> None:
        """Restart the kernel (no dialog), clear outputs, wait for idle, and run all again."""
        self.page.evaluate(
            """async () => {
                const w = window.jupyterapp.shell.currentWidget;
                await w.sessionContext.session.kernel.restart();
                await window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs');
            }"""
        )
        self.wait_kernel_idle()
        self.run_all()

    def save(self) -> None:
        """Save the notebook through JupyterLab (as the student's Ctrl+S does)."""
        self.page.evaluate(
            "async () => { await window.jupyterapp.commands.execute('docmanager:save'); }"
        )
        self.page.wait_for_function(
            "() => !window.jupyterapp.shell.currentWidget.context.model.dirty"
        )

    # -- looking at what the student sees ------------------------------------------------

    @property
    def notebook(self):
        """The visible notebook panel."""
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")

    def cell_outputs(self):
        """Every code cell's output area, in order."""
        return self.notebook.locator(".jp-Cell-outputArea")

    def outputs(self) -> list[list[dict]]:
        """Each code cell's outputs as nbformat dicts, from the notebook model."""
        return self.page.evaluate(
            """() => window.jupyterapp.shell.currentWidget.content.widgets
                .filter(c => c.model.type === 'code')
                .map(c => c.model.outputs.toJSON())"""
        )

    def error_names(self) -> list[str]:
        """The exception name of every error output, in cell order."""
        return [output["ename"] for cell in self.outputs() for output in cell
                if output.get("output_type") == "error"]

    def error_text(self) -> str:
        """Every error and stderr output in the notebook, as plain text, for failure messages."""
        lines = []
        for index, cell in enumerate(self.outputs()):
            for output in cell:
                if output.get("output_type") == "error":
                    tb = "\n".join(output.get("traceback", []))
                    lines.append(f"cell {index}: {output['ename']}: {output['evalue']}\n{_strip_ansi(tb)}")
                elif output.get("name") == "stderr":
                    lines.append(f"cell {index} stderr: {''.join(output.get('text', ''))}")
        return "\n".join(lines) or "(no error output found)"

    def wait_widgets_rendered(self, timeout_ms: int = 30_000) -> None:
        """Wait until every widget output in the model is drawn in the page (or failed to be)."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self._wait_widgets_drawn(timeout_ms)
        except PlaywrightTimeout:
            raise AssertionError(
                f"widget outputs were not drawn within {timeout_ms / 1000:.0f} s "
                "(still 'Loading widget...', or a view of a model the kernel never sent)"
            ) from None

    def _wait_widgets_drawn(self, timeout_ms: int) -> None:
        self.page.wait_for_function(
            """() => {
                const w = window.jupyterapp.shell.currentWidget;
                const views = w.content.widgets.filter(c => c.model.type === 'code')
                    .flatMap(c => c.model.outputs.toJSON())
                    .filter(o => o.data && o.data['application/vnd.jupyter.widget-view+json']).length;
                // direct outputs of cells only: widgets inside an Output widget don't count
                const drawn = w.node.querySelectorAll('.jp-Cell-outputArea > .jp-OutputArea-child'
                    + ' > .jp-OutputArea-output > .jupyter-widgets').length;
                const loading = [...w.node.querySelectorAll('.jp-Cell-outputArea')]
                    .some(n => n.textContent.includes('Loading widget...'));
                return drawn >= views && !loading;
            }""",
            timeout=timeout_ms,
        )

    def assert_clean(self, allowed_errors: tuple[str, ...] = ()) -> None:
        """No cell raised, nothing wrote a traceback, and every widget displayed.

        Checks the model (error outputs, tracebacks on stderr) and the page, which also covers
        what a form's callbacks print into its own Output widget. ``allowed_errors`` names
        exceptions a cell may raise by design (they are still shown in the model).
        """
        problems = []
        for index, cell in enumerate(self.outputs()):
            for output in cell:
                text = json.dumps(output)
                if output.get("output_type") == "error":
                    if output["ename"] in allowed_errors:
                        continue
                    problems.append(f"cell {index} raised {output['ename']}: {output['evalue']}")
                elif "Traceback (most recent call last)" in text:
                    problems.append(f"cell {index} printed a traceback")
        # a widget that fails to render shows an error icon; its message is only in a tooltip
        broken = self.notebook.locator(".jupyter-widgets-error-widget").count()
        if broken or "Error displaying widget" in self.notebook.inner_text():
            problems.append(f"{broken} widget(s) failed to display ('Error displaying widget')")
        form_outputs = self.notebook.locator(".widget-output").all_inner_texts()
        for text in form_outputs:
            if "Traceback (most recent call last)" in text or re.search(r"^\w+(Error|Exception)\b", text, re.M):
                problems.append(f"a form's output shows an error: {text.strip()[:300]!r}")
        assert not problems, "\n".join(problems) + "\n\n" + self.error_text()

    def type_into(self, locator, text: str) -> None:
        """Replace an input's text in one update, then leave it so ``continuous_update=False``
        widgets sync too (they send on change, not on each keystroke)."""
        locator.fill(text)
        locator.blur()

    def kernel_run(self, code: str) -> str:
        """Run ``code`` in the notebook's kernel (outside any cell); return what it printed.

        Used to read what the kernel holds (a figure's title, say), never to enter answers:
        everything a student enters goes through the page.
        """
        return self.page.evaluate(
            """async (code) => {
                const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
                const future = kernel.requestExecute({code, store_history: false});
                let out = '';
                future.onIOPub = (msg) => {
                    const t = msg.header.msg_type;
                    if (t === 'stream') out += msg.content.text;
                    if (t === 'error') out += `${msg.content.ename}: ${msg.content.evalue}`;
                };
                await future.done;
                return out;
            }""",
            code,
        )

    def output_of(self, text: str):
        """The output area of the cell whose output shows ``text`` (a form's heading, say)."""
        return self.cell_outputs().filter(has_text=text)

    def error_next_to(self, control) -> str:
        """The error line under ``control``: its field box holds the input, hint and error.

        Returns the text of the ``role="alert"`` line in that box, waiting for it to appear.
        """
        box = control.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
        alert = box.get_by_role("alert")
        alert.wait_for()
        return alert.inner_text()

    def accessibility_problems(self) -> list[str]:
        """Controls a screen reader (or ``get_by_label``/``get_by_role``) could not name.

        An input must have a ``<label>`` or ``aria-label`` with text; a button must have text
        (or a title) that is not a bare generic word.
        """
        return self.notebook.locator(".jp-Cell-outputArea").first.evaluate(
            """(_, generic) => {
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                const problems = [];
                for (const el of panel.querySelectorAll(
                        '.jp-Cell-outputArea .jupyter-widgets :is(input, textarea, select)')) {
                    if (el.type === 'hidden' || el.type === 'file') continue;
                    const labels = [...(el.labels || [])].map(l => l.textContent.trim()).filter(Boolean);
                    const aria = (el.getAttribute('aria-label') || '').trim();
                    if (!labels.length && !aria) {
                        const near = el.closest('.jupyter-widgets').textContent.trim().slice(0, 60);
                        problems.push(`${el.tagName.toLowerCase()} without a label (near "${near}")`);
                    }
                }
                for (const el of panel.querySelectorAll('.jp-Cell-outputArea button.jupyter-button')) {
                    const name = (el.textContent.trim() || el.getAttribute('aria-label')
                                  || el.title || '').trim();
                    if (!name || generic.includes(name.toLowerCase()))
                        problems.push(`button named "${name}" does not say what it does`);
                }
                return problems;
            }""",
            ["", "ok", "go", "click", "click me", "button", "submit", "run", "yes", "no"],
        )

    def screenshot(self, locator, name: str) -> Path:
        """Save an element screenshot (Lab scrolls in its own container, so never full-page)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        locator.scroll_into_view_if_needed()
        locator.screenshot(path=str(path))
        return path

    def wait_for_file(self, path: Path, timeout: float = 30.0, contains: str | None = None) -> str:
        """Wait until the kernel has written ``path`` (optionally containing ``contains``)."""
        deadline = time.monotonic() + timeout
        while True:
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                if contains is None or contains in text:
                    return text
            if time.monotonic() > deadline:
                state = f"it holds: {path.read_text()[:500]!r}" if path.is_file() else "it does not exist"
                raise AssertionError(f"{path} was not written within {timeout} s ({state})")
            self.page.wait_for_timeout(100)  # keeps the page's event loop turning meanwhile


def _strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _copy_course(destination: Path) -> None:
    """Copy the committed notebooks (never a developer's my_work or checkpoints)."""
    shutil.copytree(
        NOTEBOOKS,
        destination,
        ignore=shutil.ignore_patterns("my_work", ".ipynb_checkpoints", "__pycache__"),
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome on the test item, so ``lab`` can tell a failed test."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def lab(lab_server, browser, request) -> Lab:
    """A fresh browser page on the shared server, with this test's own copy of the course."""
    folder = lab_server.root / re.sub(r"[^A-Za-z0-9_]+", "_", request.node.name)[:80]
    _copy_course(folder)
    # tall enough that the longest form fits: element screenshots can't scroll Lab's panel
    context = browser.new_context(viewport={"width": 1400, "height": 2200})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield Lab(lab_server, page, folder)
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            # what the page showed when the test failed: the first thing to look at
            page.screenshot(path=str(SCREENSHOTS / f"FAILED_{folder.name}.png"))
    finally:
        context.close()
        lab_server.shut_down_kernels()
