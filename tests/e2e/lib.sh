#!/usr/bin/env bash
# Helpers for the end-to-end tests: drive the real tuiports in tmux at 80x24 the way a person over SSH would.
# TUIPORTS_CMD says how to start it (default: the Debug build via dotnet).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
TUIPORTS_CMD="${TUIPORTS_CMD:-dotnet $REPO/src/TuiPorts/bin/Debug/net10.0/tuiports.dll}"
SESSION="tuiports-e2e-$$"
# A private tmux server: never touches the user's sessions, and its environment is this script's own.
tmux() { command tmux -L "$SESSION" "$@"; }
unset DisableRealDriverIO TMUX
WORK="$(mktemp -d /tmp/tuiports-e2e.XXXXXX)"
LISTENER_PID=""

cleanup() {
  tmux kill-server 2>/dev/null || true
  if [ -n "$LISTENER_PID" ]; then kill -9 "$LISTENER_PID" 2>/dev/null || true; fi
  for pid in $(cat "$WORK"/*.pid 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  echo "---- screen ----" >&2
  tmux capture-pane -p -t "$SESSION" >&2 2>/dev/null || true
  exit 1
}

# A loopback TCP listener owned by perl, alive at most 120 s. Sets LISTENER_PORT and LISTENER_PID.
start_listener() {
  perl -MIO::Socket::INET -e '$|=1; my $s = IO::Socket::INET->new(Listen => 5, LocalAddr => "127.0.0.1", LocalPort => 0, Proto => "tcp") or die $!; print $s->sockport, "\n"; sleep 120;' > "$WORK/listener.out" &
  LISTENER_PID=$!
  disown "$LISTENER_PID"
  echo "$LISTENER_PID" > "$WORK/listener.pid"
  for _ in $(seq 50); do [ -s "$WORK/listener.out" ] && break; sleep 0.1; done
  LISTENER_PORT="$(head -1 "$WORK/listener.out")"
  [ -n "$LISTENER_PORT" ] || fail "listener did not start"
}

# Starts tuiports in a fresh 80x24 tmux session. After it exits the pane prints its exit code and the tty modes.
start_tuiports() {
  start_tuiports_with "TERM=xterm-256color" "${1:-}"
}

# start_tuiports_with "ENV=VALUE ..." "ARGS": the same, with extra environment for tuiports.
start_tuiports_with() {
  local attempt
  for attempt in 1 2 3; do
    # right after kill-session closed the last session, the old tmux server may still be exiting: try again
    tmux new-session -d -s "$SESSION" -x 80 -y 24 \
      "env -u DisableRealDriverIO $1 $TUIPORTS_CMD ${2:-}; echo TUIPORTS_EXIT=\$?; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo TTY_MODES_END; sleep 60" && break
    [ "$attempt" -lt 3 ] || fail "tmux could not start a session"
    sleep 0.3
  done
  wait_for_screen " socket" 20 || fail "tuiports did not draw its first frame" # "1 of 1 socket" or "3 of 9 sockets"
}

# The pane's text, captured whole and then written in one piece. Checks read it with `screen | grep -q ...`: grep -q
# stops at its first match, and under pipefail a tmux client still writing then (killed by SIGPIPE, 141) would fail
# a check that had just passed - rarely, on a loaded machine. A writer that ignores SIGPIPE and whose status is not
# the pipeline's cannot.
screen() {
  local text
  text="$(tmux capture-pane -p -t "$SESSION")" || return 1
  ( trap '' PIPE; printf '%s\n' "$text" ) 2>/dev/null || true
}

# wait_for_screen TEXT SECONDS: until the captured screen contains TEXT (fixed string).
wait_for_screen() {
  local text="$1" seconds="${2:-10}"
  local deadline=$((SECONDS + seconds))
  while [ $SECONDS -lt $deadline ]; do
    screen | grep -qF -- "$text" && return 0
    sleep 0.2
  done
  return 1
}

# The pid of the tuiports process: the child of the pane's shell. (Not awk over /proc/[0-9]*/stat: Debian's mawk
# stops at the first process that exits while it reads, and printed nothing when an ssh client came and went.)
tuiports_pid() {
  local shell_pid
  shell_pid="$(tmux display -p -t "$SESSION" '#{pane_pid}')"
  pgrep -o -P "$shell_pid" || true
}

# After tuiports exited: the terminal must be back to normal (no alternate screen, no mouse reporting, icanon+echo).
assert_terminal_restored() {
  wait_for_screen "TTY_MODES_END" 10 || fail "the pane did not report tty modes after exit"
  [ "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = "0" ] || fail "alternate screen still on"
  [ "$(tmux display -p -t "$SESSION" '#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}')" = "000" ] || fail "mouse reporting still on"
  screen | grep -qE '(^| )icanon echo ' || fail "canonical mode / echo not restored: $(screen | grep TTY_MODES_END)"
}
