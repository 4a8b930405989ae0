"""Does every course notebook open, run from the top and draw every form, for a new student?

Each notebook runs on a fresh kernel with an empty work folder (the first visit), in a real
JupyterLab, and must show no traceback and no "Error displaying widget". Every input drawn
must carry an accessible name and every button a name that says what it does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
COURSE_NOTEBOOKS = sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))


def test_the_course_has_its_four_notebooks():
    """The parametrized tests below run over what is there; this pins that all four are."""
    prefixes = sorted(name.split("_", 1)[0] for name in COURSE_NOTEBOOKS)
    assert prefixes == ["1", "2", "3", "4"], COURSE_NOTEBOOKS


@pytest.mark.parametrize("notebook", COURSE_NOTEBOOKS)
def test_notebook_runs_and_every_form_renders_on_a_first_visit(lab, notebook):
    lab.open(notebook)
    lab.run_all()
    lab.assert_clean()
    forms = lab.notebook.locator(".jp-Cell-outputArea .jupyter-widgets")
    assert forms.count() > 0, f"{notebook} shows no form at all"
    assert lab.accessibility_problems() == []
