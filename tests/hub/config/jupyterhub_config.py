"""JupyterHub configuration of the class, as the hub tests run it (docs/jupyterhub.md explains it).

One machine, real Unix users, LocalProcessSpawner (as The Littlest JupyterHub does it), the
configurable-http-proxy from npm, and nbgrader's formgrader as a hub-managed service named after
the course and run as the course's grader account. What differs between machines (ports,
folders, who is in the class) is read from the JSON file named by ``INFOVIEW_HUB_SETTINGS``;
everything else is the configuration itself.
"""

import hmac
import json
import os
from pathlib import Path

from jupyterhub.auth import Authenticator
from traitlets import Dict

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)
settings = json.loads(Path(os.environ["INFOVIEW_HUB_SETTINGS"]).read_text())
course = settings["course_id"]
environment = Path(settings["environment"])
state = Path(settings["state_dir"])
instructors, tas, students = settings["instructors"], settings["tas"], settings["students"]
# every server and service the hub starts runs from the class's environment
server_env = {"PATH": f"{environment / 'bin'}:/usr/bin:/bin"}


class ClassPasswordAuthenticator(Authenticator):
    """Each user logs in with their own password (the tests' stand-in for PAM or OAuth).

    The passwords sit in the settings file, which only root can read.
    """

    passwords = Dict(help="user name -> password").tag(config=True)

    async def authenticate(self, handler, data):
        expected = self.passwords.get(data.get("username", ""))
        given = data.get("password", "")
        if expected and hmac.compare_digest(expected.encode(), given.encode()):
            return data["username"]
        return None


# --- who may log in, and who administers the hub
c.JupyterHub.authenticator_class = ClassPasswordAuthenticator
c.ClassPasswordAuthenticator.passwords = settings["passwords"]
# the grader account is a hub user too (nbgrader's formgrader asks the hub which courses the
# user it runs as grades); it has no password, so nobody logs in as it
c.Authenticator.allowed_users = set(instructors + tas + students + [settings["grader"]])
# the instructor administers the hub; a teaching assistant only grades
c.Authenticator.admin_users = set(instructors)

# --- where the hub listens and keeps its state
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = settings["hub_port"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = settings["hub_api_port"]
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.ConfigurableHTTPProxy.command = [settings["proxy_command"]]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings['proxy_api_port']}"
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")

# --- every user's own server: their Unix account, the class's environment
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = [str(environment / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = server_env
# a shared 2-core machine starting several servers at once
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# lets the tests drive JupyterLab through window.jupyterapp; a real class leaves it out
c.Spawner.args = settings.get("spawner_args", [])

# --- the course: graders and students are hub groups nbgrader reads (JupyterHubAuthPlugin)
c.JupyterHub.load_groups = {
    f"formgrade-{course}": {"users": instructors + tas + [settings["grader"]]},
    f"nbgrader-{course}": {"users": students},
}
c.JupyterHub.load_roles = [
    # graders reach the course's formgrader service; nobody else does
    {"name": f"formgrade-{course}", "groups": [f"formgrade-{course}"],
     "scopes": [f"access:services!service={course}", "list:services",
                f"read:services!service={course}"]},
    # students see that the course exists (the Assignments tab lists courses)
    {"name": f"nbgrader-{course}", "groups": [f"nbgrader-{course}"],
     "scopes": ["list:services", f"read:services!service={course}"]},
    # a user's server may read its own user's groups: JupyterHubAuthPlugin asks the hub which
    # courses the user is in. Nothing about other users.
    {"name": "server",
     "scopes": ["users:activity!user", "access:servers!server", "read:users:groups!user",
                "read:users:name!user", "list:services", f"read:services!service={course}"]},
    # the formgrader service reads who is in which course group
    {"name": f"service-{course}", "services": [course],
     "scopes": ["list:users", "read:users:groups", "read:users:name", "read:groups"]},
    # the instructor's scripts (and the tests): manage users, servers and tokens
    {"name": "class-admin", "services": ["class-admin"],
     "scopes": ["admin:users", "admin:servers", "admin:server_state", "tokens", "list:users",
                "read:users", "read:groups", "read:roles"]},
]
c.JupyterHub.services = [
    {
        # the name MUST be the nbgrader course id
        "name": course,
        "url": f"http://127.0.0.1:{settings['service_port']}",
        "command": [str(environment / "bin" / "jupyterhub-singleuser")],
        "user": settings["grader"],
        "cwd": settings["grader_home"],
        "environment": {**server_env, "JUPYTERHUB_DEFAULT_URL": "/formgrader"},
        "oauth_no_confirm": True,
    },
    {"name": "class-admin", "api_token": settings["admin_token"]},
]
