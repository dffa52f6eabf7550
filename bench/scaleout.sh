#!/usr/bin/env bash
# scaleout.sh -- first backup and full restore of the same tree, all on loopback, to:
#   a local repository; one obnam-server on local storage; one obnam-server on S3 (a
#   single-node Ceph RADOS Gateway) and PostgreSQL; that one instance alone behind HAProxy,
#   and two such instances behind it, which ends TLS and balances requests (mode http) or
#   passes TLS through (mode tcp), or keeps each client on one instance (balancing by the
#   client's token); and the bucket straight from obnam-cli, without a server.
#   One instance behind the same balancer is the fair measure of what a second one adds: on
#   one machine the balancer's own TLS takes CPU from everything else.
# Each backup's CPU time, the client's and the serving processes' (the instances, HAProxy,
# the gateway and PostgreSQL), and the fastest the machine's cores could run it.
# Then small objects (4 KiB) per second through each server set-up and straight to S3, the
# time `obnam-server migrate` takes to move the local-storage server's accounts and
# repositories onto the bucket and the database, and the servers' peak resident memory.
#
# Usage: bench/scaleout.sh [PROFILE]     PROFILE of bench/make-dataset.sh [small]
# Environment:
#   BUILD_DIR [build]   where obnam-cli, obnam-server and obnam-put-rate were built
#   REPS      [3]       repetitions of each backup and restore; targets are interleaved
#   WORK      [/tmp/obnam-bench-scaleout]   scratch (deleted at the end unless KEEP=1)
#   CACHE     [cold]    cold: drop the page cache before every timed run (root; else warm)
#   RESTORE_IN [/dev/shm, or $WORK without it]   the folder in which a scratch folder
#                       for the restores is made: memory by default, so that the disk's
#                       writeback, which varies by seconds from run to run here, does not
#                       drown the differences between the set-ups
#   OBJECTS   [2000]    small objects per put-rate run (0: none)
#   TARGETS   [all]     the set-ups to time, a subset of: local server-local server-s3
#                       haproxy-one haproxy haproxy-sticky haproxy-tcp s3 (local is always timed: the
#                       ratios are to it)
# Prints Markdown tables on stdout; progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
PROFILE=${1:-small}
BUILD_DIR=${BUILD_DIR:-build}
REPS=${REPS:-3}
WORK=${WORK:-/tmp/obnam-bench-scaleout}
CACHE=${CACHE:-cold}
KEEP=${KEEP:-0}
OBJECTS=${OBJECTS:-2000}
if [ -z "${RESTORE_IN:-}" ]; then
    RESTORE_IN=$WORK
    [ -d /dev/shm ] && [ -w /dev/shm ] && RESTORE_IN=/dev/shm
fi
CLI=$(realpath "$BUILD_DIR/cli/obnam-cli")
SERVER=$(realpath "$BUILD_DIR/server/obnam-server")
PUTRATE=$(realpath "$BUILD_DIR/bench/obnam-put-rate")
for tool in "$CLI" "$SERVER" "$PUTRATE"; do
    [ -x "$tool" ] || { echo "build obnam-cli, obnam-server and obnam-put-rate first" >&2; exit 2; }
done
for tool in ceph-mon radosgw haproxy /usr/bin/time; do
    # 77: what ctest takes for "skipped" (BenchScaleOutQuick).
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed" >&2; exit 77; }
done

