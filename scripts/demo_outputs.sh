#!/usr/bin/env bash
# Writes the demo's JSON outputs (report, targets, chains, projects, ladders, the API's cockpit)
# into DIR, one file each, so that two builds can be compared byte for byte:
#   scripts/demo_outputs.sh BINARY DEMO_DB DIR
# Used around refactors: run it before and after, then `diff -r`.
set -euo pipefail
bin=$1 db=$2 out=$3
mkdir -p "$out"
cs() { "$bin" --db "$db" "$@"; }
cs report monthly --format json >"$out/report-monthly.json"
cs report monthly --period 2023-06 --format json >"$out/report-monthly-2023-06.json"
cs report monthly --public --format json >"$out/report-monthly-public.json"
cs report monthly --format json --lang en >"$out/report-monthly-en.json"
cs targets --format json >"$out/targets.json"
cs targets --format json --history >"$out/targets-history.json"
cs chain show battery --format json >"$out/chain-show-battery.json"
cs chain list --format json >"$out/chain-list.json"
cs project list --as-of 2025-12-31 --format json >"$out/project-list.json"
cs cultivate list --format json >"$out/cultivate-list.json"
cs analyze clusters >"$out/analyze-clusters.json"

# The API's cockpit as the demo analyst and viewer see it.
port=$(( 20000 + RANDOM % 20000 ))
cs serve --port "$port" >"$out/.serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/openapi.json" && break; sleep 0.1; done
for who in analyst:demo-analyst-2349 viewer:demo-viewer-2349; do
  name=${who%%:*} password=${who#*:}
  jar=$(mktemp)
  curl -s -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$name\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/login" >/dev/null
  curl -s -b "$jar" "http://127.0.0.1:$port/api/v1/cockpit" >"$out/api-cockpit-$name.json"
  curl -s -b "$jar" "http://127.0.0.1:$port/api/v1/alerts" >"$out/api-alerts-$name.json"
  curl -s -b "$jar" "http://127.0.0.1:$port/api/v1/system" >"$out/api-system-$name.json"
  curl -s -b "$jar" "http://127.0.0.1:$port/api/v1/analytics/clusters" >"$out/api-analytics-clusters-$name.json"
  rm -f "$jar"
done
rm -f "$out/.serve.log"
