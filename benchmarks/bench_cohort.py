"""Time `infoview-kit cohort` over a class of 500 students' logs of 40 rows each (target < 5 s).

Builds an nbgrader-style tree (submitted/<student>/<assignment>/my_work/outreach_log.csv) in
a temporary folder, then times reading it and writing the HTML report, in-process and as the
real command.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from infoview_kit.cohort import cohort_command
from infoview_kit.sample_log import make_sample_log

STUDENTS, ROWS, TARGET = 500, 40, 5.0


def build_class(root: Path) -> None:
    for i in range(STUDENTS):
        log = make_sample_log(ROWS, seed=i, today=date(2026, 11, 30))
        log.save(root / "submitted" / f"student{i:03d}" / "4_summary" / "my_work" /
                 "outreach_log.csv")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_class(root)
        out = root / "report.html"
        start = time.perf_counter()
        cohort_command([str(root / "submitted"), "--out", str(out), "--no-progress"])
        in_process = time.perf_counter() - start
        command = [str(Path(sys.executable).with_name("infoview-kit")), "cohort",
                   str(root / "submitted"), "--out", str(out), "--no-progress"]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        whole = time.perf_counter() - start
    print(f"{'case':<46} {'seconds':>8} {'target':>7}")
    print(f"{f'cohort, {STUDENTS} logs x {ROWS} rows, in-process':<46} {in_process:8.2f} "
          f"{TARGET:7.1f}")
    print(f"{'same, as the infoview-kit command (start-up too)':<46} {whole:8.2f} {TARGET:7.1f}")


if __name__ == "__main__":
    main()
