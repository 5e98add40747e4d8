#!/usr/bin/env bash
# Builds letter (release, Swift runtime linked in statically: the binary needs only the
# system's ICU and libstdc++) and installs it with its man page and shell completions.
#
#   scripts/install.sh [PREFIX]              install into PREFIX (default /usr/local)
#   scripts/install.sh --uninstall [PREFIX]  remove exactly the files an install wrote
#
# Installs:
#   PREFIX/bin/letter
#   PREFIX/share/man/man1/letter.1                     (argument-parser's generate-manual)
#   PREFIX/share/bash-completion/completions/letter
#   PREFIX/share/zsh/site-functions/_letter
#   PREFIX/share/fish/vendor_completions.d/letter.fish
# Works offline once the package's dependencies are resolved (they are in .build).
set -euo pipefail

uninstall=false
if [ "${1:-}" = "--uninstall" ]; then
  uninstall=true
  shift
fi
case "${1:-}" in
  -h | --help)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac
prefix=${1:-/usr/local}
[ $# -le 1 ] || { echo "usage: scripts/install.sh [--uninstall] [PREFIX]" >&2; exit 2; }

files=(
  bin/letter
  share/man/man1/letter.1
  share/bash-completion/completions/letter
  share/zsh/site-functions/_letter
  share/fish/vendor_completions.d/letter.fish
)

if $uninstall; then
  for f in "${files[@]}"; do
    if [ -e "$prefix/$f" ]; then
      rm -f "$prefix/$f"
      echo "removed $prefix/$f"
    fi
  done
  exit 0
fi

cd "$(dirname "$0")/.."
# Builds share the machine: one at a time (the lock is optional elsewhere).
lock() { if command -v flock >/dev/null; then flock /tmp/letter-build.lock "$@"; else "$@"; fi; }

# 1. The man page, from the command's own help (generate-manual builds the package in
#    release mode first, then runs the tool on the letter executable).
echo "generating the man page..."
lock swift package --allow-writing-to-package-directory generate-manual >/dev/null
page=$(find .build/plugins/GenerateManual -name letter.1 -newer Package.swift -print -quit 2>/dev/null || true)
[ -n "$page" ] || page=$(find .build/plugins/GenerateManual -name letter.1 -print -quit)
[ -n "$page" ] || { echo "error: generate-manual wrote no letter.1" >&2; exit 1; }

# 2. The binary, with the Swift standard library and Foundation linked in.
echo "building letter (release, static Swift standard library)..."
lock swift build -c release --product letter --static-swift-stdlib >/dev/null
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)/letter

# 3. Install.
install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bin" "$prefix/bin/letter"
install -m 644 "$page" "$prefix/share/man/man1/letter.1"
"$prefix/bin/letter" --generate-completion-script bash >"$prefix/share/bash-completion/completions/letter"
"$prefix/bin/letter" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_letter"
"$prefix/bin/letter" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/letter.fish"
chmod 644 "$prefix/share/bash-completion/completions/letter" \
  "$prefix/share/zsh/site-functions/_letter" "$prefix/share/fish/vendor_completions.d/letter.fish"
for f in "${files[@]}"; do echo "installed $prefix/$f"; done
"$prefix/bin/letter" --version
