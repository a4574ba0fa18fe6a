#!/usr/bin/env bash
# Checks what the compiler does not: module layering (docs/architecture.md), third-party headers
# kept out of public headers, and clang-format. Run by ctest (label "lint") and by hand.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

# Layering: each module may include itself and the modules its row of the table in
# docs/architecture.md names in the "may use" column ("—": none). The table is the design; a
# module missing from it, or an include outside its row, fails.
declare -A may_use
while IFS='|' read -r _ module _ uses _; do
  module=$(sed -E 's/[ `]//g' <<<"$module")
  [[ "$module" =~ ^[a-z_]+$ ]] || continue
  may_use[$module]=" $module $(tr ',' ' ' <<<"$uses" | sed 's/—//g' | xargs) "
done < <(grep -E '^\| `[a-z_]+` \|' docs/architecture.md)
[ ${#may_use[@]} -gt 0 ] || { echo "docs/architecture.md: no module table found"; status=1; }

for dir in src/*/ include/clusterscope/*/; do
  module=$(basename "$dir")
  [ -d "src/$module" ] || [ -d "include/clusterscope/$module" ] || continue
  if [ -z "${may_use[$module]+set}" ]; then
    echo "$dir: module '$module' is not in the table of docs/architecture.md"
    status=1
    continue
  fi
done
for module in "${!may_use[@]}"; do
  allowed="${may_use[$module]}"
  while IFS=: read -r file line text; do
    used=$(sed -E 's|.*"clusterscope/([a-z_]+)/.*|\1|' <<<"$text")
    if [[ "$allowed" != *" $used "* ]]; then
      echo "$file:$line: module '$module' may not include '$used' (may use:$allowed; see docs/architecture.md)"
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

# No function longer than 80 lines (universal-ctags gives each function's first and last line),
# but those scripts/long_functions.txt lists, each with its reason.
if command -v ctags >/dev/null; then
  allowed_long=$(grep -vE '^\s*(#|$)' scripts/long_functions.txt | awk '{print $1 " " $2}')
  long_now=""
  while read -r length file name; do
    long_now+="$file $name"$'\n'
    if ! grep -qxF "$file $name" <<<"$allowed_long"; then
      echo "$file: function $name is $length lines long (at most 80; split it, or list it with a reason in scripts/long_functions.txt)"
      status=1
    fi
  done < <(ctags -R --languages=C++ --kinds-C++=f --fields=+ne -o - src |
             awk -F'\t' '{ line = ""; end = ""
                           for (i = 4; i <= NF; i++) {
                             if ($i ~ /^line:/) line = substr($i, 6)
                             if ($i ~ /^end:/) end = substr($i, 5)
                           }
                           if (line != "" && end != "" && end - line + 1 > 80) print end - line + 1, $2, $1 }')
  # An entry for a function no longer long goes, so that the list stays the truth.
  while read -r entry; do
    [ -z "$entry" ] && continue
    if ! grep -qxF "$entry" <<<"$long_now"; then
      echo "scripts/long_functions.txt: '$entry' is no longer over 80 lines; take it off the list"
      status=1
    fi
  done <<<"$allowed_long"
else
  echo "universal-ctags is not installed (scripts/setup.sh installs it)"
  status=1
fi

if command -v clang-format >/dev/null; then
  # The output, not the exit status, decides: xargs and pipefail would hide a failure otherwise.
  unformatted=$(git ls-files '*.cc' '*.h' | xargs clang-format --dry-run -Werror 2>&1 | head -20)
  if [ -n "$unformatted" ]; then
    echo "$unformatted"
    echo "clang-format: the files above are not formatted (run: clang-format -i FILE)"
    status=1
  fi
else
  echo "clang-format is not installed (scripts/setup.sh installs it)"
  status=1
fi

[ $status -eq 0 ] && echo "style: ok"
exit $status
