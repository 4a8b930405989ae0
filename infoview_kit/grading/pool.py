"""A pool of nbgrader worker processes, fed one student at a time.

Each worker (:mod:`infoview_kit.grading.worker`) pays nbgrader's start-up once and then takes
the next student as soon as it is free, so a slow submission never holds up a whole share of
the class, and progress is counted per student as each one finishes. Workers share the course's
gradebook, as two ``nbgrader autograde`` processes can. A worker that dies takes only the
student it was grading with it: that student is reported failed and a fresh worker takes the
rest. Ctrl+C stops every worker after nbgrader has cleaned up the student in progress: the
workers ignore the terminal's interrupt and stop on the pool's SIGTERM, so each is interrupted
exactly once.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: How long a worker may take to stop after Ctrl+C (a kernel being shut down) before it is killed.
STOP_SECONDS = 20


class PoolError(RuntimeError):
    """The workers could not start (a broken course configuration, say); nothing was done."""


@dataclass(frozen=True)
class Job:
    """One student to run nbgrader for; ``force`` redoes work nbgrader would skip."""

    student: str
    force: bool = False


class _Worker:
    def __init__(self, number: int, command: list[str], course: Path, log_path: Path,
                 events: queue.Queue) -> None:
        self.number = number
        self.log = open(log_path, "a", encoding="utf-8")
        self.process = subprocess.Popen(command, cwd=course, text=True, bufsize=1,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.log, errors="replace")
        self.log_path = log_path
        self.current: Job | None = None
        self.ready = False
        self.done = 0
        threading.Thread(target=self._read, args=(events,), daemon=True).start()

    def _read(self, events: queue.Queue) -> None:
        for line in self.process.stdout:
            try:
                events.put((self, json.loads(line)))
            except json.JSONDecodeError:
                continue  # not a reply (the protocol's lines are all JSON)
        events.put((self, None))

    def send(self, job: Job) -> None:
        self.current = job
        self.process.stdin.write(json.dumps({"student": job.student, "force": job.force}) + "\n")
        self.process.stdin.flush()

    def finish_input(self) -> None:
        try:
            self.process.stdin.close()
        except OSError:
            pass

    def stop(self) -> None:
        """Interrupt the worker (nbgrader cleans up), then kill it if it does not exit."""
        if self.process.poll() is None:
            try:
                os.kill(self.process.pid, signal.SIGTERM)
                self.process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            except ProcessLookupError:
                pass
        self.log.close()


def run_pool(course: Path, step: str, assignment: str, jobs: list[Job], *, processes: int,
             options: list[str], log_dir: Path, on_result: Callable[[dict], None],
             on_start: Callable[[Job], None] | None = None, max_per_worker: int = 0) -> int:
    """Run ``step`` for every job on ``processes`` workers; ``on_result`` gets each reply.

    ``on_start`` is called with each job just before a worker takes it.

    Returns how many worker processes were started. ``max_per_worker`` (0: no limit) retires a
    worker after that many students, so a leak in a long run cannot grow without bound.
    Raises :class:`PoolError` when a worker cannot start at all.
    """
    pending = deque(jobs)
    if not pending:
        return 0
    command = [sys.executable, "-m", "infoview_kit.grading.worker", step, assignment, *options]
    events: queue.Queue = queue.Queue()
    live: set[_Worker] = set()
    started = 0

    def start() -> None:
        nonlocal started
        started += 1
        number = (started - 1) % processes + 1
        live.add(_Worker(number, command, course, log_dir / f"{step}-{assignment}-{number}.log",
                         events))

    def next_job(worker: _Worker) -> None:
        if pending and not (max_per_worker and worker.done >= max_per_worker):
            job = pending.popleft()
            if on_start:
                on_start(job)
            worker.send(job)
        else:
            worker.current = None
            worker.finish_input()

    for _ in range(min(processes, len(pending))):
        start()
    try:
        while live:
            worker, reply = events.get()
            if reply is None:  # the worker exited
                worker.process.wait()
                live.discard(worker)
                worker.log.close()
                if not worker.ready:
                    raise PoolError(f"the nbgrader process stopped before it was ready (exit code "
                                    f"{worker.process.returncode}); see {worker.log_path}")
                if worker.current is not None:
                    code = worker.process.returncode
                    on_result({"student": worker.current.student, "status": "failed",
                               "errors": [f"the grading process stopped (exit code {code}) while "
                                          "on this student; see its log"], "timed_out": False})
                if pending and len(live) < processes:
                    start()
            elif "fatal" in reply:
                raise PoolError(reply["fatal"])
            elif reply.get("ready"):
                worker.ready = True
                next_job(worker)
            else:
                worker.done += 1
                on_result(reply)
                next_job(worker)
    except BaseException:
        for worker in list(live):
            worker.stop()
        raise
    return started


def finish_logs(log_dir, failed: bool) -> int:
    """Keep nbgrader's logs (and say where) when something failed, else remove them; the exit code."""
    import shutil

    if failed:
        print(f"nbgrader's full logs: {log_dir}")
        return 1
    shutil.rmtree(log_dir, ignore_errors=True)
    return 0
