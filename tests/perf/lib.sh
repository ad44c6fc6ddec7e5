#!/usr/bin/env bash
# Helpers for the benchmarks: whole-process medians and CPU from /proc/<pid>/stat.

# median_ms CMD...: runs CMD $RUNS times (stdout to /dev/null), prints the median wall time in ms.
median_ms() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f\n", m / 1000 }'
}

# peak_mib CMD...: the peak resident memory of one run, in MiB.
peak_mib() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f\n", $1 / 1024 }'; }

# own_ticks PID: utime + stime; child_ticks PID: cutime + cstime (children that were waited for).
own_ticks() { awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$1/stat"; }
child_ticks() { awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[14] + f[15] }' "/proc/$1/stat"; }

# cpu_percent TICKS NANOSECONDS
cpu_percent() { awk -v t="$1" -v ns="$2" 'BEGIN { printf "%.2f\n", t / 100 / (ns / 1e9) * 100 }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2fx\n", a / b }'; }

# The process a tmux pane runs (its shell's child when the shell did not exec).
pane_process() {
  local pane; pane=$(tmux -L "$TMUX_SOCKET" display -p -t "$1" '#{pane_pid}')
  local comm; comm=$(cat "/proc/$pane/comm" 2>/dev/null || echo "")
  if [ "$comm" = bash ] || [ "$comm" = sh ]; then
    awk -v ppid="$pane" '{ sub(/.*\) /, ""); split($0, f, " "); if (f[2] == ppid) { split(FILENAME, p, "/"); print p[3] } }' /proc/[0-9]*/stat 2>/dev/null | head -1
  else
    echo "$pane"
  fi
}

# ui_cpu NAME SECONDS CMD...: starts CMD in a 120x40 tmux pane, lets it settle, prints its CPU % over SECONDS.
ui_cpu() {
  local name="$1" seconds="$2"; shift 2
  tmux -L "$TMUX_SOCKET" new-session -d -s "$name" -x 120 -y 40 "env -u DisableRealDriverIO TERM=xterm-256color $*"
  sleep 4
  local pid; pid=$(pane_process "$name")
  local t0 s0 t1 s1
  t0=$(own_ticks "$pid"); s0=$(date +%s%N)
  sleep "$seconds"
  t1=$(own_ticks "$pid"); s1=$(date +%s%N)
  cpu_percent $(( t1 - t0 )) $(( s1 - s0 ))
  echo "$pid" > "$WORK/$name.pid"
}

# loop_cpu SECONDS CMD...: the CPU % of running CMD once per second (as the reference for a 1 s refresh).
loop_cpu() {
  local seconds="$1"; shift
  bash -c 'while true; do "$@" > /dev/null 2>&1; sleep 1; done' loop "$@" &
  local loop=$!
  sleep 2
  local t0 s0 t1 s1
  t0=$(child_ticks "$loop"); s0=$(date +%s%N)
  sleep "$seconds"
  t1=$(child_ticks "$loop"); s1=$(date +%s%N)
  kill "$loop"; wait "$loop" 2>/dev/null || true
  cpu_percent $(( t1 - t0 )) $(( s1 - s0 ))
}

# ui_vs_loop NAME SECONDS "UI COMMAND LINE" REF_CMD...: the UI (in tmux) and REF_CMD once per second run at the same
# time and are measured over the same window, so the machine's noise falls on both alike. Prints "UI% REF%".
ui_vs_loop() {
  local name="$1" seconds="$2" ui="$3"; shift 3
  bash -c 'while true; do "$@" > /dev/null 2>&1; sleep 1; done' loop "$@" &
  local loop=$!
  tmux -L "$TMUX_SOCKET" new-session -d -s "$name" -x 120 -y 40 "env -u DisableRealDriverIO TERM=xterm-256color $ui"
  sleep 4
  local pid; pid=$(pane_process "$name")
  local u0 r0 s0 u1 r1 s1
  u0=$(own_ticks "$pid"); r0=$(child_ticks "$loop"); s0=$(date +%s%N)
  sleep "$seconds"
  u1=$(own_ticks "$pid"); r1=$(child_ticks "$loop"); s1=$(date +%s%N)
  echo "$pid" > "$WORK/$name.pid"
  kill "$loop"; wait "$loop" 2>/dev/null || true
  echo "$(cpu_percent $(( u1 - u0 )) $(( s1 - s0 ))) $(cpu_percent $(( r1 - r0 )) $(( s1 - s0 )))"
}

# median: the median of the numbers on stdin (one per line).
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# uis_side_by_side SECONDS ROUNDS NAME1 "CMD1" NAME2 "CMD2": both in their own 120x40 tmux pane at the same time, CPU %
# of each over the same SECONDS-long windows, ROUNDS times; prints "MEDIAN1 MEDIAN2" (the machine's noise falls on both).
uis_side_by_side() {
  local seconds="$1" rounds="$2" n1="$3" c1="$4" n2="$5" c2="$6"
  tmux -L "$TMUX_SOCKET" new-session -d -s "$n1" -x 120 -y 40 "env -u DisableRealDriverIO TERM=xterm-256color $c1"
  tmux -L "$TMUX_SOCKET" new-session -d -s "$n2" -x 120 -y 40 "env -u DisableRealDriverIO TERM=xterm-256color $c2"
  sleep 6
  local p1 p2; p1=$(pane_process "$n1"); p2=$(pane_process "$n2")
  local a=() b=()
  for _ in $(seq "$rounds"); do
    local a0 b0 s0 a1 b1 s1
    a0=$(own_ticks "$p1"); b0=$(own_ticks "$p2"); s0=$(date +%s%N)
    sleep "$seconds"
    a1=$(own_ticks "$p1"); b1=$(own_ticks "$p2"); s1=$(date +%s%N)
    a+=("$(cpu_percent $(( a1 - a0 )) $(( s1 - s0 )))"); b+=("$(cpu_percent $(( b1 - b0 )) $(( s1 - s0 )))")
  done
  tmux -L "$TMUX_SOCKET" kill-session -t "$n1"; tmux -L "$TMUX_SOCKET" kill-session -t "$n2"
  echo "$(printf '%s\n' "${a[@]}" | median) $(printf '%s\n' "${b[@]}" | median)"
}
