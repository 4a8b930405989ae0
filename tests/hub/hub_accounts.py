"""Real Unix accounts for the class, made and removed by the tests (they need root).

As on The Littlest JupyterHub every hub user is a Unix user, and each one's server runs with
their user id. Homes are made private (mode 700): Debian's default (``UMASK 022``) would let
every student read every other student's home, fetched notebooks and saved answers included.
"""

from __future__ import annotations

import os
import pwd
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

PREFIX = "ivh"


@dataclass(frozen=True)
class Account:
    """One Unix user: name, the role it plays in the class and its hub password."""

    name: str
    role: str  # instructor, ta, student, grader (the course's service account), postgres
    password: str = field(default="", repr=False)

    @property
    def home(self) -> Path:
        return Path(pwd.getpwnam(self.name).pw_dir)

    @property
    def uid(self) -> int:
        return pwd.getpwnam(self.name).pw_uid


def _exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def create(account: Account) -> Account:
    """``useradd`` with a private home (a leftover of an interrupted run is removed first)."""
    if not account.name.startswith(PREFIX):
        raise ValueError(f"test accounts must start with {PREFIX!r}: {account.name!r}")
    if _exists(account.name):
        remove(account.name)
    if account.role == "postgres":
        command = ["useradd", "--system", "--no-create-home", "-s", "/usr/sbin/nologin",
                   account.name]
    else:
        command = ["useradd", "--create-home", "-K", "HOME_MODE=0700", "-s", "/bin/bash",
                   account.name]
    subprocess.run(command, check=True, capture_output=True)
    return account


def remove(name: str) -> None:
    """``userdel`` the account and its home."""
    subprocess.run(["userdel", "--remove", "--force", name], capture_output=True)


def new_password() -> str:
    return os.urandom(12).hex()


def run_as(account: Account, command: list[str], cwd: Path | None = None,
           env: dict[str, str] | None = None, check: bool = True, timeout: float = 600,
           path: str = "/usr/bin:/bin") -> subprocess.CompletedProcess:
    """Run ``command`` as ``account`` with a login-like clean environment (``runuser``)."""
    home = str(account.home) if account.role != "postgres" else "/"
    variables = {"HOME": home, "USER": account.name, "PATH": path, "LANG": "C.UTF-8",
                 **(env or {})}
    done = subprocess.run(["runuser", "-u", account.name, "--", "env", "-i",
                           *(f"{k}={v}" for k, v in variables.items()), *command],
                          cwd=cwd or home, capture_output=True, text=True, timeout=timeout)
    if check and done.returncode != 0:
        raise AssertionError(f"{account.name}: {' '.join(command)} failed ({done.returncode}):\n"
                             f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done
