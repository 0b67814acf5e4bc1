#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds a release and starts the GUI on the built-in demo world.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --parallel "$(nproc)"
exec ./build/release/app/unstuck --demo "${1:-seed}"
