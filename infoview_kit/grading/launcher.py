"""The sandbox launcher: ``python -m infoview_kit.grading.launcher OPTIONS -- KERNEL ARGV``.

Started by :class:`infoview_kit.grading.sandbox.SandboxKernelManager` in place of the kernel,
with the kernel's working directory (the submission being autograded) as its own. It copies the
submission into the kernel's private folder, makes the namespaces, limits and mounts described
in :mod:`infoview_kit.grading.sandbox`, then runs the kernel as PID 1 of a new PID namespace and
waits for it. Only the standard library is imported: this runs once per submission.

Exit codes: the kernel's own, or 70 when the sandbox cannot be made (the kernel never starts).
"""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import signal
import sys
from pathlib import Path

# Linux constants (sched.h, mount.h, prctl.h); Python 3.11's os module has no unshare or mount.
CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME, MS_STRICTATIME = 1024, 2048, 1 << 21, 1 << 24
MOUNT_OPTION_FLAGS = {"ro": MS_RDONLY, "nosuid": MS_NOSUID, "nodev": MS_NODEV,
                      "noexec": MS_NOEXEC, "noatime": MS_NOATIME, "nodiratime": MS_NODIRATIME,
                      "relatime": MS_RELATIME}
PR_SET_PDEATHSIG = 1
# A kernel run as root gets the user id FIRST_SANDBOX_UID + the launcher's pid: unique among
# running kernels (so two kernels graded at once cannot touch each other or share a process
# budget), and far above any real account.
FIRST_SANDBOX_UID = 2_000_000
# Environment variables the kernel keeps; everything else (tokens, JPY_PARENT_PID, whose parent
# poller would stop a kernel in its own PID namespace, the grader's INFOVIEW_WORK_DIR) is dropped.
KEPT_ENV = ("PATH", "LANG", "LANGUAGE", "TZ", "NBGRADER_EXECUTION", "PYTHONHASHSEED")
SANDBOX_FAILED = 70
KERNEL_LOG = "kernel.log"
# Lines of a crashed kernel's output repeated in the grader's log, each marked as such.
LOG_TAIL_LINES = 15
LOG_PREFIX = "[sandboxed kernel] "


class SandboxError(RuntimeError):
    """The sandbox could not be set up; the kernel is not started."""


_libc = ctypes.CDLL(None, use_errno=True)


def _call(name: str, *args) -> None:
    if getattr(_libc, name)(*args) != 0:
        errno = ctypes.get_errno()
        raise SandboxError(f"{name} failed: {os.strerror(errno)}")


def _mount(source, target, fstype, flags: int, data=None) -> None:
    encode = lambda text: None if text is None else os.fsencode(text)  # noqa: E731
    _call("mount", encode(source), encode(target), encode(fstype), ctypes.c_ulong(flags),
          encode(data))


def _write(path: str, text: str) -> None:
    with open(path, "w") as handle:
        handle.write(text)


def parse(argv: list[str]) -> tuple[dict, list[str]]:
    """Split ``OPTIONS -- KERNEL ARGV`` into an options dict and the kernel's argv."""
    if "--" not in argv:
        raise SandboxError("usage: python -m infoview_kit.grading.launcher OPTIONS -- KERNEL ARGV")
    split = argv.index("--")
    options: dict = {"hide": [], "allow_unisolated": False}
    for arg in argv[:split]:
        key, _, value = arg.lstrip("-").partition("=")
        key = key.replace("-", "_")
        if key == "hide":
            options["hide"].append(value)
        elif key == "allow_unisolated":
            options[key] = True
        elif key == "workdir":
            options[key] = value
        else:
            options[key] = int(value)
    if "workdir" not in options or not argv[split + 1:]:
        raise SandboxError("the launcher needs --workdir=DIR and a kernel command after --")
    return options, argv[split + 1:]


def _mounts() -> list[tuple[str, set[str]]]:
    """(mount point, per-mount options) of every mount, in mount order (parents first)."""
    found = []
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        fields = line.split()
        point = fields[4].encode().decode("unicode_escape")
        found.append((point, set(fields[5].split(","))))
    return found


def _make_read_only() -> list[str]:
    """Remount every mount read-only, keeping its other flags (locked ones can't be cleared)."""
    failed = []
    for point, opts in reversed(_mounts()):
        if "ro" in opts or point == "/proc" or point.startswith(("/proc/", "/sys")):
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID
        for option in opts:
            flags |= MOUNT_OPTION_FLAGS.get(option, 0)
        if point != "/dev" and not point.startswith("/dev/"):
            flags |= MS_NODEV
        try:
            _mount(None, point, None, flags)
        except SandboxError:
            failed.append(point)
    return failed


