#!/usr/bin/env bash
# Two builds of the UI (or the UI and a reference) side by side in one run (issue 22): each in its own 120x40 tmux
# pane, started together, settled, then CPU % (utime+stime from /proc/<pid>/stat) over the same window, ROUNDS times.
# With HTOP=1 an `htop -d 10` pane is measured over the same windows.
#
#   tests/perf/side-by-side-cpu.sh BEFORE_CMD AFTER_CMD [SECONDS] [ROUNDS]
# e.g. before/after JIT builds: tests/perf/side-by-side-cpu.sh /tmp/before/tuiports /tmp/after/tuiports 30 3
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BEFORE="$1"; AFTER="$2"; WINDOW="${3:-30}"; ROUNDS="${4:-3}"
TMUX_SOCKET="tuiports-sbs-$$"
source "$HERE/lib.sh"
trap 'tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true' EXIT
start() { tmux -L "$TMUX_SOCKET" new-session -d -s "$1" -x 120 -y 40 "env -u DisableRealDriverIO TERM=xterm-256color ${ENV_ALL:-} $2"; }
start before "$BEFORE"
start after "$AFTER"
[ "${HTOP:-0}" = 1 ] && start htop "htop -d 10"
sleep 8
names=(before after); [ "${HTOP:-0}" = 1 ] && names+=(htop)
declare -A pid
for n in "${names[@]}"; do pid[$n]=$(pane_process "$n"); done
for round in $(seq "$ROUNDS"); do
  declare -A t0
  s=$(date +%s%N)
  for n in "${names[@]}"; do t0[$n]=$(own_ticks "${pid[$n]}"); done
  sleep "$WINDOW"
  e=$(date +%s%N)
  line="round $round:"
  for n in "${names[@]}"; do line+=" $n $(cpu_percent $(( $(own_ticks "${pid[$n]}") - t0[$n] )) $(( e - s )))%"; done
  echo "$line"
done
