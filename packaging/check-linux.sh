#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Linux packages from a clean checkout of HEAD and proves they are right:
#   1. clones HEAD into build/check-linux/src, builds it with the "package" preset (Release,
#      warnings are errors) and runs cpack: .deb, .rpm (when rpmbuild exists) and .tar.gz;
#   2. lintian on the .deb (no errors; the warnings it may print are explained below),
#      desktop-file-validate and `appstreamcli validate --no-net` on the files the .deb holds;
#   3. installs the .deb with apt into a clean Debian 12 root (mmdebstrap minbase, cached as in
#      scripts/check-clean-root.sh) and there runs `unstuck --version`, `unstuck --self-check`,
#      `unstuck diagnose --help`, the simulator's seed scenario diagnosed by `unstuck diagnose`
#      (exit 1, root cause RAM policy), the offscreen demo screenshot (a PNG showing the red
#      path) and the demo's launch → first complete graph time; then purges the package and
#      checks that nothing it installed is left behind.
# Prints each step's time, the package and installed sizes, and exits non-zero on the first
# failure. Needs root (apt, chroot, mounts); installs the tools it lacks from apt.
#
#   packaging/check-linux.sh [--keep] [--no-root] [--cache DIR]
#
#   --keep       keep the clean root afterwards (enter it with scripts/check-clean-root.sh --enter)
#   --no-root    stop after the package checks (no clean-root install)
#   --cache DIR  minbase tarball cache (default: the one scripts/check-clean-root.sh uses)
#
# lintian (Debian 12's 2.116) errors fail the check; the one warning kept, and why:
#   - initial-upload-closes-no-bugs: a first upload to the Debian archive closes its ITP bug.
#     These packages are published by the project, not uploaded to Debian: there is no bug.
# Any other warning is printed in full and counted in the summary, so a new one is noticed.
set -euo pipefail

keep=0
with_root=1
cache=${XDG_CACHE_HOME:-$HOME/.cache}/unstuck-clean-root
usage() { sed -n '3,28s/^# \{0,1\}//p' "$0"; }
while [ $# -gt 0 ]; do
    case $1 in
        --keep) keep=1 ;;
        --no-root) with_root=0 ;;
        --cache) cache=${2:?--cache needs a folder}; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" -eq 0 ] || { echo "check-linux.sh needs root (apt, chroot, mounts): sudo $0 $*" >&2; exit 2; }

src=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$src/build/check-linux
checkout=$work/src
out=$work/out                  # packages, screenshot and measurements of this run

# The clean root comes from scripts/check-clean-root.sh's own functions (the host's Debian apt
# sources, the cached minbase tarball, the chroot runner with its private mounts), read from it
# rather than copied, so both scripts build the same root.
load_clean_root_functions() {
    local f
    for f in read_one_line_sources read_deb822_sources debian_sources prepare_sources \
        ensure_mmdebstrap build_base unpack_base in_root; do
        # shellcheck disable=SC1090 # one function at a time
        source <(sed -n "/^$f() {/,/^}/p" "$src/scripts/check-clean-root.sh")
        declare -F "$f" >/dev/null || { echo "scripts/check-clean-root.sh has no $f()" >&2; exit 2; }
    done
}

