#!/usr/bin/env bash
# A walk through the whole chain with curl, from a wafer lot to a delivered shipment: the
# README's quick start, runnable. Against a running server (the README's run command):
#   bash docs/walk.sh                                   # http://127.0.0.1:8080/asic-scm
#   bash docs/walk.sh http://127.0.0.1:8181/asic-scm    # elsewhere (SupplyChainIT runs it so)
# It signs in as SCM_USER with SCM_PASSWORD (HTTP Basic): a user holding the planner, qa,
# logistics and compliance roles (README, "Users and roles", shows how an admin creates one);
# SCM_APPROVER with SCM_APPROVER_PASSWORD, a second logistics user, approves the shipment's credit.
# Every name carries a suffix, so the walk can run again on the same database. It stops at the
# first answer that is not the one expected, and prints what it got.
set -euo pipefail

base="${1:-http://127.0.0.1:8080/asic-scm}"
api="$base/api"
s="W$(date +%s)$RANDOM"                       # this walk's suffix
json='Content-Type: application/json'
: "${SCM_USER:?set SCM_USER and SCM_PASSWORD to a user with the planner, qa and logistics roles}"
: "${SCM_PASSWORD:?set SCM_PASSWORD}"
: "${SCM_APPROVER:?set SCM_APPROVER and SCM_APPROVER_PASSWORD to a second user with the logistics role}"
: "${SCM_APPROVER_PASSWORD:?set SCM_APPROVER_PASSWORD}"
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
field() { grep -o "\"$1\":\"\{0,1\}[^\",}]*" | sed -n 1p | sed "s/^\"$1\":\"\{0,1\}//"; }
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

echo "5. sold abroad: booked in two legs, packed, screened, released, tracked to delivery"
until_true "get 'shippable-machines?buildOrderId=$order' | grep -q 'M-$s'"
customer="$(post customers '{"name":"Novosibirsk Hosting LLC","country":"RU"}' 201 | field id)"
# a restricted-party list to screen against (a made-up one; load the real consolidated list)
curl -s -f -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$(dirname "$0")/screening-list-sample.csv" \
  "$api/screening/lists?version=walk-$s&fileName=screening-list-sample.csv" >/dev/null
depart="$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)"; hk="$(date -u -d '+6 hours' +%Y-%m-%dT%H:%M:%SZ)"
fly="$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)"; land="$(date -u -d '+2 days' +%Y-%m-%dT%H:%M:%SZ)"
shipment="$(post shipments '{"customerId":"'$customer'","machineSerials":["M-'$s'"],"mode":"AIR",
  "carrier":"SF Express","incoterm":"DAP","destinationCountry":"RU","hsCode":"8471.50",
  "declaredValueUsd":2450.00,"consignee":{"name":"Novosibirsk Hosting LLC","country":"RU"},
  "legs":[{"mode":"TRUCK","carrier":"SF Express","trackingNumber":"SF-'$s'","origin":"CNSZX","destination":"HKHKG",
           "plannedDeparture":"'$depart'","plannedArrival":"'$hk'"},
          {"mode":"AIR","carrier":"Cathay Cargo","trackingNumber":"160-'$s'","origin":"HKHKG","destination":"RUOVB",
           "plannedDeparture":"'$fly'","plannedArrival":"'$land'"}]}' 201 | field id)"
post "shipments/$shipment/cartons" '{"serials":["M-'$s'"],"grossKg":16.5,"netKg":14.2,
  "lengthCm":57,"widthCm":33,"heightCm":29}' 201 >/dev/null
post "shipments/$shipment/screening" '' 200 | grep -q '"outcome":"CLEAR"'
# no order was paid for it: a second person approves its credit
curl -s -f -u "$SCM_APPROVER:$SCM_APPROVER_PASSWORD" -H "$json" "$api/shipments/$shipment/release/credit-approval" \
  -d '{"note":"walk: a customer of good standing"}' >/dev/null
# miners to Russia need an export licence (scm.shipping.licence-rules)
post "shipments/$shipment/release" '{"exportLicence":"EL-'$s'"}' 200 >/dev/null
curl -s -f -u "$auth" "$api/shipments/$shipment/documents/commercial-invoice" | head -c 5 | grep -q '%PDF-'
now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
post "carriers/SF%20Express/events" '{"events":[
  {"eventId":"sf-'$s'-1","trackingNumber":"SF-'$s'","milestone":"PICKED_UP","occurredAt":"'$now'","location":"Bao an"},
  {"eventId":"sf-'$s'-2","trackingNumber":"SF-'$s'","milestone":"DELIVERED","occurredAt":"'$now'","location":"HKG"}]}' 200 >/dev/null
post "carriers/Cathay%20Cargo/events" '{"events":[
  {"eventId":"cx-'$s'-1","trackingNumber":"160-'$s'","milestone":"DEPARTED","occurredAt":"'$now'","location":"HKG"},
  {"eventId":"cx-'$s'-2","trackingNumber":"160-'$s'","milestone":"ARRIVED","occurredAt":"'$now'","location":"OVB"},
  {"eventId":"cx-'$s'-3","trackingNumber":"160-'$s'","milestone":"CUSTOMS_CLEARED","occurredAt":"'$now'"},
  {"eventId":"cx-'$s'-4","trackingNumber":"160-'$s'","milestone":"DELIVERED","occurredAt":"'$now'"}]}' 200 >/dev/null
get "shipments/$shipment" | grep -q '"status":"DELIVERED"'

echo "6. the story so far: every event of the walk, in order"
events="$(get "events?correlationId=walk-$s&limit=2000")"
for type in LotReceived BuildOrderCreated DiesAllocated BuildScheduled BoardAssembled UnitTested \
    MachineAssembled MachineReadyToShip ShipmentBooked ShipmentReleased ShipmentMilestoneReached; do
  grep -q "\"type\":\"$type\"" <<<"$events" || { echo "walk: no $type event for walk-$s" >&2; exit 1; }
done
echo "walk $s: machine M-$s delivered; events at $api/events?correlationId=walk-$s"
