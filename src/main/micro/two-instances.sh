#!/usr/bin/env bash
# Scale-out on one machine: a standalone ActiveMQ Classic broker (from ActiveMQ's own jars,
# fetched by Maven), the machine's PostgreSQL, and two instances of the application sharing both.
# Each instance publishes through the shared outbox (relays take turns) and consumes every
# stage's queue (the broker splits the messages). Ctrl-C stops all three.
#
# Settings (environment variables):
#   SCM_TWO_DIR          where the broker store, logs and pid files go (./data/two)
#   SCM_TWO_PORTS        the two HTTP ports ("8081 8082")
#   SCM_TWO_BROKER_PORT  the broker's TCP port (61616)
#   SCM_DB_URL, SCM_DB_USER, SCM_DB_PASSWORD
#                        the shared database (jdbc:postgresql://127.0.0.1:5432/test?currentSchema=scm_two,
#                        postgres, empty); the schema is created if psql is at hand
set -euo pipefail
cd "$(dirname "$0")/../../.."

dir="$(mkdir -p "${SCM_TWO_DIR:-$PWD/data/two}" && cd "${SCM_TWO_DIR:-$PWD/data/two}" && pwd)"
read -r -a ports <<<"${SCM_TWO_PORTS:-8081 8082}"
broker_port="${SCM_TWO_BROKER_PORT:-61616}"
export SCM_DB_URL="${SCM_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test?currentSchema=scm_two}"
export SCM_DB_CLASS="${SCM_DB_CLASS:-org.postgresql.ds.PGSimpleDataSource}"
export SCM_DB_USER="${SCM_DB_USER:-postgres}"
export SCM_DB_PASSWORD="${SCM_DB_PASSWORD:-}"
export SCM_BROKER_URL="tcp://127.0.0.1:${broker_port}"

mvn_quiet() { ./mvnw -B -q -ntp "$@"; }
if [[ ! -f target/asic-scm.war || ! -d target/test-classes || ! -f target/runtime/payara-micro.jar ]]; then
  mvn_quiet -f war.pom.xml -DskipTests package
fi
if [[ ! -f target/test.classpath ]]; then
  mvn_quiet -f war.pom.xml dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
fi
schema="$(sed -n 's/.*currentSchema=\([A-Za-z0-9_]*\).*/\1/p' <<<"$SCM_DB_URL")"
if [[ -n "$schema" ]] && command -v psql >/dev/null; then
  db="$(sed -n 's#jdbc:postgresql://\([^/]*\)/\([^?]*\).*#\2#p' <<<"$SCM_DB_URL")"
  psql -h 127.0.0.1 -U "$SCM_DB_USER" -d "$db" -q -c "create schema if not exists $schema"
fi

pids=()
stop_all() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop_all EXIT INT TERM

java -Xmx256m -cp "target/test-classes:$(cat target/test.classpath)" org.asicscm.it.StandaloneBroker \
  "$SCM_BROKER_URL" "$dir/broker" >"$dir/broker.log" 2>&1 &
pids+=($!); echo $! >"$dir/broker.pid"
for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$broker_port") 2>/dev/null && break; sleep 0.5; done

for i in 1 2; do
  SCM_DATA_DIR="$dir/instance-$i" SCM_HTTP_PORT="${ports[$((i - 1))]}" \
    MICRO_JAR="$PWD/target/runtime/payara-micro.jar" \
    ACTIVEMQ_RAR="$PWD/target/runtime/activemq-rar.rar" \
    bash src/main/micro/start-micro.sh "$PWD/target/asic-scm.war" >"$dir/instance-$i.log" 2>&1 &
  pids+=($!); echo $! >"$dir/instance-$i.pid"
done
echo "broker $SCM_BROKER_URL; instances http://127.0.0.1:${ports[0]}/asic-scm/api and http://127.0.0.1:${ports[1]}/asic-scm/api"
echo "database $SCM_DB_URL; logs and pid files in $dir; Ctrl-C stops all"
wait