# ---------------------------------------------------------------------------------------------
report=()
failed_step=
now() { echo "$EPOCHREALTIME"; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
step() { # name command…
    local name=$1 start rc took
    shift
    echo
    echo "==> $name"
    start=$(now)
    set +e
    (set -e; "$@")
    rc=$?
    set -e
    took=$(seconds_since "$start")
    if [ "$rc" -ne 0 ]; then
        report+=("$name|$took|FAILED (exit $rc)")
        failed_step=$name
        echo "<== $name FAILED (exit $rc)" >&2
        exit 1
    fi
    report+=("$name|$took|ok")
    echo "<== $name: ok, ${took}s"
}
# Steps run in subshells: what they measure goes to a file the summary reads.
fact() { echo "  $1: $2"; echo "$1: $2" >>"$out/facts.txt"; }

root=
created_root=0
cleanup() {
    local rc=$?
    set +e
    if [ -n "$root" ] && [ -d "$root" ] && [ "$created_root" -eq 1 ]; then
        local mounts
        mounts=$(awk -v r="$root" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r)
        [ -z "$mounts" ] || xargs -r -n1 umount -l <<<"$mounts"
        if [ "$keep" -eq 1 ]; then
            echo "kept the root $root: scripts/check-clean-root.sh --enter $root"
        else
            rm -rf --one-file-system "$root"
        fi
    fi
    echo
    echo "== Linux packages: $([ -z "$failed_step" ] && [ "$rc" -eq 0 ] && echo "all checks passed" || echo "FAILED${failed_step:+ at: $failed_step}")"
    local line name took status
    for line in "${report[@]}"; do
        IFS='|' read -r name took status <<<"$line"
        printf '   %-44s %8ss   %s\n' "$name" "$took" "$status"
    done
    [ ! -f "$out/facts.txt" ] || sed 's/^/   /' "$out/facts.txt"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
tools() {
    local wanted=(lintian desktop-file-utils appstream mmdebstrap help2man rpm dpkg-dev git ccache python3)
    local missing=() p
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "  installing: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
    bash "$src/scripts/install-deps.sh" # the build dependencies
    echo "  $(lintian --version), desktop-file-validate $(dpkg-query -W -f='${Version}' desktop-file-utils)," \
        "$(appstreamcli --version), $(help2man --version | head -n 1), $(rpmbuild --version)"
}

checkout_head() {
    rm -rf "$checkout" "$out"
    mkdir -p "$work" "$out"
    git clone --quiet --no-hardlinks "$src" "$checkout"
    echo "  $(git -C "$checkout" log -1 --format='%h %s' | cut -c1-100)"
}

build_packages() {
    cd "$checkout"
    local launcher=()
    if command -v ccache >/dev/null; then
        # Paths relative to the checkout, so a rerun (a new clone in the same place) hits.
        export CCACHE_BASEDIR=$checkout
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake --preset package "${launcher[@]}"
    cmake --build build/package --parallel "$(nproc)"
    (cd build/package && cpack)
    cp build/package/unstuck_*.deb build/package/unstuck-*.tar.gz "$out/"
    cp build/package/unstuck-*.rpm "$out/" 2>/dev/null || true
    deb=$(ls "$out"/unstuck_*.deb)
    local f
    for f in "$out"/unstuck[-_]*; do fact "package $(basename "$f")" "$(du -k --apparent-size "$f" | cut -f1) KiB"; done
    dpkg-deb --field "$deb" | sed 's/^/  /'
    dpkg-deb --contents "$deb" | awk '{ print "  " $6 }'
    fact "Installed-Size of the .deb" "$(dpkg-deb --field "$deb" Installed-Size) KiB"
}

run_lintian() {
    local log=$out/lintian.txt
    # --fail-on error: warnings are printed and summarised, errors fail.
    lintian --fail-on error --info --display-level '>=warning' "$deb" | tee "$log"
    fact "lintian" "$(grep -c '^E:' "$log" || true) errors, $(grep -c '^W:' "$log" || true) warnings"
}

validate_desktop_files() {
    local x=$out/deb-contents
    rm -rf "$x"
    dpkg-deb -x "$deb" "$x"
    desktop-file-validate "$x"/usr/share/applications/*.desktop
    appstreamcli validate --no-net --explain "$x"/usr/share/metainfo/*.metainfo.xml
    # Every icon size in the hicolor folder that its name says.
    local png size
    for png in "$x"/usr/share/icons/hicolor/*x*/apps/*.png; do
        size=$(basename "$(dirname "$(dirname "$png")")")
        [ "$(od -An -tu1 -j16 -N8 "$png" | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }')" = "$size" ] ||
            { echo "$png is not $size" >&2; return 1; }
    done
    man --warnings -l "$x"/usr/share/man/man1/unstuck.1.gz >/dev/null
    man --warnings -l "$x"/usr/share/man/man1/unstuck-sim.1.gz >/dev/null
    echo "  desktop entry, metainfo, $(find "$x"/usr/share/icons/hicolor -mindepth 1 -maxdepth 1 | wc -l) icon sizes and both man pages are valid"
}

# ---------------------------------------------------------------------------------------------
# In the clean root
# Every path of the root outside what the system itself changes (apt and dpkg state, caches,
# logs) and outside the user's home and /tmp, sorted.
snapshot() { # file
    in_root 'find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /run -o -path /tmp -o -path /root -o -path /var/cache -o -path /var/lib/apt -o -path /var/lib/dpkg -o -path /var/log \) -prune -o -print | sort' >"$1"
}

make_root() {
    mkdir -p "$cache"
    sources_file=$cache/sources.list.new
    prepare_sources
    local key
    key=$( { cat "$sources_file"; echo "minbase $(dpkg --print-architecture) format 1"; } | sha256sum | cut -c1-16)
    base=$cache/bookworm-minbase-$key.tar
    mv "$sources_file" "$cache/sources-$key.list"
    sources_file=$cache/sources-$key.list
    if [ -f "$base" ] && [ -n "$(find "$base" -mtime -7)" ]; then
        echo "  using the cached $base"
    else
        build_base
    fi
    unpack_base
    cp "$deb" "$root/root/"
    snapshot "$out/root-before-install.txt"
}

install_deb() {
    in_root "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./$(basename "$deb") >/dev/null && dpkg -L unstuck >/run/unstuck-files.txt && cat /run/unstuck-files.txt" >"$out/installed-files.txt"
    sed 's/^/  /' "$out/installed-files.txt"
    snapshot "$out/root-installed.txt" # with the package and its dependencies
    local kib
    kib=$(in_root "dpkg-query -W -f='\${Installed-Size}' unstuck")
    fact "installed size (dpkg, the package alone)" "$kib KiB"
    fact "packages in the root after the install" "$(in_root "dpkg-query -W -f='\${db:Status-Abbrev}\n' | grep -c '^ii'")"
}

in_root_shows() { echo "  \$ $1"; in_root "$1" 2>&1 | sed 's/^/    /'; return "${PIPESTATUS[0]}"; }

installed_commands() {
    in_root_shows 'unstuck --version'
    in_root_shows 'unstuck --self-check'
    in_root_shows 'unstuck diagnose --help' >/dev/null
    echo "  unstuck diagnose --help: ok"
    in_root_shows 'unstuck-sim --help' >/dev/null
    man_page_in_root
}

man_page_in_root() { # minbase has no man-db; the pages must at least be where man looks
    in_root 'test -f /usr/share/man/man1/unstuck.1.gz && test -f /usr/share/man/man1/unstuck-sim.1.gz'
    echo "  man pages: /usr/share/man/man1/unstuck.1.gz, unstuck-sim.1.gz"
}

simulator_diagnosis() {
    # shellcheck disable=SC2016 # expanded in the root
    in_root '
        unstuck-sim --scenario seed --state-dir /tmp/sim >/tmp/sim.log 2>&1 &
        sim=$!
        for i in $(seq 100); do [ -f /tmp/sim/profile.json ] && break; sleep 0.1; done
        rc=0
        unstuck diagnose --profile /tmp/sim/profile.json --format json >/tmp/diagnosis.json || rc=$?
        echo "$rc" >/tmp/diagnosis.rc
        unstuck diagnose --profile /tmp/sim/profile.json | head -n 15 | sed "s/^/    /" || true
        kill $sim; wait $sim 2>/dev/null || true'
    cp "$root/tmp/diagnosis.json" "$out/diagnosis-seed.json"
    local rc
    rc=$(cat "$root/tmp/diagnosis.rc")
    echo "  unstuck diagnose --format json: exit $rc"
    [ "$rc" -eq 1 ] || { echo "expected exit 1 (a root cause found)" >&2; return 1; }
    python3 - "$out/diagnosis-seed.json" <<'PY'
import json, sys
root = json.load(open(sys.argv[1])).get("rootCause") or {}
print("  root cause:", root.get("component"), "-", root.get("summary"))
sys.exit(0 if root.get("component") == "ram-policy" else 1)
PY
}

demo_screenshot() {
    in_root 'QT_QPA_PLATFORM=offscreen unstuck --demo seed --screenshot /tmp/demo.png'
    cp "$root/tmp/demo.png" "$out/demo-seed.png"
    echo "  copied to build/check-linux/out/demo-seed.png"
    # The red path must be on it (a window without fonts or icons is still a PNG): count the
    # failing components' red, decoding the PNG with Python's zlib alone.
    python3 - "$out/demo-seed.png" <<'PY'
import struct, sys, zlib
def red_pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6) and body[12] == 0, "8-bit RGB(A), not interlaced"
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, prev, red = zlib.decompress(idat), w * bpp, bytearray(w * bpp), 0
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        red += sum(1 for x in range(0, stride, bpp) if line[x] > 200 and line[x + 1] < 90 and line[x + 2] < 90)
        prev = line
    return w, h, red
w, h, red = red_pixels(sys.argv[1])
print(f"  {w}x{h}, {red} red pixels (the failing path: RAM policy, Route Controller, VPC route table)")
sys.exit(0 if red > 2000 else 1)
PY
}

demo_timing() {
    local i
    : >"$out/measure-stalls.jsonl"
    for i in 1 2 3; do
        in_root 'QT_QPA_PLATFORM=offscreen unstuck --demo seed --measure-stalls' |
            grep '^{.*launchToGraphMs' | tee -a "$out/measure-stalls.jsonl" | sed "s/^/  run $i: /"
    done
    fact "launch → first complete graph (offscreen, 3 runs)" "$(python3 -c '
import json, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
print(", ".join(str(r["launchToGraphMs"]) for r in runs), "ms; resident",
      ", ".join(str(r["residentKiB"] // 1024) for r in runs), "MiB")' "$out/measure-stalls.jsonl")"
}

purge_and_compare() {
    # Running the programs must not have written outside the user's home and /tmp.
    snapshot "$out/root-before-purge.txt"
    local written
    written=$(comm -13 "$out/root-installed.txt" "$out/root-before-purge.txt")
    [ -z "$written" ] || { echo "the programs wrote outside /root and /tmp:" >&2; echo "$written" >&2; return 1; }
    in_root 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq unstuck >/dev/null'
    snapshot "$out/root-purged.txt"
    # Nothing of the package's own files remains (directories others share may), and the purge
    # created nothing.
    local left added
    left=$(grep -vx '/\.' "$out/installed-files.txt" | sort | comm -12 - "$out/root-purged.txt" |
        while read -r f; do [ -d "$root$f" ] || echo "$f"; done)
    [ -z "$left" ] || { echo "files of the package left after the purge:" >&2; echo "$left" >&2; return 1; }
    added=$(comm -13 "$out/root-installed.txt" "$out/root-purged.txt")
    [ -z "$added" ] || { echo "the purge left new files:" >&2; echo "$added" >&2; return 1; }
    echo "  nothing of unstuck is left: its $(grep -cvx '/\.' "$out/installed-files.txt") paths are gone and the root is as before it came"
    # Its dependencies go with autoremove. What their maintainer scripts made (machine-id, the
    # shadow backups of adduser, systemd's state folders) is Debian's to keep, not ours: shown.
    in_root 'DEBIAN_FRONTEND=noninteractive apt-get autoremove --purge -y -qq >/dev/null'
    snapshot "$out/root-autoremoved.txt"
    fact "left by the dependencies' own scripts after autoremove --purge" \
        "$(comm -13 "$out/root-before-install.txt" "$out/root-autoremoved.txt" | paste -sd' ')"
    echo "  the user's own files (not the package's), in /root:"
    in_root 'find /root -mindepth 1 -newer /root/'"$(basename "$deb")"' | sed "s/^/    /"' || true
}

# ---------------------------------------------------------------------------------------------
echo "Linux packages of $src (HEAD: $(git -C "$src" rev-parse --short HEAD))"
step "tools (apt)" tools
step "clean checkout of HEAD" checkout_head
step "build (preset package) and cpack" build_packages
deb=$(ls "$out"/unstuck_*.deb)
step "lintian" run_lintian
step "desktop-file-validate, appstreamcli, icons, man" validate_desktop_files
if [ "$with_root" -eq 1 ]; then
    load_clean_root_functions
    # shellcheck disable=SC2034 # read by in_root(), from scripts/check-clean-root.sh
    in_root=/root # where in_root() starts its commands
    root=$(mktemp -d /var/tmp/unstuck-check-linux.XXXXXX)
    created_root=1
    step "clean Debian 12 root (mmdebstrap minbase)" make_root
    step "apt install ./$(basename "$deb")" install_deb
    step "unstuck --version, --self-check, --help" installed_commands
    step "unstuck-sim seed + unstuck diagnose" simulator_diagnosis
    step "offscreen demo screenshot" demo_screenshot
    step "launch → first complete graph" demo_timing
    step "apt purge: nothing left behind" purge_and_compare
fi
