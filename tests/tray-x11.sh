#!/usr/bin/env bash
# obnam-gui --tray under a real X server with a real system tray (Xvfb and trayer): its icon
# docks in the tray, a scheduled backup runs by itself and makes a generation that obnam-cli
# lists, and a right click opens the tray menu, whose screenshot is saved as
# OUTPUT-DIR/LANGUAGE-tray-menu.png (scripts/screenshots.sh puts it in docs/screenshots/).
# Exits 77 (skipped) when Xvfb, trayer, xdotool or xwininfo is not installed.
#
# Usage: tests/tray-x11.sh OBNAM-GUI OBNAM-CLI OBNAM-SCREENSHOTS OUTPUT-DIR [LANGUAGE]
set -euo pipefail
gui=$1 cli=$2 shots=$3 out=$4 lang=${5:-en}
for tool in Xvfb trayer xdotool xwininfo; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
# The window tree, read whole before it is searched: `xwininfo | grep -q` under pipefail fails
# when grep stops reading first and xwininfo dies of SIGPIPE.
xtree() { xwininfo -root -tree 2>/dev/null || true; }
fail() {
    echo "tray-x11: $*" >&2
    [ -f "$work/gui.log" ] && sed 's/^/  obnam-gui: /' "$work/gui.log" >&2
    [ -f "$work/trayer.log" ] && sed 's/^/  trayer: /' "$work/trayer.log" >&2
    [ -n "${DISPLAY:-}" ] && xwininfo -root -tree 2>&1 | sed 's/^/  x: /' >&2
    exit 1
}

# A private home with a repository whose schedule is due at once.
export HOME=$work/home XDG_RUNTIME_DIR=$work/run
unset XDG_CONFIG_HOME XDG_CACHE_HOME XDG_DATA_HOME XDG_STATE_HOME DBUS_SESSION_BUS_ADDRESS
mkdir -p "$HOME/Documents" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
head -c 300000 /dev/urandom >"$HOME/Documents/Quarterly report.odt"
echo "Call the plumber." >"$HOME/Documents/notes.txt"
OBNAM_PASSPHRASE="tray test passphrase" "$cli" init --root "$HOME/Documents" >/dev/null
printf 'schedule: hourly\nschedule_catch_up_delay: 0\n' >>"$HOME/.config/obnam/obnam.yaml"

# The X server on a free display, and a tray on it.
Xvfb -displayfd 3 -screen 0 800x600x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start"
export DISPLAY=:$(cat "$work/display")
for _ in $(seq 100); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
# On a loaded machine trayer has been seen to find no display at its very first try: it is
# given three.
for attempt in 1 2 3; do
    trayer --edge top --align right --widthtype pixel --width 120 --height 32 --SetDockType true \
        >"$work/trayer.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
        grep -q '("panel" "trayer")' <<<"$(xtree)" && break 2
        sleep 0.1
    done
    echo "trayer attempt $attempt: no panel" >&2
done
grep -q '("panel" "trayer")' <<<"$(xtree)" || fail "trayer did not start"

LANG=$([ "$lang" = de ] && echo de_DE.UTF-8 || echo en_US.UTF-8) QT_QPA_PLATFORM=xcb \
    "$gui" --tray >"$work/gui.log" 2>&1 &
pids+=($!)

# The icon: obnam-gui's window inside the tray's panel ("WxH+x+y  +absX+absY").
icon=""
# A loaded machine is slow to start a Qt application: a minute.
for _ in $(seq 600); do
    icon=$(awk '/\("panel" "trayer"\)/{p=1;next} p && /\("obnam-gui" "obnam-gui"\)/{print $1, $(NF-1), $NF; exit}' <<<"$(xtree)")
    [ -n "$icon" ] && break
    sleep 0.1
done
[ -n "$icon" ] || fail "no icon docked in the tray"
echo "icon docked: $icon"

# The scheduled backup (due at once: never backed up, no catch-up delay).
gens=""
for _ in $(seq 600); do
    gens=$("$cli" list 2>/dev/null || true)
    [ -n "$gens" ] && break
    sleep 0.1
done
[ -n "$gens" ] || fail "no scheduled backup within a minute"
grep -q '"program":"obnam-gui"' "$HOME/.local/state/obnam/runs.jsonl" || fail "the generation is not obnam-gui's"
echo "scheduled backup: $gens"

# The menu, on a right click at the icon's lower edge, so it opens below the icon.
read -r id size abs <<<"$icon"
w=${size%%x*}; rest=${size#*x}; h=${rest%%[+-]*}
abs=${abs#+}; x=${abs%%+*}; y=${abs#*+}
sleep 1 # the icon's state after the backup
xdotool mousemove $((x + w / 2)) $((y + h - 2)) click 3
menu=""
for _ in $(seq 50); do
    menu=$(awk -v icon="$id" '/\("obnam-gui" "obnam-gui"\)/ && $1 != icon {print $(NF-1), $NF; exit}' <<<"$(xtree)")
    [ -n "$menu" ] && break
    sleep 0.1
done
[ -n "$menu" ] || fail "the tray menu did not open"
read -r msize mabs <<<"$menu"
mw=${msize%%x*}; mrest=${msize#*x}; mh=${mrest%%[+-]*}
mabs=${mabs#+}; mx=${mabs%%+*}; my=${mabs#*+}
sleep 0.5
left=$((mx < x ? mx : x)); left=$((left > 20 ? left - 20 : 0))
"$shots" --grab "$out/$lang-tray-menu.png" "$left" 0 $((800 - left)) $((my + mh + 12)) ||
    fail "no screenshot"
xdotool key Escape
echo "tray-x11: OK"
