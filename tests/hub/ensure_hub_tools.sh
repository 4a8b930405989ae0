#!/bin/sh
# The hub tests (tests/hub/) run a real JupyterHub behind npm's configurable-http-proxy and a
# private PostgreSQL cluster made with Debian's initdb/pg_ctl. Install what is missing when we
# can (as root with apt-get and npm); otherwise say how.
CHP_VERSION=5.3.0
missing=""
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then missing="$missing nodejs npm"; fi
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
  missing="$missing postgresql"
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing$missing for the hub tests..."
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing || exit 1
  else
    echo "The hub tests need$missing (Debian/Ubuntu: sudo apt-get install$missing)."
    exit 0
  fi
fi
if ! command -v configurable-http-proxy >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing configurable-http-proxy $CHP_VERSION (npm) for the hub tests..."
    npm install -g --no-fund --no-audit "configurable-http-proxy@$CHP_VERSION" || exit 1
  else
    echo "The hub tests need configurable-http-proxy: sudo npm install -g configurable-http-proxy@$CHP_VERSION"
  fi
fi
