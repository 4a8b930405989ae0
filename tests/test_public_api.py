"""The public surface is small, importable, and every name in it is documented in the README."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import infoview_kit
from kit_paths import REPO


def _api_section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Public API\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    assert match, "README.md has no '## Public API' section"
    return match.group(1)


@pytest.mark.parametrize("name", infoview_kit.__all__)
def test_every_public_name_is_documented_in_the_readme(name):
    """Does the README's Public API section mention each name in __all__ (as `name`)?"""
    assert re.search(rf"`{re.escape(name)}[`(]", _api_section()), (
        f"{name} is public (in infoview_kit.__all__) but not documented under '## Public API'"
    )


@pytest.mark.parametrize("name", infoview_kit.__all__)
def test_every_public_name_resolves(name):
    """Does each lazily exported name point at a real object?"""
    assert getattr(infoview_kit, name) is not None


def test_unknown_name_raises_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        infoview_kit.nope  # noqa: B018


def test_import_does_not_pull_in_heavy_libraries():
    """Is `import infoview_kit` free of pandas, matplotlib, scipy and ipywidgets?"""
    code = (
        "import sys, infoview_kit\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'scipy', 'ipywidgets', 'nbgrader') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_lists_its_commands():
    out = subprocess.run([sys.executable, "-m", "infoview_kit.cli", "--help"],
                         capture_output=True, text=True, check=True)
    for command in ("cohort", "grade"):
        assert command in out.stdout


def test_cli_rejects_unknown_command():
    out = subprocess.run([sys.executable, "-m", "infoview_kit.cli", "frobnicate"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "unknown command 'frobnicate'" in out.stderr
