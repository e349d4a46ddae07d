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

# bench:reserve compares with Magento MSI on MariaDB (InnoDB): it must answer
# before the run starts, not fail minutes into it. The stack does not start it
# (it is not part of Stockflow); CI images need mariadb-server installed and running.
if [[ "$name" == reserve ]]; then
  maria="${MARIADB_URL:-mysql://root@127.0.0.1:3306/test}"
  if command -v mysql >/dev/null; then
    re='^mysql://([^:@/]+)(:([^@]*))?@([^:/]+)(:([0-9]+))?/([^?]+)'
    [[ "$maria" =~ $re ]] || { echo "bench.sh: MARIADB_URL is not mysql://USER[:PASS]@HOST[:PORT]/DB: $maria" >&2; exit 1; }
    if ! MYSQL_PWD="${BASH_REMATCH[3]}" mysql -u"${BASH_REMATCH[1]}" -h"${BASH_REMATCH[4]}" -P"${BASH_REMATCH[6]:-3306}" "${BASH_REMATCH[7]}" \
      -e 'SELECT 1 FROM seq_1_to_1' >/dev/null 2>&1; then
      echo "bench.sh: MariaDB does not answer at $maria (or lacks the Sequence engine). bench:reserve needs it:" >&2
      echo "  Debian: apt-get install -y mariadb-server && service mariadb start   (root without password, database test), or set MARIADB_URL" >&2
      exit 1
    fi
    echo "bench.sh: MariaDB answers at $maria"
  else
    echo "bench.sh: no mysql client to check MariaDB; bench:reserve checks it itself (MARIADB_URL=$maria)"
  fi
fi

export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"
exec node "$out" "$@"
