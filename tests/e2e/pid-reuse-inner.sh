#!/usr/bin/env bash
# Runs as pid 1 of a fresh PID namespace (see pid-reuse.sh).
set -euo pipefail
WORK="$1"
fail() { echo "FAIL: $*" >&2; echo "--- tuiports output ---" >&2; cat "$WORK/kill.out" >&2 2>/dev/null || true; exit 1; }

# 1. The target: a listener on a loopback port.
perl -MIO::Socket::INET -e '$|=1; my $s = IO::Socket::INET->new(Listen => 5, LocalAddr => "127.0.0.1", LocalPort => 0, Proto => "tcp") or die $!; print $s->sockport, "\n"; sleep 60;' > "$WORK/target.out" &
TARGET=$!
for _ in $(seq 50); do [ -s "$WORK/target.out" ] && break; sleep 0.1; done
PORT="$(head -1 "$WORK/target.out")"
[ -n "$PORT" ] || fail "the target listener did not start"

# 2. tuiports kill pins the target and waits for our answer on a fifo.
mkfifo "$WORK/answer"
$TUIPORTS_CMD kill "$PORT" --timeout 1 < "$WORK/answer" > "$WORK/kill.out" 2>&1 &
KILLER=$!
exec 3> "$WORK/answer"
for _ in $(seq 300); do grep -q '\[y/N\]' "$WORK/kill.out" 2>/dev/null && break; sleep 0.1; done
grep -q '\[y/N\]' "$WORK/kill.out" || fail "tuiports did not ask for confirmation"
grep -q "pid $TARGET (perl" "$WORK/kill.out" || fail "the prompt is not about pid $TARGET"

# 3. Meanwhile the target exits and a new process is given its pid.
kill -9 "$TARGET"
wait "$TARGET" 2>/dev/null || true
REUSER=""
for attempt in $(seq 10); do
  echo $((TARGET - 1)) > /proc/sys/kernel/ns_last_pid
  perl -e '$SIG{TERM} = sub { open my $f, ">", $ARGV[0]; close $f; exit 0 }; sleep 60' "$WORK/reuser-got-sigterm" &
  REUSER=$!
  [ "$REUSER" = "$TARGET" ] && break
  kill -9 "$REUSER"; wait "$REUSER" 2>/dev/null || true
done
[ "$REUSER" = "$TARGET" ] || fail "could not force pid $TARGET to be reused (got $REUSER)"
sleep 0.3

# 4. Confirm. The pidfd points at the dead target: nothing may reach the new process.
echo y >&3
exec 3>&-
set +e; wait "$KILLER"; rc=$?; set -e
sleep 0.5
cat "$WORK/kill.out"
# the port is free (its holder is gone), so exit 0 is right; what matters is that nothing reached the new process
grep -q "already exited" "$WORK/kill.out" || fail "tuiports did not say the target had already exited"
[ ! -e "$WORK/reuser-got-sigterm" ] || fail "the process that reused pid $TARGET received SIGTERM"
kill -0 "$REUSER" 2>/dev/null || fail "the process that reused pid $TARGET is gone"
kill -9 "$REUSER"
echo "PASS: pid $TARGET was reused by a new process while the kill was being confirmed; nothing was sent to it (exit $rc)"
