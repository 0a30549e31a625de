#!/usr/bin/env bash
# Makes sure the browser the Playwright tests use (Debian's chromium at /usr/bin/chromium) is there.
# Playwright's own browser download is not used: `npx playwright install` needs network access to
# Microsoft's CDN, while Debian's package comes from the same mirror as everything else.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi

if [[ -f /etc/debian_version && "$(id -u)" == "0" ]]; then
  echo "Chromium nie jest zainstalowany — instaluję pakiet Debiana 'chromium' (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends chromium </dev/null >/dev/null
  if [[ -x "$CHROMIUM" ]]; then
    exit 0
  fi
  echo "apt-get install chromium finished but $CHROMIUM is still missing." >&2
  exit 1
fi

{
  echo "Brak przeglądarki Chromium ($CHROMIUM), potrzebnej do testów end-to-end."
  echo "Chromium is missing ($CHROMIUM); the end-to-end tests need it. Install it with:"
  echo
  if [[ -f /etc/debian_version ]]; then
    echo "  sudo apt-get update && sudo apt-get install -y chromium"
  else
    echo "  (on Debian/Ubuntu) sudo apt-get update && sudo apt-get install -y chromium"
    echo "  or any Chromium/Chrome build linked or installed at $CHROMIUM"
  fi
  echo
  echo "Tests without the browser: TEST_SKIP_E2E=1 npm test"
} >&2
exit 1
