#!/usr/bin/env bash
# Helpers for the several-host tests (source after lib.sh): two "hosts" that are sshd instances on loopback ports of
# this machine, reached through a generated ssh_config (hosta, hostb; hostc points at a closed port: unreachable).
# Each sshd tells its sessions which host it is (SetEnv) and takes many logins at once (MaxStartups 200: a fleet test
# sends every alias's login to the same two sshd, where a real fleet has one sshd per host), and the remote command is a wrapper that adds that host's own
# --port filter to --stream and --once, so hosta shows only listener A and hostb only listener B.
# Sets SSH_CONFIG and REMOTE_CMD; sshd pids go to $WORK/*.pid (killed by lib.sh's cleanup, by pid).

free_port() {
  perl -MIO::Socket::INET -e 'my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1", LocalPort => 0) or die $!; print $s->sockport, "\n";'
}

# start_ssh_hosts PORT_A PORT_B: the listener ports each host's wrapper filters on.
start_ssh_hosts() {
  local port_a="$1" port_b="$2" dir="$WORK/ssh"
  mkdir -p "$dir" /run/sshd
  chmod 700 "$dir"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key" >/dev/null
  ssh-keygen -q -t ed25519 -N '' -f "$dir/client_key" >/dev/null
  cp "$dir/client_key.pub" "$dir/authorized_keys"
  SSHD_PORT_A="$(free_port)"
  SSHD_PORT_B="$(free_port)"
  CLOSED_PORT="$(free_port)"
  for host in a b; do
    local port listen
    if [ "$host" = a ]; then port="$SSHD_PORT_A"; listen="$port_a"; else port="$SSHD_PORT_B"; listen="$port_b"; fi
    cat > "$dir/sshd_$host.conf" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_key
PidFile $dir/sshd_$host.pidfile
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
MaxStartups 200
LogLevel ERROR
SetEnv TUIPORTS_TEST_HOST=host$host TUIPORTS_TEST_PORT=$listen
CONF
    /usr/sbin/sshd -D -e -f "$dir/sshd_$host.conf" 2>>"$dir/sshd_$host.log" &
    echo $! > "$WORK/sshd_$host.pid"
  done
  SSH_CONFIG="$dir/ssh_config"
  {
    for host in a b c; do
      local port
      case $host in a) port="$SSHD_PORT_A" ;; b) port="$SSHD_PORT_B" ;; c) port="$CLOSED_PORT" ;; esac
      printf 'Host host%s\n  HostName 127.0.0.1\n  Port %s\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n\n' \
        "$host" "$port" "$dir/client_key"
    done
  } > "$SSH_CONFIG"
  REMOTE_CMD="$dir/remote-tuiports"
  cat > "$REMOTE_CMD" <<WRAP
#!/bin/sh
# The remote tuiports of the test hosts: this build, narrowed to the host's own listener for --stream and --once.
case " \$* " in
  *" kill "*|*" --port "*) exec $TUIPORTS_CMD "\$@" ;;
  *) exec $TUIPORTS_CMD "\$@" --port "\$TUIPORTS_TEST_PORT" ;;
esac
WRAP
  chmod +x "$REMOTE_CMD"
  for _ in $(seq 50); do
    ssh -F "$SSH_CONFIG" -o BatchMode=yes hosta true 2>/dev/null && ssh -F "$SSH_CONFIG" -o BatchMode=yes hostb true 2>/dev/null && return 0
    sleep 0.2
  done
  cat "$dir"/sshd_*.log >&2
  fail "the test sshd instances did not accept logins"
}

# descendants PID: every process below PID (children, grandchildren...), one pid per line.
descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}
