"""Links to files the kit wrote, that open in the browser the way the student expects.

A relative link in a form resolves against JupyterLab's own address (``/lab/tree/...``), so
clicking it opens a second JupyterLab with the file in a viewer that asks to *Trust HTML*.
JupyterLab's server serves every file under its root at ``<base_url>files/<path>`` as it is:
an HTML page opens as a page, a calendar file downloads. The kernel learns the server's root and
base URL from the file the server writes in Jupyter's runtime folder (``jpserver-<pid>.json``);
the kernel runs as the server's child, which picks the right one when several are running.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .render import FEEDBACK, escape

#: JupyterLab draws a widget's links like plain text: colour and underline them ourselves.
LINK_STYLE = f"color:{FEEDBACK['info'][2]};text-decoration:underline;font-weight:bold"


def _running_servers() -> list[dict]:
    from jupyter_core.paths import jupyter_runtime_dir

    servers = []
    for info_file in Path(jupyter_runtime_dir()).glob("jpserver-*.json"):
        try:
            servers.append(json.loads(info_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue  # a server that is starting or stopping: not ours to read
    return servers


def served_url(path: str | Path) -> str | None:
    """The address (``<base_url>files/<path>``) at which the running Jupyter server serves
    ``path``, or ``None`` when no running server's root holds it (a script, Voila, an IDE)."""
    target = Path(path).resolve()
    best = None
    for info in _running_servers():
        root = info.get("root_dir")
        if not root:
            continue
        try:
            relative = target.relative_to(Path(root).resolve())
        except ValueError:
            continue
        rank = (info.get("pid") == os.getppid(), len(Path(root).parts))
        if best is None or rank > best[0]:
            best = (rank, info.get("base_url") or "/", relative)
    if best is None:
        return None
    _, base_url, relative = best
    return f"{base_url.rstrip('/')}/files/{quote(relative.as_posix())}"


def file_link(path: str | Path, *, download: bool = False) -> str:
    """An ``<a>`` to ``path``, named by the file's name: a download, or a page in a new tab.

    Without a server to serve it, the link is relative to the notebook's folder (the kernel's
    working folder), which is what an IDE or a plain browser resolves.
    """
    path = Path(path)
    href = served_url(path)
    if href is None:
        try:
            href = Path(os.path.relpath(path, Path.cwd())).as_posix()
        except ValueError:  # another drive on Windows
            href = path.as_uri()
    action = f'download="{escape(path.name)}"' if download else 'target="_blank" rel="noopener"'
    return (f'<a href="{escape(href)}" {action} title="{escape(str(path))}" '
            f'style="{LINK_STYLE}">'
            f"{escape(path.name)}</a>")
