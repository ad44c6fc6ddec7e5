#!/usr/bin/env bash
# The engine benchmark (issue 5) behind the older tables of docs/performance.md. On one workload per size, in one run, it times as whole
# processes: tuiports --once --json (native), the C baseline (tests/perf/cbaseline.c), ss -tanup and lsof -nP -i
# (several runs, medians, ratios); runs `tuiports bench`; and measures the live UI (native, 1 s refresh, in tmux):
# first frame, CPU over 30+ s from /proc/<pid>/stat, and resident memory - with the workload's connections churning.
#
# Usage: tests/perf/benchmark.sh [SIZES...]     (default: 1000 10000 50000)
#        RUNS=7 UI_SECONDS=30 CHURN=50 tests/perf/benchmark.sh 10000
# Needs root (to see every process's fds), gcc, tmux, lsof, and the native binary (built here if missing).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
RUNS="${RUNS:-7}"
UI_SECONDS="${UI_SECONDS:-30}"
CHURN="${CHURN:-50}"
SIZES=("${@:-1000 10000 50000}")
read -r -a SIZES <<< "${SIZES[*]}"
WORK="$(mktemp -d /tmp/tuiports-bench.XXXXXX)"
NATIVE="${TUIPORTS_NATIVE:-$REPO/artifacts/native/tuiports}"
TMUX_SOCKET="tuiports-bench-$$"
WORKLOAD_PID=""

cleanup() {
  tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
  if [ -n "$WORKLOAD_PID" ]; then kill "$WORKLOAD_PID" 2>/dev/null || true; wait "$WORKLOAD_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in gcc tmux lsof ss; do command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y ${tool/ss/iproute2})" >&2; exit 2; }; done
if [ ! -x "$NATIVE" ]; then
  echo "building the native binary (needs clang lld zlib1g-dev)..." >&2
  dotnet publish "$REPO/src/TuiPorts" -c Release -r linux-x64 -p:PublishAot=true -o "$REPO/artifacts/native" >/dev/null
fi
"$REPO/tests/workload/build.sh" >/dev/null
gcc -O2 -o "$WORK/cbaseline" "$HERE/cbaseline.c"
WORKLOAD="$REPO/tests/workload/workload"

source "$HERE/lib.sh"
ticks() { own_ticks "$1"; }

printf '| sockets (target) | sockets seen | processes | tuiports --once --json | C baseline | ss -tanup | lsof -nP -i | tuiports/ss | tuiports/C | lsof/ss | bench cold | bench warm | warm fds walked | filter keystroke | UI first frame | UI CPU (%s s, churn %s/s) | UI RSS |\n' "$UI_SECONDS" "$CHURN"
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for size in "${SIZES[@]}"; do
  procs=$(( size / 1000 )); [ "$procs" -lt 10 ] && procs=10; [ "$size" -ge 50000 ] && procs=$(( size / 800 ))
  "$WORKLOAD" -n "$size" -p "$procs" -t $(( UI_SECONDS + 600 )) -c "$CHURN" -q > "$WORK/ready" &
  WORKLOAD_PID=$!
  for _ in $(seq 600); do grep -q '^ready' "$WORK/ready" 2>/dev/null && break; sleep 0.2; done
  grep -q '^ready' "$WORK/ready" || { echo "workload of $size did not become ready" >&2; exit 1; }
  sleep 2

  tp=$(median_ms "$NATIVE" --once --json)
  cb=$(median_ms "$WORK/cbaseline")
  ss_ms=$(median_ms ss -tanup)
  lsof_ms=$(median_ms lsof -nP -i)
  "$NATIVE" bench --json -n 9 > "$WORK/bench.json"
  seen=$(awk -F': ' '/"sockets"/ { gsub(/,/, "", $2); print $2 }' "$WORK/bench.json")
  processes=$(awk -F': ' '/"processes"/ { gsub(/,/, "", $2); print $2 }' "$WORK/bench.json")
  cold=$(awk -F': ' '/coldSnapshotMs/ { gsub(/,/, "", $2); print $2 }' "$WORK/bench.json")
  warm=$(awk -F': ' '/warmRefreshMs/ { gsub(/,/, "", $2); print $2 }' "$WORK/bench.json")
  walked=$(awk -F': ' '/warmFdsWalked/ { gsub(/,/, "", $2); print $2 }' "$WORK/bench.json")
  keystroke=$(awk -F': ' '/filterKeystrokeMs/ { gsub(/,/, "", $2); print $2 }' "$WORK/bench.json")

  # The live UI: first frame (polled every 10 ms), then CPU over UI_SECONDS at the default 1 s refresh.
  tmux -L "$TMUX_SOCKET" new-session -d -s ui -x 120 -y 40 "env -u DisableRealDriverIO TERM=xterm-256color $NATIVE --interval 1"
  start=$(date +%s%N)
  for _ in $(seq 1000); do tmux -L "$TMUX_SOCKET" capture-pane -p -t ui | grep -q ' of .* sockets' && break; sleep 0.01; done
  first=$(( ($(date +%s%N) - start) / 1000000 ))
  ui_pid=$(tmux -L "$TMUX_SOCKET" display -p -t ui '#{pane_pid}')
  if [ "$(cat "/proc/$ui_pid/comm")" != tuiports ]; then   # the pane's shell did not exec: take its child
    ui_pid=$(awk -v ppid="$ui_pid" '{ sub(/.*\) /, ""); split($0, f, " "); if (f[2] == ppid) { split(FILENAME, p, "/"); print p[3] } }' /proc/[0-9]*/stat 2>/dev/null | head -1)
  fi
  sleep 3
  t0=$(ticks "$ui_pid"); s0=$(date +%s%N)
  sleep "$UI_SECONDS"
  t1=$(ticks "$ui_pid"); s1=$(date +%s%N)
  cpu=$(awk -v t="$(( t1 - t0 ))" -v ns="$(( s1 - s0 ))" 'BEGIN { printf "%.1f %%", t / 100 / (ns / 1e9) * 100 }')
  rss=$(awk '/VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$ui_pid/status")
  tmux -L "$TMUX_SOCKET" kill-server

  kill "$WORKLOAD_PID"; wait "$WORKLOAD_PID" 2>/dev/null || true; WORKLOAD_PID=""
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
  printf '| %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %s | %s | %s | %s ms | %s ms | %s | %s ms | %s ms | %s | %s |\n' \
    "$size" "$seen" "$processes" "$tp" "$cb" "$ss_ms" "$lsof_ms" "$(ratio "$tp" "$ss_ms")" "$(ratio "$tp" "$cb")" \
    "$(ratio "$lsof_ms" "$ss_ms")" "$cold" "$warm" "$walked" "$keystroke" "$first" "$cpu" "$rss"
done
