# Sourced by the wrappers that start daemons (tests/with-s3.sh, tests/with-postgres.sh).
# CTest ends a test that runs past its TIMEOUT with SIGKILL, which leaves a wrapper no chance
# to stop what it started. So the wrapper stops the test itself first: OBNAM_TEST_DEADLINE
# (seconds, set by tests/CMakeLists.txt a minute below the test's TIMEOUT; 0 or unset: none).

# Runs the command within the deadline; its exit status, or 124 when it was stopped.
run_within_deadline() {
    local deadline=${OBNAM_TEST_DEADLINE:-0} status=0 started=$SECONDS
    # A wrapper inside this one gets 20 s less, so that it stops first and cleans up too.
    if [ "$deadline" -gt 40 ]; then
        export OBNAM_TEST_DEADLINE=$((deadline - 20))
    fi
    timeout --kill-after=10 "$deadline" "$@" || status=$?
    # 124 from a command that ended before the deadline is its own (an inner wrapper's).
    if [ "$status" = 124 ] && [ "$deadline" -gt 0 ] && [ $((SECONDS - started)) -ge "$deadline" ]; then
        echo "$(basename "$0"): the test ran past ${deadline} s and was stopped, so that what" \
            "this wrapper started could be stopped as well" >&2
    fi
    return "$status"
}
