"""The student's own copy of the course: what ``make lab`` opens instead of the tracked notebooks.

Served straight from the repository, JupyterLab's autosave would write a student's outputs into
tracked files (``git pull`` then refuses), and notebook 4 would show the instructor's sample
answer and mark scheme. So ``make lab`` makes, once, a git-ignored folder (``my_course/``)
holding the *student version* of every notebook, built by nbgrader's own release steps
(solutions and mark scheme cleared, outputs removed, cells locked), with its own ``my_work/``.
Later runs open that folder as it is: nothing in it is ever rewritten. When the course's
notebooks change upstream, the student is told, and ``make lab-update`` (new notebooks, saved
answers kept) or ``make lab-reset`` (start over) first moves the old copy aside under a
timestamped name; nothing is deleted.

Run as ``python -m infoview_kit.student_copy prepare|update|reset`` (see ``--help``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .storage import WORK_DIR_NAME, atomic_write_text

#: Where the copy's version is recorded: each source file's SHA-256 when the copy was made.
STAMP_NAME = ".course_version.json"
#: What is never copied from the source folder: a developer's saved work and Jupyter's caches.
NOT_COPIED = (WORK_DIR_NAME, ".ipynb_checkpoints", "__pycache__")

#: Lab extensions hidden in the student's view: nbgrader's (instructor menus, Create Assignment,
#: Formgrader, Validate button, Assignments and Courses lists: a student working alone has no
#: exchange or course to use them with) and JupyterLab's "get notified about Jupyter news?"
#: prompt, which would ask every new student about a web service that has nothing to do with
#: the course.
HIDDEN_LAB_EXTENSIONS = ("@jupyter/nbgrader", "@jupyterlab/apputils-extension:announcements")
#: nbgrader's server side, switched off with its menus so no instructor page answers either.
NBGRADER_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
)
#: Settings defaults for the same view: no news fetched, no update check.
LAB_SETTING_DEFAULTS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


class StudentCopyError(RuntimeError):
    """The copy cannot be made or opened; the message says what and how to fix it."""


@dataclass(frozen=True)
class CopyStatus:
    """What ``prepare_student_copy`` found or did, for the lines printed before JupyterLab starts."""

    copy: Path
    #: True when the copy was made by this call (False: an existing copy, left untouched).
    created: bool
    #: Source files added, removed or changed since the copy was made.
    changed_upstream: tuple[str, ...] = ()
    #: Where saved work was brought in from when the copy was made, if anywhere.
    work_from: Path | None = None
    #: The copy exists but its version file is missing or unreadable.
    unknown_version: bool = False

    def lines(self) -> list[str]:
        """Plain sentences for the terminal: what happened and, when needed, what to do."""
        lines = []
        if self.created:
            lines.append(f"Made your own copy of the course in {self.copy}/ (your work is saved there).")
        else:
            lines.append(f"Opening your copy of the course in {self.copy}/.")
        if self.work_from is not None:
            lines.append(f"Your saved work in {self.work_from}/ was copied into "
                         f"{self.copy / WORK_DIR_NAME}/ (the original is still there).")
        if self.changed_upstream or self.unknown_version:
            what = (f"The course's notebooks have changed since your copy was made "
                    f"({', '.join(self.changed_upstream)})." if self.changed_upstream else
                    f"Can't tell which version of the course {self.copy}/ holds "
                    f"({STAMP_NAME} is missing or unreadable).")
            lines += [what,
                      "Your copy is opened as it is. To get the new notebooks and keep your saved "
                      "answers, run `make lab-update`; to start over, `make lab-reset`. Either one "
                      "first moves your copy aside under a dated name; nothing is deleted."]
        return lines


def source_digests(source: Path) -> dict[str, str]:
    """Each file of the course (path relative to ``source``) and its SHA-256."""
    digests = {}
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if path.is_file() and not set(relative.parts) & set(NOT_COPIED):
            digests[relative.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def load_nbgrader_config(path: Path | None):
    """The course's nbgrader configuration (a traitlets ``Config``), or nbgrader's defaults.

    The course's file matters: it sets the line a student sees where the sample answer was.
    """
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    if path is None:
        return Config()
    try:
        return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()
    except Exception as error:  # a broken course config: say which file, not a traceback
        raise StudentCopyError(f"Could not read the course's nbgrader config {path}: {error}. "
                               "Fix that file (or leave out --nbgrader-config).") from error


def student_version(notebook: Path, config) -> "nbformat.NotebookNode":  # noqa: F821
    """``notebook`` as nbgrader's ``generate_assignment`` releases it to students.

    Runs nbgrader's own release steps (``GenerateAssignment.preprocessors``, in its order, or
    the course's list), except ``SaveCells``, which records the cells in a gradebook: the copy
    belongs to no gradebook.
    """
    import nbformat
    from nbgrader.converters import GenerateAssignment
    from nbgrader.preprocessors import SaveCells
    from traitlets.utils.importstring import import_item

    steps = config.GenerateAssignment.get("preprocessors") or GenerateAssignment.preprocessors.default()
    steps = [import_item(step) if isinstance(step, str) else step for step in steps]
    nb = nbformat.read(notebook, as_version=nbformat.NO_CONVERT)
    resources = {"metadata": {"path": str(notebook.parent), "name": notebook.stem},
                 "nbgrader": {"notebook": notebook.stem}}
    for step in steps:
        if step is not SaveCells:
            nb, resources = step(config=config)(nb, resources)
    _describe_kernel(nb)
    return nb


def _describe_kernel(nb) -> None:
    """Write the kernel's own description into *nb*, as JupyterLab would on opening it.

    JupyterLab fills in ``language_info`` (and the kernel's display name) when the kernel
    starts, and a notebook whose metadata changes that way shows as modified before the student
    has typed anything. The copy is made in the environment its kernel runs in, so it can carry
    exactly what that kernel will report.
    """
    try:
        from ipykernel.ipkernel import IPythonKernel
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

        name = nb.metadata.get("kernelspec", {}).get("name", "python3")
        spec = KernelSpecManager().get_kernel_spec(name)
    except (ImportError, NoSuchKernel):
        return  # no kernel here to describe: JupyterLab will fill it in
    nb.metadata["kernelspec"] = {"display_name": spec.display_name, "language": spec.language,
                                 "name": name}
    nb.metadata["language_info"] = dict(IPythonKernel.language_info)


def prepare_student_copy(source: Path, copy: Path, *, nbgrader_config: Path | None = None,
                         work_from: Path | None = None, carry_legacy: bool = True) -> CopyStatus:
    """Make the student's copy of ``source`` at ``copy`` on first use; afterwards, only look.

    An existing copy is never written to: its version file is compared with ``source`` and
    any change is reported. A new copy is built in a temporary folder beside it and renamed
    into place, so an interrupted first run leaves no half-made copy to be reused later.
    Saved work is brought into the new copy from ``work_from``, or (``carry_legacy``) from
    ``source/my_work``, where ``make lab`` saved it before there were copies.
    """
    source, copy = Path(source), Path(copy)
    if not source.is_dir() or not any(source.glob("*.ipynb")):
        raise StudentCopyError(f"No course notebooks in {source}/: run this from the repository's "
                               "top folder (where the Makefile is), or pass --source.")
    digests = source_digests(source)
    if copy.exists():
        if not copy.is_dir():
            raise StudentCopyError(f"{copy} is a file, not a course folder: rename it, or pass --copy.")
        made = _read_stamp(copy)
        if made is None:
            return CopyStatus(copy, created=False, unknown_version=True)
        changed = sorted(name for name in set(made) | set(digests) if made.get(name) != digests.get(name))
        return CopyStatus(copy, created=False, changed_upstream=tuple(changed))

    legacy = source / WORK_DIR_NAME
    if work_from is None and carry_legacy and legacy.is_dir() and any(legacy.iterdir()):
        work_from = legacy
    config = load_nbgrader_config(nbgrader_config)
    copy.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{copy.name}.making-", dir=copy.parent))
    try:
        import nbformat

        for name in digests:
            target = building / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if name.endswith(".ipynb"):
                nbformat.write(student_version(source / name, config), target)
            else:
                shutil.copy2(source / name, target)
        if work_from is not None and work_from.is_dir():
            shutil.copytree(work_from, building / WORK_DIR_NAME)
        else:
            (building / WORK_DIR_NAME).mkdir()
        atomic_write_text(building / STAMP_NAME, json.dumps(
            {"made": datetime.now().isoformat(timespec="seconds"), "source": digests}, indent=2) + "\n")
        os.chmod(building, 0o755)
        os.rename(building, copy)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return CopyStatus(copy, created=True, work_from=work_from)


def _read_stamp(copy: Path) -> dict[str, str] | None:
    try:
        made = json.loads((copy / STAMP_NAME).read_text(encoding="utf-8"))["source"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return made if isinstance(made, dict) else None


def move_aside(copy: Path, now: datetime | None = None) -> Path:
    """Rename ``copy`` to ``<name>.old-<date>-<time>`` beside it (never over another folder)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 100):
        aside = copy.with_name(f"{copy.name}.old-{stamp}" + (f"-{attempt}" if attempt > 1 else ""))
        if not aside.exists():
            os.rename(copy, aside)
            return aside
    raise StudentCopyError(f"Too many old copies named {copy.name}.old-{stamp}*: tidy them up first.")


