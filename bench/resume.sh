#!/usr/bin/env bash
# resume.sh -- how much work an interrupted backup leaves for the next one.
#
#   1. A first backup of PROFILE is killed with SIGKILL at about half its duration; the next
#      backup's upload is compared with a whole backup's (goal: at most 60 %).
#   2. On a fresh repository, KILLS backups in a row are killed at random moments (each
#      continuing from what the last one stored), then one completes; the repository's size is
#      compared with its size after `prune` (goal: at most 1.5x).
#
# Usage: bench/resume.sh [PROFILE]        tiny, small (default) or medium (bench/make-dataset.sh)
# Environment: BUILD_DIR [build], WORK [/tmp/obnam-bench-resume], KILLS [10], SEED [1], KEEP [0]
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE=${1:-small}
BUILD_DIR=${BUILD_DIR:-build}
WORK=${WORK:-/tmp/obnam-bench-resume}
KILLS=${KILLS:-10}
KEEP=${KEEP:-0}
CLI=$(realpath "$BUILD_DIR/cli/obnam-cli")
[ -x "$CLI" ] || { echo "build obnam-cli first" >&2; exit 2; }

rm -rf "$WORK"; mkdir -p "$WORK"
[ "$KEEP" = 1 ] || trap 'rm -rf "$WORK"' EXIT
echo "generating the $PROFILE dataset" >&2
bench/make-dataset.sh "$WORK/data" "$PROFILE" >/dev/null

export HOME=$WORK/home OBNAM_PASSPHRASE=bench
mkdir -p "$HOME/.config/obnam"
fresh() {
    rm -rf "$WORK/repo" "$HOME/.cache/obnam" "$HOME/.config/obnam/passwords.yaml"
    printf 'roots: ["%s"]\nserver_url: %s\n' "$WORK/data" "$WORK/repo" >"$HOME/.config/obnam/obnam.yaml"
    "$CLI" init >/dev/null
}
uploaded() { # the uploaded_bytes of a backup --json run
    "$CLI" backup --json 2>"$WORK/stderr" | tail -n 1 |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["uploaded_bytes"])'
}
now_ms() { date +%s%3N; }
size_of() { du -sb "$1" | cut -f1; }

# 1. Killed at half.
fresh
t0=$(now_ms); full=$(uploaded); t1=$(now_ms)
duration=$((t1 - t0))
fresh
"$CLI" backup >/dev/null 2>&1 & pid=$!
sleep "$(python3 -c "print($duration / 2000)")"
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
after=$(uploaded)
grep -h "note: resuming" "$WORK/stderr" >&2 || echo "(nothing to resume: the backup finished first)" >&2
ratio=$(python3 -c "print(f'{$after / $full:.2f}')")

# 2. Random kills in a row.
fresh
python3 -c "import random; random.seed(${SEED:-1}); print(*[random.uniform(0.1, 0.9) for _ in range($KILLS)])" \
    >"$WORK/moments"
for fraction in $(cat "$WORK/moments"); do
    "$CLI" backup >/dev/null 2>&1 & pid=$!
    sleep "$(python3 -c "print($duration * $fraction / 1000)")"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
done
"$CLI" backup >/dev/null 2>&1
before_prune=$(size_of "$WORK/repo")
"$CLI" prune >/dev/null
after_prune=$(size_of "$WORK/repo")
growth=$(python3 -c "print(f'{$before_prune / $after_prune:.2f}')")
"$CLI" check --read-data >/dev/null

echo "| measure ($PROFILE, whole backup $duration ms) | value | goal |"
echo "|---|---|---|"
echo "| upload after a kill at half the first backup | $after of $full bytes ($ratio) | <= 0.60 |"
echo "| repository after $KILLS random kills and a completed backup / after prune | $before_prune / $after_prune bytes ($growth x) | <= 1.5 |"
