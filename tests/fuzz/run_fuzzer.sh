#!/usr/bin/env bash
# Runs one libFuzzer harness for a bounded time: FUZZER WORK_DIR SECONDS SEED_DIR... New inputs
# it finds go to WORK_DIR/corpus (in the build tree, never the source tree); a crash leaves its
# input in WORK_DIR/crashes and fails the test, with the command that replays it.
set -euo pipefail
fuzzer=$1 work=$2 seconds=$3
shift 3
mkdir -p "$work/corpus" "$work/crashes"
status=0
# One process, bounded in time, per-input time and memory; -jobs would take both cores.
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/crashes/" "$work/corpus" "$@" \
  >"$work/log" 2>&1 || status=$?
tail -n 12 "$work/log"
if [ "$status" -ne 0 ]; then
  echo "run_fuzzer: $(basename "$fuzzer") failed (exit $status); full log: $work/log" >&2
  for crash in "$work"/crashes/*; do
    [ -e "$crash" ] || continue
    echo "  replay: $fuzzer $crash   (then keep it in tests/fuzz/regressions/)" >&2
  done
fi
exit "$status"
