"""The meeting plan: when and where, when to arrive and to end, and what to bring along.

The course's manners for the meeting itself turn into times and reminders here: five minutes
early in person but exactly on time for a call, thirty minutes and ending when promised,
thanks at the start and the end, the offer to pay at a café, notes on paper or a laptop.
The plan exports as a calendar event (with the questions in its description) and as a
one-page question sheet to print or keep open during the meeting.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from .fields import ErrorCollector, FieldError, clean_text, one_of
from .records import ProspectRecords
from .render import escape, show_date
from .storage import atomic_write_text, work_dir
from .vocabulary import THANK_YOU_HOURS

#: How the meeting happens.
MODES = ("in_person", "video", "phone")
#: Words a student sees for each mode.
MODE_LABELS = {"in_person": "In person", "video": "Video call", "phone": "Phone call"}
#: Thirty minutes is what the request promised: short enough to be an easy yes.
DEFAULT_MINUTES = 30
#: Shortest and longest meeting the form accepts.
MIN_MINUTES, MAX_MINUTES = 15, 60
#: In person you arrive this early; calls start exactly on time.
EARLY_IN_PERSON = dt.timedelta(minutes=5)
#: The thank-you note goes out within this long after the meeting.
THANK_YOU_WITHIN = dt.timedelta(hours=THANK_YOU_HOURS)

MEETING_FILE = "meeting.json"


@dataclass(frozen=True)
class MeetingPlan:
    """One planned informational interview (validated when built; errors name the field)."""

    #: The person you are meeting (the chosen prospect's name).
    who: str
    #: The day of the meeting.
    date: dt.date
    #: When it starts (local time).
    start: dt.time
    #: One of :data:`MODES`.
    mode: str = "video"
    #: Address or café for in person (required); link or number for calls (optional).
    place: str = ""
    #: Length in minutes (30 unless you agreed otherwise).
    minutes: int = DEFAULT_MINUTES
    #: Their job title and company, shown on the sheet and in the calendar.
    role: str = ""
    company: str = ""
    #: Your questions, in the order you mean to ask them.
    questions: tuple[str, ...] = ()
    #: Casual topics to connect on, from your research.
    openers: tuple[str, ...] = ()

    def __post_init__(self):
        set_ = lambda field, value: object.__setattr__(self, field, value)  # noqa: E731
        check = ErrorCollector()  # every wrong field at once, so the form can mark them all
        set_("who", check(clean_text, self.who, "who", label="Who you are meeting",
                          required=True, max_chars=100))
        if isinstance(self.date, dt.datetime) or not isinstance(self.date, dt.date):
            check.add(FieldError("date", "Pick the day of the meeting in the date picker."))
        if not isinstance(self.start, dt.time):
            check.add(FieldError("start", "Give the start time as hours and minutes, e.g. 09:30."))
        set_("mode", check(one_of, self.mode, "mode", MODES, label="How you meet"))
        place = check(clean_text, self.place, "place", label="Place", max_chars=300)
        if self.mode == "in_person" and not place:
            check.add(FieldError("place", "Place is empty: for an in-person meeting, write the "
                                          "café or office address (somewhere easy for them to "
                                          "reach)."))
        set_("place", place)
        if isinstance(self.minutes, bool) or not isinstance(self.minutes, int) or not (
                MIN_MINUTES <= self.minutes <= MAX_MINUTES):
            check.add(FieldError("minutes", f"Length must be between {MIN_MINUTES} and "
                                            f"{MAX_MINUTES} minutes; {DEFAULT_MINUTES} is what "
                                            "you asked for."))
        set_("role", check(clean_text, self.role, "role", max_chars=120))
        set_("company", check(clean_text, self.company, "company", max_chars=120))
        check.done()
        set_("questions", tuple(q.strip() for q in self.questions if q and q.strip()))
        set_("openers", tuple(o.strip() for o in self.openers if o and o.strip()))

    # -- derived times ------------------------------------------------------------------
    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.start)

    @property
    def arrive_by(self) -> dt.datetime:
        """Five minutes early in person; exactly on time for a call or video."""
        early = EARLY_IN_PERSON if self.mode == "in_person" else dt.timedelta(0)
        return self.starts_at - early

    @property
    def end_by(self) -> dt.datetime:
        """When you said you would end: the start plus the agreed length."""
        return self.starts_at + dt.timedelta(minutes=self.minutes)

    @property
    def thank_you_by(self) -> dt.datetime:
        """The latest time for the thank-you note (24 hours after the meeting ends)."""
        return self.end_by + THANK_YOU_WITHIN

    @property
    def checklist(self) -> list[str]:
        """The reminders for this meeting, in the order they come up."""
        items = []
        if self.mode == "in_person":
            items.append(f"Arrive by {_clock(self.arrive_by)}: five minutes early.")
            items.append("Dress the part: dress as you would for the role you want.")
        else:
            items.append(f"Join at {_clock(self.arrive_by)} exactly: on time, not early, not late.")
            if self.mode == "video":
                items.append("Dress the part, and check your camera and sound before joining.")
        items += [
            "Have a pen and paper or a laptop ready to take notes.",
            "Thank them at the start for making time for you.",
        ]
        if self.mode == "in_person":
            items.append("At a café, offer to pay for their order (and mean it).")
        items += [
            "You drive the conversation: ask your questions, you are there for information, "
            "not a job.",
            f"Wrap up by {_clock(self.end_by)}, as promised; stay longer only if they choose to.",
            "Thank them again at the end.",
            f"Send a thank-you note by {_when(self.thank_you_by)} (within {THANK_YOU_HOURS} hours), "
            "and follow up with anyone they suggest you contact.",
        ]
        return items

    # -- exports ------------------------------------------------------------------------
    @property
    def where(self) -> str:
        if self.place:
            return self.place if self.mode == "in_person" else f"{MODE_LABELS[self.mode]}: {self.place}"
        return MODE_LABELS[self.mode]

    def to_ics(self) -> bytes:
        """The meeting as an iCalendar file (one event, questions in the description, alarm).

        Times are "floating" (no time zone): a calendar app shows them at the same clock time
        wherever the student is, which is what they typed.
        """
        from icalendar import Alarm, Calendar, Event

        calendar = Calendar()
        calendar.add("prodid", "-//infoview_kit//meeting plan//EN")
        calendar.add("version", "2.0")
        event = Event()
        event.add("uid", f"{uuid.uuid5(uuid.NAMESPACE_URL, repr((self.who, self.starts_at)))}"
                         "@infoview-kit")
        event.add("dtstamp", dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
        event.add("summary", f"Informational interview with {self.who}")
        event.add("dtstart", self.starts_at)
        event.add("dtend", self.end_by)
        event.add("location", self.where)
        event.add("description", self._description())
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Informational interview with {self.who}: "
                                 f"{self.checklist[0]}")
        # an hour ahead leaves time to travel and to re-read the questions
        alarm.add("trigger", dt.timedelta(hours=-1))
        event.add_component(alarm)
        calendar.add_component(event)
        return calendar.to_ical()

    def _description(self) -> str:
        lines = [f"{self.who}" + (f", {self.role}" if self.role else "")
                 + (f" at {self.company}" if self.company else ""), ""]
        if self.openers:
            lines += ["Openers:"] + [f"- {o}" for o in self.openers] + [""]
        lines += ["Questions:"] + [f"{n}. {q}" for n, q in enumerate(self.questions, 1)]
        if not self.questions:
            lines.append("(add your questions in notebook 3)")
        lines += ["", "Reminders:"] + [f"- {item}" for item in self.checklist]
        return "\n".join(lines)

    def question_sheet_html(self) -> str:
        """A standalone one-page HTML sheet to print (or keep open) during the meeting."""
        subtitle = ", ".join(escape(x) for x in (self.role, self.company) if x)
        openers = "".join(f"<li>{escape(o)}</li>" for o in self.openers) or \
            "<li><em>Add openers in your research notes.</em></li>"
        questions = "".join(
            f'<li><p class="q">{escape(q)}</p><div class="notes" aria-label="notes"></div></li>'
            for q in self.questions) or "<li><em>Add your questions in notebook 3.</em></li>"
        reminders = "".join(f"<li>{escape(item)}</li>" for item in self.checklist)
        # share one A4 page's room for notes among the questions (px are 1/96 inch in print)
        notes_px = max(18, min(90, 640 // max(len(self.questions), 1) - 24))
        return _SHEET.format(
            who=escape(self.who), subtitle=subtitle, when=escape(_when(self.starts_at)),
            end=escape(_clock(self.end_by)), where=escape(self.where),
            arrive=escape(_clock(self.arrive_by)), openers=openers, questions=questions,
            reminders=reminders, notes_px=notes_px)

    def export(self, folder: str | Path | None = None) -> tuple[Path, Path]:
        """Write the ``.ics`` file and the question sheet into the work folder; return paths."""
        folder = Path(folder if folder is not None else work_dir())
        stem = f"meeting_{_slug(self.who)}"
        ics = folder / f"{stem}.ics"
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(ics, self.to_ics().decode("utf-8"))
        sheet = atomic_write_text(folder / f"questions_{_slug(self.who)}.html",
                                  self.question_sheet_html())
        return ics, sheet

    # -- saving -------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """What is saved in ``meeting.json`` (questions and openers live in their own files)."""
        return {"date": self.date.isoformat(), "start": self.start.strftime("%H:%M"),
                "mode": self.mode, "place": self.place, "minutes": self.minutes}

    def __repr__(self) -> str:
        return (f"MeetingPlan({self.who!r}, {_when(self.starts_at)}-{_clock(self.end_by)}, "
                f"{self.mode}, arrive_by={_clock(self.arrive_by)})")

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{escape(item)}</li>" for item in self.checklist)
        return (f"<p><strong>Meeting with {escape(self.who)}</strong>: "
                f"{escape(_when(self.starts_at))} to {escape(_clock(self.end_by))}, "
                f"{escape(self.where)}.</p><ul>{items}</ul>")


def plan_meeting(*, who: str, date: dt.date | None, start: dt.time | str | None, mode: str,
                 place: str = "", minutes: int = DEFAULT_MINUTES, today: dt.date | None = None,
                 **extra) -> MeetingPlan:
    """Build a plan from form values, refusing a date in the past.

    ``today`` is a parameter so tests (and a course run in another time zone) can fix it.
    A saved plan whose day has passed still loads with :class:`MeetingPlan`; only planning
    a new meeting in the past is an error.
    """
    check = ErrorCollector()  # the plan's own errors join these, one per field
    today = today or dt.date.today()
    if isinstance(date, dt.date) and not isinstance(date, dt.datetime) and date < today:
        check.add(FieldError("date", f"{show_date(date)} is in the past: pick a day from "
                                     f"{show_date(today)} on."))
    plan = check(MeetingPlan, who=who, date=date, start=check(parse_time, start, default=None),
                 mode=mode, place=place, minutes=minutes, default=None, **extra)
    check.done()
    return plan


# "14:30", "14.30", "14h", "14h30", "2pm", "2 pm", "2:30 p.m.", "11.45am"
_TIME = re.compile(r"(\d{1,2})(?:\s*(?:[:.h])\s*(\d{2})?)?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE)


def parse_time(value: dt.time | str | None) -> dt.time:
    """Read a start time as people type it: "9:30", "14:05", "14h", "2pm" or "2:30 pm".

    A bare number ("9") is refused rather than guessed: nine in the morning and nine in the
    evening are both plausible, and a plan at the wrong hour is worse than a question.
    """
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    text = (value or "").strip()
    match = _TIME.fullmatch("12:00" if text.lower() in ("noon", "midday") else text)
    if match and (match[2] or match[3] or re.search(r"[:.h]", text, re.IGNORECASE)):
        hours, minutes, half = int(match[1]), int(match[2] or 0), (match[3] or "").lower()
        if half:  # "14pm" is no time at all
            hours = hours % 12 + (12 if half == "p" else 0) if 1 <= hours <= 12 else 99
        if hours < 24 and minutes < 60:
            return dt.time(hours, minutes)
    if not text:
        raise FieldError("start", "Type the start time, like 09:30, 14:00 or 2:30 pm.")
    if text.isdigit() and int(text) < 24:
        raise FieldError("start", f'"{text}" could be morning or evening: type it with minutes or '
                                  f'am/pm, like {int(text):02d}:00 or {int(text) % 12 or 12} pm.')
    raise FieldError("start", f'"{text}" is not a time the kit can read: type it like 09:30, 14:00 '
                              "or 2:30 pm.")


def load_meeting(prospect, folder: str | Path | None = None, **extra) -> MeetingPlan | None:
    """The plan saved for ``prospect`` (a name), or ``None`` if there is none (or it is unusable)."""
    saved = ProspectRecords(MEETING_FILE, folder).get(prospect)
    if not isinstance(saved, dict):
        return None
    try:
        return MeetingPlan(who=prospect, date=dt.date.fromisoformat(saved["date"]),
                           start=parse_time(saved["start"]), mode=saved.get("mode", "video"),
                           place=saved.get("place", ""),
                           minutes=saved.get("minutes", DEFAULT_MINUTES), **extra)
    except (KeyError, TypeError, ValueError):
        return None


def save_meeting(plan: MeetingPlan, folder: str | Path | None = None) -> Path:
    """Save ``plan`` in ``meeting.json`` under its prospect's name."""
    return ProspectRecords(MEETING_FILE, folder).set(plan.who, plan.to_dict())


