#!/usr/bin/env bash
# Where the time of `tuiports --once --json --ssh HOSTS` goes, for 1, 10 and 30 hosts, against the same ssh commands run
# in parallel from this shell (the reference floor), each phase on its own:
#   connect   N x `ssh HOST true`                          (ssh start, key exchange, auth, a session: no tuiports)
#   start-up  N x `ssh HOST -- tuiports --version`         (+ the remote tuiports' start-up and exit, no scan)
#   shell     N x `ssh HOST -- tuiports --once --json`     (+ the remote scan and the transfer: the reference floor)
#   tuiports  `tuiports --once --json --ssh H1,...,HN`     (+ the local side: ssh -G probes, threads, parse, merge, print)
#   scans     N x `tuiports --once --json` here, no ssh    (the remote scans alone, N at once)
# All N "hosts" are aliases of two sshd instances on loopback of this machine (tests/e2e/ssh-hosts.sh), so every
# remote tuiports, every sshd session and every ssh client shares this machine's cores; each remote scan also walks
# every process on the machine, the other hosts' sessions included.
# Usage: tests/perf/fleet-once.sh [RUNS] [COUNTS...]   (default 5 runs; 1 10 30 hosts). Needs the native binary
# (artifacts/native/tuiports, or TUIPORTS_NATIVE), OpenSSH client and server, and root (sshd). Run it under the build
# lock; everything it starts is stopped by pid.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
RUNS="${1:-5}"
[ $# -gt 0 ] && shift
COUNTS=("$@")
[ ${#COUNTS[@]} -gt 0 ] || COUNTS=(1 10 30)
NATIVE="${TUIPORTS_NATIVE:-$REPO/artifacts/native/tuiports}"
[ -x "$NATIVE" ] || { echo "no native binary at $NATIVE (packaging/publish.sh, or set TUIPORTS_NATIVE)" >&2; exit 2; }
export TUIPORTS_CMD="$NATIVE"
source "$REPO/tests/e2e/lib.sh"
source "$REPO/tests/e2e/ssh-hosts.sh"

start_listener
start_ssh_hosts "$LISTENER_PORT" "$LISTENER_PORT"
max=1
for n in "${COUNTS[@]}"; do [ "$n" -gt "$max" ] && max="$n"; done
for i in $(seq 1 "$max"); do
  if [ $((i % 2)) -eq 0 ]; then port="$SSHD_PORT_B"; else port="$SSHD_PORT_A"; fi
  printf 'Host h%s\n  HostName 127.0.0.1\n  Port %s\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n\n' \
    "$i" "$port" "$WORK/ssh/client_key" >> "$SSH_CONFIG"
done
SSH=(ssh -o BatchMode=yes -o ConnectTimeout=10 -o Compression=yes -T -F "$SSH_CONFIG")

hosts() { seq -f 'h%g' 1 "$1"; }
# in_parallel N CMD...: CMD HOST for every host at once, waited for.
in_parallel() {
  local n="$1" h pids=()
  shift
  for h in $(hosts "$n"); do "$@" "$h" > /dev/null 2>&1 & pids+=($!); done
  wait "${pids[@]}"
}
connect() { "${SSH[@]}" "$1" true; }
startup() { "${SSH[@]}" "$1" -- "$REMOTE_CMD" --version; }
remote_once() { "${SSH[@]}" "$1" -- "$REMOTE_CMD" --once --json; }
local_once_host() { "$NATIVE" --once --json --port "$LISTENER_PORT"; } # the argument (a host) is not used
fleet() { "$NATIVE" --once --json --ssh "$(hosts "$1" | paste -sd,)" --ssh-config "$SSH_CONFIG" --remote-command "$REMOTE_CMD"; }

# median_of N FUNCTION ARGS...: the median wall time of $RUNS runs, in ms (one warm-up run first).
median_of() {
  local times=() start end
  "$@" > /dev/null 2>&1 || true
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}

# The answer is complete: every host has a snapshot.
for n in "${COUNTS[@]}"; do
  answered="$(fleet "$n" | grep -o '"host":"h[0-9]*","snapshot"' | wc -l)"
  [ "$answered" -eq "$n" ] || fail "--once --ssh over $n hosts answered for $answered"
done
walked="$(fleet "$max" | grep -o '"processes":[0-9]*' | head -1 | cut -d: -f2)"

printf '%-6s %9s %9s %9s %9s %9s %9s\n' hosts connect start-up shell tuiports scans "x 1 host"
one=""
for n in "${COUNTS[@]}"; do
  c="$(median_of in_parallel "$n" connect)"
  s="$(median_of in_parallel "$n" startup)"
  r="$(median_of in_parallel "$n" remote_once)"
  t="$(median_of fleet "$n")"
  l="$(median_of in_parallel "$n" local_once_host)"
  [ -n "$one" ] || one="$t"
  printf '%-6s %7s ms %6s ms %6s ms %6s ms %6s ms %9s\n' "$n" "$c" "$s" "$r" "$t" "$l" "$(awk -v a="$t" -v b="$one" 'BEGIN { printf "%.2fx", a / b }')"
done
echo "(medians of $RUNS runs in ms, wall time; $(nproc) cores; a remote scan with $max hosts walked $walked processes)"

# CPU per host, one at a time (10 runs each, averaged): what N hosts at once ask of the shared cores.
SSHD="$(cat "$WORK/sshd_a.pid")"
waited_ticks() { awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[14] + f[15] }' "/proc/$1/stat"; }
# cpu_ms CMD...: the CPU of CMD and its waited-for children, ms per run (10 runs under one clock: 10 ms ticks).
cpu_ms() {
  /usr/bin/time -o "$WORK/cpu" -f "%U %S" bash -c 'for i in 1 2 3 4 5 6 7 8 9 10; do "$@" > /dev/null 2>&1; done' _ "$@" || true
  awk '{ printf "%d\n", ($1 + $2) * 100 }' "$WORK/cpu"
}
# sshd_ms CMD...: the CPU the sshd side spent (its sessions, the login shell, the remote command), ms per run.
sshd_ms() {
  local before after i
  before="$(waited_ticks "$SSHD")"
  for i in $(seq 10); do "$@" > /dev/null 2>&1 || true; done
  after="$(waited_ticks "$SSHD")"
  echo $(((after - before) * 1000 / $(getconf CLK_TCK) / 10))
}
echo "CPU per host, ms (one host at a time, 10 runs each):"
echo "  ssh client, ssh h1 true:                         $(cpu_ms "${SSH[@]}" h1 true)"
echo "  ssh client, same with KexAlgorithms=curve25519:  $(cpu_ms "${SSH[@]}" -o KexAlgorithms=curve25519-sha256 h1 true)"
echo "  sshd side, ssh h1 true:                          $(sshd_ms connect h1)"
echo "  sshd side, ssh h1 -- tuiports --once --json:     $(sshd_ms remote_once h1)"
echo "  the login shell alone ($(getent passwd root | cut -d: -f7) -c true as sshd runs it): $(cpu_ms env -i SSH_CLIENT="127.0.0.1 1 22" HOME=/root PATH=/usr/bin:/bin "$(getent passwd root | cut -d: -f7)" -c true)"
echo "  remote tuiports --version:                       $(cpu_ms "$NATIVE" --version)"
echo "  remote tuiports --once --json --port P:          $(cpu_ms "$NATIVE" --once --json --port "$LISTENER_PORT")"
echo "  ssh -G h1 (the keep-alive probe):                $(cpu_ms ssh -F "$SSH_CONFIG" -G h1)"
echo "  tuiports --once --json --ssh h1, with its ssh:   $(cpu_ms "$NATIVE" --once --json --ssh h1 --ssh-config "$SSH_CONFIG" --remote-command "$REMOTE_CMD")"
