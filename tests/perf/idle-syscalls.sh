#!/usr/bin/env bash
# Where an idle UI's system calls go (docs/performance.md, issue 22): starts tuiports in a 120x40 tmux pane, lets it
# settle, then counts every system call of every thread with `strace -c -f` over SECONDS (load-independent: counts,
# not times). Optional ENV=VALUE arguments are passed to the UI (to compare a switch side by side in one run).
#
#   tests/perf/idle-syscalls.sh [SECONDS] [ENV=VALUE ...]        (TUIPORTS_CMD overrides the binary; default native)
# Needs root, tmux, strace.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SECONDS_TO_COUNT="${1:-10}"; shift || true
CMD="${TUIPORTS_CMD:-$REPO/artifacts/native/tuiports}"
TMUX_SOCKET="tuiports-idle-$$"
source "$HERE/lib.sh"
trap 'tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true' EXIT
tmux -L "$TMUX_SOCKET" new-session -d -s idle -x 120 -y 40 "env -u DisableRealDriverIO TERM=xterm-256color $* $CMD"
sleep 6
pid=$(pane_process idle)
{ timeout -s INT "$SECONDS_TO_COUNT" strace -c -f -p "$pid" 2>&1 || true; } | awk -v s="$SECONDS_TO_COUNT" '
  /^------/ || /% time/ { next }
  NF >= 5 && $4 ~ /^[0-9]+$/ && $NF != "total" { printf "%-16s %8.1f/s\n", $NF, $4 / s; total += $4 }
  END { printf "%-16s %8.1f/s\n", "total", total / s }' | sort -k2 -rn
