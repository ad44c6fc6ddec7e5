#!/usr/bin/env bash
# Several hosts in one view, through real OpenSSH: two sshd "hosts" on loopback (hosta, hostb) with a listener each,
# and hostc unreachable. Both rows show, a filter narrows them, K on hostb's row kills B's listener only, hostc's
# failure is reported while the others stay live, and q leaves no ssh child and no remote tuiports running.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/ssh-hosts.sh"

start_listener
A_PORT="$LISTENER_PORT" A_PID="$LISTENER_PID"
perl -MIO::Socket::INET -e '$|=1; my $s = IO::Socket::INET->new(Listen => 5, LocalAddr => "127.0.0.1", LocalPort => 0, Proto => "tcp") or die $!; print $s->sockport, "\n"; sleep 120;' > "$WORK/listener_b.out" &
B_PID=$!
disown "$B_PID"
echo "$B_PID" > "$WORK/listener_b.pid"
for _ in $(seq 50); do [ -s "$WORK/listener_b.out" ] && break; sleep 0.1; done
B_PORT="$(head -1 "$WORK/listener_b.out")"
[ -n "$B_PORT" ] || fail "listener B did not start"

start_ssh_hosts "$A_PORT" "$B_PORT"
start_tuiports_with "TERM=xterm-256color" "--ssh hosta,hostb --ssh hostc --ssh-config $SSH_CONFIG --remote-command $REMOTE_CMD"
pid="$(tuiports_pid)"
[ -n "$pid" ] || fail "no tuiports pid"

wait_for_screen "3 hosts (1 unreachable), 2 sockets" 30 || fail "the summary does not count 3 hosts, 1 unreachable, 2 sockets"
wait_for_screen "hostc: ssh: connect to host 127.0.0.1 port $CLOSED_PORT: Connection refused" 5 || fail "hostc's failure is not reported"
screen | grep -qE "^. +hosta +tcp +127\.0\.0\.1:$A_PORT .*$A_PID/perl" || fail "hosta's row (listener A) is not shown"
screen | grep -qE "^. +hostb +tcp +127\.0\.0\.1:$B_PORT .*$B_PID/perl" || fail "hostb's row (listener B) is not shown"
screen > "$WORK/three-hosts.txt"

# The ssh children and the remote tuiports processes behind them, by pid, before quitting.
SSH_PIDS="$(pgrep -P "$pid" -x ssh | xargs)"
[ "$(echo "$SSH_PIDS" | wc -w)" -ge 2 ] || fail "expected an ssh child per reachable host, found: '$SSH_PIDS'"
REMOTE_PIDS="$(for f in "$WORK"/sshd_a.pid "$WORK"/sshd_b.pid; do descendants "$(cat "$f")"; done | xargs)"
[ -n "$REMOTE_PIDS" ] || fail "no remote session found under the test sshd instances"

# A port filter narrows both hosts' rows; a text filter matches host names.
tmux send-keys -t "$SESSION" "$B_PORT"
wait_for_screen "2 sockets, 1 shown" 5 || fail "typing B's port did not narrow the table to one row"
screen | grep -qE "^. +hostb +tcp +127\.0\.0\.1:$B_PORT" || fail "the filtered table does not show hostb's row"
screen | grep -q "127.0.0.1:$A_PORT" && fail "the filtered table still shows listener A"
tmux send-keys -t "$SESSION" Escape
wait_for_screen "3 hosts (1 unreachable), 2 sockets  " 5 || fail "Esc did not clear the filter"
sleep 0.5 # a key right after Esc would read as Alt+key
tmux send-keys -t "$SESSION" / h o s t a Enter
wait_for_screen "2 sockets, 1 shown" 5 || fail "the text filter 'hosta' did not narrow to hosta's row"
screen | grep -qE "^. +hosta +tcp +127\.0\.0\.1:$A_PORT" || fail "the text filter did not keep hosta's row"
tmux send-keys -t "$SESSION" Escape   # back to the table (the text stays applied)
sleep 0.5
tmux send-keys -t "$SESSION" Escape   # clear it
wait_for_screen "3 hosts (1 unreachable), 2 sockets  " 5 || fail "Esc did not clear the text filter"
sleep 0.5 # a key right after Esc would read as Alt+key

