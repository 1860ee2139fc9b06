#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the project needs when they are missing. Used by the Makefile.
set -euo pipefail
need=()
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=("python3-venv")
command -v git >/dev/null || need+=("git")
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
