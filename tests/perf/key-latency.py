#!/usr/bin/env python3
"""Key latency through tmux (issue 22), without a process spawned per poll.

A tmux control-mode client (`tmux -C`) types a digit into the pane, and after each of the pane's `%output`
notifications reads the pane (`capture-pane`, a command inside tmux, not a process); the latency is the time from
writing the key to the first capture that shows "Filter: " and that digit. The older method (`send-keys` + `capture-pane` in a shell loop) spent ~25 ms of every sample
starting tmux clients and sed, which a program that echoes at once (`--floor`) shows.

    tests/perf/key-latency.py [--idle SECONDS] [--samples N] [--floor] [CMD...]

CMD defaults to the native binary; --floor measures a shell `read` loop that prints "Filter: <key>" at once.
Prints every sample in ms, then "median M worst W".
"""
import argparse
import os
import select
import subprocess
import sys
import time

FLOOR = r"""bash -c 'while IFS= read -rsn1 c; do printf "\r\033[2KFilter: %s" "$c"; done'"""


class ControlClient:
    """A `tmux -C attach` client: commands in, notification lines out."""

    def __init__(self, socket, session):
        self.proc = subprocess.Popen(["tmux", "-L", socket, "-C", "attach", "-t", session],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        self.pending = b""

    def send(self, command):
        self.proc.stdin.write(command.encode() + b"\n")

    def lines(self, seconds):
        """Notification lines until `seconds` have passed (or the client ends)."""
        deadline = time.monotonic() + seconds
        while True:
            while b"\n" in self.pending:
                line, self.pending = self.pending.split(b"\n", 1)
                yield line
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
                return
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                return
            self.pending += chunk

    def until_shown(self, text, start):
        """Ms from `start` until the pane shows `text`: the pane is read (capture-pane, inside tmux) after each of its
        outputs, since a redraw writes only the cells that changed. 5000 when it never does: counted, never hangs."""
        capture = None  # the rows of the capture in flight
        newer = False  # output arrived after that capture was asked for
        for line in self.lines(5):
            if line.startswith(b"%output"):
                if capture is None:
                    self.send("capture-pane -p -t keys")
                    capture = []
                else:
                    newer = True
            elif line.startswith(b"%begin") and capture is not None:
                capture = []
            elif line.startswith((b"%end", b"%error")) and capture is not None:
                if any(text.encode() in row for row in capture):
                    return (time.monotonic() - start) * 1000
                capture = None
                if newer:
                    self.send("capture-pane -p -t keys")
                    capture, newer = [], False
            elif capture is not None and not line.startswith(b"%"):
                capture.append(line)
        return 5000.0

    def close(self):
        """Detach first: a server killed with a control client still attached was seen to hang, half gone."""
        self.proc.stdin.close()
        try:
            self.proc.wait(3)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def drain(self, seconds):
        for _ in self.lines(seconds):
            pass


def measure(command, idle, samples):
    socket = f"tuiports-keys-{os.getpid()}"
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", "keys", "-x", "120", "-y", "40",
                    f"env -u DisableRealDriverIO TERM=xterm-256color {command}"], check=True)
    client = ControlClient(socket, "keys")
    try:
        client.drain(idle)
        results = []
        for digit in ("78978" * samples)[:samples]:
            client.drain(0)
            start = time.monotonic()
            client.send(f"send-keys -t keys {digit}")
            results.append(client.until_shown(f"Filter: {digit}", start))
            client.send("send-keys -t keys BSpace")
            client.drain(idle)
        return results
    finally:
        client.close()
        subprocess.run(["tmux", "-L", socket, "kill-server"], stderr=subprocess.DEVNULL)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idleness before each key")
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--floor", action="store_true", help="measure a program that echoes at once")
    parser.add_argument("command", nargs="*")
    args = parser.parse_args()
    native = os.environ.get("TUIPORTS_NATIVE", os.path.join(here, "..", "..", "artifacts", "native", "tuiports"))
    command = FLOOR if args.floor else (" ".join(args.command) or native)
    results = measure(command, args.idle, args.samples)
    ordered = sorted(results)
    print(" ".join(f"{ms:.1f}" for ms in results))
    print(f"median {ordered[len(ordered) // 2]:.1f} worst {ordered[-1]:.1f}")


if __name__ == "__main__":
    sys.exit(main())
