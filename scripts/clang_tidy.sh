#!/usr/bin/env bash
# clang-tidy with the checks of .clang-tidy over every source file of src/, on the compile
# commands of a build tree (default: build/release). Run by ctest (label "lint") and by hand:
#   scripts/clang_tidy.sh [BUILD_DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
if ! command -v run-clang-tidy >/dev/null; then
  echo "clang-tidy is not installed (scripts/setup.sh installs it)"
  exit 1
fi
[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json"; exit 1; }
# Quiet on success; on failure the findings, each with its file, line and check.
output=$(run-clang-tidy -p "$build" -j "$(nproc)" -quiet "$PWD/src/.*\.cc\$" 2>&1)
findings=$(grep -aE '(warning|error): ' <<<"$output" | sed 's/\x1b\[[0-9;]*m//g' | sort -u)
if [ -n "$findings" ]; then
  echo "$findings"
  echo "clang-tidy: $(wc -l <<<"$findings") findings (checks and reasons: .clang-tidy)"
  exit 1
fi
echo "clang-tidy: ok"
