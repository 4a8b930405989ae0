"""Which messages work: positive-reply rates per group, honest about how little a dozen tell.

A student has sent a dozen messages, not thousands, so every rate comes with its 95% Wilson
score interval (scipy's, not a hand-rolled formula) and comparisons use Fisher's exact test,
which stays valid for tiny counts. The chart shows both the rate and how unsure it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .render import escape, html_table
from .vocabulary import (CHANNELS, COLUMN_ALIASES, CONNECTIONS, POSITIVE_NOTE, POSITIVE_REPLIES,
                         REPLIES, STYLES)
#: Label for rows where the grouping column is empty.
NOT_SET = "(not set)"
#: Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442",
             "#000000")
#: Hatches repeat the colour cue as a pattern, for grey-scale prints and projectors.
HATCHES = ("//", "..", "xx", "\\\\", "oo", "--", "++", "**")
_ORDER = {"style": STYLES, "connection": CONNECTIONS, "channel": CHANNELS, "reply": REPLIES}
_COLUMNS = ["sent", "replied", "rate", "ci_low", "ci_high"]


@lru_cache(maxsize=65536)
def wilson_interval(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for ``successes`` out of ``trials`` (NaN, NaN when 0 trials).

    Cached because a class has few distinct (successes, trials) pairs however many rows.
    """
    if trials == 0:
        return float("nan"), float("nan")
    from scipy.stats import binomtest

    ci = binomtest(int(successes), int(trials)).proportion_ci(confidence, method="wilson")
    return float(ci.low), float(ci.high)


def _frame(data) -> pd.DataFrame:
    return data.frame if hasattr(data, "frame") else data


def response_rates(data, by: str = "style") -> pd.DataFrame:
    """Messages sent, positive replies, rate and 95% Wilson interval per value of ``by``.

    Args:
        data: an :class:`~infoview_kit.tracker.OutreachLog` or its ``.frame``.
        by: any column: ``style``, ``variant``, ``channel``, ``connection``, ... (a column's
            other name, such as ``relationship``, is accepted too).

    Only messages actually sent count (a referral not yet contacted does not). ``replied``
    counts positive replies: ``yes`` or ``redirected`` (see :data:`POSITIVE_NOTE`).
    """
    frame = _frame(data)
    by = COLUMN_ALIASES.get(by, by)
    if by not in frame.columns:
        raise KeyError(f"the log has no column {by!r}; try one of {', '.join(frame.columns)}.")
    sent = frame[frame["sent_on"].notna()]
    counts = (pd.DataFrame({"group": sent[by].to_numpy(),
                            "positive": sent["reply"].isin(POSITIVE_REPLIES).to_numpy()})
              .groupby("group", sort=False)["positive"].agg(["size", "sum"]))
    counts.index = [NOT_SET if g == "" else str(g) for g in counts.index]
    counts = counts.groupby(level=0, sort=False).sum()  # "" and "(not set)" are one group
    known = _ORDER.get(by)
    if known:
        order = [g for g in known if g in counts.index]
        order += sorted(g for g in counts.index if g not in known)
    else:
        order = sorted(counts.index, key=lambda g: (-counts.at[g, "size"], g))
    counts = counts.loc[order]
    intervals = [wilson_interval(int(k), int(n)) for k, n in zip(counts["sum"], counts["size"])]
    table = pd.DataFrame({
        "sent": counts["size"].astype(int).to_numpy(),
        "replied": counts["sum"].astype(int).to_numpy(),
        "rate": (counts["sum"] / counts["size"]).to_numpy(),
        "ci_low": [lo for lo, _ in intervals],
        "ci_high": [hi for _, hi in intervals],
    }, index=pd.Index(order, name=by, dtype=object), columns=_COLUMNS)
    table.attrs["note"] = POSITIVE_NOTE
    return table


