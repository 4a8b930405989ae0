# --- on the class's JupyterHub (appended to the course's nbgrader_config.py)
# The course id (infoview, set above) is also the name of the formgrader service and of the
# hub groups formgrade-infoview and nbgrader-infoview. The gradebook is a PostgreSQL database
# owned by the grader account: the formgrader (several graders at once), `infoview-kit grade`
# (several processes at once), `infoview-kit collect` and `infoview-kit export` all use it.
c.CourseDirectory.db_url = "postgresql+psycopg://grader-infoview@/infoview_gradebook?host=/var/run/postgresql"
