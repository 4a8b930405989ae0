"""Accuracy of ``check_question`` and ``check_message`` on the blind-written corpus.

Prints, for the chosen part of ``tests/data/corpus/`` (``test`` by default: the part no rule was
ever tuned on), the four headline figures against their targets, then confusion tables per
question category, per message kind and per rule. ``--misses`` lists the rows judged wrongly,
for the ``dev`` part only: reading test rows would turn them into tuning data.

Usage: .venv/bin/python benchmarks/bench_checker_accuracy.py [--split dev|test|all] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import checker_corpus as corpus  # noqa: E402


def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "-"


def print_questions(scores: corpus.QuestionScores) -> None:
    print("\nQuestions that must be refused, by category")
    print(f"{'category':<12} {'refused (right)':>18} {'let through':>12}")
    for category in sorted(scores.refuse_total):
        n, d = scores.caught[category], scores.refuse_total[category]
        print(f"{category:<12} {pct(n, d):>18} {d - n:>12}")
    print("\nQuestions that are fine, by category")
    print(f"{'category':<12} {'passed (right)':>18} {'refused':>12}")
    for category in sorted(scores.ok_total):
        n, d = scores.wrongly_refused[category], scores.ok_total[category]
        print(f"{category:<12} {pct(d - n, d):>18} {n:>12}")


def print_messages(scores: corpus.MessageScores) -> None:
    print("\nMessages, by kind (ok vs not ok)")
    print(f"{'kind':<14} {'judged right':>14} {'good: passed':>14} {'good: problem':>14} {'bad: caught':>14} {'bad: passed':>12}")
    for kind in sorted(scores.total):
        gt, gf = scores.good_total[kind], scores.good_flagged[kind]
        bt, bc = scores.bad_total[kind], scores.bad_caught[kind]
        print(f"{kind:<14} {pct(scores.right[kind], scores.total[kind]):>14} {gt - gf:>14} {gf:>14} {bc:>14} {bt - bc:>12}")
    print("\nRules: fired on messages labelled with the problem, and on good messages")
    print(f"{'kind':<14} {'rule':<20} {'caught':>14} {'false alarms':>13}")
    keys = sorted(set(scores.rule_labelled) | set(scores.rule_false))
    for kind, rule in keys:
        labelled = scores.rule_labelled[(kind, rule)]
        print(f"{kind:<14} {rule:<20} {pct(scores.rule_hit[(kind, rule)], labelled):>14} {scores.rule_false[(kind, rule)]:>13}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--misses", action="store_true", help="list the dev rows judged wrongly")
    args = parser.parse_args()
    split = None if args.split == "all" else args.split
    questions = corpus.load("questions", split)
    messages = corpus.load("messages", split)
    q, m = corpus.score_questions(questions), corpus.score_messages(messages)
    print(f"Checker accuracy on the {args.split} part: {len(questions)} questions, {len(messages)} messages")
    print(f"{'figure':<30} {'measured':>9} {'target':>8} {'result':>7}")
    for name, value in corpus.headline(q, m).items():
        target, direction = corpus.TARGETS[name]
        sign = ">=" if direction == "min" else "<="
        print(f"{name:<30} {100 * value:>8.1f}% {sign}{100 * target:>5.0f}% {'PASS' if corpus.meets(name, value) else 'FAIL':>7}")
    print_questions(q)
    print_messages(m)
    if args.misses:
        if args.split != "dev":
            print("\n--misses lists dev rows only; run with --split dev", file=sys.stderr)
            return 2
        print("\nDev questions judged wrongly")
        for row in q.misses:
            print(f"  [{row['label']}/{row['category']}] {row['text']}")
        print("\nDev messages judged wrongly")
        for row, report in m.misses:
            print(f"--- [{row['kind']} ok={row['ok']} {row['problems']}] reader={row.get('reader')} hours={row.get('hours_since_meeting')}")
            print(row["text"])
            print(f"=> {report!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
