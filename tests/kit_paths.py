"""Where the repository's parts are, for tests to import by name.

Test modules import these from here rather than from ``conftest``: with a second conftest.py
under ``tests/browser/``, ``import conftest`` means whichever pytest loaded first.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
DATA = Path(__file__).resolve().parent / "data"
