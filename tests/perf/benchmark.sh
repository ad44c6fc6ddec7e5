#!/usr/bin/env bash
# The live-view benchmark behind docs/performance.md (issue 11): every row measured side by side in one run, medians,
# ratios against the reference the goal names. Native (AOT) binary, 1 s refresh, 2 cores.
#
#   UI idle (a handful of sockets)          vs htop -d 10 (1 s)                   goal <= 1.5x htop and <= 0.5 %
#   idle UI's system calls per second        (strace -c -f; counts, load-independent)
#   key latency after 10 s idle              (tmux control mode, key-latency.py)   goal <= 25 ms, no sample > 40 ms
#   UI, 10k sockets, static                  vs one `ss -tuan` per second          goal <= 1.2x
#   bytes allocated per warm refresh, static (`tuiports bench`; load-independent)  goal: nothing changed, ~nothing
#   UI --port P, 10k sockets                 vs one `ss -tuan 'sport = :P'` /s     goal <= 1.5x
#   UI, 10k sockets + 50 connections/s       vs one `ss -tanup` per second         goal <= 0.5x (issue 22)
#   UI, 50k sockets, static                  vs one `ss -tuan` per second          goal <= 1.2x
#   --once --json, 10k and 50k: wall, RSS    vs ss -tanup                          goal <= 0.5x wall, <= 3x RSS
#
# Usage: tests/perf/benchmark.sh            (RUNS=7 UI_SECONDS=20 SIZES="10000 50000")
# Needs root (every process's fds), gcc, tmux, iproute2, python3; installs htop if missing; builds the native binary if missing.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
RUNS="${RUNS:-7}"
UI_SECONDS="${UI_SECONDS:-20}"
read -r -a SIZES <<< "${SIZES:-10000 50000}"
NATIVE="${TUIPORTS_NATIVE:-$REPO/artifacts/native/tuiports}"
WORK="$(mktemp -d /tmp/tuiports-bench.XXXXXX)"
TMUX_SOCKET="tuiports-bench-$$"
WORKLOAD_PID=""
source "$HERE/lib.sh"

cleanup() {
  tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
  if [ -n "$WORKLOAD_PID" ]; then kill "$WORKLOAD_PID" 2>/dev/null || true; wait "$WORKLOAD_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v htop >/dev/null || { echo "installing htop..." >&2; apt-get install -y -qq htop >/dev/null; }
for tool in gcc tmux ss python3; do command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }; done
if [ ! -x "$NATIVE" ]; then
  echo "building the native binary (needs clang lld zlib1g-dev)..." >&2
  dotnet publish "$REPO/src/TuiPorts" -c Release -r linux-x64 -p:PublishAot=true -o "$REPO/artifacts/native" >/dev/null
fi
"$REPO/tests/workload/build.sh" >/dev/null
WORKLOAD="$REPO/tests/workload/workload"

start_workload() { # SIZE CHURN
  local procs=$(( $1 / 200 )); [ "$procs" -lt 10 ] && procs=10
  "$WORKLOAD" -n "$1" -p "$procs" -t 3000 -c "$2" -q > "$WORK/ready" &
  WORKLOAD_PID=$!
  for _ in $(seq 600); do grep -q '^ready' "$WORK/ready" 2>/dev/null && break; sleep 0.2; done
  grep -q '^ready' "$WORK/ready" || { echo "workload of $1 did not become ready" >&2; exit 1; }
  sleep 2
}
stop_workload() { kill "$WORKLOAD_PID"; wait "$WORKLOAD_PID" 2>/dev/null || true; WORKLOAD_PID=""; sleep 1; }
a_listening_port() { ss -Htln 'sport > :1024' | awk '{ n = split($4, a, ":"); p = a[n] } END { print p }'; }

# key latency: after 10 s of idleness, type a digit; the time until tmux has the filter's redraw (key-latency.py: a
# control-mode client, no process spawned per poll); prints the median and the worst of 5
key_latency_ms() { # [ENV=VALUE] or --floor
  local args=(--idle 10 --samples 5)
  if [ "${1:-}" = --floor ]; then args+=(--floor); else args+=(${1:-} "$NATIVE"); fi
  "$HERE/key-latency.py" "${args[@]}" | awk '$1 == "median" { print $2, $4 }'
}

