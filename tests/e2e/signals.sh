#!/usr/bin/env bash
# SIGTERM, SIGINT, SIGQUIT and SIGHUP while the UI runs in a real pseudo-terminal: the process goes away and the
# terminal is restored. Closing the pty (the SSH link dropping) makes it exit within about a second.
source "$(dirname "$0")/lib.sh"

for signal in ${SIGNALS:-TERM HUP INT QUIT}; do
  start_tuiports
  pid="$(tuiports_pid)"
  [ -n "$pid" ] || fail "no tuiports pid"
  kill -s "$signal" "$pid"
  wait_for_screen "TUIPORTS_EXIT=" 5 || fail "SIG$signal did not end tuiports"
  expected=$((128 + $(kill -l "$signal")))
  screen | grep -q "TUIPORTS_EXIT=$expected\b" || fail "SIG$signal: exit code is not 128+$(kill -l "$signal") = $expected"
  assert_terminal_restored
  echo "PASS: SIG$signal -> $(screen | grep -o 'TUIPORTS_EXIT=[0-9]*'), terminal restored"
  tmux kill-session -t "$SESSION"
done

# Hang-up: the pty itself goes away.
start_tuiports
pid="$(tuiports_pid)"
tmux kill-session -t "$SESSION"
gone() { [ ! -d "/proc/$pid" ] || grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null; } # a zombie has exited
for i in $(seq 30); do
  gone && break
  sleep 0.1
done
if ! gone; then
  kill -9 "$pid" 2>/dev/null || true
  fail "tuiports (pid $pid) still running 3 s after its pty closed"
fi
echo "PASS: pty closed -> tuiports gone after ~$((i * 100)) ms"
