#!/usr/bin/env bash
# npm start: from a fresh clone to the whole system running in the foreground:
# deps, build, Postgres/Redis/Kafka, migrations, every service under the
# supervisor, and a seeded demo catalog. Ctrl-C or SIGTERM stops it all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# ---------------------------------------------------------------------------
# DEVELOPMENT DEFAULTS: never use these in production. Every one can be
# overridden by setting the variable before `npm start`.
export CHANNEL_TOKENS="${CHANNEL_TOKENS:-pos:dev-pos-token,web:dev-web-token,amazon:dev-amazon-token,shopify:dev-shopify-token,3pl:dev-3pl-token}"
export OPERATOR_TOKENS="${OPERATOR_TOKENS:-dev-operator-token}"
export CHANNELS_FILE="${CHANNELS_FILE:-config/channels.dev.json}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/stockflow}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"
export PORT="${PORT:-3000}"
# ---------------------------------------------------------------------------
BASE_URL="http://127.0.0.1:$PORT"

bash scripts/install-deps.sh
npm run build

# Stop on exit only a Kafka we started: one that was already running belongs
# to someone else (another terminal, a test run) who still needs it.
kafka_started_here=0
bash scripts/kafka.sh status >/dev/null || kafka_started_here=1
seed_pid=""
receiver_pid=""
cleanup() {
  [[ -z "$seed_pid" ]] || kill "$seed_pid" 2>/dev/null || true
  [[ -z "$receiver_pid" ]] || kill "$receiver_pid" 2>/dev/null || true
  if ((kafka_started_here)); then bash scripts/kafka.sh stop || true; fi
}
trap cleanup EXIT

bash scripts/stack.sh up
node dist/scripts/migrate.js

token_3pl="$(tr ',' '\n' <<<"$CHANNEL_TOKENS" | sed -n 's/^3pl://p')"
event_id="$(cat /proc/sys/kernel/random/uuid)"
cat <<EOF

================================ Stockflow (development) ================================
Base URL: $BASE_URL      (health: /health/ready, metrics: /metrics)
Channel tokens (DEVELOPMENT DEFAULTS unless CHANNEL_TOKENS was set; never for production):
$(tr ',' '\n' <<<"$CHANNEL_TOKENS" | awk -F: '{ printf "  %-8s %s\n", $1, $2 }')
Operator tokens (DEVELOPMENT DEFAULT unless OPERATOR_TOKENS was set): $OPERATOR_TOKENS
  (read everything, pools and operator endpoints, any channel's dead letters; never writes)
Operator console: $BASE_URL/console (sign in with the operator token)
API docs: $BASE_URL/docs  (OpenAPI: /openapi.json, Kafka topics: /asyncapi.json)
Channels file: $CHANNELS_FILE
Try it (the second POST with the same eventId changes nothing):
  curl -i -X POST $BASE_URL/v1/events \\
    -H 'Authorization: Bearer ${token_3pl:-<token of channel 3pl>}' -H 'Content-Type: application/json' \\
    -d '{"eventId":"$event_id","type":"StockReceived","sku":"TSHIRT-RED-M","channel":"3pl",
         "occurredAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","schemaVersion":1,"locationId":"WH-EAST","quantity":5}'
  curl -H 'Authorization: Bearer ${token_3pl:-<token of channel 3pl>}' $BASE_URL/v1/stock/TSHIRT-RED-M
A demo catalog is seeded once the gateway is ready. Ctrl-C stops everything.
==========================================================================================

EOF

# The seeder waits for the gateway's readiness itself (up to 120 s).
node dist/scripts/seed-demo.js &
seed_pid=$!

# The development channels file points at loopback ports: a stand-in receiver
# answers there and logs what channel-sync sends (real channels: set CHANNELS_FILE).
if [[ "$CHANNELS_FILE" == "config/channels.dev.json" ]]; then
  node dist/scripts/channel-receiver.js &
  receiver_pid=$!
fi

# The supervisor runs as a child, not via exec, so that this shell survives to
# run the cleanup trap. Signals that reach only this shell (a SIGTERM to its
# pid) are forwarded; the supervisor then drains every service.
# `kill <pid of npm start>` reaches this shell because package.json runs it
# with `exec` (npm forwards SIGTERM to its one child, and a plain `sh -c` would
# die without passing it on). The watcher covers a parent that dies without
# forwarding anything (npm SIGKILLed, a closed terminal): orphaned, we stop.
node dist/scripts/supervise.js &
supervisor_pid=$!
trap 'kill -TERM "$supervisor_pid" 2>/dev/null || true' INT TERM
parent_pid=$PPID
(
  trap - INT TERM EXIT
  while kill -0 "$parent_pid" 2>/dev/null && kill -0 "$supervisor_pid" 2>/dev/null; do sleep 1; done
  kill -TERM "$supervisor_pid" 2>/dev/null || true
) </dev/null &
set +e
while :; do
  wait "$supervisor_pid"
  status=$?
  # `wait` also returns when a trapped signal arrives; loop until the
  # supervisor has really exited.
  kill -0 "$supervisor_pid" 2>/dev/null || break
done
set -e
exit "$status"