def _clock(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M")


def _when(moment: dt.datetime) -> str:
    return show_date(moment)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_") or "meeting"


_SHEET = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Questions for {who}</title>
<style>
  body {{ font-family: Georgia, serif; max-width: 46rem; margin: 1.5rem auto; color: #111; }}
  h1 {{ font-size: 1.4rem; margin: 0; }}
  h2 {{ font-size: 1.05rem; margin: 1rem 0 .3rem; border-bottom: 1px solid #999; }}
  .meta {{ margin: .3rem 0; }}
  ol.questions li {{ margin-bottom: .4rem; }}
  .q {{ margin: 0; font-weight: bold; }}
  .notes {{ height: 3.2rem; border-bottom: 1px dotted #777; }}
  ul {{ margin: .2rem 0; }}
  @media print {{
    @page {{ size: A4; margin: 12mm; }}
    body {{ margin: 0; font-size: 10pt; max-width: none; }}
    h2 {{ margin-top: .6rem; }}
    ul.reminders {{ columns: 2; column-gap: 1.5rem; font-size: 9pt; }}
    .notes {{ height: {notes_px}px; }}
    li, .q {{ break-inside: avoid; }}
  }}
</style>
</head>
<body>
<h1>Informational interview with {who}</h1>
<p class="meta">{subtitle}</p>
<p class="meta"><strong>When:</strong> {when} to {end} &middot; <strong>Arrive / join:</strong> {arrive}
&middot; <strong>Where:</strong> {where}</p>
<h2>Reminders</h2>
<ul class="reminders">{reminders}</ul>
<h2>Openers</h2>
<ul>{openers}</ul>
<h2>Questions</h2>
<ol class="questions">{questions}</ol>
</body>
</html>
"""
