"""The class on a real JupyterHub: how long each step takes, and the hub tests' wall time.

Runs the hub tests (``tests/hub/``, as root: they create Unix users) once, then prints the
steps each class recorded (``test-artifacts/hub-timings-*.json``): hub start (jupyterhub launched
to the hub and the formgrader service answering), a student's login to their own JupyterLab
being usable, the browser work of each student, collect, autograde, the graders' formgrading,
feedback; and the wall time of the whole run. "Hub start to first student server usable" is the
hub start plus the first student's login.

    .venv/bin/python benchmarks/bench_hub.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
HUB_START = "hub start (jupyterhub launched to hub and formgrader service answering)"
FIRST_LOGIN = "student 1: login to own JupyterLab usable"


def main() -> int:
    if os.geteuid() != 0:
        print("bench_hub.py runs the hub tests, which create Unix users: run it as root")
        return 1
    for old in ARTIFACTS.glob("hub-timings-*.json"):
        old.unlink()
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(REPO / "tests" / "hub")], cwd=REPO)
    wall = time.monotonic() - started
    print(f"\n| step | {' | '.join(p.stem.removeprefix('hub-timings-') for p in sorted(ARTIFACTS.glob('hub-timings-*.json')))} |")
    runs = {p.stem.removeprefix("hub-timings-"): json.loads(p.read_text())
            for p in sorted(ARTIFACTS.glob("hub-timings-*.json"))}
    print("|---|" + "---:|" * len(runs))
    steps = list(dict.fromkeys(step for timings in runs.values() for step in timings))
    for step in steps:
        print(f"| {step} | " + " | ".join(f"{t[step]:.1f} s" if step in t else "–"
                                           for t in runs.values()) + " |")
    print("| hub start to first student server usable | " + " | ".join(
        f"{t[HUB_START] + t[FIRST_LOGIN]:.1f} s" if HUB_START in t and FIRST_LOGIN in t else "–"
        for t in runs.values()) + " |")
    print(f"\nwhole hub test run (pytest tests/hub, both modules): {wall:.0f} s"
          f" ({'passed' if done.returncode == 0 else f'FAILED, exit code {done.returncode}'})")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
