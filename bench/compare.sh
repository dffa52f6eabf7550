#!/usr/bin/env bash
# compare.sh -- obnam-cli, restic and borg on the same data, on the same machine, side by side.
#
# Usage: bench/compare.sh [PROFILE]        PROFILE of bench/make-dataset.sh [small]
# Environment:
#   BUILD_DIR [build]   where obnam-cli was built
#   REPS      [3]       repetitions; tools are interleaved and their order rotates
#   TOOLS     [obnam restic borg]
#   WORK      [/tmp/obnam-bench-compare]  scratch (deleted at the end unless KEEP=1)
#   CACHE     [cold]    cold: drop the page cache before each timed step (root); else warm
#   MANY      [100000]  empty files for the many-files step (0 skips it)
# Steps per tool and repetition, each timed with /usr/bin/time: first backup of a fresh copy;
# a backup with nothing changed; a backup after make-dataset.sh --mutate (1 % of the files
# changed, 50 MiB added); a restore of that last backup into an empty directory (compared with
# the source afterwards, untimed); a first backup of MANY empty files in 100 directories.
# After obnam's restore, `tar -x` of an archive of the same tree (made untimed) into an empty
# directory is timed the same way, as a reference for what writing the tree costs here.
# Prints one Markdown table of medians and ratios to restic on stdout; progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE=${1:-small}
BUILD_DIR=${BUILD_DIR:-build}
REPS=${REPS:-3}
TOOLS=${TOOLS:-"obnam restic borg"}
WORK=${WORK:-/tmp/obnam-bench-compare}
CACHE=${CACHE:-cold}
MANY=${MANY:-100000}
KEEP=${KEEP:-0}
CLI=$(realpath "$BUILD_DIR/cli/obnam-cli")
[ -x "$CLI" ] || { echo "build obnam-cli first" >&2; exit 2; }

need=()
[[ " $TOOLS " == *" restic "* ]] && ! command -v restic >/dev/null && need+=(restic)
[[ " $TOOLS " == *" borg "* ]] && ! command -v borg >/dev/null && need+=(borgbackup)
if [ "${#need[@]}" -gt 0 ]; then
    echo "installing ${need[*]} from Debian" >&2
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

rm -rf "$WORK"; mkdir -p "$WORK"
[ "$KEEP" = 1 ] || trap 'rm -rf "$WORK"' EXIT
echo "generating the '$PROFILE' dataset" >&2
bench/make-dataset.sh "$WORK/dataset" "$PROFILE" >/dev/null
if [ "$MANY" -gt 0 ]; then
    python3 - "$WORK/many" "$MANY" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for d in range(100):
    os.makedirs(f"{root}/d{d:03}", exist_ok=True)
for i in range(n):
    open(f"{root}/d{i % 100:03}/f{i:07}", "w").close()
PY
fi

# Deleting a tree makes ext4 pass over its inode numbers for minutes afterwards
# (recently_deleted), and with online discard every journal commit waits for the discards:
# either can double the time of whichever tool next creates many files.
# So runs are kept until the end when the disk has room for all of them (about five copies of
# the dataset per obnam run, three per other run); otherwise each is deleted and the next
# waits those minutes out.
data_kib=$(du -sk "$WORK/dataset" | cut -f1)
need_kib=$(( data_kib * REPS * (5 + 3 * ($(wc -w <<<"$TOOLS") - 1)) * 11 / 10 ))
free_kib=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
KEEP_RUNS=1
if [ "$free_kib" -lt "$need_kib" ]; then
    KEEP_RUNS=0
    echo "not enough disk to keep every run ($((need_kib / 1024)) MiB): deleting each and waiting" >&2
fi

drop() {
    sync
    if [ "$CACHE" = cold ] && ! { echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
        echo "cannot drop the page cache; measuring warm" >&2; CACHE=warm
    fi
}

# tool verb SRC REPO TARGET: run one tool's command (backup/restore/init) for this run.
export RESTIC_PASSWORD=bench BORG_PASSPHRASE=bench OBNAM_PASSPHRASE=bench
export BORG_RELOCATED_REPO_ACCESS_IS_OK=yes BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes
tool() {
    local t=$1 verb=$2 src=$3 repo=$4 target=${5:-}
    case "$t:$verb" in
    obnam:init)
        mkdir -p "$repo.home/.config/obnam"
        printf 'roots: ["%s"]\nserver_url: %s\n' "$src" "$repo" >"$repo.home/.config/obnam/obnam.yaml"
        HOME=$repo.home "$CLI" init >/dev/null ;;
    obnam:backup) HOME=$repo.home "$CLI" backup >/dev/null ;;
    obnam:restore) HOME=$repo.home "$CLI" restore latest "$target" >/dev/null ;;
    restic:init) RESTIC_CACHE_DIR=$repo.cache restic init -q -r "$repo" >/dev/null ;;
    restic:backup) (cd "$src" && RESTIC_CACHE_DIR=$repo.cache restic backup -q -r "$repo" .) >/dev/null ;;
    restic:restore) RESTIC_CACHE_DIR=$repo.cache restic restore -q -r "$repo" latest --target "$target" >/dev/null ;;
    borg:init) BORG_BASE_DIR=$repo.base borg init -e repokey-blake2 "$repo" >/dev/null 2>&1 ;;
    borg:backup) (cd "$src" && BORG_BASE_DIR=$repo.base borg create "$repo::{now:%Y%m%dT%H%M%S.%f}" .) >/dev/null ;;
    borg:restore) (mkdir -p "$target" && cd "$target" &&
        BORG_BASE_DIR=$repo.base borg extract "$repo::$(BORG_BASE_DIR=$repo.base borg list --last 1 --short "$repo")") >/dev/null ;;
    esac
}

