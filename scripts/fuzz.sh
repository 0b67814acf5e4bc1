#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the libFuzzer targets in fuzz/ (docs/fuzzing.md), building the "fuzz" preset first when
# needed.
#
#   scripts/fuzz.sh TARGET SECONDS     fuzz one target (kubeconfig, tickets, ...) for SECONDS
#   scripts/fuzz.sh --all SECONDS      fuzz every target in turn, SECONDS each
#   scripts/fuzz.sh --regress [TARGET] run every target (or one) once over its seeds and saved
#                                      corpus, no mutation; ctest fuzz.* does this in the
#                                      normal build, where the targets link a replay driver
#   scripts/fuzz.sh --list             name the targets
#
# Seeds come from the repository's fixtures (tests/fixtures) and fuzz/corpus, plus a folder of
# more real captures when UNSTUCK_SHARED_CAPTURES names one; they
# are copied into the build folder at run time. New inputs libFuzzer finds stay in
# build/fuzz/corpus/TARGET; a crashing input is kept in build/fuzz/artifacts/TARGET/ and the
# script exits non-zero. One fuzzing process at a time, in the foreground (no -jobs: libFuzzer
# would fork workers and write fuzz-N.log into the current folder).
#
# Environment: UNSTUCK_FUZZ_BUILD (build folder, default build/fuzz), UNSTUCK_FUZZ_NO_BUILD=1
# (use the binaries as they are), UNSTUCK_FUZZ_JOBS (build jobs, default 2), UNSTUCK_FUZZ_RUNS
# (stop after this many executions as well), UNSTUCK_FUZZ_ARGS (more libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${UNSTUCK_FUZZ_BUILD:-$root/build/fuzz}
shared=${UNSTUCK_SHARED_CAPTURES:-}
targets=(kubeconfig yaml_to_json tickets bundle ram_policy kube_api cloud_response credentials
         sim_http exec_credential profile)

