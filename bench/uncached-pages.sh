#!/usr/bin/env bash
# One uncached anonymous public page at a time: the time of each request (curl's time_total) for pages that
# are not in the rendered-page cache, one connection, no concurrency; median and p90 per page. The cache is
# bypassed by a query parameter unknown to the page and new on every request (`?nocache=N`), which the pages
# ignore but which is part of the cache's key, so that every request renders the page afresh.
#
#   bench/uncached-pages.sh                      # packages the jar, starts it on the demo data, measures
#   BASE=http://127.0.0.1:19600 bench/uncached-pages.sh   # against an application already running
#   JFR=/tmp/pages.jfr bench/uncached-pages.sh   # and records a flight recording meanwhile
#
# PAGES (default "/ /projekt /karta /kommunala-partnerskap /nyheter /publikationer /sok?q=demokrati"),
# CACHED=1 measures the cached page instead (the same address each time). WARMUP requests per page (200), N measured requests per page (200). Database DB (partnerskap_bench_uncached)
# on 127.0.0.1:5432, dropped and created again. Writes bench/results/uncached-pages.json.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
PORT=${PORT:-18090}
PAGES=${PAGES:-"/ /projekt /karta /kommunala-partnerskap /nyheter /publikationer /sok?q=demokrati"}
WARMUP=${WARMUP:-200}
N=${N:-200}
DB=${DB:-partnerskap_bench_uncached}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
APP=""
if [ -z "${BASE:-}" ]; then
  BASE="http://127.0.0.1:$PORT"
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/partnerskap-*.jar | grep -v -e original -e server | head -1)
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  LOG=$(mktemp)
  JFR_OPT=()
  if [ -n "${JFR:-}" ]; then JFR_OPT=("-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true"); fi
  PARTNERSKAP_DEMO=true SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
    java ${HEAP_OPTS:--Xms512m -Xmx1g} "${JFR_OPT[@]}" -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN >"$LOG" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true; wait 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
    kill -0 $APP 2>/dev/null || { cat "$LOG"; exit 1; }
    sleep 0.2
  done
  for _ in $(seq 1 300); do
    [ "$("${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) FROM demo_load")" -ge 1 ] 2>/dev/null && break
    sleep 0.2
  done
fi

# one curl for all requests of a page: one kept-alive connection, the time of each request in ms
times() { # path count start
  local path=$1 count=$2 start=$3 sep='?'
  case "$path" in *\?*) sep='&' ;; esac
  local args=()
  for i in $(seq "$start" $((start + count - 1))); do
    if [ -n "${CACHED:-}" ]; then
      args+=(-o /dev/null -w '%{http_code} %{time_total}\n' "$BASE$path")
    else
      args+=(-o /dev/null -w '%{http_code} %{time_total}\n' "$BASE$path${sep}nocache=$i")
    fi
  done
  curl -s "${args[@]}"
}

rows=()
RUN=$(date +%s)000000 # new numbers on every run: nothing from an earlier run's cache either
for path in $PAGES; do
  times "$path" "$WARMUP" "$RUN" >/dev/null
  out=$(times "$path" "$N" $((RUN + WARMUP)))
  bad=$(awk '$1 != 200' <<<"$out" | wc -l)
  stats=$(awk '{print $2 * 1000}' <<<"$out" | sort -n | awk '{a[NR]=$1} END {printf "%.2f %.2f %.2f", a[int((NR+1)/2)], a[int(NR*0.9)], a[NR]}')
  read -r p50 p90 max <<<"$stats"
  printf '%-24s p50 %6s ms  p90 %6s ms  max %7s ms  non-200: %s\n' "$path" "$p50" "$p90" "$max" "$bad"
  rows+=("{\"page\": \"$path\", \"requests\": $N, \"p50_ms\": $p50, \"p90_ms\": $p90, \"max_ms\": $max, \"non_200\": $bad}")
done

mkdir -p bench/results
{
  echo "{"
  echo "  \"command\": \"bench/uncached-pages.sh (WARMUP=$WARMUP N=$N)\","
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"machine\": \"$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)\","
  echo "  \"note\": \"one connection, each request with a new ?nocache=N so that nothing comes from the rendered-page cache\","
  echo "  \"pages\": ["
  (IFS=$'\n'; echo "${rows[*]}" | sed '$!s/$/,/; s/^/    /')
  echo "  ]"
  echo "}"
} > bench/results/uncached-pages.json
