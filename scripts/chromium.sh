#!/usr/bin/env bash
# Makes sure the browser tests have Debian's Chromium (no browser is ever
# downloaded from elsewhere): nothing to do when $CHROMIUM or
# /usr/bin/chromium is there; otherwise installs the Debian package when
# this runs as root with apt, and fails with what to do when it cannot.
set -euo pipefail

if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "chromium: installing Debian's chromium package for the browser tests" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	exit 0
fi

echo "chromium: the browser tests need Chromium: apt-get install -y chromium, or set CHROMIUM=/path/to/chromium" >&2
exit 1
