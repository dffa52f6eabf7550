#!/usr/bin/env bash
# Installs every Debian 12 package the project needs to build, test and run.
# Non-interactive and idempotent: packages already present are left alone.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkgconf ccache git clang-format
  # Qt 6 and the libraries core/ links
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libqt6sql6-psql
  qt6-svg-dev qt6-translations-l10n
  qtkeychain-qt6-dev libsqlite3-dev libssl-dev libzstd-dev libargon2-dev libyaml-cpp-dev libboost1.81-dev
  # offscreen rendering, keyring and tests that drop privileges
  fonts-dejavu-core dbus gnome-keyring libsecret-1-0 util-linux attr
  # the desktop application's screenshots under a real X server (scripts/screenshots.sh), and
  # its tray under a real tray (tests/tray-x11.sh); tzdata for the scheduler's time zones
  xvfb xauth trayer xdotool x11-utils tzdata
  # a real S3 store for the S3 backend's tests: a single-node Ceph RADOS Gateway
  # (scripts/ceph-rgw-up.sh, tests/with-s3.sh)
  ceph-mon ceph-osd radosgw ceph-common curl
  # a real PostgreSQL for obnam-server's shared accounts (scripts/pg-up.sh,
  # tests/with-postgres.sh); Qt's driver for it is libqt6sql6-psql above
  postgresql-15 procps
  # a real load balancer in front of two obnam-server instances (tests/tst_scaleout.cpp)
  haproxy
  # benchmarks (dataset generator, timing)
  python3 time restic borgbackup
  # OpenSSL's own client, which asks obnam-server for a renegotiation (tests/tst_server.cpp)
  openssl
  # fuzzing and sanitizers (scripts/fuzz.sh: clang with libFuzzer's runtime, libclang_rt.fuzzer)
  clang libclang-rt-14-dev
  # packages (scripts/package.sh): dpkg-shlibdeps comes with build-essential's dpkg-dev
  lintian systemd desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}"
# The tests start PostgreSQL clusters of their own: Debian's default cluster (created and
# started when the package is installed) would only take a port and memory. Only when this
# script is the one installing PostgreSQL.
if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && [ ! -e /etc/postgresql-common/createcluster.d/obnam.conf ]; then
  $SUDO mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/obnam.conf >/dev/null
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The tests start HAProxy with configurations of their own; the package's service (started on
# installation, with an empty configuration) would only run idle. Only when this script is the
# one installing it.
if [[ " ${missing[*]} " == *" haproxy "* ]]; then
  { $SUDO systemctl disable --now haproxy || $SUDO service haproxy stop; } >/dev/null 2>&1 || true
fi
echo "install-deps: done"
