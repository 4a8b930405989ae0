"""Response rates: counts, Wilson intervals, Fisher comparisons and a chart that shows them."""

from __future__ import annotations

from math import comb

import matplotlib

matplotlib.use("Agg")  # noqa: E402  (no display in tests)
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from infoview_kit.rates import (HATCHES, NOT_SET, OKABE_ITO, POSITIVE_NOTE, compare_groups,
                                plot_response_rates, response_rates, response_rates_alt,
                                wilson_interval)
from infoview_kit.tracker import OutreachLog


def _log(counts: dict[str, tuple[int, int]], by: str = "style") -> OutreachLog:
    """A log with, per group, ``(positive, sent)`` messages; one extra 'declined' per group."""
    log = OutreachLog()
    for group, (positive, sent) in counts.items():
        for i in range(sent):
            reply = ("yes" if i % 2 else "redirected") if i < positive else \
                ("declined" if i == positive else "")
            fields = {"style": "warm", by: group} if by != "style" else {"style": group}
            log.add_outreach(f"{group} {i}", sent_on="2026-11-03", reply=reply, **fields)
    return log


# Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison
# of seven methods", Statistics in Medicine 17:857-872, Table II, method 3 (Wilson score
# interval without continuity correction), 95% limits to four decimals.
NEWCOMBE_1998 = [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605),
                 (0, 20, 0.0000, 0.1611), (1, 29, 0.0061, 0.1718)]


@pytest.mark.parametrize("successes, trials, low, high", NEWCOMBE_1998)
def test_wilson_interval_matches_published_values(successes, trials, low, high):
    got_low, got_high = wilson_interval(successes, trials)
    assert round(got_low, 4) == low and round(got_high, 4) == high


def test_wilson_interval_of_nothing_is_undefined():
    low, high = wilson_interval(0, 0)
    assert low != low and high != high  # NaN


def test_response_rates_counts_yes_and_redirected_as_positive():
    """Declined and unanswered messages count as sent but not as positive replies."""
    table = response_rates(_log({"cold": (2, 20), "warm": (6, 20), "direct": (3, 4)}))
    assert list(table.index) == ["direct", "warm", "cold"]  # the course's order, not the log's
    assert list(table.columns) == ["sent", "replied", "rate", "ci_low", "ci_high"]
    assert table.loc["warm", ["sent", "replied"]].tolist() == [20, 6]
    assert table.loc["warm", "rate"] == pytest.approx(0.3)
    assert (table.loc["warm", "ci_low"], table.loc["warm", "ci_high"]) == \
        pytest.approx(wilson_interval(6, 20))
    assert table.attrs["note"] == POSITIVE_NOTE


def test_response_rates_by_any_column_with_blanks_grouped():
    log = _log({"short ask": (3, 6), "story first": (1, 4), "": (0, 2)}, by="variant")
    table = log.response_rates(by="variant")
    assert list(table.index) == ["short ask", "story first", NOT_SET]  # most sent first
    assert table["sent"].tolist() == [6, 4, 2]


def test_referrals_not_yet_contacted_are_not_counted_as_sent():
    log = _log({"warm": (1, 2)})
    log.add_outreach("Cy Park", style="warm", referred_by="warm 0")
    assert response_rates(log).loc["warm", "sent"] == 2


def test_unknown_column_is_a_clear_error():
    with pytest.raises(KeyError, match="no column 'mood'"):
        response_rates(_log({"warm": (1, 2)}), by="mood")


def _fisher_two_sided(a: int, n_a: int, b: int, n_b: int) -> float:
    """Fisher's exact p from the hypergeometric distribution, written out independently."""
    total, positives = n_a + n_b, a + b
    def p(x):  # noqa: E306
        return comb(n_a, x) * comb(n_b, positives - x) / comb(total, positives)
    observed = p(a)
    support = range(max(0, positives - n_b), min(n_a, positives) + 1)
    return sum(p(x) for x in support if p(x) <= observed * (1 + 1e-9))


def test_compare_groups_says_when_the_data_cannot_tell():
    """The issue's own example: 6 of 20 vs 2 of 20 is not enough to say warm beats cold."""
    result = compare_groups(_log({"warm": (6, 20), "cold": (2, 20)}), "warm", "cold")
    assert result.sentence.startswith(
        "6 of 20 vs 2 of 20: not enough data yet to say warm beats cold")
    assert result.can_tell_apart is False
    assert result.p_value == pytest.approx(_fisher_two_sided(6, 20, 2, 20))
    assert "Fisher" in repr(result) and "redirect" in result._repr_html_()


