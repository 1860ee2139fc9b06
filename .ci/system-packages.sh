#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the project needs, when they are missing. Used by the Makefile.
#   base:    the venv module (Debian ships it separately), git (last-updated dates) and a Java
#            runtime for PySpark, whose examples run in the build. PySpark 4 needs Java 17 or newer:
#            default-jre-headless is Java 17 on Debian 12 and Java 21 on Debian 13 and Ubuntu 24.04;
#            where it is older (Ubuntu 22.04: Java 11), this stops and says what to install.
#   browser: a Chromium or Chrome for the browser tests, the PDF and Lighthouse, found by
#            overrides/guidebuild/browser.py (MLSGUIDE_CHROMIUM, Debian's chromium, or Google Chrome
#            or a non-snap Chromium on PATH). When none is found, Debian's chromium is installed on
#            Debian; elsewhere (Ubuntu's chromium is a snap, which does not run in CI) this says what
#            to install. No font package: the site serves its own fonts, and fontconfig, which
#            Chromium depends on, already brings a fallback font.
set -euo pipefail
need=()
JAVA_MIN=17
# The java PySpark starts: $JAVA_HOME/bin/java when JAVA_HOME is set, else the first on PATH.
java_bin() { if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME/bin/java"; else command -v java || true; fi; }
# The major version of that java ("1.8.0_402" is Java 8; "17.0.15" is 17); empty when there is none.
java_major() {
  local bin version
  bin="$(java_bin)"
  [ -n "$bin" ] && [ -x "$bin" ] || return 0
  version="$("$bin" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)"
  case "$version" in 1.*) version="${version#1.}" ;; esac
  echo "${version%%[.+-]*}"
}
java_is_new_enough() { local major; major="$(java_major)"; [ -n "$major" ] && [ "$major" -ge "$JAVA_MIN" ]; }
case "${1:-base}" in
  base)
    python3 -c 'import ensurepip, venv' 2>/dev/null || need+=("python3-venv")
    command -v git >/dev/null || need+=("git")
    java_is_new_enough || need+=("default-jre-headless")
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
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if [ "${1:-base}" = base ] && ! java_is_new_enough; then
  found="$(java_bin)"
  if [ -n "$found" ] && [ -x "$found" ]; then found="$found is Java $(java_major)"; else found="no java was found"; fi
  echo "system-packages.sh: PySpark 4 needs Java ${JAVA_MIN} or newer, but $found." >&2
  echo "Install openjdk-17-jre-headless or openjdk-21-jre-headless and put it first on PATH, or point" \
       "JAVA_HOME at it." >&2
  exit 1
fi
