#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the GitHub Actions workflows in .github/workflows (ctest packaging.workflows):
#   - each is valid against the workflow schema (@action-validator/cli, pinned by
#     packaging/workflow-check/package-lock.json, installed with `npm ci` into a cache folder keyed
#     by the lockfile's hash, so a second run installs nothing);
#   - every action a step uses names an exact version (@vX.Y.Z) or a commit, never a moving tag
#     like @v4 or a branch.
#
#   packaging/check-workflows.sh [SOURCE_DIR]
#
# Exit 77 (ctest: skipped, with the reason) when Node.js/npm are missing or the npm registry
# cannot be reached; CI installs both, and scripts/test.sh fails on any skip.
set -uo pipefail
skip() { echo "SKIPPED: $*" >&2; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

source_dir=$(cd "${1:-$(dirname "$0")/..}" && pwd)
lock_dir=$source_dir/packaging/workflow-check
workflows=("$source_dir"/.github/workflows/*.yml)
[[ -f ${workflows[0]} ]] || fail "no workflows in $source_dir/.github/workflows"

check_pins() {
    local file line ref bad=0
    for file in "${workflows[@]}"; do
        while IFS= read -r line; do
            ref=${line#*uses:}
            ref=$(echo "$ref" | tr -d " \"'")
            [[ $ref == ./* ]] && continue # an action in this repository
            if [[ ! $ref =~ @(v[0-9]+\.[0-9]+\.[0-9]+|[0-9a-f]{40})$ ]]; then
                echo "$(basename "$file"): '$ref' is not pinned to an exact version or a commit"
                bad=1
            fi
        done < <(grep -E '^\s*(-\s+)?uses:' "$file")
    done
    return $bad
}

validator() {
    command -v node >/dev/null || skip "node is not installed (apt-get install nodejs npm)"
    command -v npm >/dev/null || skip "npm is not installed (apt-get install npm)"
    local hash target staging
    hash=$(sha256sum "$lock_dir/package-lock.json" | cut -c1-16)
    target=${UNSTUCK_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/unstuck/workflow-check}/$hash
    if [[ ! -f $target/installed ]]; then
        mkdir -p "$(dirname "$target")"
        staging=$(mktemp -d "$target.XXXXXX")
        cp "$lock_dir/package.json" "$lock_dir/package-lock.json" "$staging/"
        if ! (cd "$staging" && timeout 300 npm ci --no-audit --no-fund --loglevel=error) >&2; then
            rm -rf "$staging"
            skip "npm ci could not install @action-validator/cli (is the npm registry reachable?)"
        fi
        touch "$staging/installed"
        rm -rf "$target" && mv "$staging" "$target"
    fi
    echo "$target/node_modules/.bin/action-validator"
}

tool=$(validator) || exit $?
tool=${tool##*$'\n'}
status=0
for file in "${workflows[@]}"; do
    if "$tool" "$file"; then
        echo "valid: $(basename "$file") (@action-validator/cli $(node -p "require('$(dirname "$tool")/../@action-validator/cli/package.json').version"))"
    else
        echo "INVALID: $(basename "$file")"
        status=1
    fi
done
check_pins || status=1
[[ $status == 0 ]] && echo "every action is pinned to an exact version or a commit"
exit $status
