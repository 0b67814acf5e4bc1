#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the shape of the house (docs/architecture.md): each folder of models/ includes only the
# folders below it, models/ never includes widgets, and no source file outgrows one sitting.
set -euo pipefail
cd "${1:-$(dirname "$0")/../..}"

# Lowest first: a folder may include itself and the folders listed before it.
layers=(common kube cloud tickets sources probes verdict fixes writers engine)
# The simulator is a world of its own: it may use the clients' shared pieces, never the diagnosis.
declare -A allowed=([sim]="common kube cloud sim")
for i in "${!layers[@]}"; do
  allowed[${layers[$i]}]="${layers[*]:0:$((i + 1))}"
done
# The Kubernetes and cloud clients do not know each other.
allowed[cloud]="common cloud"

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

for folder in "${!allowed[@]}"; do
  [ -d "models/$folder" ] || fail "models/$folder is listed here but does not exist"
  while IFS=: read -r file _ include; do
    [[ $include =~ \"models/([^/\"]+)/ ]] && target=${BASH_REMATCH[1]}
    [[ " ${allowed[$folder]} " == *" $target "* ]] ||
      fail "$file includes models/$target, which stage '$folder' must not read ($include)"
  done < <(grep -rn --include='*.h' --include='*.cpp' '#include "models/' "models/$folder" || true)
done

for folder in models/*/; do
  name=$(basename "$folder")
  [ -n "${allowed[$name]:-}" ] || fail "models/$name is not a known stage: add it to $0 and docs/architecture.md"
done

if grep -rnE '#include <(QtWidgets|QtGui|QWidget|QApplication|QPainter|QImage|QPixmap)' models; then
  fail "models/ must not include Qt Widgets or Gui"
fi

while read -r lines file; do
  [ "$file" = total ] && continue
  [ "$lines" -le 700 ] || fail "$file has $lines lines (split it: at most ~700)"
done < <(find models ui app -name '*.cpp' -print0 | xargs -0 wc -l)

if [ "$failures" -gt 0 ]; then
  echo "$failures problem(s) with the shape of the house"
  exit 1
fi
echo "house: every stage reads only the stages before it; no source file over 700 lines"
