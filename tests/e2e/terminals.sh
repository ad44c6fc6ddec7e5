#!/usr/bin/env bash
# Terminals that misbehave: TERM=dumb / unset refuse clearly, LANG=C works, rapid resizes (down to 1x1) while
# refreshing never show an exception, and faults injected into a refresh and into a key handler are shown in the
# message line while the UI keeps running.
source "$(dirname "$0")/lib.sh"

for term in dumb ""; do
  out="$(env -u DisableRealDriverIO TERM="$term" script -qec "$TUIPORTS_CMD" /dev/null 2>&1 < /dev/null || true)"
  echo "$out" | grep -q "cannot draw a full-screen UI" || fail "TERM='$term' did not refuse clearly: $out"
done
echo "PASS: TERM=dumb and TERM unset refuse with a clear message"

start_tuiports_with "LANG=C LC_ALL=C TERM=xterm TUIPORTS_TEST_FAULTS=refresh,key" "--interval 0.3"
wait_for_screen "injected fault in scan" 10 || fail "a failing refresh is not shown in the message line"
for size in "20 5" "1 1" "120 40" "40 10" "2 2" "200 60" "80 24" "33 7" "1 1" "80 24"; do
  set -- $size
  tmux resize-window -t "$SESSION" -x "$1" -y "$2"
  sleep 0.15
done
sleep 1
tmux send-keys -t "$SESSION" '!'
wait_for_screen "error: InvalidOperationException: injected fault in a key handler" 5 || fail "a throwing key handler is not reported"
tmux send-keys -t "$SESSION" '>'
wait_for_screen "sort: remote port" 5 || fail "the UI stopped answering keys after the faults"
if screen | grep -q "Unhandled"; then fail "unhandled exception text on screen"; fi
tmux send-keys -t "$SESSION" q
wait_for_screen "TUIPORTS_EXIT=0" 10 || fail "q did not exit cleanly after the faults"
assert_terminal_restored
echo "PASS: LANG=C, ten rapid resizes down to 1x1, an injected refresh fault and a throwing key handler: still running, clean exit"

# Ctrl+Z / fg: a job-control shell in the pane, as over SSH.
tmux kill-server 2>/dev/null || true
for _ in $(seq 20); do tmux list-sessions >/dev/null 2>&1 || break; sleep 0.1; done
sleep 0.3
tmux new-session -d -s "$SESSION" -x 80 -y 24 "env -u DisableRealDriverIO TERM=xterm-256color bash --norc -i"
sleep 0.5
tmux send-keys -t "$SESSION" "$TUIPORTS_CMD" Enter
wait_for_screen " socket" 20 || fail "no first frame in the job-control shell"
tmux send-keys -t "$SESSION" C-z
wait_for_screen "Stopped" 5 || fail "Ctrl+Z did not suspend tuiports"
[ "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = "0" ] || fail "alternate screen still on while suspended"
tmux send-keys -t "$SESSION" "fg" Enter
sleep 1
[ "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = "1" ] || fail "fg did not return to the full-screen UI"
wait_for_screen " of " 5 || fail "fg did not redraw the UI"
tmux send-keys -t "$SESSION" q
for _ in $(seq 100); do [ "$(tmux display -p -t "$SESSION" '#{pane_current_command}')" = "bash" ] && break; sleep 0.1; done
tmux send-keys -t "$SESSION" 'echo "RESUMED_EXIT=$?"; stty -a | grep -o -- "-\?icanon" | head -1' Enter
wait_for_screen "RESUMED_EXIT=" 5 || fail "the shell did not come back after q"
screen | grep -q "RESUMED_EXIT=0" || fail "q after fg did not exit cleanly: $(screen | grep RESUMED_EXIT); pane command: $(tmux display -p -t "$SESSION" '#{pane_current_command}')"
screen | grep -qx "icanon" || fail "canonical mode not restored after suspend/resume"
echo "PASS: Ctrl+Z gave the shell a normal terminal, fg redrew the UI, q exited 0"
