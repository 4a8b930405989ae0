"""Cost of one keystroke in notebook 2's message form (check + atomic save), median of 300.

Each change of the draft re-runs ``check_message`` and saves ``messages.json`` atomically
(write, fsync, rename), so this is the delay a student could feel while typing. Measured on a
~300-word draft in a throwaway work folder.

Usage: .venv/bin/python benchmarks/bench_request_form.py
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INFOVIEW_WORK_DIR"] = tmp
        from infoview_kit.forms.request import request_form
        from infoview_kit.prospects import Prospect, ProspectList

        prospects = ProspectList()
        prospects.add(Prospect(name="Luis Ortega", role="Product manager", company="SCCA",
                               connection="stranger", found_at="LinkedIn", why="His posts."))
        prospects.choose("Luis Ortega")
        prospects.save()
        form = request_form()
        text = "Hi Luis, would you have 30 minutes for a coffee next week? " * 30  # ~330 words
        timings = {"check only": [], "keystroke (check + save)": []}
        for n in range(300):
            draft = text[: len(text) - 300 + n]
            start = time.perf_counter()
            form.show_report()
            timings["check only"].append(time.perf_counter() - start)
            start = time.perf_counter()
            form.draft.value = draft
            timings["keystroke (check + save)"].append(time.perf_counter() - start)
    print("Notebook 2 message form, ~330-word draft, 300 keystrokes")
    print("| step                     | median (ms) | p95 (ms) |")
    print("|--------------------------|------------:|---------:|")
    for step, values in timings.items():
        values.sort()
        print(f"| {step:<24} | {statistics.median(values) * 1000:11.2f} | "
              f"{values[int(len(values) * 0.95)] * 1000:8.2f} |")


if __name__ == "__main__":
    main()
