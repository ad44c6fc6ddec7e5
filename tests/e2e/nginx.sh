#!/usr/bin/env bash
# A real nginx (master + 2 workers) on a loopback port, with a client connection open, driven as an operator would:
# type its port -> the highlight is on the listener; K -> the dialog speaks of the master and its children; y -> the
# status line says the port is freed. Then again with a fresh nginx: Down to the worker's accepted connection, K ->
# the dialog warns that the parent will start a new worker and offers p; n cancels.
source "$(dirname "$0")/lib.sh"
NGINX_PID=""
# nginx's master stops its workers on SIGTERM; SIGKILL on the master alone would orphan them
stop_nginx() {
  [ -n "$NGINX_PID" ] || return 0
  kill -TERM "$NGINX_PID" 2>/dev/null || true
  for _ in $(seq 30); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
}
trap 'stop_nginx; cleanup' EXIT

NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || fail "nginx is not installed (run .ci/run, or apt-get install nginx)"
# a port no TCP or UDP socket of this machine uses right now (UDP shares port numbers with TCP in the filter)
for _ in $(seq 20); do
  PORT="$(perl -MIO::Socket::INET -e 'my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1", LocalPort => 0) or die $!; print $s->sockport')"
  cat /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6 2>/dev/null | grep -qi ":$(printf '%04X' "$PORT") " || break
done

start_nginx() {
  mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
  cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp;
  fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp;
  scgi_temp_path $WORK/nginx/tmp;
  server { listen 127.0.0.1:$PORT; location / { return 200 "ok\n"; } }
}
CONF
  "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
  NGINX_PID=$!
  echo "$NGINX_PID" > "$WORK/nginx.pid"
  for _ in $(seq 50); do grep -q ":$(printf '%04X' "$PORT") 00000000:0000 0A" /proc/net/tcp && break; sleep 0.1; done
  grep -q ":$(printf '%04X' "$PORT") 00000000:0000 0A" /proc/net/tcp || fail "nginx did not listen on $PORT"
  for _ in $(seq 50); do [ "$(pgrep -c -P "$NGINX_PID")" -ge 2 ] && break; sleep 0.1; done
  pgrep -P "$NGINX_PID" >> "$WORK/nginx-workers.pid" || true
  # a client that keeps one connection open: a worker holds the accepted side
  perl -MIO::Socket::INET -e '$|=1; my $c = IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $ARGV[0]) or die $!; print $c "GET / HTTP/1.1\r\nHost: x\r\n\r\n"; print "connected\n"; sleep 60' "$PORT" > "$WORK/client.out" &
  echo $! > "$WORK/client.pid"
  for _ in $(seq 50); do [ -s "$WORK/client.out" ] && break; sleep 0.1; done
}

port_listening() { grep -q ":$(printf '%04X' "$PORT") 00000000:0000 0A" /proc/net/tcp; }

# 1. type the port: the listener is highlighted; K: master and its children; y: the port is freed
start_nginx
start_tuiports
tmux send-keys -t "$SESSION" "$PORT"
wait_for_screen "$NGINX_PID/nginx" 20 || fail "nginx's listener is not shown after typing its port"
wait_for_screen "LISTEN  listener" 15 || fail "the highlight (detail pane) is not on the listener"
wait_for_screen "pid $NGINX_PID nginx: master" 10 || fail "the visible pane does not name the master's pid"
wait_for_screen "cmd nginx: master process" 10 || fail "the visible pane does not show the master's command"
tmux send-keys -t "$SESSION" K
wait_for_screen "Send SIGTERM to pid $NGINX_PID (nginx: master)?" 15 || fail "K did not ask about the master"
wait_for_screen "and its 2 children hold this socket" 15 || fail "the dialog does not speak of the master's children"
screen > "$WORK/dialog.txt"
tmux send-keys -t "$SESSION" y
wait_for_screen "port $PORT: freed" 15 || fail "the status line does not say the port was freed"
port_listening && fail "port $PORT is still listening"
cat "$WORK/dialog.txt"
screen | grep -F "port $PORT: freed"

# 2. a fresh nginx: Down to the worker's accepted connection; K offers the parent
kill "$(cat "$WORK/client.pid")" 2>/dev/null || true
start_nginx
for _ in $(seq 30); do screen | grep -qF "$NGINX_PID/nginx" && break; sleep 0.2; done
wait_for_screen "$NGINX_PID/nginx" 20 || fail "the new nginx is not shown"
wait_for_screen "ESTAB" 20 || fail "the accepted connection is not shown"
for _ in $(seq 50); do screen | grep -q GONE || break; sleep 0.1; done # the first round's rows have faded out
tmux send-keys -t "$SESSION" Escape
sleep 0.3
tmux send-keys -t "$SESSION" "$PORT"
wait_for_screen "LISTEN  listener" 15 || fail "retyping the port did not put the highlight on the listener"
tmux send-keys -t "$SESSION" Down
wait_for_screen "ESTABLISHED  accepted" 15 || { screen; fail "Down did not move to the worker's accepted connection"; }
tmux send-keys -t "$SESSION" K
wait_for_screen "it will start a new one" 15 || fail "K on a worker's row does not warn that its parent respawns it"
wait_for_screen "p = stop the parent instead" 15 || fail "the dialog does not offer the parent"
screen > "$WORK/worker-dialog.txt"
tmux send-keys -t "$SESSION" n
wait_for_screen "kill cancelled: nothing sent" 15 || fail "n did not cancel"
kill -0 "$NGINX_PID" || fail "nginx died although the kill was cancelled"
cat "$WORK/worker-dialog.txt"
tmux send-keys -t "$SESSION" q
wait_for_screen "TUIPORTS_EXIT=0" 20 || fail "q did not exit cleanly"
stop_nginx
echo "PASS: nginx on $PORT: highlight on the listener, master and children in the dialog, port freed; a worker's row offers its parent"
