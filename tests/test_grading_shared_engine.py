"""A grading worker opens nbgrader's gradebook on one engine, with nbgrader's session semantics.

The sharing patches ``nbgrader.api.Gradebook`` for a whole process, so every check here runs in
a fresh interpreter of its own (``_run``); the test process's nbgrader is never changed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kit_paths import REPO

# Runs in a fresh interpreter: the gradebook at sys.argv[1], shared engines, prints JSON facts.
_SCRIPT = textwrap.dedent("""
    import json, subprocess, sys
    from nbgrader import api
    from infoview_kit.grading.shared_engine import dispose_shared_engines, share_gradebook_engines

    engines = []
    real_create_engine = api.create_engine
    def counting(*args, **kwargs):
        engines.append(args[0])
        return real_create_engine(*args, **kwargs)
    api.create_engine = counting
    share_gradebook_engines()
    share_gradebook_engines()  # a second call changes nothing
    url = sys.argv[1]
    facts = {}
    with api.Gradebook(url, "course") as gb:
        gb.add_student("ada", first_name="Ada")
    for _ in range(5):
        with api.Gradebook(url) as gb:
            gb.find_student("ada")
    # what a session did not commit is gone when its Gradebook closes, as with nbgrader
    with api.Gradebook(url) as gb:
        gb.find_student("ada").first_name = "Not committed"
        gb.db.flush()
    # a student whose grading crashes half-way: the with-block's exception rolls it back
    try:
        with api.Gradebook(url) as gb:
            gb.find_student("ada").first_name = "Crashed"
            gb.db.flush()
            raise RuntimeError("the student's grading failed here")
    except RuntimeError:
        pass
    # another process (plain nbgrader) writes between two openings: no lock is held by the
    # pooled connection, and the next opening sees what it committed
    writer = ("import sys; from nbgrader.api import Gradebook\\n"
              "with Gradebook(sys.argv[1]) as gb: gb.add_student('bob', first_name='Bob')")
    facts["other_process"] = subprocess.run([sys.executable, "-c", writer, url],
                                            capture_output=True, text=True, timeout=60).returncode
    with api.Gradebook(url) as gb:
        facts["students"] = sorted((s.id, s.first_name) for s in gb.students)
        facts["courses"] = sorted(c.id for c in gb.db.query(api.Course).all())
    facts["engines"] = len(engines)
    dispose_shared_engines()
    print(json.dumps(facts))
""")


def _run(url: str, cwd: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    run = subprocess.run([sys.executable, "-c", _SCRIPT, url], cwd=cwd, capture_output=True,
                         text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.splitlines()[-1])


@pytest.mark.nbgrader
def test_one_engine_serves_every_opening_with_nbgraders_commits(tmp_path):
    """Many openings, one engine; uncommitted and crashed work is rolled back; others can write."""
    facts = _run(f"sqlite:///{tmp_path / 'gradebook.db'}", tmp_path)
    assert facts["engines"] == 1
    assert facts["students"] == [["ada", "Ada"], ["bob", "Bob"]]
    assert facts["other_process"] == 0
    # nbgrader's course check still runs on every opening (it adds default_course, as before)
    assert facts["courses"] == ["course", "default_course"]


@pytest.mark.nbgrader
@pytest.mark.slow
def test_each_worker_creates_one_engine_for_all_its_students(generated_course, tmp_path):
    """Two workers grading five students open the gradebook ~100 times on two engines in all,
    and the gradebook they share holds every student's full marks."""
    from nbgrader.api import Gradebook

    from test_grading_grade import _class_of

    from infoview_kit.grading.pool import Job, run_pool

    course = _class_of(generated_course, tmp_path, 5)
    logs = tmp_path / "logs"
    logs.mkdir()
    replies = []
    run_pool(course, "autograde", "interviews", [Job(f"k{n:02d}") for n in range(5)], processes=2,
             options=[], log_dir=logs, on_result=replies.append)
    assert sorted(r["status"] for r in replies) == ["done"] * 5, replies
    texts = [log.read_text() for log in sorted(logs.glob("*.log"))]
    assert len(texts) == 2
    assert [text.count("one database engine for the gradebook") for text in texts] == [1, 1]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        totals = {s.id: gradebook.find_submission("interviews", s.id).score
                  for s in gradebook.students}
    assert totals == {f"k{n:02d}": 9.0 for n in range(5)}
