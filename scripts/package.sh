#!/usr/bin/env bash
# Builds the Debian packages (obnam, obnam-server) and checks them: lintian without errors,
# the systemd unit through systemd-analyze verify, and desktop-file-validate and appstreamcli
# validate for the desktop files once obnam-gui ships them. Leaves the packages in DIST_DIR.
#
# Usage: scripts/package.sh            (BUILD_DIR=build, DIST_DIR=dist by default)
# The build is the one scripts/test.sh makes (hardened as Debian builds its packages), so
# packaging after the tests compiles nothing again.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
DIST_DIR=${DIST_DIR:-dist}
JOBS=${JOBS:-$(nproc)}

scripts/install-deps.sh
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
rm -rf "$DIST_DIR"
mkdir -p "$DIST_DIR"
(cd "$BUILD_DIR" && cpack -G DEB -B "$PWD/../$DIST_DIR/cpack" >/dev/null)
mv "$DIST_DIR"/cpack/*.deb "$DIST_DIR"/
rm -rf "$DIST_DIR/cpack"

status=0
echo "== packages"
for deb in "$DIST_DIR"/*.deb; do
    printf '%s  %s bytes\n' "$(basename "$deb")" "$(stat -c %s "$deb")"
done
echo "== lintian"
# Errors fail the build; warnings are shown.
if ! lintian --fail-on error "$DIST_DIR"/*.deb; then
    echo "lintian: errors (above)" >&2
    status=1
fi
echo "== systemd-analyze verify"
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
for deb in "$DIST_DIR"/*.deb; do
    dpkg-deb -x "$deb" "$unpacked/$(dpkg-deb -f "$deb" Package)"
done
server=$unpacked/obnam-server
# The unit names /usr/bin/obnam-server: verify it against the unpacked package's binary.
sed "s|/usr/bin/obnam-server|$server/usr/bin/obnam-server|" \
    "$server/lib/systemd/system/obnam-server.service" >"$unpacked/obnam-server.service"
if ! SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$unpacked/obnam-server.service"; then
    echo "systemd-analyze: the unit does not verify" >&2
    status=1
fi
# The user units for scheduled backups, likewise, as a user's systemd reads them.
client=$unpacked/obnam
sed "s|/usr/bin/obnam-cli|$client/usr/bin/obnam-cli|" \
    "$client/usr/lib/systemd/user/obnam-backup.service" >"$unpacked/obnam-backup.service"
cp "$client/usr/lib/systemd/user/obnam-backup.timer" "$unpacked/"
mkdir -p "$unpacked/runtime"
if ! XDG_RUNTIME_DIR="$unpacked/runtime" SYSTEMD_LOG_LEVEL=warning systemd-analyze --user verify \
    --man=no "$unpacked/obnam-backup.service" "$unpacked/obnam-backup.timer"; then
    echo "systemd-analyze: the user units do not verify" >&2
    status=1
fi

while IFS= read -r f; do
    echo "desktop-file-validate $(basename "$f")"
    desktop-file-validate "$f" || status=1
done < <(find "$unpacked" -name '*.desktop')
while IFS= read -r f; do
    echo "appstreamcli validate $(basename "$f")"
    appstreamcli validate --no-net "$f" || status=1
done < <(find "$unpacked" -name '*.metainfo.xml')
[ "$status" = 0 ] && echo "package: OK ($(ls "$DIST_DIR"/*.deb | wc -l) packages in $DIST_DIR)"
exit "$status"
