#!/usr/bin/env bash
# Runs a server test on the scale-out storage: a real S3 store (tests/with-s3.sh) and a real
# PostgreSQL (tests/with-postgres.sh), with OBNAM_TEST_SHARED_STORAGE set so that every
# obnam-server the test starts keeps its objects in the bucket and its accounts in the
# database. Exits 77 (skipped) when either is not installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export OBNAM_TEST_SHARED_STORAGE=1
exec "$here/with-s3.sh" "$here/with-postgres.sh" "$@"
