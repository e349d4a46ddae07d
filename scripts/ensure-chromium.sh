#!/usr/bin/env bash
# The console's end-to-end test drives Debian's chromium (playwright-core, no
# browser download). Installs it when it is missing and apt can; otherwise says
# what to install. Waits for another apt run holding the lock instead of failing.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ -x "$CHROMIUM" ]]; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium (or set CHROMIUM_PATH)" >&2
  exit 1
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo -n); fi
echo "ensure-chromium: installing chromium with apt-get (needed by test/console)"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium
[[ -x "$CHROMIUM" ]] || { echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2; exit 1; }
