#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Measures "diagnosis → healed" for the seed incident: the wall time of
# `unstuck fix apply --all --yes` (diagnose, preview, preflight, apply, verify until the chain is
# healthy) against a fresh simulator per run, with every answer delayed by 0 and by 100 ms, and
# the requests a heal costs (read from the command's JSON: the fix engine's own requests, verify's
# readings of the facts the fix can change included, those of the diagnoses it ran, and both
# together). Usage:
#   scripts/bench-fix.sh [BUILD_DIR] [RUNS]
#   UNSTUCK=… UNSTUCK_SIM=… scripts/bench-fix.sh      (explicit binaries)
#   SIM_ARGS="--reconcile-ms 100 --route-pending-ms 0" scripts/bench-fix.sh   (a faster world)
set -euo pipefail
BUILD=${1:-build/dev}
RUNS=${2:-5}
UNSTUCK=${UNSTUCK:-$BUILD/app/unstuck}
UNSTUCK_SIM=${UNSTUCK_SIM:-$BUILD/app/unstuck-sim}
SIM_ARGS=${SIM_ARGS:-}
WORK=$(mktemp -d)
SIM_PID=
cleanup() {
    if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

start_sim() { # latency
    local dir="$WORK/sim-$1-$RANDOM"
    mkdir -p "$dir"
    # shellcheck disable=SC2086 # SIM_ARGS is a list of options
    "$UNSTUCK_SIM" --scenario seed --state-dir "$dir" --latency-ms "$1" $SIM_ARGS >"$dir/log" 2>&1 &
    SIM_PID=$!
    for _ in $(seq 1 600); do [ -f "$dir/sim.json" ] && break; sleep 0.1; done
    [ -f "$dir/sim.json" ] || { echo "simulator did not start: $(cat "$dir/log")" >&2; exit 2; }
    sleep "${SETTLE:-3}" # let the simulated controllers write the namespace conditions
    PROFILE="$dir/profile.json"
}

stop_sim() { kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; SIM_PID=; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

heal_once() { # latency → "wall_ms requests diagnosis_requests diagnoses writes all_requests"
    start_sim "$1"
    local t0 t1 code=0
    t0=$(now_ms)
    XDG_DATA_HOME="$WORK/data" "$UNSTUCK" fix apply --all --yes --profile "$PROFILE" \
        --format json --timeout-ms 10000 >"$WORK/out.json" 2>"$WORK/err" || code=$?
    t1=$(now_ms)
    stop_sim
    [ "$code" -eq 0 ] || { echo "fix apply --all exited $code: $(tail -5 "$WORK/err")" >&2; exit 2; }
    python3 - "$WORK/out.json" "$((t1 - t0))" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
writes = sum(len(f.get("applied", [])) for f in o["fixes"])
print(sys.argv[2], o["requests"], o["diagnosisRequests"], o["diagnoses"], writes,
      o["requests"] + o["diagnosisRequests"])
PY
}

bench() { # latency
    : >"$WORK/runs"
    for _ in $(seq 1 "$RUNS"); do heal_once "$1" >>"$WORK/runs"; done
    printf '%-12s %9s ms %6s %9s %9s %7s %6s\n' "$1 ms" \
        "$(cut -d' ' -f1 "$WORK/runs" | median)" "$(cut -d' ' -f2 "$WORK/runs" | median)" \
        "$(cut -d' ' -f3 "$WORK/runs" | median)" "$(cut -d' ' -f4 "$WORK/runs" | median)" \
        "$(cut -d' ' -f5 "$WORK/runs" | median)" "$(cut -d' ' -f6 "$WORK/runs" | median)"
}

printf '%-12s %12s %6s %9s %9s %7s %6s\n' "latency" "healed in" "fix" "diagnosis" "diagnoses" "writes" "all"
printf '%-12s %12s %6s %9s %9s %7s %6s\n' "" "(median)" "reqs" "reqs" "" "" "reqs"
bench 0
bench 100
