#!/bin/sh
# Build the socket workload generator.  Usage: tests/workload/build.sh [OUT]
# (or OUT=... build.sh); the default output is tests/workload/workload.
set -eu
cd "$(dirname "$0")"
OUT="${1:-${OUT:-$(pwd)/workload}}"
gcc -O2 -Wall -Wextra -Werror -o "$OUT" workload.c