def renew_student_copy(source: Path, copy: Path, *, keep_work: bool,
                       nbgrader_config: Path | None = None) -> tuple[Path | None, CopyStatus]:
    """Move the copy aside and make a fresh one; with ``keep_work``, carrying its ``my_work/``.

    Returns where the old copy went (``None`` when there was none) and the new copy's status.
    """
    copy = Path(copy)
    aside = move_aside(copy) if copy.exists() else None
    work = aside / WORK_DIR_NAME if aside is not None and keep_work else None
    return aside, prepare_student_copy(source, copy, nbgrader_config=nbgrader_config,
                                       work_from=work, carry_legacy=False)


def write_lab_config(folder: Path) -> Path:
    """Write the Jupyter config folder for the student's view (``JUPYTER_CONFIG_PATH`` points to it).

    It hides the instructor extensions and the news prompt for this one server only: nothing
    in the user's own Jupyter config is read or changed. Rewritten on every run (it is not
    the student's work), so it always matches this version of the kit.
    """
    folder = Path(folder)
    page_config = {"disabledExtensions": {name: True for name in HIDDEN_LAB_EXTENSIONS}}
    server_config = {"ServerApp": {"jpserver_extensions": dict.fromkeys(NBGRADER_SERVER_EXTENSIONS, False)}}
    files = {
        "labconfig/page_config.json": page_config,
        "labconfig/default_setting_overrides.json": LAB_SETTING_DEFAULTS,
        "jupyter_server_config.json": server_config,
    }
    for name, content in files.items():
        atomic_write_text(folder / name, json.dumps(content, indent=2) + "\n")
    return folder


