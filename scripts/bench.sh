#!/usr/bin/env bash
# npm run bench:NAME -> runs dist/bench/NAME.bench.js against the real local stack.
# Benchmarks live in bench/ (written by their owners); this only prepares the ground.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

name="${1:?usage: scripts/bench.sh NAME   (runs dist/bench/NAME.bench.js)}"
shift
out="dist/bench/$name.bench.js"

bash scripts/install-deps.sh
# Build only when needed: a benchmark run should not pay for a full tsc pass
# when nothing changed since the last build.
if [[ ! -f "$out" || -n "$(find apps libs bench scripts -name '*.ts' -newer "$out" -print -quit 2>/dev/null)" ]]; then
  npm run build
fi
[[ -f "$out" ]] || { echo "bench.sh: $out does not exist (is there a bench/$name.bench.ts?)" >&2; exit 1; }
bash scripts/stack.sh up

export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"
exec node "$out" "$@"
