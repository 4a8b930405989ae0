"""The class's Python environment: the pinned requirements, and the kit from a freshly built wheel.

Everything the hub tests start runs from this environment: the hub itself, every student's
``jupyterhub-singleuser``, the formgrader service and the instructor's commands; the exchange
tests' students run it too when the checkout sits in a folder they cannot enter. The kit is
installed the way a hub administrator installs it, from a wheel (never editable, never the
repository on ``sys.path``), so a file the wheel forgot fails here.

Installing the requirements takes a minute and a half, so the environment is kept between runs
(under ``.venv/hub-env``, removed by ``make clean-venv``) and rebuilt when a requirements file
changes; the wheel is rebuilt and reinstalled on every run. It is made from the system Python:
the other Unix users the tests create must be able to run it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REQUIREMENTS = [REPO / "requirements.txt", REPO / "requirements-test.txt"]
PYTHON = next((p for p in ("/usr/bin/python3.11", "/usr/bin/python3") if os.path.exists(p)),
              sys.executable)


def _stamp() -> str:
    digest = hashlib.sha256(PYTHON.encode())
    for path in REQUIREMENTS:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _run(command: list[str], **kwargs) -> None:
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({done.returncode}):\n"
                           f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def build_wheel(destination: Path) -> Path:
    """Build the kit's wheel from the repository into ``destination``; return its path."""
    with tempfile.TemporaryDirectory(prefix="ivh-wheel-") as scratch:
        # build from a copy: pip builds in place and would leave build/ in the repository
        source = Path(scratch) / "src"
        shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
            ".venv", ".git", "test-artifacts", "build", "*.egg-info", "__pycache__",
            "my_work", ".ipynb_checkpoints"))
        _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(destination),
              str(source)])
    wheels = sorted(destination.glob("infoview_kit-*.whl"))
    if len(wheels) != 1:
        raise RuntimeError(f"expected one infoview_kit wheel in {destination}, found {wheels}")
    return wheels[0]


def others_can_reach(folder: Path) -> bool:
    """Whether users other than the owner can read and enter *folder* and every folder above it."""
    return all(f == Path("/") or f.stat().st_mode & 0o005 == 0o005 for f in [folder, *folder.parents])


def default_location() -> Path:
    """Beside the checkout's venv, or, when the checkout sits in a private folder (``mktemp -d``
    makes one), in the shared temporary folder, named after the checkout so two never mix."""
    beside = REPO / ".venv" / "hub-env"
    if others_can_reach(REPO):
        return beside
    digest = hashlib.sha256(str(REPO).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"infoview-hub-env-{digest}"


def class_environment(location: Path | None = None) -> Path:
    """The ready environment (its folder): requirements installed, the kit from a new wheel."""
    location = default_location() if location is None else location
    stamp_file = location / ".infoview-requirements"
    if not (stamp_file.is_file() and stamp_file.read_text() == _stamp()):
        shutil.rmtree(location, ignore_errors=True)
        _run([PYTHON, "-m", "venv", str(location)])
        pip = [str(location / "bin" / "python"), "-m", "pip", "install", "-q"]
        _run(pip + [arg for path in REQUIREMENTS for arg in ("-r", str(path))])
        stamp_file.write_text(_stamp())
    with tempfile.TemporaryDirectory(prefix="ivh-dist-") as dist:
        wheel = build_wheel(Path(dist))
        _run([str(location / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps",
              "--force-reinstall", str(wheel)])
    # every user the hub starts must be able to read and run it
    location.chmod(0o755)
    if not others_can_reach(location):
        raise RuntimeError(f"{location} or a folder above it is not readable by other users; the "
                           "hub's users cannot run it")
    return location


def kit_location(environment: Path) -> Path:
    """Where ``import infoview_kit`` resolves in ``environment`` (to prove it is the wheel's)."""
    done = subprocess.run([str(environment / "bin" / "python"), "-c",
                           "import infoview_kit, sys; print(infoview_kit.__file__)"],
                          capture_output=True, text=True, check=True, cwd="/")
    return Path(done.stdout.strip())
