"""``infoview-kit add-assignment COURSE_DIR``: the ``interviews`` assignment, as real files.

The repository's own ``course/`` links to the notebooks in ``notebooks/``; a copy of that folder
made elsewhere keeps links that point nowhere, and nbgrader stops with a bare
``FileNotFoundError``. This command works from the installed package (the wheel carries the
notebooks) and writes real notebook files into ``COURSE_DIR/source/interviews/``:

* a new or empty folder becomes a complete nbgrader course (``nbgrader_config.py`` included);
* an existing course gets the assignment, and the lines the kit needs are appended to the end
  of its ``nbgrader_config.py`` (the kit's grading step must come last), leaving every line of
  the instructor's own as it was. Where the file can't be merged safely, the command says which
  lines to add by hand.

Nothing of the instructor's is overwritten: a different ``source/interviews/`` is refused
unless ``--force``, and anything replaced or changed is first copied to
``COURSE_DIR/.infoview-backup/<time>/``.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..storage import WORK_DIR_NAME

#: The kit's one nbgrader assignment: all four notebooks, released and submitted together.
ASSIGNMENT = "interviews"
CONFIG_FILE = "nbgrader_config.py"
BACKUP_DIR = ".infoview-backup"
#: First line of the block the kit appends; finding it means the config is already merged.
BLOCK_MARK = "# --- infoview_kit: the interviews assignment"

_SANDBOX_ON = """\
# Student kernels that autograde starts run isolated (no network, hidden course and exchange,
# read-only system, memory/process/CPU limits) with a short cell timeout. Tune with c.Sandbox.*
# and c.Execute.timeout. (The interviews notebooks themselves are graded without running them.)
from infoview_kit.grading import sandbox  # noqa: E402

sandbox.configure({c}, timeout=15)
"""
_SANDBOX_OFF = """\
# Optional, for the course's assignments that run student code (the interviews notebooks are
# graded without running them): isolated student kernels, no network, a 15 s cell timeout.
# from infoview_kit.grading import sandbox
# sandbox.configure({c}, timeout=15)
"""
_BLOCK = """\
{mark} (infoview-kit add-assignment) ---
# A rubric cell a student deleted comes back from the gradebook instead of scoring zero
# (a value set above is kept).
if "add_missing_cells" not in {c}.OverwriteCells:
    {c}.OverwriteCells.add_missing_cells = True
{sandbox}
# The summary is graded by the grader's own process from the submitted my_work/summary.json.
# Keep this LAST, after any line that changes Autograde.*_preprocessors or the Execute step.
from infoview_kit.grading import preprocessors  # noqa: E402

preprocessors.configure({c})
# --- end infoview_kit
"""
_NEW_CONFIG = '''\
"""nbgrader configuration of this course, written by ``infoview-kit add-assignment``.

Run the instructor commands in this folder, e.g. ``nbgrader generate_assignment {assignment}``.
"""

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "{course_id}"
# The exchange: /srv/nbgrader/exchange is nbgrader's default; on a shared machine or JupyterHub
# it must exist and be writable by everyone (chmod 777).
# c.Exchange.root = "/srv/nbgrader/exchange"

'''


class LayoutError(Exception):
    """The course folder can't take the assignment as it is; nothing was changed."""


@dataclass
class LayoutReport:
    """What :func:`add_assignment` did, one line per change, for the instructor to read."""

    course: Path
    done: list[str] = field(default_factory=list)
    #: The kit's lines when the config could not be merged: to be added by hand.
    add_by_hand: str = ""
    backup: Path | None = None

    def __repr__(self) -> str:
        return f"LayoutReport({self.course}: {'; '.join(self.done) or 'nothing to do'})"


def kit_notebooks() -> list[Path]:
    """The assignment's notebooks as the installed package carries them."""
    folder = Path(str(resources.files("infoview_kit") / "notebooks"))
    found = sorted(folder.glob("*.ipynb")) if folder.is_dir() else []
    if not found:
        raise LayoutError(
            f"the kit's notebooks are missing from {folder}. In a clone, that folder is a "
            f"link to the repository's notebooks/: on Windows clone with "
            f"`git clone -c core.symlinks=true`; otherwise reinstall the package.")
    return found


