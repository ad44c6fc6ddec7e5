#!/usr/bin/env bash
# Publishes the Native AOT binary that runs on every server with glibc 2.31 or newer (Debian 11, Ubuntu 20.04, and
# every later release): it links against a Debian 11 (bullseye) sysroot instead of the build machine's libc, so no
# symbol version above GLIBC_2.31 is needed (checked below with objdump -T). The sysroot is created once with
# debootstrap and cached under artifacts/sysroot/ (inside the clone; delete it to rebuild).
#
# Usage: packaging/publish.sh [linux-x64|linux-arm64]      (default linux-x64)
#   output: artifacts/native/tuiports (linux-x64), artifacts/native-arm64/tuiports (linux-arm64)
#   env: TUIPORTS_SYSROOT_CACHE (default artifacts/sysroot), DEBIAN_MIRROR (default http://deb.debian.org/debian)
# Needs root or sudo the first time (debootstrap; missing build tools are installed with apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { echo "publish: $*" >&2; exit 1; }
rid="${1:-linux-x64}"
case "$rid" in
  linux-x64) debarch=amd64 triple=x86_64-linux-gnu out=artifacts/native ;;
  linux-arm64) debarch=arm64 triple=aarch64-linux-gnu out=artifacts/native-arm64 ;;
  *) fail "unknown runtime '$rid': linux-x64 or linux-arm64" ;;
esac
# The oldest glibc tuiports supports, and the Debian release that has it.
max_glibc=2.31
suite=bullseye
cache="${TUIPORTS_SYSROOT_CACHE:-$PWD/artifacts/sysroot}"
sysroot="$cache/$suite-$debarch"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

# Build tools: clang and lld (Native AOT links with clang), debootstrap (the sysroot), binutils (objdump).
missing=()
for pkg in clang lld debootstrap binutils; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if ((${#missing[@]})); then
  echo "publish: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# make_sysroot DIR: a minimal bullseye with the headers and libraries the linker needs (libc6-dev: crt1.o, libc.so,
# libm, libdl, libpthread, librt; zlib1g-dev: libz; libgcc-10-dev and libstdc++-10-dev: crtbegin.o, libgcc).
make_sysroot() {
  local dir="$1" host_arch
  host_arch="$(dpkg --print-architecture)"
  local packages=libc6-dev,zlib1g-dev,libgcc-10-dev,libstdc++-10-dev
  $SUDO rm -rf "$dir"
  if [ "$debarch" = "$host_arch" ]; then
    $SUDO debootstrap --variant=minbase --include="$packages" "$suite" "$dir" "$mirror" >"$dir.log" 2>&1 \
      || fail "debootstrap failed (see $dir.log)"
  else
    # A foreign architecture: the first stage downloads and unpacks without running anything (the second stage
    # would need qemu-user-static). A sysroot only needs the files, so every downloaded package is unpacked.
    $SUDO debootstrap --foreign --arch="$debarch" --variant=minbase --include="$packages" "$suite" "$dir" "$mirror" \
      >"$dir.log" 2>&1 || fail "debootstrap --foreign failed (see $dir.log)"
    local deb
    for deb in "$dir"/var/cache/apt/archives/*.deb; do $SUDO dpkg-deb -x "$deb" "$dir"; done
  fi
  # Absolute symlinks (usr/lib/x86_64-linux-gnu/libm.so -> /lib/x86_64-linux-gnu/libm.so.6, ...) would make the
  # linker reach for the build machine's files: point each at the same file inside the sysroot, relatively.
  local link target
  while IFS= read -r -d '' link; do
    target="$(readlink "$link")"
    $SUDO ln -sfnr "$dir$target" "$link"
  done < <(find "$dir" -type l -lname '/*' -print0)
  # The linker needs only these; drop the rest (about 300 MB becomes about 100 MB).
  $SUDO rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/usr/share/{doc,man,locale,info} "$dir"/debootstrap
}

if [ ! -f "$sysroot/.tuiports-sysroot" ]; then
  echo "publish: creating the $suite sysroot for $debarch in $sysroot (once; it is cached)"
  mkdir -p "$cache"
  make_sysroot "$sysroot.tmp"
  [ -f "$sysroot.tmp/usr/lib/$triple/libc.so" ] || fail "the sysroot has no usr/lib/$triple/libc.so (libc6-dev)"
  $SUDO touch "$sysroot.tmp/.tuiports-sysroot"
  $SUDO rm -rf "$sysroot"
  $SUDO mv "$sysroot.tmp" "$sysroot"
fi

echo "publish: tuiports for $rid against the $suite sysroot (glibc $max_glibc)"
extra=()
# Cross-linking: Native AOT passes clang the target triple itself; the host's ld.bfd links only its own architecture.
if [ "$debarch" != "$(dpkg --print-architecture)" ]; then
  extra+=(-p:LinkerFlavor=lld)
fi
dotnet publish src/TuiPorts -c Release -r "$rid" -p:PublishAot=true -p:SysRoot="$sysroot" "${extra[@]}" -o "$out"
binary="$out/tuiports"

# No symbol version above glibc 2.31: a newer one would make the binary refuse to start on Debian 11.
newest="$(objdump -T "$binary" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
[ -n "$newest" ] || fail "objdump -T $binary shows no GLIBC symbol versions"
if [ "$(printf '%s\n%s\n' "$newest" "$max_glibc" | sort -V | tail -1)" != "$max_glibc" ]; then
  objdump -T "$binary" | grep -E "GLIBC_$newest" >&2 || true
  fail "$binary needs GLIBC_$newest: more than glibc $max_glibc"
fi
echo "publish: $binary needs glibc $newest at most (limit $max_glibc)"
