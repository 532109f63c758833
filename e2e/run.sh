#!/usr/bin/env bash
# Browser end-to-end tests of the ankommen staff UI, in one command:
#
#   e2e/run.sh                      # from anywhere in the repository
#   UPDATE_DOCS_SCREENSHOTS=1 e2e/run.sh   # also refresh docs/screenshots/*.png
#
# 1. makes sure Debian's Chromium (/usr/bin/chromium) and the node packages are there
#    (apt-get as root if Chromium is missing; `npm ci`, which never downloads a browser),
# 2. builds the server (`cargo build -p ankommen`; honours CARGO_TARGET_DIR),
# 3. starts it on a free loopback port with a fresh SQLite database and the demo data,
# 4. runs the tests (node's built-in test runner, playwright-core, axe-core),
# 5. always stops the server, and exits with the tests' status.
#
# Knobs: E2E_SKIP_BUILD=1 (use the binary as it is), ANKOMMEN_BIN=path (another binary),
# E2E_KEEP=1 (keep the temporary directory with database and server log),
# E2E_TEST_FILTER=regex (node --test-name-pattern).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

log() { printf 'e2e: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else log "need root for: $*"; return 1
  fi
}

apt_updated=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- 1. Chromium and node -------------------------------------------------------------
if [ -n "${CHROMIUM:-}" ]; then
  [ -x "$CHROMIUM" ] || { log "CHROMIUM=$CHROMIUM is not an executable"; exit 2; }
else
  CHROMIUM=/usr/bin/chromium
  if [ ! -x "$CHROMIUM" ]; then
    log "installing Debian's chromium (and fonts for readable screenshots)"
    apt_install chromium fonts-dejavu-core fonts-liberation
  fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "installing node and npm"
  apt_install nodejs npm
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  log "node $(node --version) is too old: the tests need node 20 or newer"
  exit 2
fi

# Node packages: `npm ci` when the lock file changed since the last install.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
lock_sum="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
stamp="$here/node_modules/.e2e-lock-sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  log "npm ci"
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  echo "$lock_sum" >"$stamp"
fi

# --- 2. The server binary ---------------------------------------------------------------
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
bin="${ANKOMMEN_BIN:-$target_dir/debug/ankommen}"
if [ -z "${ANKOMMEN_BIN:-}" ] && [ "${E2E_SKIP_BUILD:-0}" != "1" ]; then
  log "cargo build -p ankommen"
  cargo build -q -p ankommen
fi
if [ ! -x "$bin" ]; then
  log "no server binary at $bin"
  exit 2
fi

# --- 3. Start it ------------------------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/ankommen-e2e.XXXXXX")"
server_pid=""
status=1
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$tmp/server.log" ]; then
    log "last lines of the server log:"
    tail -n 40 "$tmp/server.log" >&2 || true
  fi
  if [ "${E2E_KEEP:-0}" = "1" ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
base_url="http://127.0.0.1:$port"
password="${E2E_PASSWORD:-e2e-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')}"

log "starting $bin on $base_url (database in $tmp)"
(
  # Only what this script sets: no ANKOMMEN_* from the caller, no ankommen.toml.
  for v in $(compgen -e | grep '^ANKOMMEN_' || true); do unset "$v"; done
  cd "$tmp"
  export ANKOMMEN_CONFIG="$tmp/none.toml"
  export ANKOMMEN_DEMO_PASSWORD="$password"
  exec "$bin" serve --demo --database "sqlite://$tmp/e2e.db" --bind "127.0.0.1:$port" --metrics-bind ""
) >"$tmp/server.log" 2>&1 </dev/null &
server_pid=$!

# Wait for /healthz (up to 60 s), giving up at once if the server exits.
BASE_URL="$base_url" SERVER_PID="$server_pid" node -e '
  const deadline = Date.now() + 60_000;
  const alive = () => { try { process.kill(Number(process.env.SERVER_PID), 0); return true; } catch { return false; } };
  (async () => {
    while (Date.now() < deadline) {
      if (!alive()) { console.error("e2e: the server exited before it was ready"); process.exit(1); }
      try {
        const r = await fetch(process.env.BASE_URL + "/healthz");
        if (r.ok) process.exit(0);
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    console.error("e2e: the server did not answer /healthz within 60 s"); process.exit(1);
  })();
' || { status=1; exit 1; }
log "server ready"

# --- 4. Run the tests -------------------------------------------------------------------
rm -rf "$here/screenshots"   # only this run's pictures (the directory is gitignored)
set +e
(
  cd "$here"
  export BASE_URL="$base_url" E2E_PASSWORD="$password" CHROMIUM="$CHROMIUM"
  args=(--test --test-concurrency=1 --test-timeout=120000)
  if [ -n "${E2E_TEST_FILTER:-}" ]; then args+=(--test-name-pattern="$E2E_TEST_FILTER"); fi
  exec timeout 600 node "${args[@]}" tests/*.test.js
)
status=$?
set -e
if [ "$status" -eq 0 ]; then log "all browser tests passed"; else log "browser tests failed (exit $status); screenshots in e2e/screenshots/"; fi
exit "$status"
