#!/usr/bin/env bash
# PID reuse, for real: `tuiports kill` pins its target with a pidfd before asking for confirmation. While it waits,
# the target exits and its pid is handed to a new process (forced through ns_last_pid inside a private PID
# namespace). Confirming must then send nothing, and the new process must not receive the signal.
# Needs root (unshare --pid, ns_last_pid). Exit 0 = pass, 1 = fail.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
export TUIPORTS_CMD="${TUIPORTS_CMD:-dotnet $REPO/src/TuiPorts/bin/Debug/net10.0/tuiports.dll}"
WORK="$(mktemp -d /tmp/tuiports-pidreuse.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

if [ "$(id -u)" != 0 ]; then echo "FAIL: needs root for unshare --pid and ns_last_pid" >&2; exit 1; fi
# Everything started inside dies with the namespace's init (bash) when the script ends.
timeout 120 unshare --pid --fork --mount-proc bash "$HERE/pid-reuse-inner.sh" "$WORK"
