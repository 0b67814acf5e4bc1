#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Soak: CLI_RUNS `unstuck diagnose` runs in a row against one `unstuck-sim --scenario seed`, then
# GUI_RUNS diagnoses in one offscreen window (the ui.soak suite). Every run must exit 1 with the
# same root cause, the simulator's and the window's open descriptors must stay flat, and so must
# the window's memory. Prints start, every 100 runs and end; exits 1 on growth or a changed
# verdict.
#   scripts/soak.sh [BUILD_DIR] [CLI_RUNS] [GUI_RUNS]      (defaults: build/ci 1000 100)
#   UNSTUCK=… UNSTUCK_SIM=… SOAK_GUI=… scripts/soak.sh       (explicit binaries)
# FD_TOLERANCE (default 2) descriptors; GUI_RUNS=0 skips the GUI part; SIM_ARGS are extra
# simulator arguments (e.g. "--reconcile-ms 100"). The simulator's memory is reported, and
# checked only when SIM_RSS_TOLERANCE_KIB is set (growth allowed after the first 100 runs):
# its simulated pods' logs grow with time up to 5,000 lines each, so a fresh simulator is not
# flat for its first half hour whatever the clients do (docs/benchmarks.md, "Soak").
# SIM_WARM_S (default 2) is how long it runs before the first diagnosis; e.g. SIM_WARM_S=2400
# SIM_RSS_TOLERANCE_KIB=4096 soaks a simulator whose logs are full.
set -euo pipefail
BUILD=${1:-build/ci}
CLI_RUNS=${2:-1000}
GUI_RUNS=${3:-100}
UNSTUCK=${UNSTUCK:-$BUILD/app/unstuck}
UNSTUCK_SIM=${UNSTUCK_SIM:-$BUILD/app/unstuck-sim}
SOAK_GUI=${SOAK_GUI:-$BUILD/tests/tst_ui_soak}
SIM_RSS_TOLERANCE_KIB=${SIM_RSS_TOLERANCE_KIB:-}
read -r -a SIM_EXTRA <<<"${SIM_ARGS:-}"
FD_TOLERANCE=${FD_TOLERANCE:-2}
EVERY=100
WORK=$(mktemp -d)
SIM_PID=
cleanup() {
    if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
fd_count() { find "/proc/$1/fd" -mindepth 1 -maxdepth 1 | wc -l; }

# The simulator closes its side of a finished client's sockets a moment later: wait (up to 2 s)
# for the count to come down to the reference before calling it grown.
settled_fds() { # pid reference
    local n
    for _ in $(seq 1 20); do
        n=$(fd_count "$1")
        [ "$n" -le "$2" ] && break
        sleep 0.1
    done
    echo "$n"
}

# Each run's peak resident memory in KiB (on stderr's last line): /usr/bin/time when present,
# else Python's getrusage of its child.
run_measured() { # out-file err-file command…
    local out=$1 err=$2
    shift 2
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f 'peak %M' "$@" >"$out" 2>"$err"
    else
        python3 -c '
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:]).returncode
print("peak", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(code)' "$@" >"$out" 2>"$err"
    fi
}

root_cause() { # diagnosis JSON on stdin → component id, "from→to" or "none"
    if command -v jq >/dev/null; then # a Python start per run costs more than a diagnosis
        jq -r '.rootCause | if . == null then "none" elif .component then .component
               else .link.from + "→" + .link.to end'
        return
    fi
    python3 -c '
import json, sys
r = json.load(sys.stdin).get("rootCause")
if not r:
    print("none")
elif "component" in r:
    print(r["component"])
else:
    print(r["link"]["from"] + "→" + r["link"]["to"])'
}

fail() { echo "soak: FAIL: $*" >&2; exit 1; }

