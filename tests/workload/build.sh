#!/bin/sh
# Build the socket workload generator.  Usage: tests/workload/build.sh [OUT]
# OUT (argument or environment variable) defaults to tests/workload/workload.
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-${OUT:-$dir/workload}}
case $OUT in /*) ;; *) OUT=$(pwd)/$OUT ;; esac
cd "$dir"
gcc -O2 -Wall -Wextra -Werror -o "$OUT" workload.c