@dataclass(frozen=True)
class GroupComparison:
    """Two groups' positive replies side by side, and whether the data can tell them apart."""

    by: str
    a: str
    b: str
    replied_a: int
    sent_a: int
    replied_b: int
    sent_b: int
    #: Two-sided p-value of Fisher's exact test (NaN when a group is empty).
    p_value: float
    #: True when p_value < the chosen alpha: the gap is unlikely to be chance.
    can_tell_apart: bool
    #: The verdict in plain words.
    sentence: str

    def __repr__(self) -> str:
        return f"GroupComparison({self.sentence!r})"

    def _repr_html_(self) -> str:
        return f"<p>{escape(self.sentence)}<br><small>{escape(POSITIVE_NOTE)}</small></p>"


def compare_groups(data, a: str, b: str, by: str = "style", alpha: float = 0.05
                   ) -> GroupComparison:
    """Compare positive-reply rates of groups ``a`` and ``b`` of column ``by``.

    Uses Fisher's exact test because students have a dozen messages, where approximate tests
    mislead; the sentence says "not enough data yet" unless p < ``alpha``.
    """
    from scipy.stats import fisher_exact

    table = response_rates(data, by=by)
    k_a, n_a = _counts(table, a)
    k_b, n_b = _counts(table, b)
    counts = f"{k_a} of {n_a} vs {k_b} of {n_b}"
    if n_a == 0 or n_b == 0:
        empty = a if n_a == 0 else b
        return GroupComparison(by, a, b, k_a, n_a, k_b, n_b, float("nan"), False,
                               f"{counts}: no {empty} messages sent yet, so nothing to compare.")
    p_value = float(fisher_exact([[k_a, n_a - k_a], [k_b, n_b - k_b]]).pvalue)
    high, low = (a, b) if k_a / n_a >= k_b / n_b else (b, a)
    significant = p_value < alpha
    if k_a * n_b == k_b * n_a:
        verdict = f"{a} and {b} have the same rate so far"
    elif significant:
        verdict = (f"{high} got positive replies more often than {low}, and a gap this big "
                   "is unlikely to be chance")
    else:
        verdict = f"not enough data yet to say {high} beats {low}"
    sentence = f"{counts}: {verdict} (Fisher's exact test, p = {p_value:.2g})."
    return GroupComparison(by, a, b, k_a, n_a, k_b, n_b, p_value, significant, sentence)


def _counts(table: pd.DataFrame, group: str) -> tuple[int, int]:
    if group not in table.index:
        return 0, 0
    return int(table.at[group, "replied"]), int(table.at[group, "sent"])


def plot_response_rates(data, by: str = "style", ax=None, title: str | None = None):
    """Bar chart of positive-reply rates with 95% interval whiskers and ``n`` on each bar.

    Args:
        data: a log, its frame, or a table from :func:`response_rates`.
        by: the grouping column (ignored when ``data`` is already a rates table).
        ax: a matplotlib Axes to draw on, so the chart composes; a new figure when ``None``.

    Colours are Okabe-Ito and each bar also has its own hatch, so no one needs colour to
    tell the bars apart; a 0% bar is a dashed outline, so its group is seen to be there.
    Returns the Axes.
    """
    from matplotlib.ticker import PercentFormatter

    table = data if isinstance(data, pd.DataFrame) and "ci_low" in data.columns else \
        response_rates(data, by=by)
    by = table.index.name or by
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(max(4.5, 1.1 * len(table) + 2), 3.8),
                             layout="constrained")
    labels = [str(g) for g in table.index]
    heights = (table["rate"].fillna(0) * 100).to_numpy()
    positions = range(len(table))
    bars = ax.bar(positions, heights, width=0.6, edgecolor="black", linewidth=0.8,
                  color=[OKABE_ITO[i % len(OKABE_ITO)] for i in positions])
    for i, bar in enumerate(bars):
        bar.set_hatch(HATCHES[i % len(HATCHES)])
        if heights[i] == 0:
            _outline_zero_bar(ax, bar)
    low = (table["ci_low"] * 100).to_numpy()
    high = (table["ci_high"] * 100).to_numpy()
    has_ci = table["sent"].to_numpy() > 0
    ax.errorbar([p for p, ok in zip(positions, has_ci) if ok], heights[has_ci],
                yerr=[heights[has_ci] - low[has_ci], high[has_ci] - heights[has_ci]],
                fmt="none", ecolor="black", elinewidth=1.2, capsize=5)
    for position, top, n in zip(positions, high, table["sent"]):
        top = 0 if pd.isna(top) else top
        ax.text(position, top + 2, f"n = {int(n)}", ha="center", va="bottom", fontsize=9)
    ax.set_xticks(list(positions), labels, rotation=30 if len(labels) > 5 else 0,
                  ha="right" if len(labels) > 5 else "center")
    ax.set_ylim(0, 112)
    ax.set_yticks(range(0, 101, 20))
    ax.yaxis.set_major_formatter(PercentFormatter(100))
    ax.set_xlabel(by.replace("_", " ").capitalize())
    ax.set_ylabel("Positive replies (% of sent)")
    # short lines, and wrapped as well, so no line runs off a narrow figure's edge
    ax.set_title(title or f"{chart_title(by)}\n"
                          "(positive = yes or redirected;\nbars show 95% intervals)",
                 fontsize=10, wrap=True)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