def main(argv: list[str] | None = None) -> int:
    """The command ``make lab``, ``make lab-update`` and ``make lab-reset`` run."""
    parser = argparse.ArgumentParser(
        prog="python -m infoview_kit.student_copy",
        description="Make or reuse the student's own copy of the course (what `make lab` opens).")
    parser.add_argument("action", choices=("prepare", "update", "reset"), help=(
        "prepare: make the copy on first use, else report on it; update: new notebooks, saved "
        "answers kept; reset: start over (update and reset move the old copy aside first)"))
    parser.add_argument("--source", type=Path, default=Path("notebooks"), help="the course's notebooks")
    parser.add_argument("--copy", type=Path, default=Path("my_course"), help="the student's copy")
    parser.add_argument("--nbgrader-config", type=Path, default=None,
                        help="the course's nbgrader_config.py (its ClearSolutions stub is used)")
    parser.add_argument("--lab-config", type=Path, default=None,
                        help="also write the student view's Jupyter config folder here")
    args = parser.parse_args(argv)
    try:
        if args.action == "prepare":
            aside, status = None, prepare_student_copy(args.source, args.copy,
                                                       nbgrader_config=args.nbgrader_config)
        else:
            aside, status = renew_student_copy(args.source, args.copy, keep_work=args.action == "update",
                                               nbgrader_config=args.nbgrader_config)
        if args.lab_config is not None:
            write_lab_config(args.lab_config)
    except StudentCopyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if aside is not None:
        print(f"Your previous copy is now {aside}/ (nothing in it was changed or deleted).")
    print("\n".join(status.lines()))
    if args.action != "prepare":
        print("Run `make lab` to open it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
