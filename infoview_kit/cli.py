"""The ``infoview-kit`` command: instructor tools for a whole class.

Each subcommand lives in the module of its concept and parses its own arguments; this module
only dispatches, so ``infoview-kit --help`` stays fast and a subcommand pays only for its own
imports.
"""

from __future__ import annotations

import importlib
import sys

# subcommand -> (module, function taking argv and returning an exit code, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    "cohort": ("infoview_kit.cohort", "cohort_command",
               "class-wide response rates from every student's outreach log, as an HTML report"),
    "grade": ("infoview_kit.grading.grade", "grade_command",
              "autograde a whole class with nbgrader, on every core"),
    "feedback": ("infoview_kit.grading.feedback", "feedback_command",
                 "nbgrader generate_feedback for a whole class, on every core"),
    "collect": ("infoview_kit.grading.collect", "collect_command",
                "nbgrader collect, refusing submissions forged under another student's name"),
    "export": ("infoview_kit.grading.export", "export_command", "grades per rubric point with a status, and a Canvas import CSV"),
    "add-assignment": ("infoview_kit.grading.course_layout", "add_assignment_command",
                       "lay out an nbgrader course with the interviews assignment, or add it to one"),
}


def _usage() -> str:
    lines = ["usage: infoview-kit COMMAND [ARGS...]", "", "commands:"]
    lines += [f"  {name:<15} {help_}" for name, (_, _, help_) in SUBCOMMANDS.items()]
    lines += ["", "Run 'infoview-kit COMMAND --help' for a command's options."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run ``infoview-kit``; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(_usage())
        return 0
    name, rest = argv[0], argv[1:]
    if name not in SUBCOMMANDS:
        print(f"infoview-kit: unknown command {name!r}\n\n{_usage()}", file=sys.stderr)
        return 2
    module, function, _ = SUBCOMMANDS[name]
    return int(getattr(importlib.import_module(module), function)(rest) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
