#!/usr/bin/env bash
# Checks what the compiler does not: module layering (docs/architecture.md), third-party headers
# kept out of public headers, and clang-format. Run by ctest (label "lint") and by hand.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

# Modules lowest first; a module may include itself and those before it.
modules=(core model analytics engine targets chains storage ingest synth report app http cli)
allowed_for() {
  local out=()
  for m in "${modules[@]}"; do
    out+=("$m")
    [ "$m" = "$1" ] && break
  done
  echo "${out[@]}"
}

for module in "${modules[@]}"; do
  allowed=" $(allowed_for "$module") "
  while IFS=: read -r file line text; do
    used=$(sed -E 's|.*"clusterscope/([a-z_]+)/.*|\1|' <<<"$text")
    if [[ "$allowed" != *" $used "* ]]; then
      echo "$file:$line: module '$module' may not include '$used' (see docs/architecture.md)"
      status=1
    fi
  done < <(grep -rn --include='*.h' --include='*.cc' '#include "clusterscope/' \
             "src/$module" "include/clusterscope/$module" 2>/dev/null)
done

# Only std, fmt and tl-expected may appear in public headers.
while IFS=: read -r file line text; do
  echo "$file:$line: a public header includes a third-party header: $text"
  status=1
done < <(grep -rn '#include <' include/clusterscope |
           grep -vE '#include <(tl/expected\.hpp|fmt/[a-z]+\.h|[a-z_]+)>')

if command -v clang-format >/dev/null; then
  if ! git ls-files '*.cc' '*.h' | xargs clang-format --dry-run -Werror 2>&1 | head -20 | grep .; then
    :
  else
    echo "clang-format: the files above are not formatted (run: clang-format -i FILE)"
    status=1
  fi
else
  echo "clang-format is not installed (scripts/setup.sh installs it)"
  status=1
fi

[ $status -eq 0 ] && echo "style: ok"
exit $status
