#!/usr/bin/env bash
# Builds the Native AOT binary (packaging/publish.sh: linked against a glibc 2.31 sysroot, so it runs on Debian 11,
# Ubuntu 20.04 and every newer release) and the Debian package artifacts/tuiports_<version>_amd64.deb with dpkg-deb:
# /usr/bin/tuiports, the man page, bash and zsh completions, copyright and changelog. Run from anywhere, as root or
# with sudo available (it installs its build tools when they are missing). Then: apt install ./artifacts/tuiports_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
umask 022

fail() { echo "build-deb: $*" >&2; exit 1; }

# Build tools (publish.sh installs its own): go-md2man turns the Markdown man page into roff; dpkg-dev for
# dpkg-shlibdeps, which computes Depends from the libraries the binary really links.
missing=()
for pkg in go-md2man dpkg-dev; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if ((${#missing[@]})); then
  echo "build-deb: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# The version lives once, in Directory.Build.props; the binary prints it and the package is named after it.
version="$(dotnet msbuild src/TuiPorts -getProperty:Version)"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "unexpected version '$version' from Directory.Build.props"
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2>/dev/null || date +%s)"
fi
export SOURCE_DATE_EPOCH
maintainer="${DEB_MAINTAINER:-$(git log -1 --format='%an <%ae>' 2>/dev/null || true)}"
maintainer="${maintainer:-tuiports maintainers <maintainers@tuiports.invalid>}"

echo "build-deb: publishing tuiports $version (Native AOT, glibc 2.31 sysroot)"
packaging/publish.sh linux-x64
binary=artifacts/native/tuiports
[ "$("$binary" --version)" = "tuiports $version" ] || fail "$binary --version does not say tuiports $version"
# The publish also copies TextMateSharp's libonigwrap.so (Terminal.Gui's syntax highlighting); the AOT binary has
# trimmed that code away and never loads it, so it is not shipped. Fail loudly if that ever changes.
if grep -aq onigwrap "$binary"; then fail "$binary now references libonigwrap: ship it or keep it trimmed"; fi

root=artifacts/deb-root
rm -rf "$root"
install -d -m 0755 "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/doc/tuiports" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions"
install -m 0755 "$binary" "$root/usr/bin/tuiports"
strip --remove-section=.comment --remove-section=.note --strip-unneeded "$root/usr/bin/tuiports"
"$root/usr/bin/tuiports" completion bash >"$root/usr/share/bash-completion/completions/tuiports"
"$root/usr/bin/tuiports" completion zsh >"$root/usr/share/zsh/vendor-completions/_tuiports"

# docs/tuiports.1.md is the source; its title line gets the date and version here, so neither is written twice.
sed "1s/\"\" \"tuiports\"/\"$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)\" \"tuiports $version\"/" docs/tuiports.1.md \
  | go-md2man >"$root/usr/share/man/man1/tuiports.1"
grep -q "^\.TH TUIPORTS 1 \"[0-9-]*\" \"tuiports $version\"" "$root/usr/share/man/man1/tuiports.1" \
  || fail "docs/tuiports.1.md's title line is no longer: % TUIPORTS 1 \"\" \"tuiports\" \"User Commands\""
gzip -9n "$root/usr/share/man/man1/tuiports.1"

install -m 0644 packaging/copyright "$root/usr/share/doc/tuiports/copyright"
cat <<CHANGELOG | gzip -9n >"$root/usr/share/doc/tuiports/changelog.gz"
tuiports ($version) unstable; urgency=medium

  * Release $version: live view of every TCP/UDP socket and its holders, --once
    table and JSON, kill, bench, soak; man page and bash/zsh completions.

 -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")
CHANGELOG

# Depends: what dpkg-shlibdeps derives from the binary's NEEDED libraries and symbol versions (libc6 only).
shlibs="$(mktemp -d)"
trap 'rm -rf "$shlibs"' EXIT
mkdir "$shlibs/debian"
printf 'Source: tuiports\n\nPackage: tuiports\nArchitecture: amd64\n' >"$shlibs/debian/control"
# The binary is linked against publish.sh's bullseye sysroot, so the minimum versions come from that libc6's symbols
# file (--admindir: the sysroot's dpkg database), not from the build machine's newer one (Debian 12's says
# sysconf needs 2.34, which is true only of binaries linked against 2.34).
sysroot="${TUIPORTS_SYSROOT_CACHE:-$PWD/artifacts/sysroot}/bullseye-amd64"
depends="$(cd "$shlibs" && dpkg-shlibdeps --admindir="$sysroot/var/lib/dpkg" -O "$OLDPWD/$root/usr/bin/tuiports" \
  | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends" ] || fail "dpkg-shlibdeps found no dependencies for the binary"
# The package installs wherever the binary runs: Debian 11's libc6 2.31 must satisfy every version it asks for.
for need in $(grep -o 'libc6 (>= [0-9.]*)' <<<"$depends" | sed 's/.*>= //; s/)//'); do
  dpkg --compare-versions "$need" le 2.31 || fail "Depends asks for libc6 >= $need, more than Debian 11's 2.31: $depends"
done

cat >"$root/DEBIAN/control" <<CONTROL
Package: tuiports
Version: $version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Section: net
Priority: optional
Description: live htop-style view of TCP/UDP sockets and the processes holding them
 tuiports shows, live, every TCP and UDP socket (IPv4 and IPv6) with its local
 and remote address, state and inode, and every process holding it: pid, name,
 user and command line. It also sees sockets in other network namespaces
 (containers), says when an owner is hidden instead of leaving a gap, and kills
 the owner of a port safely, pinned with a pidfd so a reused pid is never hit.
 .
 tuiports --once prints one snapshot as a table or JSON for scripts, and
 tuiports kill PORTS is the scriptable twin of the UI's kill key.
CONTROL
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

deb="artifacts/tuiports_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb"
echo "build-deb: built $deb"
