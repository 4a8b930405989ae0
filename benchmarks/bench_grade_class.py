"""A class of 1,000: ``infoview-kit grade`` wall time and memory, then the class's feedback.

Generates the class (full, partial and empty summaries, as ``bench_grade.py`` does), grades it
with ``infoview-kit grade`` while sampling the memory of the command and every process under
it, then generates feedback for the graded class twice, side by side on two copies:
``nbgrader generate_feedback`` and ``infoview-kit feedback``, asserting identical HTML.
Targets: grading under 5 minutes, memory flat (the workers' RSS at the end of the run no more
than at the start plus a little). The load average is printed beside each figure.

    .venv/bin/python benchmarks/bench_grade_class.py [--students 1000] [--jobs N] [--no-feedback]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_grade import ASSIGNMENT, env, make_class  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree(root: int) -> dict[int, int]:
    """pid -> RSS bytes for ``root`` and every process under it, read from /proc."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    members, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        members.update(children)
        frontier += children
    return {pid: rss.get(pid, 0) for pid in members}


class MemorySampler:
    """Samples a process tree's RSS every ``every`` seconds while a command runs."""

    def __init__(self, every: float = 0.5) -> None:
        self.every, self.samples, self._stop = every, [], threading.Event()

    def watch(self, process: subprocess.Popen) -> None:
        started = time.monotonic()
        while process.poll() is None and not self._stop.is_set():
            tree = _tree(process.pid)
            self.samples.append((time.monotonic() - started, sum(tree.values()),
                                 max(tree.values(), default=0)))
            time.sleep(self.every)

    def peak(self) -> float:
        return max((total for _, total, _ in self.samples), default=0) / 2**20

    def largest_process(self, fraction_from: float, fraction_to: float) -> float:
        """Largest single process (a worker) in a slice of the run, MiB."""
        if not self.samples:
            return 0.0
        end = self.samples[-1][0]
        chosen = [largest for at, _, largest in self.samples
                  if fraction_from * end <= at <= fraction_to * end]
        return max(chosen, default=0) / 2**20


def run(command: list[str], cwd: Path, sampler: MemorySampler | None = None) -> dict:
    load = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env(), stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    watcher = threading.Thread(target=sampler.watch, args=(process,)) if sampler else None
    if watcher:
        watcher.start()
    out, _ = process.communicate()
    elapsed = time.perf_counter() - started
    if watcher:
        watcher.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command[:5])} failed ({process.returncode}):\n{out[-3000:]}")
    return {"seconds": elapsed, "load": (load, os.getloadavg()[0]), "out": out}


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-feedback", action="store_true")
    args = parser.parse_args()
    kit = [sys.executable, "-m", "infoview_kit.cli"]
    with tempfile.TemporaryDirectory(prefix="bench-grade-class-") as tmp:
        course = make_class(Path(tmp), args.students)
        sampler = MemorySampler()
        grade = run(kit + ["grade", ASSIGNMENT, "--jobs", str(args.jobs)], course, sampler)
        assert f"{args.students} graded, 0 already graded" in grade["out"], grade["out"][-2000:]
        print(f"{args.students} submissions, {os.cpu_count()} cores, --jobs {args.jobs}")
        print("| step | seconds | s/student | peak RSS, all processes | largest process, "
              "first / last quarter | load before/after |")
        print("|---|---:|---:|---:|---|---|")
        print(f"| `infoview-kit grade` | {grade['seconds']:.1f} | "
              f"{grade['seconds'] / args.students:.3f} | {sampler.peak():.0f} MiB | "
              f"{sampler.largest_process(0, 0.25):.0f} / {sampler.largest_process(0.75, 1):.0f} "
              f"MiB | {grade['load'][0]:.1f} / {grade['load'][1]:.1f} |")
        if args.no_feedback:
            return
        by_nbgrader = Path(tmp) / "by-nbgrader"
        shutil.copytree(course, by_nbgrader)
        # every generated student's reflection is still to be graded by hand, and nbgrader writes
        # their feedback anyway, so the kit is asked to as well
        ours = run(kit + ["feedback", ASSIGNMENT, "--jobs", str(args.jobs), "--include-pending"],
                   course)
        theirs = run([sys.executable, "-m", "nbgrader", "generate_feedback", ASSIGNMENT],
                     by_nbgrader)
        for name, row in ((f"`infoview-kit feedback --jobs {args.jobs}`", ours),
                          ("`nbgrader generate_feedback`", theirs)):
            print(f"| {name} | {row['seconds']:.1f} | {row['seconds'] / args.students:.3f} | | "
                  f"| {row['load'][0]:.1f} / {row['load'][1]:.1f} |")
        expected, found = _digests(by_nbgrader / "feedback"), _digests(course / "feedback")
        assert len(expected) >= args.students * 4, f"nbgrader wrote {len(expected)} files"
        assert found == expected, (f"infoview-kit feedback and nbgrader generate_feedback wrote "
                                   f"different files ({len(found)} against {len(expected)})")
        print(f"feedback: identical files ({len(expected)}); infoview-kit feedback "
              f"{theirs['seconds'] / ours['seconds']:.2f}x faster")


if __name__ == "__main__":
    main()
