#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the web console's browser tests (idempotent).
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  echo "[install-browser] chromium and chromedriver are installed"
  exit 0
fi
echo "[install-browser] installing chromium and chromium-driver"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
echo "[install-browser] $(chromium --version 2>/dev/null | head -n1)"
