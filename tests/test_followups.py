"""What's due: follow-ups after two weeks, thank-yous within 24 hours, check-ins, referrals."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from infoview_kit.followups import DueList, FollowUpRule, due_actions
from infoview_kit.tracker import OutreachLog


def _log(*messages: dict) -> OutreachLog:
    log = OutreachLog()
    for message in messages:
        log.add_outreach(**{"style": "warm", **message})
    return log


@pytest.mark.parametrize("day, listed, overdue", [(13, False, None), (14, True, False),
                                                  (15, True, True)])
def test_follow_up_after_two_weeks_without_reply(day, listed, overdue):
    """Day 13: nothing yet; day 14: due today; day 15: overdue by a day."""
    log = _log({"contact_name": "Bo Li", "sent_on": "2026-11-01"})
    due = log.due(date(2026, 11, 1 + day))
    assert bool(due) is listed
    if listed:
        (action,) = due
        assert (action.contact_name, action.action) == ("Bo Li", "follow up")
        assert action.due_on == date(2026, 11, 15) and action.overdue is overdue
        assert action.when(datetime(2026, 11, 1 + day)) == (
            "overdue by 1 day" if overdue else "due today")


def test_follow_up_interval_is_a_parameter():
    log = _log({"contact_name": "Bo Li", "sent_on": "2026-11-01"})
    assert not log.due(date(2026, 11, 7), rule=FollowUpRule(first_days=7))
    assert log.due(date(2026, 11, 8), rule=FollowUpRule(first_days=7))[0].action == "follow up"


def test_default_rule_follows_up_once_only():
    log = _log({"contact_name": "Bo Li", "sent_on": "2026-10-01", "followed_up_on": "2026-10-15"})
    assert not log.due(date(2026, 12, 31))


def test_business_day_schedule_three_then_seven():
    """Sent on a Friday: follow up 3 business days later (Wed), then 7 more (Fri next week)."""
    log = _log({"contact_name": "Bo Li", "sent_on": "2026-11-06"})
    rule = FollowUpRule.business(3, 7)
    assert not log.due(date(2026, 11, 10), rule=rule)
    assert log.due(date(2026, 11, 11), rule=rule)[0].due_on == date(2026, 11, 11)
    log.record_follow_up("Bo Li", "2026-11-11")
    assert not log.due(date(2026, 11, 19), rule=rule)
    assert log.due(date(2026, 11, 20), rule=rule)[0].due_on == date(2026, 11, 20)


@pytest.mark.parametrize("reply", ["yes", "declined", "redirected"])
def test_no_follow_up_once_they_answered(reply):
    log = _log({"contact_name": "Bo Li", "sent_on": "2026-10-01"})
    log.record_reply("Bo Li", reply, "2026-10-03")
    assert not [a for a in log.due(date(2026, 12, 1)) if a.action == "follow up"]


def test_a_newer_message_to_the_same_person_replaces_the_old_follow_up():
    log = _log({"contact_name": "Bo Li", "sent_on": "2026-10-01", "channel": "email"},
               {"contact_name": "Bo Li", "sent_on": "2026-10-20", "channel": "linkedin"})
    (action,) = log.due(date(2026, 11, 3))
    assert action.due_on == date(2026, 11, 3)


@pytest.mark.parametrize("now, overdue", [(datetime(2026, 11, 11, 13, 0), False),
                                          (datetime(2026, 11, 11, 15, 0), True)])
def test_thank_you_within_24_hours_of_the_meeting(now, overdue):
    """A meeting 23 hours ago: thank-you still on time; 25 hours ago: overdue."""
    log = _log({"contact_name": "Ana Ruiz", "sent_on": "2026-11-01"})
    log.record_reply("Ana Ruiz", "yes", "2026-11-02")
    log.record_meeting("Ana Ruiz", datetime(2026, 11, 10, 14, 0))
    (action,) = log.due(now)
    assert action.action == "send thank-you" and action.overdue is overdue
    assert action.due_at == datetime(2026, 11, 11, 14, 0)
    assert ("overdue" in action.when()) is overdue


def test_thank_you_for_a_meeting_without_a_time_is_due_by_the_next_day():
    log = _log({"contact_name": "Ana Ruiz", "sent_on": "2026-11-01"})
    log.record_meeting("Ana Ruiz", "2026-11-10")
    assert log.due(date(2026, 11, 11))[0].overdue is False
    assert log.due(date(2026, 11, 12))[0].overdue is True


def test_no_thank_you_before_the_meeting_happens():
    log = _log({"contact_name": "Ana Ruiz", "sent_on": "2026-11-01"})
    log.record_reply("Ana Ruiz", "yes", "2026-11-02")
    log.record_meeting("Ana Ruiz", datetime(2026, 11, 10, 14, 0))
    assert not log.due(datetime(2026, 11, 10, 13, 59))


def test_check_in_every_few_weeks_after_a_meeting():
    log = _log({"contact_name": "Ana Ruiz", "sent_on": "2026-11-01"})
    log.record_meeting("Ana Ruiz", "2026-11-10")
    log.record_thank_you("Ana Ruiz", "2026-11-11")
    assert not log.due(date(2026, 12, 1))
    (action,) = log.due(date(2026, 12, 2))
    assert action.action == "check in" and action.due_on == date(2026, 12, 2)
    assert not log.due(date(2026, 12, 1), check_in_days=30)


def test_contact_the_people_someone_referred_you_to():
    log = _log({"contact_name": "Ana Ruiz", "sent_on": "2026-11-01"},
               {"contact_name": "Cy Park", "referred_by": "Ana Ruiz"})
    log.record_meeting("Ana Ruiz", "2026-11-10")
    log.record_thank_you("Ana Ruiz", "2026-11-10")
    (action,) = log.due(date(2026, 11, 12))
    assert action.action == "contact referral" and action.contact_name == "Cy Park"
    assert action.due_on == date(2026, 11, 10) and "Ana Ruiz" in action.reason


def test_within_days_shows_what_is_coming_up():
    log = _log({"contact_name": "Bo Li", "sent_on": "2026-11-01"})
    assert not log.due(date(2026, 11, 10))
    assert log.due(date(2026, 11, 10), within_days=5)[0].when(datetime(2026, 11, 10)) == \
        "due Sun 15 Nov 2026"


def test_due_list_is_sorted_and_shows_as_an_escaped_table():
    log = _log({"contact_name": "<Sam & Co>", "sent_on": "2026-10-20"},
               {"contact_name": "Bo Li", "sent_on": "2026-10-01"})
    due = log.due(date(2026, 11, 20))
    assert isinstance(due, DueList)
    assert [a.contact_name for a in due] == ["Bo Li", "<Sam & Co>"]
    html = due._repr_html_()
    assert "&lt;Sam &amp; Co&gt;" in html and "<Sam" not in html
    assert "follow up Bo Li (overdue)" in repr(due)
    assert "Nothing is due" in DueList()._repr_html_()


def test_due_actions_works_on_a_bare_frame():
    log = _log({"contact_name": "Bo Li", "sent_on": "2026-11-01"})
    assert due_actions(log.frame, date(2026, 11, 15))[0].contact_name == "Bo Li"


@pytest.mark.parametrize("bad", [0, -3, 2.5])
def test_rule_refuses_nonsense_intervals(bad):
    with pytest.raises(ValueError, match="first_days"):
        FollowUpRule(first_days=bad)
