#!/usr/bin/env bash
# Launch, type the listener's port, K, confirm with y: the listener is gone and the status line says so.
source "$(dirname "$0")/lib.sh"

start_listener
start_tuiports
tmux send-keys -t "$SESSION" "$LISTENER_PORT"
wait_for_screen "$LISTENER_PID/perl" 10 || fail "the listener is not shown after typing its port"
tmux send-keys -t "$SESSION" K
wait_for_screen "Send SIGTERM to pid $LISTENER_PID (perl)?" 5 || fail "K did not open the confirmation naming the pid"
wait_for_screen "127.0.0.1:$LISTENER_PORT LISTEN" 5 || fail "the dialog does not name the socket"
screen > "$WORK/dialog.txt"
tmux send-keys -t "$SESSION" y
wait_for_screen "pid $LISTENER_PID (perl) exited after SIGTERM" 10 || fail "the status line does not report the exit"
for _ in $(seq 20); do [ -d "/proc/$LISTENER_PID" ] || break; sleep 0.1; done
[ ! -d "/proc/$LISTENER_PID" ] || grep -q '^State:.*Z' "/proc/$LISTENER_PID/status" || fail "the listener $LISTENER_PID is still alive"
wait_for_screen "0 of " 5 || fail "the killed socket did not leave the table"
cat "$WORK/dialog.txt"
tmux send-keys -t "$SESSION" q
wait_for_screen "TUIPORTS_EXIT=0" 10 || fail "q did not exit cleanly"
LISTENER_PID=""
echo "PASS: K + y killed the listener on port $LISTENER_PORT and the status line said so"
