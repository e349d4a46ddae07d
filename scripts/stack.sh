#!/usr/bin/env bash
# The local stack the services and e2e tests need: Postgres, Redis, Kafka.
#   scripts/stack.sh up     make all three answer, create the database
#   scripts/stack.sh down   stop Kafka only
#
# WHY down leaves Postgres and Redis alone: they are machine services shared
# with other projects (started by the machine, not by us); Kafka is ours.
#
# Environment (defaults are for local development):
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/stockflow
#   REDIS_URL=redis://127.0.0.1:6379
#   KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_CACHE_DIR, KAFKA_DATA_DIR: see kafka.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/stockflow}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

say() { echo "stack.sh: $*"; }
die() { echo "stack.sh: ERROR: $*" >&2; exit 1; }

# postgres://[user[:pass]@]host[:port][/db][?params] -> PG_* parts.
parse_database_url() {
  local re='^(postgres(ql)?://)([^@/]*@)?(\[[^]]+\]|[^:/?]+)(:([0-9]+))?(/([^?]*))?(\?.*)?$'
  [[ "$DATABASE_URL" =~ $re ]] ||
    die "DATABASE_URL is not a postgres:// URL: $DATABASE_URL"
  PG_PREFIX="${BASH_REMATCH[1]}${BASH_REMATCH[3]}"
  PG_HOST="${BASH_REMATCH[4]}"
  PG_PORT="${BASH_REMATCH[6]:-5432}"
  PG_DB="${BASH_REMATCH[8]:-stockflow}"
  PG_QUERY="${BASH_REMATCH[9]}"
}

# redis://[user:pass@]host[:port][/db] -> REDIS_HOST, REDIS_PORT.
parse_redis_url() {
  local re='^rediss?://([^@/]*@)?(\[[^]]+\]|[^:/?]+)(:([0-9]+))?'
  [[ "$REDIS_URL" =~ $re ]] || die "REDIS_URL is not a redis:// URL: $REDIS_URL"
  REDIS_HOST="${BASH_REMATCH[2]}"
  REDIS_PORT="${BASH_REMATCH[4]:-6379}"
}

# We only ever start servers on this machine: a remote URL that does not
# answer is a configuration problem for the user to fix.
is_loopback() { [[ "$1" =~ ^(127\.0\.0\.1|localhost|::1|\[::1\])$ ]]; }

# Poll CHECK (a function name) for up to $2 seconds.
wait_for() {
  local check="$1" deadline=$((SECONDS + $2))
  until "$check"; do
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

pg_answers() { pg_isready -q -h "${PG_HOST//[\[\]]/}" -p "$PG_PORT" -t 3; }
redis_answers() { [[ "$(timeout 5 redis-cli -u "$REDIS_URL" ping 2>/dev/null)" == "PONG" ]]; }

ensure_postgres() {
  command -v pg_isready >/dev/null && command -v psql >/dev/null ||
    die "pg_isready/psql not found: install the Postgres client (Debian: apt-get install -y postgresql-client)."
  pg_answers && { say "Postgres answers on $PG_HOST:$PG_PORT"; return 0; }
  if is_loopback "$PG_HOST" && command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]]; then
    local version
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    say "Postgres not answering; starting local cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for pg_answers 30 && { say "Postgres started"; return 0; }
  fi
  die "Postgres does not answer on $PG_HOST:$PG_PORT and could not be started here. Start a Postgres server (Debian: apt-get install -y postgresql), or point DATABASE_URL=postgres://USER[:PASS]@HOST:PORT/DB at a running one."
}

ensure_redis() {
  command -v redis-cli >/dev/null ||
    die "redis-cli not found: install it (Debian: apt-get install -y redis-tools)."
  redis_answers && { say "Redis answers on $REDIS_HOST:$REDIS_PORT"; return 0; }
  if is_loopback "$REDIS_HOST" && command -v redis-server >/dev/null; then
    say "Redis not answering; starting redis-server on 127.0.0.1:$REDIS_PORT"
    # No persistence: it is a cache of the ledger, rebuilt by reconciliation.
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
      --save "" --appendonly no || true
    wait_for redis_answers 15 && { say "Redis started"; return 0; }
  fi
  die "Redis does not answer at $REDIS_URL and could not be started here. Start a Redis server (Debian: apt-get install -y redis-server), or point REDIS_URL=redis://HOST:PORT at a running one."
}

ensure_database() {
  # The name is spliced into SQL (CREATE DATABASE takes no bind parameters),
  # so only plain names are accepted.
  [[ "$PG_DB" =~ ^[A-Za-z0-9_-]{1,63}$ ]] ||
    die "database name '$PG_DB' in DATABASE_URL must match [A-Za-z0-9_-]{1,63}"
  local admin_url="${PG_PREFIX}${PG_HOST}:${PG_PORT}/postgres${PG_QUERY}"
  local exists
  exists="$(psql "$admin_url" -v ON_ERROR_STOP=1 -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ||
    die "cannot query Postgres as given by DATABASE_URL (see above)"
  if [[ "$exists" == "1" ]]; then
    say "database $PG_DB exists"
    return 0
  fi
  # A concurrent `stack.sh up` may create it first: re-check before failing.
  if psql "$admin_url" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$PG_DB\"" 2>/dev/null ||
    [[ "$(psql "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" == "1" ]]; then
    say "database $PG_DB created"
  else
    die "could not create database $PG_DB (does the DATABASE_URL user have CREATEDB?)"
  fi
}

case "${1:-}" in
  up)
    parse_database_url
    parse_redis_url
    ensure_postgres
    ensure_redis
    bash "$ROOT/scripts/kafka.sh" start
    ensure_database
    say "stack is up"
    ;;
  down)
    bash "$ROOT/scripts/kafka.sh" stop
    ;;
  *)
    echo "usage: $0 {up|down}" >&2
    exit 2
    ;;
esac
