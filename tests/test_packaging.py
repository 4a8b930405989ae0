"""The built wheel, installed alone in a fresh virtual environment, brings everything it imports.

``pip install .`` is how a kit gets onto a machine outside this repository, so the wheel's
declared dependencies must cover every library any module imports, including the imports made
inside functions (icalendar for the meeting form, tqdm for the class commands), which a plain
``import infoview_kit`` would never reach. It must also carry the course's notebooks, so that
``infoview-kit add-assignment`` lays out a course nbgrader can use on a machine with no clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from kit_paths import REPO

# Runs in the fresh environment: import every module, then every library named by any import
# statement of the package (top level or inside a function), outside the repository.
_IMPORT_EVERYTHING = r"""
import ast, importlib, pathlib, pkgutil, sys
import infoview_kit
root = pathlib.Path(infoview_kit.__file__).parent
assert not str(root).startswith(sys.argv[1]), f"imported from the repository: {root}"
modules = [m.name for m in pkgutil.walk_packages(infoview_kit.__path__, "infoview_kit.")]
for name in modules:
    importlib.import_module(name)
libraries = set()
for path in root.rglob("*.py"):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            libraries.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            libraries.add(node.module.split(".")[0])
for library in sorted(libraries):
    importlib.import_module(library)
print(len(modules), "modules", len(libraries), "libraries")
"""


def _clean_env(env_dir) -> dict:
    """The fresh environment's tools first on PATH, and nothing that points back at the
    repository (PYTHONPATH would import the kit from the work tree instead of the wheel)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "INFOVIEW_WORK_DIR", "JUPYTER_CONFIG_DIR", "VIRTUAL_ENV")}
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory):
    """The wheel built from a copy of the repository, installed alone in a fresh venv."""
    tmp_path = tmp_path_factory.mktemp("wheel")
    # NB: build from a clean copy: a build in the work tree leaves build/lib behind, whose
    # stale modules a later wheel would carry. The copy keeps the links a clone has
    # (infoview_kit/notebooks -> ../notebooks), so the build is the one a clone gets.
    source = tmp_path / "source"
    shutil.copytree(REPO, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "test-artifacts",
        "my_work"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(source)], check=True, timeout=600)
    (wheel,) = wheels.glob("infoview_kit-*.whl")
    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # the pins only choose versions (and so pip's cache); what gets installed is the wheel's list
    subprocess.run([str(python), "-m", "pip", "install", "-q", "-c", str(REPO / "requirements.txt"),
                    str(wheel)], check=True, timeout=900, env=_clean_env(env_dir))
    return {"wheel": wheel, "env_dir": env_dir, "python": python, "tmp": tmp_path}


@pytest.mark.slow
def test_the_wheel_in_a_fresh_venv_imports_every_module_and_library(installed_wheel):
    """Does ``pip install`` of the built wheel alone give a kit whose every module and every
    imported library (icalendar, tqdm, ...) loads?"""
    env_dir = installed_wheel["env_dir"]
    done = subprocess.run([str(installed_wheel["python"]), "-c", _IMPORT_EVERYTHING, str(REPO)],
                          cwd=installed_wheel["tmp"], env=_clean_env(env_dir),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "modules" in done.stdout


@pytest.mark.slow
@pytest.mark.nbgrader
def test_the_installed_kit_lays_out_a_course_nbgrader_can_generate(installed_wheel):
    """From the wheel alone, far from any clone: does ``infoview-kit add-assignment`` give a
    course whose ``nbgrader generate_assignment interviews`` releases all four notebooks?"""
    with zipfile.ZipFile(installed_wheel["wheel"]) as wheel:
        carried = {Path(name).name: wheel.read(name) for name in wheel.namelist()
                   if name.startswith("infoview_kit/notebooks/")}
    assert carried == {p.name: p.read_bytes() for p in (REPO / "notebooks").glob("*.ipynb")}

    env_dir, work = installed_wheel["env_dir"], installed_wheel["tmp"] / "elsewhere"
    work.mkdir()
    env = _clean_env(env_dir)
    env["HOME"] = str(work)
    added = subprocess.run([str(env_dir / "bin" / "infoview-kit"), "add-assignment", "course"],
                           cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert added.returncode == 0, added.stderr
    generated = subprocess.run([str(env_dir / "bin" / "nbgrader"), "generate_assignment",
                                "interviews"], cwd=work / "course", env=env, capture_output=True,
                               text=True, timeout=300)
    assert generated.returncode == 0, generated.stderr
    release = work / "course" / "release" / "interviews"
    assert sorted(p.name for p in release.glob("*.ipynb")) == sorted(carried)
    summary = (release / "4_write_summary.ipynb").read_text(encoding="utf-8")
    assert "Nothing to type here" in summary and "BEGIN SOLUTION" not in summary


@pytest.mark.slow
def test_the_wheel_carries_the_feedback_page_template(installed_wheel):
    """The course config points nbgrader at a template inside the package: an installed kit
    (not only a clone) must have it, or generate_feedback fails for the whole class."""
    names = set(zipfile.ZipFile(installed_wheel["wheel"]).namelist())
    folder = "infoview_kit/grading/templates/infoview_feedback/"
    assert {folder + "index.html.j2", folder + "conf.json"} <= names
