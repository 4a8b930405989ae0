"""infoview_kit: the helper package behind the informational-interview course notebooks.

Notebooks import what they need from here; every name in ``__all__`` is documented in the
README. Names are loaded on first use so that ``import infoview_kit`` stays cheap: the
checkers are called on every keystroke and the summary notebook is re-run once per student at
grading time, so neither should pay for pandas or matplotlib unless it uses them.
"""

from __future__ import annotations

import importlib

# public name -> module that defines it (relative to this package)
_EXPORTS: dict[str, str] = {
    "SavedWorkError": "storage",
    "atomic_write_text": "storage",
    "load_json": "storage",
    "save_json": "storage",
    "work_dir": "storage",
    "FieldError": "fields",
    "Prospect": "prospects",
    "ProspectList": "prospects",
    "style_for": "prospects",
    "chosen_prospect": "prospects",
    "ResearchNotes": "research",
    "QuestionList": "question_list",
    "MeetingPlan": "meeting",
    "plan_meeting": "meeting",
    "prospects_form": "forms.prospects",
    "request_form": "forms.request",
    "research_form": "forms.research",
    "questions_form": "forms.questions",
    "meeting_form": "forms.meeting",
    "OutreachLog": "tracker",
    "OutreachLogError": "log_format",
    "FollowUpRule": "followups",
    "response_rates": "rates",
    "compare_groups": "rates",
    "plot_response_rates": "rates",
    "make_sample_log": "sample_log",
    "outreach_tracker": "forms.tracker",
    "meeting_tracker": "graded_cells",
    "MESSAGE_KINDS": "checker",
    "Finding": "checker",
    "MessageReport": "checker",
    "check_message": "checker",
    "QUESTION_BANK": "questions",
    "QUESTIONS_TO_AVOID": "questions",
    "QuestionVerdict": "questions",
    "check_question": "questions",
    "message_template": "templates",
    "InterviewSummary": "summary",
    "RubricPoint": "rubric",
    "RubricResult": "rubric",
    "check_point": "graded_cells",
    "grade_summary": "rubric",
    "load_summary": "summary",
    "save_summary": "summary",
    "show_summary": "graded_cells",
    "use_answer": "graded_cells",
    "self_check": "graded_cells",
    "summary_form": "graded_cells",
    "thank_you_form": "graded_cells",
}

__all__ = sorted(_EXPORTS)
__version__ = "0.1.0"


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'infoview_kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
