"""Notebook 4 as a student runs it (not through nbgrader): top to bottom, no error, no sample."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from kit_paths import DATA, NOTEBOOKS

pytestmark = pytest.mark.slow


def _run(tmp_path) -> list[str]:
    nb = nbformat.read(NOTEBOOKS / "4_write_summary.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"error in {cell.source!r}: {out}"
            data = out.get("data", {})
            texts.append(out.get("text") or data.get("text/html") or data.get("text/plain", ""))
    return texts


def test_with_an_empty_work_folder_every_point_says_not_yet_and_run_all_reaches_the_end(
        work_dir, tmp_path):
    shown = "\n".join(_run(tmp_path))
    assert shown.count("✗ Not yet.") == 6
    assert "Renata" not in shown  # the source's sample answer only counts under nbgrader validate


def test_with_a_saved_summary_every_point_is_earned(work_dir, tmp_path):
    shutil.copy(DATA / "summaries" / "full_marks.json", work_dir / "summary.json")
    shown = "\n".join(_run(tmp_path))
    assert shown.count("✓ ") >= 6 and "✗" not in shown
    assert "Interview with Maren Lindqvist" in shown
