#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest e2e.node_sdk: the official Alibaba Cloud Node.js SDKs, installed from npm into a
# temporary folder, talk to unstuck-sim's cloud endpoint (tests/e2e/node-sdk/walk.js).
# Exit 77 (ctest: skipped, with the reason printed) when Node.js/npm are missing or the npm
# registry cannot be reached — never a silent pass.
# Usage: node_sdk.sh <unstuck-sim binary> <folder of walk.js>
set -uo pipefail
sim_binary=$1
script_dir=$2
skip() { echo "SKIPPED: $*"; exit 77; }

command -v node >/dev/null || skip "node is not installed (apt-get install nodejs npm)"
command -v npm >/dev/null || skip "npm is not installed (apt-get install npm)"

work=$(mktemp -d)
sim_pid=
cleanup() {
    [[ -n $sim_pid ]] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# Versions the reference notes were checked with (../shared/reference/alibaba-cloud.md §7).
packages=(@alicloud/pop-core@1.8.0 @alicloud/vpc20160428@7.3.2 @alicloud/openapi-core@1.0.8)
if ! timeout 240 npm install --no-audit --no-fund --no-save --loglevel=error \
        --prefix "$work/sdk" "${packages[@]}" >"$work/npm.log" 2>&1; then
    if ! timeout 30 npm ping >/dev/null 2>&1; then
        skip "the npm registry ($(npm config get registry)) is unreachable; npm said: $(tail -n 3 "$work/npm.log")"
    fi
    echo "FAIL: npm install ${packages[*]} failed although the registry answers:"
    cat "$work/npm.log"
    exit 1
fi
echo "installed ${packages[*]} into $work/sdk"

"$sim_binary" --scenario seed --state-dir "$work/state" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 150); do
    [[ -s $work/state/sim.json ]] && break
    kill -0 "$sim_pid" 2>/dev/null || { echo "FAIL: unstuck-sim exited"; cat "$work/sim.err"; exit 1; }
    sleep 0.1
done
[[ -s $work/state/sim.json ]] || { echo "FAIL: unstuck-sim did not become ready"; exit 1; }

NODE_PATH="$work/sdk/node_modules" NODE_EXTRA_CA_CERTS="$work/state/ca.crt" \
    node "$script_dir/walk.js" "$work/state/sim.json"
