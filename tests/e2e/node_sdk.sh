#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest e2e.node_sdk.install and e2e.node_sdk: the official Alibaba Cloud Node.js SDKs, pinned by
# tests/e2e/node-sdk/package-lock.json, talk to unstuck-sim's cloud endpoint (walk.js).
#
#   node_sdk.sh install <folder of walk.js>
#       `npm ci` from the lockfile into a cache folder keyed by the lockfile's hash; a second run
#       with the same lockfile installs nothing. Its own ctest test, so a slow registry cannot
#       push the check itself past its timeout.
#   node_sdk.sh run <unstuck-sim binary> <folder of walk.js>
#       starts the simulator's seed world and runs walk.js with the cached SDKs.
#
# Exit 77 (ctest: skipped, with the reason printed) when Node.js/npm are missing or the npm
# registry cannot be reached — never a silent pass.
set -uo pipefail
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

mode=${1:-}
command -v node >/dev/null || skip "node is not installed (apt-get install nodejs npm)"
command -v npm >/dev/null || skip "npm is not installed (apt-get install npm)"

sdk_folder() {
    local lock_hash
    lock_hash=$(sha256sum "$1/package-lock.json" | cut -c1-16)
    echo "${UNSTUCK_NODE_SDK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/unstuck/node-sdk}/$lock_hash"
}

install_sdks() {
    local script_dir=$1 target staging
    target=$(sdk_folder "$script_dir")
    if [[ -f $target/installed ]]; then
        echo "the SDKs of this lockfile are already installed in $target"
        return 0
    fi
    mkdir -p "$(dirname "$target")"
    staging=$(mktemp -d "$target.XXXXXX")
    trap 'rm -rf "$staging"' EXIT
    cp "$script_dir/package.json" "$script_dir/package-lock.json" "$staging/"
    if ! (cd "$staging" && timeout 500 npm ci --no-audit --no-fund --loglevel=error) \
            >"$staging/npm.log" 2>&1; then
        if ! timeout 30 npm ping >/dev/null 2>&1; then
            skip "the npm registry ($(npm config get registry)) is unreachable; npm said: $(tail -n 3 "$staging/npm.log")"
        fi
        cat "$staging/npm.log"
        fail "npm ci failed although the registry answers"
    fi
    touch "$staging/installed"
    # Another run may have finished the same install meanwhile; either copy is complete.
    mv -T "$staging" "$target" 2>/dev/null || rm -rf "$staging"
    trap - EXIT
    echo "installed the SDKs pinned by package-lock.json into $target"
}

# Global, not local to run_walk: the EXIT trap runs after the function has returned.
work=
sim_pid=
run_walk() {
    local sim_binary=$1 script_dir=$2 sdks
    sdks=$(sdk_folder "$script_dir")
    [[ -f $sdks/installed ]] ||
        skip "the SDKs are not installed in $sdks (see e2e.node_sdk.install)"
    work=$(mktemp -d)
    cleanup() {
        [[ -n $sim_pid ]] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
        rm -rf "$work"
    }
    trap cleanup EXIT

    "$sim_binary" --scenario seed --state-dir "$work/state" >"$work/sim.out" 2>"$work/sim.err" &
    sim_pid=$!
    for _ in $(seq 1 150); do
        [[ -s $work/state/sim.json ]] && break
        kill -0 "$sim_pid" 2>/dev/null || { cat "$work/sim.err"; fail "unstuck-sim exited"; }
        sleep 0.1
    done
    [[ -s $work/state/sim.json ]] || fail "unstuck-sim did not become ready"

    NODE_PATH="$sdks/node_modules" NODE_EXTRA_CA_CERTS="$work/state/ca.crt" \
        node "$script_dir/walk.js" "$work/state/sim.json"
}

case $mode in
install) install_sdks "$2" ;;
run) run_walk "$2" "$3" ;;
*) echo "usage: node_sdk.sh install DIR | node_sdk.sh run SIM DIR" >&2; exit 2 ;;
esac
