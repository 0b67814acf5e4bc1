#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Measures how many *sequential* round trips `unstuck diagnose` makes: the simulator delays
# every answer by L ms, so (wall time at L=100 − wall time at L=0) / 100 ms is the number of
# request rounds on the critical path. Usage:
#   scripts/bench-diagnose.sh [BUILD_DIR] [RUNS]
#   UNSTUCK=… UNSTUCK_SIM=… scripts/bench-diagnose.sh     (explicit binaries)
# Prints one line per case: scenario, size, median ms at 0 and 100 ms latency, round trips.
set -euo pipefail
BUILD=${1:-build/dev}
RUNS=${2:-5}
UNSTUCK=${UNSTUCK:-$BUILD/app/unstuck}
UNSTUCK_SIM=${UNSTUCK_SIM:-$BUILD/app/unstuck-sim}
LATENCY=100
WORK=$(mktemp -d)
SIM_PID=
cleanup() {
    if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

start_sim() { # scenario latency extra-args…
    local dir="$WORK/sim-$1-$2-$RANDOM"
    mkdir -p "$dir"
    "$UNSTUCK_SIM" --scenario "$1" --state-dir "$dir" --latency-ms "$2" "${@:3}" >"$dir/log" 2>&1 &
    SIM_PID=$!
    for _ in $(seq 1 600); do [ -f "$dir/sim.json" ] && break; sleep 0.1; done
    [ -f "$dir/sim.json" ] || { echo "simulator did not start: $(cat "$dir/log")" >&2; exit 2; }
    sleep "${SETTLE:-2}" # let the simulated controllers write the namespace conditions
    PROFILE="$dir/profile.json"
}

stop_sim() { kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; SIM_PID=; }

median_ms() { # runs `unstuck diagnose` RUNS times, prints the median wall time in ms
    local times=()
    for _ in $(seq 1 "$RUNS"); do
        local t0 t1 code=0
        t0=$(now_ms)
        "$UNSTUCK" diagnose --profile "$PROFILE" --format json --timeout-ms 10000 >/dev/null 2>"$WORK/err" || code=$?
        t1=$(now_ms)
        [ "$code" -le 1 ] || { echo "diagnose failed ($code): $(cat "$WORK/err")" >&2; exit 2; }
        times+=($((t1 - t0)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

bench() { # label scenario extra-args…
    start_sim "$2" 0 "${@:3}"; local base; base=$(median_ms); stop_sim
    start_sim "$2" "$LATENCY" "${@:3}"; local slow; slow=$(median_ms); stop_sim
    awk -v l="$1" -v b="$base" -v s="$slow" -v L="$LATENCY" \
        'BEGIN {printf "%-28s %8d ms %8d ms   %5.1f round trips\n", l, b, s, (s - b) / L}'
}

printf '%-28s %11s %11s   %s\n' "case" "latency 0" "latency 100" "sequential"
bench "seed" seed
bench "healthy" healthy
# Large worlds: the simulator's own reconcilers are CPU-heavy at 2000 nodes and would be timed
# too. The scenario's initial state already holds the incident, so they are paused here.
SETTLE=1 bench "seed 500 nodes/100 ns" seed --large-nodes 500 --large-namespaces 100 --reconcile-ms 600000
SETTLE=1 bench "seed 2000 nodes/300 ns" seed --large-nodes 2000 --large-namespaces 300 --reconcile-ms 600000