#: Height (in % points) of the outline drawn for a 0% bar: a few pixels, clearly not a rate.
ZERO_OUTLINE_HEIGHT = 2.0


def _outline_zero_bar(ax, bar) -> None:
    """Outline a bar of height 0 (dashed, unfilled), so a group with no positive replies
    shows as a group that is there, not as one that is missing."""
    from matplotlib.patches import Rectangle

    ax.add_patch(Rectangle((bar.get_x(), 0), bar.get_width(), ZERO_OUTLINE_HEIGHT, fill=False,
                           edgecolor="black", linewidth=1.2, linestyle="--",
                           gid="zero-rate-outline"))


def chart_title(by: str) -> str:
    """The chart's headline for grouping column ``by``, shared by the chart and its alt text."""
    return f"Positive replies by {by.replace('_', ' ')}"


def response_rates_alt(table: pd.DataFrame, title: str | None = None) -> str:
    """What the chart of a :func:`response_rates` table shows, in words, for its ``alt`` text.

    A screen reader gets the same numbers the bars show: each group's positive replies out of
    messages sent, and the rate.
    """
    groups = ", ".join(
        f"{group} {int(row.replied)} of {int(row.sent)}"
        + (f" ({row.rate:.0%})" if int(row.sent) else "")
        for group, row in table.iterrows())
    return f"{title or chart_title(table.index.name or 'group')}: {groups}"


def response_rates_png(table: pd.DataFrame, title: str | None = None) -> bytes:
    """The chart of a :func:`response_rates` table as PNG bytes, drawn without pyplot.

    For places with no notebook display: the form's image and the class report.
    """
    import io

    from matplotlib.figure import Figure

    figure = Figure(figsize=(max(4.5, 0.9 * len(table) + 2.5), 3.8), layout="constrained")
    plot_response_rates(table, ax=figure.subplots(), title=title)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def rates_chart_html(table: pd.DataFrame, title: str | None = None) -> str:
    """The chart of a :func:`response_rates` table as an ``<img>`` whose alt text says the rates.

    An image with alt text, not a bare picture, because that is what a screen reader can name;
    the form and the class report both show the chart this way.
    """
    import base64

    png = base64.b64encode(response_rates_png(table, title)).decode("ascii")
    return (f'<img src="data:image/png;base64,{png}" '
            f'alt="{escape(response_rates_alt(table, title))}" '
            'style="max-width:100%;height:auto">')


def rates_table_html(table: pd.DataFrame, label: str) -> str:
    """A :func:`response_rates` table as an HTML table, its first column headed ``label``."""
    rows = [(group, int(r.sent), int(r.replied), _percent(r.rate),
             f"{_percent(r.ci_low)} to {_percent(r.ci_high)}") for group, r in table.iterrows()]
    return html_table([label, "Sent", "Positive replies", "Rate", "95% interval"], rows,
                      empty="No messages yet.")


def _percent(value: float) -> str:
    return "–" if pd.isna(value) else f"{value:.0%}"
