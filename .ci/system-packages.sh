#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the project needs, when they are missing. Used by the Makefile.
#   base:    the venv module (Debian ships it separately) and git (last-updated dates)
#   browser: a Chromium or Chrome for the browser tests, the PDF and Lighthouse, found by
#            overrides/guidebuild/browser.py (MLSGUIDE_CHROMIUM, Debian's chromium, or Google Chrome
#            or a non-snap Chromium on PATH). When none is found, Debian's chromium is installed on
#            Debian; elsewhere (Ubuntu's chromium is a snap, which does not run in CI) this says what
#            to install. No font package: the site serves its own fonts, and fontconfig, which
#            Chromium depends on, already brings a fallback font.
set -euo pipefail
need=()
case "${1:-base}" in
  base)
    python3 -c 'import ensurepip, venv' 2>/dev/null || need+=("python3-venv")
    command -v git >/dev/null || need+=("git")
    ;;
  browser)
    # The system Python, before any install: guidebuild.browser needs only the standard library.
    overrides="$(cd "$(dirname "$0")/../overrides" && pwd)"
    if ! found="$(PYTHONPATH="$overrides" python3 -m guidebuild.browser 2>&1)"; then
      if [ -z "${MLSGUIDE_CHROMIUM:-}" ] && [ "$(. /etc/os-release && echo "${ID:-}")" = debian ]; then
        need+=("chromium")
      else
        echo "$found" >&2
        exit 1
      fi
    fi
    ;;
esac
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
