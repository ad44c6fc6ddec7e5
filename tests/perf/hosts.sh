#!/usr/bin/env bash
# The several-host view's costs on this machine, measured:
#   1. `tuiports --stream --interval 1` under connection churn: the first line's size, then bytes per second (and what
#      gzip -6 makes of the same bytes: roughly what ssh's Compression=yes would send);
#   2. the local UI at the default 1 s refresh in tmux over 1 and then 2 hosts (two sshd on loopback, every socket of
#      this machine streamed by each, no filter): CPU of the local tuiports process, of its ssh children and of the
#      remote `tuiports --stream` processes.
# Usage: tests/perf/hosts.sh [SOCKETS] [PROCS] [CHURN] [SECONDS]   (default 10000 10 50 60)
# SOCKETS=0 starts no workload (measure whatever the machine holds). Needs the native binary (artifacts/native/tuiports,
# built if missing), gcc, tmux, OpenSSH (client and server) and root (sshd). Everything it starts is stopped by pid.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SOCKETS="${1:-10000}" PROCS="${2:-10}" CHURN="${3:-50}" DURATION="${4:-60}"
NATIVE="$REPO/artifacts/native/tuiports"
[ -x "$NATIVE" ] || dotnet publish "$REPO/src/TuiPorts" -c Release -r linux-x64 -p:PublishAot=true -o "$REPO/artifacts/native"
export TUIPORTS_CMD="$NATIVE"
source "$REPO/tests/e2e/lib.sh"
source "$REPO/tests/e2e/ssh-hosts.sh"
HZ="$(getconf CLK_TCK)"

cpu_ticks() { awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$1/stat" 2>/dev/null || echo 0; }
sum_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(cpu_ticks "$p"))); done; echo "$t"; }
# Bytes the ssh clients received from sshd on PORT so far (the compressed, encrypted wire), from the kernel's TCP info.
wire_bytes() { ss -tinH state established "( dport = :$1 )" | grep -o 'bytes_received:[0-9]*' | cut -d: -f2 | awk '{ t += $1 } END { print t + 0 }'; }
percent() { awk -v t="$1" -v hz="$HZ" -v s="$2" 'BEGIN { printf "%.1f", 100 * t / hz / s }'; }

if [ "$SOCKETS" -gt 0 ]; then
  "$REPO/tests/workload/build.sh" "$WORK/workload"
  "$WORK/workload" -n "$SOCKETS" -p "$PROCS" -c "$CHURN" -t $((DURATION * 4 + 120)) -q > "$WORK/workload.out" &
  echo $! > "$WORK/workload.pid"
  until grep -q '^ready' "$WORK/workload.out" 2>/dev/null; do sleep 0.1; done
  sed -n 's/^ready /workload: /p' "$WORK/workload.out"
fi

# 1. The stream's bytes per second.
"$NATIVE" --stream --interval 1 > "$WORK/stream.ndjson" &
STREAM_PID=$!
echo "$STREAM_PID" > "$WORK/stream.pid"
sleep 5
start_ticks="$(cpu_ticks "$STREAM_PID")"
start_bytes="$(stat -c %s "$WORK/stream.ndjson")"
sleep "$DURATION"
end_bytes="$(stat -c %s "$WORK/stream.ndjson")"
stream_cpu="$(percent $(($(cpu_ticks "$STREAM_PID") - start_ticks)) "$DURATION")"
kill "$STREAM_PID"
first_bytes="$(head -1 "$WORK/stream.ndjson" | wc -c)"
sockets="$(head -1 "$WORK/stream.ndjson" | grep -o '"inode":' | wc -l)"
tail -c +"$((start_bytes + 1))" "$WORK/stream.ndjson" | head -c "$((end_bytes - start_bytes))" > "$WORK/steady.ndjson"
lines="$(wc -l < "$WORK/steady.ndjson")"
gzip_bytes="$(gzip -6 -c "$WORK/steady.ndjson" | wc -c)"
echo "stream: $sockets sockets; first line $first_bytes bytes ($(gzip -6 -c <(head -1 "$WORK/stream.ndjson") | wc -c) gzipped)"
echo "stream: $lines lines in ${DURATION} s, $(((end_bytes - start_bytes) / DURATION)) bytes/s ($((gzip_bytes / DURATION)) bytes/s gzipped); tuiports --stream CPU ${stream_cpu} % of a core"

# 2. The local UI over 1 and 2 hosts.
start_listener
start_ssh_hosts "$LISTENER_PORT" "$LISTENER_PORT"
PLAIN="$WORK/ssh/plain-tuiports"
printf '#!/bin/sh\nexec %s "$@"\n' "$NATIVE" > "$PLAIN"
chmod +x "$PLAIN"
for hosts in hosta hosta,hostb; do
  start_tuiports_with "TERM=xterm-256color" "--ssh $hosts --ssh-config $SSH_CONFIG --remote-command $PLAIN"
  n="$(echo "$hosts" | tr ',' '\n' | wc -l)"
  wait_for_screen "$n host" 30 || fail "the UI did not show $n hosts"
  sleep 10 # every first snapshot has arrived and been merged
  pid="$(tuiports_pid)"
  ssh_pids="$(pgrep -P "$pid" -x ssh | xargs)"
  remote_pids="$(for f in "$WORK"/sshd_a.pid "$WORK"/sshd_b.pid; do descendants "$(cat "$f")"; done | xargs)"
  t0="$(cpu_ticks "$pid")" s0="$(sum_ticks $ssh_pids)" r0="$(sum_ticks $remote_pids)" w0="$(wire_bytes "$SSHD_PORT_A")"
  sleep "$DURATION"
  t1="$(cpu_ticks "$pid")" s1="$(sum_ticks $ssh_pids)" r1="$(sum_ticks $remote_pids)" w1="$(wire_bytes "$SSHD_PORT_A")"
  rss="$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")"
  screen | head -6 > "$WORK/screen-$n.txt"
  echo "UI over $n host(s), 1 s refresh: local tuiports $(percent $((t1 - t0)) "$DURATION") % of a core (RSS $rss MiB); ssh clients $(percent $((s1 - s0)) "$DURATION") %; remote sshd + tuiports --stream $(percent $((r1 - r0)) "$DURATION") %; hosta's ssh wire $(((w1 - w0) / DURATION)) bytes/s"
  sed 's/^/    | /' "$WORK/screen-$n.txt"
  tmux send-keys -t "$SESSION" q
  wait_for_screen "TUIPORTS_EXIT=" 10 || fail "q did not end the UI"
  tmux kill-session -t "$SESSION"
done
