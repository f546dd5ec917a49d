#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium, installing Debian's `chromium` package first when
# none is there (CI runs as root on Debian). Used by HtmlReportBrowserTest; all chatter goes to
# stderr so that stdout is only the path.
set -euo pipefail

find_chromium() {
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}

if find_chromium; then
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "chromium is missing and only root can install it: run 'apt-get update && apt-get install -y chromium'" >&2
  exit 3
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium is missing and there is no apt-get to install it with" >&2
  exit 3
fi

echo "chromium is missing: installing Debian's chromium package (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt or dpkg run (up to 10 minutes) rather than fail on its lock.
apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >&2
find_chromium
