#!/usr/bin/env bash
# The main job, end to end: installs what is needed, builds obnam-cli, backs up a real
# directory to a local repository with the embedded default (a configuration and a
# repository under your XDG directories), lists generations, restores into a temporary
# directory and compares the restored copy with the original.
#
# Usage: scripts/quickstart.sh [DIR]     (default DIR: /usr/share/doc)
# The passphrase is asked on the terminal; without one, set OBNAM_PASSPHRASE.
set -euo pipefail
cd "$(dirname "$0")/.."

SRC=$(realpath "${1:-/usr/share/doc}")
BUILD_DIR=${BUILD_DIR:-build}

scripts/install-deps.sh
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build "$BUILD_DIR" --target obnam-cli -j "$(nproc)"
CLI="$PWD/$BUILD_DIR/cli/obnam-cli"

config="${XDG_CONFIG_HOME:-$HOME/.config}/obnam/obnam.yaml"
if [ ! -f "$config" ]; then
    echo "== obnam-cli init (new configuration backing up $SRC)"
    "$CLI" init --root "$SRC"
elif [ ! -f "$(dirname "$config")/passwords.yaml" ]; then
    echo "== obnam-cli init (existing configuration $config)"
    "$CLI" init
fi

echo "== obnam-cli backup"
"$CLI" backup
echo "== obnam-cli list"
"$CLI" list

target=$(mktemp -d "${TMPDIR:-/tmp}/obnam-restore.XXXXXX")
echo "== obnam-cli restore latest $target"
"$CLI" restore latest "$target"

if [ -d "$target$SRC" ]; then
    echo "== comparing $SRC with its restored copy"
    diff -r --no-dereference "$SRC" "$target$SRC"
    echo "Identical: $(find "$target$SRC" | wc -l) entries restored from the latest generation into $target"
else
    echo "$SRC is not among the configured roots ($config); restored the configured roots into $target"
fi
