"""The grader account's own nbgrader settings (``~grader/.jupyter/nbgrader_config.py``).

The formgrader service runs as the grader account from its home; this tells it where the
course folder is. The course's own ``nbgrader_config.py`` (in that folder) holds the rest.
"""

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.root = "/home/grader-infoview/infoview"
