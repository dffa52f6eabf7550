#!/usr/bin/env bash
# browse.sh -- browsing, searching and versions on a large repository: 30 generations of a
# 1,000,000-file tree, each generation changing 1 % of the files (and deleting and adding a
# hundred), as the generation browser and `obnam-cli find`/`versions` meet them.
#
# Usage: bench/browse.sh [FILES] [GENERATIONS]      [1000000] [30]
# Environment:
#   BUILD_DIR [build]   where obnam-cli and obnam-browse-timing were built
#   WORK      [/tmp/obnam-bench-browse]  scratch (deleted at the end unless KEEP=1)
#   REUSE     [0]       1: measure a repository an earlier KEEP=1 run left in WORK
# Prints Markdown tables on stdout; progress on stderr.
#
# The tree: FILES-10,000 empty files, 1,000 per directory, plus one directory of 10,000 (the
# folder the browser expands). Generation g>1 writes a line into 1 % of the files (chosen
# with a seeded generator), deletes 100 and adds 100. Each backup runs with the search index
# present (built after the first), so its `search_index_seconds` is what indexing adds.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-1000000}
GENS=${2:-30}
BUILD_DIR=${BUILD_DIR:-build}
WORK=${WORK:-/tmp/obnam-bench-browse}
REUSE=${REUSE:-0}
KEEP=${KEEP:-0}
CLI=$(realpath "$BUILD_DIR/cli/obnam-cli")
TIMING=$(realpath "$BUILD_DIR/bench/obnam-browse-timing" 2>/dev/null || true)
[ -x "$CLI" ] || { echo "build obnam-cli first" >&2; exit 2; }

export HOME=$WORK/home OBNAM_PASSPHRASE=bench
[ "$KEEP" = 1 ] || [ "$REUSE" = 1 ] || trap 'rm -rf "$WORK"' EXIT

mutate() { # mutate ROUND
    python3 - "$WORK/tree" "$1" "$FILES" <<'PY'
import os, random, sys
root, rnd, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(rnd)
def name(i):
    return f"{root}/big/file-{i:07}.txt" if i < 10000 else f"{root}/d{(i - 10000) // 1000:04}/file-{i:07}.txt"
for i in rng.sample(range(n), n // 100):
    p = name(i)
    if os.path.exists(p):
        with open(p, "a") as f:
            f.write(f"changed in generation {rnd}\n")
for i in rng.sample(range(n), 100):
    p = name(i)
    if os.path.exists(p):
        os.unlink(p)
for k in range(100):
    d = f"{root}/d{rng.randrange((n - 10000) // 1000):04}"
    open(f"{d}/new-{rnd:02}-{k:03}.txt", "w").close()
PY
}

if [ "$REUSE" != 1 ]; then
    rm -rf "$WORK"; mkdir -p "$WORK" "$HOME/.config/obnam"
    echo "creating $FILES files" >&2
    python3 - "$WORK/tree" "$FILES" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{root}/big")
for i in range(n):
    if i < 10000:
        p = f"{root}/big/file-{i:07}.txt"
    else:
        d = f"{root}/d{(i - 10000) // 1000:04}"
        if (i - 10000) % 1000 == 0:
            os.makedirs(d)
        p = f"{d}/file-{i:07}.txt"
    open(p, "w").close()
PY
    printf 'roots: ["%s"]\nserver_url: %s\n' "$WORK/tree" "$WORK/repo" >"$HOME/.config/obnam/obnam.yaml"
    "$CLI" init >/dev/null
    : >"$WORK/backups.tsv"
    for g in $(seq 1 "$GENS"); do
        [ "$g" = 1 ] || mutate "$g"
        "$CLI" backup --json | tail -n 1 | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
print("%.2f\t%.3f\t%d" % (r["duration"], r["search_index_seconds"], r["file_count"]))' \
            >>"$WORK/backups.tsv"
        if [ "$g" = 1 ]; then
            start=$(date +%s.%N)
            "$CLI" find no-such-name >/dev/null 2>&1 || true
            echo "$(echo "$(date +%s.%N) - $start" | bc)" >"$WORK/first-index.txt"
        fi
        echo "generation $g: $(tail -n 1 "$WORK/backups.tsv")" >&2
    done
fi

echo "| generation | backup | indexing it | share | files |"
echo "|---|---|---|---|---|"
awk -F'\t' '{ printf "| %d | %.2f s | %.3f s | %.1f %% | %d |\n", NR, $1, $2, ($1 > 0 ? 100 * $2 / $1 : 0), $3 }' "$WORK/backups.tsv"
awk -F'\t' 'NR > 1 { b += $1; i += $2; n++ } END { if (n) printf "\nIncremental backups 2..%d: backup mean %.2f s, indexing mean %.3f s (%.1f %%)\n", NR, b / n, i / n, 100 * i / b }' "$WORK/backups.tsv"
echo "Index built from scratch after the first backup (obnam-cli find, including start-up and opening the repository): $(cat "$WORK/first-index.txt") s"

f="$WORK/tree/d0000/$(ls -S "$WORK/tree/d0000" | head -n 1)"
echo
echo "| whole obnam-cli command (start, open the repository, answer) | time |"
echo "|---|---|"
for cmd in "find file-0123456" "find new-05-*" "versions $f"; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$CLI" $cmd >/dev/null
    printf '| `obnam-cli %s` | %.2f s |\n' "${cmd/$WORK/WORK}" "$(echo "$(date +%s.%N) - $start" | bc)"
done

if [ -x "$TIMING" ]; then
    echo
    "$TIMING" --config "$HOME/.config/obnam/obnam.yaml" --folder "$WORK/tree/big" \
        --search file-0123456 --search 'new-05-*' --search 'file-00012*' --search report \
        --versions "$f"
fi
