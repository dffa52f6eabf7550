#!/usr/bin/env bash
# Builds the project with clang, AddressSanitizer and UndefinedBehaviorSanitizer in its own
# build directory and runs the test suite there, except the benchmark (label bench).
# Any ASan, LeakSanitizer or UBSan report aborts the process under test, so its test fails.
# The build is the fuzzing configuration (OBNAM_FUZZ=ON: ASan+UBSan plus libFuzzer's coverage
# instrumentation, QT_FORCE_ASSERTS) with the tests switched on, so the libFuzzer harnesses are
# built alongside and scripts/fuzz.sh can reuse the directory (FUZZ_BUILD_DIR) without
# compiling the project a third time; .ci/run does exactly that.
# Environment: ASAN_BUILD_DIR (default build-asan), JOBS (default: all cores).
# See docs/fuzzing.md. Prints the build and total wall time after ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${ASAN_BUILD_DIR:-build-asan}
JOBS=${JOBS:-$(nproc)}

started=$(date +%s)
scripts/install-deps.sh
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DOBNAM_FUZZ=ON -DOBNAM_BUILD_TESTS=ON \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache \
    --no-warn-unused-cli >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
echo "asan: built in $(($(date +%s) - started))s"

# Child processes (obnam-cli, obnam-server started by the tests) inherit these settings.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
cd "$BUILD_DIR"
status=0
ctest --output-on-failure --no-label-summary -j "$JOBS" -LE bench || status=$?
echo "asan: total $(($(date +%s) - started))s"
exit "$status"
