"""A private PostgreSQL cluster for one test session: initdb, pg_ctl, a socket in a temp folder.

Debian's ``postgresql`` package provides the programs; no system service is used or touched.
The cluster belongs to an unprivileged Unix user made for it (PostgreSQL refuses to run as
root), listens on a Unix socket only (no TCP at all) under a free port number, and lets each
Unix user in as the database role of the same name (``peer`` authentication): the course's
grader account owns the gradebook database and nobody else can log in to it.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


def postgres_bin() -> Path:
    """The folder of initdb and pg_ctl: Debian keeps them in /usr/lib/postgresql/N/bin."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    raise RuntimeError("PostgreSQL's pg_ctl was not found; install Debian's postgresql package "
                       "(make test does it when run as root)")


@dataclass
class PostgresCluster:
    """A running cluster: who owns it, where its socket is, and its postmaster's process id."""

    owner: str
    folder: Path
    port: int
    pid: int = 0

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def log_file(self) -> Path:
        return self.folder / "postgres.log"

    def _as_owner(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(["runuser", "-u", self.owner, "--", *command],
                              capture_output=True, text=True, cwd=self.folder, timeout=120)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n"
                               f"{done.stdout}\n{done.stderr}")
        return done

    def start(self) -> None:
        """initdb (peer authentication on the socket) and pg_ctl start; records the pid."""
        binaries = postgres_bin()
        self.folder.mkdir(parents=True)
        self.socket_dir.mkdir()
        shutil.chown(self.folder, self.owner, self.owner)
        shutil.chown(self.socket_dir, self.owner, self.owner)
        self.folder.chmod(0o755)
        self.socket_dir.chmod(0o755)  # graders must reach the socket; peer auth does the rest
        self._as_owner(str(binaries / "initdb"), "-D", str(self.data_dir), "-U", self.owner,
                       "--auth-local=peer", "--auth-host=reject", "-E", "UTF8", "--locale=C",
                       "--no-sync")
        options = (f"-c listen_addresses='' -k {self.socket_dir} -p {self.port} "
                   f"-c log_connections=on -c log_line_prefix='%m [%p] %u@%d ' -c fsync=off")
        self._as_owner(str(binaries / "pg_ctl"), "-D", str(self.data_dir), "-l",
                       str(self.log_file), "-o", options, "-w", "-t", "60", "start")
        self.pid = int((self.data_dir / "postmaster.pid").read_text().split()[0])

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run one SQL statement as the cluster's owner; return psql's output."""
        return self._as_owner(str(postgres_bin() / "psql"), "-h", str(self.socket_dir), "-p",
                              str(self.port), "-d", database, "-v", "ON_ERROR_STOP=1", "-At",
                              "-c", statement).stdout

    def create_database(self, name: str, owner: str) -> str:
        """A role for Unix user ``owner`` (peer login), a database it owns; its SQLAlchemy URL."""
        self.sql(f'CREATE ROLE "{owner}" LOGIN')
        self.sql(f'CREATE DATABASE "{name}" OWNER "{owner}"')
        self.sql(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC')
        return self.url(name, owner)

    def url(self, database: str, user: str) -> str:
        return (f"postgresql+psycopg://{user}@/{database}"
                f"?host={self.socket_dir}&port={self.port}")

    def stop(self) -> None:
        """pg_ctl stop (fast); if the postmaster is still there after that, end it by its pid."""
        if not self.pid:
            return
        self._as_owner(str(postgres_bin() / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast",
                       "-w", "-t", "30", "stop", check=False)
        deadline = time.monotonic() + 10
        while _alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _alive(self.pid):
            os.kill(self.pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie child of ours counts as gone
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False
