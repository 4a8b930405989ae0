"""The demo log: same picture for the whole class, realistic rates, valid by the log's own rules."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from infoview_kit.rates import compare_groups, response_rates
from infoview_kit.sample_log import make_sample_log
from infoview_kit.log_format import COLUMNS
from infoview_kit.tracker import OutreachLog

TODAY = date(2026, 11, 30)


def test_same_seed_same_log_and_another_seed_another():
    one = make_sample_log(60, seed=7, today=TODAY).frame
    pd.testing.assert_frame_equal(one, make_sample_log(60, seed=7, today=TODAY).frame)
    assert not one.equals(make_sample_log(60, seed=8, today=TODAY).frame)


def test_warm_and_direct_are_answered_far_more_often_than_cold():
    log = make_sample_log(2000, today=TODAY)
    rates = response_rates(log)["rate"]
    assert rates["warm"] > 2 * rates["cold"] and rates["direct"] > 2 * rates["cold"]
    assert compare_groups(log, "warm", "cold").can_tell_apart


def test_the_default_class_demo_already_shows_a_warm_cold_gap():
    """The 40-row demo a class sees has warm above cold (small, so maybe not 'significant')."""
    rates = response_rates(make_sample_log(today=TODAY))["rate"]
    assert rates["warm"] > rates["cold"]


def test_sample_log_round_trips_through_the_csv_rules(tmp_path):
    """Would the kit itself accept the sample as a student's file?"""
    log = make_sample_log(300, today=TODAY)
    assert list(log.frame.columns) == list(COLUMNS)
    log.save(tmp_path / "outreach_log.csv")
    again = OutreachLog.load(tmp_path / "outreach_log.csv")
    pd.testing.assert_frame_equal(again.frame, log.frame)


def test_dates_are_in_a_sensible_order():
    frame = make_sample_log(500, today=TODAY).frame
    today = pd.Timestamp(TODAY)
    assert (frame["sent_on"] < today).all()
    answered = frame["replied_on"].notna()
    assert (frame.loc[answered, "replied_on"] > frame.loc[answered, "sent_on"]).all()
    assert (frame.loc[answered, "replied_on"] <= today).all()
    assert set(frame["reply"]) <= {"", "yes", "declined", "redirected"}
    met = frame["meeting_on"].notna()
    assert (frame.loc[met, "reply"] == "yes").all()
    thanked = frame["thanked_on"].notna()
    assert (frame.loc[thanked, "thanked_on"] <= today).all()


@pytest.mark.parametrize("rows", [0, 1])
def test_tiny_logs_work(rows):
    assert len(make_sample_log(rows, today=TODAY)) == rows
