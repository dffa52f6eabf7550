#!/usr/bin/env bash
# many-files.sh -- obnam-cli on a tree of many empty files: a first backup, then backups with
# nothing changed (the case of a daily timer on a large home directory).
#
# Usage: bench/many-files.sh [COUNT]        COUNT files, 1,000 per directory [1000000]
# Environment:
#   BUILD_DIR [build]   where obnam-cli was built
#   REPS      [3]       no-change backups timed (the median is reported)
#   WORK      [/tmp/obnam-bench-many]  scratch (deleted at the end unless KEEP=1)
#   CACHE     [cold]    cold: drop the page cache before each timed step (root); else warm
# Prints one Markdown table on stdout; progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000000}
BUILD_DIR=${BUILD_DIR:-build}
REPS=${REPS:-3}
WORK=${WORK:-/tmp/obnam-bench-many}
CACHE=${CACHE:-cold}
KEEP=${KEEP:-0}
CLI=$(realpath "$BUILD_DIR/cli/obnam-cli")
[ -x "$CLI" ] || { echo "build obnam-cli first" >&2; exit 2; }

rm -rf "$WORK"; mkdir -p "$WORK"
[ "$KEEP" = 1 ] || trap 'rm -rf "$WORK"' EXIT
echo "creating $COUNT empty files" >&2
python3 - "$WORK/tree" "$COUNT" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = f"{root}/d{i // 1000:05}"
    if i % 1000 == 0:
        os.makedirs(d)
    open(f"{d}/f{i:07}", "w").close()
PY

export HOME=$WORK/home OBNAM_PASSPHRASE=bench
mkdir -p "$HOME/.config/obnam"
printf 'roots: ["%s"]\nserver_url: %s\n' "$WORK/tree" "$WORK/repo" >"$HOME/.config/obnam/obnam.yaml"
"$CLI" init >/dev/null

drop() {
    sync
    if [ "$CACHE" = cold ] && ! { echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
        echo "cannot drop the page cache; measuring warm" >&2; CACHE=warm
    fi
}
# timed STEP: runs one backup; prints "seconds maxrss_kib"
timed() {
    drop
    /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$CLI" backup >/dev/null
    echo "$1: $(cat "$WORK/time.out")" >&2
    cat "$WORK/time.out"
}

first=$(timed first)
nochange=()
for rep in $(seq "$REPS"); do
    nochange+=("$(timed "no-change $rep")")
done
python3 - "$COUNT" "$CACHE" "$first" "${nochange[@]}" <<'PY'
import statistics, sys
count, cache, first, rest = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
f_s, f_rss = first.split()
secs = statistics.median(float(r.split()[0]) for r in rest)
rss = max(int(r.split()[1]) for r in rest)
print(f"| {count:,} empty files in {count // 1000 or 1:,} directories ({cache} cache) | time | peak RSS | files/s |")
print("|---|---|---|---|")
print(f"| first backup | {float(f_s):.2f} s | {int(f_rss) / 1024:.0f} MiB | {count / float(f_s):,.0f} |")
print(f"| no-change backup (median of {len(rest)}) | {secs:.2f} s | {rss / 1024:.0f} MiB | {count / secs:,.0f} |")
PY
