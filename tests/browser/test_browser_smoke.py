"""Does the browser harness itself work? A throwaway notebook with one text box and one button.

If this fails, every other browser test would fail for reasons that have nothing to do with
the course: it pins that a value typed in the page reaches the kernel and that a click runs
the kernel-side callback.
"""

from __future__ import annotations

import nbformat
import pytest

pytestmark = pytest.mark.browser

FORM_CELL = """\
import pathlib
import ipywidgets as widgets

name = widgets.Text(description="Your name", style={"description_width": "initial"})
save = widgets.Button(description="Save name")

def write_name(_button):
    pathlib.Path("smoke_name.txt").write_text(name.value, encoding="utf-8")

save.on_click(write_name)
display(name, save)
"""


def test_typed_value_reaches_the_kernel_when_the_button_is_clicked(lab):
    """Fill a labelled Text through its label, click the button, read the file the kernel wrote."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Smoke"), nbformat.v4.new_code_cell(FORM_CELL)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, lab.folder / "smoke.ipynb")

    lab.open("smoke.ipynb")
    lab.run_all()
    lab.assert_clean()

    lab.page.get_by_label("Your name").fill("Ada Lovelace")
    lab.page.get_by_role("button", name="Save name").click()

    assert lab.wait_for_file(lab.folder / "smoke_name.txt", contains="Ada") == "Ada Lovelace"
    lab.screenshot(lab.cell_outputs().nth(0), "smoke_form")


def _write_notebook(lab, name: str, *sources: str) -> str:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, lab.folder / name)
    return name


def test_harness_reports_errors_tracebacks_in_forms_and_unnamed_controls(lab):
    """The checks the course tests rely on must fail when something is wrong, not pass quietly.

    A cell that raises stops Run All with the error's text; a button callback whose traceback
    lands in an Output widget (what a student would see under a form) fails ``assert_clean``;
    a widget that cannot be drawn fails it too; an unlabelled input and a button called "OK"
    are reported as accessibility problems.
    """
    name = _write_notebook(
        lab,
        "broken.ipynb",
        "import ipywidgets as widgets\n"
        "out = widgets.Output()\n"
        "boom = widgets.Button(description='Break it')\n"
        "def explode(_):\n"
        "    with out:\n"
        "        raise RuntimeError('callback went wrong')\n"
        "boom.on_click(explode)\n"
        "display(boom, out, widgets.Text(), widgets.Button(description='OK'))\n"
        "# a widget whose front-end code is missing: the page shows an error icon instead\n"
        "from traitlets import Unicode\n"
        "class Missing(widgets.DOMWidget):\n"
        "    _view_module = Unicode('no-such-module').tag(sync=True)\n"
        "    _view_name = Unicode('NoSuchView').tag(sync=True)\n"
        "display(Missing())",
        "raise ValueError('cell went wrong')",
        "print('never reached')",
    )
    lab.open(name)
    with pytest.raises(AssertionError, match="cell went wrong"):
        lab.run_all()
    assert lab.accessibility_problems() == [
        'input without a label (near "")',
        'button named "OK" does not say what it does',
    ]

    lab.page.get_by_role("button", name="Break it").click()
    lab.page.locator(".widget-output").get_by_text("callback went wrong").wait_for()
    with pytest.raises(AssertionError) as failure:
        lab.assert_clean()
    assert "cell 1 raised ValueError" in str(failure.value)
    assert "a form's output shows an error" in str(failure.value)
    assert "1 widget(s) failed to display" in str(failure.value)
    assert "callback went wrong" in str(failure.value)
