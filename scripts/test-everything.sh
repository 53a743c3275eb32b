#!/usr/bin/env bash
# Runs every test of Inbox Desk on a fresh Debian/Ubuntu machine:
#   1. installs the Debian packages the tests need (Chromium, gnome-keyring,
#      dbus, libsecret for keytar), when they are missing;
#   2. installs the npm packages from the lockfile, when node_modules is stale;
#   3. starts a private dbus session with an unlocked gnome-keyring, so the
#      keychain tests use a real Secret Service without touching yours;
#   4. runs lint, typecheck, the dependency rules and unit tests (`npm run check`),
#      builds the test build of the app (`npm run build:e2e`),
#      and runs the end-to-end specs against the built bundles in Chromium.
# It ends with one line: "Total: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v gnome-keyring-daemon >/dev/null 2>&1 || need_apt+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || need_apt+=(dbus-x11)
pkg-config --exists libsecret-1 2>/dev/null || need_apt+=(libsecret-1-dev pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[test] installing Debian packages: ${need_apt[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The Electron binary cannot be (and need not be) downloaded for the tests:
# the built app runs on a shim (tests/e2e/electron-shim).
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
lock_stamp=node_modules/.inbox-desk-lock.sha
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$lock_stamp" ] || [ "$(cat "$lock_stamp")" != "$lock_sum" ]; then
  echo "[test] installing npm packages from the lockfile"
  npm ci --no-audit --no-fund
  echo "$lock_sum" >"$lock_stamp"
fi

results=$(mktemp -d)
export INBOX_DESK_TEST_RESULTS="$results"

# A throwaway HOME keeps the keyring, electron-store files and Chromium
# profiles of the tests away from the user's own.
test_home=$(mktemp -d)
export XDG_DATA_HOME="$test_home/.local/share" XDG_CONFIG_HOME="$test_home/.config" XDG_RUNTIME_DIR="$test_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

status=0
HOME="$test_home" dbus-run-session -- bash -c '
  set -euo pipefail
  echo -n test-keyring-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cd "'"$root"'"
  npm run lint
  npm run format:check
  npm run typecheck
  npm run deps
  npm run security
  npx vitest run --reporter=default --reporter=json --outputFile.json="$INBOX_DESK_TEST_RESULTS/vitest.json"
  npm run build:e2e
  PLAYWRIGHT_JSON_OUTPUT_NAME="$INBOX_DESK_TEST_RESULTS/playwright.json" npx playwright test --reporter=list,json
' || status=$?

node scripts/summarize-test-results.mjs "$results" || status=1
rm -rf "$test_home" "$results"
exit $status
