"""What's due: the next thing to do for each person in the outreach log, and by when.

The course's rhythm (its deadlines are :mod:`infoview_kit.vocabulary`'s): if two weeks pass
without an answer, follow up once; after a meeting, thank the person within 24 hours, then check
in every few weeks; and reach out to anyone they referred you to. These rules read the log's
dates and never change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd

from .render import counted, html_table, show_date
from .vocabulary import CHECK_IN_DAYS, FOLLOW_UP_DAYS, THANK_YOU_HOURS


@dataclass(frozen=True)
class FollowUpRule:
    """When to follow up on a message that got no answer.

    ``first_days`` after sending; then, if ``then_days`` is set, that long after each
    follow-up (the log keeps the latest follow-up date). ``business_days`` counts Monday to
    Friday only, for schedules like "3 business days, then 7".
    """

    #: Days from sending to the first follow-up (the course says two weeks).
    first_days: int = FOLLOW_UP_DAYS
    #: Days from one follow-up to the next; ``None`` means follow up once only.
    then_days: int | None = None
    #: Count Monday-Friday only.
    business_days: bool = False

    def __post_init__(self):
        for name in ("first_days", "then_days"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or value < 1):
                raise ValueError(f"{name} should be a whole number of days (1 or more), "
                                 f"not {value!r}.")

    @classmethod
    def business(cls, first_days: int = 3, then_days: int | None = 7) -> FollowUpRule:
        """A business-day schedule: by default 3 business days, then every 7."""
        return cls(first_days, then_days, business_days=True)

    def next_follow_up(self, sent_on: date, followed_up_on: date | None) -> date | None:
        """The day the next follow-up is due, or ``None`` when none is."""
        if followed_up_on is None:
            start, days = sent_on, self.first_days
        elif self.then_days is not None:
            start, days = followed_up_on, self.then_days
        else:
            return None
        if self.business_days:
            return np.busday_offset(start, days, roll="forward").astype(date)
        return start + timedelta(days=days)


@dataclass(frozen=True)
class DueAction:
    """One thing to do: for whom, what, by when and why."""

    contact_name: str
    #: "follow up", "send thank-you", "check in" or "contact referral".
    action: str
    #: The day it is due.
    due_on: date
    #: Why the kit suggests it, in a sentence.
    reason: str
    #: True when the due moment has passed.
    overdue: bool
    #: The exact deadline when the log has a time (a meeting's thank-you), else ``None``.
    due_at: datetime | None = None

    def when(self, now: datetime | None = None) -> str:
        """A short phrase: "overdue by 2 days", "due today", "by Wed 4 Nov 2026, 14:30"."""
        if self.due_at is not None:
            stamp = show_date(self.due_at)
            return f"overdue (was due by {stamp})" if self.overdue else f"by {stamp}"
        today = (now or datetime.now()).date()
        days = (today - self.due_on).days
        if days > 0:
            return f"overdue by {counted(days, 'day')}"
        return "due today" if days == 0 else f"due {show_date(self.due_on)}"


class DueList(list):
    """The due actions, earliest first; shows as a small table in a notebook."""

    def __repr__(self) -> str:
        if not self:
            return "DueList(nothing due)"
        lines = [f"{a.due_on} {a.action} {a.contact_name}{' (overdue)' if a.overdue else ''}"
                 for a in self]
        return "DueList(\n  " + "\n  ".join(lines) + "\n)"

    def _repr_html_(self) -> str:
        return self.table_html()

    def table_html(self, caption: str = "What's due in your outreach") -> str:
        """The due actions as an HTML table; a form with its own heading passes ``caption=""``."""
        rows = [(a.when(), a.contact_name, a.action, a.reason) for a in self]
        return html_table(["When", "Who", "What to do", "Why"], rows,
                          caption=caption,
                          empty="Nothing is due: you're up to date.")


def _as_datetime(value: date | datetime | None) -> datetime:
    if value is None:
        return datetime.now()
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.combine(value, time.min)  # a bare date means the start of that day


def _day(value) -> date | None:
    return None if pd.isna(value) else value.date()


def due_actions(frame: pd.DataFrame, today: date | datetime | None = None, *,
                rule: FollowUpRule | None = None, check_in_days: int = CHECK_IN_DAYS,
                within_days: int = 0) -> DueList:
    """List the actions due by ``today`` (+ ``within_days``) for an outreach log's frame.

    Args:
        frame: an :class:`~infoview_kit.tracker.OutreachLog`'s ``.frame``.
        today: now; a date means the start of that day (default: the current time).
        rule: when to follow up on unanswered messages (default: once, after 14 days).
        check_in_days: how often to check in after a meeting.
        within_days: also list what falls due in the next few days.

    Only each person's latest message counts, so writing to someone again (a new row)
    replaces the follow-up for the older one.
    """
    rule = rule or FollowUpRule()
    now = _as_datetime(today)
    horizon = now.date() + timedelta(days=within_days)
    actions: list[DueAction] = []
    latest: dict[str, object] = {}
    for row in frame.sort_values("sent_on", na_position="last", kind="stable").itertuples():
        key = row.contact_name.strip().casefold()
        if key not in latest or not pd.isna(row.sent_on):
            latest[key] = row
    met_on = {key: _day(r.meeting_on) or _day(r.replied_on) for key, r in latest.items()}
    for row in latest.values():
        action = _next_action(row, now, horizon, rule, check_in_days, met_on)
        if action is not None:
            actions.append(action)
    return DueList(sorted(actions, key=lambda a: (a.due_on, a.contact_name)))


def _next_action(row, now: datetime, horizon: date, rule: FollowUpRule, check_in_days: int,
                 met_on: dict) -> DueAction | None:
    name = row.contact_name
    if pd.isna(row.sent_on):  # a referral not contacted yet
        referrer = row.referred_by
        due_on = met_on.get(referrer.strip().casefold()) or now.date()
        return DueAction(name, "contact referral", due_on,
                         f"{referrer} suggested you talk to {name}: reach out and mention "
                         f"{referrer}.", overdue=due_on < now.date())
    if not pd.isna(row.meeting_on) and row.meeting_on <= now:
        met = row.meeting_on.to_pydatetime()
        if pd.isna(row.thanked_on):
            if met.time() == time.min:  # no time of day known: by the end of the next day
                due_on, due_at = met.date() + timedelta(days=1), None
                overdue = now.date() > due_on
            else:
                due_at = met + timedelta(hours=THANK_YOU_HOURS)
                due_on, overdue = due_at.date(), now > due_at
            return DueAction(name, "send thank-you", due_on,
                             f"You met on {show_date(met.date())}; a thank-you within {THANK_YOU_HOURS} "
                             "hours shows you valued their time.", overdue=overdue, due_at=due_at)
        last = max(d for d in (_day(row.meeting_on), _day(row.thanked_on),
                               _day(row.followed_up_on)) if d is not None)
        due_on = last + timedelta(days=check_in_days)
        if due_on > horizon:
            return None
        return DueAction(name, "check in", due_on,
                         f"Last in touch on {show_date(last)}; share an update or how their advice "
                         "helped.", overdue=due_on < now.date())
    if row.reply or not pd.isna(row.replied_on):
        return None  # they answered: nothing to chase
    due_on = rule.next_follow_up(_day(row.sent_on), _day(row.followed_up_on))
    if due_on is None or due_on > horizon:
        return None
    since = _day(row.followed_up_on) or _day(row.sent_on)
    return DueAction(name, "follow up", due_on,
                     f"No answer since {show_date(since)}; they may have missed your message.",
                     overdue=due_on < now.date())