PRIVATE_TMP_DIRS = ("/tmp", "/var/tmp", "/dev/shm")


def kept_paths(kernel: list[str], hide: list[str]) -> list[str]:
    """Folders the kernel needs that sit under a temporary folder the sandbox replaces.

    A checkout (and its virtual environment) can live in /tmp, as a CI run's often does: the
    kernel's interpreter environment and this package must stay visible (read-only) there, or
    the kernel cannot even start. Nothing under a hidden folder is ever kept.
    """
    import infoview_kit

    wanted = {sys.prefix, os.path.dirname(os.path.dirname(os.path.abspath(kernel[0]))),
              os.path.dirname(os.path.abspath(infoview_kit.__file__))}
    kept = []
    for path in sorted(wanted):
        under_tmp = any(path.startswith(tmp + "/") for tmp in PRIVATE_TMP_DIRS)
        hidden = any(path == h or path.startswith(h.rstrip("/") + "/") for h in hide)
        if under_tmp and not hidden and os.path.isdir(path):
            kept.append(path)
    return kept


def isolate(options: dict, private: str, kept: list[str] = ()) -> None:
    """Inside the new mount namespace: read-only system, hidden course, private /tmp and /proc."""
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    keep = os.open(private, os.O_PATH)
    # opened before /tmp is replaced, bound back (read-only) after
    kept_fds = [(path, os.open(path, os.O_PATH)) for path in kept]
    for point in _make_read_only():
        print(f"sandbox: could not make {point} read-only", file=sys.stderr)
    tmp_options = f"size={options.get('tmp_size_mb', 64)}m,mode=1777"
    for tmp in PRIVATE_TMP_DIRS:
        if os.path.isdir(tmp):
            _mount("tmpfs", tmp, "tmpfs", MS_NOSUID | MS_NODEV, tmp_options)
    for path, fd in kept_fds:
        os.makedirs(path, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
        try:
            _mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
        except SandboxError as error:
            print(f"sandbox: could not make {path} read-only ({error})", file=sys.stderr)
        os.close(fd)
    for path in options["hide"]:
        inside = private == path or private.startswith(path.rstrip("/") + "/")
        if os.path.isdir(path) and not inside:
            _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY, "size=4k,mode=755")
    # The private folder (now under the fresh /tmp) goes back at its own path: the grader
    # reaches the kernel's sockets there.
    os.makedirs(private, exist_ok=True)
    _mount(f"/proc/self/fd/{keep}", private, None, MS_BIND)
    _mount(None, private, None, MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV)
    os.close(keep)
    try:
        _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    except SandboxError as error:
        print(f"sandbox: could not mount a private /proc ({error})", file=sys.stderr)


def limit(options: dict) -> None:
    """Apply the resource limits (never above a hard limit already in force)."""
    mib = 1024 * 1024
    wanted = {
        resource.RLIMIT_AS: options.get("memory_mb", 2048) * mib,
        resource.RLIMIT_CPU: options.get("cpu_seconds", 120),
        resource.RLIMIT_FSIZE: options.get("file_size_mb", 64) * mib,
        resource.RLIMIT_NOFILE: options.get("open_files", 256),
        resource.RLIMIT_NPROC: options.get("max_processes", 64),
        resource.RLIMIT_CORE: 0,
    }
    for which, soft in wanted.items():
        _, hard_now = resource.getrlimit(which)
        # A CPU hard limit a little above the soft one: SIGXCPU first, SIGKILL if ignored.
        hard = soft + 5 if which == resource.RLIMIT_CPU else soft
        if hard_now != resource.RLIM_INFINITY:
            soft, hard = min(soft, hard_now), min(hard, hard_now)
        resource.setrlimit(which, (soft, hard))


def kernel_env(private: str, home: str) -> dict[str, str]:
    """The kernel's environment: a short allow-list, with home and caches in the private folder."""
    env = {key: value for key, value in os.environ.items()
           if key in KEPT_ENV or key.startswith("LC_")}
    # JPY_PARENT_PID=1 tells ipykernel it has no parent to poll (its parent is outside the PID
    # namespace; the launcher's death kills it instead) and nobody to print a banner to.
    env.update(JPY_PARENT_PID="1", HOME=home, TMPDIR="/tmp", IPYTHONDIR=os.path.join(home, ".ipython"),
               MPLCONFIGDIR=os.path.join(home, ".matplotlib"), JUPYTER_RUNTIME_DIR=private,
               PYTHONDONTWRITEBYTECODE="1")
    return env


