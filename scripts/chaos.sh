#!/usr/bin/env bash
# npm run chaos -> dist/scripts/chaos.js: the fault suite (docs/faults.md).
# It starts its own Kafka, Postgres and Redis, so the shared stack is not needed;
# this only installs and builds what is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh
out=dist/scripts/chaos.js
# Build only when needed: a run should not pay for a full tsc pass when nothing changed.
if [[ ! -f "$out" || -n "$(find apps libs scripts -name '*.ts' -newer "$out" -print -quit 2>/dev/null)" ]]; then
  npm run build
fi
exec node "$out" "$@"
