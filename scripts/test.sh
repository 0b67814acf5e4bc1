#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds with the "ci" preset (warnings are errors) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/unstuck-ccache}"
cmake --preset ci -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
cmake --build --preset ci --parallel "$(nproc)"
ctest --preset ci
