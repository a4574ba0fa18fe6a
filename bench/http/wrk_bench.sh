#!/usr/bin/env bash
# The HTTP API under load (issue 7): wrk at 64 connections on loopback against `serve` over the
# demo database, signed in as the demo analyst, with the access log on as in `make demo`.
# Reports requests a second and latency percentiles per endpoint, and the ratios measured in the
# same run: each endpoint against /api/v1/me (a session check and nothing else), and the
# cockpit kept against the cockpit computed afresh for every request.
#   bench/http/wrk_bench.sh PROGRAM DATABASE [SECONDS]
set -euo pipefail
program=$1 db=$2 seconds=${3:-10}
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

# start NAME [SERVE OPTIONS...]: a server on a free port; sets base_NAME and pids.
pids=()
start() {
  local name=$1
  shift
  "$program" --db "$db" --log-level info serve --port 0 "$@" >"$work/$name.out" 2>"$work/$name.log" &
  pids+=($!)
  for _ in $(seq 50); do grep -q "serving" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  local url
  url=$(sed -n 's|.*on \(http://[0-9.]*:[0-9]*\)/.*|\1|p' "$work/$name.out" | head -1)
  [ -n "$url" ] || { echo "serve did not start" >&2; cat "$work/$name.out" "$work/$name.log" >&2; exit 1; }
  curl -sf -c "$work/$name.cookies" -d '{"name":"analyst","password":"demo-analyst-2349"}' \
    -H 'Content-Type: application/json' "$url/api/v1/login" >/dev/null ||
    { echo "cannot sign in as the demo analyst" >&2; exit 1; }
  printf -v "base_$name" '%s' "$url"
}
# wrk opens its 64 connections from one address: past the per-address limit (32) they get 503.
start kept --per-address 128
# The same program keeping no answer (a budget of one byte), for the cockpit computed afresh.
start fresh --answer-cache 1
base=$base_kept
cp "$work/kept.cookies" "$work/cookies"
cookie="cs_session=$(awk '$6 == "cs_session" {print $7}' "$work/cookies")"
fresh_cookie="cs_session=$(awk '$6 == "cs_session" {print $7}' "$work/fresh.cookies")"

# The cockpit of a month after another (24 of them) from the server that keeps nothing: each
# answer is computed. (The answer cache ignores parameters a route does not read.)
cat >"$work/fresh.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", string.format("/api/v1/cockpit?period=%d-%02d", 2024 + math.floor(n / 12) % 2, n % 12 + 1))
end
LUA

declare -A rps p50 p99
run() {  # name connections seconds url [script]
  local name=$1 connections=$2 duration=$3 url=$4 script=${5:-}
  local session=$cookie
  [[ $url == "$base_fresh"* ]] && session=$fresh_cookie
  curl -sf -H "Cookie: $session" "$url" >/dev/null  # warm: the first answer is computed
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Cookie: $session" \
            ${script:+-s "$script"} "$url")
  rps[$name]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50[$name]=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99[$name]=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$out")
  printf "%-34s %10s req/s   p50 %8s   p99 %8s %s\n" "$name" "${rps[$name]}" "${p50[$name]}" \
    "${p99[$name]}" "$errors"
}
# Warm up the worker threads and connections first (not reported).
wrk -t2 -c64 -d3s -H "Cookie: $cookie" "$base/api/v1/me" >/dev/null
echo "wrk -t2 -c64 -d${seconds}s on $base ($(nproc) cores), signed in as the demo analyst"
run me 64 "$seconds" "$base/api/v1/me"
run cockpit 64 "$seconds" "$base/api/v1/cockpit"
run "indicators cluster x 12 months" 64 "$seconds" "$base/api/v1/indicators?kind=cluster&months=12"
run "indicators tier x 12 months" 64 "$seconds" "$base/api/v1/indicators?kind=tier&months=12"
run "cockpit computed afresh" 2 "$seconds" "$base_fresh/api/v1/cockpit" "$work/fresh.lua"
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "ratios in this run:"
echo "  cockpit / me (requests a second):            $(ratio "${rps[cockpit]}" "${rps[me]}")"
echo "  cockpit kept / computed afresh:               $(ratio "${rps[cockpit]}" "${rps["cockpit computed afresh"]}")"
echo "access log: $(wc -l <"$work/kept.log") lines"
