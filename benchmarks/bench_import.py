"""Start-up cost of ``import infoview_kit`` (target: under 150 ms), against a bare ``python -c pass``.

Every notebook's first cell imports the package, and the graded summary notebook is re-run once
per student, so the import must stay cheap. Each case runs in a fresh interpreter (the
benchmark's own Python, so the same virtual environment); cases are interleaved round by round
so that a busy machine slows them all alike. The table shows the median wall time, the extra
time over bare Python, and the ratio; PASS/FAIL judges the absolute median against the target.

Usage: .venv/bin/python benchmarks/bench_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

TARGET_MS = 150.0

CASES = {
    "python -c pass (baseline)": "pass",
    "import infoview_kit": "import infoview_kit",
    "from infoview_kit import check_message": "from infoview_kit import check_message",
    "... and check a message": "from infoview_kit import check_message; check_message('Hi Luis, coffee?')",
}


def run_once(code: str) -> float:
    """Wall time in milliseconds of a fresh interpreter running *code*."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh interpreters per case (default 15)")
    runs = parser.parse_args().runs

    for code in CASES.values():  # warm the file cache once; not timed
        run_once(code)
    samples: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(runs):
        for name, code in CASES.items():
            samples[name].append(run_once(code))

    baseline = statistics.median(samples["python -c pass (baseline)"])
    print(f"start-up time, median of {runs} fresh interpreters ({sys.executable})")
    print(f"{'case':<42} {'median ms':>9} {'+ over bare':>11} {'ratio':>6} {'target':>8} {'result':>7}")
    for name, times in samples.items():
        median = statistics.median(times)
        verdict = "PASS" if median < TARGET_MS else "FAIL"
        print(f"{name:<42} {median:>9.1f} {median - baseline:>11.1f} {median / baseline:>6.2f} "
              f"{'< ' + format(TARGET_MS, 'g'):>8} {verdict:>7}")


if __name__ == "__main__":
    main()
