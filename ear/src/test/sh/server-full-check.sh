#!/usr/bin/env bash
# The EAR on Payara Server Full, as `./mvnw verify` runs it (ear/pom.xml, integration-test):
# start a loopback-only domain with the ActiveMQ adapter and the EAR (src/main/sh/server-full.sh),
# wait for readiness, check that nothing listens beyond 127.0.0.1, run the README's walk
# (docs/walk.sh: every stage, every hop over JMS), and stop the domain whatever happened.
#   server-full-check.sh PAYARA_HOME EAR RAR WORK_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
payara="${1:?PAYARA_HOME}"; ear="${2:?EAR}"; rar="${3:?RAR}"; work="${4:?WORK_DIR}"
export SCM_HTTP_PORT="${SCM_HTTP_PORT:-28080}"
# the first admin of the new domain's empty database; the walk signs in as a user the admin creates
export SCM_ADMIN_USER=ear-admin SCM_ADMIN_PASSWORD=ear-admin-secret-1
server="$here/../../main/sh/server-full.sh"
base="http://127.0.0.1:$SCM_HTTP_PORT/asic-scm"

rm -rf "$work"
stop() {
  bash "$server" stop "$payara" "$work" >/dev/null 2>&1 || true
}
trap stop EXIT
started=$(date +%s%N)
bash "$server" start "$payara" "$ear" "$rar" "$work"

for _ in $(seq 1 60); do
  curl -s -f -m 5 "http://127.0.0.1:$SCM_HTTP_PORT/health/ready" >/dev/null && break
  sleep 1
done
ready="$(curl -s -m 5 "http://127.0.0.1:$SCM_HTTP_PORT/health/ready")" || true
echo "readiness: $ready"
grep -q '"status":"UP"' <<<"$ready" || { echo "the EAR never became ready" >&2; tail -50 "$work/scm/logs/server.log" >&2; exit 1; }
echo "EAR ready $(( ($(date +%s%N) - started) / 1000000 )) ms after start-domain"

# every listening socket of the server's process is on loopback
pid="$(cat "$work/scm/config/pid")"
if command -v ss >/dev/null; then
  listening="$(ss -ltnupH | grep "pid=$pid," || true)"
  echo "$listening" | awk '{print "listening: " $1 " " $5}'
  if grep -v -E '(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):[0-9]+ ' <<<"$listening" | grep -q .; then
    echo "the server listens beyond loopback" >&2
    exit 1
  fi
else
  echo "ss not installed: listening sockets not checked" >&2
  exit 1
fi

# the walk's user, and a second one who approves its shipment's credit (four eyes)
for user in '{"username":"ear-walker","password":"ear-walker-secret-1","roles":["planner","qa","logistics","compliance"]}' \
    '{"username":"ear-approver","password":"ear-approver-secret-1","roles":["logistics"]}'; do
  created="$(curl -s -o /dev/null -w '%{http_code}' -u "$SCM_ADMIN_USER:$SCM_ADMIN_PASSWORD" \
    -H 'Content-Type: application/json' "$base/api/users" -d "$user")"
  [[ "$created" == 201 ]] || { echo "the first admin could not create the walk's users: $created" >&2; exit 1; }
done
anonymous="$(curl -s -o /dev/null -w '%{http_code}' "$base/api/build-orders")"
[[ "$anonymous" == 401 ]] || { echo "an anonymous read answered $anonymous, not 401" >&2; exit 1; }
banner="$(curl -s -D - -o /dev/null "$base/api/build-orders" | grep -i -E '^(server|x-powered-by):' || true)"
[[ -z "$banner" ]] || { echo "the server names itself: $banner" >&2; exit 1; }
SCM_USER=ear-walker SCM_PASSWORD=ear-walker-secret-1 SCM_APPROVER=ear-approver SCM_APPROVER_PASSWORD=ear-approver-secret-1 \
  bash "$repo/docs/walk.sh" "$base"
if grep -q "SEVERE" "$work/scm/logs/server.log"; then
  echo "the server logged SEVERE lines:" >&2
  grep -A5 "SEVERE" "$work/scm/logs/server.log" | head -40 >&2
  exit 1
fi
echo "EAR on Payara Server Full: ready, loopback only, the walk ran through every stage"
