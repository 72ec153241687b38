#!/usr/bin/env bash
# A walk through the whole chain with curl, from a wafer lot to a delivered shipment: the
# README's quick start, runnable. Against a running server (the README's run command):
#   bash docs/walk.sh                                   # http://127.0.0.1:8080/asic-scm
#   bash docs/walk.sh http://127.0.0.1:8181/asic-scm    # elsewhere (SupplyChainIT runs it so)
# It signs in as SCM_USER with SCM_PASSWORD (HTTP Basic): a user holding the planner, qa and
# logistics roles (README, "Users and roles", shows how an admin creates one).
# Every name carries a suffix, so the walk can run again on the same database. It stops at the
# first answer that is not the one expected, and prints what it got.
set -euo pipefail

base="${1:-http://127.0.0.1:8080/asic-scm}"
api="$base/api"
s="W$(date +%s)$RANDOM"                       # this walk's suffix
json='Content-Type: application/json'
: "${SCM_USER:?set SCM_USER and SCM_PASSWORD to a user with the planner, qa and logistics roles}"
: "${SCM_PASSWORD:?set SCM_PASSWORD}"
auth="$SCM_USER:$SCM_PASSWORD"
trace="X-Correlation-Id: walk-$s"             # every event of the walk carries it

# post PATH BODY EXPECTED_STATUS: prints the answer's body; stops on another status
post() {
  local out status
  out="$(curl -s -u "$auth" -w '\n%{http_code}' -H "$json" -H "$trace" "$api/$1" -d "$2")"
  status="${out##*$'\n'}"
  if [[ "$status" != "$3" ]]; then
    echo "walk: POST $1 answered $status, expected $3: ${out%$'\n'*}" >&2
    exit 1
  fi
  printf '%s' "${out%$'\n'*}"
}
get() { curl -s -f -u "$auth" "$api/$1"; }
# field NAME: the first "NAME":"value" (or number) in the JSON on stdin
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -n 1; }
# until COMMAND: retry for 30 s (each stage hears of the last one's work over JMS)
until_true() {
  for _ in $(seq 1 150); do eval "$1" && return 0; sleep 0.2; done
  echo "walk: not within 30 s: $1" >&2
  exit 1
}

echo "1. chip model, product and a wafer lot"
post chip-models '{"code":"BM1398-'$s'","processNode":"7nm","bins":[
  {"name":"B1","rank":1,"frequencyMhz":650,"voltageMv":1280,"efficiencyJth":29.5},
  {"name":"B2","rank":2,"frequencyMhz":600,"voltageMv":1320,"efficiencyJth":32.0}]}' 201 >/dev/null
post products '{"code":"S19PRO-'$s'","name":"S19 Pro 110 TH/s","chipModel":"BM1398-'$s'",
  "chipsPerBoard":114,"boardsPerMachine":3,"minBin":"B2","substitutes":["B1"]}' 201 >/dev/null
post wafer-lots '{"lotNumber":"N7-'$s'","chipModel":"BM1398-'$s'","wafers":25,
  "bins":[{"bin":"B1","goodDies":5000},{"bin":"B2","goodDies":3000}]}' 201 >/dev/null

echo "2. a build order for one machine, its dies allocated by best fit"
due="$(date -u -d '+30 days' +%F)"
order="$(post build-orders '{"orderNumber":"BO-'$s'","product":"S19PRO-'$s'","machines":1,
  "dueDate":"'$due'","priority":2}' 201 | field id)"
post "build-orders/$order/allocate" '{"policy":"BEST_FIT","partial":true}' 200 >/dev/null

echo "3. a factory in Bao'an, a line, and the order planned on it from the factory's today"
factory_json="$(post factories '{"code":"F'$s'","name":"Xixiang Hashboard Works","subDistrict":"XIXIANG"}' 201)"
factory="$(field id <<<"$factory_json")"
today="$(field today <<<"$factory_json")"
line="$(post "factories/$factory/lines" '{"code":"SMT-1","boardsPerShift":200,"shiftsPerDay":2}' 201 | field id)"
until_true "get build-kits/$order | grep -q '\"diesAvailable\":342'"
post build-schedules '{"buildOrderId":"'$order'","lineId":"'$line'","startDate":"'$today'"}' 201 >/dev/null

echo "4. three hashboards built and tested, a machine built from them and tested"
for n in 1 2 3; do
  post hashboards '{"serial":"HB-'$s'-'$n'","buildOrderId":"'$order'","lineId":"'$line'"}' 201 >/dev/null
done
for n in 1 2 3; do
  until_true "get qa/units/HB-$s-$n | grep -q AWAITING_TEST"
  post "qa/units/HB-$s-$n/tests" '{"hashrateThs":36.7,"powerW":1100,"chipsDetected":[114],"maxTempC":76}' 201 >/dev/null
done
until_true "get hashboards/HB-$s-3 | grep -q '\"status\":\"PASSED\"'"
post machines '{"serial":"M-'$s'","buildOrderId":"'$order'","boardSerials":["HB-'$s'-1","HB-'$s'-2","HB-'$s'-3"],
  "controlBoardSerial":"CB-'$s'","psuSerial":"PSU-'$s'"}' 201 >/dev/null
until_true "get qa/units/M-$s | grep -q AWAITING_TEST"
post "qa/units/M-$s/tests" '{"hashrateThs":110.2,"powerW":3250,"chipsDetected":[114,114,114],"maxTempC":78}' 201 >/dev/null

echo "5. shipped to a customer abroad, milestone by milestone"
until_true "get 'shippable-machines?buildOrderId=$order' | grep -q 'M-$s'"
customer="$(post customers '{"name":"Novosibirsk Hosting LLC","country":"RU"}' 201 | field id)"
shipment="$(post shipments '{"customerId":"'$customer'","machineSerials":["M-'$s'"],"mode":"AIR",
  "carrier":"SF Express","incoterm":"DAP","destinationCountry":"RU","hsCode":"8471.50",
  "declaredValueUsd":2450.00}' 201 | field id)"
for milestone in PICKED_UP DEPARTED ARRIVED CUSTOMS_CLEARED DELIVERED; do
  post "shipments/$shipment/milestones" '{"milestone":"'$milestone'"}' 201 >/dev/null
done
get "shipments/$shipment" | grep -q '"status":"DELIVERED"'

echo "6. the story so far: every event of the walk, in order"
events="$(get "events?correlationId=walk-$s&limit=2000")"
for type in LotReceived BuildOrderCreated DiesAllocated BuildScheduled BoardAssembled UnitTested \
    MachineAssembled MachineReadyToShip ShipmentBooked ShipmentMilestoneReached; do
  grep -q "\"type\":\"$type\"" <<<"$events" || { echo "walk: no $type event for walk-$s" >&2; exit 1; }
done
echo "walk $s: machine M-$s delivered; events at $api/events?correlationId=walk-$s"
