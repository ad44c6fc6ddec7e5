#!/usr/bin/env bash
# A person's first minute: launch, type the listener's port, read its holder and fds, quit with q.
source "$(dirname "$0")/lib.sh"

start_listener
start_tuiports
tmux send-keys -t "$SESSION" "$LISTENER_PORT"
wait_for_screen "127.0.0.1:$LISTENER_PORT" 10 || fail "the filtered table does not show port $LISTENER_PORT"
wait_for_screen "$LISTENER_PID/perl" 5 || fail "the holder $LISTENER_PID/perl is not shown"
wait_for_screen "Filter: $LISTENER_PORT" 5 || fail "the filter field does not show the typed port"
# "1 of N", or more when a busy machine has another socket on the same port number (another 127.x address, ::1)
for _ in $(seq 25); do screen | sed -n 1p | grep -qE '^[0-9]+ of [0-9,]+ sockets' && break; sleep 0.2; done
screen | sed -n 1p | grep -qE '^[0-9]+ of [0-9,]+ sockets' || fail "the count does not say M of N sockets"
wait_for_screen "pid $LISTENER_PID  perl" 5 || fail "the detail pane does not show the holder"
wait_for_screen "<- this socket" 5 || fail "the detail pane does not list the fds with the socket marked"
screen > "$WORK/filtered.txt"
tmux send-keys -t "$SESSION" q
wait_for_screen "TUIPORTS_EXIT=0" 10 || fail "q did not exit cleanly with code 0"
assert_terminal_restored
if grep -qiE 'exception|unhandled' <(screen); then fail "exception text on screen"; fi
cat "$WORK/filtered.txt"
echo "PASS: filter, detail pane and q on port $LISTENER_PORT (pid $LISTENER_PID)"