rm -rf "$WORK"
mkdir -p "$WORK"
chmod 711 "$WORK"
RESTORE_DIR=$(mktemp -d "$RESTORE_IN/obnam-bench-restore.XXXXXX")
# PostgreSQL runs as the postgres user when this runs as root: its directory must be one that
# user can reach, which $WORK (in a build tree below /root, say) may not be.
PG_HOME=$(mktemp -d "${TMPDIR:-/tmp}/obnam-bench-pg.XXXXXX")
chmod 711 "$PG_HOME"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for f in "$WORK"/*/pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
    wait 2>/dev/null || true
    scripts/ceph-rgw-up.sh destroy "$WORK/ceph" >/dev/null 2>&1 || true
    scripts/pg-up.sh destroy "$PG_HOME/pg" >/dev/null 2>&1 || true
    rm -rf "$PG_HOME"
    rm -rf "$RESTORE_DIR"
    [ "$KEEP" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

echo "generating the '$PROFILE' dataset" >&2
bench/make-dataset.sh "$WORK/src" "$PROFILE" >/dev/null
bytes=$(du -sb "$WORK/src" | cut -f1)

echo "starting the S3 store and PostgreSQL" >&2
CEPH_STORE_BYTES=$((12 << 30)) scripts/ceph-rgw-up.sh start "$WORK/ceph" >/dev/null
set -a
. "$WORK/ceph/s3.env"
set +a
PG_PORT=${PG_PORT:-15433} scripts/pg-up.sh start "$PG_HOME/pg" >/dev/null
set -a
. "$PG_HOME/pg/pg.env"
set +a
s3host=${S3_ENDPOINT#http://}

# An obnam-server: NAME, then server.yaml lines. Prints its port.
start_server() {
    local name=$1
    shift
    mkdir -p "$WORK/$name"
    { echo "address: 127.0.0.1:0"; echo "chunks: $WORK/$name/data"; printf '%s\n' "$@"; } \
        >"$WORK/$name/server.yaml"
    "$SERVER" --config "$WORK/$name/server.yaml" >"$WORK/$name/out" 2>"$WORK/$name/err" &
    echo $! >"$WORK/$name/pid"
    for _ in $(seq 100); do
        grep -q "listening on" "$WORK/$name/out" && break
        sleep 0.1
    done
    sed -n 's/.*listening on .*:\([0-9]*\)$/\1/p' "$WORK/$name/out"
}
fingerprint_of() { sed -n 's/.*fingerprint: \([0-9A-F:]*\).*/\1/p' "$WORK/$1/out"; }

local_port=$(start_server server-local)
shared=("database: $PG_URL" "storage: s3+http://$s3host/obnam-bench/server")
s3_one_port=$(start_server server-s3-a "${shared[@]}")
# The second instance shares the first one's certificate, as a deployment's instances do.
s3_two_port=$(start_server server-s3-b "${shared[@]}" \
    "tls_key: $WORK/server-s3-a/data/tls/key.pem" "tls_cert: $WORK/server-s3-a/data/tls/cert.pem")
cat "$WORK/server-s3-a/data/tls/cert.pem" "$WORK/server-s3-a/data/tls/key.pem" >"$WORK/haproxy.pem"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
lb_port=$(free_port)
lb_one_port=$(free_port)
sticky_port=$(free_port)
tcp_port=$(free_port)
cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 512
defaults
  mode http
  timeout connect 5s
  timeout client 120s
  timeout server 120s
  option redispatch
  retries 3
frontend obnam
  bind 127.0.0.1:$lb_port ssl crt $WORK/haproxy.pem
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /v1/objects
  http-check expect status 401
  server a 127.0.0.1:$s3_one_port ssl verify none check inter 1s
  server b 127.0.0.1:$s3_two_port ssl verify none check inter 1s
# The same balancer in front of the first instance only.
frontend obnam-one
  bind 127.0.0.1:$lb_one_port ssl crt $WORK/haproxy.pem
  default_backend instance-one
backend instance-one
  option httpchk GET /v1/objects
  http-check expect status 401
  server a 127.0.0.1:$s3_one_port ssl verify none check inter 1s
# Both instances, each client kept on one of them by a consistent hash of its token (an
# instance that fails its check hands its clients to the other).
frontend obnam-sticky
  bind 127.0.0.1:$sticky_port ssl crt $WORK/haproxy.pem
  default_backend instances-sticky
backend instances-sticky
  balance hdr(Authorization)
  hash-type consistent
  option httpchk GET /v1/objects
  http-check expect status 401
  server a 127.0.0.1:$s3_one_port ssl verify none check inter 1s
  server b 127.0.0.1:$s3_two_port ssl verify none check inter 1s
# The alternative: HAProxy passes each TLS connection through to an instance (mode tcp),
# balancing connections rather than requests, and the instances terminate TLS themselves.
frontend obnam-tcp
  mode tcp
  bind 127.0.0.1:$tcp_port
  default_backend instances-tcp
