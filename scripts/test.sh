#!/usr/bin/env bash
# npm test: every test, against the real local stack, from a fresh clone.
#   npm test                          unit tests, then e2e tests
#   npm test -- test/ledger/x.e2e-spec.ts   extra args go to both jest runs
# Exits non-zero if either run fails (both always run, so one report shows all).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh
# test/console drives Debian's chromium; installed here when missing (a no-op once present).
bash scripts/ensure-chromium.sh || echo "test.sh: chromium is missing; test/console will fail until it is installed" >&2
npm run build
bash scripts/stack.sh up

# Point the e2e connection helper (libs/testing) at the broker stack.sh just
# started; with nothing set it would look for a Docker engine instead.
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"

# With a path filter, one of the two projects usually matches nothing: that is
# not a failure then. Without one, an empty project is (it would hide lost tests).
filter=()
(($# > 0)) && filter=(--passWithNoTests "$@")

unit=0 e2e=0
# Unit tests are pure and parallel; e2e share one broker/database server and
# are run in band so their timing-sensitive assertions do not fight for 2 cores.
npx jest --selectProjects unit "${filter[@]}" || unit=$?
npx jest --selectProjects e2e --runInBand "${filter[@]}" || e2e=$?

echo "test.sh: unit exit code $unit, e2e exit code $e2e"
((unit == 0 && e2e == 0))
