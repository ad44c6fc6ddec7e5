#!/usr/bin/env bash
# Real daemons stopped the way their own tools stop them, as an operator would:
# 1. a real PostgreSQL with an idle psql connected: `tuiports kill PORT --yes` with defaults names the client, sends
#    SIGINT (pg_ctl stop's fast shutdown), frees the port with exit 0 and no SIGKILL; the next start needs no recovery.
# 2. a program under a real supervisord (autorestart): K in the UI names supervisord before anything is sent, and the
#    report is "taken again ... restarted by pid M (supervisord)", never "freed"; the CLI says the same, exit 1.
source "$(dirname "$0")/lib.sh"
PGDIR=""
SUPD_PID=""
finish() {
  if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
  if [ -n "$SUPD_PID" ]; then kill -TERM "$SUPD_PID" 2>/dev/null || true; for _ in $(seq 30); do kill -0 "$SUPD_PID" 2>/dev/null || break; sleep 0.1; done; fi
  [ -n "$PGDIR" ] && rm -rf "$PGDIR"
  cleanup
}
trap finish EXIT

free_port() {
  local port
  for _ in $(seq 20); do
    port="$(perl -MIO::Socket::INET -e 'my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1", LocalPort => 0) or die $!; print $s->sockport')"
    cat /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6 2>/dev/null | grep -qi ":$(printf '%04X' "$port") " || break
  done
  echo "$port"
}
listening() { grep -q ":$(printf '%04X' "$1") 00000000:0000 0A" /proc/net/tcp; }
wait_listening() { for _ in $(seq 100); do listening "$1" && return 0; sleep 0.1; done; return 1; }

# ---- 1. PostgreSQL with an idle client ----
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$PGBIN/postgres" ] || fail "PostgreSQL is not installed (run .ci/run, or apt-get install postgresql)"
id postgres >/dev/null 2>&1 || fail "no postgres user (apt-get install postgresql creates it)"
PGDIR="$(mktemp -d /tmp/tuiports-pg.XXXXXX)"
chown postgres "$PGDIR"
PGPORT="$(free_port)"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -A trust >/dev/null || fail "initdb failed"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=10 -c shared_buffers=8MB" start >/dev/null || fail "PostgreSQL did not start: $(cat "$PGDIR/log")"
POSTMASTER="$(head -1 "$PGDIR/data/postmaster.pid")"
# an idle psql session: connected, waiting for input that never comes
(sleep 120 | runuser -u postgres -- psql -h 127.0.0.1 -p "$PGPORT" -d postgres -q) &
echo $! > "$WORK/psql.pid"
for _ in $(seq 100); do [ "$(grep -ci ":$(printf '%04X' "$PGPORT") 01 " /proc/net/tcp)" -ge 1 ] 2>/dev/null && break; sleep 0.1; done
PSQL_PID="$(pgrep -n -x psql || true)"
[ -n "$PSQL_PID" ] || fail "psql did not connect"

set +e
$TUIPORTS_CMD kill "$PGPORT" --yes > "$WORK/pg-kill.out" 2>&1
code=$?
set -e
cat "$WORK/pg-kill.out"
[ "$code" -eq 0 ] || fail "kill $PGPORT exited $code"
grep -qF "SIGINT for postgres: fast shutdown" "$WORK/pg-kill.out" || fail "the plan does not choose PostgreSQL's fast shutdown"
grep -qF "pid $PSQL_PID (psql)" "$WORK/pg-kill.out" || fail "the plan does not name the idle psql client"
grep -qF "port $PGPORT: freed" "$WORK/pg-kill.out" || fail "the port is not reported freed"
grep -qF "pid $POSTMASTER (postgres) exited after SIGINT" "$WORK/pg-kill.out" || fail "the postmaster's exit is not reported"
grep -q SIGKILL "$WORK/pg-kill.out" && fail "SIGKILL was mentioned for a clean shutdown"
listening "$PGPORT" && fail "PostgreSQL still listens on $PGPORT"
[ -f "$PGDIR/data/postmaster.pid" ] && fail "postmaster.pid was left behind (not a clean shutdown)"
: > "$PGDIR/log"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=10 -c shared_buffers=8MB" start >/dev/null || fail "PostgreSQL did not start again"
grep -qE "not properly shut down|automatic recovery" "$PGDIR/log" && fail "the next start needed crash recovery: $(cat "$PGDIR/log")"
grep -q "database system was shut down at" "$PGDIR/log" || fail "the next start does not report a clean shutdown: $(cat "$PGDIR/log")"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null
echo "PASS: PostgreSQL on $PGPORT stopped with SIGINT (fast shutdown), client named, port freed, clean restart"

# ---- 2. a program under supervisord ----
command -v supervisord >/dev/null || fail "supervisord is not installed (run .ci/run, or apt-get install supervisor)"
SUPPORT="$(free_port)"
mkdir -p "$WORK/sup"
cat > "$WORK/sup/supervisord.conf" <<CONF
[unix_http_server]
file=$WORK/sup/supervisor.sock
[supervisord]
nodaemon=true
logfile=$WORK/sup/supervisord.log
pidfile=$WORK/sup/supervisord.pid
childlogdir=$WORK/sup
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=unix://$WORK/sup/supervisor.sock
[program:cache]
command=perl -MIO::Socket::INET -e 'my \$s = IO::Socket::INET->new(Listen => 5, LocalAddr => "127.0.0.1", LocalPort => $SUPPORT, ReuseAddr => 1) or die; sleep 120'
autorestart=true
startsecs=0
CONF
supervisord -c "$WORK/sup/supervisord.conf" &
SUPD_PID=$!
wait_listening "$SUPPORT" || fail "supervisord's program did not listen on $SUPPORT"

start_tuiports
tmux send-keys -t "$SESSION" "$SUPPORT"
wait_for_screen "LISTEN  listener" 15 || fail "the supervised listener is not highlighted"
tmux send-keys -t "$SESSION" K
wait_for_screen "supervisord (pid $SUPD_PID) will start it" 15 || fail "the dialog does not name supervisord before sending"
screen > "$WORK/sup-dialog.txt"
tmux send-keys -t "$SESSION" y
wait_for_screen "restarted by pid $SUPD_PID (supervisord)" 20 || fail "the report does not name supervisord as the restarter"
screen | grep -qF "port $SUPPORT: freed" && fail "the UI said freed while supervisord restarted it"
cat "$WORK/sup-dialog.txt"
wait_listening "$SUPPORT" || fail "supervisord did not restart its program"

set +e
$TUIPORTS_CMD kill "$SUPPORT" --yes --timeout 3 > "$WORK/sup-kill.out" 2>&1
code=$?
set -e
cat "$WORK/sup-kill.out"
[ "$code" -eq 1 ] || fail "kill under supervisord exited $code, not 1"
grep -qE "port $SUPPORT: taken again by pid [0-9]+, restarted by pid $SUPD_PID \(supervisord\): run \`supervisorctl stop cache\`" "$WORK/sup-kill.out" \
  || fail "the CLI does not name supervisord and its stop command"
grep -qF "freed" "$WORK/sup-kill.out" && fail "the CLI said freed"
echo "PASS: supervisord (pid $SUPD_PID) named before and after; never freed; supervisorctl stop cache suggested"
