"""nbgrader settings every user of the hub shares (students, graders, the formgrader service).

Installed as the environment's system-wide ``etc/jupyter/nbgrader_config.py`` (on a hub built
from Debian packages: ``/etc/jupyter/nbgrader_config.py``). The tests replace the exchange path.
"""

from nbgrader.auth import JupyterHubAuthPlugin

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

# One exchange for every course on the hub; each course has its own folder in it.
c.Exchange.root = "/srv/nbgrader/exchange"
c.Exchange.path_includes_course = True
# Which courses a user is in comes from the hub's groups: nbgrader-COURSE for students,
# formgrade-COURSE for graders.
c.Authenticator.plugin_class = JupyterHubAuthPlugin
