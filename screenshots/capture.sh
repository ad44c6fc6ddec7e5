#!/usr/bin/env bash
# Produces real PNG screenshots of tuiports: runs it in a private tmux server against a
# loopback listener, captures the panes with colours, renders them with aha + headless Chromium.
# Usage: screenshots/capture.sh   (TUIPORTS_CMD overrides how the app is started; it is not built here)
set -euo pipefail

OUT="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$OUT/.." && pwd)"
TUIPORTS_CMD="${TUIPORTS_CMD:-dotnet $REPO/src/TuiPorts/bin/Debug/net10.0/tuiports.dll}"
SOCK="tuiports-shots"
tmux() { command tmux -L "$SOCK" "$@"; }   # a private server: never touches the user's sessions
unset TMUX DisableRealDriverIO

# Tools: install only what is missing (Debian 12, as root).
need=()
command -v tmux >/dev/null || need+=(tmux)
command -v aha >/dev/null || need+=(aha)
command -v chromium >/dev/null || need+=(chromium)
fc-list 2>/dev/null | grep -q "DejaVu Sans Mono" || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"; fi

WORK="$(mktemp -d /tmp/tuiports-shots.XXXXXX)"
PIDS=()
cleanup() {
  tmux kill-server 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done   # exactly our listener pids
  rm -rf "$WORK"
}
trap cleanup EXIT

# A loopback TCP listener on the first free port from 9000, shared by two processes (fork),
# alive at most 120 s. It prints "PORT CHILDPID" once listening.
# Inherited fds above 2 are closed first so the detail pane shows only what a terminal would give it.
perl -MIO::Socket::INET -MPOSIX -e '$|=1; POSIX::close($_) for 3..1023; my $s; for my $p (9000..9099) { $s = IO::Socket::INET->new(Listen=>5, LocalAddr=>"127.0.0.1", LocalPort=>$p, Proto=>"tcp") and last } $s or die $!; my $c = fork; print $s->sockport, " $c\n" if $c; sleep 120' < /dev/null > "$WORK/listener.out" 2> "$WORK/listener.err" &
PIDS+=($!)
for _ in $(seq 50); do [ -s "$WORK/listener.out" ] && break; sleep 0.1; done
read -r PORT CHILD < "$WORK/listener.out" || { echo "listener did not start" >&2; exit 1; }
PIDS+=("$CHILD")
echo "listener on 127.0.0.1:$PORT, pids ${PIDS[*]}"

# wait_for SESSION TEXT SECONDS: poll the screen until it contains TEXT.
wait_for() {
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    tmux capture-pane -p -t "$1" | grep -qF -- "$2" && return 0
    sleep 0.2
  done
  echo "timed out waiting for '$2' in $1:" >&2; tmux capture-pane -p -t "$1" >&2; exit 1
}

# start SESSION COLS ROWS: launch tuiports in a fresh tmux session of that size.
start() {
  tmux new-session -d -s "$1" -x "$2" -y "$3" "env -u DisableRealDriverIO TERM=xterm-256color $TUIPORTS_CMD; sleep 5"
  wait_for "$1" "sockets" 20
}

# shot SESSION NAME COLS ROWS: save NAME.txt (plain) and NAME.png (rendered with colours).
shot() {
  local s="$1" name="$2" cols="$3" rows="$4"
  tmux capture-pane -p -t "$s" > "$OUT/$name.txt"
  tmux capture-pane -e -p -t "$s" | aha --black --title tuiports > "$WORK/$name.html"
  # Dark page, DejaVu Sans Mono 15px, rows packed tightly so box-drawing lines join up.
  sed -i 's|</head>|<style>body{margin:0;padding:10px;background:#000;color:#ddd}pre{margin:0;font-family:"DejaVu Sans Mono",monospace;font-size:15px;line-height:1.15;white-space:pre}</style></head>|' "$WORK/$name.html"
  # One cell is ~9.03 x 17.25 px at 15px; add the 2x10 px padding and a little slack.
  local w=$(( cols * 903 / 100 + 24 )) h=$(( rows * 1725 / 100 + 24 ))
  rm -rf "$WORK/profile"; mkdir "$WORK/profile"
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$WORK/profile" --hide-scrollbars --window-size="$w,$h" \
    --screenshot="$OUT/$name.png" "file://$WORK/$name.html" > "$WORK/chromium.log" 2>&1 \
    || { cat "$WORK/chromium.log" >&2; exit 1; }
  [ -s "$OUT/$name.png" ] || { echo "no $name.png" >&2; exit 1; }
  echo "wrote $OUT/$name.png (${w}x${h})"
}

# 80x24, what an operator over ssh usually has: the filtered main view, the help, the kill dialog, the zoomed pane.
start narrow 80 24
tmux send-keys -t narrow "$PORT"
wait_for narrow "<- this socket" 10
sleep 2
shot narrow main-filtered 80 24
tmux send-keys -t narrow F1
wait_for narrow "tuiports keys" 5
shot narrow help 80 24
tmux send-keys -t narrow q
sleep 0.5
tmux send-keys -t narrow K
wait_for narrow "Send SIG" 5
shot narrow kill-dialog 80 24
tmux send-keys -t narrow n
sleep 0.5
tmux send-keys -t narrow d
sleep 1
shot narrow detail-pane 80 24
tmux send-keys -t narrow q
sleep 0.5

# 120x40: everything on the machine, with the traffic columns a wide terminal has room for.
start wide 120 40
sleep 3
shot wide main-wide 120 40
tmux send-keys -t wide q
sleep 0.5
