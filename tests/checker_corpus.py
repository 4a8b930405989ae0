"""The labelled corpus the checkers are measured on, and the measures.

The corpus in ``tests/data/corpus/`` was written blind: its writers knew the course's rules and
nothing of the checkers' code. Each row says which part it belongs to: ``dev`` rows may be read
while tuning a rule; ``test`` rows are only ever counted, never read, so the accuracy on them is
an honest estimate of how the checkers do on text nobody here wrote.

Used by ``tests/test_checker_corpus.py`` (which fails below the targets) and by
``benchmarks/bench_checker_accuracy.py`` (which prints the confusion tables).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).parent / "data" / "corpus"
SPLITS = ("dev", "test")

# The targets the checkers must meet on the test part.
TARGETS = {
    "refusals caught": (0.95, "min"),
    "good questions refused": (0.02, "max"),
    "messages judged right": (0.95, "min"),
    "good messages with a problem": (0.05, "max"),
}

# The writers labelled each bad message with the course rule it breaks, in the course's words;
# this is the checker rule that stands for it, per kind where the same words mean two rules.
PROBLEM_RULE = {
    "placeholder": "no_placeholders",
    "too_long": "too_long",
    "no_name": "names_reader",
    "wrong_name": "names_reader",
    "late_ask": "opens_with_request",
    "not_personal": "personal",
    "no_context": "gives_context",
    "impolite": "polite",
    "demanding": "respectful",
    "long_meeting": "short_meeting",
    "job_ask": "no_job_ask",
    "resume": "no_resume",
    "attachment": "no_attachment",
    "no_target": "names_who_to_meet",
    "no_reason": "says_why",
    "guilt": "no_guilt",
    "no_thanks": "thanks_them",
    "no_times": "proposes_times",
    "rigid": "offers_choice",
    "late_thanks": "sent_within_24h",
    "nothing_learned": "names_learning",
}
NO_ASK_RULE = {"request": "opens_with_request", "follow_up": "restates_ask", "intro_request": "names_who_to_meet"}


def rule_for(kind: str, problem: str) -> str:
    """The checker rule that stands for the writer's *problem* code in a message of *kind*."""
    if problem == "no_ask":
        return NO_ASK_RULE.get(kind, "opens_with_request")
    return PROBLEM_RULE[problem]


def load(name: str, split: str | None = None) -> list[dict]:
    """Rows of ``questions`` or ``messages``, optionally of one part only."""
    rows = [json.loads(line) for line in (CORPUS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


@dataclass
class QuestionScores:
    """How ``check_question`` did on a set of labelled questions."""

    caught: Counter = field(default_factory=Counter)  # refuse rows refused, per category
    refuse_total: Counter = field(default_factory=Counter)
    wrongly_refused: Counter = field(default_factory=Counter)  # ok rows refused, per category
    ok_total: Counter = field(default_factory=Counter)
    misses: list[dict] = field(default_factory=list)

    @property
    def refusals_caught(self) -> float:
        return sum(self.caught.values()) / max(1, sum(self.refuse_total.values()))

    @property
    def good_refused(self) -> float:
        return sum(self.wrongly_refused.values()) / max(1, sum(self.ok_total.values()))


def score_questions(rows: list[dict]) -> QuestionScores:
    from infoview_kit.questions import check_question

    scores = QuestionScores()
    for row in rows:
        refused = check_question(row["text"]).severity == "problem"
        if row["label"] == "refuse":
            scores.refuse_total[row["category"]] += 1
            scores.caught[row["category"]] += refused
            if not refused:
                scores.misses.append(row)
        else:
            scores.ok_total[row["category"]] += 1
            scores.wrongly_refused[row["category"]] += refused
            if refused:
                scores.misses.append(row)
    return scores


@dataclass
class MessageScores:
    """How ``check_message`` did on a set of labelled messages."""

    right: Counter = field(default_factory=Counter)  # per kind
    total: Counter = field(default_factory=Counter)
    good_flagged: Counter = field(default_factory=Counter)  # good messages given a problem, per kind
    good_total: Counter = field(default_factory=Counter)
    bad_caught: Counter = field(default_factory=Counter)
    bad_total: Counter = field(default_factory=Counter)
    # per rule: fired on a message labelled with it / labelled with it / fired on a good message
    rule_hit: Counter = field(default_factory=Counter)
    rule_labelled: Counter = field(default_factory=Counter)
    rule_false: Counter = field(default_factory=Counter)
    misses: list[tuple[dict, object]] = field(default_factory=list)

    @property
    def judged_right(self) -> float:
        return sum(self.right.values()) / max(1, sum(self.total.values()))

    @property
    def good_with_problem(self) -> float:
        return sum(self.good_flagged.values()) / max(1, sum(self.good_total.values()))


def check_row(row: dict):
    from infoview_kit.checker import check_message

    return check_message(row["text"], row["kind"], reader_name=row.get("reader"),
                         hours_since_meeting=row.get("hours_since_meeting"))


def score_messages(rows: list[dict]) -> MessageScores:
    scores = MessageScores()
    for row in rows:
        kind = row["kind"]
        report = check_row(row)
        fired = {f.rule for f in report.problems}
        scores.total[kind] += 1
        scores.right[kind] += report.ok == row["ok"]
        if report.ok != row["ok"]:
            scores.misses.append((row, report))
        if row["ok"]:
            scores.good_total[kind] += 1
            scores.good_flagged[kind] += not report.ok
            for rule in fired:
                scores.rule_false[(kind, rule)] += 1
        else:
            scores.bad_total[kind] += 1
            scores.bad_caught[kind] += not report.ok
            for problem in row["problems"]:
                rule = rule_for(kind, problem)
                scores.rule_labelled[(kind, rule)] += 1
                scores.rule_hit[(kind, rule)] += rule in fired
    return scores


def headline(questions: QuestionScores, messages: MessageScores) -> dict[str, float]:
    """The four figures the targets are set on."""
    return {
        "refusals caught": questions.refusals_caught,
        "good questions refused": questions.good_refused,
        "messages judged right": messages.judged_right,
        "good messages with a problem": messages.good_with_problem,
    }


def meets(name: str, value: float) -> bool:
    target, direction = TARGETS[name]
    return value >= target if direction == "min" else value <= target
