#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Proves that the README's commands work on a freshly installed Debian 12 with nothing added:
# builds a minimal bookworm root with mmdebstrap (variant minbase, from the host's Debian apt
# sources), copies this working tree into it (tracked and untracked-but-not-ignored files, no
# build folders) and runs inside it (chroot) ./scripts/install-deps.sh and `cmake --preset ci`;
# with --full, the whole ./scripts/test.sh (build and every test). Prints the time each step took
# and, on failure, which step failed, and exits non-zero. Needs root (chroot, mounts).
#
#   scripts/check-clean-root.sh [--full] [--keep] [--root DIR] [--refresh] [--cache DIR]
#   scripts/check-clean-root.sh --enter DIR
#
#   --full       also run ./scripts/test.sh in the root (the whole build and ctest)
#   --keep       keep the root afterwards for inspection
#   --root DIR   build the root in DIR (absent or empty; default: a new folder under /var/tmp)
#   --refresh    rebuild the cached base tarball even if it is recent
#   --cache DIR  base tarball cache (default: ~/.cache/unstuck-clean-root)
#   --enter DIR  a shell in a kept root, with the mounts the steps had (e.g. to rerun one test)
#
# The minbase tarball is cached, keyed on the apt sources used, and rebuilt after a week, so a
# rerun only unpacks it. Every step runs in its own mount and PID namespace (unshare): /proc,
# /sys, /dev (null, zero, full, random, urandom, tty), /dev/pts and a tmpfs /dev/shm exist only
# there and vanish with the step, as do processes the step left behind (a simulator a failed test
# did not stop). The root shares the host's network: apt-get and npm need it, and the tests
# themselves only use 127.0.0.1.
set -euo pipefail

full=0
keep=0
refresh=0
root=
cache=${XDG_CACHE_HOME:-$HOME/.cache}/unstuck-clean-root
max_age_days=7
enter=
usage() { sed -n '3,18s/^# \{0,1\}//p' "$0"; }
while [ $# -gt 0 ]; do
    case $1 in
        --full) full=1 ;;
        --keep) keep=1 ;;
        --refresh) refresh=1 ;;
        --root) root=${2:?--root needs a folder}; shift ;;
        --root=*) root=${1#--root=} ;;
        --cache) cache=${2:?--cache needs a folder}; shift ;;
        --cache=*) cache=${1#--cache=} ;;
        --enter) enter=${2:?--enter needs a kept root}; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

[ "$(id -u)" -eq 0 ] || { echo "check-clean-root.sh needs root (chroot, mounts): sudo $0 $*" >&2; exit 2; }
src=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
in_root=/root/unstuck # where the tree goes inside the root: a new user's clone in their home

