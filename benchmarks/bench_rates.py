"""Time response_rates plus its chart on a 1,000,000-row log (target < 2 s), against a plain
pandas ``groupby().agg()`` on the same frame as the baseline.

The Wilson intervals are computed once per group (a handful), so the cost is the grouping
itself; the ratio shows what the intervals, ordering and checks add on top of pandas.
"""

from __future__ import annotations

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402

from infoview_kit.rates import POSITIVE_NOTE, plot_response_rates, response_rates  # noqa: E402
from infoview_kit.sample_log import make_sample_log  # noqa: E402
from infoview_kit.vocabulary import POSITIVE_REPLIES  # noqa: E402
from timing import median_seconds  # noqa: E402  (benchmarks/timing.py)

ROWS, TARGET, REPEATS = 1_000_000, 2.0, 5


def main() -> None:
    frame = make_sample_log(ROWS, seed=1, today=date(2026, 11, 30)).frame
    print(f"{ROWS:,} rows; {POSITIVE_NOTE}")
    print(f"{'grouped by':<10} {'baseline s':>10} {'rates s':>8} {'ratio':>6} "
          f"{'rates+chart s':>13} {'target':>7}")
    for by in ("style", "variant", "channel"):
        def baseline():
            (frame.assign(positive=frame["reply"].isin(POSITIVE_REPLIES))
             .groupby(by)
             .agg(sent=("sent_on", "count"), replied=("positive", "sum")))

        def rates():
            return response_rates(frame, by=by)

        def rates_and_chart():
            figure = Figure(figsize=(6, 4))
            plot_response_rates(response_rates(frame, by=by), ax=figure.subplots())
            # render it to PNG, as the notebook form does (a bare Figure's canvas.draw() is a no-op)
            figure.savefig(io.BytesIO(), format="png")

        base, ours, both = (median_seconds(f, REPEATS) for f in (baseline, rates, rates_and_chart))
        print(f"{by:<10} {base:10.3f} {ours:8.3f} {ours / base:6.2f} {both:13.3f} {TARGET:7.1f}")


if __name__ == "__main__":
    main()
