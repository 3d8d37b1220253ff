#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs on a fresh Debian machine: Debian chromium (browsers downloaded by test
# tools cannot work here) and whatever the harnesses below add. Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
