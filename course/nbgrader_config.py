"""nbgrader configuration of the informational-interview course (the one place it lives).

Run every instructor command from this folder (``cd course``), e.g. ``nbgrader generate_assignment
interviews``. The whole course is ONE assignment, ``interviews``: its four notebooks are released
and submitted together, so the work folder ``my_work/`` they share travels with them. The source
assignment ``source/interviews/`` holds symbolic links to the notebooks in the repository's
``notebooks/`` folder, so there is one copy of each notebook; ``4_write_summary.ipynb`` carries the
nbgrader metadata (solution, rubric test cells, mark scheme).

Grading: the summary is graded by the grader's own process from the submitted
``my_work/summary.json`` (see ``infoview_kit/grading/preprocessors.py``), not by code running in the
student's kernel. ``preprocessors.configure(c)`` puts those steps in the pipeline; keep it LAST, after any
line that changes ``Autograde.*_preprocessors`` or swaps the Execute step.
"""

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "infoview"
# The exchange: /srv/nbgrader/exchange is nbgrader's default; on a shared machine or JupyterHub
# it must exist and be writable by everyone (chmod 777). Tests pass --Exchange.root instead.
# c.Exchange.root = "/srv/nbgrader/exchange"

# Cells a student deleted come back from the gradebook instead of silently scoring zero.
c.OverwriteCells.add_missing_cells = True

# --- sandbox (infoview_kit/grading/sandbox.py): every student kernel runs isolated (no network,
# hidden course and exchange, read-only system, memory/process/CPU limits, its own user id when
# graded as root) with a short cell timeout. Tune with c.Sandbox.* and c.Execute.timeout.
from infoview_kit.grading import sandbox  # noqa: E402

sandbox.configure(c, timeout=15)
# --- end sandbox

from infoview_kit.grading import preprocessors  # noqa: E402

preprocessors.configure(c)
