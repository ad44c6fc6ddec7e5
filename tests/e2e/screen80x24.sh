#!/usr/bin/env bash
# The 80x24 screen as a newcomer meets it: the empty filter teaches; F1 opens the help, End scrolls it to its last key
# and the legend, q closes it (and does not quit); a process with 40 open files keeps its pid and command line in
# the detail pane's fixed header while its fds scroll; with NO_COLOR no colour is painted (reverse and bold only);
# tuiports takes no any-motion mouse tracking; q quits and the terminal is restored.
source "$(dirname "$0")/lib.sh"

# a listener that also holds 40 open files: its fd list is longer than the pane
perl -MIO::Socket::INET -e '$|=1; my @f; for my $i (1..40) { open(my $h, "<", "/dev/null") or die $!; push @f, $h } my $s = IO::Socket::INET->new(Listen => 5, LocalAddr => "127.0.0.1", LocalPort => 0) or die $!; print $s->sockport, "\n"; sleep 120;' > "$WORK/many.out" &
MANY_PID=$!
echo "$MANY_PID" > "$WORK/many.pid"
for _ in $(seq 50); do [ -s "$WORK/many.out" ] && break; sleep 0.1; done
PORT="$(head -1 "$WORK/many.out")"
[ -n "$PORT" ] || fail "the perl listener did not start"

start_tuiports_with "TERM=xterm-256color NO_COLOR=1"
wait_for_screen "type a port · / text · Esc clears" 10 || fail "the empty filter does not teach"
[ "$(tmux display -p -t "$SESSION" '#{mouse_all_flag}#{mouse_button_flag}')" = "01" ] || fail "mouse: want clicks and drags (?1002) but no any-motion tracking (?1003)"

# F1: the help, scrolled to its end, then q closes it
tmux send-keys -t "$SESSION" F1
wait_for_screen "tuiports keys" 10 || fail "F1 did not open the help"
screen | grep -qF "in the kill dialog" && fail "the whole help fits 80x24 unscrolled: this test no longer tests scrolling"
tmux send-keys -t "$SESSION" End
wait_for_screen "in the kill dialog" 5 || fail "End did not scroll the help to its last key"
wait_for_screen "marks:" 5 || fail "the help's legend is not reachable"
tmux send-keys -t "$SESSION" q
for _ in $(seq 25); do screen | grep -qF "tuiports keys" || break; sleep 0.2; done
screen | grep -qF "tuiports keys" && fail "q did not close the help"
wait_for_screen " socket" 5 || fail "q quit instead of closing the help"
echo "PASS: F1 help scrolls to every key and the legend, q closes it"

# the port: the pane's header names the holder and its command while the fds scroll
tmux send-keys -t "$SESSION" "$PORT"
wait_for_screen "$MANY_PID/perl" 15 || fail "the listener on $PORT is not shown"
wait_for_screen "pid $MANY_PID perl" 10 || fail "the pane header does not name the holder's pid"
wait_for_screen "cmd perl -MIO::Socket::INET" 10 || fail "the pane header does not show the command line"
wait_for_screen "other fds (o shows them)" 10 || fail "the non-socket fds are not collapsed"
tmux send-keys -t "$SESSION" o
wait_for_screen "/dev/null" 10 || fail "o did not show the other fds"
tmux send-keys -t "$SESSION" Tab
sleep 0.3
for _ in 1 2 3 4; do tmux send-keys -t "$SESSION" PageDown; sleep 0.2; done
sleep 0.5
screen | grep -qF "pid $MANY_PID perl" || fail "the pane header scrolled away with the fds"
screen | grep -qF "cmd perl -MIO::Socket::INET" || fail "the command line scrolled away with the fds"
echo "PASS: the pane header keeps pid $MANY_PID and its command while 40 fds scroll"

# NO_COLOR: no foreground or background colour anywhere on the screen (SGR 30-38, 40-48, 90-107; 39 and 49 are the terminal's defaults)
tmux capture-pane -e -p -t "$SESSION" > "$WORK/colours.txt"
if grep -aoE $'\e\\[[0-9;]*m' "$WORK/colours.txt" | tr -d '\033[m' | tr ';' '\n' | grep -qxE '3[0-8]|4[0-8]|9[0-7]|10[0-7]'; then
  grep -aoE $'\e\\[[0-9;]*m' "$WORK/colours.txt" | sort | uniq -c >&2
  fail "NO_COLOR=1 still paints colours"
fi
grep -aqE $'\e\\[([0-9;]*;)?7(;[0-9;]*)?m' "$WORK/colours.txt" || fail "NO_COLOR: the selection is not in reverse video"
echo "PASS: NO_COLOR paints no colour; the selection is reverse video"

tmux send-keys -t "$SESSION" q
wait_for_screen "TUIPORTS_EXIT=0" 10 || fail "q did not quit"
assert_terminal_restored
echo "PASS: q quits and the terminal is restored"
