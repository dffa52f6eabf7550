#!/usr/bin/env bash
# Runs a command with a real S3 store: a single-node Ceph RADOS Gateway on loopback, started by
# scripts/ceph-rgw-up.sh in a private directory, its endpoint and keys exported (S3_ENDPOINT,
# AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION, S3_DNS_NAME, and CEPH_UP and
# CEPH_DIR for a test that stops and starts the store), stopped and removed
# afterwards. Exits 77 (skipped) when Debian's Ceph packages are not installed.
set -euo pipefail
for tool in ceph-mon ceph-osd radosgw ceph; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed (Debian's Ceph packages)"; exit 77; }
done
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/tests/deadline.sh"
dir=$(mktemp -d)
cleanup() { "$here/scripts/ceph-rgw-up.sh" destroy "$dir/ceph" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
# Ports of their own, so that a store another run left behind does not answer.
export CEPH_MON_PORT=${CEPH_MON_PORT:-13310} CEPH_RGW_PORT=${CEPH_RGW_PORT:-17490}
export CEPH_OSD_PORT_MIN=${CEPH_OSD_PORT_MIN:-16900} CEPH_OSD_PORT_MAX=${CEPH_OSD_PORT_MAX:-16999}
"$here/scripts/ceph-rgw-up.sh" start "$dir/ceph" >"$dir/start.log" 2>&1 || { cat "$dir/start.log" >&2; exit 1; }
set -a
. "$dir/ceph/s3.env"
set +a
# For tests that stop and start the store: "$CEPH_UP stop|start $CEPH_DIR".
export CEPH_UP="$here/scripts/ceph-rgw-up.sh" CEPH_DIR="$dir/ceph"
run_within_deadline "$@"
