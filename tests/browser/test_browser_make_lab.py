"""What a student sees after `make lab`: the course, without nbgrader's instructor tools or news.

The server is the real `make lab` in a throwaway clone (``tests/make_lab_server.py``), not the
suite's shared test server, because what is checked here is `make lab`'s own configuration.
"""

from __future__ import annotations

import pytest

from kit_paths import REPO
from make_lab_server import MakeLab, clone_working_tree

pytestmark = pytest.mark.browser

NBGRADER_PLUGINS = ("@jupyter/nbgrader:menu", "@jupyter/nbgrader:formgrader",
                    "@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:validate-assignment",
                    "@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:course-list")
NEWS_PLUGIN = "@jupyterlab/apputils-extension:announcements"


def test_make_lab_shows_no_nbgrader_menus_validate_button_or_news_prompt(browser, tmp_path):
    """Open notebook 4 in `make lab`'s view: no Nbgrader menu, no Validate, no news pop-up, and
    not shown as modified before the student has touched it."""
    repo = clone_working_tree(tmp_path / "repo")
    with MakeLab(repo, expose_app=True) as lab:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.set_default_timeout(60_000)
        try:
            page.goto(f"{lab.base_url}/lab/tree/4_write_summary.ipynb?reset&token={lab.token}")
            page.wait_for_function("() => window.jupyterapp !== undefined")
            page.evaluate("async () => { await window.jupyterapp.restored; }")
            toolbar = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar")
            # the notebook's toolbar is drawn (where Validate would be): the page is really up
            toolbar.get_by_title("Run this cell and advance").wait_for()
            page.wait_for_function(
                """() => { const w = window.jupyterapp.shell.currentWidget;
                           const k = w && w.sessionContext.session && w.sessionContext.session.kernel;
                           return !!k && k.status === 'idle'; }""")

            page.wait_for_timeout(1000)  # the kernel's info reply is what would mark it modified
            dirty = page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty")
            registered = page.evaluate(
                "(ids) => ids.map(id => [id, window.jupyterapp.hasPlugin(id)])",
                [*NBGRADER_PLUGINS, NEWS_PLUGIN, "@jupyterlab/notebook-extension:tracker"])
            menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
            validate_buttons = toolbar.locator(".validate-button").count()
            toolbar_buttons = toolbar.locator(".jp-ToolbarButton").count()
            page_text = page.locator("body").inner_text()
            shot = REPO / "test-artifacts" / "screenshots" / "make_lab_view.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot))
        finally:
            context.close()
            lab.shut_down_kernels()

    assert dict(registered) == {**dict.fromkeys((*NBGRADER_PLUGINS, NEWS_PLUGIN), False),
                                "@jupyterlab/notebook-extension:tracker": True}
    assert "File" in menus and "Nbgrader" not in menus, menus
    assert validate_buttons == 0 and toolbar_buttons > 0
    assert dirty is False, "notebook 4 shows as modified as soon as it is opened"
    assert "Jupyter news" not in page_text
    assert "BEGIN SOLUTION" not in page_text and "MARK SCHEME" not in page_text
