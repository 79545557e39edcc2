#!/usr/bin/env bash
# Makes sure the browser tests have Debian's Chromium (no browser is ever
# downloaded from elsewhere) and Debian's CJK fonts (the app also speaks
# Traditional Chinese; without them its pages render as empty boxes in the
# screenshots): nothing to do when they are there; otherwise installs the
# Debian packages when this runs as root with apt, and fails with what to do
# when it cannot.
set -euo pipefail

need=()
if ! { [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; } && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then need+=(fonts-noto-cjk); fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "chromium: installing Debian's ${need[*]} for the browser tests" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
	exit 0
fi

echo "chromium: the browser tests need Debian's ${need[*]}: apt-get install -y ${need[*]} (or set CHROMIUM=/path/to/chromium)" >&2
exit 1
