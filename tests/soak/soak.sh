#!/usr/bin/env bash
# Churn soak (docs/reliability.md): a socket workload with connection churn (-c, default 50/s) and process churn
# (-k, default 60 short-lived processes/s), then
#   1. `tuiports soak`: the live pipeline for REFRESHES refreshes (errors, p50/p99, peak RSS, own fd count);
#   2. the real UI in tmux for UI_SECONDS: still drawing (the clock in the summary moves), still answering a
#      keystroke (the sort label changes), no exception text on screen, and it quits cleanly.
# Usage: tests/soak/soak.sh      (SOCKETS=10000 PROCS=20 REFRESHES=300 UI_SECONDS=60 TUIPORTS_CMD=...)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SOCKETS="${SOCKETS:-10000}"; PROCS="${PROCS:-20}"; REFRESHES="${REFRESHES:-300}"; UI_SECONDS="${UI_SECONDS:-60}"
CONN_CHURN="${CONN_CHURN:-50}"; PROC_CHURN="${PROC_CHURN:-60}"
TUIPORTS_CMD="${TUIPORTS_CMD:-dotnet $REPO/src/TuiPorts/bin/Release/net10.0/tuiports.dll}"
WORK="$(mktemp -d /tmp/tuiports-soak.XXXXXX)"
SOCK="tuiports-soak-$$"
WORKLOAD_PID=""
cleanup() {
  tmux -L "$SOCK" kill-server 2>/dev/null || true
  if [ -n "$WORKLOAD_PID" ]; then kill "$WORKLOAD_PID" 2>/dev/null || true; wait "$WORKLOAD_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; tmux -L "$SOCK" capture-pane -p -t ui 2>/dev/null >&2 || true; exit 1; }

"$REPO/tests/workload/build.sh" >/dev/null
"$REPO/tests/workload/workload" -n "$SOCKETS" -p "$PROCS" -c "$CONN_CHURN" -k "$PROC_CHURN" -t $(( REFRESHES / 4 + UI_SECONDS + 300 )) -q > "$WORK/ready" &
WORKLOAD_PID=$!
for _ in $(seq 600); do grep -q '^ready' "$WORK/ready" 2>/dev/null && break; sleep 0.2; done
grep -q '^ready' "$WORK/ready" || fail "the workload did not become ready"
echo "workload: $(cat "$WORK/ready"), churn ${CONN_CHURN} connections/s and ${PROC_CHURN} processes/s"

echo "== pipeline: $REFRESHES refreshes"
$TUIPORTS_CMD soak --refreshes "$REFRESHES" --interval 0.2

echo "== UI in tmux for $UI_SECONDS s"
tmux -L "$SOCK" new-session -d -s ui -x 100 -y 30 "env -u DisableRealDriverIO TERM=xterm-256color $TUIPORTS_CMD; echo TUIPORTS_EXIT=\$?; sleep 30"
for _ in $(seq 100); do tmux -L "$SOCK" capture-pane -p -t ui | grep -q ' of .* sockets' && break; sleep 0.2; done
clock() { tmux -L "$SOCK" capture-pane -p -t ui | head -1 | grep -oE '[0-9]{2}:[0-9]{2}:[0-9]{2}' | tail -1; }
sort_label() { tmux -L "$SOCK" capture-pane -p -t ui | head -1 | grep -oE 'sort: [a-z ]+ (asc|desc)'; }
end=$((SECONDS + UI_SECONDS)); checks=0; clocks=()
while [ $SECONDS -lt $end ]; do
  before="$(sort_label)"
  tmux -L "$SOCK" send-keys -t ui '>'
  sleep 1
  after="$(sort_label)"
  [ "$before" != "$after" ] || fail "no answer to a keystroke: sort label stayed '$before'"
  tmux -L "$SOCK" capture-pane -p -t ui | grep -qiE 'exception|unhandled' && fail "exception text on screen"
  clocks+=("$(clock)"); checks=$((checks + 1))
  sleep 4
done
distinct=$(printf '%s\n' "${clocks[@]}" | sort -u | wc -l)
[ "$distinct" -ge 3 ] || fail "the screen stopped refreshing (snapshot clock values: ${clocks[*]})"
tmux -L "$SOCK" send-keys -t ui q
for _ in $(seq 50); do tmux -L "$SOCK" capture-pane -p -t ui | grep -q TUIPORTS_EXIT= && break; sleep 0.2; done
tmux -L "$SOCK" capture-pane -p -t ui | grep -q 'TUIPORTS_EXIT=0' || fail "q did not exit cleanly"
echo "UI: $checks keystrokes answered within 1 s, $distinct distinct refresh times over $UI_SECONDS s, no exception text, clean exit"
echo "PASS"
