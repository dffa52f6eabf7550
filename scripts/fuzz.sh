#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang, replays every seed corpus, then fuzzes
# each target for SECONDS_PER_TARGET seconds (default 20) and prints the executions per target.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]
# Environment: FUZZ_BUILD_DIR (default build-fuzz), JOBS (default: all cores),
# FUZZ_TARGETS (default: every harness, e.g. "index chunker"), FUZZ_BUILD_TESTS (default OFF;
# ON keeps the test suite in a directory shared with scripts/asan.sh), FUZZ_MERGE=1 to merge the inputs
# that found new coverage back into fuzz/corpus/ (otherwise the tree is never modified).
# Exits non-zero if any seed or fuzzing run crashes; crash inputs are kept under
# $FUZZ_BUILD_DIR/fuzz-artifacts/ (see docs/fuzzing.md to reproduce one).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${1:-20}
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-$(nproc)}
ALL_TARGETS="envelope pack_header index keyslot generation_record generation_db repo_config
client_config chunker decompress"
TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}
case "$SECONDS_PER_TARGET" in
'' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
    exit 2
    ;;
esac

started=$(date +%s)
scripts/install-deps.sh
cmake -S . -B "$BUILD_DIR" -G Ninja --no-warn-unused-cli -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache \
    -DOBNAM_FUZZ=ON -DOBNAM_BUILD_TESTS="${FUZZ_BUILD_TESTS:-OFF}" >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target fuzzers

artifacts="$BUILD_DIR/fuzz-artifacts"
logs="$BUILD_DIR/fuzz-logs"
mkdir -p "$artifacts" "$logs"
work=$(mktemp -d "${TMPDIR:-/tmp}/obnam-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# UBSan findings abort (the build uses -fno-sanitize-recover); ask for a stack with them.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
common=(-rss_limit_mb=2048 -max_len=65536 -timeout=30 -print_final_stats=1)
failed=()

echo "fuzz: replaying seed corpora"
for t in $TARGETS; do
    bin="$BUILD_DIR/fuzz/fuzz_$t"
    if ! "$bin" "${common[@]}" -runs=0 -artifact_prefix="$artifacts/$t-" "fuzz/corpus/$t" \
        </dev/null >"$logs/$t.replay.log" 2>&1; then
        echo "fuzz: $t: a seed fails; see $logs/$t.replay.log" >&2
        tail -n 30 "$logs/$t.replay.log" >&2
        failed+=("$t (seed)")
    fi
done

echo "fuzz: ${SECONDS_PER_TARGET}s per target"
total=0
for t in $TARGETS; do
    bin="$BUILD_DIR/fuzz/fuzz_$t"
    cp -r "fuzz/corpus/$t" "$work/$t"
    log="$logs/$t.log"
    status=ok
    if ! "$bin" "${common[@]}" -max_total_time="$SECONDS_PER_TARGET" \
        -artifact_prefix="$artifacts/$t-" "$work/$t" </dev/null >"$log" 2>&1; then
        status=CRASH
        failed+=("$t")
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
    execs=${execs:-0}
    total=$((total + execs))
    printf 'fuzz: %-18s %10s executions  %s\n' "$t" "$execs" "$status"
    if [ "$status" != ok ]; then
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*fuzz invariant violated|artifact_prefix|Test unit written)' \
            "$log" >&2 || true
        echo "fuzz: full log: $log" >&2
    fi
    if [ "${FUZZ_MERGE:-0}" = 1 ] && [ "$status" = ok ]; then
        "$bin" -merge=1 -max_len=65536 -rss_limit_mb=2048 "fuzz/corpus/$t" "$work/$t" \
            </dev/null >"$logs/$t.merge.log" 2>&1
        echo "fuzz: $t: merged into fuzz/corpus/$t ($(ls "fuzz/corpus/$t" | wc -l) files)"
    fi
done

printf 'fuzz: %-18s %10s executions in %ss\n' total "$total" "$(($(date +%s) - started))"
if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: FAILED: ${failed[*]} (inputs in $artifacts/)" >&2
    exit 1
fi
