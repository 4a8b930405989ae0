"""Which gradebook a course uses: nbgrader's ``CourseDirectory.db_url``, read as nbgrader reads it.

SQLite (``gradebook.db`` in the course folder) is nbgrader's default and right for one machine;
on a hub with several graders the course config points ``db_url`` at PostgreSQL. Commands of the
kit that open the gradebook themselves (``infoview-kit export``) take the URL from here; the ones
that run nbgrader in the course folder (``grade``, ``collect``) get the same URL from nbgrader,
which reads the same files (``collect`` reads the exchange's place from here too).
"""

from __future__ import annotations

from pathlib import Path


def nbgrader_config(course: str | Path):
    """The nbgrader configuration of ``course`` as nbgrader sees it: every ``nbgrader_config.py``
    of the Jupyter config folders (system, environment, user), then the course folder's (it wins).

    On a hub the exchange and the authentication plugin are set once for everyone in
    ``/etc/jupyter/nbgrader_config.py``; the course folder's file sets the rest.
    """
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    merged = Config()
    for folder in [*reversed(jupyter_config_path()), str(course)]:
        if (Path(folder) / "nbgrader_config.py").is_file():
            merged.merge(PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config())
    return merged


def course_db_url(course: str | Path) -> str:
    """The gradebook URL of ``course``: its ``c.CourseDirectory.db_url``, else SQLite's
    ``gradebook.db`` in the course folder (nbgrader's default)."""
    return (nbgrader_config(course).CourseDirectory.get("db_url")
            or f"sqlite:///{Path(course) / 'gradebook.db'}")
