#!/usr/bin/env bash
# Measures the start-up time and resident memory of the packaged application.
#
#   bench/startup.sh            # builds the jar (tests skipped) and measures; writes bench/results/startup-server.json or startup-embedded.json
#
# Database: the PostgreSQL server on 127.0.0.1:5432 (database partnerskap_bench, dropped and created
# again, demo data on) when run as root; the embedded PostgreSQL in a fresh temporary data directory
# when run as an ordinary user. After start-up it requests the public pages 200 times and then reads
# VmRSS and VmHWM of the JVM from /proc. Runs stop by themselves (bounded loops, 180 s at most).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
PORT=${PORT:-18080}
./mvnw -q -B -DskipTests package
JAR=$(ls target/partnerskap-*.jar | grep -v -e original -e -server.jar | head -1)
LOG=$(mktemp)
args=(--server.port="$PORT" --partnerskap.demo=true)
if [ "$(id -u)" = 0 ]; then
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS partnerskap_bench WITH (FORCE)" -c "CREATE DATABASE partnerskap_bench"
  args+=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/partnerskap_bench --spring.datasource.username=postgres)
  mode="server"
else
  DATA=$(mktemp -d)
  args+=(--partnerskap.data-dir="$DATA/pg")
  mode="embedded"
fi
start=$(date +%s%N)
java -jar "$JAR" "${args[@]}" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 1800); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 $PID 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.1
done
ready=$(date +%s%N)
started=$(grep -o 'Started PartnerskapApplication in [0-9.]* seconds' "$LOG" | grep -o '[0-9.]*' | head -1)
rss_start=$(awk '/VmRSS/{print $2}' /proc/$PID/status)
for _ in $(seq 1 50); do
  for p in / /en /kommunala-partnerskap /en/municipal-partnership; do curl -fs -o /dev/null "http://127.0.0.1:$PORT$p"; done
done
rss=$(awk '/VmRSS/{print $2}' /proc/$PID/status)
hwm=$(awk '/VmHWM/{print $2}' /proc/$PID/status)
kill $PID; wait $PID 2>/dev/null || true
mkdir -p bench/results
cat > "bench/results/startup-$mode.json" <<JSON
{
  "measured_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "command": "bench/startup.sh",
  "database": "$mode",
  "java": "$(java -version 2>&1 | head -1 | tr -d '"')",
  "cores": $(nproc),
  "spring_reported_startup_seconds": $started,
  "process_start_to_healthy_seconds": $(awk "BEGIN{printf \"%.2f\", ($ready-$start)/1e9}"),
  "rss_after_start_mib": $(awk "BEGIN{printf \"%.0f\", $rss_start/1024}"),
  "rss_after_200_requests_mib": $(awk "BEGIN{printf \"%.0f\", $rss/1024}"),
  "rss_peak_mib": $(awk "BEGIN{printf \"%.0f\", $hwm/1024}")
}
JSON
cat "bench/results/startup-$mode.json"
