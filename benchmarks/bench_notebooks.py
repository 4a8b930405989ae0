"""Run-all time of each course notebook on a fresh kernel (median of 3), printed as a table.

Each run copies ``notebooks/`` into a temporary folder (so ``my_work`` starts empty), starts a
new python3 kernel and executes every cell with nbclient, as "Restart kernel and run all" does.
An empty notebook is timed the same way: its figure is the cost of starting a kernel, so
"cells" (total minus that) is what the notebook's own code takes.

Usage: .venv/bin/python benchmarks/bench_notebooks.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def run_once(source: Path | None) -> float:
    """Seconds to start a fresh kernel and run every cell of ``source`` (None: an empty notebook)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notebooks"
        shutil.copytree(NOTEBOOKS, folder, ignore=shutil.ignore_patterns("my_work", ".ipynb_checkpoints"))
        nb = nbformat.read(source, as_version=4) if source else nbformat.v4.new_notebook()
        client = NotebookClient(nb, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(folder)}})
        start = time.perf_counter()
        client.execute()
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per notebook (median taken)")
    args = parser.parse_args()
    os.environ.pop("INFOVIEW_WORK_DIR", None)  # the kernel uses my_work beside the notebooks

    baseline = statistics.median(run_once(None) for _ in range(args.repeat))
    rows = [("(empty notebook: kernel start)", baseline, 0.0)]
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        total = statistics.median(run_once(path) for _ in range(args.repeat))
        rows.append((path.name, total, total - baseline))

    width = max(len(name) for name, _, _ in rows)
    print(f"Notebook run-all on a fresh kernel, median of {args.repeat}")
    print(f"| {'notebook':<{width}} | total (s) | cells (s) |")
    print(f"|{'-' * (width + 2)}|----------:|----------:|")
    for name, total, cells in rows:
        print(f"| {name:<{width}} | {total:9.2f} | {cells:9.2f} |")


if __name__ == "__main__":
    main()