def config_block(variable: str = "c", *, sandbox: bool = False) -> str:
    """The lines the kit needs at the end of ``nbgrader_config.py`` (config object ``variable``).

    The sandbox changes how every assignment of a course runs student code, so it is only
    switched on in a course this command creates.
    """
    part = (_SANDBOX_ON if sandbox else _SANDBOX_OFF).format(c=variable)
    return _BLOCK.format(mark=BLOCK_MARK, c=variable, sandbox=part)


def _config_variable(tree: ast.Module) -> str | None:
    """The name the config assigns ``get_config()`` to at its top level."""
    for node in tree.body:
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name) and node.value.func.id == "get_config"
                and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            return node.targets[0].id
    return None


def _calls_kit_grading(tree: ast.Module) -> bool:
    """Does the config already call ``preprocessors.configure`` (a config copied from the kit)?"""
    return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
               and node.func.attr == "configure" and isinstance(node.func.value, ast.Name)
               and node.func.value.id == "preprocessors" for node in ast.walk(tree))


def plan_config(text: str) -> tuple[str, str]:
    """How to merge the kit into an existing config: ``("merged", "")`` when it already holds
    the kit's lines, ``("append", block)``, or ``("by hand", reason)``."""
    if BLOCK_MARK in text:
        return "merged", ""
    try:
        tree = ast.parse(text)
    except SyntaxError as error:
        return "by hand", (f"it is not valid Python (line {error.lineno}: {error.msg}); "
                           f"fix it, then run this command again or add the lines below")
    if _calls_kit_grading(tree):
        return "merged", ""
    variable = _config_variable(tree)
    if variable is None:
        return "by hand", ("it never assigns get_config() to a name at its top level "
                           "(`c = get_config()`), so the kit's lines have nothing to act on")
    return "append", config_block(variable)


def _differences(target: Path, notebooks: list[Path]) -> list[str]:
    """How ``target`` differs from the kit's notebooks, in words; empty when it holds them."""
    if target.is_symlink() or not target.is_dir():
        return [f"{target} is a link or a file, not a folder of its own"]
    found = []
    for notebook in notebooks:
        path = target / notebook.name
        if path.is_symlink() and not path.exists():
            found.append(f"{notebook.name} is a link to {path.readlink()}, which does not exist")
        elif path.is_symlink():
            found.append(f"{notebook.name} is a link, not a file of its own")
        elif not path.is_file():
            found.append(f"{notebook.name} is missing")
        elif path.read_bytes() != notebook.read_bytes():
            found.append(f"{notebook.name} differs from the kit's")
    kit = {n.name for n in notebooks}
    found += [f"{p.name} is not one of the kit's notebooks" for p in sorted(target.iterdir())
              if p.name not in kit and p.name not in (".ipynb_checkpoints", WORK_DIR_NAME)]
    return found


def _is_course(course: Path) -> bool:
    return any((course / name).exists() for name in
               (CONFIG_FILE, "nbgrader_config.json", "source", "gradebook.db"))


