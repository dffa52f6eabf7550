#!/usr/bin/env bash
# Takes the screenshots docs/gui.md and the README show, in English and German, under a real X
# server (Xvfb, DejaVu fonts), into docs/screenshots/. The sample home is /home/alex and the
# backup disk /media/alex/backup-disk, as a reader expects: both are private, empty tmpfs
# mounts that exist only for this run (a user and mount namespace; no root needed). A private
# desktop keyring (tests/with-keyring.sh) takes the passphrase, as on a desktop.
#
# Usage: scripts/screenshots.sh [BUILD_DIR]     (after a build; BUILD_DIR=build by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
tool=$(realpath "$BUILD_DIR/tests/obnam-screenshots")
out=$(realpath docs)/screenshots
mkdir -p "$out"
for language in en de; do
    unshare --user --map-root-user --mount sh -euc '
        mount -t tmpfs tmpfs /home
        mount -t tmpfs tmpfs /media
        mkdir -p /home/alex /media/alex/backup-disk
        QT_QPA_PLATFORM=xcb "$4" xvfb-run -a -s "-screen 0 1280x1024x24" \
            "$1" "$2" "$3" /home/alex /media/alex/backup-disk/obnam
    ' sh "$tool" "$out" "$language" "$(realpath tests/with-keyring.sh)"
done
# The tray menu, under a real tray (trayer), from a scheduled backup that really runs.
for language in en de; do
    tests/tray-x11.sh "$BUILD_DIR/gui/obnam-gui" "$BUILD_DIR/cli/obnam-cli" "$tool" "$out" "$language"
done
ls -l "$out"
