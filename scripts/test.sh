#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds with the "ci" preset (warnings are errors) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/unstuck-ccache}"
# Paths under the checkout are hashed relative to it, so a second clone or build folder reuses
# the cache instead of compiling everything again.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
cmake --preset ci -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
cmake --build --preset ci --parallel "$(nproc)"
# Every suite must run: install-deps.sh installed what each needs (kubectl, Node.js for the
# official SDKs), so a skip here hides a missing step, not a missing tool.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ctest --preset ci | tee "$log"
if grep -q '\*\*\*Skipped' "$log"; then
    echo "test.sh: these suites did not run (a skip is a failure here):" >&2
    grep '\*\*\*Skipped' "$log" >&2
    exit 1
fi
# The fuzz smoke is part of ctest above: "fuzz.<target>" replays every target's seeds and the
# inputs that once crashed it through the same LLVMFuzzerTestOneInput, in this build. Mutating
# with libFuzzer needs its own clang+ASan build (~16 CPU-minutes cold, docs/fuzzing.md), more
# than CI's 20-minute budget leaves; set UNSTUCK_FUZZ_SECONDS to fuzz every target that long.
if [ -n "${UNSTUCK_FUZZ_SECONDS:-}" ]; then
    bash scripts/fuzz.sh --all "$UNSTUCK_FUZZ_SECONDS"
fi
