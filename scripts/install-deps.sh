#!/usr/bin/env bash
# Installs node_modules when missing or stale, so `npm start`, `npm test` and
# the benchmarks work from a fresh clone with no manual step.
# WHY compare with node_modules/.package-lock.json: npm rewrites that file on
# every install, so a package-lock.json newer than it means the dependencies
# changed (pull, branch switch) since node_modules was last installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "install-deps: node_modules missing or older than package-lock.json; running npm ci"
  npm ci --no-audit --no-fund
fi