usage() {
    sed -n '3,12p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# Files (one per line) that seed TARGET.
seed_files() {
    local f=tests/fixtures
    case $1 in
    kubeconfig) ls $f/kube/*.yaml ;;
    yaml_to_json)
        ls $f/kube/*.yaml $f/tickets/real/*.yaml $f/paste/*/*.yaml
        if [ -d "$shared" ]; then ls "$shared"/*.yaml 2>/dev/null || true; fi
        ;;
    tickets)
        find $f/tickets/real $f/paste -type f ! -name '*.expect.json'
        if [ -d "$shared" ]; then find "$shared" -type f; fi
        ;;
    ram_policy) ls $f/cloud/*.json $f/verdict/ram-get-policy-*.json ;;
    kube_api) ls $f/verdict/*.json $f/fixes/*.json $f/paste/captures/*.json ;;
    cloud_response)
        ls $f/verdict/route-entries.json $f/verdict/ram-get-policy-*.json
        ls $f/paste/variety/aliyun-*.json
        ;;
    exec_credential | profile) ;; # no fixture is one: the seeds are in fuzz/corpus
    esac
    if [ -d "fuzz/corpus/$1" ]; then find "fuzz/corpus/$1" -type f; fi
}

# The dictionaries for TARGET (fuzz/dict/*.dict), merged into one file for -dict.
dict_files() {
    case $1 in
    kubeconfig) echo yaml ;;
    exec_credential | profile) echo json credential ;;
    yaml_to_json) echo yaml json ;;
    tickets) echo tickets yaml json ;;
    sim_http) echo http ;;
    *) echo json ;;
    esac
}

max_len() {
    case $1 in
    tickets | yaml_to_json) echo 32768 ;;
    *) echo 16384 ;;
    esac
}

ensure_built() {
    [ -z "${UNSTUCK_FUZZ_NO_BUILD:-}" ] || return 0
    if [ ! -f "$build/CMakeCache.txt" ]; then
        local launcher=()
        if command -v ccache >/dev/null 2>&1 && [ -z "${CCACHE_DISABLE:-}" ]; then
            launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        fi
        cmake --preset fuzz -B "$build" "${launcher[@]}" >/dev/null
    fi
    cmake --build "$build" --parallel "${UNSTUCK_FUZZ_JOBS:-2}" --target "$@" >/dev/null
}

# Prepares seeds, corpus, dictionary and artifact folders for TARGET; prints the flags.
prepare() {
    local target=$1 seeds=$build/seeds/$1
    rm -rf "$seeds"
    mkdir -p "$seeds" "$build/corpus/$target" "$build/artifacts/$target" "$build/dict"
    seed_files "$target" | while read -r file; do
        [ -f "$file" ] && cp "$file" "$seeds/$(echo "$file" | tr '/' '_')"
    done
    : >"$build/dict/$target.dict"
    for d in $(dict_files "$target"); do
        cat "fuzz/dict/$d.dict" >>"$build/dict/$target.dict"
    done
}

# Prints "TARGET: N execs, N exec/s, cov N, ft N, N s" from a libFuzzer log.
summarize() {
    local target=$1 log=$2 seconds=$3
    local execs rate cov ft
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    printf '%-15s %10s execs %8s exec/s  cov %6s  ft %7s  %5s s\n' "$target" "${execs:-?}" \
        "${rate:-?}" "${cov:-?}" "${ft:-?}" "$seconds"
}

# Runs TARGET for SECONDS (0: once over the corpus, no mutation). Returns libFuzzer's status.
run_target() {
    local target=$1 seconds=$2
    prepare "$target"
    local log=$build/logs/$target.log
    mkdir -p "$build/logs"
    local flags=(-timeout=25 -rss_limit_mb=2048 -max_len="$(max_len "$target")"
                 -dict="$build/dict/$target.dict" -artifact_prefix="$build/artifacts/$target/"
                 -print_final_stats=1)
    if [ "$seconds" -eq 0 ]; then
        flags+=(-runs=0)
    else
        flags+=(-max_total_time="$seconds")
        [ -n "${UNSTUCK_FUZZ_RUNS:-}" ] && flags+=(-runs="$UNSTUCK_FUZZ_RUNS")
    fi
    local start=$SECONDS status=0
    # shellcheck disable=SC2086 # UNSTUCK_FUZZ_ARGS is a list of flags
    "$build/fuzz/fuzz_$target" "${flags[@]}" ${UNSTUCK_FUZZ_ARGS:-} "$build/corpus/$target" \
        "$build/seeds/$target" >"$log" 2>&1 || status=$?
    summarize "$target" "$log" $((SECONDS - start))
    if [ "$status" -ne 0 ]; then
        echo "fuzz.sh: $target failed (status $status); log: $log" >&2
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' \
            "$log" | head -20 >&2 || true
        ls -1 "$build/artifacts/$target/" >&2 || true
    fi
    return "$status"
}

# Targets that read files get them from a scratch folder on every execution: keep it in memory.
if [ -z "${TMPDIR:-}" ] && [ -w /dev/shm ]; then
    export TMPDIR=/dev/shm
fi

[ $# -ge 1 ] || usage
case $1 in
--list) printf '%s\n' "${targets[@]}"; exit 0 ;;
--all) [ $# -eq 2 ] || usage; selected=("${targets[@]}"); seconds=$2 ;;
--regress)
    [ $# -le 2 ] || usage
    if [ $# -eq 2 ]; then selected=("$2"); else selected=("${targets[@]}"); fi
    seconds=0
    ;;
-*) usage ;;
*) [ $# -eq 2 ] || usage; selected=("$1"); seconds=$2 ;;
esac
# A loop, not `printf | grep -q`: with pipefail, grep -q leaving at the first line (the first
# target) could kill printf with SIGPIPE and fail the pipeline at random.
known() {
    local t
    for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done
    return 1
}
for target in "${selected[@]}"; do
    if ! known "$target"; then
        echo "fuzz.sh: no target $target" >&2
        usage
    fi
done

ensure_built "${selected[@]/#/fuzz_}"
failed=()
for target in "${selected[@]}"; do
    run_target "$target" "$seconds" || failed+=("$target")
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: crashes or leaks in: ${failed[*]} (inputs kept in $build/artifacts/)" >&2
    exit 1
fi
