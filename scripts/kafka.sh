#!/usr/bin/env bash
# Local single-node Kafka (KRaft: broker and controller in one JVM, no ZooKeeper)
# for development, tests and CI.   Usage: scripts/kafka.sh {start|stop|status}
#
# WHY jars from Maven instead of the Kafka tarball: our machines reach Maven
# Central but not the Apache download mirrors, and there is no Docker engine.
# WHY 4.1.x: the current Apache line; kafkajs 2.2.4 picks protocol versions 4.x
# still serves (Produce v7, Fetch v11, JoinGroup v5). 4.x is KRaft-only and logs
# through log4j2 (see write_config).
#
# Environment (all optional):
#   KAFKA_PORT=9092              client listener on 127.0.0.1
#   KAFKA_CONTROLLER_PORT=9093   KRaft controller listener on 127.0.0.1
#   KAFKA_CACHE_DIR=.cache/kafka jars, config, pid and log files
#   KAFKA_DATA_DIR=$KAFKA_CACHE_DIR/data   log.dirs (formatted once, then reused)
#   KAFKA_HEAP_OPTS="-Xms512m -Xmx1g"
#   KAFKA_CONTRACT_TOPICS=1      0: skip creating the contract topics and warming the
#                                group coordinator (a caller that creates prefixed topics
#                                itself, e.g. npm run chaos, saves a JVM launch per topic)
# For tests of authentication (test/kafka/sasl-login.e2e-spec.ts), also optional:
#   KAFKA_EXTRA_LISTENERS="SASL_SSL://127.0.0.1:9095"  more client listeners, each named
#                                after its security protocol and advertised as written
#   KAFKA_EXTRA_CONFIG=/path     properties appended to server.properties (mechanisms, keystore)
#   KAFKA_FORMAT_ARGS="--add-scram SCRAM-SHA-512=[name=u,password=p]"  more StorageTool
#                                format flags (SCRAM users exist from the first start in KRaft)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
abs() { case "$1" in /*) echo "$1" ;; *) echo "$ROOT/$1" ;; esac; }

CACHE="$(abs "${KAFKA_CACHE_DIR:-.cache/kafka}")"
DATA="$(abs "${KAFKA_DATA_DIR:-$CACHE/data}")"
LIBS="$CACHE/libs"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
BOOTSTRAP="127.0.0.1:$PORT"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms512m -Xmx1g}"
CONTRACT_TOPICS="${KAFKA_CONTRACT_TOPICS:-1}"
EXTRA_LISTENERS="${KAFKA_EXTRA_LISTENERS:-}"
EXTRA_CONFIG="${KAFKA_EXTRA_CONFIG:-}"
POM="$ROOT/scripts/kafka/pom.xml"
PID_FILE="$CACHE/kafka.pid"
LOG_FILE="$CACHE/server.log" # log4j output, WARN and above
OUT_FILE="$CACHE/kafka.out"  # raw JVM stdout/stderr: catches crashes before log4j is up
START_TIMEOUT=90

# The contract topics: name, partitions, extra --config flags.
# inventory.events: 6 partitions = the unit of ledger scale-out (key = sku).
# inventory.stock-levels is compacted: consumers only need the latest level per SKU.
TOPICS=(
  "inventory.events 6"
  "inventory.events.dlq 3"
  "inventory.stock-levels 6 --config cleanup.policy=compact"
  "inventory.pools 1 --config retention.ms=-1"
  "inventory.channel-availability 6 --config cleanup.policy=compact"
  "inventory.event-results 6 --config retention.ms=3600000"
)

say() { echo "kafka.sh: $*"; }
die() { echo "kafka.sh: ERROR: $*" >&2; exit 1; }

require_java() {
  command -v java >/dev/null ||
    die "java not found on PATH. Kafka needs a JDK/JRE 17 (Debian: apt-get install -y openjdk-17-jre-headless)."
}

# Resolve the broker's jars once. The marker holds the pom's hash, so editing
# the pom (e.g. a version bump) re-resolves instead of mixing two versions on
# the classpath.
resolve_jars() {
  local want marker="$LIBS/.resolved"
  want="$(sha256sum "$POM" | cut -d' ' -f1)"
  [[ -f "$marker" && "$(cat "$marker")" == "$want" ]] && return 0
  command -v mvn >/dev/null ||
    die "Kafka jars are missing in $LIBS and mvn is not on PATH (Debian: apt-get install -y maven). It fetches them from Maven Central once."
  say "resolving Kafka jars with Maven into $LIBS (once; about a minute on an empty ~/.m2)"
  local t0=$SECONDS tmp="$LIBS.tmp"
  rm -rf "$tmp"
  # Into a temp dir first: an interrupted download never looks complete.
  # sed: Debian's Maven prints colour escapes even in batch mode (pipefail
  # keeps Maven's exit status).
  mvn -q -B -f "$POM" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime 2>&1 | sed 's/\x1b\[[0-9;]*m//g' ||
    die "Maven could not resolve the Kafka jars (see above). Is Maven Central reachable?"
  rm -rf "$LIBS" && mv "$tmp" "$LIBS" && echo "$want" >"$marker"
  say "jars resolved in $((SECONDS - t0)) s"
}

# Short-lived CLI JVMs: C1 only, serial GC, small heap. Cuts each call from
# ~4 s to ~2 s on two cores; these tools do almost no work.
TOOL_JVM=(java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto
  -Dlog4j2.configurationFile="$CACHE/tools-log4j2.xml" -cp "$LIBS/*")
kafka_tool() { "${TOOL_JVM[@]}" "$@"; }

write_config() {
  mkdir -p "$CACHE" "$DATA"
  # Extra listeners are named after their protocol (SASL_SSL://... is protocol SASL_SSL).
  local extra="" protocols="" l
  if [[ -n "$EXTRA_LISTENERS" ]]; then
    extra=",$EXTRA_LISTENERS"
    for l in ${EXTRA_LISTENERS//,/ }; do protocols+=",${l%%://*}:${l%%://*}"; done
  fi
  cat >"$CACHE/server.properties" <<EOF
# Generated by scripts/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT$extra
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT$extra
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT$protocols
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$DATA
num.partitions=6
# One node: internal topics cannot have more than one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# Fewer internal partitions than the default 50: the first consumer group join
# creates __consumer_offsets, and 50 partitions cost seconds on two cores.
offsets.topic.num.partitions=6
transaction.state.log.num.partitions=6
# Tests start and stop consumers constantly; do not wait 3 s before each rebalance.
group.initial.rebalance.delay.ms=0
# Topics are part of the contract: a typo must fail, not create a new topic.
auto.create.topics.enable=false
delete.topic.enable=true
# Default retention (7 days) stays. 64 MiB segments (default 1 GiB) so that
# retention and compaction have closed segments to work on in a dev broker.
log.segment.bytes=67108864
# Keep the cleaner's memory small; the heap is only 1 GiB.
log.cleaner.dedupe.buffer.size=33554432
EOF
  if [[ -n "$EXTRA_CONFIG" ]]; then
    [[ -r "$EXTRA_CONFIG" ]] || die "KAFKA_EXTRA_CONFIG $EXTRA_CONFIG is not a readable file"
    { echo "# From KAFKA_EXTRA_CONFIG=$EXTRA_CONFIG"; cat "$EXTRA_CONFIG"; } >>"$CACHE/server.properties"
  fi
  # Kafka 4.x logs through log4j2 (log4j 1 is gone): one XML file each for the
  # broker and the CLI tools, named by -Dlog4j2.configurationFile.
  cat >"$CACHE/log4j2.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Quiet broker log: warnings and errors only, to a rolling file. -->
<Configuration status="WARN">
  <Appenders>
    <RollingFile name="file" fileName="$LOG_FILE" filePattern="$LOG_FILE.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
      <SizeBasedTriggeringPolicy size="10MB"/>
      <DefaultRolloverStrategy max="2"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <Root level="WARN"><AppenderRef ref="file"/></Root>
  </Loggers>
</Configuration>
EOF
  cat >"$CACHE/tools-log4j2.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- CLI tools: errors only, to stderr, so script output stays readable. -->
<Configuration status="WARN">
  <Appenders>
    <Console name="stderr" target="SYSTEM_ERR"><PatternLayout pattern="%p %m (%c)%n"/></Console>
  </Appenders>
  <Loggers>
    <Root level="ERROR"><AppenderRef ref="stderr"/></Root>
  </Loggers>
</Configuration>
EOF
  cat >"$CACHE/admin.properties" <<EOF
# Admin client used by this script: give up fast so the wait loop can retry.
request.timeout.ms=5000
default.api.timeout.ms=10000
EOF
}

# Format the storage once. meta.properties exists after a successful format;
# --ignore-formatted also makes a racing second format harmless.
format_storage() {
  [[ -f "$DATA/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(kafka_tool kafka.tools.StorageTool random-uuid)"
  say "formatting $DATA (cluster id $cluster_id)"
  # set -f: SCRAM specs hold brackets, which must reach the tool unglobbed.
  local extra=()
  set -f
  # shellcheck disable=SC2206 # KAFKA_FORMAT_ARGS is a list of flags
  extra=(${KAFKA_FORMAT_ARGS:-})
  set +f
  kafka_tool kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$CACHE/server.properties" --ignore-formatted "${extra[@]}" >/dev/null
}

# Our broker is alive. The cmdline check guards against a stale pid file whose
# pid was reused by an unrelated process.
broker_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' &&
    echo "$pid"
}

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# Real readiness: the broker answers a metadata request. Sets EXISTING_TOPICS.
EXISTING_TOPICS=""
answers() {
  EXISTING_TOPICS="$(timeout 30 "${TOOL_JVM[@]}" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$BOOTSTRAP" --command-config "$CACHE/admin.properties" --list 2>/dev/null)"
}

ensure_topics() {
  [[ "$CONTRACT_TOPICS" == 0 ]] && return 0
  local spec name partitions extra created=0
  for spec in "${TOPICS[@]}"; do
    read -r name partitions extra <<<"$spec"
    grep -qxF "$name" <<<"$EXISTING_TOPICS" && continue
    # A just-formatted broker on a loaded machine may still be registering
    # itself with its controller ("Timed out waiting for a node assignment"):
    # up to 10 tries, about two minutes at worst.
    local attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
      # shellcheck disable=SC2086 # $extra is deliberately split into flags
      kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" \
        --command-config "$CACHE/admin.properties" --create --if-not-exists \
        --topic "$name" --partitions "$partitions" --replication-factor 1 $extra >/dev/null && break
      ((attempt < 10)) || die "could not create topic $name (see above)"
      say "creating topic $name failed (attempt $attempt); retrying"
      sleep 3
    done
    say "created topic $name ($partitions partitions${extra:+, ${extra#--config }})"
    created=1
  done
  ((created)) || say "contract topics present ($((${#TOPICS[@]})) of them)"
}

# A fresh broker creates __consumer_offsets on the first group request, and
# answers "coordinator is loading" meanwhile: a consumer that joins then
# crashes and restarts. Ask once here, for six groups whose names hash to the
# six partitions of __consumer_offsets (offsets.topic.num.partitions=6 below;
# Java hashCode of kafka-sh-warmup-0..5 covers 0..5), so the first services to
# join find them loaded. "not found" means a coordinator answered.
warm_group_coordinator() {
  [[ "$CONTRACT_TOPICS" == 0 ]] && return 0
  local deadline=$((SECONDS + 60)) out groups=() i
  for i in 0 1 2 3 4 5; do groups+=(--group "kafka-sh-warmup-$i"); done
  while ((SECONDS < deadline)); do
    out="$(kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$BOOTSTRAP" \
      --command-config "$CACHE/admin.properties" --describe "${groups[@]}" 2>&1 || true)"
    grep -qiE 'not found|does not exist|has no active members' <<<"$out" && return 0
    sleep 1
  done
  say "WARNING: the group coordinator did not answer within 60 s; the first consumers may restart once"
}

show_logs() {
  echo "---- tail of $OUT_FILE ----" >&2
  tail -n 40 "$OUT_FILE" >&2 2>/dev/null || true
  echo "---- tail of $LOG_FILE ----" >&2
  tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
}

start() {
  require_java
  mkdir -p "$CACHE"
  # One start/stop at a time (e.g. `npm start` and `npm test` in two terminals
  # both resolving jars or launching a broker).
  exec 9>"$CACHE/.lock"
  flock -w 300 9 || die "another kafka.sh holds $CACHE/.lock for 5 minutes"
  resolve_jars
  write_config

  local pid t0=$SECONDS
  if pid="$(broker_pid)"; then
    if answers; then
      say "already running (pid $pid) and answering on $BOOTSTRAP"
      ensure_topics
      return 0
    fi
    say "broker pid $pid is up but not answering yet; waiting"
  else
    rm -f "$PID_FILE"
    local p
    for p in "$PORT" "$CONTROLLER_PORT"; do
      port_open "$p" || continue
      # Another Kafka on our port (e.g. started from another checkout) is usable as is.
      if [[ "$p" == "$PORT" ]] && answers; then
        say "a Kafka broker not started by this script already answers on $BOOTSTRAP; using it"
        ensure_topics
        return 0
      fi
      die "port $p on 127.0.0.1 is taken by another process (see: ss -ltnp 'sport = :$p'). Stop it, or choose free ports with KAFKA_PORT / KAFKA_CONTROLLER_PORT."
    done
    format_storage
    say "starting broker on $BOOTSTRAP (log: $LOG_FILE)"
    t0=$SECONDS
    # setsid: the broker gets its own session, so Ctrl-C in the terminal that
    # ran `npm start` does not kill it behind the supervisor's back; it is
    # stopped explicitly with `kafka.sh stop`. The inner shell writes its own
    # pid, which `exec` hands over to the JVM. `9>&-`: the broker must not
    # inherit the lock fd, or it would hold our lock for its whole life.
    # shellcheck disable=SC2086 # HEAP_OPTS is a list of JVM flags
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
      java $HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$CACHE/log4j2.xml" \
      -cp "$LIBS/*" kafka.Kafka "$CACHE/server.properties" \
      >"$OUT_FILE" 2>&1 </dev/null 9>&- &
    sleep 0.5
  fi

  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! pid="$(broker_pid)"; then
      show_logs
      die "the broker exited during startup (logs above)"
    fi
    if port_open "$PORT" && answers; then
      ensure_topics
      warm_group_coordinator
      say "broker ready (pid $pid) in $((SECONDS - t0)) s"
      return 0
    fi
    sleep 1
  done
  show_logs
  stop_broker
  die "the broker did not answer on $BOOTSTRAP within $START_TIMEOUT s (logs above); stopped it"
}

stop_broker() {
  local pid
  if ! pid="$(broker_pid)"; then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  say "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  # 30 s: a clean shutdown flushes logs and writes a clean-shutdown marker, so
  # the next start skips log recovery.
  local i
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still alive after 30 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  say "stopped"
}

stop() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock -w 60 9 || die "another kafka.sh holds $CACHE/.lock"
  stop_broker
}

# Exit 0 when our broker runs, 3 when not (LSB convention). Cheap on purpose
# (no JVM): start.sh calls it to learn whether it must stop Kafka on exit.
status() {
  local pid
  if pid="$(broker_pid)"; then
    if port_open "$PORT"; then
      say "running (pid $pid), listening on $BOOTSTRAP"
    else
      say "running (pid $pid), not listening on $BOOTSTRAP yet"
    fi
    return 0
  fi
  say "not running"
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 {start|stop|status}" >&2; exit 2 ;;
esac
