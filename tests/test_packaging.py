"""The built wheel, installed alone in a fresh virtual environment, brings everything it imports.

``pip install .`` is how a kit gets onto a machine outside this repository, so the wheel's
declared dependencies must cover every library any module imports, including the imports made
inside functions (icalendar for the meeting form, tqdm for the class commands), which a plain
``import infoview_kit`` would never reach.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv

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


@pytest.mark.slow
def test_the_wheel_in_a_fresh_venv_imports_every_module_and_library(tmp_path):
    """Does ``pip install`` of the built wheel alone give a kit whose every module and every
    imported library (icalendar, tqdm, ...) loads?"""
    # NB: build from a clean copy: a build in the work tree leaves build/lib behind, whose
    # stale modules a later wheel would carry
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
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
                    str(wheel)], check=True, timeout=900)
    done = subprocess.run([str(python), "-c", _IMPORT_EVERYTHING, str(REPO)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "modules" in done.stdout


@pytest.mark.slow
def test_the_wheel_carries_the_feedback_page_template(tmp_path):
    """The course config points nbgrader at a template inside the package: an installed kit
    (not only a clone) must have it, or generate_feedback fails for the whole class."""
    import zipfile

    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "test-artifacts",
        "my_work", "notebooks", "tests", "benchmarks", "docs"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(tmp_path), str(source)], check=True, timeout=600)
    (wheel,) = tmp_path.glob("infoview_kit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    folder = "infoview_kit/grading/templates/infoview_feedback/"
    assert {folder + "index.html.j2", folder + "conf.json"} <= names
