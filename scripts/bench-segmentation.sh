#!/usr/bin/env bash
# Segmentation benchmark: the stem-segment tool against the sqlite3 command-line tool on the same
# generated patient-level file, in the same run. Both produce the segment x setting table (people
# linked and cost, for each segment and setting); the tool also validates every row and writes
# the whole protected output. Prints wall time and peak memory (maximum resident set size) of each.
#
#   scripts/bench-segmentation.sh                 # 2,800,000 people, seed 42, in a new temp folder
#   PEOPLE=500000 BENCH_DIR=/tmp/bench scripts/bench-segmentation.sh
#
# The file is generated once into BENCH_DIR (kept when BENCH_DIR is given, so later runs reuse it).
set -euo pipefail

people=${PEOPLE:-2800000}
seed=${SEED:-42}
runs=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n "${BENCH_DIR:-}" ]]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d -t portal-bench-segmentation-XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi

install() {
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}
command -v sqlite3 >/dev/null || { echo "Installing sqlite3..." >&2; install sqlite3; }
[[ -x /usr/bin/time ]] || { echo "Installing time..." >&2; install time; }

echo "Building the tool (Release)..." >&2
dotnet build "$root/src/Portal.Segmentation.Tool" -c Release -v quiet -nologo >/dev/null
tool=(dotnet "$root/src/Portal.Segmentation.Tool/bin/Release/net10.0/Portal.Segmentation.Tool.dll")

people_csv="$work/people-$people-$seed.csv"
if [[ ! -f "$people_csv" ]]; then
  echo "Generating $people people (seed $seed)..." >&2
  "${tool[@]}" generate --people "$people" --seed "$seed" --out "$people_csv" --quiet
fi

size_mb=$(( $(stat -c %s "$people_csv") / 1000000 ))
cache_start=$(date +%s.%N)
cat "$people_csv" >/dev/null
cache_end=$(date +%s.%N)
read_seconds=$(awk -v a="$cache_start" -v b="$cache_end" 'BEGIN { printf "%.2f", b - a }')

cat >"$work/segment-by-setting.sql" <<SQL
.mode csv
.import '$people_csv' people
.headers on
.once '$work/sqlite-table.csv'
WITH p AS (
  SELECT
    CASE WHEN died_in_period = '1' THEN 'end_of_life'
         WHEN frailty_band = 'severe' THEN 'severe_frailty'
         WHEN CAST(ltc_count AS INTEGER) >= 4 THEN 'ltc_4_plus'
         WHEN CAST(ltc_count AS INTEGER) >= 1 THEN 'ltc_1_3'
         ELSE 'generally_well' END AS segment,
    cost_acute_elective <> '' AS acute_linked,
    CAST(cost_acute_elective AS REAL) + CAST(cost_acute_nonelective AS REAL) + CAST(cost_ae AS REAL) + CAST(cost_outpatient AS REAL) AS acute,
    cost_primary_care <> '' AS primary_linked,
    CAST(cost_primary_care AS REAL) + CAST(cost_prescribing AS REAL) AS primary_care,
    cost_community <> '' AS community_linked, CAST(cost_community AS REAL) AS community,
    cost_mental_health <> '' AS mental_health_linked, CAST(cost_mental_health AS REAL) AS mental_health,
    cost_social_care <> '' AS social_care_linked, CAST(cost_social_care AS REAL) AS social_care
  FROM people)
SELECT segment,
  SUM(acute_linked) AS acute_people, ROUND(SUM(acute), 2) AS acute_cost,
  SUM(primary_linked) AS primary_people, ROUND(SUM(primary_care), 2) AS primary_cost,
  SUM(community_linked) AS community_people, ROUND(SUM(community), 2) AS community_cost,
  SUM(mental_health_linked) AS mental_health_people, ROUND(SUM(mental_health), 2) AS mental_health_cost,
  SUM(social_care_linked) AS social_care_people, ROUND(SUM(social_care), 2) AS social_care_cost,
  COUNT(*) AS people, ROUND(SUM(acute + primary_care + community + mental_health + social_care), 2) AS total_cost
FROM p GROUP BY segment ORDER BY segment;
SQL

# Runs a command under /usr/bin/time -v; prints "seconds peak_mb".
measure() {
  local log="$work/time.log"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  echo "$wall $rss"
}

best() { sort -n | head -1; }

tool_runs=()
sqlite_runs=()
for ((i = 1; i <= runs; i++)); do
  echo "Run $i of $runs..." >&2
  tool_runs+=("$(measure "${tool[@]}" segment "$people_csv" --out "$work/output.csv" --quiet)")
  rm -f "$work/people.db"
  sqlite_runs+=("$(measure sqlite3 "$work/people.db" ".read '$work/segment-by-setting.sql'")")
done

# The same figures: the tool's (unsuppressed) total cost per segment must match sqlite3's.
mismatch=$(awk -F, '
  NR == FNR { if (FNR > 1) cost[$1] = $NF; next }
  $4 == "segment" && $7 == "total" && $6 != "all" { if (($6 in cost) && (cost[$6] - $9 > 0.05 || $9 - cost[$6] > 0.05)) print $6 }
' "$work/sqlite-table.csv" <(grep -v '^#' "$work/output.csv"))
[[ -z "$mismatch" ]] || { echo "The tool and sqlite3 disagree on: $mismatch" >&2; exit 1; }

tool_best=$(printf '%s\n' "${tool_runs[@]}" | best)
sqlite_best=$(printf '%s\n' "${sqlite_runs[@]}" | best)
read -r tool_s tool_mb <<<"$tool_best"
read -r sqlite_s sqlite_mb <<<"$sqlite_best"

echo
echo "Segmentation of $people people ($size_mb MB, seed $seed); best of $runs runs"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Reading the file from the page cache (cat): $read_seconds s"
printf '| %-44s | %8s | %9s |\n' "path" "wall (s)" "peak (MB)"
printf '|%s|%s|%s|\n' "----------------------------------------------" "----------" "-----------"
printf '| %-44s | %8.2f | %9d |\n' "stem-segment segment (validate, protect)" "$tool_s" "$tool_mb"
printf '| %-44s | %8.2f | %9d |\n' "sqlite3 .import + segment x setting query" "$sqlite_s" "$sqlite_mb"
echo "All runs (seconds, MB): tool ${tool_runs[*]/ /,} | sqlite3 ${sqlite_runs[*]/ /,}"
echo "Speed-up: $(awk -v a="$sqlite_s" -v b="$tool_s" 'BEGIN { printf "%.1f", a / b }')x; the per-segment total costs agree."
