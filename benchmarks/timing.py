"""Timing helper shared by the benchmark scripts (run them from anywhere: they add this folder)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(function: Callable[[], object], repeats: int = 5, warm_up: bool = True) -> float:
    """Median wall time of ``repeats`` calls; one untimed warm-up call first (imports, caches)."""
    if warm_up:
        function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
