#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the application icon (resources/icons/unstuck.svg) into what the installers need:
#   packaging/linux/icons/<size>.png   hicolor PNGs, 16 to 512 px
#   packaging/windows/unstuck.ico      16, 24, 32, 48, 64 and 256 px (PNG-compressed entries)
# The results are committed (builds need no SVG renderer); run this after changing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin) and python3. macOS builds make their .icns from the
# PNGs with iconutil (packaging/CMakeLists.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
svg=resources/icons/unstuck.svg
command -v rsvg-convert >/dev/null || { echo "render-icons.sh needs rsvg-convert (apt install librsvg2-bin)" >&2; exit 2; }
mkdir -p packaging/linux/icons packaging/windows
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" --output "packaging/linux/icons/$size.png" "$svg"
done
python3 - packaging/windows/unstuck.ico packaging/linux/icons/{16,24,32,48,64,256}.png <<'PY'
import struct, sys
out, pngs = sys.argv[1], sys.argv[2:]
blobs = [open(p, "rb").read() for p in pngs]
header = struct.pack("<HHH", 0, 1, len(blobs))
offset = 6 + 16 * len(blobs)
entries = b""
for blob in blobs:
    width, height = struct.unpack(">II", blob[16:24])  # the PNG's IHDR
    entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(blob), offset)
    offset += len(blob)
open(out, "wb").write(header + entries + b"".join(blobs))
PY
echo "icons written: packaging/linux/icons/*.png, packaging/windows/unstuck.ico"