def _enter_namespaces(as_root: bool) -> None:
    if as_root:
        _call("unshare", CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWNS)
        return
    uid, gid = os.getuid(), os.getgid()
    _call("unshare", CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWNS)
    # Map our own ids to themselves: full capabilities in the new namespaces until exec (to
    # mount), none after it.
    _write("/proc/self/setgroups", "deny")
    _write("/proc/self/uid_map", f"{uid} {uid} 1")
    _write("/proc/self/gid_map", f"{gid} {gid} 1")


def _run_kernel(options, kernel, private, work, home, isolated, sandbox_id) -> None:
    """In the forked child (PID 1 of the new namespace): finish the sandbox and exec the kernel."""
    try:
        if isolated:
            isolate(options, private, kept_paths(kernel, options["hide"]))
        os.chdir(work)
        limit(options)
        if sandbox_id is not None:
            os.setgroups([])
            os.setgid(sandbox_id)
            os.setuid(sandbox_id)
        # Set after the user change, which clears it: the kernel dies with its launcher.
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        # The kernel's own output goes to a file, never into the grader's log, where a student
        # could otherwise forge log lines.
        log = os.open(os.path.join(private, KERNEL_LOG), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        os.execve(kernel[0], kernel, kernel_env(private, home))
    except BaseException as error:  # noqa: BLE001 - whatever it is, report it and exit
        print(f"sandbox: cannot start the kernel: {error}", file=sys.stderr)
    os._exit(SANDBOX_FAILED)


def launch(argv: list[str]) -> int:
    """Set up the sandbox and run the kernel command in it; returns the kernel's exit code."""
    options, kernel = parse(argv)
    private = os.path.realpath(options["workdir"])
    work, home = os.path.join(private, "work"), os.path.join(private, "home")
    shutil.copytree(os.getcwd(), work, symlinks=True,
                    ignore=shutil.ignore_patterns("*.db", ".ipynb_checkpoints"))
    os.makedirs(home, exist_ok=True)
    as_root = os.geteuid() == 0
    sandbox_id = FIRST_SANDBOX_UID + os.getpid() if as_root else None
    if sandbox_id is not None:
        for root, dirs, files in os.walk(private):
            for path in [root, *(os.path.join(root, name) for name in dirs + files)]:
                os.lchown(path, sandbox_id, sandbox_id)
    isolated = True
    try:
        _enter_namespaces(as_root)
    except (SandboxError, OSError) as error:
        if not options["allow_unisolated"]:
            print(f"sandbox: cannot isolate the kernel ({error}); student code is not run. "
                  "Set c.Sandbox.require_isolation = False to grade with resource limits only.",
                  file=sys.stderr)
            return SANDBOX_FAILED
        print(f"sandbox: running the kernel without namespaces ({error})", file=sys.stderr)
        isolated = False

    child = os.fork()
    if child == 0:
        _run_kernel(options, kernel, private, work, home, isolated, sandbox_id)
    # The launcher stays outside the PID namespace and reports the kernel's exit. The kernel
    # manager signals the whole process group, so an interrupt already reached the kernel
    # unless the student's code left the group; as PID 1 of its namespace the kernel ignores
    # SIGTERM, so a termination becomes SIGKILL.
    def interrupt(_number, _frame):
        try:
            if os.getpgid(child) != os.getpgrp():
                os.kill(child, signal.SIGINT)
        except ProcessLookupError:
            pass

    def terminate(_number, _frame):
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGHUP, terminate)
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except InterruptedError:
            continue
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        _relay_log_tail(os.path.join(private, KERNEL_LOG), code)
    return code


def _relay_log_tail(path: str, code: int) -> None:
    """Repeat the end of a failed kernel's output in the grader's log, every line marked."""
    try:
        # The kernel owns the folder: never follow a link it may have put there.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as handle:
            handle.seek(max(0, os.fstat(handle.fileno()).st_size - 8192))
            lines = handle.read().decode("utf-8", "replace").splitlines()[-LOG_TAIL_LINES:]
    except OSError:
        lines = []
    print(f"{LOG_PREFIX}kernel exited with code {code}", file=sys.stderr)
    for line in lines:
        print(LOG_PREFIX + line[:300], file=sys.stderr)


if __name__ == "__main__":
    try:
        sys.exit(launch(sys.argv[1:]))
    except SandboxError as error:
        print(f"sandbox: {error}", file=sys.stderr)
        sys.exit(SANDBOX_FAILED)
