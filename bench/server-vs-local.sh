#!/usr/bin/env bash
# server-vs-local.sh -- first-backup throughput of obnam-cli to an obnam-server on loopback
# compared with a local repository on the same disk, on the same data.
#
# Usage: bench/server-vs-local.sh [PROFILE]     PROFILE of bench/make-dataset.sh [small]
# Environment:
#   BUILD_DIR [build]          where obnam-cli and obnam-server were built
#   REPS      [3]              repetitions; local and server runs are interleaved
#   WORK      [/tmp/obnam-bench-server]   scratch directory (deleted at the end unless KEEP=1)
#   CACHE     [cold]           cold: drop the page cache before every timed backup (needs root;
#                              falls back to warm when it cannot)
# Prints one Markdown table on stdout: median seconds and MB/s for each target, the ratio of
# server to local throughput, and the server's peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
PROFILE=${1:-small}
BUILD_DIR=${BUILD_DIR:-build}
REPS=${REPS:-3}
WORK=${WORK:-/tmp/obnam-bench-server}
CACHE=${CACHE:-cold}
KEEP=${KEEP:-0}
CLI=$(realpath "$BUILD_DIR/cli/obnam-cli")
SERVER=$(realpath "$BUILD_DIR/server/obnam-server")
[ -x "$CLI" ] && [ -x "$SERVER" ] || { echo "build obnam-cli and obnam-server first" >&2; exit 2; }

rm -rf "$WORK"
mkdir -p "$WORK"
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [ "$KEEP" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

echo "generating the '$PROFILE' dataset" >&2
bench/make-dataset.sh "$WORK/src" "$PROFILE" >/dev/null
bytes=$(du -sb "$WORK/src" | cut -f1)

# The server: self-signed, on a free loopback port, its data on the same disk as the local runs.
cat >"$WORK/server.yaml" <<YAML
address: 127.0.0.1:0
chunks: $WORK/server-data
YAML
"$SERVER" --config "$WORK/server.yaml" >"$WORK/server.out" 2>"$WORK/server.err" &
server_pid=$!
for _ in $(seq 100); do
    grep -q "listening on" "$WORK/server.out" && break
    sleep 0.1
done
port=$(sed -n 's/.*listening on .*:\([0-9]*\)$/\1/p' "$WORK/server.out")
fingerprint=$(sed -n 's/.*fingerprint: \([0-9A-F:]*\).*/\1/p' "$WORK/server.out")
[ -n "$port" ] || { cat "$WORK/server.err" >&2; exit 1; }

export OBNAM_PASSPHRASE=bench-passphrase
# One run: a fresh HOME, init (untimed), then a timed first backup. Prints the seconds.
run() { # kind rep
    local kind=$1 rep=$2 home="$WORK/home-$1-$2"
    mkdir -p "$home/.config/obnam"
    {
        echo "roots: [\"$WORK/src\"]"
        if [ "$kind" = local ]; then
            echo "server_url: $WORK/repo-$rep"
        else
            echo "server_url: https://127.0.0.1:$port"
            echo "server_cert_sha256: \"$fingerprint\""
        fi
    } >"$home/.config/obnam/obnam.yaml"
    local token=
    if [ "$kind" = server ]; then
        token=$("$SERVER" --config "$WORK/server.yaml" client add "bench-$rep" 2>/dev/null |
            sed -n 's/^access_token: //p')
    fi
    HOME=$home OBNAM_ACCESS_TOKEN=$token "$CLI" init >/dev/null
    drop_caches
    local start end
    start=$(date +%s.%N)
    HOME=$home OBNAM_ACCESS_TOKEN=$token "$CLI" backup >/dev/null 2>"$WORK/backup.err" ||
        { cat "$WORK/backup.err" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }'
}

declare -a local_s server_s
for rep in $(seq "$REPS"); do
    if [ $((rep % 2)) = 1 ]; then
        local_s+=("$(run local "$rep")")
        server_s+=("$(run server "$rep")")
    else
        server_s+=("$(run server "$rep")")
        local_s+=("$(run local "$rep")")
    fi
    echo "rep $rep: local ${local_s[-1]} s, server ${server_s[-1]} s" >&2
done
rss_kib=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$server_pid/status")

ml=$(median "${local_s[@]}")
ms=$(median "${server_s[@]}")
ratio=$(ratio "$ml" "$ms")

echo "| first backup of '$PROFILE' ($((bytes / 1000000)) MB, $CACHE cache, median of $REPS) | seconds | MB/s |"
echo "|---|---|---|"
echo "| local repository | $ml | $(mbps "$ml") |"
echo "| obnam-server on loopback (HTTPS) | $ms | $(mbps "$ms") |"
echo "| server throughput / local throughput | $ratio | |"
echo "| obnam-server peak RSS | $((rss_kib / 1024)) MiB | |"
