#!/usr/bin/env bash
# Search page under load: wrk against the portal's /search beside a plain Kestrel page, in the same
# run. Builds Release, starts the portal on SQLite in a new data folder with the demo recipe
# (stem-club-north-east) set up from configuration, waits until the page answers 200 (the index is
# built by the portal's background worker after start-up), then runs wrk on each in turn and
# prints both. Everything runs on this machine, on loopback.
#
#   scripts/bench.sh
#   TARGET_PATH='/search?q=falls+prevention' DURATION=30s scripts/bench.sh
#
# THREADS (2), CONNECTIONS (20), DURATION (15s), WARMUP (3s), TARGET_PATH (/search?q=frailty),
# BENCH_DIR (keep the data folder and logs there) change what it does.
set -euo pipefail

threads=${THREADS:-2}
connections=${CONNECTIONS:-20}
duration=${DURATION:-15s}
warmup=${WARMUP:-3s}
target_path=${TARGET_PATH:-/search?q=frailty}
ready_timeout=${READY_TIMEOUT_SECONDS:-180}
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n "${BENCH_DIR:-}" ]]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d -t portal-bench-search-XXXXXX)
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

install() {
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}
command -v wrk >/dev/null || { echo "Installing wrk..." >&2; install wrk; }
command -v curl >/dev/null || { echo "Installing curl..." >&2; install curl; }
command -v python3 >/dev/null || { echo "Installing python3..." >&2; install python3; }

# The servers this script started, stopped by their own ids on every way out.
pids=()
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  local rc=$? pid
  set +e
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [[ -n "${BENCH_DIR:-}" ]] || rm -rf -- "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

echo "Building the portal and the plain page (Release)..." >&2
dotnet build "$root/src/Portal.Web" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/tests/Portal.Benchmarks" -c Release -v quiet -nologo >/dev/null

portal_port=$(free_port)
plain_port=$(free_port)
portal_url="http://127.0.0.1:$portal_port"
plain_url="http://127.0.0.1:$plain_port"

echo "Starting the portal on $portal_url (data in $work/data) and the plain page on $plain_url..." >&2
(
  cd "$root/src/Portal.Web/bin/Release/net10.0"
  ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="$portal_url" \
  Logging__LogLevel__Default=Warning \
  Logging__Console__FormatterName=simple \
  Portal__DataPath="$work/data" \
  Portal__Search__PollInterval=00:00:01 \
  Portal__Setup__Recipe=stem-club-north-east \
  Portal__Setup__AdminEmail=admin@example.nhs.uk \
  Portal__Setup__AdminPassword='load test passphrase for wrk runs' \
  Portal__Setup__DemoPassword='demo people passphrase for wrk' \
  exec env 'Logging__LogLevel__Portal.Web.Features.Search=Information' dotnet Portal.Web.dll
) >"$work/portal.log" 2>&1 &
pids+=($!)
dotnet "$root/tests/Portal.Benchmarks/bin/Release/net10.0/Portal.Benchmarks.dll" search-plain --urls "$plain_url" >"$work/plain.log" 2>&1 &
pids+=($!)

# Ready when the page answers 200: setup has run and the index is built (a rebuilding index answers otherwise).
wait_for() {
  local url=$1 log=$2 deadline=$((SECONDS + ready_timeout)) status
  while ((SECONDS < deadline)); do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    [[ "$status" == 200 ]] && return 0
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "A server stopped before it was ready; its log:" >&2; tail -n 40 "$log" >&2; return 1; }
    done
    sleep 1
  done
  echo "$url did not answer 200 within ${ready_timeout}s (last status $status); log:" >&2
  tail -n 40 "$log" >&2
  return 1
}
wait_for "$plain_url/" "$work/plain.log"
wait_for "$portal_url$target_path" "$work/portal.log"
# The search index is built by the background worker after start-up; measure the built index, not "rebuilding".
deadline=$((SECONDS + ready_timeout))
until grep -q 'rebuilt the index' "$work/portal.log"; do
  if ((SECONDS >= deadline)); then echo "The portal did not log that it rebuilt the search index; measuring anyway." >&2; break; fi
  sleep 1
done
# The first answers after a rebuild are slow (compilation, caches): give both a warm-up that is not counted.
sleep 2
wrk -t"$threads" -c"$connections" -d"$warmup" "$plain_url/" >/dev/null
wrk -t"$threads" -c"$connections" -d"$warmup" "$portal_url$target_path" >/dev/null

run() {
  local name=$1 url=$2 out
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")
  printf '\n### %s: %s\n%s\n' "$name" "$url" "$out" >&2
  # Requests a second, latency percentiles, and any non-2xx answers or socket errors.
  awk -v name="$name" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { non2xx = $NF }
    /Socket errors/ { errors = $0; sub(/^ *Socket errors: */, "", errors) }
    END { printf "| %s | %s | %s | %s | %s | %s | %s |\n", name, rps, p50, p90, p99, (non2xx == "" ? 0 : non2xx), (errors == "" ? "none" : errors) }
  ' <<<"$out" >>"$work/table.md"
}

bytes() { curl -s "$1" | wc -c; }
printf '| endpoint | requests/s | p50 | p90 | p99 | non-2xx | socket errors |\n|---|---|---|---|---|---|---|\n' >"$work/table.md"
run "plain Kestrel" "$plain_url/"
run "portal $target_path" "$portal_url$target_path"

echo
echo "wrk -t$threads -c$connections -d$duration on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "page sizes: plain $(bytes "$plain_url/") bytes, portal $target_path $(bytes "$portal_url$target_path") bytes"
cat "$work/table.md"
