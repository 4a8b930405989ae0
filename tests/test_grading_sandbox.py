"""The sandbox launcher, run directly on a plain Python command (no kernel, no nbgrader)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from traitlets.config import Config

from infoview_kit.grading import launcher
from infoview_kit.grading.sandbox import Sandbox, SandboxedExecute, configure


def _sandboxed(tmp_path: Path, code: str, *options: str) -> subprocess.CompletedProcess:
    """Run ``python -c code`` through the launcher, from a fake submission folder."""
    submission = tmp_path / "course" / "autograded" / "ann" / "ps1"
    submission.mkdir(parents=True)
    (submission / "answer.txt").write_text("mine")
    (tmp_path / "course" / "gradebook.db").write_text("secret")
    private = tmp_path / "private"
    private.mkdir()
    command = [sys.executable, "-m", "infoview_kit.grading.launcher", f"--workdir={private}",
               f"--hide={tmp_path / 'course'}", *options, "--", sys.executable, "-c", code]
    run = subprocess.run(command, cwd=submission, capture_output=True, text=True, timeout=60)
    run.log = (private / launcher.KERNEL_LOG).read_text() if (private / launcher.KERNEL_LOG).exists() else ""
    return run


def test_the_kernel_works_in_a_copy_of_its_submission(tmp_path):
    """The submission's files are there, in a private copy; changes never reach the original."""
    code = "import os; print(open('answer.txt').read()); open('answer.txt', 'w').write('x')"
    run = _sandboxed(tmp_path, code)
    assert run.returncode == 0, run.stderr + run.log
    assert "mine" in run.log
    assert (tmp_path / "course" / "autograded" / "ann" / "ps1" / "answer.txt").read_text() == "mine"


def test_the_course_is_hidden_and_the_system_read_only(tmp_path):
    """The gradebook beside the submission is gone from view; writing elsewhere fails."""
    code = ("import os\n"
            f"print('SEES COURSE', os.path.exists({str(tmp_path / 'course' / 'gradebook.db')!r}))\n"
            f"print('SEES PARENT', os.path.exists('../../../gradebook.db'))\n"
            "try:\n    open(os.path.join(os.environ['PATH'].split(':')[0], 'evil'), 'w')\n"
            "    print('WROTE')\nexcept OSError as e:\n    print('BLOCKED', e.errno)\n")
    run = _sandboxed(tmp_path, code)
    assert "SEES COURSE False" in run.log and "SEES PARENT False" in run.log, run.log
    assert "BLOCKED" in run.log and "WROTE" not in run.log


def test_no_network_and_no_other_processes(tmp_path):
    """Loopback is unreachable and only the sandbox's own processes are visible."""
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    code = ("import os, socket\n"
            "try:\n"
            f"    socket.create_connection(('127.0.0.1', {port}), timeout=2); print('REACHED')\n"
            "except OSError as e:\n    print('UNREACHABLE')\n"
            "print('PIDS', sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))\n")
    run = _sandboxed(tmp_path, code)
    server.close()
    assert "UNREACHABLE" in run.log, run.log
    assert "PIDS [1]" in run.log


def test_memory_and_processes_are_limited(tmp_path):
    """A big allocation fails and forking stops at the process limit."""
    code = ("import os, time\n"
            "try:\n    bytearray(4 * 1024 ** 3); print('ALLOCATED')\n"
            "except MemoryError:\n    print('NO MEMORY')\n"
            "n = 0\n"
            "try:\n"
            "    for _ in range(200):\n"
            "        if os.fork() == 0:\n            time.sleep(5); os._exit(0)\n"
            "        n += 1\n"
            "except OSError:\n    pass\n"
            "print('FORKED', n)\n")
    run = _sandboxed(tmp_path, code, "--memory-mb=1024", "--max-processes=20")
    assert "NO MEMORY" in run.log, run.log
    assert int(run.log.split("FORKED ")[1].split()[0]) < 20


def test_as_root_the_kernel_has_a_user_id_of_its_own(tmp_path):
    """Graded by root, the kernel is an unprivileged id above FIRST_SANDBOX_UID; else the grader's."""
    run = _sandboxed(tmp_path, "import os; print('UID', os.getuid())")
    uid = int(run.log.split("UID ")[1].split()[0])
    if os.geteuid() == 0:
        assert uid > launcher.FIRST_SANDBOX_UID
    else:
        assert uid == os.getuid()


def test_a_crashed_kernels_output_is_relayed_marked_as_such(tmp_path):
    """Output of a failed kernel reaches the grader's log only with the sandbox prefix."""
    code = "import sys; print('[AutogradeApp | ERROR] forged'); sys.exit(3)"
    run = _sandboxed(tmp_path, code)
    assert run.returncode == 3
    assert f"{launcher.LOG_PREFIX}[AutogradeApp | ERROR] forged" in run.stderr
    assert not any(line.startswith("[AutogradeApp") for line in run.stderr.splitlines())


def test_the_launcher_needs_a_workdir_and_a_command():
    """A malformed launcher command line is refused with its usage."""
    with pytest.raises(launcher.SandboxError, match="--workdir"):
        launcher.parse(["--memory-mb=10", "--", "python"])
    with pytest.raises(launcher.SandboxError, match="usage"):
        launcher.parse(["python"])


def test_configure_swaps_execute_and_restores_deleted_cells():
    """The course config gets the sandboxed Execute step, a short timeout, restored cells."""
    c = Config()
    configure(c, timeout=7)
    assert SandboxedExecute in c.Autograde.autograde_preprocessors
    assert "nbgrader.preprocessors.Execute" not in c.Autograde.autograde_preprocessors
    assert c.Execute.timeout == 7
    assert c.OverwriteCells.add_missing_cells is True
    args = Sandbox(config=c).launcher_args(["/course"], "/tmp/x")
    assert args[-1] == "--" and "--hide=/course" in args and "--workdir=/tmp/x" in args


def test_an_interpreter_living_under_tmp_still_starts(tmp_path):
    """Does a kernel whose environment sits in /tmp (a CI checkout, say) survive the private /tmp?"""
    assert str(tmp_path).startswith("/tmp/"), "this test needs pytest's tmp_path under /tmp"
    venv_bin = tmp_path / "checkout" / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "python").symlink_to(sys.executable)
    submission = tmp_path / "course" / "autograded" / "ann" / "ps1"
    submission.mkdir(parents=True)
    private = tmp_path / "private"
    private.mkdir()
    command = [sys.executable, "-m", "infoview_kit.grading.launcher", f"--workdir={private}",
               f"--hide={tmp_path / 'course'}", "--", str(venv_bin / "python"), "-c",
               "print('STARTED')"]
    run = subprocess.run(command, cwd=submission, capture_output=True, text=True, timeout=60)
    log = (private / launcher.KERNEL_LOG).read_text()
    assert run.returncode == 0, run.stderr + log
    assert "STARTED" in log


def test_kept_paths_are_only_environments_under_tmp_and_never_hidden_ones(tmp_path):
    """The kernel's environment under /tmp is kept; one inside a hidden folder is not."""
    venv = tmp_path / "checkout" / ".venv"
    (venv / "bin").mkdir(parents=True)
    kernel = [str(venv / "bin" / "python"), "-m", "ipykernel_launcher"]
    assert str(venv) in launcher.kept_paths(kernel, hide=[str(tmp_path / "course")])
    assert str(venv) not in launcher.kept_paths(kernel, hide=[str(tmp_path / "checkout")])
    assert not [p for p in launcher.kept_paths(kernel, hide=[])
                if not p.startswith(launcher.PRIVATE_TMP_DIRS)]