export -f tool
export CLI
RESULTS=$WORK/results.tsv
: >"$RESULTS"
# timed TOOL STEP REP CMD...: one row "tool step rep seconds maxrss_kib"
timed() {
    local t=$1 step=$2 rep=$3; shift 3
    drop
    /usr/bin/time -f "%e %M" -o "$WORK/time.out" bash -c '"$@"' _ "$@"
    read -r secs rss <"$WORK/time.out"
    printf '%s\t%s\t%s\t%s\t%s\n' "$t" "$step" "$rep" "$secs" "$rss" >>"$RESULTS"
    echo "$t $step rep $rep: ${secs}s, $((rss / 1024)) MiB" >&2
}

tools=($TOOLS)
for rep in $(seq "$REPS"); do
    # Rotate the order each repetition so no tool always runs first.
    order=("${tools[@]:$(( (rep - 1) % ${#tools[@]} ))}" "${tools[@]:0:$(( (rep - 1) % ${#tools[@]} ))}")
    for t in "${order[@]}"; do
        run=$WORK/run-$t-$rep
        mkdir -p "$run"
        cp -a "$WORK/dataset" "$run/src"
        # Paths differ per run; each tool sees its tree under the same name inside the run.
        tool "$t" init "$run/src" "$run/repo"
        timed "$t" first "$rep" tool "$t" backup "$run/src" "$run/repo"
        timed "$t" nochange "$rep" tool "$t" backup "$run/src" "$run/repo"
        bench/make-dataset.sh --mutate "$run/src" 1 >/dev/null
        timed "$t" changed "$rep" tool "$t" backup "$run/src" "$run/repo"
        timed "$t" restore "$rep" tool "$t" restore "$run/src" "$run/repo" "$run/restored"
        restored=$run/restored
        if [ "$t" = obnam ]; then
            restored=$run/restored$run/src
            tar -C "$run/src" -cf "$run/tree.tar" .
            mkdir "$run/untarred"
            timed tar restore "$rep" tar --warning=no-timestamp -C "$run/untarred" -xf "$run/tree.tar"
            rm -f "$run/tree.tar"
            [ "$KEEP_RUNS" = 1 ] || rm -rf "$run/untarred"
        fi
        diff -r --no-dereference "$run/src" "$restored" >/dev/null ||
            { echo "$t: restore differs from the source" >&2; exit 1; }
        printf '%s\t%s\t%s\t%s\t%s\n' "$t" reposize "$rep" "$(du -sb "$run/repo" | cut -f1)" 0 >>"$RESULTS"
        if [ "$MANY" -gt 0 ]; then
            tool "$t" init "$WORK/many" "$run/many-repo"
            timed "$t" many "$rep" tool "$t" backup "$WORK/many" "$run/many-repo"
        fi
        if [ "$KEEP_RUNS" = 0 ]; then
            rm -rf "$run"
            sync
            sleep 370
        fi
    done
done

python3 - "$RESULTS" "$PROFILE" "$REPS" "$CACHE" "$MANY" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
profile, reps, cache, many = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
data = {}
for tool, step, rep, value, rss in rows:
    data.setdefault((tool, step), []).append((float(value), int(rss)))
tools = [t for t in ["obnam", "restic", "borg"] if any(k[0] == t for k in data)]
tar = [x[0] for x in data.get(("tar", "restore"), [])]
def med(tool, step, i=0):
    v = data.get((tool, step))
    return statistics.median(x[i] for x in v) if v else None
steps = [("first", "first backup"), ("nochange", "no-change backup"),
         ("changed", "1 % changed + 50 MiB"), ("restore", "restore")]
if many:
    steps.append(("many", f"{many:,} empty files"))
print(f"| step ('{profile}', {cache} cache, median of {reps}) | " +
      " | ".join(tools) + (" | obnam / restic |" if "restic" in tools and "obnam" in tools else " |"))
print("|---" * (len(tools) + 1 + ("restic" in tools and "obnam" in tools)) + "|")
for step, label in steps + [("reposize", "repository size")]:
    cells, o, r = [], med("obnam", step), med("restic", step)
    for t in tools:
        v = med(t, step)
        if v is None:
            cells.append("-")
        elif step == "reposize":
            cells.append(f"{v / 2**20:.0f} MiB")
        else:
            cells.append(f"{v:.2f} s, {med(t, step, 1) / 1024:.0f} MiB RSS")
    ratio = f" | {o / r:.2f}" if o is not None and r else (" | -" if "restic" in tools and "obnam" in tools else "")
    print(f"| {label} | " + " | ".join(cells) + ratio + " |")
if tar and med("obnam", "restore") is not None:
    t = statistics.median(tar)
    print(f"\n`tar -x` of the same tree (median of {len(tar)}): {t:.2f} s; "
          f"obnam restore / `tar -x`: {med('obnam', 'restore') / t:.2f}")
PY
