#!/usr/bin/env bash
# Builds the solution and runs every test, on a developer's machine or in CI (.ci/run).
# On a fresh Debian machine it first installs what the tests need (root, or sudo).
# Extra arguments go to `dotnet test`, e.g.:  scripts/test.sh --filter "FullyQualifiedName~Recipes"
# Exit code: dotnet test's (124 when the overall time limit was hit).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Overall limit for `dotnet test`, in seconds; CI allows 90 minutes for the whole run.
TEST_TIMEOUT_SECONDS="${PORTAL_TEST_TIMEOUT_SECONDS:-1500}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker nodes left behind after the build, holding the CI log open.
export MSBUILDDISABLENODEREUSE=1

TMP_ROOT="${TMPDIR:-/tmp}"
TMP_ROOT="${TMP_ROOT%/}"
# Tests name their throwaway folders (SMTP, PostgreSQL data dirs, browser profiles) with this prefix.
TEST_PREFIX="$TMP_ROOT/portal-test-"

log() { printf '==> %s\n' "$*"; }

# ---------------------------------------------------------------------------
# Clean-up of whatever the tests started, also when they fail or hang.
# ---------------------------------------------------------------------------
kill_leftovers() {
  local signal="$1" pidfile pid
  # PostgreSQL servers the tests started with pg_ctl: SIGQUIT is postgres' immediate shutdown.
  for pidfile in "$TEST_PREFIX"*/postmaster.pid "$TEST_PREFIX"*/*/postmaster.pid; do
    [[ -f "$pidfile" ]] || continue
    pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]]; then
      if [[ "$signal" == TERM ]]; then kill -QUIT "$pid" 2>/dev/null || true
      else kill -KILL "$pid" 2>/dev/null || true; fi
    fi
  done
  pkill "-$signal" -f -- "postgres.* -D ${TEST_PREFIX}" 2>/dev/null || true
  pkill "-$signal" -f -- "aiosmtpd -n -l 127.0.0.1" 2>/dev/null || true
  pkill "-$signal" -f -- "--user-data-dir=${TEST_PREFIX}" 2>/dev/null || true
}

# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  local rc=$?
  set +e
  kill_leftovers TERM
  sleep 1
  kill_leftovers KILL
  rm -rf -- "$TEST_PREFIX"* 2>/dev/null
  # Compiler and Razor build servers would otherwise outlive the run.
  dotnet build-server shutdown >/dev/null 2>&1
  [[ -n "${TEST_LOG:-}" ]] && rm -f -- "$TEST_LOG"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Leftovers of an earlier run that was killed outright (no trap ran) would hold ports and disk.
kill_leftovers KILL
rm -rf -- "$TEST_PREFIX"* 2>/dev/null || true

# ---------------------------------------------------------------------------
# System packages the tests (and the front-end build) need.
# ---------------------------------------------------------------------------
packages=()
[[ -x /usr/bin/chromium ]] || packages+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || packages+=(python3-aiosmtpd)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || packages+=(postgresql)
# The theme and the browser tests restore npm packages during the build.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

if ((${#packages[@]} > 0)); then
  if [[ "$(id -u)" == 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "error: need ${packages[*]}, but this is not root and sudo is missing; install them and run again." >&2
    exit 1
  fi
  log "Installing ${packages[*]}"
  "${as_root[@]}" apt-get update -q
  # The postgresql package may start a cluster service of its own; the tests do not use it.
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${packages[@]}"
fi

# ---------------------------------------------------------------------------
# npm packages (the builds also do this; here a registry or lock problem shows up clearly).
# ---------------------------------------------------------------------------
while IFS= read -r lock; do
  dir="$(dirname "$lock")"
  log "npm ci in $dir"
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund)
done < <(find themes tests -mindepth 2 -maxdepth 2 -name package-lock.json 2>/dev/null | sort)

# ---------------------------------------------------------------------------
# Build and test.
# ---------------------------------------------------------------------------
log "dotnet restore"
dotnet restore Portal.sln

log "dotnet build"
dotnet build Portal.sln --no-restore -warnaserror

log "dotnet test (time limit ${TEST_TIMEOUT_SECONDS}s)"
TEST_LOG="$(mktemp)"
set +e
timeout --kill-after=60 "$TEST_TIMEOUT_SECONDS" \
  dotnet test Portal.sln --no-build \
    --blame-hang --blame-hang-timeout 5m \
    --logger "console;verbosity=normal" \
    "$@" 2>&1 | tee "$TEST_LOG"
test_rc=${PIPESTATUS[0]}
set -e

if ((test_rc == 124)); then
  echo "error: dotnet test did not finish within ${TEST_TIMEOUT_SECONDS}s" >&2
fi

# One closing line over all test assemblies, summed from each assembly's summary block:
#   Total tests: N / Passed: N / Failed: N / Skipped: N / Total time: ...
awk '
  /^[[:space:]]*Total tests:/ { inblock = 1; next }
  inblock && /^[[:space:]]*Passed:[[:space:]]*[0-9]+[[:space:]]*$/  { passed  += $2 }
  inblock && /^[[:space:]]*Failed:[[:space:]]*[0-9]+[[:space:]]*$/  { failed  += $2 }
  inblock && /^[[:space:]]*Skipped:[[:space:]]*[0-9]+[[:space:]]*$/ { skipped += $2 }
  /^[[:space:]]*Total time:/ { inblock = 0 }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$TEST_LOG"

exit "$test_rc"