cli_soak() {
    local dir="$WORK/sim"
    mkdir -p "$dir"
    "$UNSTUCK_SIM" --scenario seed --state-dir "$dir" "${SIM_EXTRA[@]}" >"$dir/log" 2>&1 &
    SIM_PID=$!
    for _ in $(seq 1 600); do [ -f "$dir/sim.json" ] && break; sleep 0.1; done
    [ -f "$dir/sim.json" ] || fail "simulator did not start: $(cat "$dir/log")"
    # At least let the simulated controllers write the namespace conditions.
    sleep "${SIM_WARM_S:-2}"
    local rss0 fd0 rss100='' at100=0 expected='' peaks=() t0
    rss0=$(rss_kib "$SIM_PID")
    fd0=$(fd_count "$SIM_PID")
    echo "soak: cli start: simulator rss=$rss0 KiB fds=$fd0"
    t0=$(date +%s)
    for i in $(seq 1 "$CLI_RUNS"); do
        local code=0 verdict
        run_measured "$WORK/out.json" "$WORK/err" \
            "$UNSTUCK" diagnose --profile "$dir/profile.json" --format json || code=$?
        [ "$code" -eq 1 ] || fail "run $i exited $code (1 = root cause found): $(head -c 2000 "$WORK/err")"
        verdict=$(root_cause <"$WORK/out.json") || fail "run $i printed no diagnosis JSON"
        [ -n "$expected" ] || expected=$verdict
        [ "$verdict" = "$expected" ] || fail "run $i: root cause $verdict, the runs before said $expected"
        peaks+=("$(awk '$1 == "peak" {print $2}' "$WORK/err" | tail -n 1)")
        if [ $((i % EVERY)) -eq 0 ] || [ "$i" -eq "$CLI_RUNS" ]; then
            local rss fds
            rss=$(rss_kib "$SIM_PID")
            fds=$(settled_fds "$SIM_PID" "$fd0")
            [ -n "$rss100" ] || { rss100=$rss; at100=$i; }
            echo "soak: cli run $i: simulator rss=$rss KiB fds=$fds root cause=$verdict" \
                "elapsed=$(($(date +%s) - t0)) s"
        fi
    done
    local rssN fdN
    rssN=$(rss_kib "$SIM_PID")
    fdN=$(settled_fds "$SIM_PID" "$fd0")
    printf '%s\n' "${peaks[@]}" | awk -v n="$CLI_RUNS" '
        {p[NR] = $1}
        END {
            k = n < 10 ? n : 10
            for (i = 1; i <= k; i++) { f += p[i]; l += p[n - k + i] }
            printf "soak: cli peak rss per run: first %d runs %.0f KiB (mean), last %d runs %.0f KiB\n", k, f / k, k, l / k
        }'
    echo "soak: cli end after $CLI_RUNS runs: simulator rss=$rssN KiB (start $rss0, at run" \
        "$at100: $rss100) fds=$fdN (start $fd0); every verdict: $expected"
    [ "$fdN" -le $((fd0 + FD_TOLERANCE)) ] || fail "simulator descriptors grew from $fd0 to $fdN"
    [ -z "$SIM_RSS_TOLERANCE_KIB" ] || [ $((rssN - rss100)) -le "$SIM_RSS_TOLERANCE_KIB" ] ||
        fail "simulator memory grew from $rss100 KiB at run $at100 to $rssN KiB at run $CLI_RUNS"
    kill "$SIM_PID" 2>/dev/null || true
    wait "$SIM_PID" 2>/dev/null || true
    SIM_PID=
}

gui_soak() {
    [ -x "$SOAK_GUI" ] || fail "$SOAK_GUI is missing: cmake --build $BUILD --target tst_ui_soak"
    local log="$WORK/gui.log" code=0
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} UNSTUCK_SOAK_RUNS=$GUI_RUNS "$SOAK_GUI" >"$log" 2>&1 ||
        code=$?
    grep -o 'soak: .*' "$log" || true
    [ "$code" -eq 0 ] || { grep -E 'FAIL!|Loc:' "$log" >&2 || true; fail "the GUI soak failed ($code)"; }
}

[ "$CLI_RUNS" -gt 0 ] && cli_soak
[ "$GUI_RUNS" -gt 0 ] && gui_soak
echo "soak: passed ($CLI_RUNS CLI runs, $GUI_RUNS GUI runs)"