# ---------------------------------------------------------------------------------------------
# Steps, timing and the final report
# ---------------------------------------------------------------------------------------------
report=()     # "name|seconds|status" lines for the summary
failed_step=
after_step=   # a function the next step() calls after its command, success or not
now() { echo "$EPOCHREALTIME"; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
human() { awk -v s="$1" 'BEGIN { m = int(s / 60); if (m) printf "%dm %04.1fs", m, s - 60 * m; else printf "%.1fs", s }'; }
note() { report+=("$1|$2|$3"); } # name, seconds (may be empty), status

step() { # name command… : runs the command (set -e applies), records its time, stops on failure
    local name=$1 start rc took hook=$after_step
    shift
    after_step=
    echo
    echo "==> $name"
    start=$(now)
    set +e
    (set -e; "$@")
    rc=$?
    set -e
    took=$(seconds_since "$start")
    if [ "$rc" -eq 0 ]; then note "$name" "$took" ok; else note "$name" "$took" "FAILED (exit $rc)"; fi
    [ -z "$hook" ] || "$hook" "$start"
    if [ "$rc" -ne 0 ]; then
        failed_step=${failed_step:-$name}
        echo "<== $name FAILED (exit $rc) after $(human "$took")" >&2
        exit 1
    fi
    echo "<== $name: ok, $(human "$took")"
}

summary() {
    echo
    echo "== clean Debian 12 root: $([ -z "$failed_step" ] && echo "all steps passed" || echo "FAILED at: $failed_step")"
    local line name took status
    for line in "${report[@]}"; do
        IFS='|' read -r name took status <<<"$line"
        if [ -n "$took" ]; then
            printf '   %-34s %10s   %s\n' "$name" "$(human "$took")" "$status"
        else
            printf '   %-34s %10s   %s\n' "$name" "" "$status"
        fi
    done
}

# ---------------------------------------------------------------------------------------------
# The root: created here, removed on exit (unless --keep), never with anything mounted in it
# ---------------------------------------------------------------------------------------------
created_root=0 # 1: this run made the folder (removed at the end); 2: it was empty (emptied)
cleanup() {
    local rc=$?
    set +e
    if [ -n "$root" ] && [ -d "$root" ]; then
        # Steps mount in their own namespace, so nothing should be left; unmount anything that is
        # (deepest first) before deleting, and never delete through a mount.
        local mounts
        mounts=$(awk -v r="$(realpath "$root")" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r)
        [ -z "$mounts" ] || { echo "unmounting leftovers: $mounts" >&2; xargs -r -n1 umount -l <<<"$mounts"; }
        if [ "$keep" -eq 1 ] || [ "$created_root" -eq 0 ]; then
            [ "$created_root" -eq 0 ] || echo "kept the root $root: $0 --enter $root"
        elif awk -v r="$(realpath "$root")" '$5 == r || index($5, r "/") == 1 { f = 1 } END { exit !f }' /proc/self/mountinfo; then
            echo "not removing $root: something is still mounted in it" >&2
        elif [ "$created_root" -eq 1 ]; then
            rm -rf --one-file-system "$root"
        else
            find "$root" -mindepth 1 -maxdepth 1 -exec rm -rf --one-file-system {} +
        fi
    fi
    [ ${#report[@]} -eq 0 ] || summary
    if [ "$rc" -ne 0 ] && [ "$keep" -eq 0 ] && [ "$created_root" -eq 1 ]; then
        echo "(rerun with --keep to inspect the root)" >&2
    fi
    exit "$rc"
}

# ---------------------------------------------------------------------------------------------
# Apt sources: the host's Debian bookworm entries
# ---------------------------------------------------------------------------------------------
# Only entries for Debian's own bookworm suites (bookworm, bookworm-updates, bookworm-security)
# and components are used, whichever mirror they point at: that is what a fresh installation
# has, and third-party repositories (nodesource, Google Cloud, Docker…) would make the root
# something other than a clean Debian 12 — besides, their hosts are not always reachable from
# build machines and their keys are often absent. Entries whose keyring is missing or whose
# mirror does not answer are skipped too, each with the reason. If nothing usable remains,
# deb.debian.org is used.

# Prints one "types|uris|suites|components|signed-by|enabled" line per entry.
read_one_line_sources() { # file…
    awk '
        { sub(/#.*/, "") }
        NF < 3 { next }
        {
            type = $1; i = 2; signed = ""
            if ($2 ~ /^\[/) {
                opts = ""
                for (; i <= NF; i++) { opts = opts " " $i; if ($i ~ /\]$/) { i++; break } }
                gsub(/[][]/, " ", opts)
                n = split(opts, o, " ")
                for (k = 1; k <= n; k++) if (o[k] ~ /^signed-by=/) signed = substr(o[k], 11)
            }
            uri = $i; suite = $(i + 1); comps = ""
            for (k = i + 2; k <= NF; k++) comps = comps (comps == "" ? "" : " ") $k
            print type "|" uri "|" suite "|" comps "|" signed "|yes"
        }' "$@"
}

read_deb822_sources() { # file…
    awk '
        function flush() {
            if (seen) print types "|" uris "|" suites "|" comps "|" signed "|" enabled
            types = uris = suites = comps = signed = last = ""; enabled = "yes"; seen = 0
        }
        BEGIN { enabled = "yes" }
        FNR == 1 { flush() }
        /^#/ { next }
        /^[ \t]*$/ { flush(); next }
        /^[ \t]/ { if (last == "signed-by") signed = "(inline key)"; next }
        {
            key = tolower(substr($0, 1, index($0, ":") - 1))
            val = substr($0, index($0, ":") + 1)
            gsub(/^[ \t]+|[ \t]+$/, "", val)
            last = key; seen = 1
            if (key == "types") types = val
            else if (key == "uris") uris = val
            else if (key == "suites") suites = val
            else if (key == "components") comps = val
            else if (key == "signed-by") signed = val
            else if (key == "enabled") enabled = tolower(val)
        }
        END { flush() }' "$@"
}

debian_sources() { # prints sources.list lines for the root; reasons for skipping go to stderr
    local files_list=() files_822=() f
    [ ! -f /etc/apt/sources.list ] || files_list+=(/etc/apt/sources.list)
    for f in /etc/apt/sources.list.d/*.list; do [ ! -f "$f" ] || files_list+=("$f"); done
    for f in /etc/apt/sources.list.d/*.sources; do [ ! -f "$f" ] || files_822+=("$f"); done
    local types uris suites comps signed enabled uri suite c keep_comps opts
    {
        [ ${#files_list[@]} -eq 0 ] || read_one_line_sources "${files_list[@]}"
        [ ${#files_822[@]} -eq 0 ] || read_deb822_sources "${files_822[@]}"
    } | while IFS='|' read -r types uris suites comps signed enabled; do
        [ "$enabled" != no ] || continue
        [[ " $types " == *" deb "* ]] || continue # deb-src only
        for uri in $uris; do
            for suite in $suites; do
                local what="$uri $suite"
                case $suite in
                    bookworm | bookworm-updates | bookworm-security) ;;
                    *) echo "  skipped $what: not a suite of a fresh Debian 12 (third-party, backports…)" >&2; continue ;;
                esac
                case $uri in
                    http://* | https://*) ;;
                    *) echo "  skipped $what: only http(s) mirrors can be used from the root" >&2; continue ;;
                esac
                keep_comps=
                for c in $comps; do
                    case $c in main | contrib | non-free | non-free-firmware) keep_comps+=" $c" ;; esac
                done
                [ -n "$keep_comps" ] || { echo "  skipped $what: no Debian component in '$comps'" >&2; continue; }
                opts=
                case $signed in
                    "" | "(inline key)") ;; # Debian's archive keys are in the root's trusted.gpg.d
                    /*)
                        if [ -f "$signed" ]; then opts="[signed-by=$signed] "
                        else echo "  skipped $what: its key $signed is missing" >&2; continue; fi ;;
                esac
                if command -v curl >/dev/null &&
                    ! curl -fsS --max-time 20 -o /dev/null "${uri%/}/dists/$suite/InRelease" 2>/dev/null; then
                    echo "  skipped $what: ${uri%/}/dists/$suite/InRelease is unreachable" >&2
                    continue
                fi
                echo "deb $opts$uri $suite${keep_comps}"
            done
        done
    done | awk ' # one line per mirror and suite, with the union of the components
        { key = $1 " " $2 " " $3; if ($2 ~ /^\[/) key = key " " $4
          if (!(key in comps)) order[++n] = key
          for (i = split(key, k, " ") + 1; i <= NF; i++) if (index(comps[key] " ", " " $i " ") == 0) comps[key] = comps[key] " " $i }
        END { for (i = 1; i <= n; i++) print order[i] comps[order[i]] }'
}

prepare_sources() {
    debian_sources >"$sources_file"
    if ! grep -Eq ' bookworm( .*)? main' "$sources_file"; then
        echo "  no usable Debian bookworm source on this host: using deb.debian.org" >&2
        printf '%s\n' "deb http://deb.debian.org/debian bookworm main" \
            "deb http://deb.debian.org/debian bookworm-updates main" \
            "deb http://deb.debian.org/debian-security bookworm-security main" >"$sources_file"
    fi
    echo "  sources for the root:"
    sed 's/^/    /' "$sources_file"
}

# ---------------------------------------------------------------------------------------------
# The base: minbase tarball, cached per sources
# ---------------------------------------------------------------------------------------------
ensure_mmdebstrap() {
    command -v mmdebstrap >/dev/null && return
    echo "  installing mmdebstrap"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap
}

build_base() {
    ensure_mmdebstrap
    local tmp=$base.$$.partial
    rm -f "$tmp"
    # https mirrors need CA certificates to be verified, which minbase does not have.
    local extra=()
    ! grep -q ' https://' "$sources_file" || extra+=(--include=ca-certificates)
    mmdebstrap --mode=root --variant=minbase --format=tar "${extra[@]}" bookworm "$tmp" "$sources_file"
    mv "$tmp" "$base"
}

unpack_base() {
    tar --numeric-owner -xpf "$base" -C "$root"
    # What the Debian installer writes and a chroot lacks: name resolution and the hosts file
    # (localhost must resolve as on any installed machine).
    rm -f "$root/etc/resolv.conf"
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
    printf '%s\n' "127.0.0.1	localhost" "::1		localhost ip6-localhost ip6-loopback" >"$root/etc/hosts"
    echo unstuck-clean-root >"$root/etc/hostname"
    # Certificate authorities the host's administrator added (for a TLS-inspecting proxy, say)
    # are site configuration, not packages: a fresh machine on the same network has them too.
    # Without them npm cannot reach its registry and e2e.node_sdk is skipped. They join the
    # root's bundle when install-deps.sh brings ca-certificates (or now, if the base has it).
    if [ -n "$(ls -A /usr/local/share/ca-certificates 2>/dev/null)" ]; then
        mkdir -p "$root/usr/local/share/ca-certificates"
        cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
        [ ! -x "$root/usr/sbin/update-ca-certificates" ] || in_root 'update-ca-certificates >/dev/null'
    fi
}

copy_tree() { # tracked and untracked-but-not-ignored files as they are in the working tree
    mkdir -p "$root$in_root"
    git -C "$src" ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do
            case $f in build/* | build-*/* | build_*/*) continue ;; esac
            [ -e "$src/$f" ] || [ -L "$src/$f" ] || continue # deleted, not yet committed
            printf '%s\0' "$f"
        done |
        tar -C "$src" --null --no-recursion -T - -cf - | tar -C "$root$in_root" -xpf -
    echo "  $(find "$root$in_root" -type f | wc -l) files in $in_root: commit $(git -C "$src" rev-parse --short HEAD)" \
        "and $(git -C "$src" status --porcelain | wc -l) paths changed or added in the working tree"
}

# ---------------------------------------------------------------------------------------------
# Running in the root
# ---------------------------------------------------------------------------------------------
# A fresh machine's environment, not this one's: no inherited variables but the basics (and the
# host's proxy settings, which a machine on the same network would have too).
in_root() { # command line (run by bash -c in $in_root)
    # shellcheck disable=SC2016 # expanded by the inner bash, from ROOT and CMD
    ROOT=$root CMD="cd $in_root && $1" unshare --mount --pid --fork --kill-child --propagation private \
        bash -c '
        set -e
        mount -t proc proc "$ROOT/proc"
        mount -t sysfs sysfs "$ROOT/sys" 2>/dev/null || mount --rbind /sys "$ROOT/sys"
        mount -t tmpfs -o mode=755,nosuid dev "$ROOT/dev"
        for n in null zero full random urandom tty; do
            touch "$ROOT/dev/$n"
            mount --bind "/dev/$n" "$ROOT/dev/$n"
        done
        ln -s /proc/self/fd "$ROOT/dev/fd"
        ln -s /proc/self/fd/0 "$ROOT/dev/stdin"
        ln -s /proc/self/fd/1 "$ROOT/dev/stdout"
        ln -s /proc/self/fd/2 "$ROOT/dev/stderr"
        mkdir "$ROOT/dev/pts" "$ROOT/dev/shm"
        mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$ROOT/dev/pts"
        ln -s pts/ptmx "$ROOT/dev/ptmx"
        mount -t tmpfs -o mode=1777,nosuid,nodev shm "$ROOT/dev/shm"
        # Not exec: this shell stays PID 1 of the namespace and reaps orphaned processes.
        chroot "$ROOT" /usr/bin/env -i \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            HOME=/root USER=root LOGNAME=root SHELL=/bin/bash LANG=C.UTF-8 TERM="${TERM:-dumb}" \
            ${http_proxy:+http_proxy="$http_proxy"} ${https_proxy:+https_proxy="$https_proxy"} \
            ${no_proxy:+no_proxy="$no_proxy"} \
            /bin/bash -c "$CMD"
        '
}

# With --full, test.sh runs unchanged; cmake and ctest are reached through timing wrappers put
# first on its PATH, so the report can split its time into configure, build and ctest.
install_timing_wrappers() {
    local dir=$root/run/clean-root
    mkdir -p "$dir/bin"
    : >"$dir/calls"
    for tool in cmake ctest; do
        cat >"$dir/bin/$tool" <<'EOF'
#!/bin/sh
# check-clean-root.sh: times one cmake/ctest call of scripts/test.sh.
tool=$(basename "$0")
PATH=${PATH#/run/clean-root/bin:}
export PATH
start=$(date +%s.%N)
rc=0
"$tool" "$@" || rc=$?
echo "$start $(date +%s.%N) $rc $tool $*" >>/run/clean-root/calls
exit $rc
EOF
        chmod +x "$dir/bin/$tool"
    done
}

report_test_sh_parts() { # test.sh's start time: split it into install-deps, configure, build, ctest
    local t0=$1 calls=$root/run/clean-root/calls first
    [ -s "$calls" ] || { note "  test.sh: install-deps.sh" "$(seconds_since "$t0")" "(no cmake call: failed there)"; return; }
    first=$(head -n 1 "$calls" | cut -d' ' -f1)
    note "  test.sh: install-deps.sh" "$(awk -v a="$t0" -v b="$first" 'BEGIN { printf "%.1f", b - a }')" ok
    local start end rc tool args part
    while read -r start end rc tool args; do
        case "$tool $args" in
            "cmake --build"*) part=build ;;
            "cmake --preset"*) part=configure ;;
            ctest*) part=ctest ;;
            *) part="$tool $args" ;;
        esac
        note "  test.sh: $part" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')" \
            "$([ "$rc" -eq 0 ] && echo ok || echo "FAILED (exit $rc)")"
        [ "$rc" -eq 0 ] || failed_step="./scripts/test.sh: $part"
    done <"$calls"
}

run_test_sh() {
    install_timing_wrappers
    # shellcheck disable=SC2016 # $PATH is expanded in the root
    in_root 'PATH=/run/clean-root/bin:$PATH ./scripts/test.sh'
}

# ---------------------------------------------------------------------------------------------
if [ -n "$enter" ]; then
    root=$(realpath "$enter")
    if [ ! -x "$root/bin/bash" ] || [ ! -d "$root$in_root" ]; then
        echo "$enter is not a kept clean root" >&2
        exit 2
    fi
    echo "a shell in $root (the tree is in $in_root; leave with exit)"
    in_root 'exec /bin/bash -i'
    exit
fi

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "$root" ]; then
    root=$(mktemp -d /var/tmp/unstuck-clean-root.XXXXXX)
    created_root=1
elif [ ! -e "$root" ]; then
    mkdir -p "$root"
    created_root=1
elif [ -d "$root" ] && [ -z "$(ls -A "$root")" ]; then
    created_root=2
else
    echo "--root $root exists and is not an empty folder" >&2
    root=
    exit 2
fi
root=$(realpath "$root")

echo "clean Debian 12 root for $src in $root"
mkdir -p "$cache"
sources_file=$cache/sources.list.new
step "apt sources" prepare_sources
key=$( { cat "$sources_file"; echo "minbase $(dpkg --print-architecture) format 1"; } | sha256sum | cut -c1-16)
base=$cache/bookworm-minbase-$key.tar
mv "$sources_file" "$cache/sources-$key.list"
sources_file=$cache/sources-$key.list
if [ "$refresh" -eq 0 ] && [ -f "$base" ] && [ -n "$(find "$base" -mtime -"$max_age_days")" ]; then
    note "mmdebstrap (minbase)" "" "cached: $base"
    echo
    echo "==> mmdebstrap: using the cached $base"
else
    step "mmdebstrap (minbase)" build_base
fi
step "unpack the base" unpack_base
step "copy the working tree" copy_tree
step "./scripts/install-deps.sh" in_root './scripts/install-deps.sh'
step "cmake --preset ci" in_root 'cmake --preset ci'
if [ "$full" -eq 1 ]; then
    after_step=report_test_sh_parts
    step "./scripts/test.sh" run_test_sh
fi
