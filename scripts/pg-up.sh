#!/usr/bin/env bash
# pg-up.sh - a throwaway PostgreSQL 15 cluster on 127.0.0.1 for tests, benchmarks and trying
# obnam-server's PostgreSQL storage, everything under DIR. No systemd, fsync off: never for
# real data. Over TCP the role needs its password (random, in DIR/pgpass, which PGPASSFILE in
# DIR/pg.env names), so other users of the machine cannot use the cluster; the socket in DIR
# is for the script itself.
#
#   pg-up.sh start   DIR   create the cluster if DIR has none, start it, make sure the
#                          database exists, then print its settings (also in DIR/pg.env)
#   pg-up.sh stop    DIR   stop it (fast shutdown); no-op if stopped
#   pg-up.sh kill    DIR   SIGKILL the postmaster and its children (a crash, for tests)
#   pg-up.sh destroy DIR   stop, then rm -rf DIR
#
# Settings (environment): PG_PORT [15432], PG_DATABASE [obnam], PG_USER [obnam].
# As root, the cluster runs as the postgres user (PostgreSQL refuses to run as root); DIR
# is then given to that user.
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 2; }
cmd=$1
dir=$(realpath -m "$2")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "pg-up: PostgreSQL is not installed (Debian's postgresql-15)" >&2; exit 77; }
port=${PG_PORT:-15432}
database=${PG_DATABASE:-obnam}
user=${PG_USER:-obnam}
data=$dir/data

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A postmaster killed where nothing reaps its processes stays a zombie, which pg_ctl (and a
# new postmaster) would take for a running server.
alive() { [ -d "/proc/$1" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
running() { [ -f "$data/postmaster.pid" ] && alive "$(head -1 "$data/postmaster.pid")"; }

start() {
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$dir"
        runuser -u postgres -- test -x "$dir" ||
            { echo "pg-up: the postgres user cannot reach $dir: choose a directory it can (under /tmp)" >&2; exit 1; }
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$data" --auth-local=trust --auth-host=scram-sha-256 -U postgres \
            --no-sync -E UTF8 --locale=C.UTF-8 \
            >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if [ -f "$data/postmaster.pid" ] && ! running; then rm -f "$data/postmaster.pid" "$dir/.s.PGSQL.$port.lock"; fi
    if ! running; then
        as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start -o \
            "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    fi
    local psql=("$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
    if [ ! -s "$dir/password" ]; then
        (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$dir/password")
    fi
    local password
    password=$(cat "$dir/password")
    if [ "$(as_owner "${psql[@]}" -c "select 1 from pg_roles where rolname = '$user'")" != 1 ]; then
        as_owner "${psql[@]}" -c "create role \"$user\" login createdb password '$password'" >/dev/null
    fi
    (umask 077 && echo "127.0.0.1:$port:*:$user:$password" >"$dir/pgpass")
    if [ "$(as_owner "${psql[@]}" -c "select 1 from pg_database where datname = '$database'")" != 1 ]; then
        as_owner "${psql[@]}" -c "create database \"$database\" owner \"$user\"" >/dev/null
    fi
    cat >"$dir/pg.env" <<EOF
PG_URL=postgresql://$user@127.0.0.1:$port/$database
PG_HOST=127.0.0.1
PG_PORT=$port
PG_DATABASE=$database
PG_USER=$user
PGPASSFILE=$dir/pgpass
EOF
    cat "$dir/pg.env"
}

case "$cmd" in
start) start ;;
stop) if running; then as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi ;;
kill)
    if [ -f "$data/postmaster.pid" ]; then
        pid=$(head -1 "$data/postmaster.pid")
        # The children first named, then all killed at once: once the postmaster is gone they
        # would have another parent and no longer be found by it.
        children=$(pgrep -P "$pid" || true)
        kill -KILL "$pid" $children 2>/dev/null || true
        for _ in $(seq 100); do
            gone=1
            for p in $pid $children; do alive "$p" && gone=0; done
            [ "$gone" = 1 ] && break
            sleep 0.05
        done
        # As after a power cut: the lock file stays, naming a process that is gone.
        if ! alive "$pid"; then rm -f "$data/postmaster.pid" "$dir/.s.PGSQL.$port.lock"; fi
    fi
    ;;
destroy)
    if running; then as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
*) echo "pg-up: unknown command $cmd" >&2; exit 2 ;;
esac