def add_assignment(course: str | Path, *, force: bool = False,
                   course_id: str = "infoview") -> LayoutReport:
    """Put the ``interviews`` assignment into the nbgrader course ``course``.

    Creates a complete course (config, ``source/interviews/``) in a new or empty folder; in an
    existing course adds the notebooks and appends the kit's config lines. ``course_id`` is used
    only for a new course. ``force`` replaces a ``source/interviews/`` that differs from the
    kit's, after copying it to the backup folder. Raises :class:`LayoutError` (nothing changed)
    when the folder is something else or the assignment is there and differs.
    """
    course = Path(course).expanduser()
    notebooks = kit_notebooks()
    if course.exists() and not course.is_dir():
        raise LayoutError(f"{course} is a file, not a folder; pass a course folder")
    new = not course.exists() or not any(course.iterdir())
    if not new and not _is_course(course):
        raise LayoutError(
            f"{course} is not empty and is not an nbgrader course (no {CONFIG_FILE}, source/ "
            f"or gradebook.db); pass a new or empty folder, or your course folder")
    target = course / "source" / ASSIGNMENT
    report = LayoutReport(course)
    differences = _differences(target, notebooks) if target.exists() or target.is_symlink() else None
    if differences and not force:
        raise LayoutError(
            f"{target} already exists and is not the kit's assignment:\n  - "
            + "\n  - ".join(differences)
            + f"\nNothing was changed. To replace it with the kit's notebooks, run again with "
              f"--force (the folder as it is now is kept in {course / BACKUP_DIR}/). If students "
              f"have already submitted, regenerate with care: nbgrader keeps their work.")

    config = course / CONFIG_FILE
    if config.exists():
        action, detail = plan_config(config.read_text(encoding="utf-8", errors="replace"))
    elif (course / "nbgrader_config.json").exists():
        action, detail = "by hand", (
            "the course is configured in nbgrader_config.json, which nbgrader reads after "
            f"{CONFIG_FILE}, so lines added there would be undone; move its settings into "
            f"{CONFIG_FILE} (as c.Section.option = value) and add the lines below at its end")
    else:
        action, detail = "create", ""

    def backup(path: Path) -> None:
        if report.backup is None:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            report.backup = course / BACKUP_DIR / stamp
            while report.backup.exists():  # two runs in one second
                report.backup = report.backup.with_name(report.backup.name + "+")
        dest = report.backup / path.relative_to(course)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir() and not path.is_symlink():
            shutil.copytree(path, dest, symlinks=True)
        else:
            shutil.copy2(path, dest, follow_symlinks=False)

    if differences:
        backup(target)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink()
    if differences is None or differences:
        target.mkdir(parents=True)
        for notebook in notebooks:
            shutil.copyfile(notebook, target / notebook.name)
        report.done.append(f"wrote {len(notebooks)} notebooks into {target}"
                           + (" (the old folder is in the backup)" if differences else ""))

    if action == "create":
        config.write_text(_NEW_CONFIG.format(assignment=ASSIGNMENT, course_id=course_id)
                          + config_block("c", sandbox=True), encoding="utf-8")
        report.done.append(f"wrote {config} (course id {course_id!r})")
    elif action == "append":
        backup(config)
        text = config.read_text(encoding="utf-8")
        config.write_text(text + ("" if text.endswith("\n") else "\n") + "\n" + detail,
                          encoding="utf-8")
        report.done.append(f"added the kit's lines at the end of {config}; your own lines are "
                           f"unchanged (the file as it was is in the backup)")
    elif action == "by hand":
        report.add_by_hand = (f"{config} was not changed: {detail}.\nAdd these lines at the "
                              f"end of it:\n\n{config_block()}")
    return report


def add_assignment_command(argv: list[str]) -> int:
    """``infoview-kit add-assignment``; exit 0 done, 1 config lines to add by hand, 2 refused."""
    parser = argparse.ArgumentParser(
        prog="infoview-kit add-assignment",
        description="Lay out an nbgrader course with the interviews assignment (real notebook "
                    "files and the config lines the kit needs), or add it to an existing course.")
    parser.add_argument("course", help="the course folder: new, empty, or an nbgrader course")
    parser.add_argument("--force", action="store_true", help="replace a source/interviews/ "
                        "that differs from the kit's (the old one is backed up first)")
    parser.add_argument("--course-id", default="infoview",
                        help="nbgrader course id of a NEW course (default: infoview)")
    args = parser.parse_args(argv)
    try:
        report = add_assignment(args.course, force=args.force, course_id=args.course_id)
    except LayoutError as error:
        print(f"infoview-kit add-assignment: {error}", file=sys.stderr)
        return 2
    for line in report.done:
        print(line)
    if not report.done and not report.add_by_hand:
        print(f"{report.course} already has the interviews assignment and the kit's config "
              f"lines; nothing to do")
    if report.backup is not None:
        print(f"backup of what was replaced or changed: {report.backup}")
    if report.add_by_hand:
        print(report.add_by_hand, file=sys.stderr)
        return 1
    print(f"next: cd {report.course} && nbgrader generate_assignment {ASSIGNMENT}")
    return 0
