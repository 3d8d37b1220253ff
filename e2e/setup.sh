#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs on a fresh Debian machine: Debian chromium (browsers downloaded by test
# tools cannot work here) and whatever the harnesses below add. Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# --- VS Code e2e (test/e2e/vscode.test.ts): code-server 4.100.3 in e2e/vscode/, facts in the team's vscode-e2e notes.
# ripgrep: code-server's @vscode/ripgrep postinstall downloads a binary (fails offline) unless its cache holds one.
# libkrb5-dev + pkg-config: the kerberos native module builds from source (its prebuilt download fails).
missing=()
for pkg in ripgrep libkrb5-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  # Another apt run (e.g. the chromium step in a parallel setup) may hold the lock: wait for it.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x e2e/vscode/node_modules/.bin/code-server ]; then
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  rg_tar="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -f "$rg_tar" ]; then
    mkdir -p "$rg_cache"
    tar -czf "$rg_tar" -C "$(dirname "$(command -v rg)")" rg
  fi
  # As root the postinstall refuses without unsafe_perm (and a failed postinstall rolls back node_modules);
  # node-pty's postinstall runs `npx node-gyp`, which needs yes=true on this npm.
  (cd e2e/vscode && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-package-lock --loglevel=error)
fi
