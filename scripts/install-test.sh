#!/usr/bin/env bash
# Installs the packages that scripts/package.sh left in DIST_DIR, runs the install scenario
# (packaging/install-scenario.sh: a server from its packaged configuration, a client backing up
# to it and to a local repository, restores compared), then removes and purges them and checks
# that nothing of them is left.
#
# Usage: scripts/install-test.sh            on this machine (as root; CI does this), then
#                                            also the real-binary test suites against the
#                                            installed programs
#        scripts/install-test.sh --chroot   in a freshly bootstrapped minimal Debian 12
#                                            (debootstrap), where apt must pull in every
#                                            dependency itself: the release check
set -euo pipefail
cd "$(dirname "$0")/.."
DIST_DIR=$(realpath "${DIST_DIR:-dist}")
BUILD_DIR=${BUILD_DIR:-build}
ls "$DIST_DIR"/obnam_*.deb "$DIST_DIR"/obnam-server_*.deb >/dev/null

# Runs as root on the target system, with the packages and the scenario in $1.
inside() {
    cat <<'INSIDE'
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$1"
apt-get install -y -qq ./obnam_*.deb ./obnam-server_*.deb >/dev/null
echo "installed: $(dpkg-query -W -f '${Package} ${Version}, ' obnam obnam-server)"
bash ./install-scenario.sh
INSIDE
}

purge_and_check() { # runs as root on the target system
    cat <<'PURGE'
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
pkill -u obnam-server obnam-server 2>/dev/null || true
apt-get purge -y -qq obnam obnam-server >/dev/null 2>"${TMPDIR:-/tmp}/purge.log" || { cat "${TMPDIR:-/tmp}/purge.log"; exit 1; }
cat "${TMPDIR:-/tmp}/purge.log"
left=""
for p in /usr/bin/obnam-cli /usr/bin/obnam-gui /usr/share/applications/org.obnam.ObnamQt.desktop /usr/bin/obnam-server /etc/obnam-server /lib/systemd/system/obnam-server.service \
    /usr/lib/systemd/user/obnam-backup.timer \
    /usr/share/doc/obnam /usr/share/doc/obnam-server /usr/share/man/man1/obnam-cli.1.gz /usr/share/man/man1/obnam-gui.1.gz; do
    [ -e "$p" ] && left="$left $p"
done
if dpkg-query -W obnam obnam-server 2>/dev/null | grep -q .; then
    dpkg -l obnam obnam-server | grep -E '^(ii|rc)' && left="$left (package still known to dpkg)"
fi
[ -z "$left" ] || { echo "purge left:$left" >&2; exit 1; }
# The clients' backups stay, as the purge said; nothing else of the package does.
[ ! -d /var/lib/obnam-server ] || [ -e /var/lib/obnam-server/clients.json ]
rm -rf /var/lib/obnam-server
echo "purged cleanly"
PURGE
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$DIST_DIR"/obnam_*.deb "$DIST_DIR"/obnam-server_*.deb packaging/install-scenario.sh "$work/"
chmod -R a+rX "$work"

if [ "${1:-}" = --chroot ]; then
    # A minimal Debian 12, bootstrapped once and kept as a tarball, unpacked anew each time.
    cache=${OBNAM_CHROOT_CACHE:-/var/tmp/obnam-install-test}
    mkdir -p "$cache"
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)
    if [ ! -f "$cache/base.tar" ]; then
        command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
        rm -rf "$cache/root"
        debootstrap --variant=minbase bookworm "$cache/root" "$mirror" >"$cache/debootstrap.log"
        tar -C "$cache/root" -cf "$cache/base.tar" .
    fi
    root=$work/root
    mkdir -p "$root"
    tar -C "$root" -xf "$cache/base.tar"
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    mkdir -p "$root/packages"
    cp "$work"/*.deb "$work"/install-scenario.sh "$root/packages/"
    cleanup() { for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done; rm -rf "$work"; }
    trap cleanup EXIT
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 bash -c "$1" bash /packages; }
    in_root "apt-get update -qq"
    in_root "$(inside)"
    in_root "$(purge_and_check)"
    echo "install-test (fresh Debian 12 chroot): OK"
    exit 0
fi

[ "$(id -u)" = 0 ] || { echo "install-test: run as root" >&2; exit 2; }
bash -c "$(inside)" bash "$work"
# The test suites that run the real programs, pointed at the installed ones.
if [ -x "$BUILD_DIR/tests/test_scenarios" ]; then
    OBNAM_CLI_BINARY=/usr/bin/obnam-cli OBNAM_SERVER_BINARY=/usr/bin/obnam-server \
        "$BUILD_DIR/tests/test_scenarios" -silent
    OBNAM_CLI_BINARY=/usr/bin/obnam-cli OBNAM_SERVER_BINARY=/usr/bin/obnam-server \
        "$BUILD_DIR/tests/test_serverclient" -silent
fi
bash -c "$(purge_and_check)"
echo "install-test (this machine): OK"
