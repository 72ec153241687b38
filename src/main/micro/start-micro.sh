#!/usr/bin/env bash
# Starts the application WAR on Payara Micro with the ActiveMQ resource adapter.
# Used by `./mvnw -Prun package` and by docker/Dockerfile, so both start the same way.
#
# Settings (environment variables; defaults are the embedded, single-instance setup):
#   SCM_DATA_DIR      data directory holding the H2 database and the broker store (./data)
#   SCM_HTTP_PORT     HTTP port (8080)
#   SCM_HTTP_ADDRESS  address the HTTP listener binds (127.0.0.1)
#   SCM_BROKER_URL    external broker, e.g. tcp://127.0.0.1:61616; empty = embedded broker
#   SCM_BROKER_LISTEN extra connector for the embedded broker, e.g. tcp://127.0.0.1:61616
#   SCM_DB_URL        JDBC URL (file H2 under SCM_DATA_DIR); PostgreSQL e.g.
#                     jdbc:postgresql://127.0.0.1:5432/scm with SCM_DB_CLASS=org.postgresql.ds.PGSimpleDataSource
#   SCM_DB_CLASS, SCM_DB_USER, SCM_DB_PASSWORD
#                     The application reads the SCM_DB_* values through MicroProfile Config
#                     (scm.db.url and so on); Payara resolves them before the application's own
#                     config file is visible, so their defaults are set here, not in the WAR.
#   MICRO_JAR, ACTIVEMQ_RAR  paths of the runtime jars (set by the Maven run profile)
#   JAVA_OPTS         JVM options
set -euo pipefail

war="${1:?usage: start-micro.sh PATH/TO/app.war}"
: "${MICRO_JAR:?MICRO_JAR must point at payara-micro.jar}"
: "${ACTIVEMQ_RAR:?ACTIVEMQ_RAR must point at the ActiveMQ resource adapter (target/runtime/activemq-rar.rar)}"

export SCM_DATA_DIR="$(mkdir -p "${SCM_DATA_DIR:-$PWD/data}" && cd "${SCM_DATA_DIR:-$PWD/data}" && pwd)"
# WRITE_DELAY=0: H2 writes each commit to disk before acknowledging it, so a 201 survives a
# SIGKILL (with the default delay the last half second of acknowledged commits is lost).
export SCM_DB_URL="${SCM_DB_URL:-jdbc:h2:file:$SCM_DATA_DIR/h2/scm;WRITE_DELAY=0;LOCK_TIMEOUT=10000}"
export SCM_DB_CLASS="${SCM_DB_CLASS:-org.h2.jdbcx.JdbcDataSource}"
export SCM_DB_USER="${SCM_DB_USER:-sa}"
export SCM_DB_PASSWORD="${SCM_DB_PASSWORD:-}"
port="${SCM_HTTP_PORT:-8080}"
address="${SCM_HTTP_ADDRESS:-127.0.0.1}"
rar_name="$(basename "$ACTIVEMQ_RAR" .rar)"

# asadmin separates properties with ':' and splits on '=': escape both inside values
escape() { sed -e 's/:/\\:/g' -e 's/=/\\=/g' <<<"$1"; }

# A busy port would leave the embedded broker without its connector and the server never ready,
# with nothing said: refuse to start instead.
port_busy() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
if [[ -z "${SCM_BROKER_URL:-}" && -n "${SCM_BROKER_LISTEN:-}" ]]; then
  if [[ "$SCM_BROKER_LISTEN" =~ ^[a-z+]+://([^:/]+):([0-9]+) ]]; then
    listen_host="${BASH_REMATCH[1]}"; listen_port="${BASH_REMATCH[2]}"
    [[ "$listen_host" == "0.0.0.0" ]] && listen_host=127.0.0.1
    if port_busy "$listen_host" "$listen_port"; then
      echo "start-micro.sh: SCM_BROKER_LISTEN=$SCM_BROKER_LISTEN, but $listen_host:$listen_port is already in use" >&2
      exit 2
    fi
  else
    echo "start-micro.sh: SCM_BROKER_LISTEN must look like tcp://127.0.0.1:61616, not '$SCM_BROKER_LISTEN'" >&2
    exit 2
  fi
fi
if port_busy "$address" "$port"; then
  echo "start-micro.sh: HTTP port $address:$port is already in use" >&2
  exit 2
fi

if [[ -n "${SCM_BROKER_URL:-}" ]]; then
  ra_props="ServerUrl=$(escape "$SCM_BROKER_URL")"
else
  connectors="vm://localhost"
  [[ -n "${SCM_BROKER_LISTEN:-}" ]] && connectors="${SCM_BROKER_LISTEN},vm://localhost"
  broker="broker:(${connectors})?persistent=true&useJmx=false&dataDirectory=${SCM_DATA_DIR}/broker"
  ra_props="ServerUrl=$(escape "vm://localhost?create=false"):BrokerXmlConfig=$(escape "$broker")"
fi

boot_dir="$SCM_DATA_DIR/micro"
mkdir -p "$boot_dir"
cat >"$boot_dir/pre-boot.asadmin" <<PRE
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=${address}
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false
set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false
PRE
cat >"$boot_dir/post-boot.asadmin" <<POST
create-resource-adapter-config --property ${ra_props} ${rar_name}
deploy --type rar ${ACTIVEMQ_RAR}
POST

# Heap and JVM defaults sized for a 2-core machine, resident memory under 768 MiB after a load
# run (docs/benchmarks.md); JAVA_OPTS adds to or overrides them.
default_opts="-Xms192m -Xmx384m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=128m -Xss512k -XX:+UseSerialGC -Djdk.nio.maxCachedBufferSize=262144"
# jdk.nio.maxCachedBufferSize: H2 reads whole chunks of its file (seen: 6.7 MB) through NIO, and
# NIO keeps a direct buffer of the largest read per thread for reuse: with dozens of HTTP threads
# that was hundreds of MB resident after a load run (975 MB). Larger reads now free theirs.
# (-XX:MaxDirectMemorySize=64m instead made H2 fail those reads: OutOfMemoryError, 500s.)
# MALLOC_ARENA_MAX: glibc gives threads their own malloc arenas (up to 8 per core), which keep
# freed native memory resident.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export SCM_BROKER_URL="${SCM_BROKER_URL:-}"

exec java $default_opts ${JAVA_OPTS:-} -Duser.timezone=UTC -jar "$MICRO_JAR" \
  --nocluster \
  --port "$port" \
  --prebootcommandfile "$boot_dir/pre-boot.asadmin" \
  --postbootcommandfile "$boot_dir/post-boot.asadmin" \
  --deploy "$war"
