#!/usr/bin/env bash
# Installs npm dependencies when package-lock.json changed since the last install.
# Decides by a stamp of the lock file's hash, not by mtimes: a fresh checkout has
# a new mtime but needs no reinstall, and a git worktree that links a shared
# node_modules must not wipe it with `npm ci` because its checkout is newer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

want="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp=node_modules/.stockflow-lock-sha256
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then exit 0; fi
if [[ -L node_modules ]]; then
  echo "install-deps: node_modules is a link to a shared install; not reinstalling through it" >&2
  exit 0
fi
echo "install-deps: package-lock.json changed since the last install; running npm ci"
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
