#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Are the paste parsers linear? Builds pastes of 5 MB and 50 MB from the real captures
# (tests/fixtures/tickets/real: logs, tables, describe output, YAML, events, traces, all mixed)
# and times `unstuck diagnose --from` on each, in the same run, so the ratio of the times per MB
# says how the parsers scale (1.0 = linear). See docs/benchmarks.md, "Pasted input".
#
#   scripts/bench-paste.sh [UNSTUCK] [RUNS]     (defaults: build/dev/app/unstuck, 3)
#   scripts/bench-paste.sh --make DIR           only write DIR/paste-5mb.txt and DIR/paste-50mb.txt
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corpus="$here/tests/fixtures/tickets/real"

make_paste() { # SIZE_MB OUT
    local size=$(($1 * 1024 * 1024)) out=$2 seed="$2.seed"
    # Every capture once (folders' files too), then doubled until big enough, then cut.
    find "$corpus" -type f ! -name '*.expect.json' -print0 | sort -z | xargs -0 cat >"$seed"
    cp "$seed" "$out"
    while [ "$(stat -c %s "$out")" -lt "$size" ]; do
        cat "$out" "$out" >"$out.tmp" && mv "$out.tmp" "$out"
    done
    truncate -s "$size" "$out"
    rm -f "$seed"
}

if [ "${1:-}" = "--make" ]; then
    mkdir -p "$2"
    make_paste 5 "$2/paste-5mb.txt"
    make_paste 50 "$2/paste-50mb.txt"
    exit 0
fi

unstuck=${1:-${UNSTUCK:-$here/build/dev/app/unstuck}}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_paste 5 "$work/paste-5mb.txt"
make_paste 50 "$work/paste-50mb.txt"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_one() { # FILE → seconds (median of $runs)
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$unstuck" diagnose --from "$1" --format json >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        echo "$end - $start" | bc -l
    done | median
}

t5=$(time_one "$work/paste-5mb.txt")
t50=$(time_one "$work/paste-50mb.txt")
printf 'paste   seconds   seconds/MB\n'
printf '5 MB    %7.2f   %7.3f\n' "$t5" "$(echo "$t5 / 5" | bc -l)"
printf '50 MB   %7.2f   %7.3f\n' "$t50" "$(echo "$t50 / 50" | bc -l)"
printf 'time per MB, 50 MB / 5 MB: %.2f (1.00 = linear)\n' "$(echo "($t50 / 50) / ($t5 / 5)" | bc -l)"
