# lib.sh -- helpers the benchmark scripts share; sourced, not run.
# drop_caches uses $CACHE (cold or warm); mbps uses $bytes, the size of the data set.

# Writes dirty pages back and, for a cold-cache run, empties the page cache (root only; a run
# that cannot says so once and goes on warm).
drop_caches() {
    sync
    if [ "${CACHE:-cold}" = cold ] && ! { echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
        echo "cannot drop the page cache; measuring warm" >&2
        CACHE=warm
    fi
}

# Seconds between two `date +%s.%N` readings, to 10 ms.
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", b - a }'; }

# The median of the numbers given, as separate arguments or in one space-separated string.
median() {
    # shellcheck disable=SC2048,SC2086 # split on purpose: one string of numbers is accepted
    printf '%s\n' $* | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

# Megabytes per second for $bytes in $1 seconds.
mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

# $1 / $2 to two places: a speed relative to a reference's time.
ratio() { awk -v l="$1" -v s="$2" 'BEGIN { printf "%.2f", l / s }'; }
