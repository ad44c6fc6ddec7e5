#!/usr/bin/env bash
# Installs artifacts/tuiports_<version>_amd64.deb with apt-get, checks it as a user would (the binary on PATH, its
# version, man -w, --once from /usr/bin, bash and zsh completion from the installed files), then removes it.
# Usage: packaging/test-deb.sh [path/to/tuiports_X_amd64.deb]   (default: the one packaging/build-deb.sh built)
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
pass() { echo "test-deb: ok: $*"; }
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

deb="${1:-artifacts/tuiports_$(dotnet msbuild src/TuiPorts -getProperty:Version)_amd64.deb}"
[ -f "$deb" ] || fail "$deb not found: run packaging/build-deb.sh first"
version="$(dpkg-deb -f "$deb" Version)"

# What the checks use: man-db (man -w), bash-completion (its loader finds completions by command name), zsh.
missing=()
for pkg in man-db bash-completion zsh; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if ((${#missing[@]})); then
  echo "test-deb: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# Minimal Debian images tell dpkg to drop every man page (path-exclude in /etc/dpkg/dpkg.cfg.d/). Let ours through
# for this test, or man -w would fail for a reason that has nothing to do with the package.
include=/etc/dpkg/dpkg.cfg.d/zz-tuiports-test-man
cleanup() {
  $SUDO rm -f "$include"
  if dpkg -s tuiports >/dev/null 2>&1; then DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq tuiports >/dev/null; fi
}
trap cleanup EXIT
if grep -rqs '^path-exclude.*/usr/share/man' /etc/dpkg/dpkg.cfg.d/; then
  echo "path-include=/usr/share/man/man1/tuiports.1.gz" | $SUDO tee "$include" >/dev/null
fi

DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --reinstall "./$deb"
[[ "$(dpkg -s tuiports)" == *$'\nStatus: install ok installed'* ]] || fail "dpkg does not list tuiports as installed"
pass "apt-get install ./$deb"

[ "$(command -v tuiports)" = /usr/bin/tuiports ] || fail "tuiports on PATH is $(command -v tuiports || echo nothing), not /usr/bin/tuiports"
got="$(tuiports --version)" || fail "tuiports --version exited $?"
[ "$got" = "tuiports $version" ] || fail "tuiports --version printed '$got', expected 'tuiports $version'"
pass "tuiports --version: $got"

page="$(man -w tuiports)" || fail "man -w tuiports found no page"
[ "$page" = /usr/share/man/man1/tuiports.1.gz ] || fail "man -w tuiports gave $page"
[[ "$(MANWIDTH=80 man tuiports 2>/dev/null)" == *--proc-root* ]] || fail "man tuiports does not render the options"
pass "man -w tuiports: $page"

once="$(cd / && /usr/bin/tuiports --once)" || fail "/usr/bin/tuiports --once exited $?"
[[ $once == Proto* ]] || fail "/usr/bin/tuiports --once printed no table: $once"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  (cd / && setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/tuiports --once >/dev/null) \
    || fail "/usr/bin/tuiports --once as the unprivileged user nobody exited $?"
fi
pass "/usr/bin/tuiports --once"

# Bash: what Tab offers after "tuiports ki" and "tuiports --po", from the installed script, sourced directly and
# loaded on demand by bash-completion the way an interactive shell does.
complete_bash() { # $1: how the script gets loaded; the rest: the words, the last one being completed
  local load="$1"; shift
  bash -c "$load"'; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _tuiports; echo "${COMPREPLY[*]}"' bash "$@"
}
direct='source /usr/share/bash-completion/completions/tuiports'
loader='source /usr/share/bash-completion/bash_completion; _completion_loader tuiports'
for load in "$direct" "$loader"; do
  [ "$(complete_bash "$load" tuiports ki)" = kill ] || fail "bash: tuiports ki<Tab> does not give kill ($load)"
  [ "$(complete_bash "$load" tuiports --po)" = --port ] || fail "bash: tuiports --po<Tab> does not give --port ($load)"
done
[ "$(bash -c "$direct; complete -p tuiports")" = "complete -F _tuiports tuiports" ] || fail "bash: tuiports is not bound to _tuiports"
pass "bash completion: tuiports ki<Tab> -> kill, tuiports --po<Tab> -> --port"

# Zsh: compinit finds the #compdef file in its default fpath and binds it to tuiports.
[ "$(zsh -fc 'autoload -Uz compinit && compinit -u -D && print -r -- ${_comps[tuiports]}')" = _tuiports ] \
  || fail "zsh: compinit does not bind _tuiports to tuiports"
pass "zsh completion: _tuiports from /usr/share/zsh/vendor-completions"

DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq tuiports >/dev/null
[[ "$(dpkg -s tuiports 2>/dev/null)" != *$'\nStatus: install ok installed'* ]] || fail "tuiports is still installed after apt-get remove"
for file in /usr/bin/tuiports /usr/share/man/man1/tuiports.1.gz /usr/share/bash-completion/completions/tuiports \
  /usr/share/zsh/vendor-completions/_tuiports; do
  [ ! -e "$file" ] || fail "$file is still there after apt-get remove"
done
pass "apt-get remove tuiports: every file gone"
echo "test-deb: all checks passed for $deb"