backend instances-tcp
  mode tcp
  balance roundrobin
  server a 127.0.0.1:$s3_one_port check inter 1s
  server b 127.0.0.1:$s3_two_port check inter 1s
CFG
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
pids+=($!)
sleep 1

new_token() { "$SERVER" --config "$WORK/$1/server.yaml" client add "$2" 2>/dev/null | sed -n 's/^access_token: //p'; }

# CPU seconds (user and system) the processes that serve backups have used so far, as four
# numbers: every obnam-server, HAProxy, the gateway with its OSD and monitor, and PostgreSQL
# (its postmaster with the backends that ended, counted in its children's time, and those
# still running).
HZ=$(getconf CLK_TCK)
haproxy_pid=${pids[-1]}
ticks_of() { # PID...
    local p ticks=0
    for p in "$@"; do
        # Fields after the command's name: utime, stime, cutime, cstime are 12 to 15.
        ticks=$((ticks + $(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null |
            awk '{ print $12 + $13 + $14 + $15 }' || echo 0)))
    done
    echo "$ticks"
}
service_cpu() {
    local servers=() ceph=() postmaster
    for f in "$WORK"/server-*/pid; do servers+=("$(cat "$f")"); done
    for f in "$WORK"/ceph/run/*.pid; do ceph+=("$(cat "$f")"); done
    postmaster=$(head -1 "$PG_HOME/pg/data/postmaster.pid")
    # shellcheck disable=SC2046 # one PID per word
    echo "$(ticks_of "${servers[@]}") $(ticks_of "$haproxy_pid") $(ticks_of "${ceph[@]}")" \
        "$(ticks_of "$postmaster" $(pgrep -P "$postmaster" || true))" |
        awk -v hz="$HZ" '{ printf "%.2f %.2f %.2f %.2f\n", $1 / hz, $2 / hz, $3 / hz, $4 / hz }'
}

export OBNAM_PASSPHRASE=bench-passphrase
# Each server set-up: the port the client talks to, and the instance whose accounts and
# certificate it uses (the S3 instances share both).
declare -A port=([server-local]=$local_port [server-s3]=$s3_one_port [haproxy-one]=$lb_one_port
    [haproxy]=$lb_port [haproxy-sticky]=$sticky_port [haproxy-tcp]=$tcp_port)
declare -A account_on=([server-local]=server-local [server-s3]=server-s3-a
    [haproxy-one]=server-s3-a [haproxy]=server-s3-a [haproxy-sticky]=server-s3-a
    [haproxy-tcp]=server-s3-a)
# One run of a target: a fresh HOME and account, init (untimed), timed backup, timed restore.
run() { # target rep
    local target=$1 rep=$2 home="$WORK/home-$1-$2" token=""
    mkdir -p "$home/.config/obnam"
    {
        echo "roots: [\"$WORK/src\"]"
        case $target in
        local) echo "server_url: $WORK/repo-$rep" ;;
        s3) echo "server_url: s3+http://$s3host/obnam-bench-direct/run-$rep" ;;
        *)
            echo "server_url: https://127.0.0.1:${port[$target]}"
            echo "server_cert_sha256: \"$(fingerprint_of "${account_on[$target]}")\"" ;;
        esac
    } >"$home/.config/obnam/obnam.yaml"
    [ -z "${account_on[$target]:-}" ] || token=$(new_token "${account_on[$target]}" "$target-$rep")
    HOME=$home OBNAM_ACCESS_TOKEN=$token "$CLI" init >/dev/null
    drop_caches
    local a b c before after client
    before=$(service_cpu)
    a=$(date +%s.%N)
    HOME=$home OBNAM_ACCESS_TOKEN=$token /usr/bin/time -f "%U %S" -o "$WORK/run.cpu" \
        "$CLI" backup >/dev/null 2>"$WORK/run.err" || { cat "$WORK/run.err" >&2; exit 1; }
    b=$(date +%s.%N)
    after=$(service_cpu)
    client=$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/run.cpu")
    # What each kind of service used during the backup.
    used=$(echo "$before $after" | awk '{ printf "%.2f %.2f %.2f %.2f", $5 - $1, $6 - $2, $7 - $3, $8 - $4 }')
    drop_caches
    HOME=$home OBNAM_ACCESS_TOKEN=$token "$CLI" restore latest "$RESTORE_DIR/tree" >/dev/null \
        2>"$WORK/run.err" || { cat "$WORK/run.err" >&2; exit 1; }
    c=$(date +%s.%N)
    rm -rf "$RESTORE_DIR/tree"
    echo "$(seconds "$a" "$b") $(seconds "$b" "$c") $client $used"
}

targets=(local server-local server-s3 haproxy-one haproxy haproxy-sticky haproxy-tcp s3)
if [ -n "${TARGETS:-}" ]; then
    chosen=(local)
    for t in $TARGETS; do
        [[ " ${targets[*]} " == *" $t "* ]] || { echo "unknown target: $t" >&2; exit 2; }
        [ "$t" = local ] || chosen+=("$t")
    done
    targets=("${chosen[@]}")
fi
declare -A backup restore client_cpu server_cpu haproxy_cpu ceph_cpu pg_cpu
for rep in $(seq "$REPS"); do
    # A different order each time, so that no target always runs first.
    order=("${targets[@]:$((rep % ${#targets[@]}))}" "${targets[@]:0:$((rep % ${#targets[@]}))}")
    for t in "${order[@]}"; do
        read -r b r cc sv hp ce pg < <(run "$t" "$rep")
        backup[$t]="${backup[$t]:-} $b"
        restore[$t]="${restore[$t]:-} $r"
        client_cpu[$t]="${client_cpu[$t]:-} $cc"
        server_cpu[$t]="${server_cpu[$t]:-} $sv"
        haproxy_cpu[$t]="${haproxy_cpu[$t]:-} $hp"
        ceph_cpu[$t]="${ceph_cpu[$t]:-} $ce"
        pg_cpu[$t]="${pg_cpu[$t]:-} $pg"
        echo "rep $rep: $t backup $b s (CPU: client $cc, obnam-server $sv, HAProxy $hp," \
            "Ceph $ce, PostgreSQL $pg s), restore $r s" >&2
    done
done

lb=$(median "${backup[local]}")
lr=$(median "${restore[local]}")
declare -A label=([local]="local repository" [server-local]="one obnam-server, local storage"
    [server-s3]="one obnam-server, S3 + PostgreSQL"
    [haproxy-one]="the same one behind HAProxy (mode http)" [haproxy]="two obnam-servers behind HAProxy, S3 + PostgreSQL"
    [haproxy-sticky]="the same two, each client kept on one (balance by token)"
    [haproxy-tcp]="the same two, HAProxy passing TLS through (mode tcp)"
    [s3]="S3 bucket straight from obnam-cli")
echo "| '$PROFILE' ($((bytes / 1000000)) MB, $CACHE cache, median of $REPS) | backup s | MB/s | / local | restore s | MB/s | / local |"
echo "|---|---|---|---|---|---|---|"
for t in "${targets[@]}"; do
    b=$(median "${backup[$t]}")
    r=$(median "${restore[$t]}")
    echo "| ${label[$t]} | $b | $(mbps "$b") | $(ratio "$lb" "$b") | $r | $(mbps "$r") | $(ratio "$lr" "$r") |"
done

# Where each backup's CPU time went, and the fastest this machine's cores could run it if
# every process kept them busy: no set-up beats its CPU time divided by the cores. The last
# column leaves obnam-server's own time out: the most any instance, however lean, could reach
# here beside that gateway and database. Services' time includes what they use idle (a few
# hundredths of a second).
cores=$(nproc)
echo
echo "| backup, CPU seconds (median of $REPS) | client | obnam-server | HAProxy | Ceph | PostgreSQL | best ratio to local $cores cores allow | the same without obnam-server's time |"
echo "|---|---|---|---|---|---|---|---|"
for t in "${targets[@]}"; do
    cc=$(median "${client_cpu[$t]}")
    sv=$(median "${server_cpu[$t]}")
    hp=$(median "${haproxy_cpu[$t]}")
    ce=$(median "${ceph_cpu[$t]}")
    pg=$(median "${pg_cpu[$t]}")
    best=$(awk -v l="$lb" -v n="$cores" -v a="$cc" -v b="$sv" -v c="$hp" -v d="$ce" -v e="$pg" \
        'BEGIN { printf "%.2f %.2f", l / ((a + b + c + d + e) / n), l / ((a + c + d + e) / n) }')
    echo "| ${label[$t]} | $cc | $sv | $hp | $ce | $pg | ${best% *} | ${best#* } |"
done

if [ "$OBJECTS" -gt 0 ]; then
    echo
    echo "| $OBJECTS objects of 4 KiB, created | seconds | objects/s |"
    echo "|---|---|---|"
    rate() { # label url token fingerprint
        read -r n s per < <("$PUTRATE" "$2" "$3" "$4" "$OBJECTS" 4096)
        echo "| $1 | $s | $per |"
    }
    rate "one obnam-server, local storage" "https://127.0.0.1:$local_port" \
        "$(new_token server-local rate)" "$(fingerprint_of server-local)"
    rate "one obnam-server, S3 + PostgreSQL" "https://127.0.0.1:$s3_one_port" \
        "$(new_token server-s3-a rate-one)" "$(fingerprint_of server-s3-a)"
    rate "one obnam-server behind HAProxy" "https://127.0.0.1:$lb_one_port" \
        "$(new_token server-s3-a rate-lb-one)" "$(fingerprint_of server-s3-a)"
    rate "two obnam-servers behind HAProxy" "https://127.0.0.1:$lb_port" \
        "$(new_token server-s3-a rate-two)" "$(fingerprint_of server-s3-a)"
    rate "the same two, each client kept on one" "https://127.0.0.1:$sticky_port" \
        "$(new_token server-s3-a rate-sticky)" "$(fingerprint_of server-s3-a)"
    rate "the same two, HAProxy passing TLS through" "https://127.0.0.1:$tcp_port" \
        "$(new_token server-s3-a rate-tcp)" "$(fingerprint_of server-s3-a)"
    rate "S3 bucket straight" "s3+http://$s3host/obnam-bench-rate/run" - -
fi

echo
echo "| peak resident memory | MiB |"
echo "|---|---|"
for name in server-local server-s3-a server-s3-b; do
    kib=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$(cat "$WORK/$name/pid")/status")
    echo "| obnam-server ($name) | $((kib / 1024)) |"
done
rgw=$(cat "$WORK/ceph/run/ceph-client.rgw.a.pid")
kib=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$rgw/status")
echo "| radosgw | $((kib / 1024)) |"

# Moving the local-storage instance's accounts and repositories onto the bucket and the
# database (obnam-server migrate), as an organisation that outgrew one server does.
if [[ " ${targets[*]} " == *" server-local "* ]]; then
    kill "$(cat "$WORK/server-local/pid")"
    wait "$(cat "$WORK/server-local/pid")" 2>/dev/null || true
    { echo "address: 127.0.0.1:0"; echo "chunks: $WORK/server-local/data"
      echo "database: $PG_URL"; echo "storage: s3+http://$s3host/obnam-bench/migrated"
    } >"$WORK/migrate.yaml"
    moved=$(du -sb "$WORK/server-local/data/clients" | cut -f1)
    drop_caches
    a=$(date +%s.%N)
    "$SERVER" --config "$WORK/migrate.yaml" migrate >"$WORK/migrate.out" 2>"$WORK/migrate.err" ||
        { cat "$WORK/migrate.err" >&2; exit 1; }
    b=$(date +%s.%N)
    took=$(seconds "$a" "$b")
    # "N of N clients migrated, M objects (B bytes) sent"
    summary=$(tail -n 1 "$WORK/migrate.out")
    clients=${summary%% of *}
    objects=$(echo "$summary" | sed -n 's/.*migrated, \([0-9]*\) objects.*/\1/p')
    echo
    echo "| obnam-server migrate ($CACHE cache) | clients | objects | MB | seconds | MB/s |"
    echo "|---|---|---|---|---|---|"
    echo "| data directory to S3 + PostgreSQL | $clients | $objects | $((moved / 1000000)) |" \
        "$took | $(bytes=$moved mbps "$took") |"
fi
exit 0