# K on hostb's row: the same dialog, then hostb's own tuiports kills listener B (pinned by pid and start time).
tmux send-keys -t "$SESSION" "$B_PORT"
wait_for_screen "2 sockets, 1 shown" 5 || fail "could not select hostb's row"
tmux send-keys -t "$SESSION" K
wait_for_screen "Send SIGTERM to pid $B_PID (perl) on hostb?" 5 || fail "K did not ask about pid $B_PID on hostb"
tmux send-keys -t "$SESSION" y
wait_for_screen "hostb: port $B_PORT: freed; pid $B_PID (perl) exited after SIGTERM" 30 || fail "the status line does not report hostb's kill"
for _ in $(seq 20); do [ -d "/proc/$B_PID" ] || break; sleep 0.1; done
[ ! -d "/proc/$B_PID" ] || grep -q '^State:.*Z' "/proc/$B_PID/status" || fail "listener B ($B_PID) is still alive"
[ -d "/proc/$A_PID" ] || fail "listener A ($A_PID) was killed too"
sleep 0.5
tmux send-keys -t "$SESSION" Escape
wait_for_screen "3 hosts (1 unreachable), 1 socket  " 10 || fail "B's socket did not leave the table while hosta stayed live"
screen | grep -qE "^. +hosta +tcp +127\.0\.0\.1:$A_PORT" || fail "hosta's row is gone"

# A dropped session (hostb's sshd session process killed) is reported, then reconnected, while hosta stays live.
session_b="$(pgrep -P "$(cat "$WORK/sshd_b.pid")" | head -1)"
[ -n "$session_b" ] || fail "no sshd session for hostb"
kill -TERM "$session_b"
wait_for_screen "hostb: Connection to 127.0.0.1 closed by remote host; retrying in" 10 || fail "the dropped session of hostb is not reported"
screen | grep -F "hostb: Connection" | head -1
wait_for_screen "3 hosts (1 unreachable), 1 socket  " 15 || fail "hostb did not reconnect"
screen | grep -qE "^. +hosta +tcp +127\.0\.0\.1:$A_PORT" || fail "hosta's row went away while hostb reconnected"
SSH_PIDS="$(pgrep -P "$pid" -x ssh | xargs)"
REMOTE_PIDS="$(for f in "$WORK"/sshd_a.pid "$WORK"/sshd_b.pid; do descendants "$(cat "$f")"; done | xargs)"

# q ends every ssh child, and with them the remote tuiports processes; so do Ctrl+C and SIGHUP.
# assert_nothing_left PIDS...: none of them runs any more, and nothing runs under the test sshd daemons.
assert_nothing_left() {
  local left="" p
  for _ in $(seq 50); do
    left=""
    for p in "$@"; do
      if [ -d "/proc/$p" ] && ! grep -q '^State:.*Z' "/proc/$p/status" 2>/dev/null; then left="$left $p"; fi
    done
    [ -z "$left" ] && break
    sleep 0.1
  done
  [ -z "$left" ] || fail "still running after $HOW:$(for p in $left; do echo; tr '\0' ' ' < "/proc/$p/cmdline"; done)"
  for f in "$WORK"/sshd_a.pid "$WORK"/sshd_b.pid; do
    [ -z "$(descendants "$(cat "$f")")" ] || fail "a remote session is still running under sshd $(cat "$f") after $HOW"
  done
}

HOW=q
tmux send-keys -t "$SESSION" q
wait_for_screen "TUIPORTS_EXIT=0" 10 || fail "q did not exit cleanly"
assert_terminal_restored
assert_nothing_left $SSH_PIDS $REMOTE_PIDS
echo "q: no ssh ($SSH_PIDS) and no remote tuiports ($REMOTE_PIDS) left"

for HOW in Ctrl+C SIGHUP; do
  tmux kill-session -t "$SESSION"
  start_tuiports_with "TERM=xterm-256color" "--ssh hosta,hostb,hostc --ssh-config $SSH_CONFIG --remote-command $REMOTE_CMD"
  wait_for_screen "3 hosts (1 unreachable), 1 socket" 30 || fail "the second run did not come up with both hosts"
  pid="$(tuiports_pid)"
  ssh_pids="$(pgrep -P "$pid" -x ssh | xargs)"
  remote_pids="$(for f in "$WORK"/sshd_a.pid "$WORK"/sshd_b.pid; do descendants "$(cat "$f")"; done | xargs)"
  [ -n "$ssh_pids" ] && [ -n "$remote_pids" ] || fail "no ssh children or remote sessions to check before $HOW"
  if [ "$HOW" = Ctrl+C ]; then tmux send-keys -t "$SESSION" C-c; else kill -HUP "$pid"; fi
  wait_for_screen "TUIPORTS_EXIT=" 10 || fail "$HOW did not end tuiports"
  assert_nothing_left $ssh_pids $remote_pids
  echo "$HOW: no ssh ($ssh_pids) and no remote tuiports ($remote_pids) left"
done

LISTENER_PID="$A_PID"
cat "$WORK/three-hosts.txt"
echo "PASS: hosta and hostb in one table, filters, K on hostb killed B only, hostc reported; q, Ctrl+C and SIGHUP left no ssh and no remote tuiports"
