#!/usr/bin/env bash
# Runs a command with a real PostgreSQL 15 on loopback, started by scripts/pg-up.sh in a private
# directory, its settings exported (PG_URL, PG_HOST, PG_PORT, PG_DATABASE, PG_USER, PGPASSFILE
# with the role's password, which libpq reads, and PG_UP
# and PG_DIR, so that a test can run "$PG_UP stop|kill|start $PG_DIR"), stopped and removed
# afterwards. Exits 77 (skipped) when PostgreSQL is not installed.
set -euo pipefail
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 ||
    { echo "skipped: PostgreSQL is not installed (Debian's postgresql-15)"; exit 77; }
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/tests/deadline.sh"
dir=$(mktemp -d)
chmod 711 "$dir"
cleanup() { "$here/scripts/pg-up.sh" destroy "$dir/pg" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
# A port of its own, so that a database another run left behind does not answer.
export PG_PORT=${PG_PORT:-15439}
"$here/scripts/pg-up.sh" start "$dir/pg" >"$dir/start.log" 2>&1 || { cat "$dir/start.log" >&2; exit 1; }
set -a
. "$dir/pg/pg.env"
set +a
export PG_UP="$here/scripts/pg-up.sh" PG_DIR="$dir/pg"
run_within_deadline "$@"
