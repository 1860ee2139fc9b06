#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the project needs, when they are missing. Used by the Makefile.
#   base:    the venv module (Debian ships it separately) and git (last-updated dates)
#   browser: Debian's Chromium and a font set, for the browser tests and the PDF. No tool downloads
#            a browser of its own.
set -euo pipefail
need=()
case "${1:-base}" in
  base)
    python3 -c 'import ensurepip, venv' 2>/dev/null || need+=("python3-venv")
    command -v git >/dev/null || need+=("git")
    ;;
  browser)
    [ -x /usr/bin/chromium ] || need+=("chromium")
    [ -d /usr/share/fonts/truetype/dejavu ] || need+=("fonts-dejavu-core")
    ;;
esac
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
