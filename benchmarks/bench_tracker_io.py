"""Time loading and saving a 10,000-row outreach log (target < 0.5 s each).

Loading checks every cell (choices, dates in any spreadsheet format) and saving fingerprints
the file first to refuse overwriting a spreadsheet's changes, so both include that work.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from infoview_kit.sample_log import make_sample_log
from infoview_kit.tracker import OutreachLog
from timing import median_seconds  # benchmarks/timing.py

ROWS, TARGET, REPEATS = 10_000, 0.5, 5


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "outreach_log.csv"
        make_sample_log(ROWS, seed=3, today=date(2026, 11, 30)).save(path)
        size = path.stat().st_size
        load = median_seconds(lambda: OutreachLog.load(path))

        def load_then_save():
            log = OutreachLog.load(path)
            start = time.perf_counter()
            log.save()
            return time.perf_counter() - start

        save = statistics.median(load_then_save() for _ in range(REPEATS))
    print(f"{ROWS:,}-row log, {size / 1e6:.1f} MB")
    print(f"{'operation':<10} {'seconds':>8} {'target':>7}")
    print(f"{'load':<10} {load:8.3f} {TARGET:7.1f}")
    print(f"{'save':<10} {save:8.3f} {TARGET:7.1f}")


if __name__ == "__main__":
    main()
