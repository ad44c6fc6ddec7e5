#!/usr/bin/env bash
# A fleet view you can trust, through real OpenSSH (two sshd "hosts" on loopback, see ssh-hosts.sh): a remote stream
# that freezes (SIGSTOP) is marked stale within 6 s and is live again after SIGCONT; a dead link (its sshd session
# stopped) is stale within 6 s and reconnects after ssh's keep-alive gives up; H lists the hosts; kill -9 of
# the view leaves no ssh client and no remote stream after 5 s; and --once over 10 hosts runs its ten ssh clients at once.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/ssh-hosts.sh"

start_listener
A_PORT="$LISTENER_PORT"
start_ssh_hosts "$A_PORT" "$A_PORT"

# running PID: the process exists and is not a zombie.
running() { [ -d "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }

# stream_pid SSHD_PIDFILE: the remote tuiports --stream under that sshd.
stream_pid() {
  local p
  for p in $(descendants "$(cat "$1")"); do
    tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q -- "--stream" && { echo "$p"; return 0; }
  done
  return 1
}

start_tuiports_with "TERM=xterm-256color" "--ssh hosta,hostb --ssh-config $SSH_CONFIG --remote-command $REMOTE_CMD"
pid="$(tuiports_pid)"
[ -n "$pid" ] || fail "no tuiports pid"
wait_for_screen "2 hosts, 2 sockets  " 30 || fail "the view did not come up with both hosts live"

# Freeze hostb's remote stream: stale within 6 s, its row kept and dimmed, hosta still live.
frozen="$(stream_pid "$WORK/sshd_b.pid")" || fail "no remote tuiports --stream under hostb's sshd"
kill -STOP "$frozen"
stopped_at=$SECONDS
wait_for_screen "hostb: no answer for" 8 || fail "a frozen stream was not marked stale"
took=$((SECONDS - stopped_at))
[ "$took" -le 6 ] || fail "the frozen stream took ${took} s to be marked stale (at most 6)"
screen | grep -qF "2 hosts (1 stale), 2 sockets" || fail "the summary does not count the stale host"
screen | grep -E "hostb: no answer for [0-9]+ s \(last data [0-9:]{8}\)" || fail "the stale line does not say since when"
echo "frozen stream marked stale after ~${took} s"

# H: every host with its state, last data time, lag and bytes/s.
tmux send-keys -t "$SESSION" H
wait_for_screen "LAST DATA" 5 || fail "H did not show the hosts list"
screen | grep -E "hosta +live +[0-9:]{8} +" || fail "H does not list hosta as live"
screen | grep -E "hostb +stale " || fail "H does not list hostb as stale"
tmux send-keys -t "$SESSION" Enter
sleep 0.5

kill -CONT "$frozen"
wait_for_screen "2 hosts, 2 sockets  " 6 || fail "hostb was not live again after SIGCONT"
echo "live again after SIGCONT"

# A dead link: hostb's sshd session stops answering (SIGSTOP of its session processes; the TCP connection stays up,
# so only ssh's keep-alive can tell). Not live within 6 s: stale, or unreachable when ssh gives up first
# (ServerAliveInterval 2 x CountMax 2 counts from the last packet, the stale mark from the last line); a new session
# makes hostb live again; the stopped session is let go at the end.
session_pids="$(for p in $(descendants "$(cat "$WORK/sshd_b.pid")"); do
  if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q '^sshd'; then echo "$p"; fi; done | xargs)"
[ -n "$session_pids" ] || fail "no sshd session of hostb to stop"
ssh_b="$(pgrep -P "$pid" -f -- "hostb -- " | head -1 || true)"
[ -n "$ssh_b" ] || fail "no ssh client of hostb"
kill -STOP $session_pids
cut_at=$SECONDS
# Not live within 6 s: stale (no line for 2.5 heartbeats), or unreachable when ssh's keep-alive gave up first.
shown=""
for _ in $(seq 80); do
  if screen | grep -qF "hostb: no answer for"; then shown="stale"; break; fi
  if screen | grep -qF "2 hosts (1 unreachable)"; then shown="unreachable"; break; fi
  sleep 0.1
done
[ -n "$shown" ] || fail "a dead link was not marked stale or unreachable within 8 s"
stale_after=$((SECONDS - cut_at))
[ "$stale_after" -le 6 ] || fail "the dead link took ${stale_after} s to be marked ${shown} (at most 6)"
for _ in $(seq 100); do running "$ssh_b" || break; sleep 0.1; done
! running "$ssh_b" || fail "ssh did not give up on the dead link within 10 s of its being stale"
gone_after=$((SECONDS - cut_at))
wait_for_screen "2 hosts, 2 sockets  " 10 || fail "hostb was not live again over a new session"
back_after=$((SECONDS - cut_at))
kill -CONT $session_pids 2>/dev/null || true
for _ in $(seq 50); do left=""; for p in $session_pids; do running "$p" && left="$left $p"; done; [ -z "$left" ] && break; sleep 0.1; done
[ -z "$left" ] || fail "the dead link's session did not end within 5 s of its sshd going on:$left"
echo "dead link: ${shown} after ~${stale_after} s, ssh gave up after ~${gone_after} s, live again after ~${back_after} s"

# kill -9 of the view (an OOM kill): nothing of it may stay, here or on the hosts, after 5 s.
ssh_pids="$(pgrep -P "$pid" -x ssh | xargs)"
remote_pids="$(for f in "$WORK"/sshd_a.pid "$WORK"/sshd_b.pid; do descendants "$(cat "$f")"; done | xargs)"
[ -n "$ssh_pids" ] && [ -n "$remote_pids" ] || fail "no ssh clients or remote sessions to watch"
kill -9 "$pid"
killed_at=$SECONDS
left=""
for _ in $(seq 50); do
  left=""
  for p in $ssh_pids $remote_pids; do
    if [ -d "/proc/$p" ] && ! grep -q '^State:.*Z' "/proc/$p/status" 2>/dev/null; then left="$left $p"; fi
  done
  [ -z "$left" ] && break
  sleep 0.1
done
[ -z "$left" ] || fail "5 s after kill -9 of the view, still running:$(for p in $left; do echo; tr '\0' ' ' < "/proc/$p/cmdline"; done)"
echo "kill -9: no ssh ($ssh_pids) and no remote stream ($remote_pids) left after $((SECONDS - killed_at)) s or less"

# --once over 10 hosts (ten aliases of the two sshd instances) against one host: asked at once, not one by one.
for i in $(seq 1 10); do
  if [ $((i % 2)) -eq 0 ]; then port="$SSHD_PORT_B"; else port="$SSHD_PORT_A"; fi
  printf 'Host h%s\n  HostName 127.0.0.1\n  Port %s\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n\n' \
    "$i" "$port" "$WORK/ssh/client_key" >> "$SSH_CONFIG"
done
once_ms() {
  local start end
  start=$(date +%s%N)
  $TUIPORTS_CMD --once --json --ssh "$1" --ssh-config "$SSH_CONFIG" --remote-command "$REMOTE_CMD" > "$WORK/once.json" || fail "--once --ssh $1 failed"
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
one="$(once_ms h1)"
# Ten at once: the view runs all ten ssh clients at the same time (counted while it runs). Not a wall-clock bound: with
# many sockets on this machine the ten remote scans share its two cores, and ten logins at once take their time.
start=$(date +%s%N)
$TUIPORTS_CMD --once --json --ssh h1,h2,h3,h4,h5,h6,h7,h8,h9,h10 --ssh-config "$SSH_CONFIG" --remote-command "$REMOTE_CMD" > "$WORK/once.json" &
once_pid=$!
most=0
while running "$once_pid"; do
  n="$(pgrep -c -x -P "$once_pid" ssh || true)"
  [ "$n" -gt "$most" ] && most="$n"
  sleep 0.05
done
wait "$once_pid" || fail "--once --ssh over 10 hosts failed"
ten=$((($(date +%s%N) - start) / 1000000))
[ "$(grep -o '"host":"h[0-9]*","snapshot"' "$WORK/once.json" | wc -l)" -eq 10 ] || fail "--once over 10 hosts did not answer for all ten: $(head -c 600 "$WORK/once.json")"
echo "--once --json --ssh: 1 host ${one} ms, 10 hosts ${ten} ms, ${most} ssh clients at once (every remote tuiports runs on this machine's cores)"
[ "$most" -eq 10 ] || fail "--once over 10 hosts: at most ${most} ssh clients ran at once, not all ten"

# q with ten hosts and an unreachable one: how long until the view is gone.
tmux kill-session -t "$SESSION"
start_tuiports_with "TERM=xterm-256color" "--ssh h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,hostc --ssh-config $SSH_CONFIG --remote-command $REMOTE_CMD"
wait_for_screen "11 hosts (1 unreachable), 10 sockets" 40 || fail "the view of 11 hosts did not come up"
start=$(date +%s%N)
tmux send-keys -t "$SESSION" q
for _ in $(seq 500); do screen | grep -qF "TUIPORTS_EXIT=0" && break; sleep 0.01; done
quit_ms=$((($(date +%s%N) - start) / 1000000))
screen | grep -qF "TUIPORTS_EXIT=0" || fail "q did not end the view of 11 hosts"
echo "q with 11 hosts: gone after ${quit_ms} ms (as seen through tmux polling)"
[ "$quit_ms" -lt 2000 ] || fail "q took ${quit_ms} ms with 11 hosts"

echo "PASS: frozen host stale within 6 s and live again, dead link ${shown} after ${stale_after} s, H lists the hosts, kill -9 left nothing, --once 10 hosts ${ten} ms vs 1 host ${one} ms, q ${quit_ms} ms"
