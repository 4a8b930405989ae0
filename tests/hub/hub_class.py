"""The whole class on one machine: accounts, exchange, course folder, gradebook and the hub.

:func:`open_class` lays the course out the way docs/jupyterhub.md tells an administrator to, with
the kit installed from its wheel, then starts the hub; :meth:`Classroom.close` stops everything
it started, by process id, and removes the accounts and folders.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import hub_accounts
from hub_accounts import Account, run_as
from hub_browser import free_port
from hub_postgres import PostgresCluster
from hub_server import Hub, start_hub

REPO = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).resolve().parent / "config"
ARTIFACTS = REPO / "test-artifacts"
COURSE_ID = "infoview"
ASSIGNMENT = "interviews"
GRADEBOOK_DB = "infoview_gradebook"
#: Lab settings for the tests (no news pop-up; every cell attached to the page for locators).
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}
#: nbgrader's parts students must not get; the grader account turns the formgrader back on.
INSTRUCTOR_SERVER_EXTENSIONS = ["nbgrader.server_extensions.formgrader",
                                "nbgrader.server_extensions.course_list"]
INSTRUCTOR_LAB_EXTENSIONS = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:course-list",
                             "@jupyter/nbgrader:create-assignment"]


@dataclass
class Classroom:
    """Everything one test module's class consists of, and how to act as its people."""

    environment: Path
    base: Path
    exchange: Path
    config_path: Path
    accounts: dict[str, Account]
    course: Path
    db_url: str
    postgres: PostgresCluster | None = None
    hub: Hub | None = None
    hub_start_seconds: float = 0.0
    tokens: dict[str, str] = field(default_factory=dict)
    #: seconds each step took (written to test-artifacts/hub-timings-GRADEBOOK.json)
    timings: dict[str, float] = field(default_factory=dict)
    #: the shared environment's config files this class wrote, and what each held before (None:
    #: it did not exist), put back on close: the environment outlives the class
    replaced: dict[Path, bytes | None] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str):
        """Time one step of the class (for benchmarks/README.md; tests never check timings)."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.timings[name] = round(time.monotonic() - started, 1)

    @property
    def grader(self) -> Account:
        return self.accounts["grader"]

    @property
    def students(self) -> list[Account]:
        return [a for a in self.accounts.values() if a.role == "student"]

    def env_for(self, account: Account, **extra: str) -> dict[str, str]:
        """The variables a command of ``account`` sees besides HOME, USER and PATH."""
        return dict(extra)

    def as_grader(self, *command: str, check: bool = True, timeout: float = 900,
                  cwd: Path | None = None):
        """Run a command as the grader account in the course folder, from the class's
        environment: what an instructor does in a terminal of the course's service."""
        return run_as(self.grader, list(command), cwd=cwd or self.course,
                      env=self.env_for(self.grader),
                      check=check, timeout=timeout, path=self.bin_path)

    def in_server_of(self, account: Account, *command: str, check: bool = True):
        """Run a command as a hub user with the variables a terminal in their server has."""
        token = self.tokens.get(account.name) or self.hub.token_for(account.name)
        self.tokens[account.name] = token
        env = self.env_for(account, JUPYTERHUB_USER=account.name, JUPYTERHUB_API_TOKEN=token,
                           JUPYTERHUB_API_URL=f"{self.hub.url}/hub/api")
        return run_as(account, list(command), env=env, check=check, path=self.bin_path)

    @property
    def bin_path(self) -> str:
        return f"{self.environment / 'bin'}:/usr/bin:/bin"

    def close(self) -> None:
        """Stop the hub and the database by pid, save their logs, remove accounts and folders."""
        ARTIFACTS.mkdir(exist_ok=True)
        kind = "postgres" if self.postgres is not None else "sqlite"
        (ARTIFACTS / f"hub-timings-{kind}.json").write_text(json.dumps(self.timings, indent=1))
        try:
            if self.hub is not None:
                self.hub.stop()
        finally:
            if self.postgres is not None:
                self.postgres.stop()
                if self.postgres.log_file.is_file():
                    shutil.copy(self.postgres.log_file, ARTIFACTS / "postgres.log")
            for account in self.accounts.values():
                hub_accounts.remove(account.name)
            shutil.rmtree(self.base, ignore_errors=True)
            for path, before in self.replaced.items():
                if before is None:
                    path.unlink(missing_ok=True)
                else:
                    path.write_bytes(before)


def _people(suffix: str, students: int, ta: bool) -> dict[str, Account]:
    password = hub_accounts.new_password
    people = {"instructor": Account(f"ivhinst{suffix}", "instructor", password()),
              "grader": Account(f"ivhgrader{suffix}", "grader")}
    if ta:
        people["ta"] = Account(f"ivhta{suffix}", "ta", password())
    for number in range(1, students + 1):
        people[f"student{number}"] = Account(f"ivhstu{number}{suffix}", "student", password())
    return people


def _write_from(template: str, destination: Path, replacements: dict[str, str]) -> None:
    text = (CONFIG / template).read_text()
    for old, new in replacements.items():
        assert old in text, f"{template} no longer holds {old!r}"
        text = text.replace(old, new)
    destination.write_text(text)


