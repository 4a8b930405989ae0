"""A made-up outreach log for class demos, seeded so every student sees the same picture.

The rates are chosen to look like what career advisers report: messages through a warm
introduction and to people you know get answered far more often than cold messages to
strangers. The people and companies are invented.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from .log_format import COLUMNS, DATE_COLUMNS
from .tracker import OutreachLog
from .vocabulary import STYLE_FOR, FOLLOW_UP_DAYS

#: Share of messages per style, and the chance of a positive / declining reply for each.
STYLE_MIX = {"direct": 0.2, "warm": 0.35, "cold": 0.45}
POSITIVE_CHANCE = {"direct": 0.55, "warm": 0.62, "cold": 0.14}
DECLINE_CHANCE = {"direct": 0.10, "warm": 0.10, "cold": 0.08}
#: The second message variant does a little worse, so a demo has something to compare.
VARIANTS = {"short ask": 1.0, "story first": 0.8}
_CHANNELS = {"direct": ("text", "email", "phone", "in_person"), "warm": ("intro", "email"),
             "cold": ("linkedin", "email")}
_FIRST = ("Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hiro", "Ines", "Jonah",
          "Kemi", "Luca", "Maya", "Nikhil", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tariq")
_LAST = ("Abara", "Bianchi", "Chen", "Dubois", "Eriksen", "Fofana", "Garcia", "Haddad",
         "Ivanova", "Jensen", "Kowalski", "Lopez", "Mensah", "Nakamura", "Okafor", "Patel")
_TITLES = ("Product manager", "Data analyst", "UX researcher", "Software engineer",
           "Marketing lead", "Policy adviser", "Nurse educator", "Financial analyst")
_COMPANIES = ("Northwind Labs", "Bluebird Health", "Cedar & Co", "Harbor Analytics",
              "Maple Civic Trust", "Orbit Games", "Riverside Bank", "Summit Studio")
_CONNECTION_FOR = {style: connection for connection, style in STYLE_FOR.items()}


def make_sample_log(rows: int = 40, seed: int = 2026, today: date | None = None) -> OutreachLog:
    """Return an unsaved :class:`OutreachLog` of ``rows`` invented messages.

    ``seed`` fixes every draw, so the same arguments give the same log for the whole class;
    dates are laid out over the two months before ``today`` (default: the current date).
    """
    rng = np.random.default_rng(seed)
    today = np.datetime64(today or date.today(), "D")
    styles = np.array(list(STYLE_MIX))[rng.choice(len(STYLE_MIX), rows, p=list(STYLE_MIX.values()))]
    variants = np.array(list(VARIANTS))[rng.integers(0, len(VARIANTS), rows)]
    boost = np.vectorize(VARIANTS.get)(variants) if rows else np.ones(0)
    positive = np.vectorize(POSITIVE_CHANCE.get)(styles) * boost if rows else np.ones(0)
    declined = np.vectorize(DECLINE_CHANCE.get)(styles) if rows else np.ones(0)
    draw = rng.random(rows)
    reply = np.where(draw < positive, np.where(rng.random(rows) < 0.85, "yes", "redirected"),
                     np.where(draw < positive + declined, "declined", ""))
    day = np.timedelta64(1, "D")
    sent = today - rng.integers(1, 61, rows) * day
    replied = sent + rng.integers(1, 11, rows) * day
    reply = np.where(replied <= today, reply, "")  # answers can't come from the future
    answered = reply != ""
    followed = ~answered & (sent <= today - FOLLOW_UP_DAYS * day) & (rng.random(rows) < 0.6)
    meeting = (replied + rng.integers(3, 13, rows) * day).astype("datetime64[m]") \
        + rng.integers(9 * 60, 17 * 60, rows) * np.timedelta64(1, "m")
    met = reply == "yes"
    thanked = met & (meeting.astype("datetime64[D]") < today - day) & (rng.random(rows) < 0.85)
    names = _names(rows, rng)
    referred = (styles == "warm") & (rng.random(rows) < 0.1) & met.any()
    referrers = names[met] if met.any() else names
    channel_pick = rng.integers(0, 4, rows)
    data = {
        "contact_name": names,
        "contact_title": np.array(_TITLES)[rng.integers(0, len(_TITLES), rows)],
        "company": np.array(_COMPANIES)[rng.integers(0, len(_COMPANIES), rows)],
        "connection": np.vectorize(_CONNECTION_FOR.get)(styles) if rows else styles,
        "style": styles,
        "channel": np.array([_CHANNELS[s][c % len(_CHANNELS[s])]
                             for s, c in zip(styles.tolist(), channel_pick.tolist())],
                            dtype=object),
        "variant": variants,
        "sent_on": sent,
        "replied_on": np.where(answered, replied, np.datetime64("NaT")),
        "reply": reply,
        "followed_up_on": np.where(followed, sent + rng.integers(FOLLOW_UP_DAYS, FOLLOW_UP_DAYS + 4, rows) * day,
                                   np.datetime64("NaT")),
        "meeting_on": np.where(met, meeting, np.datetime64("NaT")),
        "thanked_on": np.where(thanked, meeting.astype("datetime64[D]") + day,
                               np.datetime64("NaT")),
        "referred_by": np.where(referred, referrers[rng.integers(0, len(referrers), rows)]
                                if rows else "", ""),
        "notes": np.where(rng.random(rows) < 0.15, "met at the career fair", ""),
    }
    frame = pd.DataFrame({
        column: (pd.Series(data[column]).astype("datetime64[ns]") if column in DATE_COLUMNS
                 else pd.Series(data[column], dtype=object))
        for column in COLUMNS
    })
    return OutreachLog(frame)


def _names(rows: int, rng: np.random.Generator) -> np.ndarray:
    pairs = [f"{first} {last}" for first in _FIRST for last in _LAST]
    order = rng.permutation(len(pairs))
    names = [pairs[order[i % len(pairs)]] + (f" {i // len(pairs) + 1}" if i >= len(pairs)
                                             else "") for i in range(rows)]
    return np.array(names, dtype=object)
