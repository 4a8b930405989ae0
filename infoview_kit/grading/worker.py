"""One long-lived nbgrader process that autogrades (or writes feedback for) one student at a time.

    python -m infoview_kit.grading.worker {autograde|feedback} ASSIGNMENT [--Class.trait=VALUE ...]

Started by ``infoview-kit grade`` and ``infoview-kit feedback`` in the course directory, one per
core. It pays nbgrader's start-up (imports, the course's ``nbgrader_config.py``) once, then runs
nbgrader's own converter (``Autograde`` or ``GenerateFeedback``) for each student named on
stdin, exactly as ``nbgrader autograde ASSIGNMENT --student=ID`` would (it is also how nbgrader's
formgrader autogrades a single submission), and answers with one JSON line on stdout per
student. nbgrader's log goes to stderr, which the parent writes to a log file. Every opening of the
gradebook in the worker reuses one database engine (:mod:`.shared_engine`).

Protocol, one JSON object a line: the worker first says ``{"ready": true}`` (or
``{"fatal": "..."}`` and exits 2); then for each ``{"student": ID, "force": BOOL}`` read it
answers ``{"student": ID, "status": "done"|"skipped"|"failed", "errors": [...],
"timed_out": BOOL, "seconds": S}``. End of stdin ends it (exit 0), after the student in
progress; SIGTERM stops it after nbgrader has cleaned up that student (exit 130).
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import re
import signal
import sys
import time
import traceback

from .shared_engine import dispose_shared_engines, share_gradebook_engines

#: step -> (nbgrader app, the converter it runs); both classes are nbgrader's own.
STEPS = {
    "autograde": ("nbgrader.apps.autogradeapp:AutogradeApp", "nbgrader.converters:Autograde"),
    "feedback": ("nbgrader.apps.generatefeedbackapp:GenerateFeedbackApp",
                 "nbgrader.converters:GenerateFeedback"),
}
_SKIPPED = "Skipping existing assignment"
_TIMED_OUT = "Timeout waiting for execute reply"
# Lines nbgrader logs around every failure; they say nothing about this one.
_GENERIC = ("There was an error processing", "Please see the", "Interrupting kernel")
_EXCEPTION_LINE = re.compile(r"^\s*[\w.]+(Error|Exception)\b.*$", re.MULTILINE)


def _load(spec: str):
    module, name = spec.split(":")
    return getattr(importlib.import_module(module), name)


class _Records(logging.Handler):
    """Keeps the log records of one student's run."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def error_lines(records: list[logging.LogRecord]) -> list[str]:
    """The error messages worth showing an instructor, a traceback reduced to its last error."""
    found = []
    for record in records:
        if record.levelno < logging.ERROR:
            continue
        message = record.getMessage().strip()
        if message.startswith("Traceback (most recent call last)"):
            errors = [match.group(0).strip() for match in _EXCEPTION_LINE.finditer(message)]
            message = errors[-1] if errors else message.splitlines()[-1]
        # a timeout is reported as timed_out; the error that follows it says what it cost
        if message and not message.startswith(_GENERIC + (_TIMED_OUT,)) and message not in found:
            found.append(message)
    return found


def start_app(step: str, assignment: str, options: list[str]):
    """nbgrader's app for ``step``, initialised as its command would be; raises on a bad config."""
    app_class, _ = STEPS[step]
    app = _load(app_class)()
    startup = _Records()
    app.log.addHandler(startup)
    app.initialize(options)
    app.log.removeHandler(startup)
    # nbgrader logs a broken nbgrader_config.py and goes on without it (with none of the
    # course's settings: no sandbox, no rubric); here that stops everything.
    broken = [r.getMessage() for r in startup.records
              if r.levelno >= logging.ERROR and "loading config file" in r.getMessage()]
    if broken:
        raise RuntimeError(f"{broken[0]}; fix nbgrader_config.py (run 'nbgrader {step} "
                           f"{assignment} --debug' to see the error)")
    app.coursedir.assignment_id = assignment
    return app


def run_student(app, step: str, student: str, force: bool) -> dict:
    """Run nbgrader's converter for one student; what happened, as a JSON-ready dict."""
    converter_class = _load(STEPS[step][1])
    records = _Records()
    app.log.addHandler(records)
    started = time.monotonic()
    status = "done"
    app.coursedir.student_id = student
    try:
        converter = converter_class(coursedir=app.coursedir, parent=app)
        converter.force = force
        converter.start()
    except KeyboardInterrupt:
        raise
    except Exception as error:  # noqa: BLE001 - nbgrader's NbGraderException and anything else
        status = "failed"
        if not getattr(error, "__module__", "").startswith("nbgrader"):
            app.log.error("%s", traceback.format_exc())
    finally:
        app.log.removeHandler(records)
    messages = [r.getMessage() for r in records.records]
    if status == "done" and any(m.startswith(_SKIPPED) for m in messages):
        status = "skipped"
    return {"student": student, "status": status, "errors": error_lines(records.records),
            "timed_out": any(_TIMED_OUT in m for m in messages),
            "seconds": round(time.monotonic() - started, 3)}


def main(argv: list[str]) -> int:
    """Serve students from stdin until it closes; see the module docstring for the protocol."""
    if len(argv) < 2 or argv[0] not in STEPS:
        print(__doc__, file=sys.stderr)
        return 2
    step, assignment, options = argv[0], argv[1], argv[2:]
    # The pool stops a worker with SIGTERM, turned into nbgrader's own way to stop (it cleans up
    # the student in progress); a Ctrl+C in the terminal reaches the pool alone. A Python
    # handler, not SIG_IGN, so the kernels started from here still get interrupts.
    signal.signal(signal.SIGINT, lambda *_: None)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    reply = sys.stdout
    # nbgrader opens the gradebook 21 times a student; here each opening reuses one engine
    share_gradebook_engines()
    # nbgrader's own prints (and anything a preprocessor prints) must not mix with the replies.
    sys.stdout = sys.stderr
    try:
        try:
            app = start_app(step, assignment, options)
        except Exception as error:  # noqa: BLE001 - reported to the parent, which explains it
            reply.write(json.dumps({"fatal": str(error)}) + "\n")
            reply.flush()
            return 2
        print(f"[infoview-kit worker {os.getpid()}] ready: nbgrader {step} {assignment}",
              file=sys.stderr, flush=True)
        reply.write(json.dumps({"ready": True}) + "\n")
        reply.flush()
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            result = run_student(app, step, request["student"], bool(request.get("force")))
            reply.write(json.dumps(result) + "\n")
            reply.flush()
    except KeyboardInterrupt:
        return 130
    finally:
        dispose_shared_engines()
    return 0


if __name__ == "__main__":
    exit_code = main(sys.argv[1:])
    # Everything is written and committed by now; skipping the interpreter's teardown of
    # nbgrader's imports saves about two seconds per process.
    logging.shutdown()
    sys.stderr.flush()
    sys.__stdout__.flush()
    os._exit(exit_code)
