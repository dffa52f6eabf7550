# Sourced by the wrappers that start daemons (tests/with-s3.sh, tests/with-postgres.sh), at
# their start, before they start anything.
# CTest ends a test that runs past its TIMEOUT with SIGKILL, which leaves a wrapper no chance
# to stop what it started. So the wrapper stops the test itself first: OBNAM_TEST_DEADLINE
# (seconds, set by tests/CMakeLists.txt a minute below the test's TIMEOUT; 0 or unset: none)
# becomes an end time, OBNAM_TEST_END, when the outermost wrapper starts, since CTest's clock
# starts then too.
if [ -z "${OBNAM_TEST_END:-}" ] && [ "${OBNAM_TEST_DEADLINE:-0}" -gt 0 ]; then
    export OBNAM_TEST_END=$(($(date +%s) + OBNAM_TEST_DEADLINE))
fi
# A TERM or INT ends the wrapper through exit, which runs its EXIT trap (the clean-up); by
# default bash would die without running it. While a command runs in the foreground (a
# daemon starting), bash handles the signal once that command is done.
trap 'exit 143' TERM
trap 'exit 130' INT

# Runs the command until OBNAM_TEST_END; its exit status, or 124 when it was stopped. A
# wrapper inside this one gets an end 20 s sooner, so that it stops and cleans up first.
run_within_deadline() {
    local seconds=0 status=0 child signalled=0
    if [ -n "${OBNAM_TEST_END:-}" ]; then
        seconds=$((OBNAM_TEST_END - $(date +%s)))
        [ "$seconds" -ge 1 ] || seconds=1
        export OBNAM_TEST_END=$((OBNAM_TEST_END - 20))
    fi
    # In the background, so that a TERM or INT sent to this wrapper is passed on (bash runs
    # no trap while a foreground command runs) and the wrapper then still cleans up.
    timeout --kill-after=10 "$seconds" "$@" &
    child=$!
    trap 'kill -TERM "$child" 2>/dev/null; signalled=1' TERM INT
    while :; do
        status=0
        wait "$child" || status=$?
        # wait returns early (above 128) when a trapped signal arrives; the child is then
        # still ending.
        kill -0 "$child" 2>/dev/null || break
    done
    trap 'exit 143' TERM
    trap 'exit 130' INT
    [ "$signalled" = 0 ] || exit "$status"
    if [ "$status" = 124 ] && [ "$seconds" -gt 0 ] && [ "$(date +%s)" -ge $((OBNAM_TEST_END + 20)) ]; then
        echo "$(basename "$0"): the test ran past its deadline and was stopped, so that what" \
            "this wrapper started could be stopped as well" >&2
    fi
    return "$status"
}
