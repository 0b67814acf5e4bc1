#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Measures how many *sequential* round trips `unstuck diagnose` makes: the simulator delays
# every answer by L ms, so (time at L=100 − time at L=0) / 100 ms is the number of request
# rounds on the critical path. Two moments are timed in every run, from `--trace`: the verdict
# (the red path settled; the "verdict:" line) and the complete result (the background sweep
# done). Usage:
#   scripts/bench-diagnose.sh [BUILD_DIR] [RUNS] [CASES]
#   UNSTUCK=… UNSTUCK_SIM=… scripts/bench-diagnose.sh     (explicit binaries)
# CASES is a comma-separated subset of: seed,healthy,500,2000,10000 (default: all but 10000).
# Prints one line per case: median ms to the verdict and to the complete result at 0, 100 and
# 200 ms latency, the sequential rounds of both, and the requests and answer bytes of one run.
set -euo pipefail
BUILD=${1:-build/dev}
RUNS=${2:-5}
CASES=${3:-seed,healthy,500,2000}
UNSTUCK=${UNSTUCK:-$BUILD/app/unstuck}
UNSTUCK_SIM=${UNSTUCK_SIM:-$BUILD/app/unstuck-sim}
WORK=$(mktemp -d)
SIM_PID=
cleanup() {
    if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

start_sim() { # scenario latency extra-args…
    local dir="$WORK/sim-$1-$2-$RANDOM"
    mkdir -p "$dir"
    "$UNSTUCK_SIM" --scenario "$1" --state-dir "$dir" --latency-ms "$2" "${@:3}" >"$dir/log" 2>&1 &
    SIM_PID=$!
    for _ in $(seq 1 1200); do [ -f "$dir/sim.json" ] && break; sleep 0.1; done
    [ -f "$dir/sim.json" ] || { echo "simulator did not start: $(cat "$dir/log")" >&2; exit 2; }
    sleep "${SETTLE:-2}" # let the simulated controllers write the namespace conditions
    PROFILE="$dir/profile.json"
}

stop_sim() { kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; SIM_PID=; }

# Runs `unstuck diagnose --trace` RUNS times; prints "verdict-ms complete-ms requests bytes"
# (medians of the times; requests and bytes of the last run). A build without the "verdict:"
# trace line has no earlier verdict than the complete result.
measure() {
    for _ in $(seq 1 "$RUNS"); do
        local code=0
        "$UNSTUCK" diagnose --profile "$PROFILE" --format json --timeout-ms 20000 --trace \
            >/dev/null 2>"$WORK/trace" || code=$?
        [ "$code" -le 1 ] || { echo "diagnose failed ($code): $(tail -n 3 "$WORK/trace")" >&2; exit 2; }
        python3 - "$WORK/trace" <<'EOF'
import re, sys
verdict = complete = None
requests = size = 0
units = {"bytes": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if m := re.match(r"\s*(\d+) ms  verdict:", line):
        verdict = int(m[1])
    elif m := re.match(r"\s*(\d+) ms  complete", line):
        complete = int(m[1])
    elif m := re.match(r"\s*(\d+) ms \+\s*(\d+) ms  ", line):
        requests += 1
        complete = max(complete or 0, int(m[1]) + int(m[2]))
        if s := re.search(r", ([\d.]+) (bytes|KB|MB|GB)$", line.rstrip()):
            size += float(s[1]) * units[s[2]]
print(verdict if verdict is not None else complete, complete, requests, int(size))
EOF
    done >"$WORK/runs"
    python3 - "$WORK/runs" <<'EOF'
import statistics, sys
rows = [list(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
med = lambda i: int(statistics.median(r[i] for r in rows))
print(med(0), med(1), rows[-1][2], rows[-1][3])
EOF
}

bench() { # label scenario extra-args…
    local results=()
    for latency in 0 100 200; do
        start_sim "$2" "$latency" "${@:3}"
        results+=("$(measure)")
        stop_sim
    done
    python3 - "$1" "${results[@]}" <<'EOF'
import sys
label, runs = sys.argv[1], [list(map(int, r.split())) for r in sys.argv[2:]]
(v0, c0, n, b), (v1, c1, _, _), (v2, c2, _, _) = runs
print(f"{label:26} verdict {v0:5}/{v1:5}/{v2:5} ms {(v1 - v0) / 100:5.1f} rounds   "
      f"complete {c0:5}/{c1:5}/{c2:5} ms {(c1 - c0) / 100:5.1f} rounds   "
      f"{n:3} requests {b / 1024 / 1024:6.1f} MB")
EOF
}

echo "times at latency 0/100/200 ms; rounds = (t at 100 − t at 0) / 100 ms"
for c in ${CASES//,/ }; do
    case $c in
    seed | healthy) bench "$c" "$c" ;;
    # Large worlds: the simulator's own reconcilers are CPU-heavy at thousands of nodes and
    # would be timed too. The scenario's initial state already holds the incident, so they are
    # paused here.
    500) SETTLE=1 bench "seed 500 nodes/100 ns" seed --large-nodes 500 --large-namespaces 100 --reconcile-ms 600000 ;;
    2000) SETTLE=1 bench "seed 2000 nodes/300 ns" seed --large-nodes 2000 --large-namespaces 300 --reconcile-ms 600000 ;;
    10000) SETTLE=1 bench "seed 10000 nodes/300 ns" seed --large-nodes 10000 --large-namespaces 300 --reconcile-ms 600000 ;;
    *) echo "unknown case $c" >&2; exit 2 ;;
    esac
done
