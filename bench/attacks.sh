#!/usr/bin/env bash
# The long forms of the attack tests that CI runs briefly: a local user racing restores for a
# minute (tests/tst_restoresafety.cpp), and against obnam-server (tests/tst_serverlimits.cpp)
# accounts replaced under two request loops for a minute, 256 concurrent uploads that stall
# with most of their body sent (server memory is printed), and 256 connections without a
# token that trickle a byte every half second (when the real client is served, and how many
# are still open).
#
#   bench/attacks.sh            # BUILD_DIR=build by default
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
test_binary="$BUILD_DIR/tests/test_serverlimits"
[ -x "$test_binary" ] || { echo "build the tests first (scripts/test.sh)" >&2; exit 1; }

OBNAM_RACE_SECONDS=${RACE_SECONDS:-60} \
    "$BUILD_DIR/tests/test_restoresafety" racingThreadNeverReachesOutside

OBNAM_RACE_SECONDS=${RACE_SECONDS:-60} \
    "$test_binary" accountsChangingUnderRequestsDoNotCrashTheServer
OBNAM_UPLOAD_CONNECTIONS=${UPLOAD_CONNECTIONS:-256} \
    "$test_binary" unfinishedUploadsCostLittleMemory
OBNAM_STRANGER_CONNECTIONS=${STRANGER_CONNECTIONS:-256} OBNAM_STRANGER_SECONDS=${STRANGER_SECONDS:-20} \
    "$test_binary" strangersCannotHoldEverySlot