echo "# tuiports live-view benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, kernel $(uname -r), commit $(git -C "$REPO" rev-parse --short HEAD)"
echo
echo "| case | tuiports | reference | ratio |"
echo "|---|---|---|---|"

# the idle case needs a quiet machine: wait for TIME_WAIT sockets of earlier runs to expire
for _ in $(seq 90); do [ "$(ss -Htan state time-wait | wc -l)" -lt 50 ] && break; sleep 1; done
# side by side: both panes run at once and are measured over the same windows (RUNS of them, medians)
read -r idle htop_cpu < <(uis_side_by_side "$UI_SECONDS" "$RUNS" idle "$NATIVE" htop "htop -d 10")
read -r stock stock_htop < <(uis_side_by_side "$UI_SECONDS" 3 stock "TUIPORTS_STOCK_INPUT=1 $NATIVE" htop "htop -d 10")
echo "| UI idle, a handful of sockets ($RUNS windows of $UI_SECONDS s, medians) | $idle % | htop -d 10, same windows: $htop_cpu % | $(ratio "$idle" "$htop_cpu") |"
echo "| (the same with Terminal.Gui's stock input loop, 3 windows) | $stock % | htop -d 10: $stock_htop % | $(ratio "$stock" "$stock_htop") |"
read -r latency worst < <(key_latency_ms); read -r stock_latency _ < <(key_latency_ms TUIPORTS_STOCK_INPUT=1)
read -r floor_latency _ < <(key_latency_ms --floor)
echo "| key typed after 10 s idle, to the screen (tmux control mode: send-keys, %output), 5 samples | median $latency ms, worst $worst ms | stock input loop: $stock_latency ms; a shell read loop (the method's floor): $floor_latency ms | $(ratio "$latency" "$stock_latency") |"
calls=$(TUIPORTS_CMD="$NATIVE" "$HERE/idle-syscalls.sh" 10 | awk '$1 == "total" { print $2 }')
echo "| UI idle: system calls of every thread (strace -c -f, 10 s) | $calls | | |"

for size in "${SIZES[@]}"; do
  start_workload "$size" 0
  seen=$(ss -Htuan | wc -l)
  read -r ui ref < <(ui_vs_loop "static$size" "$UI_SECONDS" "$NATIVE" ss -tuan)
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$(cat "$WORK/static$size.pid")/status")
  tmux -L "$TMUX_SOCKET" kill-session -t "static$size"
  echo "| UI, $size sockets ($seen seen), static; RSS $rss MiB | $ui % | one ss -tuan per second: $ref % | $(ratio "$ui" "$ref") |"
  if [ "$size" -le 10000 ]; then
    port=$(a_listening_port)
    read -r pui pref < <(ui_vs_loop "port$size" "$UI_SECONDS" "$NATIVE --port $port" ss -tuan "sport = :$port")
    tmux -L "$TMUX_SOCKET" kill-session -t "port$size"
    echo "| UI --port $port, $size sockets | $pui % | one ss -tuan 'sport = :$port' per second: $pref % | $(ratio "$pui" "$pref") |"
  fi

  allocated=$("$NATIVE" bench -n 7 --json | awk -F': ' '/warmAllocatedBytes/ { sub(/,/, "", $2); print $2 }')
  echo "| warm refresh, $size sockets static, bytes allocated (tuiports bench, median of 7) | $allocated B | | |"
  tp=$(median_ms "$NATIVE" --once --json); ss_ms=$(median_ms ss -tanup)
  tp_rss=$(peak_mib "$NATIVE" --once --json); ss_rss=$(peak_mib ss -tanup)
  echo "| --once --json, $size sockets: wall | $tp ms | ss -tanup: $ss_ms ms | $(ratio "$tp" "$ss_ms") |"
  echo "| --once --json, $size sockets: peak RSS | $tp_rss MiB | ss -tanup: $ss_rss MiB | $(ratio "$tp_rss" "$ss_rss") |"
  stop_workload

  if [ "$size" -le 10000 ]; then
    start_workload "$size" 50
    read -r ui ref < <(ui_vs_loop "churn$size" "$UI_SECONDS" "$NATIVE" ss -tanup)
    tmux -L "$TMUX_SOCKET" kill-session -t "churn$size"
    echo "| UI, $size sockets + 50 connections/s | $ui % | one ss -tanup per second (the peer that finds owners): $ref % | $(ratio "$ui" "$ref") |"
    stop_workload
  fi
done