def _hub_config_folder(cls: Classroom) -> None:
    """The system-wide Jupyter config every user shares: the environment's ``etc/jupyter``
    (the same as /etc/jupyter, searched after the user's own ~/.jupyter)."""
    folder = cls.config_path
    settings = cls.environment / "share" / "jupyter" / "lab" / "settings"
    for path in (folder / "nbgrader_config.py", folder / "jupyter_server_config.json",
                 folder / "labconfig" / "page_config.json", settings / "overrides.json"):
        cls.replaced.setdefault(path, path.read_bytes() if path.is_file() else None)
    _write_from("global_nbgrader_config.py", folder / "nbgrader_config.py",
                {'"/srv/nbgrader/exchange"': json.dumps(str(cls.exchange))})
    # nbgrader enables all its extensions for everyone; students get only the assignment list
    (folder / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {name: False for name in INSTRUCTOR_SERVER_EXTENSIONS}}},
        indent=1))
    (folder / "labconfig").mkdir(exist_ok=True)
    (folder / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {name: True for name in INSTRUCTOR_LAB_EXTENSIONS}}, indent=1))
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text(json.dumps(LAB_OVERRIDES))


def _grader_account(cls: Classroom) -> None:
    """The grader's own config: where the course is; the formgrader turned on for it alone."""
    grader = cls.grader
    jupyter = grader.home / ".jupyter"
    run_as(grader, ["mkdir", "-p", str(jupyter)])
    _write_from("grader_nbgrader_config.py", jupyter / "nbgrader_config.py",
                {'"/home/grader-infoview/infoview"': json.dumps(str(cls.course))})
    # (`jupyter server extension enable --user` writes nothing when the extension looks enabled
    # at the environment's level, which it is: the hub's config folder turned it off)
    (jupyter / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": True}}},
        indent=1))
    for name in ("nbgrader_config.py", "jupyter_server_config.json"):
        shutil.chown(jupyter / name, grader.name, grader.name)


def _lay_out_course(cls: Classroom) -> None:
    """Copy the course (real files, not the links into notebooks/), set the gradebook,
    generate and release the assignment as the grader account: the guide's steps."""
    shutil.copytree(REPO / "course", cls.course, symlinks=False, ignore=shutil.ignore_patterns(
        "gradebook.db", "release", "submitted", "autograded", "feedback", "my_work",
        ".ipynb_checkpoints", "__pycache__"))
    if cls.db_url.startswith("postgresql"):
        hub_lines = (CONFIG / "course_on_the_hub.py").read_text().replace(
            '"postgresql+psycopg://grader-infoview@/infoview_gradebook?host=/var/run/postgresql"',
            json.dumps(cls.db_url))
        with open(cls.course / "nbgrader_config.py", "a") as config:
            config.write("\n" + hub_lines)
    subprocess.run(["chown", "-R", f"{cls.grader.name}:{cls.grader.name}", str(cls.course)],
                   check=True)
    cls.as_grader("nbgrader", "generate_assignment", ASSIGNMENT)
    cls.as_grader("nbgrader", "release_assignment", ASSIGNMENT)


def open_class(environment: Path, gradebook: str, students: int = 2, ta: bool = True,
               suffix: str = "") -> Classroom:
    """Make the accounts, the exchange, the gradebook (``postgres`` or ``sqlite``), the course,
    and start the hub. On any failure everything made so far is removed again."""
    base = Path(tempfile.mkdtemp(prefix="ivh-class-"))
    base.chmod(0o755)
    accounts = _people(suffix, students, ta)
    cls = Classroom(environment=environment, base=base, exchange=base / "exchange",
                    config_path=environment / "etc" / "jupyter", accounts=accounts, course=Path(),
                    db_url="")
    opened = time.monotonic()
    try:
        for account in accounts.values():
            hub_accounts.create(account)
        cls.course = cls.grader.home / COURSE_ID
        # everyone writes their course folder into the exchange; the sticky bit stops one
        # course's instructor from removing another's
        cls.exchange.mkdir()
        cls.exchange.chmod(0o1777)
        if gradebook == "postgres":
            owner = hub_accounts.create(Account(f"ivhpg{suffix}", "postgres"))
            cls.accounts["postgres"] = owner
            cls.postgres = PostgresCluster(owner.name, base / "postgres", free_port())
            cls.postgres.start()
            cls.db_url = cls.postgres.create_database(GRADEBOOK_DB, cls.grader.name)
        else:
            cls.db_url = f"sqlite:///{cls.course / 'gradebook.db'}"
        _hub_config_folder(cls)
        _grader_account(cls)
        _lay_out_course(cls)
        people = cls.accounts
        settings = {
            "course_id": COURSE_ID,
            "instructors": [people["instructor"].name],
            "tas": [people["ta"].name] if "ta" in people else [],
            "students": [a.name for a in cls.students],
            "grader": cls.grader.name,
            "grader_home": str(cls.grader.home),
            "passwords": {a.name: a.password for a in people.values() if a.password},
            "spawner_args": ["--LabApp.expose_app_in_browser=True"],
        }
        ARTIFACTS.mkdir(exist_ok=True)
        started = time.monotonic()
        cls.hub = start_hub(environment=environment, state=base / "hub", settings=settings,
                            log_path=ARTIFACTS / ("jupyterhub.log" if gradebook == "postgres"
                                                  else f"jupyterhub-{gradebook}.log"))
        cls.hub_start_seconds = time.monotonic() - started
        cls.timings["hub start (jupyterhub launched to hub and formgrader service answering)"] = \
            round(cls.hub_start_seconds, 1)
    except BaseException:
        cls.close()
        raise
    cls.timings["class opened (accounts, gradebook, course generated and released, hub)"] = \
        round(time.monotonic() - opened, 1)
    return cls
