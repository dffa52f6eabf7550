#!/usr/bin/env bash
# Runs on a system where the obnam and obnam-server packages were just installed, as root,
# using installed paths only: sets up the server from its packaged configuration, makes a
# client account, and has an ordinary user back up to it and restore; then the same with a
# local repository. Exits non-zero on the first thing that does not work.
set -euo pipefail

CLI=/usr/bin/obnam-cli
SERVER=/usr/bin/obnam-server
CONFIG=/etc/obnam-server/server.yaml
for f in "$CLI" "$SERVER" "$CONFIG" /lib/systemd/system/obnam-server.service \
    /usr/lib/systemd/user/obnam-backup.service /usr/lib/systemd/user/obnam-backup.timer \
    /usr/share/man/man1/obnam-cli.1.gz /usr/share/man/man1/obnam-gui.1.gz /usr/share/man/man1/obnam-server.1.gz \
    /usr/share/bash-completion/completions/obnam-cli /usr/bin/obnam-gui \
    /usr/share/applications/org.obnam.ObnamQt.desktop /usr/share/metainfo/org.obnam.ObnamQt.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/org.obnam.ObnamQt.svg; do
    [ -e "$f" ] || { echo "install-scenario: $f is missing" >&2; exit 1; }
done
getent passwd obnam-server >/dev/null || { echo "install-scenario: no obnam-server user" >&2; exit 1; }
[ "$(stat -c %a /var/lib/obnam-server)" = 700 ] || { echo "install-scenario: data directory is not 0700" >&2; exit 1; }
"$CLI" --version
"$SERVER" --version
# The desktop application starts with what the package pulled in (no display here).
QT_QPA_PLATFORM=offscreen /usr/bin/obnam-gui --version

# The server, as the unit would run it (no systemd needed here).
admin() { runuser -u obnam-server -- "$SERVER" --config "$CONFIG" "$@"; }
token=$(admin client add install-test | sed -n 's/^access_token: //p')
[ -n "$token" ] || { echo "install-scenario: client add printed no token" >&2; exit 1; }
log=$(mktemp)
runuser -u obnam-server -- "$SERVER" --config "$CONFIG" >"$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
fingerprint=$(sed -n 's/^certificate SHA-256 fingerprint: //p' "$log")
[ -n "$fingerprint" ] || { cat "$log" >&2; echo "install-scenario: the server did not start" >&2; exit 1; }

# An ordinary user.
created_alice=no
if ! id alice >/dev/null 2>&1; then
    useradd --create-home alice
    created_alice=yes
fi
as_alice() { runuser -u alice -- env OBNAM_PASSPHRASE="correct horse" "$@"; }
home=$(getent passwd alice | cut -d: -f6)
as_alice mkdir -p "$home/data/docs"
as_alice cp -r /usr/share/doc/obnam "$home/data/docs/"
as_alice sh -c "head -c 3000000 /dev/urandom >'$home/data/random.bin'; ln -sf docs '$home/data/link'"

scenario() { # NAME CONFIG-TEXT
    local name=$1 text=$2 target
    echo "== $name"
    as_alice rm -rf "$home/.config/obnam" "$home/.cache/obnam"
    as_alice mkdir -p "$home/.config/obnam"
    printf '%s\n' "$text" | as_alice tee "$home/.config/obnam/obnam.yaml" >/dev/null
    as_alice chmod 600 "$home/.config/obnam/obnam.yaml"
    as_alice "$CLI" init
    as_alice "$CLI" backup
    as_alice "$CLI" list
    target=$(as_alice mktemp -d)
    as_alice "$CLI" restore latest "$target"
    diff -r --no-dereference "$home/data" "$target$home/data"
    as_alice "$CLI" check --read-data
    echo "$name: restored identically"
}
scenario "through obnam-server" "roots: [\"$home/data\"]
server_url: https://127.0.0.1:8888
server_cert_sha256: \"$fingerprint\"
access_token: $token"
scenario "to a local repository" "roots: [\"$home/data\"]
server_url: $home/repository"
[ "$created_alice" = no ] || userdel -r alice 2>/dev/null || true
echo "install-scenario: OK"
