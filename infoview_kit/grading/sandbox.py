"""Run each student's kernel in a sandbox while nbgrader autogrades.

During ``nbgrader autograde`` the student's code runs in a Jupyter kernel started by the
grader, with the grader's rights, next to the gradebook, the course's source and its config.
This module wraps the kernel's command line in a small launcher
(:mod:`infoview_kit.grading.launcher`) that, before the kernel
starts:

* sets resource limits: address space (runaway memory), processes/threads (fork bombs), CPU
  seconds, file size, open files, no core dumps;
* moves the kernel into new network, PID and mount namespaces: no network at all (not even
  loopback), no view of the machine's other processes, and fresh private ``/tmp``,
  ``/var/tmp`` and ``/dev/shm``;
* hides the course directory and the exchange behind empty read-only mounts and runs the kernel
  in a private copy of the one submission being graded;
* makes every other mount read-only;
* when the grader runs as root, runs the kernel as a throwaway user id of its own (no entry in
  ``/etc/passwd``; one per kernel, so two kernels graded at once cannot touch each other), so
  the ordinary file permissions apply on top of the mounts.

Without root the namespaces come from an unprivileged user namespace; the kernel then still runs
with the grader's user id, so the read-only mounts and hidden folders are the protection
(see :data:`PROTECTION` for an honest list).

The kernel talks to the grader over Unix sockets (``transport = "ipc"``) in the private folder,
since a kernel in its own network namespace cannot be reached over TCP.

Wire it into a course with :func:`configure` in ``nbgrader_config.py``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

from jupyter_client.manager import AsyncKernelManager
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer, List, Unicode
from traitlets.config import Configurable

PROTECTION = """\
As root (CI, a shared grading server): the kernel runs as its own unprivileged user id, in its
own network, PID and mount namespaces. It cannot reach any network (loopback included), cannot
see or signal other processes, cannot read or write the course directory (gradebook.db, source,
nbgrader_config.py, other students' submitted/autograded/feedback folders) or the exchange, and
every other mount is read-only. Memory, processes, CPU time, file size and open files are
limited; it works in a throwaway copy of its own submission.
As a normal user: the same namespaces, hidden folders and read-only mounts, made with an
unprivileged user namespace, but the kernel keeps the grader's user id: files outside the hidden
folders that the grader can read (the grader's home directory, say) stay readable. If the
system forbids unprivileged user namespaces the launcher refuses to run the kernel (unless
Sandbox.require_isolation = False, which leaves only the resource limits).
Not covered: CPU and memory are limited per kernel, not per class; timing side channels; kernel
exploits."""

class Sandbox(Configurable):
    """Limits for a student's kernel during autograde (``c.Sandbox.*`` in nbgrader_config.py)."""

    enabled = Bool(True, help="Run student kernels in the sandbox.").tag(config=True)
    memory_mb = Integer(2048, help="Address-space limit of the kernel, in MiB.").tag(config=True)
    max_processes = Integer(
        64, help="Processes and threads the kernel may have (RLIMIT_NPROC; as root only it is "
                 "exact, since the kernel has a user id of its own).").tag(config=True)
    cpu_seconds = Integer(
        120, help="CPU seconds for the whole notebook; a backstop behind Execute.timeout for "
                  "code that ignores interrupts.").tag(config=True)
    file_size_mb = Integer(64, help="Largest file the kernel may write, in MiB.").tag(config=True)
    open_files = Integer(256, help="Open file descriptors.").tag(config=True)
    tmp_size_mb = Integer(64, help="Size of the kernel's private /tmp.").tag(config=True)
    hidden_paths = List(
        Unicode(), help="Folders to hide from the kernel besides the course directory and the "
                        "exchange (e.g. other courses).").tag(config=True)
    require_isolation = Bool(
        True, help="Refuse to run a kernel when the namespaces cannot be made (True), or run "
                   "it with resource limits only (False).").tag(config=True)

    def launcher_args(self, hidden: list[str], workdir: str) -> list[str]:
        """The launcher's command line up to and including ``--``."""
        args = [sys.executable, "-m", "infoview_kit.grading.launcher",
                f"--memory-mb={self.memory_mb}", f"--max-processes={self.max_processes}",
                f"--cpu-seconds={self.cpu_seconds}", f"--file-size-mb={self.file_size_mb}",
                f"--open-files={self.open_files}", f"--tmp-size-mb={self.tmp_size_mb}",
                f"--workdir={workdir}"]
        args += [f"--hide={path}" for path in hidden]
        if not self.require_isolation:
            args.append("--allow-unisolated")
        return args + ["--"]


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels start through the sandbox launcher.

    Each kernel gets a private folder (connection file, Unix sockets, a copy of the
    submission) that is removed when the kernel is cleaned up.
    """

    hidden = List(Unicode())

    def __init__(self, **kwargs):
        self._private = tempfile.mkdtemp(prefix="infoview-kernel-")
        super().__init__(**kwargs)
        self.transport = "ipc"
        self.connection_file = os.path.join(self._private, "connection.json")
        self.ip = os.path.join(self._private, "kernel")

    def format_kernel_cmd(self, extra_arguments=None):
        cmd = super().format_kernel_cmd(extra_arguments)
        settings = Sandbox(config=self.config)
        if not settings.enabled:
            return cmd
        return settings.launcher_args(list(self.hidden), self._private) + cmd

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self._private, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources


class SandboxedExecute(Execute):
    """nbgrader's Execute step with every kernel started by :class:`SandboxKernelManager`."""

    def __init__(self, *args, **kwargs):
        kwargs["kernel_manager_class"] = SandboxKernelManager
        super().__init__(*args, **kwargs)

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        km.hidden = hidden_paths(self.config)
        return km


def hidden_paths(config) -> list[str]:
    """The folders a kernel must not see: the course, the exchange and any configured extras."""
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default.exchange import Exchange

    paths = [CourseDirectory(config=config).root, Exchange(config=config).root]
    paths += Sandbox(config=config).hidden_paths
    return [os.path.realpath(p) for p in paths if p]


def configure(c, timeout: int = 15) -> None:
    """Harden an nbgrader config ``c``: sandboxed kernels, a short cell timeout, restored cells.

    Call it at the end of ``nbgrader_config.py`` (after any ``autograde_preprocessors`` line):
    it swaps nbgrader's Execute step for :class:`SandboxedExecute` wherever it appears.
    """
    from nbgrader.converters.autograde import Autograde

    steps = c.Autograde.get("autograde_preprocessors") or Autograde.autograde_preprocessors.default()
    c.Autograde.autograde_preprocessors = [
        SandboxedExecute if step in (Execute, "nbgrader.preprocessors.Execute") else step
        for step in steps]
    if "timeout" not in c.Execute:
        c.Execute.timeout = timeout
    # A deleted test cell is put back from the gradebook instead of silently scoring 0.
    c.OverwriteCells.add_missing_cells = True
