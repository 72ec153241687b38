#!/usr/bin/env bash
# Runs the EAR on Payara Server Full: a domain of its own, every listener on loopback, the data
# grid off, the ActiveMQ adapter deployed beside the EAR with its embedded broker, then the EAR.
#
#   server-full.sh start PAYARA_HOME EAR RAR DOMAIN_DIR   creates (first time) and starts the domain, deploys
#   server-full.sh stop  PAYARA_HOME DOMAIN_DIR           stops it
#
# Settings (environment): SCM_HTTP_PORT (28080), SCM_ADMIN_PORT (24848), SCM_PORT_BASE (24800:
# the other listeners, which the application does not use, are put at base + their usual offset),
# and the SCM_DB_* and SCM_BROKER_URL of src/main/micro/start-micro.sh (same meaning; the
# database defaults to H2 under DOMAIN_DIR). Nothing listens beyond 127.0.0.1.
set -euo pipefail

command="${1:?usage: server-full.sh start|stop PAYARA_HOME ...}"
payara="${2:?PAYARA_HOME}"
asadmin="$payara/bin/asadmin"
http_port="${SCM_HTTP_PORT:-28080}"
admin_port="${SCM_ADMIN_PORT:-24848}"
base="${SCM_PORT_BASE:-24800}"
domain=scm

if [[ "$command" == stop ]]; then
  domain_dir="${3:?DOMAIN_DIR}"
  "$asadmin" stop-domain --domaindir "$domain_dir" "$domain"
  exit 0
fi

ear="${3:?EAR}"
rar="${4:?RAR}"
domain_dir="$(mkdir -p "${5:?DOMAIN_DIR}" && cd "$5" && pwd)"
rar_name="$(basename "$rar" .rar)"
data="$domain_dir/data"
mkdir -p "$data"

# asadmin separates properties with ':' and splits on '=': escape both inside values
escape() { sed -e 's/:/\\:/g' -e 's/=/\\=/g' <<<"$1"; }

if [[ ! -d "$domain_dir/$domain" ]]; then
  # the distribution's domain as a template, so that nothing is bound before it is on loopback
  cp -r "$payara/glassfish/domains/domain1" "$domain_dir/$domain"
  config="$domain_dir/$domain/config/domain.xml"
  # only the server's own config (the first <config>), not the template for new instances
  python3 - "$config" "$http_port" "$admin_port" "$base" <<'PY'
import re, sys
path, http, admin, base = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
text = open(path).read()
start = text.index('<config name="server-config">')
end = text.index('</config>', start)
server = text[start:end]
ports = {'"8080"': http, '"8181"': str(base + 81), '"4848"': admin, '"3700"': str(base + 37),
         '"3820"': str(base + 20), '"3920"': str(base + 21), '"8686"': str(base + 86)}
for old, new in ports.items():
    server = server.replace('port=' + old, 'port="' + new + '"')
server = server.replace('address="0.0.0.0"', 'address="127.0.0.1"')
server = re.sub(r'<network-listener (?![^>]*address=)', '<network-listener address="127.0.0.1" ', server)
# the data grid (Hazelcast) binds every interface and looks for peers: a single server needs neither
server = server.replace('<hazelcast-config-specific-configuration>',
                        '<hazelcast-config-specific-configuration enabled="false" clustering-enabled="false">')
# the application reaches the broker with the classes of the adapter deployed beside it: a
# stand-alone adapter's classes are visible to every application only under the global policy
server = server.replace('<connector-service shutdown-timeout-in-seconds="30">',
                        '<connector-service shutdown-timeout-in-seconds="30" class-loading-policy="global">')
# Payara's own JMS broker (OpenMQ) would listen on every interface; the application uses ActiveMQ
server = server.replace('</admin-service>', '</admin-service>\n            <jms-service type="DISABLED"'
                        ' default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="127.0.0.1"'
                        ' port="' + str(base + 76) + '" /></jms-service>', 1)
# no Server or X-Powered-By header (as start-micro.sh does for Payara Micro)
server = re.sub(r'<http (?![^>]*server-header)', '<http server-header="false" xpowered-by="false" ', server)
server = server.replace('-Dosgi.shell.telnet.port=6666', '-Dosgi.shell.telnet.port=' + str(base + 66))
text = text[:start] + server + text[end:]
open(path, 'w').write(text)
PY
fi

export SCM_DB_URL="${SCM_DB_URL:-jdbc:h2:file:$data/h2/scm;WRITE_DELAY=0;LOCK_TIMEOUT=10000}"
export SCM_DB_CLASS="${SCM_DB_CLASS:-org.h2.jdbcx.JdbcDataSource}"
export SCM_DB_USER="${SCM_DB_USER:-sa}"
export SCM_DB_PASSWORD="${SCM_DB_PASSWORD:-}"

"$asadmin" start-domain --domaindir "$domain_dir" "$domain"
as() { "$asadmin" --host 127.0.0.1 --port "$admin_port" "$@"; }

if [[ -n "${SCM_BROKER_URL:-}" ]]; then
  ra_props="ServerUrl=$(escape "$SCM_BROKER_URL")"
else
  broker="broker:(vm://localhost)?persistent=true&useJmx=false&dataDirectory=$data/broker"
  ra_props="ServerUrl=$(escape "vm://localhost?create=false"):BrokerXmlConfig=$(escape "$broker")"
fi
if ! as list-applications --type connector | grep -q "^$rar_name "; then
  as create-resource-adapter-config --property "$ra_props" "$rar_name"
  as deploy --type rar --name "$rar_name" "$rar"
fi
as deploy --force=true "$ear"
