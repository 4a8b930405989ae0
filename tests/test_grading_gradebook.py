"""Which gradebook and exchange do the kit's commands use? The ones nbgrader itself would."""

from __future__ import annotations

import pytest

from infoview_kit.grading.gradebook import course_db_url, nbgrader_config


@pytest.fixture
def config_folders(tmp_path, monkeypatch):
    """A course folder, and a system-wide Jupyter config folder searched before it."""
    system = tmp_path / "etc-jupyter"
    system.mkdir()
    course = tmp_path / "course"
    course.mkdir()
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "user-jupyter"))
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(system))
    return system, course


def test_without_a_db_url_the_gradebook_is_sqlite_in_the_course(config_folders):
    _, course = config_folders
    assert course_db_url(course) == f"sqlite:///{course / 'gradebook.db'}"


def test_the_course_configs_db_url_is_used(config_folders):
    _, course = config_folders
    url = "postgresql+psycopg://grader@/gradebook?host=/var/run/postgresql"
    (course / "nbgrader_config.py").write_text(f"c = get_config()\nc.CourseDirectory.db_url = {url!r}\n")
    assert course_db_url(course) == url


def test_the_course_wins_over_the_system_wide_config_which_fills_the_rest(config_folders):
    """On a hub the exchange is set once in /etc/jupyter; the course sets its own gradebook."""
    system, course = config_folders
    (system / "nbgrader_config.py").write_text(
        "c = get_config()\nc.Exchange.root = '/srv/exchange'\n"
        "c.CourseDirectory.db_url = 'sqlite:////elsewhere.db'\n")
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.db_url = 'postgresql+psycopg:///course'\n")
    config = nbgrader_config(course)
    assert config.Exchange.root == "/srv/exchange"
    assert course_db_url(course) == "postgresql+psycopg:///course"
