#!/usr/bin/env bash
# s3-vs-local.sh -- first backup and full restore with obnam-cli straight to an S3 bucket (a
# single-node Ceph RADOS Gateway on loopback, started with scripts/ceph-rgw-up.sh) compared with
# a local repository on the same disk, on the same data.
#
# Usage: bench/s3-vs-local.sh [PROFILE]     PROFILE of bench/make-dataset.sh [small]
# Environment:
#   BUILD_DIR [build]          where obnam-cli was built
#   REPS      [3]              repetitions; local and S3 runs are interleaved
#   WORK      [/tmp/obnam-bench-s3]   scratch directory (deleted at the end unless KEEP=1)
#   CACHE     [cold]           cold: drop the page cache before every timed run (needs root;
#                              falls back to warm when it cannot)
# Prints one Markdown table on stdout: median seconds and MB/s of backup and restore for each
# target, the S3/local throughput ratios, the number of objects written and the gateway's
# peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
PROFILE=${1:-small}
BUILD_DIR=${BUILD_DIR:-build}
REPS=${REPS:-3}
WORK=${WORK:-/tmp/obnam-bench-s3}
CACHE=${CACHE:-cold}
KEEP=${KEEP:-0}
CLI=$(realpath "$BUILD_DIR/cli/obnam-cli")
[ -x "$CLI" ] || { echo "build obnam-cli first" >&2; exit 2; }
for tool in ceph-mon ceph-osd radosgw ceph; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed (Debian's Ceph packages)" >&2; exit 2; }
done

rm -rf "$WORK"
mkdir -p "$WORK"
cleanup() {
    scripts/ceph-rgw-up.sh destroy "$WORK/ceph" >/dev/null 2>&1 || true
    [ "$KEEP" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

echo "generating the '$PROFILE' dataset" >&2
bench/make-dataset.sh "$WORK/src" "$PROFILE" >/dev/null
bytes=$(du -sb "$WORK/src" | cut -f1)

echo "starting the S3 store" >&2
CEPH_STORE_BYTES=$((8 * 1024 * 1024 * 1024)) scripts/ceph-rgw-up.sh start "$WORK/ceph" >/dev/null
set -a
. "$WORK/ceph/s3.env"
set +a
rgw_pid=$(cat "$WORK/ceph/run/ceph-client.rgw.a.pid" 2>/dev/null || true)

export OBNAM_PASSPHRASE=bench-passphrase
# One run: a fresh HOME, init (untimed), a timed first backup, a timed restore. Prints
# "BACKUP_SECONDS RESTORE_SECONDS".
run() { # kind rep
    local kind=$1 rep=$2 home="$WORK/home-$1-$2"
    mkdir -p "$home/.config/obnam"
    {
        echo "roots: [\"$WORK/src\"]"
        if [ "$kind" = local ]; then
            echo "server_url: $WORK/repo-$rep"
        else
            echo "server_url: s3+http://${S3_ENDPOINT#http://}/bench-$rep"
        fi
    } >"$home/.config/obnam/obnam.yaml"
    HOME=$home "$CLI" init >/dev/null
    drop_caches
    local a b c
    a=$(date +%s.%N)
    HOME=$home "$CLI" backup >/dev/null 2>"$WORK/run.err" || { cat "$WORK/run.err" >&2; exit 1; }
    b=$(date +%s.%N)
    drop_caches
    HOME=$home "$CLI" restore latest "$WORK/restored-$kind-$rep" >/dev/null 2>"$WORK/run.err" ||
        { cat "$WORK/run.err" >&2; exit 1; }
    c=$(date +%s.%N)
    rm -rf "$WORK/restored-$kind-$rep"
    echo "$(seconds "$a" "$b") $(seconds "$b" "$c")"
}

declare -a lb lr sb sr
for rep in $(seq "$REPS"); do
    if [ $((rep % 2)) = 1 ]; then order="local s3"; else order="s3 local"; fi
    for kind in $order; do
        read -r backup restore < <(run "$kind" "$rep")
        if [ "$kind" = local ]; then lb+=("$backup"); lr+=("$restore"); else sb+=("$backup"); sr+=("$restore"); fi
        echo "rep $rep: $kind backup $backup s, restore $restore s" >&2
    done
done
objects=$(find "$WORK/repo-1" -type f | wc -l)
rss_kib=
[ -n "$rgw_pid" ] && rss_kib=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$rgw_pid/status" 2>/dev/null || true)

mlb=$(median "${lb[@]}"); mlr=$(median "${lr[@]}")
msb=$(median "${sb[@]}"); msr=$(median "${sr[@]}")

echo "| '$PROFILE' ($((bytes / 1000000)) MB, $CACHE cache, median of $REPS) | backup s | backup MB/s | restore s | restore MB/s |"
echo "|---|---|---|---|---|"
echo "| local repository | $mlb | $(mbps "$mlb") | $mlr | $(mbps "$mlr") |"
echo "| S3 bucket, Ceph RGW on loopback (s3+http) | $msb | $(mbps "$msb") | $msr | $(mbps "$msr") |"
echo "| S3 throughput / local throughput | $(ratio "$mlb" "$msb") | | $(ratio "$mlr" "$msr") | |"
echo "| objects per backup | $objects | | | |"
[ -n "$rss_kib" ] && echo "| radosgw peak RSS | $((rss_kib / 1024)) MiB | | | |"
exit 0
