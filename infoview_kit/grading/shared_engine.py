"""One database engine per gradebook URL for a grading worker's life, instead of one per opening.

nbgrader opens the gradebook afresh every time it needs it: 21 times for each student's
autograde (the student and submission rows, then four or five steps for each notebook). Each
``nbgrader.api.Gradebook(...)`` builds a new SQLAlchemy engine, connects, checks the schema
(``inspect`` plus ``create_all``, a dozen queries) and the course row, and ``close()`` disposes
of the engine again. In a long-lived worker (:mod:`.worker`) that was about 280 ms a student,
a quarter of its time.

:func:`share_gradebook_engines` changes that inside the calling process only (the worker calls
it before nbgrader starts; nothing else in the kit or in nbgrader's own commands does): the
first opening of a URL is nbgrader's own, unchanged (it creates the tables and the alembic
version of a new gradebook); later openings reuse that engine and its pool of connections and
skip the schema check, which that first opening has done. What every opening still does as
before: a new session of its own (nbgrader's ``scoped_session``), the course check and its
commit, and on ``close()`` the removal of that session, which rolls back whatever it did not
commit and returns its connection to the pool. Only the engine's disposal is left out, so the
connections stay open for the next opening; no session or transaction outlives its
``with Gradebook(...)``. Connections are checked before use (``pool_pre_ping``), so one that a
PostgreSQL server closed while a long notebook ran is replaced, not failed on.
"""

from __future__ import annotations

import os
import sys
import threading

#: URL -> the engine every Gradebook of this process on that URL uses.
_ENGINES: dict[str, object] = {}
_LOCK = threading.Lock()


def share_gradebook_engines() -> None:
    """Make every later ``nbgrader.api.Gradebook`` of this process reuse one engine per URL.

    Call it once, in a process that grades (the kit's worker); calling it again does nothing.
    """
    from nbgrader import api

    if getattr(api.Gradebook, "_infoview_shared_engines", False):
        return
    from sqlalchemy.orm import scoped_session, sessionmaker

    nbgrader_init, nbgrader_close = api.Gradebook.__init__, api.Gradebook.close
    create_engine = api.create_engine  # the name nbgrader's __init__ calls

    def first_engine(db_url, **options):
        engine = create_engine(db_url, **options, pool_pre_ping=True)
        _ENGINES[db_url] = engine
        print(f"[infoview-kit worker {os.getpid()}] one database engine for the gradebook "
              f"{engine.url.render_as_string(hide_password=True)}, reused by every opening",
              file=sys.stderr, flush=True)
        return engine

    def __init__(self, db_url, course_id="default_course", authenticator=None):
        with _LOCK:
            engine = _ENGINES.get(db_url)
            if engine is None:
                # nbgrader's own opening, with the engine kept: it creates a new gradebook's
                # tables and alembic version
                api.create_engine = first_engine
                try:
                    nbgrader_init(self, db_url, course_id, authenticator)
                    return
                except BaseException:
                    failed = _ENGINES.pop(db_url, None)
                    if failed is not None:
                        failed.dispose()
                    raise
                finally:
                    api.create_engine = create_engine
        # the rest of nbgrader's __init__, as it does it, on the shared engine
        self.engine = engine
        self.db = scoped_session(sessionmaker(autoflush=True, bind=engine, future=True))
        try:
            self.check_course(course_id=course_id)
        except BaseException:
            self.db.remove()  # no half-open session left behind on a failed opening
            raise
        self.course_id = course_id
        self.authenticator = authenticator

    def close(self):
        if not any(self.engine is shared for shared in _ENGINES.values()):
            return nbgrader_close(self)
        self.db.remove()  # the session's end, as nbgrader's close(); the engine stays

    api.Gradebook.__init__ = __init__
    api.Gradebook.close = close
    api.Gradebook._infoview_shared_engines = True


def dispose_shared_engines() -> None:
    """Close the shared engines' connections (a worker's last step, so a server sees them end)."""
    with _LOCK:
        engines = list(_ENGINES.values())
        _ENGINES.clear()
    for engine in engines:
        engine.dispose()
