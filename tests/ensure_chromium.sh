#!/bin/sh
# The end-to-end tests drive Debian's chromium (browser downloads are blocked on our machines,
# so Playwright is pointed at /usr/bin/chromium). Install it when we can; otherwise say how.
if [ -x "${INFOVIEW_CHROMIUM:-/usr/bin/chromium}" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
else
  echo "The browser tests need Chromium at /usr/bin/chromium (Debian/Ubuntu: sudo apt-get install chromium),"
  echo "or set INFOVIEW_CHROMIUM to a Chromium or Chrome binary."
fi
