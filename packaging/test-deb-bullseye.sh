#!/usr/bin/env bash
# Installs the .deb on Debian 11 (glibc 2.31, the oldest tuiports supports) and uses it there: dpkg -i in a bullseye
# chroot (a throwaway copy of packaging/publish.sh's sysroot, with the host's /proc and /dev bind-mounted), then
# tuiports --version, --once and a real `tuiports kill PORT --yes` of a listener this script starts. Needs root.
# Usage: packaging/test-deb-bullseye.sh [path/to/tuiports_X_amd64.deb]   (default: the one build-deb.sh built)
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-deb-bullseye: FAIL: $*" >&2; exit 1; }
pass() { echo "test-deb-bullseye: ok: $*"; }
if [ "$(id -u)" -ne 0 ]; then exec sudo "$0" "$@"; fi # chroot and mount need root

deb="${1:-artifacts/tuiports_$(dotnet msbuild src/TuiPorts -getProperty:Version)_amd64.deb}"
[ -f "$deb" ] || fail "$deb not found: run packaging/build-deb.sh first"
version="$(dpkg-deb -f "$deb" Version)"
sysroot="${TUIPORTS_SYSROOT_CACHE:-$PWD/artifacts/sysroot}/bullseye-amd64"
[ -f "$sysroot/.tuiports-sysroot" ] || fail "no bullseye sysroot in $sysroot: run packaging/publish.sh first"

root="$(mktemp -d "${TMPDIR:-/tmp}/tuiports-bullseye.XXXXXX")"
listener=""
cleanup() {
  if [ -n "$listener" ] && kill -0 "$listener" 2>/dev/null; then kill "$listener"; fi
  for mnt in "$root/proc" "$root/dev"; do mountpoint -q "$mnt" && umount "$mnt"; done
  # Only a copy is removed, and only once nothing is mounted in it any more.
  if ! grep -q " $root/" /proc/mounts; then rm -rf "$root"; fi
}
trap cleanup EXIT
cp -a "$sysroot/." "$root/"
mount --bind /proc "$root/proc"
mount --bind /dev "$root/dev"
in_chroot() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

glibc="$(in_chroot ldd --version | sed -n 1p)" # sed reads it all: head would leave ldd a SIGPIPE (141 under pipefail)
[[ $glibc == *" 2.31" ]] || fail "the chroot's glibc is not 2.31: $glibc"
cp "$deb" "$root/tmp/tuiports.deb"
in_chroot dpkg -i /tmp/tuiports.deb >/dev/null || fail "dpkg -i refused the package on Debian 11 ($glibc)"
pass "dpkg -i on Debian 11 ($glibc); Depends: $(dpkg-deb -f "$deb" Depends)"

got="$(in_chroot tuiports --version)" || fail "tuiports --version exited $?"
[ "$got" = "tuiports $version" ] || fail "tuiports --version printed '$got'"
pass "tuiports --version: $got"

once="$(in_chroot tuiports --once)" || fail "tuiports --once exited $?"
[[ $once == Proto* ]] || fail "tuiports --once printed no table: $once"
pass "tuiports --once"

# A real listener on a loopback port (perl from the chroot's perl-base), then the kill from inside the chroot.
portfile="$root/tmp/port"
chroot "$root" /usr/bin/perl -MIO::Socket::INET -e '
  my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0, Listen => 5, ReuseAddr => 1) or die $!;
  open my $f, ">", "/tmp/port.new" or die $!; print $f $s->sockport, "\n"; close $f; rename "/tmp/port.new", "/tmp/port";
  sleep 300' &
listener=$!
for _ in $(seq 100); do [ -s "$portfile" ] && break; sleep 0.1; done
port="$(cat "$portfile" 2>/dev/null)" || fail "the test listener did not start"
out="$(in_chroot tuiports kill "$port" --yes 2>&1)" || fail "tuiports kill $port --yes exited $?: $out"
wait "$listener" || true # it ends by SIGTERM; wait returns once it has
listener=""
if [ -n "$(ss -Htln "sport = :$port")" ]; then fail "port $port is still listened on after the kill: $out"; fi
pass "tuiports kill $port --yes: $(head -1 <<<"$out")"
echo "test-deb-bullseye: all checks passed for $deb on Debian 11"