def test_compare_groups_says_when_the_gap_is_real():
    result = compare_groups(_log({"warm": (16, 20), "cold": (2, 20)}), "cold", "warm")
    assert result.can_tell_apart is True
    assert result.sentence.startswith("2 of 20 vs 16 of 20: warm got positive replies more "
                                      "often than cold")
    assert result.p_value == pytest.approx(_fisher_two_sided(2, 20, 16, 20))


def test_compare_groups_with_an_empty_group_or_equal_rates():
    log = _log({"warm": (2, 4), "direct": (1, 2)})
    assert "no cold messages sent yet" in compare_groups(log, "warm", "cold").sentence
    assert "same rate" in compare_groups(log, "warm", "direct").sentence


def test_chart_bars_whiskers_and_labels_show_the_rates():
    """Read the figure back: bar heights, tick labels, n labels, whiskers, title, axes."""
    counts = {"direct": (3, 4), "warm": (6, 20), "cold": (2, 20)}
    table = response_rates(_log(counts))
    figure = Figure()
    left, right = figure.subplots(1, 2)
    returned = plot_response_rates(table, ax=right)
    assert returned is right and not left.patches  # draws only where it is told
    bars = right.patches
    assert [round(b.get_height(), 6) for b in bars] == [75.0, 30.0, 10.0]
    assert [t.get_text() for t in right.get_xticklabels()] == ["direct", "warm", "cold"]
    assert sorted(t.get_text() for t in right.texts) == ["n = 20", "n = 20", "n = 4"]
    assert [to_hex(b.get_facecolor()).upper() for b in bars] == [c.upper() for c in OKABE_ITO[:3]]
    assert [b.get_hatch() for b in bars] == list(HATCHES[:3])
    (whiskers,) = right.collections  # the vertical interval lines
    spans = [sorted(seg[:, 1]) for seg in whiskers.get_segments()]
    for (low, high), (_, row) in zip(spans, table.iterrows()):
        assert low == pytest.approx(row["ci_low"] * 100)
        assert high == pytest.approx(row["ci_high"] * 100)
    assert "Positive replies by style" in right.get_title()
    assert "yes or redirected" in right.get_title()
    assert right.get_xlabel() == "Style" and "%" in right.get_ylabel()


@pytest.mark.parametrize("title", [None, "Positive replies by relationship, whole class of "
                                          "the autumn term, all sections together"])
def test_chart_title_fits_inside_the_smallest_chart(title):
    """Is every title line inside the image, even on the narrowest chart the kit draws?"""
    figure = Figure(figsize=(4.5, 3.8), layout="constrained")
    ax = plot_response_rates(response_rates(_log({"warm": (1, 2), "cold": (0, 1)})),
                             ax=figure.subplots(), title=title)
    canvas = FigureCanvasAgg(figure)  # the renderer the PNG is drawn with
    canvas.draw()
    box = ax.title.get_window_extent(canvas.get_renderer())
    assert 0 <= box.x0 and box.x1 <= figure.bbox.width, (box, figure.bbox)


def test_chart_alt_text_gives_each_groups_count_and_rate():
    """Does the chart's text alternative carry the numbers the bars show, in chart order?"""
    table = response_rates(_log({"warm": (2, 4), "cold": (0, 3)}))
    assert response_rates_alt(table) == \
        "Positive replies by style: warm 2 of 4 (50%), cold 0 of 3 (0%)"
    assert response_rates_alt(table, "Whole class").startswith("Whole class: warm 2 of 4")


def test_chart_from_a_log_and_an_empty_group():
    log = _log({"short ask": (1, 3), "": (0, 1)}, by="variant")
    ax = plot_response_rates(log, by="variant", ax=Figure().subplots())
    assert [t.get_text() for t in ax.get_xticklabels()] == ["short ask", NOT_SET]
    assert ax.get_xlabel() == "Variant"


def test_a_zero_rate_bar_is_drawn_as_an_outline_with_its_n():
    """A group with no positive replies must not look missing: an outline at 0, and its n."""
    table = response_rates(_log({"warm": (2, 4), "cold": (0, 3)}))
    ax = plot_response_rates(table, ax=Figure().subplots())
    cold_x = ax.get_xticks()[1]
    outlines = [p for p in ax.patches if p.get_gid() == "zero-rate-outline"]
    assert len(outlines) == 1, ax.patches
    (outline,) = outlines
    assert outline.get_height() > 0 and not outline.get_fill()
    assert outline.get_x() < cold_x < outline.get_x() + outline.get_width()
    assert outline.get_edgecolor()[3] == 1  # an opaque edge
    assert any(t.get_text() == "n = 3" and t.get_position()[0] == cold_x for t in ax.texts)
