#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Unstuck needs to build, test and run on Debian 12 (as root or through sudo).
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libgl-dev libqt6opengl6-dev
  libyaml-cpp-dev libspdlog-dev nlohmann-json3-dev libssl-dev openssl
  qtkeychain-qt6-dev
  xvfb xauth fonts-noto-cjk
  # The fuzz preset (scripts/fuzz.sh): Debian's clang 14 and its libFuzzer/sanitizer runtimes
  # (libclang_rt.fuzzer-x86_64.a is in libclang-rt-14-dev).
  clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Real kubectl drives the end-to-end suite; Debian's kubernetes-client provides one if none is on PATH.
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
# The official Alibaba Cloud Node.js SDKs check the simulator's cloud API (e2e.node_sdk).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
